// Text helpers that carry domain meaning for every module: how close a mistyped name is to a
// known one ("did you mean …?" in import errors and in the indicator language).
#pragma once

#include <cstddef>
#include <string_view>

namespace atlas {

/// Optimal-string-alignment distance between two UTF-8 texts, counted in code points: insertions,
/// deletions, substitutions and transpositions of adjacent characters each cost 1
/// ("segmnt" → "segment" is 1, "产值" → "产量" is 1). Thread-safe.
[[nodiscard]] std::size_t edit_distance(std::string_view a, std::string_view b);

/// Number of code points of a UTF-8 text.
[[nodiscard]] std::size_t character_count(std::string_view s);

}  // namespace atlas
