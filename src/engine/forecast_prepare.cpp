// prepare_forecast: each target's form and set, each enterprise's trend, each project's timeline
// (docs/forecast.md, "What a forecast answers" and "The model").
#include <algorithm>
#include <cmath>
#include <numeric>
#include <string>
#include <utility>

#include "engine/forecast.hpp"
#include "engine/internal/forecast_data.hpp"
#include "model/provenance.hpp"
#include "model/units.hpp"
#include "query/indicator.hpp"

namespace atlas::engine {
namespace {

using internal::EnterpriseTrend;
using internal::ForecastData;
using internal::kNever;
using internal::MetricTrends;
using internal::month_first_day;
using internal::month_last_day;
using internal::ProjectNode;
using internal::ProjectTimeline;
using internal::TargetModel;
using query::Condition;
using query::ConditionKind;

constexpr int kHistoryYears = 7;                 // years of figures read before the as-of year
constexpr int kGrowthYears = 5;                  // growth observations kept per enterprise, the latest
constexpr double kNoHistoryVolatility = 0.2;     // design: no growth history anywhere in the plan
constexpr std::size_t kCorrelationSample = 200;  // enterprises per segment the correlation reads

MonthIndex first_month(const Date& d) {
  return month_index(d.year, d.month == 0 ? 1 : d.month);
}
// A planned date means "by then": a year-precision plan is its December.
MonthIndex planned_month(const Date& d) {
  return month_index(d.year, d.month == 0 ? 12 : d.month);
}

std::optional<std::size_t> date_kind(std::string_view field) {
  if (field == "signed") return 0;
  if (field == "started") return 1;
  if (field == "commissioned") return 2;
  if (field == "full_production") return 3;
  return std::nullopt;
}

// ---------------------------------------------------------------------------------------------
// Projects

void fit_projects(const Snapshot& s, ForecastData& d) {
  const Visibility vis{d.input.as_of, d.input.include_sample};
  d.projects.resize(s.projects.size());
  for (std::size_t p = 0; p < s.projects.size(); ++p) {
    ProjectTimeline& t = d.projects[p];
    t.id = ProjectId{static_cast<std::uint32_t>(p)};
    t.sample = is_sample(s.projects[p].provenance);
    t.ramp_months = d.input.settings.ramp_months;
    for (std::uint32_t m : s.project_milestones.row(p)) {
      const MilestoneRecord& r = s.milestones[m];
      if (r.kind == MilestoneKind::kPhase) continue;
      const bool hidden = !vis.include_sample && is_sample(r.provenance);
      if (hidden) continue;
      const auto k = static_cast<std::size_t>(r.kind);
      if (r.actual && r.actual->first_day() <= vis.as_of) {
        t.reached[k] = std::min(t.reached[k], r.actual->first_day());
        t.sample = t.sample || is_sample(r.provenance);
        if (r.planned) {
          const int late =
              static_cast<int>(first_month(*r.actual)) - static_cast<int>(planned_month(*r.planned));
          d.delays.push_back(std::max(0, late));
        }
      } else if (r.planned) {
        const MonthIndex planned = planned_month(*r.planned);
        t.planned[k] = t.planned[k] ? std::min(*t.planned[k], planned) : planned;
        t.sample = t.sample || is_sample(r.provenance);
      }
    }
    std::optional<MonthIndex> earliest;
    for (std::size_t k = 0; k < internal::kDateKinds; ++k) {
      if (t.reached[k] != kNever) t.planned[k].reset();
      if (!t.planned[k]) continue;
      t.uncertain = true;
      earliest = earliest ? std::min(*earliest, *t.planned[k]) : *t.planned[k];
    }
    if (earliest && *earliest <= d.as_of_month) t.overdue = d.as_of_month - *earliest + 1;
    const auto comm = static_cast<std::size_t>(MilestoneKind::kCommissioned);
    const auto full = static_cast<std::size_t>(MilestoneKind::kFullProduction);
    if (t.planned[comm] && t.planned[full] && *t.planned[full] > *t.planned[comm]) {
      t.ramp_months = *t.planned[full] - *t.planned[comm];
    }
    std::optional<MonthIndex> planned_comm;
    std::optional<MonthIndex> planned_full;
    for (std::uint32_t m : s.project_milestones.row(p)) {
      const MilestoneRecord& r = s.milestones[m];
      if (!r.planned || (!vis.include_sample && is_sample(r.provenance))) continue;
      if (r.kind != MilestoneKind::kCommissioned && r.kind != MilestoneKind::kFullProduction) continue;
      auto& slot = r.kind == MilestoneKind::kCommissioned ? planned_comm : planned_full;
      const MonthIndex month = planned_month(*r.planned);
      slot = slot ? std::min(*slot, month) : month;
    }
    t.planned_commissioning = planned_comm;
    if (!planned_comm && planned_full) {
      t.planned_commissioning = static_cast<MonthIndex>(std::max(0, *planned_full - t.ramp_months));
    }
    if (s.projects[p].expected_output) t.planned_output = static_cast<double>(*s.projects[p].expected_output);
    const bool commissioned = t.reached[comm] != kNever;
    if (!commissioned && s.projects[p].expected_output && (t.planned[comm] || t.planned[full])) {
      t.expected_output = static_cast<double>(*s.projects[p].expected_output);
    }
  }
  std::sort(d.delays.begin(), d.delays.end());
}

// ---------------------------------------------------------------------------------------------
// Recognising a target's form

struct Split {
  std::vector<std::uint32_t> rest;     // conjuncts that read no metric
  std::vector<std::uint32_t> metrics;  // conjuncts `METRIC op VALUE`
  bool ok = true;
};

bool reads_metric(const query::Indicator& ind, std::uint32_t node, const Snapshot& s) {
  const Condition& c = ind.conditions[node];
  if (c.kind == ConditionKind::kCompare) return s.find_metric(c.field).has_value();
  return std::any_of(c.operands.begin(), c.operands.end(),
                     [&](std::uint32_t o) { return reads_metric(ind, o, s); });
}

// The top-level conjuncts of the condition, sorted into those that read a metric (which must be
// plain comparisons) and the rest (which must read none).
Split split_conjuncts(const query::Indicator& ind, const Snapshot& s) {
  Split out;
  if (!ind.where) return out;
  std::vector<std::uint32_t> conjuncts;
  const Condition& root = ind.conditions[*ind.where];
  if (root.kind == ConditionKind::kAnd) {
    conjuncts = root.operands;
  } else {
    conjuncts.push_back(*ind.where);
  }
  for (std::uint32_t c : conjuncts) {
    const Condition& cond = ind.conditions[c];
    if (cond.kind == ConditionKind::kCompare && s.find_metric(cond.field)) {
      out.metrics.push_back(c);
    } else if (reads_metric(ind, c, s)) {
      out.ok = false;
    } else {
      out.rest.push_back(c);
    }
  }
  return out;
}

// `count(SET) where <the conjuncts>` with no period: the records the static part selects.
Result<std::vector<std::uint32_t>> select(const query::Indicator& ind, std::string_view set,
                                          const std::vector<std::uint32_t>& conjuncts, const Snapshot& s,
                                          const Visibility& vis) {
  query::Indicator sub;
  sub.source = ind.source;
  sub.aggregate = query::Aggregate::kCount;
  sub.subject = std::string(set);
  sub.conditions = ind.conditions;
  if (conjuncts.size() == 1) {
    sub.where = conjuncts.front();
  } else if (conjuncts.size() > 1) {
    Condition all;
    all.kind = ConditionKind::kAnd;
    all.operands = conjuncts;
    sub.conditions.push_back(std::move(all));
    sub.where = static_cast<std::uint32_t>(sub.conditions.size() - 1);
  }
  auto checked = query::check_indicator(std::move(sub), s);
  if (!checked) return std::unexpected(checked.error());
  auto result = query::evaluate(*checked, s, vis);
  if (!result) return std::unexpected(result.error());
  return std::move(result->records);
}

bool apply_bound(internal::Tier& tier, const Condition& c, std::int64_t value) {
  switch (c.op) {
    case query::CompareOp::kGreater:
    case query::CompareOp::kGreaterEqual: {
      const bool inclusive = c.op == query::CompareOp::kGreaterEqual;
      if (!tier.low || value > *tier.low || (value == *tier.low && !inclusive)) {
        tier.low = value;
        tier.low_inclusive = inclusive;
      }
      return true;
    }
    case query::CompareOp::kLess:
    case query::CompareOp::kLessEqual: {
      const bool inclusive = c.op == query::CompareOp::kLessEqual;
      if (!tier.high || value < *tier.high || (value == *tier.high && !inclusive)) {
        tier.high = value;
        tier.high_inclusive = inclusive;
      }
      return true;
    }
    default:
      return false;
  }
}

struct Members {
  MetricId metric;
  std::vector<std::uint32_t> enterprises;  // EnterpriseId values
};

// kSum and kTierCount: the metric, the static set, the tier. Sets `t.unsupported` when the shape
// does not fit.
std::optional<Members> enterprise_form(const query::Indicator& ind, const Snapshot& s, const Visibility& vis,
                                       TargetModel& t) {
  if (!ind.period || !ind.period->is_calendar_year()) {
    t.unsupported = "the indicator is not read over one calendar year";
    return std::nullopt;
  }
  const Split split = split_conjuncts(ind, s);
  if (!split.ok) {
    t.unsupported = "a condition on a figure inside or/not is not forecast";
    return std::nullopt;
  }
  Members out;
  if (ind.aggregate == query::Aggregate::kSum) {
    if (!split.metrics.empty()) {
      t.unsupported = "a sum with a condition on a figure is not forecast";
      return std::nullopt;
    }
    out.metric = *s.find_metric(ind.subject);
    t.form = ForecastForm::kSum;
  } else {
    if (split.metrics.empty()) {
      t.unsupported =
          "a count of enterprises without a condition on a figure does not change with the figures";
      return std::nullopt;
    }
    const Condition& first = ind.conditions[split.metrics.front()];
    out.metric = *s.find_metric(first.field);
    for (std::uint32_t m : split.metrics) {
      const Condition& c = ind.conditions[m];
      if (c.field != first.field) {
        t.unsupported = "a count with conditions on two figures is not forecast";
        return std::nullopt;
      }
      const bool money = s.metrics[out.metric.value].unit != MetricUnit::kCount;
      const Result<std::int64_t> value = money ? parse_amount(c.literal.text) : parse_count(c.literal.text);
      if (!value || !apply_bound(t.tier, c, *value)) {
        t.unsupported = "a condition on a figure other than <, <=, >, >= a number is not forecast";
        return std::nullopt;
      }
    }
    t.form = ForecastForm::kTierCount;
  }
  auto members = select(ind, "enterprises", split.rest, s, vis);
  if (!members) {
    t.form = ForecastForm::kUnsupported;
    t.unsupported = members.error().message;
    return std::nullopt;
  }
  out.enterprises = std::move(*members);
  t.indicator = ind;
  t.static_conjuncts = split.rest;
  t.deadline = year_of(ind.period->first);
  return out;
}

// kRecordCount: one `DATE in PERIOD` conjunct gives the window; the indicator as it stands counts
// the records so far.
bool record_form(const query::CheckedIndicator& checked, const Snapshot& s, const ForecastData& d,
                 TargetModel& t) {
  const query::Indicator& ind = checked.indicator();
  std::vector<std::uint32_t> conjuncts;
  if (ind.where) {
    const Condition& root = ind.conditions[*ind.where];
    conjuncts = root.kind == ConditionKind::kAnd ? root.operands : std::vector<std::uint32_t>{*ind.where};
  }
  const Condition* window = nullptr;
  for (std::uint32_t c : conjuncts) {
    if (ind.conditions[c].kind != ConditionKind::kWithin) continue;
    if (window != nullptr) {
      t.unsupported = "a count with two date windows is not forecast";
      return false;
    }
    window = &ind.conditions[c];
  }
  if (window == nullptr) {
    t.unsupported = "a count of records without a date window does not change over time";
    return false;
  }
  const Visibility vis{d.input.as_of, d.input.include_sample};
  auto counted = query::evaluate(checked, s, vis);
  if (!counted) {
    t.unsupported = counted.error().message;
    return false;
  }
  const DayNumber start = month_first_day(window->period.first);
  const MonthIndex last = window->period.last;
  t.window_end = month_last_day(last);
  t.counted = counted->value;
  t.sample = counted->includes_sample;
  const DayNumber seen_until = std::min(d.input.as_of, t.window_end);
  const double elapsed = seen_until >= start ? static_cast<double>(seen_until - start + 1) / 365.25 : 0.0;
  t.rate_shape = 1.0 + static_cast<double>(counted->value);  // Gamma(α + count, β + years), α = β = 1
  t.rate_years = 1.0 + elapsed;
  t.form = ForecastForm::kRecordCount;
  return true;
}

// kProjectCount: the condition as nodes over static bits and milestone windows.
Result<std::uint32_t> project_node(const query::Indicator& ind, std::uint32_t c, const Snapshot& s,
                                   const Visibility& vis, std::vector<ProjectNode>& nodes) {
  const Condition& cond = ind.conditions[c];
  ProjectNode n;
  switch (cond.kind) {
    case ConditionKind::kAnd:
    case ConditionKind::kOr:
    case ConditionKind::kNot:
      n.kind = cond.kind == ConditionKind::kAnd  ? ProjectNode::Kind::kAnd
               : cond.kind == ConditionKind::kOr ? ProjectNode::Kind::kOr
                                                 : ProjectNode::Kind::kNot;
      for (std::uint32_t o : cond.operands) {
        auto child = project_node(ind, o, s, vis, nodes);
        if (!child) return child;
        n.operands.push_back(*child);
      }
      break;
    default:
      if (const auto kind = date_kind(cond.field)) {
        n.kind = ProjectNode::Kind::kDate;
        n.date_kind = *kind;
        n.low = std::numeric_limits<DayNumber>::min();
        n.high = kNever - 1;
        if (cond.kind == ConditionKind::kWithin) {
          n.low = month_first_day(cond.period.first);
          const MonthIndex last = cond.period.last;
          n.high = month_last_day(last);
        }
      } else {
        n.kind = ProjectNode::Kind::kStatic;
        auto records = select(ind, "projects", {c}, s, vis);
        if (!records) return std::unexpected(records.error());
        n.bits.assign(s.projects.size(), 0);
        for (std::uint32_t r : *records)
          n.bits[r] = 1;
      }
  }
  nodes.push_back(std::move(n));
  return static_cast<std::uint32_t>(nodes.size() - 1);
}

bool project_form(const query::Indicator& ind, const Snapshot& s, const ForecastData& d, TargetModel& t) {
  const Visibility vis{d.input.as_of, d.input.include_sample};
  if (!ind.where || ind.period) {
    t.unsupported = "a count of projects without a milestone window is not forecast";
    return false;
  }
  auto root = project_node(ind, *ind.where, s, vis, t.nodes);
  if (!root) {
    t.unsupported = root.error().message;
    return false;
  }
  if (std::none_of(t.nodes.begin(), t.nodes.end(),
                   [](const ProjectNode& n) { return n.kind == ProjectNode::Kind::kDate; })) {
    t.unsupported = "a count of projects without a milestone date does not change over time";
    return false;
  }
  auto all = select(ind, "projects", {}, s, vis);
  if (!all) {
    t.unsupported = all.error().message;
    return false;
  }
  t.counted_projects.assign(s.projects.size(), 0);
  for (std::uint32_t p : *all) {
    t.counted_projects[p] = 1;
    if (d.projects[p].uncertain) t.projects.push_back(p);
    t.sample = t.sample || d.projects[p].sample;
  }
  t.form = ForecastForm::kProjectCount;
  return true;
}

// ---------------------------------------------------------------------------------------------
// Enterprise trends

struct Pool {
  double sum = 0;
  double sum_sq = 0;    // of deviations from each enterprise's own mean
  double total_sq = 0;  // of values (for the total variance)
  std::size_t n = 0;
  std::size_t within_df = 0;
  std::size_t enterprises = 0;
  std::array<double, 12> share_sum{};
  std::array<std::size_t, 12> share_n{};
  // Same-batch sums (同批企业): per year, the previous and this year's values of the enterprises
  // complete in both, so a year's growth is that of the segment's output on a comparable basis.
  std::array<double, kHistoryYears + 1> batch_before{};
  std::array<double, kHistoryYears + 1> batch_now{};
  // The segment's growth: mean log growth of its same-batch output, year by year; the plain mean
  // of its enterprises' growth only when no year has a same batch.
  [[nodiscard]] double mean() const {
    double total = 0;
    int years = 0;
    for (std::size_t y = 0; y < batch_now.size(); ++y) {
      if (batch_before[y] <= 0 || batch_now[y] <= 0) continue;
      total += std::log(batch_now[y] / batch_before[y]);
      ++years;
    }
    if (years > 0) return total / years;
    return n > 0 ? sum / static_cast<double>(n) : 0.0;
  }
  [[nodiscard]] double variance() const {
    if (within_df >= 3) return sum_sq / static_cast<double>(within_df);
    if (n >= 2)
      return std::max(0.0, (total_sq - (sum * sum / static_cast<double>(n))) / static_cast<double>(n - 1));
    return kNoHistoryVolatility * kNoHistoryVolatility;
  }
};

struct History {
  std::vector<double> growth;  // log growth, oldest first
  double mean = 0;
  std::vector<std::pair<int, double>> residuals;  // (year, growth − mean)
  std::array<double, 12> share_sum{};
  std::array<std::size_t, 12> share_n{};
};

// Reads one enterprise's figures of `metric` as of the model's date.
EnterpriseTrend read_enterprise(const Snapshot& s, const ForecastData& d, MetricId metric, EnterpriseId e,
                                History& h) {
  const Visibility vis{d.input.as_of, d.input.include_sample};
  EnterpriseTrend t;
  t.id = e;
  t.segment = s.enterprises.segment[e.value];
  const int last_year = d.as_of_year;
  t.known_first = last_year - kHistoryYears;
  t.known.assign(static_cast<std::size_t>(kHistoryYears) + 1, 0.0);
  std::vector<std::int8_t> complete(t.known.size(), 0);
  std::vector<int> months(t.known.size(), 0);
  for (int y = t.known_first; y <= last_year; ++y) {
    const auto i = static_cast<std::size_t>(y - t.known_first);
    const MonthIndex jan = month_index(y, 1);
    const SpanValue v = s.sum_span(metric, e, jan, month_index(y, 12), vis);
    if (!v.present) continue;
    months[i] = v.covered_last >= jan ? v.covered_last - jan + 1 : 0;
    complete[i] = months[i] == 12 ? 1 : 0;
    t.known[i] = static_cast<double>(v.value);
  }
  // Sample figures and the last month with a figure.
  const ObservationColumns& o = s.observations[metric.value];
  MonthIndex last_figure = 0;
  for (std::uint32_t i = o.offsets[e.value]; i < o.offsets[e.value + 1]; ++i) {
    if (!o.visible(i, vis)) continue;
    last_figure = std::max(last_figure, o.last[i]);
    if (year_of(o.last[i]) >= t.known_first && (o.flags[i] & ObservationColumns::kSampleFlag) != 0)
      t.sample = true;
  }
  if (last_figure == 0) {
    t.complete_year = last_year + 1;  // nothing to simulate from: 0 unless a project adds output
    t.no_figures = true;
    return t;
  }
  t.last_figure = last_figure;
  int complete_year = 0;
  for (int y = last_year; y >= t.known_first; --y) {
    if (complete[static_cast<std::size_t>(y - t.known_first)] != 0) {
      complete_year = y;
      break;
    }
  }
  // The partial year: the one after the last complete year, or the first with figures.
  int partial = complete_year + 1;
  if (complete_year == 0) {
    partial = 0;
    for (int y = t.known_first; y <= last_year && partial == 0; ++y) {
      if (months[static_cast<std::size_t>(y - t.known_first)] > 0) partial = y;
    }
    if (partial == 0) {  // figures older than the history read: stopped
      t.stopped = true;
      t.complete_year = last_year;
      return t;
    }
  }
  t.complete_year = partial - 1;
  if (partial <= last_year) {
    const auto i = static_cast<std::size_t>(partial - t.known_first);
    t.partial_months = std::min(months[i], 11);
    if (t.partial_months > 0) {
      t.partial_value = static_cast<double>(
          s.sum_span(metric, e, month_index(partial, 1), month_index(partial, t.partial_months), vis).value);
    }
  }
  // Growth and seasonality from the complete years.
  for (int y = t.known_first + 1; y <= complete_year; ++y) {
    const auto i = static_cast<std::size_t>(y - t.known_first);
    if (complete[i] == 0 || complete[i - 1] == 0 || t.known[i] <= 0 || t.known[i - 1] <= 0) continue;
    h.growth.push_back(std::log(t.known[i] / t.known[i - 1]));
    h.residuals.emplace_back(y, 0.0);
  }
  if (h.growth.size() > kGrowthYears) {
    const auto drop = static_cast<std::ptrdiff_t>(h.growth.size() - kGrowthYears);
    h.growth.erase(h.growth.begin(), h.growth.begin() + drop);
    h.residuals.erase(h.residuals.begin(), h.residuals.begin() + drop);
  }
  if (!h.growth.empty()) {
    h.mean = std::accumulate(h.growth.begin(), h.growth.end(), 0.0) / static_cast<double>(h.growth.size());
    for (std::size_t g = 0; g < h.growth.size(); ++g)
      h.residuals[g].second = h.growth[g] - h.mean;
  }
  for (int y = t.known_first; y <= complete_year; ++y) {
    const auto i = static_cast<std::size_t>(y - t.known_first);
    if (complete[i] == 0 || t.known[i] <= 0) continue;
    for (int m = 1; m <= 11; ++m) {
      const SpanValue part = s.sum_span(metric, e, month_index(y, 1), month_index(y, m), vis);
      if (!part.present || part.covered_last != month_index(y, m)) continue;
      h.share_sum[static_cast<std::size_t>(m)] += static_cast<double>(part.value) / t.known[i];
      ++h.share_n[static_cast<std::size_t>(m)];
    }
  }
  return t;
}

double mean_pairwise_correlation(const std::vector<const History*>& histories) {
  double sum = 0;
  std::size_t pairs = 0;
  for (std::size_t a = 0; a < histories.size(); ++a) {
    for (std::size_t b = a + 1; b < histories.size(); ++b) {
      double sab = 0;
      double saa = 0;
      double sbb = 0;
      std::size_t common = 0;
      for (const auto& [year, ra] : histories[a]->residuals) {
        for (const auto& [year_b, rb] : histories[b]->residuals) {
          if (year_b != year) continue;
          sab += ra * rb;
          saa += ra * ra;
          sbb += rb * rb;
          ++common;
        }
      }
      if (common < 3 || saa <= 0 || sbb <= 0) continue;
      sum += sab / std::sqrt(saa * sbb);
      ++pairs;
    }
  }
  return pairs > 0 ? sum / static_cast<double>(pairs) : std::nan("");
}

MetricTrends fit_metric(const Snapshot& s, const ForecastData& d, MetricId metric,
                        std::vector<std::uint32_t> enterprises) {
  std::sort(enterprises.begin(), enterprises.end());
  enterprises.erase(std::unique(enterprises.begin(), enterprises.end()), enterprises.end());
  MetricTrends out;
  out.metric = metric;
  const std::size_t segments = s.vocabulary(VocabularyKind::kSegment).size() + 1;
  const auto seg_index = [&](std::uint16_t code) { return internal::segment_slot(code, segments); };
  std::vector<History> histories(enterprises.size());
  out.enterprises.reserve(enterprises.size());
  for (std::size_t i = 0; i < enterprises.size(); ++i) {
    out.enterprises.push_back(read_enterprise(s, d, metric, EnterpriseId{enterprises[i]}, histories[i]));
  }
  // An enterprise stopped when its figures end more than 12 months before the latest figure of the
  // metric: it closed or left the frame. Figures that all end early are the data's lag, not exits.
  MonthIndex latest = 0;
  for (const EnterpriseTrend& t : out.enterprises)
    latest = std::max(latest, t.last_figure);
  for (EnterpriseTrend& t : out.enterprises) {
    if (t.last_figure > 0 && static_cast<int>(latest) - static_cast<int>(t.last_figure) > 12)
      t.stopped = true;
  }
  // Pools per segment and for the whole plan.
  std::vector<Pool> pools(segments);
  Pool all;
  for (std::size_t i = 0; i < enterprises.size(); ++i) {
    const History& h = histories[i];
    for (Pool* p : {&pools[seg_index(out.enterprises[i].segment)], &all}) {
      for (double g : h.growth) {
        p->sum += g;
        p->total_sq += g * g;
        ++p->n;
      }
      for (const auto& r : h.residuals) {
        p->sum_sq += r.second * r.second;
        const EnterpriseTrend& e = out.enterprises[i];
        const auto y = static_cast<std::size_t>(r.first - e.known_first);
        p->batch_before[y] += e.known[y - 1];
        p->batch_now[y] += e.known[y];
      }
      if (h.growth.size() >= 2) p->within_df += h.growth.size() - 1;
      if (!h.growth.empty()) ++p->enterprises;
      for (std::size_t m = 0; m < 12; ++m) {
        p->share_sum[m] += h.share_sum[m];
        p->share_n[m] += h.share_n[m];
      }
    }
  }
  const double k = d.input.settings.shrinkage;
  for (std::size_t i = 0; i < enterprises.size(); ++i) {
    EnterpriseTrend& t = out.enterprises[i];
    const History& h = histories[i];
    const Pool& seg = pools[seg_index(t.segment)];
    const Pool& pool = seg.enterprises >= 3 ? seg : all;
    const auto n = static_cast<double>(h.growth.size());
    t.growth = ((n * h.mean) + (k * pool.mean())) / (n + k);
    double own_sq = 0;
    for (const auto& r : h.residuals)
      own_sq += r.second * r.second;
    const double df = std::max(0.0, n - 1);
    t.volatility = std::sqrt((own_sq + (k * pool.variance())) / (df + k));
    if (t.partial_months > 0) {
      const auto m = static_cast<std::size_t>(t.partial_months);
      const Pool& share_pool = seg.share_n[m] > 0 ? seg : all;
      t.partial_share = h.share_n[m] > 0 ? h.share_sum[m] / static_cast<double>(h.share_n[m])
                        : share_pool.share_n[m] > 0
                            ? share_pool.share_sum[m] / static_cast<double>(share_pool.share_n[m])
                            : static_cast<double>(m) / 12.0;
      t.partial_share = std::clamp(t.partial_share, 0.01, 1.0);
    }
  }
  // Correlation within each segment.
  out.correlation.assign(segments, d.input.settings.correlation);
  std::vector<std::vector<const History*>> by_segment(segments);
  for (std::size_t i = 0; i < enterprises.size(); ++i) {
    auto& list = by_segment[seg_index(out.enterprises[i].segment)];
    if (histories[i].residuals.size() >= 3 && list.size() < kCorrelationSample) list.push_back(&histories[i]);
  }
  for (std::size_t g = 0; g < segments; ++g) {
    const double rho = mean_pairwise_correlation(by_segment[g]);
    if (!std::isnan(rho)) out.correlation[g] = std::clamp(rho, 0.0, 0.9);
  }
  return out;
}

}  // namespace

std::size_t internal::TargetModel::members_count() const {
  switch (form) {
    case ForecastForm::kSum:
    case ForecastForm::kTierCount:
      return members.size() + (aggregate ? aggregate->enterprises : 0);
    case ForecastForm::kRecordCount:
      return static_cast<std::size_t>(counted);
    case ForecastForm::kProjectCount:
      return static_cast<std::size_t>(std::count(counted_projects.begin(), counted_projects.end(), 1));
    case ForecastForm::kUnsupported:
      break;
  }
  return 0;
}

std::optional<MonthIndex> internal::ProjectTimeline::commissioning(int delay) const {
  const auto comm = static_cast<std::size_t>(MilestoneKind::kCommissioned);
  const auto full = static_cast<std::size_t>(MilestoneKind::kFullProduction);
  if (planned[comm]) return static_cast<MonthIndex>(*planned[comm] + delay);
  if (planned[full]) return static_cast<MonthIndex>(std::max(0, *planned[full] + delay - ramp_months));
  return std::nullopt;
}

Result<ForecastModel> prepare_forecast(const Snapshot& snapshot, const ForecastInput& input) {
  auto data = std::make_unique<ForecastData>();
  ForecastData& d = *data;
  d.snapshot = &snapshot;
  d.input = input;
  const Date today = date_of(input.as_of);
  d.as_of_year = today.year;
  d.as_of_month = month_index(today.year, today.month);
  fit_projects(snapshot, d);
  const Visibility vis{input.as_of, input.include_sample};

  std::vector<Members> members(snapshot.targets.size());
  d.targets.resize(snapshot.targets.size());
  for (std::size_t i = 0; i < snapshot.targets.size(); ++i) {
    const TargetRecord& record = snapshot.targets[i];
    TargetModel& t = d.targets[i];
    t.target = i;
    t.deadline = record.deadline;
    auto goal = parse_goal(record.goal, record.unit, snapshot.find_unit(record.unit_id));
    if (!goal) {
      t.unsupported = "its goal does not read: " + goal.error().message;
      continue;
    }
    t.goal = *goal;
    auto checked = query::compile_indicator(record.indicator, snapshot);
    if (!checked) {
      t.unsupported = "its indicator does not compile: " + checked.error().message;
      continue;
    }
    const query::Indicator& ind = checked->indicator();
    if (ind.is_ratio()) {
      t.unsupported = "a ratio is not forecast";
    } else if (!ind.group_by.empty()) {
      t.unsupported = "a grouped indicator is not forecast";
    } else if (ind.aggregate == query::Aggregate::kFigure) {
      t.unsupported = "a stated figure is not forecast";
    } else if (!ind.distinct.empty()) {
      t.unsupported = "a count of distinct values is not forecast";
    } else if (checked->set() == query::RecordSet::kEnterprises &&
               (ind.aggregate == query::Aggregate::kSum || ind.aggregate == query::Aggregate::kCount)) {
      if (auto m = enterprise_form(ind, snapshot, vis, t)) members[i] = std::move(*m);
    } else if (ind.aggregate == query::Aggregate::kCount &&
               (checked->set() == query::RecordSet::kCarriers ||
                checked->set() == query::RecordSet::kSupplierEntries)) {
      record_form(*checked, snapshot, d, t);
    } else if (ind.aggregate == query::Aggregate::kCount && checked->set() == query::RecordSet::kProjects) {
      project_form(ind, snapshot, d, t);
    } else {
      t.unsupported = std::string(query::to_string(ind.aggregate)) + "() of this set is not forecast";
    }
    if (t.form == ForecastForm::kUnsupported && t.unsupported.empty()) t.unsupported = "not forecast";
    // The fan: from the as-of year (the deadline once past), at most kMaxFanYears.
    t.first_year = std::max(std::min(d.as_of_year, t.deadline), t.deadline - internal::kMaxFanYears + 1);
  }

  // One fit per metric over the union of the sets that read it.
  for (std::size_t i = 0; i < d.targets.size(); ++i) {
    TargetModel& t = d.targets[i];
    if (t.form != ForecastForm::kSum && t.form != ForecastForm::kTierCount) continue;
    const MetricId metric = members[i].metric;
    auto it = std::find_if(d.metrics.begin(), d.metrics.end(),
                           [&](const MetricTrends& m) { return m.metric == metric; });
    if (it == d.metrics.end()) {
      std::vector<std::uint32_t> all;
      for (std::size_t j = i; j < d.targets.size(); ++j) {
        if (members[j].metric == metric &&
            (d.targets[j].form == ForecastForm::kSum || d.targets[j].form == ForecastForm::kTierCount)) {
          all.insert(all.end(), members[j].enterprises.begin(), members[j].enterprises.end());
        }
      }
      d.metrics.push_back(fit_metric(snapshot, d, metric, std::move(all)));
      it = std::prev(d.metrics.end());
    }
    t.metric = static_cast<std::uint32_t>(it - d.metrics.begin());
  }
  // Link members, projects and sample flags.
  const auto output = snapshot.find_metric(snapshot.plan.output_metric);
  for (MetricTrends& m : d.metrics) {
    if (!output || m.metric != *output) continue;
    d.output_metric = static_cast<std::uint32_t>(&m - d.metrics.data());
    for (std::size_t p = 0; p < d.projects.size(); ++p) {
      const ProjectTimeline& pt = d.projects[p];
      const bool hidden = !input.include_sample && pt.sample;
      if (pt.planned_output <= 0 || hidden || !snapshot.project_sponsor[p].valid()) continue;
      const std::uint32_t sponsor = snapshot.project_sponsor[p].value;
      auto e = std::lower_bound(m.enterprises.begin(), m.enterprises.end(), sponsor,
                                [](const EnterpriseTrend& t, std::uint32_t v) { return t.id.value < v; });
      if (e == m.enterprises.end() || e->id.value != sponsor) continue;
      e->planned.push_back(static_cast<std::uint32_t>(p));
      if (pt.expected_output > 0) e->projects.push_back(static_cast<std::uint32_t>(p));
    }
  }
  for (std::size_t i = 0; i < d.targets.size(); ++i) {
    TargetModel& t = d.targets[i];
    if (t.form != ForecastForm::kSum && t.form != ForecastForm::kTierCount) continue;
    const MetricTrends& m = d.metrics[t.metric];
    for (std::uint32_t e : members[i].enterprises) {
      auto it = std::lower_bound(m.enterprises.begin(), m.enterprises.end(), e,
                                 [](const EnterpriseTrend& x, std::uint32_t v) { return x.id.value < v; });
      const auto index = static_cast<std::uint32_t>(it - m.enterprises.begin());
      t.members.push_back(index);
      t.sample = t.sample || it->sample;
      if (it->stopped) ++t.stopped;
      if (t.form == ForecastForm::kSum)
        t.sponsored.insert(t.sponsored.end(), it->planned.begin(), it->planned.end());
      // A project can change a year still to come only.
      for (std::uint32_t p : t.deadline >= d.as_of_year ? it->projects : std::vector<std::uint32_t>{}) {
        t.projects.push_back(p);
        t.sample = t.sample || d.projects[p].sample;
      }
    }
    std::sort(t.projects.begin(), t.projects.end());
  }
  internal::aggregate_targets(d, input.aggregate_from == 0 ? internal::kAggregateFrom : input.aggregate_from);
  return ForecastModel(std::move(data));
}

Result<std::vector<std::uint8_t>> firm_targets(const ForecastModel& model, const EnterpriseRecord& firm) {
  const Snapshot& s = model.snapshot();
  const ForecastData& d = model.data();
  if (!s.find_term(VocabularyKind::kSegment, firm.segment)) {
    return fail(ErrorCode::kUnknownReference, "no segment \"" + firm.segment + "\" in the plan", "segment");
  }
  if (!firm.zone.empty() && !s.find_zone(firm.zone).valid()) {
    return fail(ErrorCode::kUnknownReference, "no zone \"" + firm.zone + "\" in the plan", "zone");
  }
  if (!firm.county.empty() && !s.find_county(firm.county).valid()) {
    return fail(ErrorCode::kUnknownReference, "no county \"" + firm.county + "\" in the register", "county");
  }
  std::vector<std::uint8_t> counted(d.targets.size(), 0);
  if (!d.output_metric) return counted;
  // A register of this one firm, with the plan's reference tables: the targets' static conditions
  // read it exactly as they read the real register.
  Dataset one;
  one.plan = s.plan;
  one.plan.map.clear();
  one.counties = s.counties;
  one.taxonomy = s.taxonomy;
  one.metrics = s.metrics;
  one.zones = s.zones;
  one.units = s.units;
  for (const auto& words : s.vocabularies)
    one.terms.insert(one.terms.end(), words.begin(), words.end());
  EnterpriseRecord record = firm;
  record.id = "what-if-firm";
  record.credit_code.clear();
  record.group.clear();
  record.customers.clear();
  record.outside = false;
  record.provenance = "what-if";
  one.enterprises.push_back(std::move(record));
  auto register_of_one = Snapshot::build(std::move(one));
  if (!register_of_one) return std::unexpected(register_of_one.error());
  const Visibility vis{d.input.as_of, true};
  for (const TargetModel& t : d.targets) {
    if ((t.form != ForecastForm::kSum && t.form != ForecastForm::kTierCount) || !t.indicator ||
        t.metric != *d.output_metric) {
      continue;
    }
    auto members = select(*t.indicator, "enterprises", t.static_conjuncts, **register_of_one, vis);
    if (!members) return std::unexpected(members.error());
    counted[t.target] = members->empty() ? 0 : 1;
  }
  return counted;
}

}  // namespace atlas::engine
