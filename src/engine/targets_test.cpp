#include "engine/targets.hpp"

#include <cmath>

#include <gtest/gtest.h>

namespace atlas::engine {
namespace {

constexpr std::int64_t kYi = 100'000'000;

AssessInput total_output(std::optional<Reading> latest, DayNumber as_of) {
  AssessInput in;
  in.goal = Goal{Comparison::kGreaterEqual, 100 * kYi};
  in.shape = TargetShape::kLevel;
  in.plan_start = 2021;
  in.deadline = 2025;
  in.latest = latest;
  in.baseline = Reading{2719000000, 2020, 12};
  in.as_of = as_of;
  return in;
}

TEST(GoalParser, ReadsAmountsAndCounts) {
  auto g = parse_goal(">= 100亿", TargetUnit::kYuan);
  ASSERT_TRUE(g.has_value());
  EXPECT_EQ(g->op, Comparison::kGreaterEqual);
  EXPECT_EQ(g->value, 100 * kYi);
  auto c = parse_goal("> 20", TargetUnit::kCount);
  ASSERT_TRUE(c.has_value());
  EXPECT_EQ(c->op, Comparison::kGreater);
  EXPECT_EQ(c->value, 20);
}

TEST(GoalParser, RejectsAGoalWithoutComparison) {
  auto g = parse_goal("100亿", TargetUnit::kYuan);
  ASSERT_FALSE(g.has_value());
  EXPECT_NE(g.error().message.find("100亿"), std::string::npos);
}

TEST(TargetStatus, CompleteDeadlineYearDecidesMetOrMissed) {
  auto met = assess(total_output(Reading{101 * kYi, 2025, 12}, day_number(2026, 3, 1)));
  EXPECT_EQ(met.status, TargetStatus::kMet);
  EXPECT_TRUE(met.final);
  auto missed = assess(total_output(Reading{78 * kYi, 2025, 12}, day_number(2026, 3, 1)));
  EXPECT_EQ(missed.status, TargetStatus::kMissed);
}

TEST(TargetStatus, NoFigureMeansNoData) {
  EXPECT_EQ(assess(total_output(std::nullopt, day_number(2023, 1, 1))).status, TargetStatus::kNoData);
}

TEST(TargetStatus, LevelIsJudgedAgainstTheGeometricPathFromTheBaseline) {
  // Path 27.19亿 (2020) → 100亿 (2025): about 29.8 % a year, so about 45.78亿 in 2022.
  auto on = assess(total_output(Reading{46 * kYi, 2022, 12}, day_number(2023, 2, 1)));
  EXPECT_EQ(on.status, TargetStatus::kOnTrack);
  ASSERT_TRUE(on.path_value.has_value());
  EXPECT_NEAR(*on.path_value / kYi, 45.78, 0.01);
  EXPECT_EQ(assess(total_output(Reading{42 * kYi, 2022, 12}, day_number(2023, 2, 1))).status,
            TargetStatus::kAtRisk);
  EXPECT_EQ(assess(total_output(Reading{35 * kYi, 2022, 12}, day_number(2023, 2, 1))).status,
            TargetStatus::kOffTrack);
}

TEST(TargetStatus, GrowthNeededIsTheYearlyRateToReachTheGoal) {
  auto a = assess(total_output(Reading{50 * kYi, 2023, 12}, day_number(2024, 2, 1)));
  ASSERT_TRUE(a.growth_needed.has_value());
  EXPECT_NEAR(*a.growth_needed, std::sqrt(2.0) - 1.0, 1e-9);  // 50亿 → 100亿 in two years
}

// docs/targets.md: growth still needed starts from the latest complete value, not from a part
// year annualised (75亿 in 1–9月 of 2024 would project to 100亿 and hide the gap).
TEST(TargetStatus, GrowthNeededStartsFromTheLatestCompleteYearNotAPartYear) {
  auto in = total_output(Reading{60 * kYi, 2024, 9}, day_number(2024, 11, 1));
  in.latest_complete = Reading{50 * kYi, 2023, 12};
  auto a = assess(in);
  ASSERT_TRUE(a.growth_needed.has_value());
  EXPECT_NEAR(*a.growth_needed, std::sqrt(2.0) - 1.0, 1e-9);  // 50亿 (2023) → 100亿 (2025)
  in.latest_complete.reset();  // no complete year after the baseline: from the baseline (27.19亿, 2020)
  a = assess(in);
  ASSERT_TRUE(a.growth_needed.has_value());
  EXPECT_NEAR(*a.growth_needed, std::pow(100.0 / 27.19, 1.0 / 5) - 1.0, 1e-9);
}

// The path the chart draws is the one the status is judged against, with or without a baseline.
TEST(TargetStatus, PlanPathIsTheLineTheStatusIsJudgedAgainst) {
  auto in = total_output(Reading{60 * kYi, 2023, 12}, day_number(2024, 2, 1));
  const auto geometric = plan_path(in);
  ASSERT_EQ(geometric.size(), 6U);  // 2020 … 2025
  EXPECT_EQ(geometric.front(), (PathPoint{2020, 2719000000.0}));
  EXPECT_EQ(geometric.back(), (PathPoint{2025, 100.0 * kYi}));
  EXPECT_DOUBLE_EQ(geometric[3].value, *assess(in).path_value);  // 2023
  in.baseline.reset();
  const auto linear = plan_path(in);
  ASSERT_EQ(linear.size(), 6U);  // from zero in 2020, the year before the plan
  EXPECT_EQ(linear.front(), (PathPoint{2020, 0.0}));
  EXPECT_DOUBLE_EQ(linear[3].value, 60.0 * kYi);
  EXPECT_DOUBLE_EQ(linear[3].value, *assess(in).path_value);
  in.shape = TargetShape::kCumulative;
  in.goal = Goal{Comparison::kGreaterEqual, 10};
  in.latest = Reading{3, 2023, 12};
  const auto cumulative = plan_path(in);
  ASSERT_EQ(cumulative.size(), 6U);
  EXPECT_DOUBLE_EQ(cumulative[1].value, 10.0 * 365 / 1826);  // the end of 2021
  EXPECT_DOUBLE_EQ(cumulative.back().value, 10.0);
}

TEST(TargetStatus, NoGrowthIsNeededOnceTheGoalIsReached) {
  auto a = assess(total_output(Reading{120 * kYi, 2023, 12}, day_number(2024, 2, 1)));
  EXPECT_EQ(a.status, TargetStatus::kOnTrack);
  EXPECT_FALSE(a.growth_needed.has_value());
}

TEST(TargetStatus, PartialDeadlineYearIsAnnualised) {
  auto a = assess(total_output(Reading{75 * kYi, 2025, 9}, day_number(2025, 11, 1)));
  ASSERT_TRUE(a.projected.has_value());
  EXPECT_EQ(*a.projected, 100 * kYi);
  EXPECT_EQ(a.status, TargetStatus::kOnTrack);
  EXPECT_FALSE(a.final);
}

// R&D spending over revenue: 2% (2020) → 3% (2025), in millionths.
AssessInput rd_intensity(std::optional<Reading> latest, DayNumber as_of, bool with_baseline = true) {
  AssessInput in;
  in.goal = Goal{Comparison::kGreaterEqual, 30'000};
  in.shape = TargetShape::kShare;
  in.plan_start = 2021;
  in.deadline = 2025;
  in.latest = latest;
  in.latest_complete = latest && latest->months == 12 ? latest : std::nullopt;
  if (with_baseline) in.baseline = Reading{20'000, 2020, 12};
  in.as_of = as_of;
  return in;
}

TEST(TargetStatus, AShareFollowsALinearPathInPointsAndIsNeverAnnualised) {
  // Path 2% (2020) → 3% (2025): 2.4% in 2022.
  auto on = assess(rd_intensity(Reading{24'500, 2022, 12}, day_number(2023, 2, 1)));
  EXPECT_EQ(on.status, TargetStatus::kOnTrack);
  ASSERT_TRUE(on.path_value);
  EXPECT_NEAR(*on.path_value, 24'000, 0.001);
  // 2.45% → 3% over three years: 0.1833 points a year; no growth rate for a share.
  ASSERT_TRUE(on.change_needed_per_year);
  EXPECT_NEAR(*on.change_needed_per_year, 5'500.0 / 3, 0.001);
  EXPECT_FALSE(on.growth_needed);
  // Nine months at 2.9% in the deadline year: not scaled by 12/9 (that would read 3.87%).
  auto partial = assess(rd_intensity(Reading{29'000, 2025, 9}, day_number(2025, 11, 1)));
  EXPECT_FALSE(partial.projected);
  EXPECT_EQ(partial.status, TargetStatus::kAtRisk);
  EXPECT_EQ(assess(rd_intensity(Reading{30'000, 2025, 12}, day_number(2026, 3, 1))).status,
            TargetStatus::kMet);
  EXPECT_EQ(assess(rd_intensity(Reading{26'000, 2025, 12}, day_number(2026, 3, 1))).status,
            TargetStatus::kMissed);
}

TEST(TargetStatus, AShareWithoutABaselineHasTheGoalAsItsBar) {
  auto below = assess(rd_intensity(Reading{28'000, 2022, 12}, day_number(2023, 2, 1), false));
  EXPECT_EQ(below.status, TargetStatus::kAtRisk);  // within 10% of 3%
  EXPECT_EQ(*below.path_value, 30'000);
  EXPECT_TRUE(plan_path(rd_intensity(std::nullopt, day_number(2023, 2, 1), false)).empty());
  const auto path = plan_path(rd_intensity(std::nullopt, day_number(2023, 2, 1)));
  ASSERT_EQ(path.size(), 6U);
  EXPECT_EQ(path.front(), (PathPoint{2020, 20'000}));
  EXPECT_EQ(path[3], (PathPoint{2023, 26'000}));
  EXPECT_EQ(path.back(), (PathPoint{2025, 30'000}));
}

AssessInput carriers(std::int64_t count, DayNumber as_of) {
  AssessInput in;
  in.goal = Goal{Comparison::kGreaterEqual, 2};
  in.shape = TargetShape::kCumulative;
  in.plan_start = 2021;
  in.deadline = 2025;
  in.latest = Reading{count, 0, 12};
  in.as_of = as_of;
  return in;
}

TEST(TargetStatus, CumulativeGoalReachedEarlyIsMet) {
  auto a = assess(carriers(2, day_number(2023, 6, 30)));
  EXPECT_EQ(a.status, TargetStatus::kMet);
  EXPECT_FALSE(a.final);
}

TEST(TargetStatus, CumulativeShortAfterDeadlineIsMissed) {
  auto a = assess(carriers(1, day_number(2026, 1, 1)));
  EXPECT_EQ(a.status, TargetStatus::kMissed);
  EXPECT_TRUE(a.final);
}

TEST(TargetStatus, CumulativeOneShortOfThePathIsAtRiskTwoShortIsOffTrack) {
  AssessInput in = carriers(0, day_number(2025, 6, 30));  // path ≈ 1.8 of 2
  EXPECT_EQ(assess(in).status, TargetStatus::kOffTrack);
  in = carriers(1, day_number(2025, 6, 30));
  EXPECT_EQ(assess(in).status, TargetStatus::kAtRisk);
  in = carriers(0, day_number(2021, 6, 30));  // path ≈ 0.2
  EXPECT_EQ(assess(in).status, TargetStatus::kAtRisk);
}

}  // namespace
}  // namespace atlas::engine
