// The forecast's random numbers: a counter-based generator, so that every number is a function of
// (seed, run, stream, entity, draw) and never of a shared state — the runs may be split across
// threads in any way and give the same bits (docs/forecast.md, "Monte Carlo").
#pragma once

#include <array>
#include <cmath>
#include <cstdint>
#include <numbers>

namespace atlas::engine::internal {

/// SplitMix64's finaliser (Steele, Lea, Flood 2014): a bijection of 64 bits with full avalanche.
[[nodiscard]] constexpr std::uint64_t mix64(std::uint64_t x) {
  x += 0x9E3779B97F4A7C15ULL;
  x = (x ^ (x >> 30U)) * 0xBF58476D1CE4E5B9ULL;
  x = (x ^ (x >> 27U)) * 0x94D049BB133111EBULL;
  return x ^ (x >> 31U);
}

/// What a random number is for: each stream has its own entities and draws.
enum class Stream : std::uint64_t {
  kSegmentFactor = 1,  // entity: segment × year
  kEnterprise = 2,     // entity: enterprise × year
  kProjectCancel = 3,  // entity: project
  kProjectDelay = 4,   // entity: project
  kArrivals = 5,       // entity: target × year
  kFirmCancel = 6,     // entity: a what-if firm (its index among the changes)
  kFirmDelay = 7,      // entity: a what-if firm
  kAggregate = 8,      // entity: target × year (the idiosyncratic rest of an aggregated set)
};

/// The generator of one (seed, run, stream, entity): draw n gives the n-th number.
class Counter {
 public:
  Counter(std::uint64_t seed, std::uint64_t run, Stream stream, std::uint64_t entity)
      : key_(mix64(mix64(mix64(seed) ^ run) ^ ((static_cast<std::uint64_t>(stream) << 56U) ^ entity))) {}

  /// 64 random bits for draw n.
  [[nodiscard]] std::uint64_t bits(std::uint64_t n) const { return mix64(key_ ^ mix64(n)); }
  /// A uniform number in (0, 1): 53 bits, never 0 or 1.
  [[nodiscard]] double uniform(std::uint64_t n) const {
    return (static_cast<double>(bits(n) >> 11U) + 0.5) * 0x1.0p-53;
  }
  /// A standard normal from draws 2n and 2n+1 (Box–Muller, cosine branch).
  [[nodiscard]] double normal(std::uint64_t n) const { return normal_pair(n / 2)[n % 2]; }
  /// Two independent standard normals, normal(2n) and normal(2n+1): Marsaglia's polar method (no
  /// sine or cosine), attempt k reading draws 32n + 2k and 32n + 2k + 1; after 16 rejected attempts
  /// (probability 0.215^16 ≈ 2e-11) Box–Muller on the last pair.
  [[nodiscard]] std::array<double, 2> normal_pair(std::uint64_t n) const {
    double x = 0;
    double y = 0;
    for (std::uint64_t k = 0; k < 16; ++k) {
      x = (2.0 * uniform((32 * n) + (2 * k))) - 1.0;
      y = (2.0 * uniform((32 * n) + (2 * k) + 1)) - 1.0;
      const double s = (x * x) + (y * y);
      if (s < 1.0 && s > 0.0) {
        const double f = std::sqrt(-2.0 * std::log(s) / s);
        return {x * f, y * f};
      }
    }
    const double r = std::sqrt(-2.0 * std::log((x + 1.0) / 2.0));
    const double a = std::numbers::pi * (y + 1.0);
    return {r * std::cos(a), r * std::sin(a)};
  }

 private:
  std::uint64_t key_;
};

/// A Gamma(shape, 1) number, shape ≥ 1 (Marsaglia & Tsang 2000). Attempt k of the rejection
/// loop reads draws 3(base + k) … 3(base + k) + 2, so give each gamma its own base (at most 64
/// attempts; the acceptance rate is above 95 %, so the cap is never reached in practice).
[[nodiscard]] inline double gamma(const Counter& rng, double shape, std::uint64_t base) {
  const double d = shape - (1.0 / 3.0);
  const double c = 1.0 / std::sqrt(9.0 * d);
  for (std::uint64_t k = 0; k < 64; ++k) {
    const std::uint64_t n = 3 * (base + k);
    const double u1 = rng.uniform(n);
    const double u2 = rng.uniform(n + 1);
    const double x = std::sqrt(-2.0 * std::log(u1)) * std::cos(2.0 * std::numbers::pi * u2);
    const double v0 = 1.0 + (c * x);
    if (v0 <= 0) continue;
    const double v = v0 * v0 * v0;
    const double u = rng.uniform(n + 2);
    if (std::log(u) < (0.5 * x * x) + d - (d * v) + (d * std::log(v))) return d * v;
  }
  return d;
}

/// A Poisson number of mean `mean` ≥ 0 from draw `n`: inversion of the distribution function below
/// a mean of 30, the normal approximation (rounded, at least 0) above it.
[[nodiscard]] inline std::int64_t poisson(const Counter& rng, double mean, std::uint64_t n) {
  if (mean <= 0) return 0;
  if (mean >= 30) {
    const double x = std::round(mean + (std::sqrt(mean) * rng.normal(n)));
    return x < 0 ? 0 : static_cast<std::int64_t>(x);
  }
  const double u = rng.uniform(n);
  double p = std::exp(-mean);
  double cdf = p;
  std::int64_t k = 0;
  while (u > cdf && k < 1000) {
    ++k;
    p *= mean / static_cast<double>(k);
    cdf += p;
  }
  return k;
}

}  // namespace atlas::engine::internal
