#include "model/goal.hpp"

#include <gtest/gtest.h>

#include "model/units.hpp"

namespace atlas {
namespace {

TEST(ParseGoal, ReadsAComparisonAndAnAmountOrACount) {
  const auto yuan = parse_goal(">= 100亿", TargetUnit::kYuan);
  ASSERT_TRUE(yuan);
  EXPECT_EQ(yuan->op, Comparison::kGreaterEqual);
  EXPECT_EQ(yuan->value, 100 * kYi);
  const auto count = parse_goal("> 15", TargetUnit::kCount);
  ASSERT_TRUE(count);
  EXPECT_EQ(count->op, Comparison::kGreater);
  EXPECT_EQ(count->value, 15);
}

TEST(ParseGoal, RefusesWhatNoTargetCanHold) {
  // The goals of the issue: each imported and then broke every target of `atlas check`.
  for (const char* goal : {">= 1e400", ">= NaN", ">= nan", ">= inf", ">= -1", ">= 99999999999999亿",
                           ">= 9223372036854775808", "100亿", ">=", ""}) {
    const auto parsed = parse_goal(goal, TargetUnit::kYuan);
    EXPECT_FALSE(parsed) << goal;
    if (!parsed) {
      EXPECT_EQ(parsed.error().field, "goal");
    }
  }
  EXPECT_FALSE(parse_goal(">= 1.5", TargetUnit::kCount));
  EXPECT_FALSE(parse_goal(">= 1e3", TargetUnit::kCount));
  EXPECT_FALSE(parse_goal(">= 0.5元", TargetUnit::kYuan));
  EXPECT_TRUE(parse_goal(">= 9223372036854775807", TargetUnit::kYuan));
}

TEST(FormatGoal, ShowsTheSymbolAndTheAmount) {
  EXPECT_EQ(format_goal(Goal{Comparison::kGreaterEqual, 100 * kYi}, TargetUnit::kYuan), "≥ 100亿");
  EXPECT_EQ(format_goal(Goal{Comparison::kLess, 7}, TargetUnit::kCount), "< 7");
  EXPECT_TRUE(satisfies(Goal{Comparison::kGreater, 7}, 8));
  EXPECT_FALSE(satisfies(Goal{Comparison::kEqual, 7}, 8));
}

}  // namespace
}  // namespace atlas
