// "Did you mean …?": the closest known name to a misspelt one.
#pragma once

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "model/text.hpp"

namespace atlas::query::internal {

using atlas::edit_distance;

/// Collects candidates and keeps the closest one to `word` within a distance that grows with the
/// word's length (1 for short words, about a third of the length for longer ones).
class Suggester {
 public:
  explicit Suggester(std::string_view word);
  void consider(std::string_view candidate);
  void consider_all(std::span<const std::string_view> candidates);
  [[nodiscard]] const std::optional<std::string>& best() const { return best_; }
  /// ` — did you mean "x"?` or empty when nothing is close.
  [[nodiscard]] std::string hint() const;

 private:
  std::string word_;
  std::size_t limit_;
  std::size_t best_distance_;
  std::optional<std::string> best_;
};

}  // namespace atlas::query::internal
