// Where a plan target stands: goal parsing and the status rules (met, missed, on track, at risk,
// off track, no data). Pure functions; the rules are documented in docs/targets.md.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "model/error.hpp"
#include "model/goal.hpp"
#include "model/period.hpp"
#include "model/records.hpp"

namespace atlas::engine {

/// kError: the target could not be evaluated (its indicator or goal is broken, or evaluating it
/// failed); the other targets are assessed as usual.
enum class TargetStatus : std::uint8_t { kMet, kMissed, kOnTrack, kAtRisk, kOffTrack, kNoData, kError };

/// "met", "missed", "on-track", "at-risk", "off-track", "no-data", "error".
[[nodiscard]] const char* to_string(TargetStatus status);
/// 已达成, 未达成, 进度正常, 存在风险, 严重滞后, 暂无数据, 无法评估.
[[nodiscard]] const char* to_string_zh(TargetStatus status);

// The goal and its parser live in model/goal.hpp, shared with the plan reader (a goal is refused
// at import).
using atlas::Comparison;
using atlas::format_goal;
using atlas::Goal;
using atlas::parse_goal;
using atlas::satisfies;

/// How a target's indicator behaves over time.
enum class TargetShape : std::uint8_t {
  kLevel,       // a value of one year (`sum(output_value) in 2025`): judged on the deadline year
  kCumulative,  // records counted over the plan period (`recognized in 2021..2025`): only grows
  kShare,       // a ratio of one year (`sum(rd_spend) / sum(revenue) in 2025`, a percent target):
                // a level whose part of a year is not annualised, on a linear path
};

/// The indicator's value at one point.
struct Reading {
  std::int64_t value = 0;
  int year = 0;     // kLevel: the year the value is for; kCumulative: the year of as_of
  int months = 12;  // kLevel: months of that year the figures cover (12 = complete)
};

struct AssessInput {
  Goal goal;
  TargetShape shape = TargetShape::kLevel;
  int plan_start = 0;             // first year of the plan (2021)
  int deadline = 0;               // year (2025)
  std::optional<Reading> latest;  // none: no figure at all
  /// kLevel: the latest complete year's reading (the same as `latest` when that year is complete);
  /// growth still needed starts from it, else from the baseline.
  std::optional<Reading> latest_complete;
  std::optional<Reading> baseline;  // the plan's baseline (year, value), if any
  DayNumber as_of = 0;              // the day the assessment is made for
};

struct Assessment {
  TargetStatus status = TargetStatus::kNoData;
  bool final = false;                     // the deadline has passed and the figures are complete
  std::optional<std::int64_t> projected;  // kLevel with a partial year: value × 12 / months
  std::optional<double> path_value;       // where the plan's path stands at the reading
  std::optional<double> growth_needed;  // kLevel: yearly growth from the latest complete value (0.25 = 25 %)
  std::optional<double> count_needed_per_year;  // kCumulative: records still needed per remaining year
  /// kShare: the change still needed per remaining year from the latest complete value, in the
  /// value's unit (millionths: 10000 is one percentage point).
  std::optional<double> change_needed_per_year;
};

/// Applies the status rules of docs/targets.md. Never fails.
[[nodiscard]] Assessment assess(const AssessInput& input);

/// One point of the plan's path: where the target should stand at the end of `year`.
struct PathPoint {
  int year = 0;
  double value = 0;
  bool operator==(const PathPoint&) const = default;
};

/// The plan's path that assess() judges against, one point a year (docs/targets.md, "The plan's
/// path"), for charts: a level target from its baseline year (a positive baseline; geometric) or
/// from zero in the year before the plan starts (linear), a cumulative target from zero in the year
/// before the plan starts, a share from its baseline year (linear; without a baseline, no path:
/// the goal itself is the bar), each at its year's end; the deadline's point is the goal. Empty
/// when the deadline is not after the path's first year. Never fails.
[[nodiscard]] std::vector<PathPoint> plan_path(const AssessInput& input);

}  // namespace atlas::engine
