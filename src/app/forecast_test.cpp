#include "app/forecast.hpp"

#include <algorithm>
#include <cmath>

#include <gtest/gtest.h>

#include "io/embedded.hpp"

namespace atlas::app {
namespace {

std::shared_ptr<const Snapshot> meizhou() {
  static const auto snapshot = [] {
    auto read = io::read_embedded_dataset();
    EXPECT_TRUE(read.has_value());
    auto built = Snapshot::build(std::move(read->data), 1);
    EXPECT_TRUE(built.has_value());
    return *built;
  }();
  return snapshot;
}

ForecastOptions at(DayNumber as_of, std::int64_t runs = 1000) {
  ForecastOptions o;
  o.as_of = as_of;
  o.runs = runs;
  return o;
}

// Past the deadline every target is final: its forecast is the figure (probability 0 or 1, as the
// check says met or missed), and what it would have taken is the gap to the goal.
TEST(ForecastTargets, AFinalTargetIsItsFigureAndSaysWhatItWouldHaveTaken) {
  const auto s = meizhou();
  auto report = forecast_targets(*s, at(day_number(2026, 11, 27), 200));
  ASSERT_TRUE(report.has_value()) << report.error().to_string();
  ASSERT_EQ(report->targets.size(), s->targets.size());
  for (const TargetOutlook& o : report->targets) {
    SCOPED_TRACE(o.check.id);
    if (!o.check.assessment.final) {  // no record at all: nothing to be final about
      EXPECT_EQ(o.check.assessment.status, engine::TargetStatus::kNoData);
      EXPECT_FALSE(o.took.has_value());
      continue;
    }
    ASSERT_TRUE(o.forecast.probability.has_value());
    const bool met = o.check.assessment.status == engine::TargetStatus::kMet;
    EXPECT_EQ(*o.forecast.probability, met ? 1.0 : 0.0);
    ASSERT_TRUE(o.took.has_value());
    EXPECT_EQ(o.took->shortfall == 0, met);
    if (!met && o.check.latest) {
      EXPECT_EQ(o.took->shortfall, o.check.goal.value - *o.check.latest);
    }
    if (o.forecast.form == engine::ForecastForm::kSum && o.check.latest) {
      EXPECT_NEAR(o.forecast.fan.back().p50, static_cast<double>(*o.check.latest),
                  1e-6 * static_cast<double>(*o.check.latest));
    }
  }
  const TargetOutlook& total = report->targets.front();
  ASSERT_TRUE(total.took->growth_needed && total.took->growth_achieved);
  EXPECT_NEAR(*total.took->growth_needed, std::pow(100.0 / 27.19, 1.0 / 5) - 1, 1e-9);
  EXPECT_LT(*total.took->growth_achieved, *total.took->growth_needed);
}

TEST(ForecastTargets, AWhatIfListsItsChangesByTheirIds) {
  const auto s = meizhou();
  ForecastOptions o = at(day_number(2023, 6, 30));
  engine::ForecastChange cancel;
  cancel.kind = engine::ForecastChange::Kind::kCancelProject;
  cancel.project = s->find_project("saint-gobain-glass");
  ASSERT_TRUE(cancel.project.valid());
  o.changes.push_back(cancel);
  auto report = forecast_targets(*s, o);
  ASSERT_TRUE(report.has_value());
  ASSERT_EQ(report->change_subjects.size(), 1U);
  EXPECT_EQ(report->change_subjects[0], "saint-gobain-glass");
  EXPECT_NE(
      forecast_report_json(*report).find(R"("changes":[{"kind":"cancel","project":"saint-gobain-glass"}])"),
      std::string::npos);
}

// `[plan.forecast]` sets the model's assumptions: with every project cancelled, a count of the
// projects still to be commissioned cannot rise.
TEST(ForecastTargets, ThePlansAssumptionsAreTheModels) {
  auto read = io::read_embedded_dataset();
  ASSERT_TRUE(read.has_value());
  read->data.plan.forecast.cancellation = 1'000'000;
  read->data.plan.forecast.ramp_months = 6;
  auto built = Snapshot::build(std::move(read->data), 1);
  ASSERT_TRUE(built.has_value());
  const engine::ForecastSettings settings = forecast_settings(**built);
  EXPECT_EQ(settings.cancellation, 1.0);
  EXPECT_EQ(settings.ramp_months, 6);
  EXPECT_EQ(settings.shrinkage, 3.0);
  auto certain = forecast_targets(**built, at(day_number(2023, 6, 30), 300));
  auto usual = forecast_targets(*meizhou(), at(day_number(2023, 6, 30), 300));
  ASSERT_TRUE(certain && usual);
  EXPECT_EQ(certain->settings.cancellation, 1.0);
  const auto p50 = [](const ForecastReport& r, std::string_view id) {
    for (const TargetOutlook& o : r.targets) {
      if (o.check.id == id) return o.forecast.fan.back().p50;
    }
    return -1.0;
  };
  EXPECT_LT(p50(*certain, "new-projects"), p50(*usual, "new-projects"));
}

// The back-test forecasts from each mid-year and year-end before the as-of date and scores only
// outcomes the figures show; on the plan's data its met/missed probabilities beat a coin.
TEST(Backtest, ScoresForecastsFromEachPastMidYearAndYearEnd) {
  const auto s = meizhou();
  const DayNumber today = day_number(2026, 11, 27);
  auto report = backtest(*s, at(today, 500));
  ASSERT_TRUE(report.has_value()) << report.error().to_string();
  ASSERT_FALSE(report->as_of.empty());
  EXPECT_EQ(report->as_of.size(), report->by_as_of.size());
  for (std::size_t i = 0; i < report->as_of.size(); ++i) {
    const Date d = date_of(report->as_of[i]);
    EXPECT_TRUE((d.month == 6 && d.day == 30) || (d.month == 12 && d.day == 31)) << d.to_string();
    EXPECT_LT(report->as_of[i], today);
  }
  std::size_t points = 0;
  for (const BacktestPoint& p : report->points) {
    EXPECT_GE(p.year, date_of(p.as_of).year);
    EXPECT_LE(p.fan.p10, p.fan.p90);
    if (p.deadline) {
      EXPECT_TRUE(p.probability.has_value());
    }
    ++points;
  }
  EXPECT_EQ(points, report->overall.points);
  EXPECT_GT(report->overall.points, 100U);
  EXPECT_GT(report->overall.coverage(), 0.5);
  EXPECT_GT(report->overall.brier_points, 20U);
  EXPECT_LT(report->overall.brier, 0.25) << "better than always saying 50 %";
  // A back-test as of the plan's first year has no outcome to score beyond what the data shows.
  auto early = backtest(*s, at(day_number(2021, 1, 1), 200));
  ASSERT_TRUE(early.has_value());
  for (const BacktestPoint& p : early->points)
    EXPECT_LT(p.as_of, day_number(2021, 1, 1));
}

// The series a peer model fits (bench/peers): for a sum, the year-to-date values of months known
// at the as-of date only, none before the data begins (no zeros for years without figures), and
// each December's value equal to the complete year in the yearly history.
TEST(Backtest, GivesPeersTheMonthlySeriesKnownAtEachAsOfDate) {
  const auto s = meizhou();
  auto report = backtest(*s, at(day_number(2026, 11, 27), 200));
  ASSERT_TRUE(report.has_value()) << report.error().to_string();
  std::size_t with_series = 0;
  for (const BacktestPoint& p : report->points) {
    if (p.ytd.empty()) continue;
    ++with_series;
    const Date as_of = date_of(p.as_of);
    for (const auto& [month, value] : p.ytd) {
      EXPECT_LT(month, month_index(as_of.year, as_of.month)) << s->targets[p.target].id;
      EXPECT_GT(value, 0.0) << s->targets[p.target].id << " " << year_of(month) << "-" << month_of(month);
    }
    for (const auto& [year, value] : p.history) {
      EXPECT_GT(value, 0.0);
      const auto december = std::find_if(p.ytd.begin(), p.ytd.end(),
                                         [&](const auto& m) { return m.first == month_index(year, 12); });
      ASSERT_NE(december, p.ytd.end()) << year;
      EXPECT_DOUBLE_EQ(december->second, value);
    }
  }
  EXPECT_GT(with_series, 50U);
}

}  // namespace
}  // namespace atlas::app
