// A target's goal (`>= 100亿`, `> 20亿`, `>= 15`): one parser for the plan reader, which refuses a
// goal at import, and for the engine, which judges targets against it.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "model/error.hpp"
#include "model/records.hpp"

namespace atlas {

enum class Comparison : std::uint8_t { kGreaterEqual, kGreater, kLessEqual, kLess, kEqual };

/// A target's goal: `>= 100亿`, `> 20亿`, `>= 15`.
struct Goal {
  Comparison op = Comparison::kGreaterEqual;
  std::int64_t value = 0;  // yuan or a count, as the target's unit says
};

/// Parses `OP VALUE` with OP one of >= > <= < = and VALUE an amount (unit yuan: parse_amount, so a
/// whole, non-negative number of yuan that fits int64) or a count (parse_count: a non-negative
/// integer). So `>= 1e400`, `>= NaN`, `>= -1`, `>= 1.5` (a count) and `>= 99999999999999亿` are
/// refused. kInvalidValue naming the goal text (field "goal") when it does not parse. Thread-safe.
[[nodiscard]] Result<Goal> parse_goal(std::string_view text, TargetUnit unit);

/// Whether `value` meets `goal`.
[[nodiscard]] bool satisfies(const Goal& goal, std::int64_t value);

/// `≥ 100亿` / `≥ 15` for display.
[[nodiscard]] std::string format_goal(const Goal& goal, TargetUnit unit);

}  // namespace atlas
