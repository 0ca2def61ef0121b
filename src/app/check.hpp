// `atlas check`: where each target of the plan stands, on the data known at a date.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "engine/targets.hpp"
#include "model/error.hpp"
#include "model/snapshot.hpp"

namespace atlas::app {

struct CheckOptions {
  DayNumber as_of = 0;         // only what was known on this day (the caller passes today by default)
  bool include_sample = true;  // false: sample figures and records are left out
};

/// One target's row of the check.
struct TargetCheck {
  std::string id;
  Names title;
  std::string indicator;
  TargetUnit unit = TargetUnit::kYuan;
  std::optional<UnitRecord> declared_unit;  // the plan's unit its values are in; none for a built-in
  engine::Goal goal;
  std::string goal_text;  // as the plan file writes it: ">= 100亿"
  int deadline = 0;
  std::optional<std::int64_t> baseline;
  FactQualifier baseline_qualifier = FactQualifier::kExact;  // 超30亿: over
  std::string baseline_text;                                 // as the plan file writes it: "超30亿"
  std::string baseline_period;
  std::string baseline_provenance;
  std::optional<std::int64_t> latest;  // the indicator's latest reading
  std::string latest_period;           // "2025", "2025-01~09", "2021-01-01..2026-11-27"
  int latest_year = 0;                 // the year of a level target's latest reading; 0 otherwise
  std::size_t contributors = 0;        // records the latest reading rests on
  engine::Assessment assessment;
  bool uses_sample = false;             // a sample record or figure went into the reading
  std::vector<std::string> provenance;  // distinct provenance of the figures used, plan's first
  std::string target_provenance;        // where the target itself comes from ("plan §4")
  std::string quote;                    // the plan's words
  /// Why the target could not be evaluated (assessment.status is then kError and the reading
  /// is empty): its indicator or goal does not compile, or evaluating it failed.
  std::optional<Error> problem;
};

struct CheckReport {
  PlanInfo plan;  // without its boundary map (PlanInfo::map stays with the Snapshot)
  DayNumber as_of = 0;
  DayNumber data_as_of = 0;  // the latest publication day of a visible figure
  bool include_sample = true;
  std::uint64_t snapshot_version = 0;
  std::vector<TargetCheck> targets;
};

/// Evaluates every target of `snapshot` under `options`. A target that cannot be evaluated (its
/// indicator or goal does not compile, or evaluation fails, e.g. on a work limit) gets status kError
/// and its `problem`, naming the target; it never stops the other targets. Thread-safe (reads the
/// snapshot only).
[[nodiscard]] Result<CheckReport> check_targets(const Snapshot& snapshot, const CheckOptions& options);

/// One target's row of check_targets (target: its index in snapshot.targets), without evaluating the
/// others: what GET /targets/{id} needs.
[[nodiscard]] TargetCheck check_target(const Snapshot& snapshot, std::size_t target,
                                       const CheckOptions& options);

/// Why `target` cannot be evaluated on `snapshot` (its plan's data), or nothing: its indicator
/// does not parse or does not fit the data (an unknown metric, field or reference, a wrong type),
/// its goal or baseline does not read in its unit. The same checks check_targets makes before it
/// evaluates a target (whose row then has status error); import makes them before it commits. The
/// error's `where.column` is the character of the indicator at fault (0: not in the indicator).
[[nodiscard]] std::optional<Error> target_problem(const Snapshot& snapshot, const TargetRecord& target);

/// The report as JSON (docs/cli.md describes the fields). `lang` picks the title language.
[[nodiscard]] std::string check_report_json(const CheckReport& report, std::string_view lang);

}  // namespace atlas::app
