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

TEST(ParseGoal, ReadsPercentGoalsInMillionths) {
  const auto share = parse_goal(">= 18%", TargetUnit::kPercent);
  ASSERT_TRUE(share) << share.error().message;
  EXPECT_EQ(share->value, 180'000);
  EXPECT_EQ(format_goal(*share, TargetUnit::kPercent), "≥ 18%");
  const auto bare = parse_goal(">= 18", TargetUnit::kPercent);
  ASSERT_FALSE(bare);
  EXPECT_EQ(
      bare.error().message,
      "goal \">= 18\": \"18\" is not a percent: it does not end with % (write 18% for eighteen percent)");
  EXPECT_FALSE(parse_goal(">= 18%", TargetUnit::kYuan));
}

TEST(ParseQualified, ReadsTheQualifierOfThePlansWords) {
  auto read = [](std::string_view text, TargetUnit unit) {
    const auto v = parse_qualified(text, unit);
    EXPECT_TRUE(v) << text << ": " << (v ? "" : v.error().message);
    return v.value_or(QualifiedValue{FactQualifier::kExact, -1});
  };
  EXPECT_EQ(read("27.19亿", TargetUnit::kYuan).value, 2'719'000'000);
  EXPECT_EQ(read("27.19亿", TargetUnit::kYuan).qualifier, FactQualifier::kExact);
  EXPECT_EQ(read("超30亿", TargetUnit::kYuan).qualifier, FactQualifier::kOver);
  EXPECT_EQ(read("超30亿", TargetUnit::kYuan).value, 30 * kYi);
  EXPECT_EQ(read("超过30亿元", TargetUnit::kYuan).qualifier, FactQualifier::kOver);
  EXPECT_EQ(read("30亿以上", TargetUnit::kYuan).qualifier, FactQualifier::kAtLeast);
  EXPECT_EQ(read("约6300", TargetUnit::kCount).qualifier, FactQualifier::kAbout);
  EXPECT_EQ(read("6300多人", TargetUnit::kCount).value, 6300);
  EXPECT_EQ(read("6300多人", TargetUnit::kCount).qualifier, FactQualifier::kOver);
  EXPECT_EQ(read("不低于5家", TargetUnit::kCount).qualifier, FactQualifier::kAtLeast);
  EXPECT_EQ(read("近12.5%", TargetUnit::kPercent).value, 125'000);
  EXPECT_FALSE(parse_qualified("大约30亿", TargetUnit::kYuan));
  EXPECT_FALSE(parse_qualified("超", TargetUnit::kYuan));
  EXPECT_FALSE(parse_qualified("5家", TargetUnit::kYuan));
}

}  // namespace
}  // namespace atlas
