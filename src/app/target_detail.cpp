#include "app/target_detail.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>

#include <fmt/format.h>

#include "app/internal/compiled_plan.hpp"
#include "app/internal/target_contributors.hpp"
#include "model/text.hpp"
#include "query/indicator.hpp"

namespace atlas::app {
namespace {

using internal::CompiledPlan;
using internal::evaluate_checked;

// The year a period text starts with ("2025-01~09" → 2025); 0 when it does not.
int leading_year(std::string_view period) {
  int year = 0;
  const auto text = period.substr(0, 4);
  const auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), year);
  return ec == std::errc{} && ptr == text.data() + text.size() ? year : 0;
}

int year_of_day(DayNumber day) {
  return date_of(day).year;
}

// `metric`: the one the target reads, whose probe tells whether the year has figures at all.
Result<SeriesPoint> level_point(const Snapshot& s, const CompiledPlan& plan, std::size_t target,
                                std::optional<MetricId> metric, int year, const Visibility& vis) {
  auto r = evaluate_checked(plan.in_year(target, year), s, vis);
  if (!r) return std::unexpected(r.error());
  std::optional<query::IndicatorResult> p;
  if (metric) {
    auto present = evaluate_checked(plan.probe(*metric, year), s, vis);
    if (!present) return std::unexpected(present.error());
    p = std::move(*present);
  }
  const bool has_data = !p || p->contributors() > 0;
  const query::IndicatorResult& basis = r->contributors() > 0 || !p ? *r : *p;
  SeriesPoint point;
  point.year = year;
  point.complete = basis.complete();
  const std::string coverage = basis.coverage_text();
  point.period = point.complete || coverage.empty() ? std::to_string(year) : coverage;
  if (has_data && r->has_value) point.value = r->value;
  point.contributors = r->contributors();
  point.sample = r->includes_sample;
  return point;
}

// The last year up to as_of with a visible figure of `metric`, or 0.
Result<int> last_year_with_data(const Snapshot& s, const CompiledPlan& plan, MetricId metric, int first_year,
                                const Visibility& vis) {
  const int top = std::min(year_of_day(vis.as_of), first_year + 100);
  for (int year = top; year >= first_year; --year) {
    auto present = evaluate_checked(plan.probe(metric, year), s, vis);
    if (!present) return std::unexpected(present.error());
    if (present->contributors() > 0) return year;
  }
  return 0;
}

Result<std::vector<SeriesPoint>> level_series(const Snapshot& s, const CompiledPlan& plan, std::size_t target,
                                              const TargetCheck& t, const Visibility& vis) {
  const int baseline_year = t.baseline ? leading_year(t.baseline_period) : 0;
  const int first_year = baseline_year > 0 ? baseline_year : s.plan.start_year;
  const auto metric = query::metric_read_by(plan.target(target)->indicator, s);
  int last_year = std::min(year_of_day(vis.as_of), t.deadline);
  if (metric) {
    auto last = last_year_with_data(s, plan, *metric, first_year, vis);
    if (!last) return std::unexpected(last.error());
    last_year = *last;
  }
  std::vector<SeriesPoint> out;
  for (int year = first_year; last_year > 0 && year <= last_year; ++year) {
    auto point = level_point(s, plan, target, metric, year, vis);
    if (!point) return std::unexpected(point.error());
    out.push_back(std::move(*point));
  }
  return out;
}

// A cumulative target as it stood at the end of each year: records dated by then.
Result<std::vector<SeriesPoint>> cumulative_series(const Snapshot& s, const query::CheckedIndicator& checked,
                                                   const TargetCheck& t, const Visibility& vis) {
  const int first_year = s.plan.start_year;
  const int last_year = std::min(year_of_day(vis.as_of), t.deadline);
  std::vector<SeriesPoint> out;
  for (int year = first_year; year <= last_year; ++year) {
    const DayNumber year_end = day_number(year, 12, 31);
    auto r = query::evaluate(checked, s, Visibility{std::min(vis.as_of, year_end), vis.include_sample});
    if (!r) return std::unexpected(r.error());
    SeriesPoint point;
    point.year = year;
    point.complete = vis.as_of >= year_end;
    const std::string until = point.complete ? std::to_string(year) : date_of(vis.as_of).to_string();
    point.period = point.complete && year == first_year ? until : fmt::format("{}..{}", first_year, until);
    if (r->has_value) point.value = r->value;
    point.contributors = r->contributors();
    point.sample = r->includes_sample;
    out.push_back(std::move(point));
  }
  return out;
}

// The plan's path as the status rules read it (engine::plan_path), money in whole yuan.
std::vector<PathPoint> required_path(const Snapshot& s, const TargetCheck& t, engine::TargetShape shape,
                                     DayNumber as_of) {
  engine::AssessInput in;
  in.goal = t.goal;
  in.shape = shape;
  in.plan_start = s.plan.start_year;
  in.deadline = t.deadline;
  in.as_of = as_of;
  const int base_year = t.baseline ? leading_year(t.baseline_period) : 0;
  if (t.baseline && base_year > 0) in.baseline = engine::Reading{*t.baseline, base_year, 12};
  auto out = engine::plan_path(in);
  if (t.unit == TargetUnit::kYuan) {
    for (PathPoint& p : out)
      p.value = std::round(p.value);
  }
  return out;
}

}  // namespace

query::PeriodSpec calendar_year(int year) {
  query::PeriodSpec p;
  p.first = month_index(year, 1);
  p.last = month_index(year, 12);
  p.text = std::to_string(year);
  return p;
}

Result<query::IndicatorResult> evaluate_in_period(query::Indicator indicator, const query::PeriodSpec& period,
                                                  const Snapshot& snapshot, const Visibility& vis) {
  indicator.period = period;
  auto checked = query::check_indicator(std::move(indicator), snapshot);
  if (!checked) return std::unexpected(checked.error());
  return query::evaluate(*checked, snapshot, vis);
}

Result<std::size_t> find_target(const Snapshot& snapshot, std::string_view id) {
  const auto it = std::find_if(snapshot.targets.begin(), snapshot.targets.end(),
                               [&](const TargetRecord& t) { return t.id == id; });
  if (it != snapshot.targets.end()) return static_cast<std::size_t>(it - snapshot.targets.begin());
  std::string hint;
  std::size_t best = 3;
  for (const auto& t : snapshot.targets) {
    if (const auto d = edit_distance(id, t.id); d < best) best = d, hint = t.id;
  }
  return fail(ErrorCode::kNotFound,
              hint.empty() ? fmt::format("no target \"{}\"", id)
                           : fmt::format("no target \"{}\" (did you mean \"{}\"?)", id, hint),
              "id");
}

Result<TargetDetail> target_detail(const Snapshot& snapshot, std::string_view id,
                                   const CheckOptions& options) {
  const auto found = find_target(snapshot, id);
  if (!found) return std::unexpected(found.error());
  const std::size_t target = *found;
  TargetDetail out;
  out.check = check_target(snapshot, target, options);
  out.data_as_of = snapshot.latest_published(Visibility{options.as_of, options.include_sample});
  if (out.check.problem) return out;  // nothing to chart: the row says why
  // Without a problem the target compiled: the check's row would say otherwise.
  const CompiledPlan& plan = internal::compiled_plan(snapshot);
  const internal::CompiledTarget& compiled = *plan.target(target);
  const Visibility vis{options.as_of, options.include_sample};
  const bool level = compiled.indicator.period.has_value();
  auto series = level ? level_series(snapshot, plan, target, out.check, vis)
                      : cumulative_series(snapshot, compiled.checked, out.check, vis);
  if (!series) return std::unexpected(series.error());
  out.series = std::move(*series);
  out.required_path = required_path(snapshot, out.check, compiled.shape, options.as_of);
  auto contributors = internal::latest_contributors(snapshot, plan, target, out.check, vis, out.set);
  if (!contributors) return std::unexpected(contributors.error());
  out.contributors = std::move(*contributors);
  return out;
}

}  // namespace atlas::app
