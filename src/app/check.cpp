#include "app/check.hpp"

#include <algorithm>
#include <charconv>

#include <fmt/format.h>

#include "model/units.hpp"
#include "query/indicator.hpp"

namespace atlas::app {
namespace {

query::PeriodSpec year_spec(int year) {
  query::PeriodSpec p;
  p.first = month_index(year, 1);
  p.last = month_index(year, 12);
  p.text = std::to_string(year);
  return p;
}

Result<query::IndicatorResult> evaluate_in_year(query::Indicator ind, int year, const Snapshot& s,
                                                const Visibility& vis) {
  ind.period = year_spec(year);
  auto checked = query::check_indicator(std::move(ind), s);
  if (!checked) return std::unexpected(checked.error());
  return query::evaluate(*checked, s, vis);
}

template <class T>
void add_unique(std::vector<T>& out, const T& value) {
  if (std::find(out.begin(), out.end(), value) == out.end()) out.push_back(value);
}

// Distinct provenance of the metric figures that enterprises contributed within a year.
void add_figure_provenance(const Snapshot& s, MetricId metric, const query::IndicatorResult& r, int year,
                           const Visibility& vis, std::vector<StringId>& out) {
  const auto& o = s.observations[metric.value];
  const MonthIndex first = month_index(year, 1);
  const MonthIndex last = month_index(year, 12);
  for (std::uint32_t e : r.records) {
    for (std::uint32_t i = o.offsets[e]; i < o.offsets[e + 1]; ++i) {
      if (o.last[i] < first || o.last[i] > last) continue;
      if (o.visible(i, vis)) add_unique(out, o.provenance_at(i));
    }
  }
}

template <class Records>
void add_record_provenance(const Records& rows, const std::vector<std::uint32_t>& indices,
                           std::vector<std::string>& out) {
  for (std::uint32_t i : indices)
    add_unique(out, rows[i].provenance);
}

// A project counts through its milestones' dates: their provenance is the figures'.
void add_milestone_provenance(const Snapshot& s, const std::vector<std::uint32_t>& projects,
                              std::vector<std::string>& out) {
  for (std::uint32_t p : projects) {
    for (std::uint32_t m : s.project_milestones.row(p)) {
      if (s.milestones[m].actual) add_unique(out, s.milestones[m].provenance);
    }
  }
}

std::vector<std::string> record_provenance(const Snapshot& s, const query::IndicatorResult& r) {
  std::vector<std::string> out;
  switch (r.set) {
    case query::RecordSet::kProjects:
      add_record_provenance(s.projects, r.records, out);
      add_milestone_provenance(s, r.records, out);
      break;
    case query::RecordSet::kCarriers:
      add_record_provenance(s.carriers, r.records, out);
      break;
    case query::RecordSet::kSupplierEntries:
      add_record_provenance(s.supplier_entries, r.records, out);
      break;
    case query::RecordSet::kCandidates:
      add_record_provenance(s.candidates, r.records, out);
      break;
    case query::RecordSet::kEnterprises:
      break;
  }
  return out;
}

Result<std::optional<engine::Reading>> parse_baseline(const TargetRecord& t) {
  if (!t.baseline) return std::optional<engine::Reading>{};
  int year = 0;
  const auto& period = t.baseline->period;
  auto [ptr, ec] = std::from_chars(period.data(), period.data() + period.size(), year);
  if (ec != std::errc{} || ptr != period.data() + period.size()) {
    return fail(ErrorCode::kInvalidValue,
                fmt::format("target {}: baseline period \"{}\" is not a year", t.id, period),
                "baseline.period");
  }
  auto value = t.unit == TargetUnit::kYuan ? parse_amount(t.baseline->value) : parse_count(t.baseline->value);
  if (!value) {
    return fail(ErrorCode::kInvalidValue, fmt::format("target {}: baseline: {}", t.id, value.error().message),
                "baseline.value");
  }
  return std::optional<engine::Reading>(engine::Reading{*value, year, 12});
}

// The indicator in the latest year from `from` down to `first_year` whose figures are complete.
Result<std::optional<engine::Reading>> latest_complete_reading(const Snapshot& s, const query::Indicator& ind,
                                                               const query::Indicator& probe, int from,
                                                               int first_year, const Visibility& vis) {
  for (int year = from; year >= first_year; --year) {
    auto present = evaluate_in_year(probe, year, s, vis);
    if (!present) return std::unexpected(present.error());
    if (present->contributors() == 0 || !present->complete()) continue;
    auto r = evaluate_in_year(ind, year, s, vis);
    if (!r) return std::unexpected(r.error());
    return std::optional<engine::Reading>(engine::Reading{r->value, year, 12});
  }
  return std::optional<engine::Reading>{};
}

// A level target: the indicator in the latest year (up to its own) that has figures.
Result<void> read_level(const Snapshot& s, const query::Indicator& ind, const Visibility& vis,
                        TargetCheck& row, engine::AssessInput& in) {
  const auto metric = query::metric_read_by(ind, s);
  if (!metric) return {};
  query::Indicator probe;
  probe.aggregate = query::Aggregate::kSum;
  probe.subject = s.metrics[metric->value].id;
  // Only years after the baseline show progress: the baseline itself is the plan's own figure,
  // and a sum over the few enterprises known for that year would understate it.
  const int deadline_year = year_of(ind.period->last);
  const int first_year = in.baseline ? in.baseline->year + 1 : in.plan_start;
  for (int year = deadline_year; year >= first_year; --year) {
    auto present = evaluate_in_year(probe, year, s, vis);
    if (!present) return std::unexpected(present.error());
    if (present->contributors() == 0) continue;
    // A count over thresholds (enterprises over 10亿) means nothing on part of a year's output:
    // such a target reads the last complete year while one exists after the baseline.
    if (ind.aggregate == query::Aggregate::kCount && !present->complete() && year > first_year) continue;
    auto r = evaluate_in_year(ind, year, s, vis);
    if (!r) return std::unexpected(r.error());
    const int months =
        present->complete() ? 12 : month_of(present->covered_last.value_or(month_index(year, 1)));
    in.latest = engine::Reading{r->value, year, months};
    if (months == 12) {
      in.latest_complete = in.latest;
    } else {
      auto complete = latest_complete_reading(s, ind, probe, year - 1, first_year, vis);
      if (!complete) return std::unexpected(complete.error());
      in.latest_complete = *complete;
    }
    row.latest = r->value;
    row.latest_period = present->coverage_text();
    row.contributors = r->contributors();
    row.uses_sample = r->includes_sample;
    std::vector<StringId> provenance;
    add_figure_provenance(s, *metric, *r, year, vis, provenance);
    for (StringId p : provenance)
      row.provenance.emplace_back(s.strings.view(p));
    return {};
  }
  return {};
}

Result<void> read_cumulative(const Snapshot& s, const query::CheckedIndicator& checked, const Visibility& vis,
                             TargetCheck& row, engine::AssessInput& in) {
  auto r = query::evaluate(checked, s, vis);
  if (!r) return std::unexpected(r.error());
  const DayNumber until = std::min(vis.as_of, day_number(in.deadline, 12, 31));
  // Nothing recorded is "no data", not "zero": the register may simply not be kept yet.
  if (r->contributors() > 0) in.latest = engine::Reading{r->value, date_of(until).year, 12};
  row.latest = r->value;
  const bool whole_period = until == day_number(in.deadline, 12, 31);
  row.latest_period = whole_period ? fmt::format("{}..{}", in.plan_start, in.deadline)
                                   : fmt::format("{}..{}", in.plan_start, date_of(until).to_string());
  row.contributors = r->contributors();
  row.uses_sample = r->includes_sample;
  row.provenance = record_provenance(s, *r);
  return {};
}

// What evaluating a target needs before any reading: its indicator parsed and checked against the
// data, and its goal in its unit. Errors as the query module and the goal parser give them.
struct CompiledTarget {
  query::Indicator indicator;
  query::CheckedIndicator checked;
  Goal goal;
};

Result<CompiledTarget> compile_target(const Snapshot& s, const TargetRecord& t) {
  auto ind = query::parse_indicator(t.indicator);
  if (!ind) return std::unexpected(ind.error());
  // Names and types first: a level target whose metric the data lacks would otherwise read as
  // "no data" instead of saying that its indicator does not fit the data.
  auto checked = query::check_indicator(*ind, s);
  if (!checked) return std::unexpected(checked.error());
  auto goal = engine::parse_goal(t.goal, t.unit);
  if (!goal) return std::unexpected(goal.error());
  return CompiledTarget{std::move(*ind), std::move(*checked), *goal};
}

Result<TargetCheck> check_one(const Snapshot& s, const TargetRecord& t, const Visibility& vis) {
  auto context = [&](const Error& e) {
    Error out = e;
    out.message = fmt::format("target {}: indicator \"{}\": {}", t.id, t.indicator, e.message);
    return std::unexpected(out);
  };
  auto compiled = compile_target(s, t);
  if (!compiled) return context(compiled.error());
  const query::Indicator& ind = compiled->indicator;
  auto baseline = parse_baseline(t);
  if (!baseline) return std::unexpected(baseline.error());

  TargetCheck row;
  row.id = t.id;
  row.title = t.title;
  row.indicator = t.indicator;
  row.unit = t.unit;
  row.goal = compiled->goal;
  row.goal_text = t.goal;
  row.deadline = t.deadline;
  row.target_provenance = t.provenance;
  row.quote = t.quote;
  if (t.baseline) {
    row.baseline = (*baseline)->value;
    row.baseline_period = t.baseline->period;
    row.baseline_provenance = t.baseline->provenance;
  }

  engine::AssessInput in;
  in.goal = compiled->goal;
  in.plan_start = s.plan.start_year;
  in.deadline = t.deadline;
  in.baseline = *baseline;
  in.as_of = vis.as_of;
  in.shape = ind.period ? engine::TargetShape::kLevel : engine::TargetShape::kCumulative;
  auto read = in.shape == engine::TargetShape::kLevel ? read_level(s, ind, vis, row, in)
                                                      : read_cumulative(s, compiled->checked, vis, row, in);
  if (!read) return context(read.error());
  row.assessment = engine::assess(in);
  return row;
}

// The row of a target that could not be evaluated: what the plan says of it, and why.
TargetCheck unevaluated(const TargetRecord& t, Error problem) {
  TargetCheck row;
  row.id = t.id;
  row.title = t.title;
  row.indicator = t.indicator;
  row.unit = t.unit;
  row.goal_text = t.goal;
  if (auto goal = engine::parse_goal(t.goal, t.unit)) row.goal = *goal;
  row.deadline = t.deadline;
  row.target_provenance = t.provenance;
  row.quote = t.quote;
  row.assessment.status = engine::TargetStatus::kError;
  row.problem = std::move(problem);
  return row;
}

}  // namespace

std::optional<Error> target_problem(const Snapshot& s, const TargetRecord& t) {
  if (auto compiled = compile_target(s, t); !compiled) return compiled.error();
  if (auto baseline = parse_baseline(t); !baseline) return baseline.error();
  return std::nullopt;
}

Result<CheckReport> check_targets(const Snapshot& snapshot, const CheckOptions& options) {
  const Visibility vis{options.as_of, options.include_sample};
  CheckReport report;
  report.plan = snapshot.plan;
  report.as_of = options.as_of;
  report.include_sample = options.include_sample;
  report.snapshot_version = snapshot.version;
  report.data_as_of = snapshot.latest_published(vis);
  report.targets.reserve(snapshot.targets.size());
  for (const auto& t : snapshot.targets) {
    auto row = check_one(snapshot, t, vis);
    report.targets.push_back(row ? std::move(*row) : unevaluated(t, std::move(row.error())));
  }
  return report;
}

}  // namespace atlas::app
