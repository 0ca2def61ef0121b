#include "app/target_groups.hpp"

#include <boost/json.hpp>
#include <fmt/format.h>

#include "app/internal/json_parts.hpp"
#include "app/target_detail.hpp"
#include "model/units.hpp"

namespace atlas::app {
namespace {

namespace json = boost::json;

using internal::names_json;

// The year of a level target's latest reading, else its deadline.
int reading_year(const TargetCheck& row) {
  return row.latest && row.latest_year > 0 ? row.latest_year : row.deadline;
}

// `indicator` as written with its trailing period replaced by `period` (nothing replaced when it
// has none) and ` group by BY` appended.
std::string grouped_text(const query::Indicator& indicator, const query::PeriodSpec* period,
                         std::string_view by) {
  std::string text = indicator.source;
  if (period != nullptr && indicator.period) {
    const auto& old = *indicator.period;
    text = text.substr(0, old.pos.offset) + period->text + text.substr(old.pos.offset + old.text.size());
  }
  return fmt::format("{} group by {}", text, by);
}

// A by-field error names the parameter, not a column of a text the caller never wrote.
Error as_by_error(Error e) {
  e.where = Location{};
  e.field = "by";
  return e;
}

std::int64_t share_of(std::int64_t part, std::int64_t whole) {
  __extension__ using Wide = __int128;
  const Wide scaled = static_cast<Wide>(part) * kPerMillion;
  const Wide q = (2 * scaled + whole) / (2 * static_cast<Wide>(whole));  // half up, for non-negative values
  return static_cast<std::int64_t>(q);
}

}  // namespace

Result<TargetGroups> target_groups(const Snapshot& snapshot, std::string_view id, std::string_view by,
                                   const CheckOptions& options) {
  const auto target = find_target(snapshot, id);
  if (!target) return std::unexpected(target.error());
  TargetGroups out;
  out.check = check_target(snapshot, *target, options);
  if (out.check.problem) return std::unexpected(*out.check.problem);
  out.by = std::string(by);
  auto parsed = query::parse_indicator(snapshot.targets[*target].indicator);
  if (!parsed) return std::unexpected(parsed.error());
  query::Indicator indicator = std::move(*parsed);
  // A level target reads one year (the latest with figures); a cumulative one its whole span
  // up to as_of. A level indicator's period is one calendar year; a span of years is cumulative.
  const bool level = indicator.period && indicator.period->is_calendar_year();
  std::optional<query::PeriodSpec> period;
  if (level) period = calendar_year(reading_year(out.check));
  out.expression = grouped_text(indicator, period ? &*period : nullptr, by);
  if (period) indicator.period = period;
  indicator.group_by = out.by;
  auto checked = query::check_indicator(std::move(indicator), snapshot);
  if (!checked) return std::unexpected(as_by_error(checked.error()));
  auto result =
      query::evaluate_grouped(*checked, snapshot, Visibility{options.as_of, options.include_sample});
  if (!result) return std::unexpected(result.error());
  out.result = std::move(*result);
  return out;
}

json::object target_groups_json(const TargetGroups& g) {
  const query::GroupedResult& r = g.result;
  const query::IndicatorResult& total = r.total;
  const bool shares = !r.overlapping && !total.ratio && total.has_value && total.value > 0;
  auto period_of = [&](const std::string& covered) {
    return total.period ? json::value(covered.empty() ? total.period->text : covered) : json::value(nullptr);
  };
  json::array groups;
  for (const query::GroupValue& v : r.groups) {
    json::object o;
    o["key"] =
        v.key
            ? json::value(json::object{{"id", r.keys[*v.key].id}, {"name", names_json(r.keys[*v.key].name)}})
            : json::value(nullptr);
    o["value"] = v.has_value ? json::value(v.value) : json::value(nullptr);
    o["share"] = shares && v.has_value && v.value >= 0 ? json::value(share_of(v.value, total.value))
                                                       : json::value(nullptr);
    o["contributors"] = v.contributors;
    o["complete"] = query::group_complete(v, total.period);
    o["period"] = period_of(query::group_coverage_text(v, total.period));
    o["sample"] = v.includes_sample;
    groups.emplace_back(std::move(o));
  }
  return json::object{
      {"by", g.by},
      {"expression", g.expression},
      {"period", period_of(total.coverage_text())},
      {"unit", total.ratio ? "percent" : to_string(total.unit)},
      {"total", json::object{{"value", total.has_value ? json::value(total.value) : json::value(nullptr)},
                             {"contributors", total.contributors()},
                             {"complete", total.complete()},
                             {"sample", total.includes_sample}}},
      {"groups_overlap", r.overlapping},
      {"groups", std::move(groups)}};
}

}  // namespace atlas::app
