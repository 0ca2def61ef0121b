#include "app/internal/browse_text.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "model/text.hpp"

namespace atlas::app::internal {

TextMatcher::TextMatcher(std::string_view needle) : needle_(needle) {
  for (char& c : needle_)
    c = fold(c);
  const std::size_t m = needle_.size();
  shift_.fill(std::max<std::size_t>(m, 1));
  for (std::size_t k = 0; k + 1 < m; ++k)
    shift_[static_cast<unsigned char>(needle_[k])] = m - 1 - k;
}

bool TextMatcher::matches(std::string_view text) const {
  const std::size_t m = needle_.size();
  if (m == 0) return true;
  for (std::size_t i = 0; i + m <= text.size();) {
    std::size_t j = m;
    while (j > 0 && fold(text[i + j - 1]) == needle_[j - 1])
      --j;
    if (j == 0) return true;
    i += shift_[static_cast<unsigned char>(fold(text[i + m - 1]))];
  }
  return false;
}

Suggester::Suggester(std::string_view word)
    : word_(word),
      own_length_(character_count(word)),
      limit_(std::max<std::size_t>(2, own_length_ / 3)),
      best_distance_(limit_ + 1) {
}

void Suggester::consider(std::string_view candidate) {
  if (candidate.empty() || candidate == word_) return;
  const std::size_t length = character_count(candidate);
  const std::size_t gap = length > own_length_ ? length - own_length_ : own_length_ - length;
  if (gap >= best_distance_) return;  // cannot beat the best so far
  const std::size_t distance = edit_distance(word_, candidate);
  if (distance < best_distance_) {
    best_distance_ = distance;
    best_ = std::string(candidate);
  }
}

std::string Suggester::hint() const {
  return best_.empty() ? std::string() : fmt::format(" (did you mean \"{}\"?)", best_);
}

}  // namespace atlas::app::internal
