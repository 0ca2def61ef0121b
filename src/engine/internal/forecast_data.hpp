// The fitted forecast model (what prepare_forecast builds and simulate reads). Plain data.
#pragma once

#include <array>
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <vector>

#include "engine/forecast.hpp"
#include "model/goal.hpp"
#include "model/period.hpp"
#include "model/snapshot.hpp"
#include "query/ast.hpp"

namespace atlas::engine::internal {

inline constexpr DayNumber kNever = std::numeric_limits<DayNumber>::max();
/// A fan reaches at most this many years back from the deadline.
inline constexpr int kMaxFanYears = 30;

/// The first day of month `m`, the last day of month `m`, the last day of `year`.
[[nodiscard]] inline DayNumber month_first_day(MonthIndex m) {
  return day_number(year_of(m), month_of(m), 1);
}
[[nodiscard]] inline DayNumber month_last_day(MonthIndex m) {
  return day_number(year_of(m), month_of(m), days_in_month(year_of(m), month_of(m)));
}
[[nodiscard]] inline DayNumber year_last_day(int year) {
  return day_number(year, 12, 31);
}
/// The milestone kinds a date field reads, in FieldKey order: signed, started, commissioned,
/// full_production.
inline constexpr std::size_t kDateKinds = 4;

/// One enterprise's fitted trend of one metric (docs/forecast.md, "Enterprise output").
struct EnterpriseTrend {
  EnterpriseId id;
  std::uint16_t segment = kNoTerm;
  /// Its last complete year L (its values up to L are known), or 0 when it has none.
  int complete_year = 0;
  /// Known values of the years known_first … complete_year (0 for a year without figures).
  int known_first = 0;
  std::vector<double> known;
  /// The year after L: months reported (0–11), their sum, and the share of a year's value those
  /// months usually make (its seasonality, else its segment's, else months / 12).
  int partial_months = 0;
  double partial_value = 0;
  double partial_share = 1;
  double growth = 0;      // r̂: shrunk mean log growth a year
  double volatility = 0;  // ŝ: shrunk standard deviation of the log growth
  /// No figure in the 12 months before the latest figure of the metric (it closed or left the
  /// frame): 0 from then on.
  bool stopped = false;
  MonthIndex last_figure = 0;           // the last month with a visible figure (0: none)
  bool no_figures = false;              // no visible figure at all: 0 (plus its projects), nothing drawn
  bool sample = false;                  // a sample figure went into its model
  std::vector<std::uint32_t> projects;  // indices into ForecastData::projects it sponsors (output to come)
  std::vector<std::uint32_t> planned;   // every project it sponsors with a planned output
  /// The first simulated year: complete_year + 1, or the partial year.
  [[nodiscard]] int first_simulated() const { return complete_year + 1; }
};

/// The slot of a segment code in per-segment tables of `segments` entries (an enterprise without a
/// segment, kNoTerm, takes the last).
[[nodiscard]] inline std::size_t segment_slot(std::uint16_t code, std::size_t segments) {
  return code == kNoTerm ? segments - 1 : std::size_t{code};
}

/// The enterprises of one metric, and the per-segment correlation.
struct MetricTrends {
  MetricId metric;
  std::vector<EnterpriseTrend> enterprises;  // ascending EnterpriseId
  std::vector<double> correlation;           // per segment code (index kNoTerm → the last entry)
  /// Per enterprise: 1 when some target simulates it one by one (0: every target that reads it
  /// takes it in an Aggregate).
  std::vector<std::uint8_t> simulated;
};

/// Points of the grid over the standardised segment factor x ∈ [−kGridReach, kGridReach] on which
/// an aggregated tier count is tabulated.
inline constexpr std::size_t kGridPoints = 49;
inline constexpr double kGridReach = 6.0;

/// Enterprises of one target taken together (docs/forecast.md, "Large sets"): those of one segment
/// with the same first simulated year and, for a sum, a volatility rounded to the same bin.
struct AggregateGroup {
  std::size_t segment = 0;  // index into the factor table (kNoTerm: the last)
  int first = 0;            // F, the first simulated year
  double volatility = 0;    // a sum's: the bin's; a tier count's: unused
  /// A sum, per τ = year − F: Σ pv·e^{gτ}, Σ r·G·e^{gτ}, Σ pv²·e^{2gτ}, Σ pv·r·G·e^{2gτ},
  /// Σ r²·G²·e^{2gτ} (pv: the partial year's value so far, r: what remains of it, or the last
  /// complete year's value when there is no partial year, G = e^g then, else 1).
  std::vector<std::array<double, 5>> own;
  /// The same without growth, for a what-if growth: Σ pv, Σ r (no partial year), Σ r (partial),
  /// Σ pv², Σ pv·r, Σ r² (no partial year), Σ r² (partial).
  std::array<double, 7> flat{};
  /// A tier count, per τ then grid point: the expected count and its variance given the factor.
  std::vector<double> expected;
  std::vector<double> variance;
  std::vector<std::uint32_t> enterprises;  // a tier count's members (indices into MetricTrends)
};

/// The aggregated part of a sum or tier count.
struct Aggregate {
  std::size_t enterprises = 0;
  std::vector<double> known;  // per year from TargetModel::first_year: the part known at as-of
  std::vector<AggregateGroup> groups;
};

/// One key project's timeline (docs/forecast.md, "Key projects").
struct ProjectTimeline {
  ProjectId id;
  /// Per milestone kind (signed, started, commissioned, full production): the first day it was
  /// reached by the as-of date (kNever when not), and the month it is planned for when not reached.
  std::array<DayNumber, kDateKinds> reached{kNever, kNever, kNever, kNever};
  std::array<std::optional<MonthIndex>, kDateKinds> planned;
  bool uncertain = false;      // some milestone is still to come (its dates are drawn)
  int overdue = 0;             // months the earliest planned milestone to come is overdue at the as-of
  double expected_output = 0;  // yuan a year at full production; 0 when none or already commissioned
  int ramp_months = 12;
  bool sample = false;
  /// As planned, whatever happened since: the month of its commissioning (else of its full
  /// production less the ramp-up) and its output at full production (0 when none).
  std::optional<MonthIndex> planned_commissioning;
  double planned_output = 0;
  /// The month its output starts in a run with delay `delay` (none: never).
  [[nodiscard]] std::optional<MonthIndex> commissioning(int delay) const;
};

/// A node of a project-count condition: and/or/not over static per-project bits and milestone
/// date windows.
struct ProjectNode {
  enum class Kind : std::uint8_t { kAnd, kOr, kNot, kStatic, kDate };
  Kind kind = Kind::kStatic;
  std::vector<std::uint32_t> operands;
  std::vector<std::uint8_t> bits;  // kStatic: per project
  std::size_t date_kind = 0;       // kDate: index into ProjectTimeline::reached
  DayNumber low = 0;               // kDate: the window, inclusive
  DayNumber high = 0;
};

/// Lower and upper bounds of an enterprise's value for a tier count.
struct Tier {
  std::optional<std::int64_t> low;
  bool low_inclusive = false;
  std::optional<std::int64_t> high;
  bool high_inclusive = false;
  [[nodiscard]] bool holds(double value) const {
    if (low && (low_inclusive ? value < static_cast<double>(*low) : value <= static_cast<double>(*low)))
      return false;
    if (high && (high_inclusive ? value > static_cast<double>(*high) : value >= static_cast<double>(*high)))
      return false;
    return true;
  }
};

/// One target as the simulation sees it.
struct TargetModel {
  std::size_t target = 0;
  ForecastForm form = ForecastForm::kUnsupported;
  std::string unsupported;
  Goal goal;
  int first_year = 0;  // the fan's first year
  int deadline = 0;    // its last
  bool sample = false;
  std::size_t stopped = 0;
  std::vector<std::uint32_t> projects;   // indices into ForecastData::projects that feed it
  std::vector<std::uint32_t> sponsored;  // kSum: projects with an output whose sponsor is a member
  /// kSum, kTierCount: the indicator and the conjuncts of its `where` that select the static set
  /// (firm_targets reads a hypothetical firm through them).
  std::optional<query::Indicator> indicator;
  std::vector<std::uint32_t> static_conjuncts;
  // kSum, kTierCount
  std::uint32_t metric = 0;            // index into ForecastData::metrics
  std::vector<std::uint32_t> members;  // indices into that MetricTrends::enterprises, one by one
  std::optional<Aggregate> aggregate;  // the rest of a large set (docs/forecast.md, "Large sets")
  Tier tier;
  // kRecordCount: counted so far, and the Gamma posterior of the yearly rate
  std::int64_t counted = 0;
  double rate_shape = 1;
  double rate_years = 1;
  DayNumber window_end = 0;
  // kProjectCount
  std::vector<ProjectNode> nodes;              // root last
  std::vector<std::uint8_t> counted_projects;  // the project may count (visible, in the set)
  [[nodiscard]] std::size_t members_count() const;
};

/// A sum or tier count with at least this many enterprises takes all but the large ones and the
/// projects' sponsors together (ForecastInput::aggregate_from overrides it).
inline constexpr std::size_t kAggregateFrom = 2000;

/// Splits each large set into members simulated one by one and an Aggregate (forecast_aggregate.cpp).
void aggregate_targets(struct ForecastData& d, std::size_t from);

/// The standardised factor of one segment over years F … y of one run: Σ z / √(y − F + 1).
/// (Defined by the Runner; given to aggregate_value.)
struct FactorPath {
  const double* z = nullptr;  // the segment's factors, year `first_year` first
  int first_year = 0;
  [[nodiscard]] double at(int year) const { return z[year - first_year]; }
};

/// The aggregated part of target t's value at the end of `year` in one run: its known part, and
/// per group the expectation given the segment factors plus one normal draw `normal` for the
/// idiosyncratic rest. `growth` per segment index: a what-if log growth (−∞: none left).
/// `regridded`: tier groups recomputed under a what-if growth (empty when none), parallel to groups.
[[nodiscard]] double aggregate_value(const struct TargetModel& t, const MetricTrends& m, int year,
                                     const std::vector<FactorPath>& factors,
                                     const std::vector<std::optional<double>>& growth,
                                     const std::vector<AggregateGroup>* regridded, double normal);

/// A tier group's grid under a what-if log growth for its segment.
[[nodiscard]] AggregateGroup regrid(const struct TargetModel& t, const MetricTrends& m,
                                    const AggregateGroup& g, double growth);

struct ForecastData {
  const Snapshot* snapshot = nullptr;
  ForecastInput input;
  int as_of_year = 0;
  MonthIndex as_of_month = 0;
  std::vector<MetricTrends> metrics;
  std::vector<ProjectTimeline> projects;  // per Snapshot::projects index
  std::vector<int> delays;                // observed delays in months, ascending
  std::vector<TargetModel> targets;       // per Snapshot::targets index
  /// The plan's output metric's index into `metrics` (what projects and what-if firms add to).
  std::optional<std::uint32_t> output_metric;
};

}  // namespace atlas::engine::internal
