#include "app/check.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "app/internal/compiled_plan.hpp"
#include "query/indicator.hpp"

namespace atlas::app {
namespace {

using internal::CompiledPlan;
using internal::evaluate_checked;

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
  // The metric's figures have few distinct provenance (o.provenances): once each has been met, the
  // remaining contributors can add none, so the scan stops (the order found is unchanged).
  std::vector<StringId> seen;
  for (std::uint32_t e : r.records) {
    for (std::uint32_t i = o.offsets[e]; i < o.offsets[e + 1]; ++i) {
      if (o.last[i] < first || o.last[i] > last || !o.visible(i, vis)) continue;
      const StringId p = o.provenance_at(i);
      if (std::ranges::find(seen, p) != seen.end()) continue;
      seen.push_back(p);
      add_unique(out, p);
      if (seen.size() >= o.provenances.size()) return;
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

// The indicator in the latest year from `from` down to `first_year` whose figures are complete.
Result<std::optional<engine::Reading>> latest_complete_reading(const Snapshot& s, const CompiledPlan& plan,
                                                               std::size_t target, MetricId metric, int from,
                                                               int first_year, const Visibility& vis) {
  for (int year = from; year >= first_year; --year) {
    auto present = evaluate_checked(plan.probe(metric, year), s, vis);
    if (!present) return std::unexpected(present.error());
    if (present->contributors() == 0 || !present->complete()) continue;
    auto r = evaluate_checked(plan.in_year(target, year), s, vis);
    if (!r) return std::unexpected(r.error());
    return std::optional<engine::Reading>(engine::Reading{r->value, year, 12});
  }
  return std::optional<engine::Reading>{};
}

// A level target whose indicator is a stated figure (figure(METRIC) of "SUBJECT"): the figure of the
// latest year, up to its own, for which one is stated; a stated year is complete.
Result<void> read_figure_level(const Snapshot& s, const CompiledPlan& plan, std::size_t target,
                               const Visibility& vis, TargetCheck& row, engine::AssessInput& in) {
  const query::Indicator& ind = plan.target(target)->indicator;
  const int first_year = in.baseline ? in.baseline->year + 1 : in.plan_start;
  for (int year = year_of(ind.period->last); year >= first_year; --year) {
    auto r = evaluate_checked(plan.in_year(target, year), s, vis);
    if (!r) return std::unexpected(r.error());
    if (!r->has_value) continue;
    in.latest = engine::Reading{r->value, year, 12};
    in.latest_complete = in.latest;
    row.latest = r->value;
    row.latest_period = std::to_string(year);
    row.latest_year = year;
    row.uses_sample = r->includes_sample;
    if (r->fact) row.provenance.emplace_back(s.facts[*r->fact].provenance);
    return {};
  }
  return {};
}

// A level target: the indicator in the latest year (up to its own) that has figures.
Result<void> read_level(const Snapshot& s, const CompiledPlan& plan, std::size_t target,
                        const Visibility& vis, TargetCheck& row, engine::AssessInput& in) {
  const query::Indicator& ind = plan.target(target)->indicator;
  if (ind.aggregate == query::Aggregate::kFigure) return read_figure_level(s, plan, target, vis, row, in);
  const auto metric = query::metric_read_by(ind, s);
  if (!metric) return {};
  // Only years after the baseline show progress: the baseline itself is the plan's own figure,
  // and a sum over the few enterprises known for that year would understate it.
  const int deadline_year = year_of(ind.period->last);
  const int first_year = in.baseline ? in.baseline->year + 1 : in.plan_start;
  for (int year = deadline_year; year >= first_year; --year) {
    auto present = evaluate_checked(plan.probe(*metric, year), s, vis);
    if (!present) return std::unexpected(present.error());
    if (present->contributors() == 0) continue;
    // A count over thresholds (enterprises over 10亿) means nothing on part of a year's output:
    // such a target reads the last complete year while one exists after the baseline.
    if (ind.aggregate == query::Aggregate::kCount && !present->complete() && year > first_year) continue;
    auto r = evaluate_checked(plan.in_year(target, year), s, vis);
    if (!r) return std::unexpected(r.error());
    const int months =
        present->complete() ? 12 : month_of(present->covered_last.value_or(month_index(year, 1)));
    in.latest = engine::Reading{r->value, year, months};
    if (months == 12) {
      in.latest_complete = in.latest;
    } else {
      auto complete = latest_complete_reading(s, plan, target, *metric, year - 1, first_year, vis);
      if (!complete) return std::unexpected(complete.error());
      in.latest_complete = *complete;
    }
    row.latest = r->value;
    row.latest_period = present->coverage_text();
    row.latest_year = year;
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

Result<TargetCheck> check_one(const Snapshot& s, const CompiledPlan& plan, std::size_t target,
                              const Visibility& vis) {
  const TargetRecord& t = s.targets[target];
  auto context = [&](const Error& e) {
    Error out = e;
    out.message = fmt::format("target {}: indicator \"{}\": {}", t.id, t.indicator, e.message);
    return std::unexpected(out);
  };
  const auto& compiled = plan.target(target);
  if (!compiled) {
    if (compiled.error().in_baseline) return std::unexpected(compiled.error().error);
    return context(compiled.error().error);
  }

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
    row.baseline = compiled->baseline->value;
    row.baseline_qualifier = compiled->baseline_qualifier;
    row.baseline_text = t.baseline->value;
    row.baseline_period = t.baseline->period;
    row.baseline_provenance = t.baseline->provenance;
  }

  engine::AssessInput in;
  in.goal = compiled->goal;
  in.plan_start = s.plan.start_year;
  in.deadline = t.deadline;
  in.baseline = compiled->baseline;
  in.as_of = vis.as_of;
  in.shape = compiled->shape;
  // A share is read like a level (one year's ratio); only its assessment differs.
  auto read = in.shape == engine::TargetShape::kCumulative
                  ? read_cumulative(s, compiled->checked, vis, row, in)
                  : read_level(s, plan, target, vis, row, in);
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

// The target's declared unit on its row, for display.
TargetCheck with_unit(TargetCheck row, const Snapshot& s, const TargetRecord& t) {
  if (const UnitRecord* unit = s.find_unit(t.unit_id)) row.declared_unit = *unit;
  return row;
}

}  // namespace

std::optional<Error> target_problem(const Snapshot& s, const TargetRecord& t) {
  // A target of the Snapshot itself (the import's, once stored) is compiled there already, and
  // the plan it publishes keeps the compiled targets; any other is compiled here.
  const auto it = std::ranges::find(s.targets, t.id, &TargetRecord::id);
  if (it != s.targets.end() && *it == t) {
    const auto& compiled =
        internal::compiled_plan(s).target(static_cast<std::size_t>(it - s.targets.begin()));
    if (!compiled) return compiled.error().error;
    return std::nullopt;
  }
  if (auto compiled = internal::compile_target(s, t); !compiled) return std::move(compiled.error().error);
  return std::nullopt;
}

TargetCheck check_target(const Snapshot& snapshot, std::size_t target, const CheckOptions& options) {
  const Visibility vis{options.as_of, options.include_sample};
  auto row = check_one(snapshot, internal::compiled_plan(snapshot), target, vis);
  const TargetRecord& t = snapshot.targets[target];
  return with_unit(row ? std::move(*row) : unevaluated(t, std::move(row.error())), snapshot, t);
}

Result<CheckReport> check_targets(const Snapshot& snapshot, const CheckOptions& options) {
  const Visibility vis{options.as_of, options.include_sample};
  CheckReport report;
  // The plan without its boundary map: a report is made per request, the map may be megabytes.
  report.plan = PlanInfo{.id = snapshot.plan.id,
                         .title = snapshot.plan.title,
                         .document = snapshot.plan.document,
                         .issued = snapshot.plan.issued,
                         .start_year = snapshot.plan.start_year,
                         .end_year = snapshot.plan.end_year,
                         .scope = snapshot.plan.scope,
                         .is_default = snapshot.plan.is_default,
                         .output_metric = snapshot.plan.output_metric,
                         .map = {},
                         .map_source = snapshot.plan.map_source,
                         .map_review_number = snapshot.plan.map_review_number,
                         .chain_rules = snapshot.plan.chain_rules,
                         .attraction = snapshot.plan.attraction,
                         .forecast = snapshot.plan.forecast};
  report.as_of = options.as_of;
  report.include_sample = options.include_sample;
  report.snapshot_version = snapshot.version;
  report.data_as_of = snapshot.latest_published(vis);
  report.targets.reserve(snapshot.targets.size());
  const CompiledPlan& plan = internal::compiled_plan(snapshot);
  for (std::size_t i = 0; i < snapshot.targets.size(); ++i) {
    auto row = check_one(snapshot, plan, i, vis);
    const TargetRecord& t = snapshot.targets[i];
    report.targets.push_back(
        with_unit(row ? std::move(*row) : unevaluated(t, std::move(row.error())), snapshot, t));
  }
  return report;
}

}  // namespace atlas::app
