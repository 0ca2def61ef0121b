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
/// whole, non-negative number of yuan that fits int64), a count (parse_count: a non-negative
/// integer) or a percent (`>= 18%`, in millionths). So `>= 1e400`, `>= NaN`, `>= -1`, `>= 1.5` (a count) and
/// `>= 99999999999999亿` are refused. A measure word may follow the number (`>= 15家`, and in the
/// plan's `declared` unit its name: `>= 530万辆`). kInvalidValue naming the goal text (field "goal")
/// when it does not parse. Thread-safe.
[[nodiscard]] Result<Goal> parse_goal(std::string_view text, TargetUnit unit,
                                      const UnitRecord* declared = nullptr);

/// A value in a target's unit: an amount (parse_amount), a count (parse_count) or a percent
/// (parse_percent, in millionths). The parsers' errors.
[[nodiscard]] Result<std::int64_t> parse_in_unit(std::string_view text, TargetUnit unit);

/// The value written in its unit: "27.19亿", "15", "18.5%".
[[nodiscard]] std::string format_in_unit(std::int64_t value, TargetUnit unit);

/// The word of a declared unit after a number in Chinese (`zh`) or English: its name in that
/// language (empty: none), and of a name written `singular | plural` the singular for exactly one
/// ("1 enterprise").
[[nodiscard]] std::string_view unit_word(const Names& name, bool zh, bool one);

/// `value` (in the unit's measure: yuan, a count, millionths of a percent) as users read it in a
/// plan's declared unit: in the largest scale of the language whose factor is at most |value|
/// (`530万辆`, `5.3 million vehicles`), else in the unit itself (`15家`, `1 enterprise`); at most
/// `decimals` places, trailing zeros dropped. Chinese puts no space before the word, English one.
[[nodiscard]] std::string format_unit_value(double value, const UnitRecord& unit, bool zh, int decimals = 2);

/// A baseline as plans write it, with the qualifier of the plan's words: `27.19亿`, `超30亿` (over),
/// `30亿以上` (at least), `约6300` (about), `不低于5家` … .
struct QualifiedValue {
  FactQualifier qualifier = FactQualifier::kExact;
  std::int64_t value = 0;
};

/// Reads `[约|近|超|超过|不少于|不低于] VALUE [以上|多]` in `unit`: 约/近 → about, 超/超过/多 → over,
/// 不少于/不低于/以上 → at least (以上 includes the number); a count may end in 家, 个, 项 or 人
/// (`6300多人`), and a value in a plan's `declared` unit in its name (`530万辆`). The errors of
/// parse_in_unit.
[[nodiscard]] Result<QualifiedValue> parse_qualified(std::string_view text, TargetUnit unit,
                                                     const UnitRecord* declared = nullptr);

/// Whether `value` meets `goal`.
[[nodiscard]] bool satisfies(const Goal& goal, std::int64_t value);

/// `≥ 100亿` / `≥ 15` / `≥ 18%` for display.
[[nodiscard]] std::string format_goal(const Goal& goal, TargetUnit unit);
/// `≥ 530万辆` / `≥ 5.3 million vehicles`: the goal in a plan's declared unit (format_unit_value).
[[nodiscard]] std::string format_goal(const Goal& goal, const UnitRecord& unit, bool zh);

}  // namespace atlas
