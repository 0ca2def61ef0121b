// A plan's targets compiled once per Snapshot and kept in its memo slot (Snapshot::memo), so that
// check_targets and target_detail, called per API request, evaluate without parsing or checking
// an indicator again: each target's indicator parsed and checked as written, its goal and baseline
// read; and, as the readings ask for them, its indicator checked for a calendar year and the probe
// `sum(metric) in YEAR` (checking a `metric in YEAR` costs a pass over the metric's month column).
#pragma once

#include <cstddef>
#include <cstdint>
#include <expected>
#include <map>
#include <mutex>
#include <optional>
#include <utility>
#include <vector>

#include "engine/targets.hpp"
#include "model/error.hpp"
#include "model/snapshot.hpp"
#include "query/indicator.hpp"

namespace atlas::app::internal {

/// What evaluating a target needs before any reading.
struct CompiledTarget {
  query::Indicator indicator;                                // parsed
  query::CheckedIndicator checked;                           // checked against the data as written
  Goal goal;                                                 // in the target's unit
  std::optional<engine::Reading> baseline;                   // none when the plan gives none
  FactQualifier baseline_qualifier = FactQualifier::kExact;  // as the plan words it: 超30亿 is over
  engine::TargetShape shape = engine::TargetShape::kLevel;
};

/// Why a target does not compile, as the step that refused it says. The check names the target
/// and its indicator before the error of the indicator or the goal; a baseline's error names them
/// itself.
struct CompileError {
  Error error;
  bool in_baseline = false;  // the baseline does not read; else the indicator or the goal
};

using CompileResult = std::expected<CompiledTarget, CompileError>;

/// Compiles `target` on `snapshot`: parses its indicator and checks it against the data (names
/// and types first: a level target whose metric the data lacks would otherwise read as "no data"
/// instead of saying that its indicator does not fit the data), reads its goal, then its baseline.
/// Errors as the query module, the goal parser and the baseline give them. Thread-safe.
[[nodiscard]] CompileResult compile_target(const Snapshot& snapshot, const TargetRecord& target);

/// The targets of one Snapshot compiled (compile_target), in the order of snapshot.targets; and
/// the checked indicators the readings of level targets ask for, each checked on first use and
/// kept as long as the plan (node-stable, so the references handed out stay valid). Refers to the
/// Snapshot, which must outlive it (it lives in the Snapshot's memo slot). Thread-safe.
class CompiledPlan {
 public:
  explicit CompiledPlan(const Snapshot& snapshot);

  /// Target `index` of snapshot.targets compiled, or why it does not.
  [[nodiscard]] const CompileResult& target(std::size_t index) const { return targets_[index]; }

  /// Target `index`'s indicator with its period replaced by the calendar year `year`, checked;
  /// the errors of check_indicator. The target must have compiled.
  [[nodiscard]] const Result<query::CheckedIndicator>& in_year(std::size_t index, int year) const;

  /// `sum(metric) in YEAR` over every enterprise, checked: whether a year has figures of `metric`
  /// at all, and how far.
  [[nodiscard]] const Result<query::CheckedIndicator>& probe(MetricId metric, int year) const;

 private:
  using Cache = std::map<std::pair<std::uint32_t, int>, Result<query::CheckedIndicator>>;
  // The entry of `key` in `cache`, made by `check()` if absent. The check runs outside the lock
  // (a check may pass over a month column); when two threads race, the first entry stays.
  template <class Check>
  const Result<query::CheckedIndicator>& cached(Cache& cache, Cache::key_type key, Check check) const;

  const Snapshot* snapshot_;
  std::vector<CompileResult> targets_;
  mutable std::mutex mutex_;
  mutable Cache in_year_;  // (target index, year)
  mutable Cache probes_;   // (metric, year)
};

/// The compiled targets of `snapshot`, built on the first call for that Snapshot and the same
/// object on every later one. Thread-safe.
[[nodiscard]] const CompiledPlan& compiled_plan(const Snapshot& snapshot);

/// `checked` evaluated on `snapshot` under `vis`, or the error it holds.
[[nodiscard]] Result<query::IndicatorResult> evaluate_checked(const Result<query::CheckedIndicator>& checked,
                                                              const Snapshot& snapshot,
                                                              const Visibility& vis);

}  // namespace atlas::app::internal
