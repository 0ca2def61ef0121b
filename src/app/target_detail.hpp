// One target in depth: its row of the check, the indicator year by year, the plan's path from
// the baseline to the goal, and the records the latest reading rests on (the API's
// GET /api/v1/targets/{id}, docs/api.md).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app/check.hpp"
#include "model/error.hpp"
#include "model/snapshot.hpp"
#include "query/indicator.hpp"

namespace atlas::app {

/// The calendar year `year` as an indicator period ("2025").
[[nodiscard]] query::PeriodSpec calendar_year(int year);

/// `indicator` with its trailing period replaced by `period`, checked and evaluated on `snapshot`:
/// checked again on every call (a plan's own targets are read through the checks the Snapshot
/// keeps, app/internal/compiled_plan.hpp). The errors of check_indicator and evaluate. Thread-safe
/// (reads the snapshot only).
[[nodiscard]] Result<query::IndicatorResult> evaluate_in_period(query::Indicator indicator,
                                                                const query::PeriodSpec& period,
                                                                const Snapshot& snapshot,
                                                                const Visibility& vis);

/// One point of a target's series.
struct SeriesPoint {
  int year = 0;
  std::string period;                 // "2021", "2026-01~09" (partial), "2021..2023" (cumulative)
  std::optional<std::int64_t> value;  // none: no figure of the metric that year
  bool complete = true;               // false for a year whose figures do not cover it all yet
  std::size_t contributors = 0;
  bool sample = false;  // a sample record or figure went into the value
};

/// One year of the plan's path from the baseline to the goal.
/// A point of the plan's path (engine::plan_path, the line the status is judged against).
using PathPoint = engine::PathPoint;

/// How a record of an indicator's set is shown: its id, name and whether it is sample data.
struct RecordLabel {
  std::string id;
  Names name;
  bool sample = false;
};

/// The label of record `index` of `set` (an EnterpriseId::value, a project index …).
/// Supplier entries, which have no name, are named after their enterprise and OEM. Thread-safe.
[[nodiscard]] RecordLabel record_label(const Snapshot& snapshot, query::RecordSet set, std::uint32_t index);

/// A record of the latest reading and its own value of the aggregated (or compared) field.
struct ContributorItem {
  std::uint32_t record = 0;
  std::optional<std::int64_t> value;  // none when the indicator reads no value of the record
  bool sample = false;                // the record or one of the figures in `value` is sample
};

struct TargetDetail {
  TargetCheck check;
  DayNumber data_as_of = 0;
  std::vector<SeriesPoint> series;
  std::vector<PathPoint> required_path;
  query::RecordSet set = query::RecordSet::kEnterprises;
  std::vector<ContributorItem> contributors;  // all of them, by value descending then id
};

/// The index in snapshot.targets of the target `id`; kNotFound (field "id") naming the closest id
/// when there is none.
[[nodiscard]] Result<std::size_t> find_target(const Snapshot& snapshot, std::string_view id);

/// The detail of the target `id` under `options`:
///  - series: a level target (`… in 2025`) evaluated for each calendar year from the baseline year
///    (or the plan's start) through the last year with a visible figure of its metric; a
///    cumulative target (`recognized in 2021..2025`) counted as known at the end of each year from
///    the plan's start through the year of as_of (at most the deadline);
///  - required_path: the plan's path of docs/targets.md from the baseline year to the deadline
///    (geometric from a positive baseline, linear from a zero one); empty without a baseline;
///  - contributors: the records of the latest reading.
/// kNotFound (field "id") for an unknown target; the errors of check_targets. Thread-safe.
[[nodiscard]] Result<TargetDetail> target_detail(const Snapshot& snapshot, std::string_view id,
                                                 const CheckOptions& options);

}  // namespace atlas::app
