// A fixed-size set of row indices, one bit per row: the selection vector of the evaluator.
#pragma once

#include <bit>
#include <cstddef>
#include <cstdint>
#include <vector>

namespace atlas::query::internal {

/// Not thread-safe to mutate; a const Bitmap may be read concurrently.
class Bitmap {
 public:
  explicit Bitmap(std::size_t size, bool filled = false)
      : words_((size + 63) / 64, filled ? ~std::uint64_t{0} : 0), size_(size) {
    if (filled) clear_tail();
  }

  [[nodiscard]] std::size_t size() const { return size_; }
  void set(std::size_t i) { words_[i / 64] |= std::uint64_t{1} << (i % 64); }
  void reset(std::size_t i) { words_[i / 64] &= ~(std::uint64_t{1} << (i % 64)); }
  [[nodiscard]] bool test(std::size_t i) const { return (words_[i / 64] >> (i % 64)) & 1U; }

  void and_with(const Bitmap& other) {
    for (std::size_t w = 0; w < words_.size(); ++w)
      words_[w] &= other.words_[w];
  }
  void and_not(const Bitmap& other) {
    for (std::size_t w = 0; w < words_.size(); ++w)
      words_[w] &= ~other.words_[w];
  }
  void or_with(const Bitmap& other) {
    for (std::size_t w = 0; w < words_.size(); ++w)
      words_[w] |= other.words_[w];
  }

  [[nodiscard]] std::size_t count() const {
    std::size_t n = 0;
    for (auto w : words_)
      n += static_cast<std::size_t>(std::popcount(w));
    return n;
  }
  [[nodiscard]] bool none() const {
    for (auto w : words_) {
      if (w != 0) return false;
    }
    return true;
  }

  /// Calls f(row) for every set row in ascending order; whole empty words are skipped.
  template <class F>
  void for_each(F&& f) const {
    for (std::size_t w = 0; w < words_.size(); ++w) {
      for (std::uint64_t bits = words_[w]; bits != 0; bits &= bits - 1) {
        f(w * 64 + static_cast<std::size_t>(std::countr_zero(bits)));
      }
    }
  }

 private:
  void clear_tail() {
    if (size_ % 64 != 0) words_.back() &= (std::uint64_t{1} << (size_ % 64)) - 1;
  }

  std::vector<std::uint64_t> words_;
  std::size_t size_;
};

}  // namespace atlas::query::internal
