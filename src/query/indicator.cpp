#include "query/indicator.hpp"

namespace atlas::query {

Result<CheckedIndicator> compile_indicator(std::string_view text, const Snapshot& snapshot,
                                           const Limits& limits) {
  auto parsed = parse_indicator(text, limits);
  if (!parsed) return std::unexpected(parsed.error());
  return check_indicator(std::move(*parsed), snapshot);
}

Result<IndicatorResult> evaluate_indicator(std::string_view text, const Snapshot& snapshot,
                                           const Visibility& visibility, const Limits& limits) {
  auto checked = compile_indicator(text, snapshot, limits);
  if (!checked) return std::unexpected(checked.error());
  return evaluate(*checked, snapshot, visibility, limits);
}

std::optional<MetricId> metric_read_by(const Indicator& indicator, const Snapshot& snapshot) {
  if (auto m = snapshot.find_metric(indicator.subject)) return m;
  for (const auto& c : indicator.conditions) {
    if (c.kind != ConditionKind::kCompare) continue;
    if (auto m = snapshot.find_metric(c.field)) return m;
  }
  if (indicator.is_ratio()) return metric_read_by(indicator.divisor.front(), snapshot);
  return std::nullopt;
}

}  // namespace atlas::query
