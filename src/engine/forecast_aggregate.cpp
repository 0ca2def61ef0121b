// Large sets (docs/forecast.md, "Large sets"): a sum or tier count over thousands of enterprises
// takes the small ones together. Given the segment factors of a run, their values are independent,
// so their total is, by the central limit theorem, close to a normal whose mean and variance have
// closed forms in the factors (a sum) or are tabulated on a grid over the factor (a tier count):
// a run then costs O(groups × years), not O(enterprises × years).
#include <algorithm>
#include <cmath>
#include <map>
#include <numbers>
#include <tuple>

#include "engine/internal/forecast_data.hpp"

namespace atlas::engine::internal {
namespace {

/// A sum's volatility is rounded to bins this wide (the relative error of a bin's factor exposure
/// is then below 1 %).
constexpr double kVolatilityBin = 0.01;
/// In a sum, an enterprise whose own value is above this share of the set's is simulated one by
/// one (the normal approximation wants many small parts; a count's parts are 0 or 1).
constexpr double kLargeShare = 0.01;

// The known value of e in `year` (0 outside its known years).
double known(const EnterpriseTrend& e, int year) {
  const int k = year - e.known_first;
  return k >= 0 && k < static_cast<int>(e.known.size()) ? e.known[static_cast<std::size_t>(k)] : 0.0;
}

// pv, r and whether there is a partial year (see AggregateGroup::own). An enterprise that will be
// 0 (stopped, no figures, nothing to grow from) has pv = r = 0.
struct Base {
  double pv = 0;
  double r = 0;
  bool partial = false;
};

Base base_of(const EnterpriseTrend& e) {
  Base b;
  if (e.stopped || e.no_figures) return b;
  if (e.partial_months > 0) {
    b.partial = true;
    b.pv = e.partial_value;
    b.r = std::max(0.0, (e.partial_value / e.partial_share) - e.partial_value);
    return b;
  }
  b.r = std::max(0.0, known(e, e.complete_year));
  return b;
}

double phi(double x) {
  return 0.5 * std::erfc(-x / std::numbers::sqrt2);
}

double grid_x(std::size_t j) {
  return -kGridReach + (2.0 * kGridReach * static_cast<double>(j) / static_cast<double>(kGridPoints - 1));
}

// Adds one enterprise's probability of lying in the tier, per τ and grid point, given the
// standardised factor x = Σ z / √(τ + 1) over the years F … F + τ. Its log value is taken as
// normal: mean log(pv + r·G) + g·τ, factor exposure and residual variance as docs/forecast.md
// derives (a partial year weighs the first year's noise by w = r / (pv + r)).
void add_tier(const EnterpriseTrend& e, const Tier& tier, double rho, double growth, int years,
              std::vector<double>& expected, std::vector<double>& variance) {
  const Base b = base_of(e);
  const double grow_first = b.partial ? 1.0 : std::exp(growth);
  const double base = b.pv + (b.r * grow_first);
  const double a = std::sqrt(rho);
  const double bb = std::sqrt(1.0 - rho);
  const double s = e.volatility;
  const double low =
      tier.low ? std::log(static_cast<double>(std::max<std::int64_t>(*tier.low, 1))) : -HUGE_VAL;
  const double high =
      tier.high ? std::log(static_cast<double>(std::max<std::int64_t>(*tier.high, 1))) : HUGE_VAL;
  for (int tau = 0; tau < years; ++tau) {
    double* ex = expected.data() + (static_cast<std::size_t>(tau) * kGridPoints);
    double* va = variance.data() + (static_cast<std::size_t>(tau) * kGridPoints);
    if (!(base > 0) || (std::isinf(growth) && tau > 0)) {  // 0 from now on
      const double p = tier.holds(0.0) ? 1.0 : 0.0;
      for (std::size_t j = 0; j < kGridPoints; ++j)
        ex[j] += p;
      continue;
    }
    const double t = tau;
    const double w = b.partial && base > 0 ? (b.r / base) : 1.0;
    const double mean = std::log(base) + (growth * t);
    const double exposure = s * a * std::sqrt(t + 1) * (w + t) / (t + 1);
    const double sd = s * std::sqrt((bb * bb * ((w * w) + t)) + (a * a * t * (1 - w) * (1 - w) / (t + 1)));
    const auto p_at = [&](double x) {
      const double m = mean + (exposure * x);
      if (sd <= 0) return (m >= low && m < high) ? 1.0 : 0.0;
      return phi((m - low) / sd) - phi((m - high) / sd);
    };
    const double p0 = p_at(-kGridReach);
    const double p1 = p_at(kGridReach);
    if (std::abs(p1 - p0) < 1e-9 && (p0 < 1e-9 || p0 > 1 - 1e-9)) {  // certain across the grid
      const double p = p0 > 0.5 ? 1.0 : 0.0;
      for (std::size_t j = 0; j < kGridPoints; ++j)
        ex[j] += p;
      continue;
    }
    for (std::size_t j = 0; j < kGridPoints; ++j) {
      const double p = p_at(grid_x(j));
      ex[j] += p;
      va[j] += p * (1 - p);
    }
  }
}

// The factor sum of years from … to in one run.
double factor_sum(const FactorPath& f, int from, int to) {
  double z = 0;
  for (int y = from; y <= to; ++y)
    z += f.at(y);
  return z;
}

}  // namespace

void aggregate_targets(ForecastData& d, std::size_t from) {
  for (MetricTrends& m : d.metrics)
    m.simulated.assign(m.enterprises.size(), 0);
  for (TargetModel& t : d.targets) {
    if (t.form != ForecastForm::kSum && t.form != ForecastForm::kTierCount) continue;
    MetricTrends& m = d.metrics[t.metric];
    if (t.members.size() < from) {
      for (std::uint32_t i : t.members)
        m.simulated[i] = 1;
      continue;
    }
    const bool sum = t.form == ForecastForm::kSum;
    // Groups by (segment, F, volatility bin); a sponsor of a project and a large firm stay exact.
    std::map<std::tuple<std::size_t, int, long>, std::vector<std::uint32_t>> keyed;
    for (std::uint32_t i : t.members) {
      const EnterpriseTrend& e = m.enterprises[i];
      const long bin = sum ? std::lround(e.volatility / kVolatilityBin) : 0;
      keyed[{segment_slot(e.segment, m.correlation.size()), e.first_simulated(), bin}].push_back(i);
    }
    Aggregate agg;
    agg.known.assign(static_cast<std::size_t>(t.deadline - t.first_year) + 1, 0.0);
    std::vector<std::uint32_t> exact;
    double total = 0;
    for (std::uint32_t i : t.members) {
      const Base b = base_of(m.enterprises[i]);
      total += b.pv + b.r;
    }
    for (auto& [key, list] : keyed) {
      const auto& [segment, first, bin] = key;
      AggregateGroup g;
      g.segment = segment;
      g.first = first;
      g.volatility = static_cast<double>(bin) * kVolatilityBin;
      const int years = std::max(0, t.deadline - first + 1);
      if (sum) {
        g.own.assign(static_cast<std::size_t>(years), {});
      } else {
        g.expected.assign(static_cast<std::size_t>(years) * kGridPoints, 0.0);
        g.variance.assign(g.expected.size(), 0.0);
      }
      for (std::uint32_t i : list) {
        const EnterpriseTrend& e = m.enterprises[i];
        const Base b = base_of(e);
        if (!e.projects.empty() || (sum && (b.pv + b.r) > kLargeShare * total)) {
          exact.push_back(i);
          continue;
        }
        ++agg.enterprises;
        for (int y = t.first_year; y <= std::min(t.deadline, e.complete_year); ++y) {
          const double v = known(e, y);
          agg.known[static_cast<std::size_t>(y - t.first_year)] += sum ? v : (t.tier.holds(v) ? 1.0 : 0.0);
        }
        if (sum) {
          const double grow = b.partial ? 1.0 : std::exp(e.growth);
          for (int tau = 0; tau < years; ++tau) {
            const double e1 = std::exp(e.growth * tau);
            const double e2 = e1 * e1;
            auto& o = g.own[static_cast<std::size_t>(tau)];
            o[0] += b.pv * e1;
            o[1] += b.r * grow * e1;
            o[2] += b.pv * b.pv * e2;
            o[3] += b.pv * b.r * grow * e2;
            o[4] += b.r * b.r * grow * grow * e2;
          }
          g.flat[0] += b.pv;
          g.flat[b.partial ? 2 : 1] += b.r;
          g.flat[3] += b.pv * b.pv;
          g.flat[4] += b.pv * b.r;
          g.flat[b.partial ? 6 : 5] += b.r * b.r;
        } else {
          add_tier(e, t.tier, m.correlation[segment], e.growth, years, g.expected, g.variance);
          g.enterprises.push_back(i);
        }
      }
      agg.groups.push_back(std::move(g));
    }
    std::sort(exact.begin(), exact.end());
    for (std::uint32_t i : exact)
      m.simulated[i] = 1;
    t.members = std::move(exact);
    t.aggregate = std::move(agg);
  }
}

AggregateGroup regrid(const TargetModel& t, const MetricTrends& m, const AggregateGroup& g, double growth) {
  AggregateGroup out = g;
  std::fill(out.expected.begin(), out.expected.end(), 0.0);
  std::fill(out.variance.begin(), out.variance.end(), 0.0);
  const int years = static_cast<int>(out.expected.size() / kGridPoints);
  for (std::uint32_t i : g.enterprises)
    add_tier(m.enterprises[i], t.tier, m.correlation[g.segment], growth, years, out.expected, out.variance);
  return out;
}

double aggregate_value(const TargetModel& t, const MetricTrends& m, int year,
                       const std::vector<FactorPath>& factors,
                       const std::vector<std::optional<double>>& growth,
                       const std::vector<AggregateGroup>* regridded, double normal) {
  const Aggregate& agg = *t.aggregate;
  double mean = agg.known[static_cast<std::size_t>(year - t.first_year)];
  double var = 0;
  for (std::size_t k = 0; k < agg.groups.size(); ++k) {
    const AggregateGroup& g = agg.groups[k];
    if (year < g.first) continue;
    const int tau = year - g.first;
    const FactorPath& f = factors[g.segment];
    const double rho = m.correlation[g.segment];
    if (t.form == ForecastForm::kTierCount) {
      const AggregateGroup& use =
          regridded != nullptr && !(*regridded)[k].expected.empty() ? (*regridded)[k] : g;
      const double x =
          std::clamp(factor_sum(f, g.first, year) / std::sqrt(tau + 1.0), -kGridReach, kGridReach);
      const double pos = (x + kGridReach) / (2 * kGridReach) * static_cast<double>(kGridPoints - 1);
      const auto j = std::min(static_cast<std::size_t>(pos), kGridPoints - 2);
      const double frac = pos - static_cast<double>(j);
      const std::size_t row = static_cast<std::size_t>(tau) * kGridPoints;
      mean += (use.expected[row + j] * (1 - frac)) + (use.expected[row + j + 1] * frac);
      var += (use.variance[row + j] * (1 - frac)) + (use.variance[row + j + 1] * frac);
      continue;
    }
    const double s = g.volatility;
    const double a = std::sqrt(rho);
    const double b2 = 1.0 - rho;
    const double ss = s * s * b2;  // the idiosyncratic variance of one year's log growth
    std::array<double, 5> c{};
    if (const std::optional<double>& over = growth[g.segment]) {
      const double step = std::isinf(*over) ? 0.0 : std::exp(*over);
      const double e1 = tau == 0 ? 1.0 : std::pow(step, tau);
      const double e2 = e1 * e1;
      c = {g.flat[0] * e1, ((g.flat[1] * step) + g.flat[2]) * e1, g.flat[3] * e2, g.flat[4] * e2,
           ((g.flat[5] * step * step) + g.flat[6]) * e2};
    } else {
      c = g.own[static_cast<std::size_t>(tau)];
    }
    const double zf = f.at(g.first);
    const double zrest = factor_sum(f, g.first + 1, year);
    const double first = std::exp((s * a * zf) + (ss / 2));  // E[X_F | z]
    const double grow = std::exp((s * a * zrest) + (ss * tau / 2));
    mean += grow * (c[0] + (c[1] * first));
    const double square = c[2] + (2 * c[3] * first);
    const double second = std::exp(2 * s * a * zrest) *
                          ((std::exp(2 * ss * tau) * (square + (c[4] * first * first * std::exp(ss)))) -
                           (std::exp(ss * tau) * (square + (c[4] * first * first))));
    var += std::max(0.0, second);
  }
  double value = mean + (std::sqrt(var) * normal);
  if (t.form == ForecastForm::kTierCount) value = std::round(value);
  return std::max(0.0, value);
}

}  // namespace atlas::engine::internal
