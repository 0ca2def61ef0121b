// The syntax tree of an indicator (docs/indicator-language.md), as the parser builds it: names
// and literals still as written, each with its position in the source. No schema knowledge.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "model/period.hpp"

namespace atlas::query {

/// Where a token starts: byte offset into the source and 1-based column in characters (UTF-8
/// code points, so `亿` is one column).
struct SourcePos {
  std::uint32_t offset = 0;
  std::uint32_t column = 1;
  constexpr bool operator==(const SourcePos&) const = default;
};

/// count(set), sum/avg/min/max(field), or figure(metric) of "subject": a figure stated about a
/// region or another aggregate (facts.csv) rather than added up from records.
enum class Aggregate : std::uint8_t { kCount, kSum, kAvg, kMin, kMax, kFigure };
/// = != < <= > >= (≥ and ≤ are read as >= and <=).
enum class CompareOp : std::uint8_t { kEqual, kNotEqual, kLess, kLessEqual, kGreater, kGreaterEqual };

/// A value on the right of a comparison, still untyped.
enum class LiteralKind : std::uint8_t {
  kString,  // "lead-park" (text is the decoded contents)
  kNumber,  // 10亿, 2.5e9, 2 (text as written)
  kWord,    // provincial, true
};

/// A literal as written and where it starts; the checker gives it a type.
struct Literal {
  LiteralKind kind = LiteralKind::kWord;
  std::string text;
  SourcePos pos;
  bool operator==(const Literal&) const = default;
};

/// A span of whole months [first, last], written `2025`, `2025-09`, `2025-01~09` or `A..B`.
struct PeriodSpec {
  MonthIndex first = 0;
  MonthIndex last = 0;
  std::string text;  // as written, for messages
  SourcePos pos;
  /// True when the span is exactly one calendar year.
  [[nodiscard]] bool is_calendar_year() const { return month_of(first) == 1 && last == first + 11; }
  bool operator==(const PeriodSpec&) const = default;
};

enum class ConditionKind : std::uint8_t {
  kOr,       // operands: two or more
  kAnd,      // operands: two or more
  kNot,      // operands: one
  kCompare,  // field op literal
  kWithin,   // date-field in period
  kFlag,     // a bare field: high_tech, above_size, signed
};

/// One node of the `where` condition. Children are indices into Indicator::conditions, so the
/// tree is a plain copyable value.
struct Condition {
  ConditionKind kind = ConditionKind::kFlag;
  SourcePos pos;                        // and/or/not: the keyword; leaves: the field name
  std::vector<std::uint32_t> operands;  // kOr, kAnd, kNot
  std::string field;                    // leaves
  CompareOp op = CompareOp::kEqual;     // kCompare
  SourcePos op_pos;                     // kCompare
  Literal literal;                      // kCompare
  PeriodSpec period;                    // kWithin
  bool operator==(const Condition&) const = default;
};

/// A parsed indicator: `aggregate(subject) [where condition] [/ aggregate(subject) [where condition]]
/// [in period] [group by field]`.
struct Indicator {
  std::string source;
  Aggregate aggregate = Aggregate::kCount;
  SourcePos aggregate_pos;
  std::string subject;  // the set of count(), the field of sum/avg/min/max()
  SourcePos subject_pos;
  /// `count(distinct FIELD) of SET`: the field whose distinct values are counted (subject is the
  /// set); empty for a plain count.
  std::string distinct;
  SourcePos distinct_pos;
  /// `figure(METRIC) of "SUBJECT"`: the subject of the figure ("region:china", "cluster", a zone id);
  /// empty for the other aggregates.
  std::string figure_of;
  SourcePos figure_of_pos;
  std::vector<Condition> conditions;
  std::optional<std::uint32_t> where;  // index of the root condition
  std::optional<PeriodSpec> period;    // the trailing `in PERIOD`
  /// A ratio `a / b`: the divisor b, with its own aggregate, subject and conditions but no period
  /// (both parts are read over the trailing period). Empty for a plain aggregate; never nested.
  std::vector<Indicator> divisor;
  SourcePos divide_pos;  // the "/"
  /// `group by FIELD`: one value per value of FIELD (county, zone, segment, a taxonomy level …) as
  /// well as the whole; empty when the indicator is not grouped. Set on the indicator, never on
  /// its divisor (a ratio is grouped as a whole).
  std::string group_by;
  SourcePos group_by_pos;  // the field after "group by"
  bool operator==(const Indicator&) const = default;
  [[nodiscard]] bool is_ratio() const { return !divisor.empty(); }
};

/// "count", "sum" …; "=", "!=", "<" ….
[[nodiscard]] const char* to_string(Aggregate aggregate);
[[nodiscard]] const char* to_string(CompareOp op);

/// A canonical S-expression of the tree, for tests and debugging:
/// `(count enterprises (and (= zone "lead-park") (>= output_value 1亿)) 2025)`.
[[nodiscard]] std::string to_string(const Indicator& indicator);

}  // namespace atlas::query
