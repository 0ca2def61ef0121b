// Portable pseudo-random numbers for `atlas gen`: SplitMix64 and hand-written distributions, so
// that a seed gives the same dataset with any standard library (std:: distributions are not
// specified bit for bit). Private to app/synthetic.
#pragma once

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <numbers>
#include <vector>

namespace atlas::app::internal {

/// Mixes a seed, a stream tag and an index into an independent 64-bit stream seed, so that each
/// entity (enterprise i, carrier j …) draws from its own stream and can be regenerated alone.
[[nodiscard]] constexpr std::uint64_t mix_seed(std::uint64_t seed, std::uint64_t stream,
                                               std::uint64_t index) {
  std::uint64_t z = seed ^ (stream * 0xD1B54A32D192ED03ULL) ^ (index * 0x9E3779B97F4A7C15ULL);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  return z ^ (z >> 31);
}

/// SplitMix64 (Steele, Lea, Flood 2014) with the distributions the generator needs.
/// Not thread-safe; cheap to construct, so make one per entity.
class Rng {
 public:
  explicit Rng(std::uint64_t seed) : state_(seed) {}

  std::uint64_t next() {
    std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
  }
  /// Uniform in [0, 1).
  double uniform() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }
  /// Uniform in (0, 1): safe to take the logarithm of.
  double open_uniform() { return (static_cast<double>(next() >> 11) + 0.5) * 0x1.0p-53; }
  /// Uniform in [lo, hi).
  double uniform(double lo, double hi) { return lo + (hi - lo) * uniform(); }
  /// Uniform integer in [0, n); n > 0.
  std::uint64_t below(std::uint64_t n) {
    return std::min(n - 1, static_cast<std::uint64_t>(uniform() * static_cast<double>(n)));
  }
  /// Uniform integer in [lo, hi], both inclusive.
  int between(int lo, int hi) {
    return lo + static_cast<int>(below(static_cast<std::uint64_t>(hi - lo + 1)));
  }
  bool chance(double p) { return uniform() < p; }
  /// Standard normal by Box–Muller (the cosine branch only, so each call is self-contained).
  double normal() {
    const double r = std::sqrt(-2.0 * std::log(open_uniform()));
    return r * std::cos(2.0 * std::numbers::pi * uniform());
  }
  double normal(double mean, double sd) { return mean + sd * normal(); }
  /// exp(N(mu, sigma)): median e^mu.
  double lognormal(double mu, double sigma) { return std::exp(normal(mu, sigma)); }
  /// Pareto with scale xm and shape alpha by inverse CDF: xm / U^(1/alpha).
  double pareto(double xm, double alpha) { return xm / std::pow(open_uniform(), 1.0 / alpha); }

 private:
  std::uint64_t state_;
};

/// A discrete distribution by inverse CDF: index i drawn with probability weight[i] / Σ weight.
/// Immutable after construction, so it may be shared between threads.
class DiscreteTable {
 public:
  DiscreteTable() = default;
  explicit DiscreteTable(const std::vector<double>& weights) {
    cdf_.reserve(weights.size());
    double total = 0;
    for (double w : weights)
      cdf_.push_back(total += w);
  }
  /// Zipf-like weights 1 / rank^s for ranks 1..n.
  static DiscreteTable zipf(std::size_t n, double s) {
    std::vector<double> w(n);
    for (std::size_t i = 0; i < n; ++i)
      w[i] = 1.0 / std::pow(static_cast<double>(i + 1), s);
    return DiscreteTable(w);
  }
  [[nodiscard]] std::size_t sample(Rng& rng) const {
    const double u = rng.uniform() * cdf_.back();
    const auto it = std::upper_bound(cdf_.begin(), cdf_.end(), u);
    return std::min(static_cast<std::size_t>(it - cdf_.begin()), cdf_.size() - 1);
  }
  [[nodiscard]] std::size_t size() const { return cdf_.size(); }

 private:
  std::vector<double> cdf_;
};

/// Fisher–Yates shuffle driven by Rng (std::shuffle's algorithm is unspecified).
template <class T>
void shuffle(std::vector<T>& items, Rng& rng) {
  for (std::size_t i = items.size(); i > 1; --i)
    std::swap(items[i - 1], items[rng.below(i)]);
}

}  // namespace atlas::app::internal
