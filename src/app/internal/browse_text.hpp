// Text helpers of the browse use cases: an allocation-free substring matcher for name search and
// the "did you mean …?" hint of unknown references. Private to app/.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace atlas::app::internal {

/// Finds a fixed needle in many texts, ASCII case-insensitively (other bytes, such as the UTF-8 of
/// Chinese names, compare exactly: a UTF-8 continuation byte is never ASCII, so folding cannot
/// split a character). Horspool over bytes; matches() allocates nothing. Not copyable (keeps its
/// own folded copy of the needle); a const matcher may be used from several threads.
class TextMatcher {
 public:
  explicit TextMatcher(std::string_view needle);
  TextMatcher(const TextMatcher&) = delete;
  TextMatcher& operator=(const TextMatcher&) = delete;

  /// True when the needle occurs in `text` (an empty needle occurs everywhere).
  [[nodiscard]] bool matches(std::string_view text) const;

 private:
  static char fold(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }
  std::string needle_;  // folded
  std::array<std::size_t, 256> shift_{};
};

/// Keeps the known name closest to a mistyped `word`, within a distance that grows with its length
/// (at least 2, about a third of the length for long words).
class Suggester {
 public:
  explicit Suggester(std::string_view word);
  void consider(std::string_view candidate);
  /// ` (did you mean "x"?)`, or empty when nothing is close.
  [[nodiscard]] std::string hint() const;

 private:
  std::string word_;
  std::size_t own_length_;
  std::size_t limit_;
  std::size_t best_distance_;
  std::string best_;
};

}  // namespace atlas::app::internal
