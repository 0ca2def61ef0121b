// Forecast: how likely each target of a plan is to be met by its deadline, by Monte Carlo over a
// model fitted on the plan's own data (docs/forecast.md states every assumption). Two steps, so a
// what-if reuses the first: prepare_forecast() reads the Snapshot once — recognises each target's
// form, fits the enterprises' trends and the projects' delays —, simulate() draws the runs, with
// any what-if changes, from a counter-based generator: the same model, seed and changes give the
// same numbers bit for bit on any number of threads.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "model/error.hpp"
#include "model/goal.hpp"
#include "model/ids.hpp"
#include "model/period.hpp"
#include "model/snapshot.hpp"

namespace atlas::engine {

/// The model's assumptions a plan may set (`[plan.forecast]`); the defaults are design values
/// (docs/forecast.md).
struct ForecastSettings {
  double shrinkage = 3;       // k: an enterprise's trend weighs n / (n + k) against its segment's
  int ramp_months = 12;       // commissioning → full production when the milestones do not say
  double cancellation = 0.1;  // probability that a project not yet commissioned never is
  double correlation = 0.3;   // within a segment, when its history cannot estimate it
  bool operator==(const ForecastSettings&) const = default;
};

/// How a target is forecast, by the form of its indicator (docs/forecast.md, "What a forecast
/// answers").
enum class ForecastForm : std::uint8_t {
  kSum,           // sum(METRIC) where STATIC in YEAR: simulated enterprise values, summed
  kTierCount,     // count(enterprises) where STATIC and METRIC > T in YEAR: the same, counted
  kRecordCount,   // count(carriers | supplier_entries) where … DATE in Y1..Y2: Poisson arrivals
  kProjectCount,  // count(projects) where … signed/commissioned … in Y1..Y2: milestone dates
  kUnsupported,   // any other shape: no forecast (no number is invented)
};

/// "sum", "tier-count", "record-count", "project-count", "unsupported".
[[nodiscard]] const char* to_string(ForecastForm form);

/// The most runs one forecast may draw, and the most cells (runs × targets × years of the fan)
/// it may keep: what bounds a request's time and memory.
inline constexpr std::int64_t kMaxForecastRuns = 1'000'000;
inline constexpr std::int64_t kMaxForecastCells = 50'000'000;
/// A what-if growth rate must lie in [kMinGrowth, kMaxGrowth] (−100 % … +1000 % a year).
inline constexpr double kMinGrowth = -1.0;
inline constexpr double kMaxGrowth = 10.0;
/// A what-if delay in months, at most.
inline constexpr int kMaxDelayMonths = 120;
/// A hypothetical firm's output a year at full production, at most (10万亿 yuan).
inline constexpr double kMaxFirmOutput = 1e13;
/// A hypothetical firm comes from the as-of month to at most this many years later.
inline constexpr int kMaxFirmYears = 30;

/// One what-if change (docs/forecast.md, "What-if changes").
struct ForecastChange {
  enum class Kind : std::uint8_t {
    kDelayProject,   // project, months: every milestone not yet reached comes `months` later
    kCancelProject,  // project: it is never commissioned (a milestone already reached stays)
    kSegmentGrowth,  // segment, growth: the segment's enterprises grow at `growth` a year (0.1 = 10 %)
    /// output, from, counted_in: a hypothetical attracted firm making `output` a year of the plan's
    /// output metric at full production, commissioned in month `from` and simulated as a key
    /// project planned so (ramp-up, drawn delay, cancellation), counted by the targets that
    /// `counted_in` marks (firm_targets says which).
    kAddFirm,
  };
  Kind kind = Kind::kDelayProject;
  ProjectId project;
  int months = 0;
  std::uint16_t segment = 0;  // a code of the plan's segment vocabulary
  double growth = 0;
  double output = 0;
  MonthIndex from = 0;
  std::vector<std::uint8_t> counted_in;  // per Snapshot::targets index: 1 when it counts the firm
  bool operator==(const ForecastChange&) const = default;
};

/// Checks a change against the model's Snapshot: kUnknownReference for a project or segment it
/// does not have (or a firm when the plan names no output metric), kInvalidValue for a growth
/// outside [kMinGrowth, kMaxGrowth], a delay outside [1, kMaxDelayMonths], a firm's output outside
/// (0, kMaxFirmOutput] or commissioned before the model's as-of month, each naming the field.
class ForecastModel;
[[nodiscard]] Result<void> check_change(const ForecastModel& model, const ForecastChange& change);

/// Which targets would count a hypothetical firm with the fields of `firm` (its segment, zone,
/// county, classes, flags; its id and figures do not matter): a sum or tier count of the plan's
/// output metric whose set, read by the indicator language on a register holding only this firm,
/// holds it. One entry per Snapshot::targets index, for ForecastChange::counted_in.
/// kUnknownReference naming the field for a segment, zone or county the plan does not have.
[[nodiscard]] Result<std::vector<std::uint8_t>> firm_targets(const ForecastModel& model,
                                                             const EnterpriseRecord& firm);

/// P10, P50, P90 and the mean of a target's value at the end of one year.
struct FanPoint {
  int year = 0;
  double p10 = 0;
  double p50 = 0;
  double p90 = 0;
  double mean = 0;
  bool operator==(const FanPoint&) const = default;
};

/// A key project that was to add to a sum by its deadline and did not: planned to be commissioned
/// by the end of the deadline year, and not commissioned by then (docs/forecast.md, "What it would
/// have taken").
struct MissedProject {
  ProjectId project;
  MonthIndex planned = 0;                 // the planned commissioning month
  std::optional<DayNumber> commissioned;  // when it was, after the deadline; none: not yet
  double output = 0;  // what it would have added in the deadline year, commissioned as planned
  bool operator==(const MissedProject&) const = default;
};

/// One target's forecast.
struct TargetForecast {
  std::size_t target = 0;  // index in Snapshot::targets
  ForecastForm form = ForecastForm::kUnsupported;
  /// kUnsupported: why not, in English words (`a ratio is not forecast`).
  std::string unsupported;
  /// The probability that the value at the deadline meets the goal; none when unsupported.
  std::optional<double> probability;
  /// One point a year, from the year of the as-of date (or the deadline, when it has passed) to
  /// the deadline.
  std::vector<FanPoint> fan;
  /// True when every run gives the same value at the deadline (the figures are complete, or
  /// nothing uncertain feeds it): the probability is then 0 or 1.
  bool settled = false;
  /// What the forecast rests on: enterprises simulated (kSum, kTierCount) or records counted.
  std::size_t members = 0;
  /// Enterprises of the set counted as 0 because they stopped reporting (no figure in the 12
  /// months before the latest figure of the metric).
  std::size_t stopped = 0;
  /// The key projects whose output or milestones feed it, by id order.
  std::vector<ProjectId> projects;
  /// True when a sample figure or record went into the model of this target.
  bool uses_sample = false;
  /// A sum whose deadline year has ended by the as-of date: its projects that came too late.
  std::vector<MissedProject> missed;
};

/// What simulate() returns: one forecast per target of the plan, in Snapshot::targets order.
struct ForecastResult {
  std::int64_t runs = 0;
  std::uint64_t seed = 0;
  DayNumber as_of = 0;
  bool include_sample = true;
  std::vector<ForecastChange> changes;
  std::vector<TargetForecast> targets;
};

/// What prepare_forecast() reads the Snapshot under.
struct ForecastInput {
  DayNumber as_of = 0;  // only what was known on this day
  bool include_sample = true;
  ForecastSettings settings;
  /// A sum or tier count of at least this many enterprises takes the small ones together, as one
  /// draw per run given the segment factors (docs/forecast.md, "Large sets"); 0: the default
  /// (2,000); SIZE_MAX: every enterprise one by one.
  std::size_t aggregate_from = 0;
  bool operator==(const ForecastInput&) const = default;
};

namespace internal {
struct ForecastData;
}

/// The fitted model of one Snapshot at one as-of date: every target's form and set, every
/// enterprise's trend, every project's timeline. Immutable once built: simulate() may run on it
/// from any number of threads. Refers to the Snapshot (not owned), which must outlive it.
class ForecastModel {
 public:
  ForecastModel(ForecastModel&&) noexcept;
  ForecastModel& operator=(ForecastModel&&) noexcept;
  ~ForecastModel();

  [[nodiscard]] const Snapshot& snapshot() const;
  [[nodiscard]] const ForecastInput& input() const;
  /// For simulate(): the fitted data. Never null.
  [[nodiscard]] const internal::ForecastData& data() const { return *data_; }

 private:
  friend Result<ForecastModel> prepare_forecast(const Snapshot& snapshot, const ForecastInput& input);
  explicit ForecastModel(std::unique_ptr<const internal::ForecastData> data);
  std::unique_ptr<const internal::ForecastData> data_;
};

/// Fits the model: cost linear in the targets' enterprises × years of history plus the projects.
/// Fails only on a bad Snapshot (kInvalidValue when a target's goal does not read); a target
/// whose indicator has an unsupported form is kept as kUnsupported. Thread-safe.
[[nodiscard]] Result<ForecastModel> prepare_forecast(const Snapshot& snapshot, const ForecastInput& input);

struct SimulateOptions {
  std::int64_t runs = 10'000;
  std::uint64_t seed = 0;
  std::vector<ForecastChange> changes;
  unsigned threads = 0;  // 0: as many as the machine has; the result does not depend on it
};

/// Draws `runs` runs of the model under `options.changes`. kInvalidValue (field "runs") for runs ≤
/// 0 or above kMaxForecastRuns, kLimitExceeded (field "runs") when runs × targets × fan years is
/// above kMaxForecastCells; the errors of check_change. Thread-safe.
[[nodiscard]] Result<ForecastResult> simulate(const ForecastModel& model, const SimulateOptions& options);

}  // namespace atlas::engine
