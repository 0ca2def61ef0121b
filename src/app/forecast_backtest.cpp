// The back-test of the forecast (docs/forecast.md, "Back-test and calibration").
#include <algorithm>
#include <cmath>

#include <boost/json.hpp>

#include "app/forecast.hpp"
#include "app/target_detail.hpp"

namespace atlas::app {
namespace {

namespace json = boost::json;

DayNumber year_end(int year) {
  return day_number(year, 12, 31);
}

bool level(engine::ForecastForm form) {
  return form == engine::ForecastForm::kSum || form == engine::ForecastForm::kTierCount;
}

// What the figures known under `vis` show for a target at the end of `year`: a level target's
// value of that year when its figures are complete; a count's as known at the year's end, once the
// year is over. None when the outcome is not known yet.
std::optional<double> outcome(const Snapshot& s, const query::Indicator& indicator, engine::ForecastForm form,
                              int year, const Visibility& vis) {
  if (level(form)) {
    auto r = evaluate_in_period(indicator, calendar_year(year), s, vis);
    if (!r || !r->has_value || !r->complete()) return std::nullopt;
    // A sum over no figures is no outcome (a year before the data begins), not a zero.
    if (form == engine::ForecastForm::kSum && r->contributors() == 0) return std::nullopt;
    return static_cast<double>(r->value);
  }
  if (year_end(year) >= vis.as_of) return std::nullopt;
  auto checked = query::check_indicator(indicator, s);
  if (!checked) return std::nullopt;
  auto r = query::evaluate(*checked, s, Visibility{year_end(year), vis.include_sample});
  if (!r || !r->has_value) return std::nullopt;
  return static_cast<double>(r->value);
}

// The year-to-date values of a sum at the end of each month from January of `from` to the month
// before vis.as_of whose figures are complete under `vis`.
std::vector<std::pair<MonthIndex, double>> year_to_date(const Snapshot& s, const query::Indicator& indicator,
                                                        int from, const Visibility& vis) {
  std::vector<std::pair<MonthIndex, double>> out;
  const Date until = date_of(vis.as_of);
  for (MonthIndex m = month_index(from, 1); m < month_index(until.year, until.month); ++m) {
    query::PeriodSpec period;
    period.first = month_index(year_of(m), 1);
    period.last = m;
    period.text = std::to_string(year_of(m));
    auto r = evaluate_in_period(indicator, period, s, vis);
    if (r && r->has_value && r->complete() && r->contributors() > 0)
      out.emplace_back(m, static_cast<double>(r->value));
  }
  return out;
}

void add(Calibration& c, const BacktestPoint& p) {
  ++c.points;
  if (p.fan.p10 <= p.actual && p.actual <= p.fan.p90) ++c.covered;
  if (p.deadline && p.actual != 0) {
    c.mape += std::abs(p.fan.p50 - p.actual) / std::abs(p.actual);
    ++c.deadline_points;
  }
  if (p.deadline && p.probability) {
    const double e = *p.probability - (p.met ? 1.0 : 0.0);
    c.brier += e * e;
    ++c.brier_points;
  }
}

void finish(Calibration& c) {
  if (c.deadline_points > 0) c.mape /= static_cast<double>(c.deadline_points);
  if (c.brier_points > 0) c.brier /= static_cast<double>(c.brier_points);
}

json::object calibration_json(const Calibration& c) {
  return json::object{{"points", c.points},
                      {"coverage", c.points > 0 ? json::value(c.coverage()) : json::value(nullptr)},
                      {"deadline_points", c.deadline_points},
                      {"mape", c.deadline_points > 0 ? json::value(c.mape) : json::value(nullptr)},
                      {"brier_points", c.brier_points},
                      {"brier", c.brier_points > 0 ? json::value(c.brier) : json::value(nullptr)}};
}

}  // namespace

Result<BacktestReport> backtest(const Snapshot& s, const ForecastOptions& options) {
  BacktestReport report;
  report.plan = s.plan;
  report.plan.map.clear();
  report.runs = options.runs;
  report.seed = options.seed;
  report.include_sample = options.include_sample;
  const Visibility now{options.as_of, options.include_sample};
  report.data_as_of = s.latest_published(now);

  // Each target's indicator, parsed once.
  std::vector<std::optional<query::Indicator>> indicators;
  for (const TargetRecord& t : s.targets) {
    auto parsed = query::parse_indicator(t.indicator);
    indicators.push_back(parsed ? std::optional<query::Indicator>(std::move(*parsed)) : std::nullopt);
  }
  std::vector<DayNumber> dates;
  for (int y = s.plan.start_year - 1; y <= date_of(options.as_of).year; ++y) {
    for (const DayNumber d : {day_number(y, 6, 30), year_end(y)}) {
      if (d < options.as_of) dates.push_back(d);
    }
  }
  for (const DayNumber as_of : dates) {
    ForecastOptions o = options;
    o.as_of = as_of;
    o.changes.clear();
    auto model = engine::prepare_forecast(s, {as_of, options.include_sample, forecast_settings(s)});
    if (!model) return std::unexpected(model.error());
    auto result = engine::simulate(*model, {o.runs, o.seed, {}, o.threads});
    if (!result) return std::unexpected(result.error());
    Calibration calibration;
    for (const engine::TargetForecast& f : result->targets) {
      if (!f.probability || !indicators[f.target] || f.fan.empty()) continue;
      const TargetRecord& record = s.targets[f.target];
      const auto goal = parse_goal(record.goal, record.unit, s.find_unit(record.unit_id));
      if (!goal) continue;
      std::vector<std::pair<int, double>> history;
      std::vector<std::pair<MonthIndex, double>> ytd;
      if (f.form == engine::ForecastForm::kSum) {
        const Visibility then{as_of, options.include_sample};
        for (int y = s.plan.start_year - 5; y < f.fan.front().year; ++y) {
          if (auto v = outcome(s, *indicators[f.target], f.form, y, then)) history.emplace_back(y, *v);
        }
        ytd = year_to_date(s, *indicators[f.target], s.plan.start_year - 5, then);
      }
      for (const engine::FanPoint& point : f.fan) {
        const bool deadline = point.year == f.fan.back().year;
        if (deadline && f.settled) continue;  // a fact at as_of, not a forecast
        if (!deadline && point.p10 == point.p90) continue;
        const auto actual = outcome(s, *indicators[f.target], f.form, point.year, now);
        if (!actual) continue;
        BacktestPoint p;
        p.target = f.target;
        p.as_of = as_of;
        p.year = point.year;
        p.fan = point;
        p.actual = *actual;
        p.deadline = deadline;
        p.goal = *goal;
        if (deadline) {
          p.probability = f.probability;
          p.met = satisfies(*goal, std::llround(*actual));
        }
        p.history = history;
        p.ytd = ytd;
        add(calibration, p);
        add(report.overall, p);
        report.points.push_back(std::move(p));
      }
    }
    if (calibration.points == 0) continue;
    finish(calibration);
    report.as_of.push_back(as_of);
    report.by_as_of.push_back(calibration);
  }
  finish(report.overall);
  return report;
}

std::string backtest_json(const Snapshot& s, const BacktestReport& report) {
  json::object root;
  root["plan"] = report.plan.id;
  root["runs"] = report.runs;
  root["seed"] = report.seed;
  root["include_sample"] = report.include_sample;
  root["data_as_of"] =
      report.data_as_of > 0 ? json::value(date_of(report.data_as_of).to_string()) : json::value();
  json::array by_as_of;
  for (std::size_t i = 0; i < report.as_of.size(); ++i) {
    json::object o = calibration_json(report.by_as_of[i]);
    o["as_of"] = date_of(report.as_of[i]).to_string();
    by_as_of.emplace_back(std::move(o));
  }
  root["by_as_of"] = std::move(by_as_of);
  root["overall"] = calibration_json(report.overall);
  json::array points;
  for (const BacktestPoint& p : report.points) {
    json::array history;
    for (const auto& [year, value] : p.history)
      history.emplace_back(json::array{year, value});
    json::array ytd;
    for (const auto& [month, value] : p.ytd)
      ytd.emplace_back(json::array{year_of(month), month_of(month), value});
    points.emplace_back(json::object{
        {"target", s.targets[p.target].id},
        {"as_of", date_of(p.as_of).to_string()},
        {"year", p.year},
        {"deadline", p.deadline},
        {"p10", p.fan.p10},
        {"p50", p.fan.p50},
        {"p90", p.fan.p90},
        {"actual", p.actual},
        {"probability", p.probability ? json::value(*p.probability) : json::value(nullptr)},
        {"met", p.met},
        {"goal", s.targets[p.target].goal},
        {"goal_value", p.goal.value},
        {"goal_op", p.goal.op == Comparison::kGreaterEqual ? ">="
                    : p.goal.op == Comparison::kGreater    ? ">"
                    : p.goal.op == Comparison::kLessEqual  ? "<="
                    : p.goal.op == Comparison::kLess       ? "<"
                                                           : "="},
        {"history", std::move(history)},
        {"ytd", std::move(ytd)},
    });
  }
  root["points"] = std::move(points);
  return json::serialize(root);
}

}  // namespace atlas::app
