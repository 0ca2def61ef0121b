// Exact money and the plan's units (亿元, 万元).
#pragma once

#include <compare>
#include <cstdint>
#include <string>
#include <string_view>

#include "model/error.hpp"

namespace atlas {

/// An exact amount of money in whole yuan. Never a double.
struct Yuan {
  std::int64_t value = 0;
  constexpr auto operator<=>(const Yuan&) const = default;
};

inline constexpr std::int64_t kWan = 10'000;      // 万
inline constexpr std::int64_t kYi = 100'000'000;  // 亿

/// Parses a non-negative amount as users and the plan write it: `1.35万亿`, `27.19亿`, `27.19亿元`,
/// `5000万`, `1,234.5万元`, `2.5e9`, `1200000`, `12元`. Decimal arithmetic is exact: `0.1亿` is 10000000.
/// Fails with kInvalidAmount when the text is not an amount, is negative, overflows int64, or is
/// not a whole number of yuan after scaling (`0.5元`).
[[nodiscard]] Result<std::int64_t> parse_amount(std::string_view text);

/// Parses a non-negative whole count (`15`, `1,234`), optionally with a multiplier as plans write
/// counts (`530万` vehicles = 5300000, `1.5万`, `2亿`, `1.2万亿`); the result must be whole (`1.5`
/// and `1.23456万` are refused). kInvalidValue otherwise.
[[nodiscard]] Result<std::int64_t> parse_count(std::string_view text);

/// A share or rate in millionths of the whole (parts per million): 18% is 180000. Exact, so a
/// percent goal compares without rounding.
inline constexpr std::int64_t kPerMillion = 1'000'000;

/// Parses a non-negative percent as plans write one: `18%`, `18.5 %`, `0.25％`, `1,200%`; the `%`
/// (or full-width `％`) is required. Returns millionths: `18%` is 180000. kInvalidValue when the
/// text is not a percent, is finer than 0.0001% or overflows.
[[nodiscard]] Result<std::int64_t> parse_percent(std::string_view text);

/// Millionths as a percent without trailing zeros: 180000 → "18%", 185000 → "18.5%",
/// 1 → "0.0001%". Round-trips through parse_percent.
[[nodiscard]] std::string format_percent(std::int64_t millionths);

/// Shortest exact form in the plan's units: 2719000000 → "27.19亿", 50000000 → "5000万",
/// 12 → "12". Round-trips through parse_amount.
[[nodiscard]] std::string format_amount(std::int64_t yuan);

/// Display form in 亿 with `decimals` places (rounded half away from zero): "27.19亿".
[[nodiscard]] std::string format_yi(std::int64_t yuan, int decimals = 2);

}  // namespace atlas
