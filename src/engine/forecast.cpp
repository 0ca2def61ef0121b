// simulate: the Monte Carlo runs over a prepared model (docs/forecast.md, "Monte Carlo").
#include "engine/forecast.hpp"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <limits>
#include <span>
#include <thread>
#include <utility>

#include "engine/internal/forecast_data.hpp"
#include "engine/internal/forecast_random.hpp"

namespace atlas::engine {
namespace {

using internal::Counter;
using internal::EnterpriseTrend;
using internal::ForecastData;
using internal::kNever;
using internal::MetricTrends;
using internal::month_first_day;
using internal::ProjectNode;
using internal::ProjectTimeline;
using internal::Stream;
using internal::TargetModel;
using internal::year_last_day;

constexpr std::int64_t kChunk = 256;            // runs per unit of work handed to a thread
constexpr std::size_t kMinEmpiricalDelays = 5;  // fewer observed delays: the design default
constexpr MonthIndex kNoStart = std::numeric_limits<MonthIndex>::max();  // a what-if firm never came

bool supported(const TargetModel& t) {
  return t.form != ForecastForm::kUnsupported;
}

// The what-if changes, folded per project and segment.
struct Changes {
  std::vector<int> delay;                     // extra months per project
  std::vector<std::uint8_t> cancelled;        // per project
  std::vector<std::optional<double>> growth;  // log growth per segment code (kNoTerm: last)
  std::vector<const ForecastChange*> firms;   // kAddFirm, in the order given
};

Changes fold(const ForecastData& d, const std::vector<ForecastChange>& changes) {
  Changes out;
  out.delay.assign(d.projects.size(), 0);
  out.cancelled.assign(d.projects.size(), 0);
  out.growth.assign(d.snapshot->vocabulary(VocabularyKind::kSegment).size() + 1, std::nullopt);
  for (const ForecastChange& c : changes) {
    switch (c.kind) {
      case ForecastChange::Kind::kDelayProject:
        out.delay[c.project.value] += c.months;
        break;
      case ForecastChange::Kind::kCancelProject:
        out.cancelled[c.project.value] = 1;
        break;
      case ForecastChange::Kind::kSegmentGrowth:
        out.growth[c.segment] = c.growth <= kMinGrowth ? -HUGE_VAL : std::log1p(c.growth);
        break;
      case ForecastChange::Kind::kAddFirm:
        out.firms.push_back(&c);
        break;
    }
  }
  return out;
}

// The delay of a project's milestones still to come in one run: drawn from the delays observed
// in the data that are at least `overdue`; with fewer than kMinEmpiricalDelays observations (or
// none that long), 0 with probability ½ else 1–12 months, on top of the months overdue.
int draw_delay(const Counter& rng, const std::vector<int>& delays, int overdue) {
  const double u = rng.uniform(0);
  if (delays.size() >= kMinEmpiricalDelays) {
    const auto from = std::lower_bound(delays.begin(), delays.end(), overdue);
    const auto count = static_cast<std::size_t>(delays.end() - from);
    if (count > 0)
      return *(from + static_cast<std::ptrdiff_t>(
                          std::min(count - 1, static_cast<std::size_t>(u * static_cast<double>(count)))));
  }
  const double v = rng.uniform(1);
  if (overdue == 0 && u < 0.5) return 0;
  return overdue + 1 + std::min(11, static_cast<int>(v * 12.0));
}

// Output of a project in `year` when commissioned in month `c`: linear ramp to full production
// over ramp_months, full production after.
double project_output(const ProjectTimeline& p, MonthIndex c, int year) {
  double months = 0;
  const MonthIndex jan = month_index(year, 1);
  for (MonthIndex m = jan; m < jan + 12; ++m) {
    if (m < c) continue;
    months += std::min(1.0, static_cast<double>(m - c + 1) / static_cast<double>(std::max(1, p.ramp_months)));
  }
  return p.expected_output * months / 12.0;
}

struct Layout {
  int first_year = 0;  // of the simulated enterprise values
  int last_year = 0;
  std::vector<std::size_t> cell;  // per target: its first cell (fan years in order)
  std::size_t cells = 0;
  std::vector<std::size_t> slot;  // per target: its index among the supported targets
  std::size_t slots = 0;
};

class Runner {
 public:
  Runner(const ForecastData& d, const SimulateOptions& o, const Changes& changes, const Layout& layout)
      : d_(d), o_(o), changes_(changes), layout_(layout) {
    const auto runs = static_cast<std::size_t>(o.runs);
    values_.assign(layout.cells * runs, 0.0F);
    met_.assign(layout.slots * runs, 0);
    years_ = static_cast<std::size_t>(layout.last_year - layout.first_year) + 1;
    segments_ = d.snapshot->vocabulary(VocabularyKind::kSegment).size() + 1;
    factor_first_ = layout.first_year;
    for (const MetricTrends& m : d.metrics) {
      for (const EnterpriseTrend& e : m.enterprises)
        if (!e.no_figures) factor_first_ = std::min(factor_first_, e.first_simulated());
    }
    factor_years_ = static_cast<std::size_t>(std::max(0, layout.last_year - factor_first_ + 1));
    count_projects_ = std::any_of(d.targets.begin(), d.targets.end(),
                                  [](const TargetModel& t) { return t.form == ForecastForm::kProjectCount; });
    // Tier counts taken together whose segment grows as a what-if says: their grids again.
    regridded_.resize(d.targets.size());
    for (const TargetModel& t : d.targets) {
      if (!t.aggregate || t.form != ForecastForm::kTierCount) continue;
      for (std::size_t k = 0; k < t.aggregate->groups.size(); ++k) {
        const internal::AggregateGroup& g = t.aggregate->groups[k];
        if (!changes.growth[g.segment]) continue;
        auto& list = regridded_[t.target];
        list.resize(t.aggregate->groups.size());
        list[k] = internal::regrid(t, d.metrics[t.metric], g, *changes.growth[g.segment]);
      }
    }
    for (const ForecastChange* c : changes.firms) {
      ProjectTimeline& firm = firms_.emplace_back();
      firm.expected_output = c->output;
      firm.ramp_months = d.input.settings.ramp_months;
      firm.planned_commissioning = c->from;
    }
  }

  void run(unsigned threads) {
    const std::int64_t chunks = (o_.runs + kChunk - 1) / kChunk;
    std::atomic<std::int64_t> next{0};
    const auto work = [&] {
      Scratch scratch(*this);
      for (std::int64_t c = next++; c < chunks; c = next++) {
        const std::int64_t end = std::min(o_.runs, (c + 1) * kChunk);
        for (std::int64_t r = c * kChunk; r < end; ++r)
          one_run(static_cast<std::uint64_t>(r), scratch);
      }
    };
    const unsigned n = std::max(1U, std::min<unsigned>(threads, static_cast<unsigned>(chunks)));
    std::vector<std::jthread> pool;
    pool.reserve(n - 1);
    for (unsigned t = 1; t < n; ++t)
      pool.emplace_back(work);
    work();
  }

  [[nodiscard]] std::vector<float>& values() { return values_; }
  [[nodiscard]] const std::vector<std::uint8_t>& met() const { return met_; }

 private:
  struct Scratch {
    explicit Scratch(const Runner& r) {
      for (const MetricTrends& m : r.d_.metrics)
        values.emplace_back(m.enterprises.size() * r.years_, 0.0);
      cancelled.assign(r.d_.projects.size(), 0);
      delay.assign(r.d_.projects.size(), 0);
      dates.assign(r.d_.projects.size() * internal::kDateKinds, kNever);
      factor.assign(r.segments_ * r.factor_years_, 0.0);
      firm_start.assign(r.firms_.size(), kNoStart);
      paths.assign(r.segments_, {});
    }
    std::vector<std::vector<double>> values;  // per metric: enterprise × year
    std::vector<std::uint8_t> cancelled;
    std::vector<int> delay;
    std::vector<DayNumber> dates;             // project × milestone kind: the day it is reached in this run
    std::vector<double> factor;               // segment × year
    std::vector<MonthIndex> firm_start;       // per what-if firm: its commissioning (kNoStart: never)
    std::vector<internal::FactorPath> paths;  // per segment: its factors in this run
  };

  void one_run(std::uint64_t run, Scratch& s) {
    const std::uint64_t seed = o_.seed;
    for (std::size_t p = 0; p < d_.projects.size(); ++p) {
      const ProjectTimeline& t = d_.projects[p];
      s.cancelled[p] = changes_.cancelled[p];
      s.delay[p] = 0;
      if (!t.uncertain) continue;
      const bool commissioned = t.reached[static_cast<std::size_t>(MilestoneKind::kCommissioned)] != kNever;
      if (!commissioned &&
          Counter(seed, run, Stream::kProjectCancel, p).uniform(0) < d_.input.settings.cancellation) {
        s.cancelled[p] = 1;
      }
      s.delay[p] =
          draw_delay(Counter(seed, run, Stream::kProjectDelay, p), d_.delays, t.overdue) + changes_.delay[p];
    }
    // What-if firms: as key projects planned to be commissioned in their month.
    for (std::size_t f = 0; f < firms_.size(); ++f) {
      s.firm_start[f] = kNoStart;
      if (Counter(seed, run, Stream::kFirmCancel, f).uniform(0) < d_.input.settings.cancellation) continue;
      s.firm_start[f] =
          static_cast<MonthIndex>(*firms_[f].planned_commissioning +
                                  draw_delay(Counter(seed, run, Stream::kFirmDelay, f), d_.delays, 0));
    }
    if (count_projects_) {
      for (std::size_t p = 0; p < d_.projects.size(); ++p) {
        const ProjectTimeline& t = d_.projects[p];
        for (std::size_t k = 0; k < internal::kDateKinds; ++k) {
          DayNumber when = t.reached[k];
          if (when == kNever && s.cancelled[p] == 0 && t.planned[k]) {
            when = month_first_day(static_cast<MonthIndex>(*t.planned[k] + s.delay[p]));
          }
          s.dates[(p * internal::kDateKinds) + k] = when;
        }
      }
    }
    for (std::size_t g = 0; g < segments_; ++g) {
      const Counter rng(seed, run, Stream::kSegmentFactor, g);
      for (std::size_t y = 0; y < factor_years_; ++y) {
        s.factor[(g * factor_years_) + y] = rng.normal(static_cast<std::uint64_t>(factor_first_) + y);
      }
      s.paths[g] = {s.factor.data() + (g * factor_years_), factor_first_};
    }
    for (std::size_t m = 0; m < d_.metrics.size(); ++m)
      simulate_metric(run, d_.metrics[m], s, s.values[m]);
    for (const TargetModel& t : d_.targets) {
      if (supported(t)) record_target(run, t, s);
    }
  }

  void simulate_metric(std::uint64_t run, const MetricTrends& m, const Scratch& s,
                       std::vector<double>& out) const {
    const int y0 = layout_.first_year;
    const int y1 = layout_.last_year;
    for (std::size_t i = 0; i < m.enterprises.size(); ++i) {
      if (!m.simulated.empty() && m.simulated[i] == 0) continue;  // only in aggregates
      const EnterpriseTrend& e = m.enterprises[i];
      // Year-major (year × enterprise), so a target's sum over its members reads one run of memory.
      const std::size_t n = m.enterprises.size();
      const auto cell = [&](int y) -> double& { return out[(static_cast<std::size_t>(y - y0) * n) + i]; };
      const auto known = [&](int y) {
        const int k = y - e.known_first;
        return k >= 0 && k < static_cast<int>(e.known.size()) ? e.known[static_cast<std::size_t>(k)] : 0.0;
      };
      for (int y = y0; y <= std::min(y1, e.complete_year); ++y)
        cell(y) = known(y);
      const std::size_t seg = internal::segment_slot(e.segment, segments_);
      const double rho = m.correlation[seg];
      const double a = std::sqrt(rho);
      const double b = std::sqrt(1.0 - rho);
      const std::optional<double>& override = changes_.growth[seg];
      const double growth = override ? *override : e.growth;
      const Counter rng(o_.seed, run, Stream::kEnterprise, e.id.value);
      double v = known(e.complete_year);
      std::array<double, 2> pair{};  // the normals of years 2k and 2k+1: one Box–Muller for both
      if (e.no_figures) {            // nothing to draw: 0, plus its projects below
        for (int y = std::max(y0, e.first_simulated()); y <= y1; ++y)
          cell(y) = 0;
      }
      for (int y = e.first_simulated(); y <= y1 && !e.no_figures; ++y) {
        if (e.stopped) {
          v = 0;
        } else {
          const auto year = static_cast<std::uint64_t>(y);
          if (y == e.first_simulated() || year % 2 == 0) pair = rng.normal_pair(year / 2);
          const double z = s.factor[(seg * factor_years_) + static_cast<std::size_t>(y - factor_first_)];
          const double eps = (a * z) + (b * pair[year % 2]);
          if (y == e.first_simulated() && e.partial_months > 0) {
            const double remaining = std::max(0.0, (e.partial_value / e.partial_share) - e.partial_value);
            v = e.partial_value + (remaining * std::exp(e.volatility * eps));
          } else if (v > 0) {
            v = std::isinf(growth) ? 0.0 : v * std::exp(growth + (e.volatility * eps));
          }
        }
        if (y >= y0) cell(y) = v;
      }
      for (std::uint32_t p : e.projects) {
        if (s.cancelled[p] != 0) continue;
        const ProjectTimeline& t = d_.projects[p];
        const auto c = t.commissioning(s.delay[p]);
        if (!c) continue;
        for (int y = std::max(y0, year_of(*c)); y <= y1; ++y)
          cell(y) += project_output(t, *c, y);
      }
    }
  }

  // Whether project p's condition holds at the end of `day` in this run.
  bool project_holds(const TargetModel& t, std::uint32_t node, std::size_t p, DayNumber day,
                     const Scratch& s) const {
    const ProjectNode& n = t.nodes[node];
    switch (n.kind) {
      case ProjectNode::Kind::kAnd:
        return std::all_of(n.operands.begin(), n.operands.end(),
                           [&](std::uint32_t o) { return project_holds(t, o, p, day, s); });
      case ProjectNode::Kind::kOr:
        return std::any_of(n.operands.begin(), n.operands.end(),
                           [&](std::uint32_t o) { return project_holds(t, o, p, day, s); });
      case ProjectNode::Kind::kNot:
        return !project_holds(t, n.operands.front(), p, day, s);
      case ProjectNode::Kind::kStatic:
        return n.bits[p] != 0;
      case ProjectNode::Kind::kDate: {
        const DayNumber when = s.dates[(p * internal::kDateKinds) + n.date_kind];
        return when != kNever && when <= day && when >= n.low && when <= n.high;
      }
    }
    return false;
  }

  void record_target(std::uint64_t run, const TargetModel& t, const Scratch& s) {
    const auto runs = static_cast<std::size_t>(o_.runs);
    const std::size_t first_cell = layout_.cell[t.target];
    double value = 0;
    double arrivals = 0;
    double lambda = 0;
    DayNumber counted_until = d_.input.as_of;
    if (t.form == ForecastForm::kRecordCount) {
      const Counter rng(o_.seed, run, Stream::kArrivals, t.target);
      lambda = internal::gamma(rng, t.rate_shape, 0) / t.rate_years;
    }
    for (int y = t.first_year; y <= t.deadline; ++y) {
      switch (t.form) {
        case ForecastForm::kSum:
        case ForecastForm::kTierCount: {
          const std::size_t n = d_.metrics[t.metric].enterprises.size();
          const double* vals =
              s.values[t.metric].data() + (static_cast<std::size_t>(y - layout_.first_year) * n);
          value = 0;
          if (t.form == ForecastForm::kSum) {
            for (std::uint32_t e : t.members)
              value += vals[e];
          } else {
            for (std::uint32_t e : t.members)
              value += t.tier.holds(vals[e]) ? 1.0 : 0.0;
          }
          if (t.aggregate) {
            const std::vector<internal::AggregateGroup>& again = regridded_[t.target];
            value += internal::aggregate_value(
                t, d_.metrics[t.metric], y, s.paths, changes_.growth, again.empty() ? nullptr : &again,
                Counter(o_.seed, run, Stream::kAggregate, t.target).normal(static_cast<std::uint64_t>(y)));
          }
          if (d_.output_metric && t.metric == *d_.output_metric) {
            for (std::size_t f = 0; f < firms_.size(); ++f) {
              if (s.firm_start[f] == kNoStart || changes_.firms[f]->counted_in[t.target] == 0) continue;
              const double made = project_output(firms_[f], s.firm_start[f], y);
              if (t.form == ForecastForm::kSum) {
                value += made;
              } else if (made > 0 && t.tier.holds(made)) {
                value += 1.0;
              }
            }
          }
          break;
        }
        case ForecastForm::kRecordCount: {
          const DayNumber until = std::min(year_last_day(y), t.window_end);
          if (until > counted_until) {
            const double years = static_cast<double>(until - counted_until) / 365.25;
            const Counter rng(o_.seed, run, Stream::kArrivals, t.target);
            arrivals += static_cast<double>(
                internal::poisson(rng, lambda * years, 1'000 + static_cast<std::uint64_t>(y)));
            counted_until = until;
          }
          value = static_cast<double>(t.counted) + arrivals;
          break;
        }
        case ForecastForm::kProjectCount: {
          value = 0;
          const DayNumber day = year_last_day(y);
          const auto root = static_cast<std::uint32_t>(t.nodes.size() - 1);
          for (std::size_t p = 0; p < t.counted_projects.size(); ++p) {
            if (t.counted_projects[p] != 0 && project_holds(t, root, p, day, s)) value += 1;
          }
          break;
        }
        case ForecastForm::kUnsupported:
          break;
      }
      const std::size_t cell = first_cell + static_cast<std::size_t>(y - t.first_year);
      values_[(cell * runs) + run] = static_cast<float>(value);
    }
    met_[(layout_.slot[t.target] * runs) + run] = satisfies(t.goal, std::llround(value)) ? 1 : 0;
  }

  const ForecastData& d_;
  const SimulateOptions& o_;
  const Changes& changes_;
  const Layout& layout_;
  std::size_t years_ = 0;
  std::size_t segments_ = 0;
  int factor_first_ = 0;
  std::size_t factor_years_ = 0;
  bool count_projects_ = false;         // some target counts projects: their dates are drawn per run
  std::vector<ProjectTimeline> firms_;  // per what-if firm (Changes::firms), as a planned project
  std::vector<std::vector<internal::AggregateGroup>>
      regridded_;                  // per target: tier groups under a what-if growth
  std::vector<float> values_;      // cell × run
  std::vector<std::uint8_t> met_;  // slot × run
};

// Type-7 quantile (linear between order statistics) of `x`, reordering it.
double quantile(std::span<float> x, double p) {
  const double h = static_cast<double>(x.size() - 1) * p;
  const auto lo = static_cast<std::size_t>(h);
  std::nth_element(x.begin(), x.begin() + static_cast<std::ptrdiff_t>(lo), x.end());
  const double a = x[lo];
  if (lo + 1 >= x.size()) return a;
  const double b = *std::min_element(x.begin() + static_cast<std::ptrdiff_t>(lo) + 1, x.end());
  return a + ((h - static_cast<double>(lo)) * (b - a));
}

struct CellSummary {
  FanPoint point;
  bool settled = false;
};

// The mean and quantiles of every cell (its runs' values, reordered in place), the cells shared
// among the threads.
std::vector<CellSummary> summarise(std::vector<float>& values, std::size_t cells, std::size_t runs,
                                   unsigned threads) {
  std::vector<CellSummary> out(cells);
  std::atomic<std::size_t> next{0};
  const auto work = [&] {
    for (std::size_t c = next++; c < cells; c = next++) {
      const std::span<float> v(values.data() + (c * runs), runs);
      double sum = 0;
      for (float x : v)
        sum += x;
      const auto [lo, hi] = std::minmax_element(v.begin(), v.end());
      out[c].settled = *lo == *hi;
      out[c].point.mean = sum / static_cast<double>(runs);
      out[c].point.p10 = quantile(v, 0.1);
      out[c].point.p50 = quantile(v, 0.5);
      out[c].point.p90 = quantile(v, 0.9);
    }
  };
  const unsigned n =
      std::max(1U, std::min<unsigned>(threads, static_cast<unsigned>(std::max<std::size_t>(cells, 1))));
  {
    std::vector<std::jthread> pool;
    for (unsigned t = 1; t < n; ++t)
      pool.emplace_back(work);
    work();
  }
  return out;
}

}  // namespace

const char* to_string(ForecastForm form) {
  switch (form) {
    case ForecastForm::kSum:
      return "sum";
    case ForecastForm::kTierCount:
      return "tier-count";
    case ForecastForm::kRecordCount:
      return "record-count";
    case ForecastForm::kProjectCount:
      return "project-count";
    case ForecastForm::kUnsupported:
      break;
  }
  return "unsupported";
}

ForecastModel::ForecastModel(std::unique_ptr<const internal::ForecastData> data) : data_(std::move(data)) {
}
ForecastModel::ForecastModel(ForecastModel&&) noexcept = default;
ForecastModel& ForecastModel::operator=(ForecastModel&&) noexcept = default;
ForecastModel::~ForecastModel() = default;
const Snapshot& ForecastModel::snapshot() const {
  return *data_->snapshot;
}
const ForecastInput& ForecastModel::input() const {
  return data_->input;
}

Result<void> check_change(const ForecastModel& model, const ForecastChange& change) {
  const Snapshot& s = model.snapshot();
  switch (change.kind) {
    case ForecastChange::Kind::kDelayProject:
    case ForecastChange::Kind::kCancelProject:
      if (!change.project.valid() || change.project.value >= s.projects.size()) {
        return fail(ErrorCode::kUnknownReference, "no such project", "project");
      }
      if (change.kind == ForecastChange::Kind::kDelayProject &&
          (change.months < 1 || change.months > kMaxDelayMonths)) {
        return fail(ErrorCode::kInvalidValue,
                    "a delay is 1 to " + std::to_string(kMaxDelayMonths) + " months, not " +
                        std::to_string(change.months),
                    "months");
      }
      return {};
    case ForecastChange::Kind::kSegmentGrowth:
      if (change.segment >= s.vocabulary(VocabularyKind::kSegment).size()) {
        return fail(ErrorCode::kUnknownReference, "no such segment", "segment");
      }
      if (!(change.growth >= kMinGrowth && change.growth <= kMaxGrowth)) {
        return fail(ErrorCode::kInvalidValue, "a growth rate lies between -100% and +1000% a year", "growth");
      }
      return {};
    case ForecastChange::Kind::kAddFirm: {
      if (!(change.output > 0 && change.output <= kMaxFirmOutput)) {
        return fail(ErrorCode::kInvalidValue, "a firm's output a year lies above 0 and at most 10万亿 yuan",
                    "output");
      }
      const Date as_of = date_of(model.input().as_of);
      if (change.from < month_index(as_of.year, as_of.month) ||
          year_of(change.from) > as_of.year + kMaxFirmYears) {
        return fail(ErrorCode::kInvalidValue,
                    "a firm comes from the month of the as-of date (" + as_of.to_string().substr(0, 7) +
                        ") to " + std::to_string(kMaxFirmYears) + " years later",
                    "from");
      }
      if (change.counted_in.size() != model.data().targets.size()) {
        return fail(ErrorCode::kInvalidValue, "counted_in does not list the plan's targets (firm_targets)",
                    "counted_in");
      }
      return {};
    }
  }
  return {};
}

Result<ForecastResult> simulate(const ForecastModel& model, const SimulateOptions& options) {
  const ForecastData& d = model.data();
  if (options.runs <= 0 || options.runs > kMaxForecastRuns) {
    return fail(
        ErrorCode::kInvalidValue,
        "runs must be 1 to " + std::to_string(kMaxForecastRuns) + ", not " + std::to_string(options.runs),
        "runs");
  }
  for (const ForecastChange& c : options.changes) {
    if (auto ok = check_change(model, c); !ok) return std::unexpected(ok.error());
  }
  Layout layout;
  layout.cell.assign(d.targets.size(), 0);
  layout.slot.assign(d.targets.size(), 0);
  // The years the targets' fans span (an as-of date far from the deadlines adds none).
  bool any = false;
  for (const TargetModel& t : d.targets) {
    if (!supported(t)) continue;
    layout.cell[t.target] = layout.cells;
    layout.cells += static_cast<std::size_t>(t.deadline - t.first_year + 1);
    layout.slot[t.target] = layout.slots++;
    layout.first_year = any ? std::min(layout.first_year, t.first_year) : t.first_year;
    layout.last_year = any ? std::max(layout.last_year, t.deadline) : t.deadline;
    any = true;
  }
  if (!any) layout.first_year = layout.last_year = d.as_of_year;
  if (static_cast<double>(layout.cells) * static_cast<double>(options.runs) >
      static_cast<double>(kMaxForecastCells)) {
    return fail(ErrorCode::kLimitExceeded,
                "runs × targets × years of the fan is above " + std::to_string(kMaxForecastCells) +
                    "; ask for fewer runs",
                "runs");
  }
  const Changes changes = fold(d, options.changes);
  Runner runner(d, options, changes, layout);
  const unsigned threads =
      options.threads > 0 ? options.threads : std::max(1U, std::thread::hardware_concurrency());
  runner.run(threads);

  ForecastResult out;
  out.runs = options.runs;
  out.seed = options.seed;
  out.as_of = d.input.as_of;
  out.include_sample = d.input.include_sample;
  out.changes = options.changes;
  const auto runs = static_cast<std::size_t>(options.runs);
  const std::vector<CellSummary> cells = summarise(runner.values(), layout.cells, runs, threads);
  for (const TargetModel& t : d.targets) {
    TargetForecast& f = out.targets.emplace_back();
    f.target = t.target;
    f.form = t.form;
    f.unsupported = t.unsupported;
    f.members = t.members_count();
    f.stopped = t.stopped;
    f.uses_sample = t.sample;
    for (std::uint32_t p : t.projects)
      f.projects.push_back(d.projects[p].id);
    // A sum whose deadline year has ended: the projects planned to add to it that came too late.
    if (t.form == ForecastForm::kSum && year_last_day(t.deadline) < d.input.as_of) {
      const auto comm = static_cast<std::size_t>(MilestoneKind::kCommissioned);
      for (std::uint32_t p : t.sponsored) {
        const ProjectTimeline& pt = d.projects[p];
        if (!pt.planned_commissioning || year_of(*pt.planned_commissioning) > t.deadline) continue;
        const DayNumber on = pt.reached[comm];
        if (on != kNever && on <= year_last_day(t.deadline)) continue;
        MissedProject m;
        m.project = pt.id;
        m.planned = *pt.planned_commissioning;
        if (on != kNever) m.commissioned = on;
        ProjectTimeline as_planned = pt;
        as_planned.expected_output = pt.planned_output;
        m.output = project_output(as_planned, *pt.planned_commissioning, t.deadline);
        f.missed.push_back(m);
      }
    }
    if (!supported(t)) continue;
    const std::uint8_t* met = runner.met().data() + (layout.slot[t.target] * runs);
    std::size_t hits = 0;
    for (std::size_t r = 0; r < runs; ++r)
      hits += met[r];
    f.probability = static_cast<double>(hits) / static_cast<double>(runs);
    for (int y = t.first_year; y <= t.deadline; ++y) {
      const CellSummary& c = cells[layout.cell[t.target] + static_cast<std::size_t>(y - t.first_year)];
      f.fan.push_back(c.point);
      f.fan.back().year = y;
      if (y == t.deadline) f.settled = c.settled;
    }
  }
  return out;
}

}  // namespace atlas::engine
