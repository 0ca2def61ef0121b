// "Did you mean …?": the closest known word to a misspelt one.
#pragma once

#include <span>
#include <string>
#include <string_view>

#include "model/text.hpp"

namespace atlas::io::internal {

using atlas::edit_distance;

/// The candidate closest to `word`, or "" when none is within about a third of the word's length.
/// Ties go to the earlier candidate.
[[nodiscard]] std::string_view closest(std::string_view word, std::span<const std::string_view> candidates);

/// " (did you mean 'x'?)" for the closest candidate, or "" when there is none.
[[nodiscard]] std::string did_you_mean(std::string_view word, std::span<const std::string_view> candidates);

/// "a, b, c": the words joined for "expected one of …" messages.
[[nodiscard]] std::string join_words(std::span<const std::string_view> words);

}  // namespace atlas::io::internal
