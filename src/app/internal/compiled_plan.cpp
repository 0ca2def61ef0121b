#include "app/internal/compiled_plan.hpp"

#include <charconv>

#include <fmt/format.h>

#include "app/target_detail.hpp"
#include "model/goal.hpp"

namespace atlas::app::internal {
namespace {

struct Baseline {
  std::optional<engine::Reading> reading;
  FactQualifier qualifier = FactQualifier::kExact;
};

Result<Baseline> parse_baseline(const TargetRecord& t, const UnitRecord* declared) {
  if (!t.baseline) return Baseline{};
  int year = 0;
  const auto& period = t.baseline->period;
  auto [ptr, ec] = std::from_chars(period.data(), period.data() + period.size(), year);
  if (ec != std::errc{} || ptr != period.data() + period.size()) {
    return fail(ErrorCode::kInvalidValue,
                fmt::format("target {}: baseline period \"{}\" is not a year", t.id, period),
                "baseline.period");
  }
  auto value = parse_qualified(t.baseline->value, t.unit, declared);
  if (!value) {
    return fail(ErrorCode::kInvalidValue, fmt::format("target {}: baseline: {}", t.id, value.error().message),
                "baseline.value");
  }
  return Baseline{engine::Reading{value->value, year, 12}, value->qualifier};
}

const char* measured_as(const query::CheckedIndicator& checked) {
  return checked.is_ratio() ? "a ratio (a share)" : unit_phrase(checked.unit());
}

// The target's unit must be what its indicator measures: a goal of 100亿 on a count, or 18% on an
// amount, could never be judged. Field "unit", so the import names the target's unit.
std::optional<Error> unit_mismatch(const TargetRecord& t, const query::CheckedIndicator& checked) {
  const bool fits = t.unit == TargetUnit::kPercent ? checked.is_ratio()
                    : t.unit == TargetUnit::kYuan
                        ? !checked.is_ratio() && checked.unit() == MetricUnit::kYuan
                        : !checked.is_ratio() && checked.unit() == MetricUnit::kCount;
  if (fits) return std::nullopt;
  const char* hint = checked.is_ratio() ? "write unit = \"percent\" and a goal such as \">= 18%\""
                     : t.unit == TargetUnit::kPercent
                         ? "write a ratio such as sum(rd_spend) / sum(revenue) in 2025"
                     : checked.unit() == MetricUnit::kYuan  ? "write unit = \"yuan\""
                     : checked.unit() == MetricUnit::kCount ? "write unit = \"count\""
                                                            : "a target cannot be in this unit yet";
  return Error{ErrorCode::kTypeError,
               fmt::format("the unit is \"{}\" but the indicator measures {}: {}", to_string(t.unit),
                           measured_as(checked), hint),
               {},
               "unit"};
}

}  // namespace

CompileResult compile_target(const Snapshot& snapshot, const TargetRecord& target) {
  auto refused = [](Error e, bool in_baseline = false) {
    return std::unexpected(CompileError{std::move(e), in_baseline});
  };
  auto ind = query::parse_indicator(target.indicator);
  if (!ind) return refused(std::move(ind.error()));
  auto checked = query::check_indicator(*ind, snapshot);
  if (!checked) return refused(std::move(checked.error()));
  if (auto mismatch = unit_mismatch(target, *checked)) return refused(std::move(*mismatch));
  const UnitRecord* declared = snapshot.find_unit(target.unit_id);  // none for a built-in unit
  auto goal = engine::parse_goal(target.goal, target.unit, declared);
  if (!goal) return refused(std::move(goal.error()));
  auto baseline = parse_baseline(target, declared);
  if (!baseline) return refused(std::move(baseline.error()), true);
  const engine::TargetShape shape = target.unit == TargetUnit::kPercent ? engine::TargetShape::kShare
                                    : ind->period                       ? engine::TargetShape::kLevel
                                                                        : engine::TargetShape::kCumulative;
  return CompiledTarget{std::move(*ind),   std::move(*checked), *goal,
                        baseline->reading, baseline->qualifier, shape};
}

CompiledPlan::CompiledPlan(const Snapshot& snapshot) : snapshot_(&snapshot) {
  targets_.reserve(snapshot.targets.size());
  for (const TargetRecord& t : snapshot.targets)
    targets_.push_back(compile_target(snapshot, t));
}

template <class Check>
const Result<query::CheckedIndicator>& CompiledPlan::cached(Cache& cache, Cache::key_type key,
                                                            Check check) const {
  {
    const std::lock_guard lock(mutex_);
    if (const auto it = cache.find(key); it != cache.end()) return it->second;
  }
  auto checked = check();
  const std::lock_guard lock(mutex_);
  return cache.try_emplace(key, std::move(checked)).first->second;
}

const Result<query::CheckedIndicator>& CompiledPlan::in_year(std::size_t index, int year) const {
  return cached(in_year_, {static_cast<std::uint32_t>(index), year}, [&] {
    query::Indicator ind = targets_[index]->indicator;
    ind.period = calendar_year(year);
    return query::check_indicator(std::move(ind), *snapshot_);
  });
}

const Result<query::CheckedIndicator>& CompiledPlan::probe(MetricId metric, int year) const {
  return cached(probes_, {metric.value, year}, [&] {
    query::Indicator probe;
    probe.aggregate = query::Aggregate::kSum;
    probe.subject = snapshot_->metrics[metric.value].id;
    probe.period = calendar_year(year);
    return query::check_indicator(std::move(probe), *snapshot_);
  });
}

const CompiledPlan& compiled_plan(const Snapshot& snapshot) {
  return snapshot.memo().get_or_build<CompiledPlan>([&] { return CompiledPlan(snapshot); });
}

Result<query::IndicatorResult> evaluate_checked(const Result<query::CheckedIndicator>& checked,
                                                const Snapshot& snapshot, const Visibility& vis) {
  if (!checked) return std::unexpected(checked.error());
  return query::evaluate(*checked, snapshot, vis);
}

}  // namespace atlas::app::internal
