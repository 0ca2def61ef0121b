// `atlas forecast` and GET /api/v1/forecast: every target's probability of being met by its
// deadline and its fan chart (engine/forecast.hpp), beside its row of the check, and for a target
// whose deadline has passed what it would have taken (docs/forecast.md).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <boost/json/object.hpp>

#include "app/check.hpp"
#include "engine/forecast.hpp"
#include "model/error.hpp"
#include "model/snapshot.hpp"

namespace atlas::app {

/// The default seed: fixed, so the dashboard shows the same numbers on every load.
inline constexpr std::uint64_t kDefaultForecastSeed = 20210702;
inline constexpr std::int64_t kDefaultForecastRuns = 10'000;

/// A hypothetical attracted firm of a what-if (docs/forecast.md, "What-if changes").
struct HypotheticalFirm {
  std::string name;       // as the planner calls it (may be empty)
  std::string candidate;  // the chain candidate it is (its id), when it is one
  /// Where it would count: its segment (required), zone, county and classes, read by the
  /// targets' indicators as an enterprise's.
  EnterpriseRecord fields;
  double output = 0;    // yuan a year of the plan's output metric at full production
  MonthIndex from = 0;  // the month it is planned to be commissioned
  bool operator==(const HypotheticalFirm&) const = default;
};

struct ForecastOptions {
  DayNumber as_of = 0;  // only what was known on this day
  bool include_sample = true;
  std::int64_t runs = kDefaultForecastRuns;
  std::uint64_t seed = kDefaultForecastSeed;
  std::vector<engine::ForecastChange> changes;
  std::vector<HypotheticalFirm> firms;  // each becomes an engine kAddFirm change after the changes
  unsigned threads = 0;                 // 0: every core; the numbers do not depend on it
};

/// For a target whose deadline has passed: what it would have taken.
struct WhatItTook {
  /// A sum: the yearly growth from `from_value` in
  /// `from_year` (the plan's baseline, else its first year) that reaches the goal by the deadline,
  /// beside the growth the figures show. None when there is no positive starting value.
  std::optional<int> from_year;
  std::optional<std::int64_t> from_value;
  std::optional<double> growth_needed;
  std::optional<double> growth_achieved;
  /// Any target: how far the value fell short of the goal (0 when it was met), in its unit.
  std::int64_t shortfall = 0;
  /// A sum: the key projects planned to add to it by the deadline that were not commissioned by
  /// then, with what each would have added in the deadline year (engine::MissedProject).
  std::vector<engine::MissedProject> missed;
  std::vector<std::string> missed_ids;  // parallel to missed
};

/// One target's forecast beside its check.
struct TargetOutlook {
  TargetCheck check;
  engine::TargetForecast forecast;
  std::vector<std::string> projects;  // ids of the projects that feed it
  std::optional<WhatItTook> took;     // when the check is final
};

struct ForecastReport {
  PlanInfo plan;  // without its map
  DayNumber as_of = 0;
  bool include_sample = true;
  std::int64_t runs = 0;
  std::uint64_t seed = 0;
  engine::ForecastSettings settings;
  std::vector<engine::ForecastChange> changes;
  std::vector<std::string> change_subjects;  // per change: the project's or the segment's id
  /// The what-if firms, each with the ids of the targets that count it.
  std::vector<std::pair<HypotheticalFirm, std::vector<std::string>>> firms;
  std::uint64_t snapshot_version = 0;
  std::vector<TargetOutlook> targets;
};

/// Fits the model (engine::prepare_forecast) and draws the runs. The errors of engine::simulate
/// (runs out of range, an unknown project or segment in a change, a growth out of range) and of
/// engine::firm_targets (a firm's unknown segment, zone or county; the field names the firm,
/// "firms[0].zone").
/// Thread-safe.
[[nodiscard]] Result<ForecastReport> forecast_targets(const Snapshot& snapshot,
                                                      const ForecastOptions& options);

/// The same on a model prepared beforehand (the API keeps one per snapshot and as-of date, so a
/// what-if only draws the runs).
[[nodiscard]] Result<ForecastReport> forecast_targets(const engine::ForecastModel& model,
                                                      const ForecastOptions& options);

/// One forecast the back-test scores: a target's value at the end of `year` as forecast from
/// `as_of`, beside what the data later showed.
struct BacktestPoint {
  std::size_t target = 0;  // index in Snapshot::targets
  DayNumber as_of = 0;
  int year = 0;
  engine::FanPoint fan;
  double actual = 0;
  bool deadline = false;              // year is the target's deadline
  std::optional<double> probability;  // deadline points: of meeting the goal
  bool met = false;                   // deadline points: the goal was met
  Goal goal;
  /// Sums: the target's complete yearly values known at as_of (the series a peer model fits).
  std::vector<std::pair<int, double>> history;
  /// Sums: the year-to-date value at the end of each month whose figures were complete at as_of
  /// (1–2月 reported together: no January), from five years before the plan's start (the monthly
  /// series bench/peers fits).
  std::vector<std::pair<MonthIndex, double>> ytd;
};

/// Calibration over a set of points: how often the P10–P90 band held the outcome (ideal 80 %), the
/// mean absolute percentage error of the deadline year's P50, and the Brier score of the met/missed
/// probabilities (0 is perfect; always saying 50 % scores 0.25).
struct Calibration {
  std::size_t points = 0;
  std::size_t covered = 0;
  std::size_t deadline_points = 0;  // with a non-zero outcome, for the MAPE
  double mape = 0;
  std::size_t brier_points = 0;
  double brier = 0;
  [[nodiscard]] double coverage() const {
    return points > 0 ? static_cast<double>(covered) / static_cast<double>(points) : 0.0;
  }
};

struct BacktestReport {
  PlanInfo plan;
  std::int64_t runs = 0;
  std::uint64_t seed = 0;
  bool include_sample = true;
  DayNumber data_as_of = 0;           // the outcomes: the figures known on this day
  std::vector<DayNumber> as_of;       // each mid-year and year-end forecast from
  std::vector<Calibration> by_as_of;  // parallel to as_of
  Calibration overall;
  std::vector<BacktestPoint> points;
};

/// Forecasts from each mid-year (06-30) and year-end of the plan period that lies before
/// `options.as_of`, and scores each target's P10/P50/P90 at every year from the as-of year to its
/// deadline whose outcome the figures known at options.as_of show (a level target: the year's
/// figures complete; a count: the year over). A point whose forecast was settled (the figures
/// already complete) is a fact, not a forecast: it is left out. The errors of forecast_targets.
[[nodiscard]] Result<BacktestReport> backtest(const Snapshot& snapshot, const ForecastOptions& options);

/// The back-test as JSON: the calibration per as-of date and overall, and every point (with the
/// history a peer model fits) for bench/peers.
[[nodiscard]] std::string backtest_json(const Snapshot& snapshot, const BacktestReport& report);

/// The settings a plan gives (`[plan.forecast]`), else the design defaults.
[[nodiscard]] engine::ForecastSettings forecast_settings(const Snapshot& snapshot);

/// The report as JSON, the shape `atlas forecast --json` prints and GET /api/v1/forecast answers
/// (docs/api.md): titles in both languages.
[[nodiscard]] boost::json::object forecast_report_object(const ForecastReport& report);
[[nodiscard]] std::string forecast_report_json(const ForecastReport& report);

}  // namespace atlas::app
