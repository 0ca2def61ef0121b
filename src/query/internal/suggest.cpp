#include "query/internal/suggest.hpp"

#include <algorithm>
#include <cstdint>
#include <vector>

#include <fmt/format.h>

#include "model/text.hpp"

namespace atlas::query::internal {

Suggester::Suggester(std::string_view word)
    : word_(word), limit_(std::max<std::size_t>(1, character_count(word) / 3)), best_distance_(limit_ + 1) {
}

void Suggester::consider(std::string_view candidate) {
  if (candidate.empty() || candidate == word_) return;
  const std::size_t length = character_count(candidate);
  const std::size_t own = character_count(word_);
  if ((length > own ? length - own : own - length) > limit_) return;  // cannot be close enough
  const std::size_t distance = edit_distance(word_, candidate);
  if (distance < best_distance_) {
    best_distance_ = distance;
    best_ = std::string(candidate);
  }
}

void Suggester::consider_all(std::span<const std::string_view> candidates) {
  for (auto c : candidates)
    consider(c);
}

std::string Suggester::hint() const {
  return best_ ? fmt::format(" — did you mean \"{}\"?", *best_) : "";
}

}  // namespace atlas::query::internal
