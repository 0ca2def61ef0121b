#include "query/ast.hpp"

#include <fmt/format.h>

namespace atlas::query {
namespace {

std::string literal_text(const Literal& l) {
  return l.kind == LiteralKind::kString ? fmt::format("\"{}\"", l.text) : l.text;
}

std::string condition_text(const Indicator& ind, std::uint32_t index) {
  const Condition& c = ind.conditions[index];
  switch (c.kind) {
    case ConditionKind::kOr:
    case ConditionKind::kAnd:
    case ConditionKind::kNot: {
      std::string out = c.kind == ConditionKind::kOr    ? "(or"
                        : c.kind == ConditionKind::kAnd ? "(and"
                                                        : "(not";
      for (auto operand : c.operands)
        out += " " + condition_text(ind, operand);
      return out + ")";
    }
    case ConditionKind::kCompare:
      return fmt::format("({} {} {})", to_string(c.op), c.field, literal_text(c.literal));
    case ConditionKind::kWithin:
      return fmt::format("(in {} {})", c.field, c.period.text);
    case ConditionKind::kFlag:
      return c.field;
  }
  return "?";
}

}  // namespace

const char* to_string(Aggregate aggregate) {
  switch (aggregate) {
    case Aggregate::kCount:
      return "count";
    case Aggregate::kSum:
      return "sum";
    case Aggregate::kAvg:
      return "avg";
    case Aggregate::kMin:
      return "min";
    case Aggregate::kFigure:
      return "figure";
    case Aggregate::kMax:
      return "max";
  }
  return "?";
}

const char* to_string(CompareOp op) {
  switch (op) {
    case CompareOp::kEqual:
      return "=";
    case CompareOp::kNotEqual:
      return "!=";
    case CompareOp::kLess:
      return "<";
    case CompareOp::kLessEqual:
      return "<=";
    case CompareOp::kGreater:
      return ">";
    case CompareOp::kGreaterEqual:
      return ">=";
  }
  return "?";
}

std::string to_string(const Indicator& indicator) {
  // (count (distinct enterprise) supplier_entries …) for count(distinct enterprise) of supplier_entries.
  // (figure output_value "region:china" 2019) for figure(output_value) of "region:china" in 2019.
  std::string out =
      !indicator.figure_of.empty() ? fmt::format("({} {} \"{}\"", to_string(indicator.aggregate),
                                                 indicator.subject, indicator.figure_of)
      : indicator.distinct.empty() ? fmt::format("({} {}", to_string(indicator.aggregate), indicator.subject)
                                   : fmt::format("({} (distinct {}) {}", to_string(indicator.aggregate),
                                                 indicator.distinct, indicator.subject);
  if (indicator.where) out += " " + condition_text(indicator, *indicator.where);
  if (indicator.is_ratio()) {
    // (/ (sum rd_spend) (sum revenue) 2025): the period belongs to the ratio, not to its parts.
    out = "(/ " + out + ") " + to_string(indicator.divisor.front());
  }
  if (indicator.period) out += " " + indicator.period->text;
  // (sum output_value 2025 (group county)) for … in 2025 group by county.
  if (!indicator.group_by.empty()) out += " (group " + indicator.group_by + ")";
  return out + ")";
}

}  // namespace atlas::query
