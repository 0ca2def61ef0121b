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

// A plan's declared unit: the number in the language's largest scale that fits, then its name.
TEST(FormatUnitValue, ShowsAValueInTheLargestScaleOfItsLanguage) {
  const UnitRecord vehicle{
      "vehicle",
      TargetUnit::kCount,
      {"辆", "vehicle | vehicles"},
      {{1'000, {"", "thousand vehicles"}}, {10'000, {"万辆", ""}}, {1'000'000, {"", "million vehicles"}}},
      "sample",
      0};
  EXPECT_EQ(format_unit_value(5'300'000, vehicle, true), "530万辆");
  EXPECT_EQ(format_unit_value(5'300'000, vehicle, false), "5.3 million vehicles");
  EXPECT_EQ(format_unit_value(26'000, vehicle, true), "2.6万辆");
  EXPECT_EQ(format_unit_value(26'000, vehicle, false), "26 thousand vehicles");
  EXPECT_EQ(format_unit_value(9'999, vehicle, true), "9999辆");  // below every Chinese scale
  EXPECT_EQ(format_unit_value(1, vehicle, false), "1 vehicle");  // the singular for exactly one
  EXPECT_EQ(format_unit_value(0, vehicle, false), "0 vehicles");
  EXPECT_EQ(format_unit_value(12'345, vehicle, true), "1.23万辆");  // two places at most
  EXPECT_EQ(format_unit_value(2.5, vehicle, true, 1), "2.5辆");
  const Goal goal{Comparison::kGreaterEqual, 50'000};
  EXPECT_EQ(format_goal(goal, vehicle, true), "≥ 5万辆");
  EXPECT_EQ(format_goal(goal, vehicle, false), "≥ 50 thousand vehicles");
}

// A plan writes a goal or a baseline with its measure word: 15家, and in a declared unit 530万辆.
TEST(ParseGoal, TakesTheMeasureWordOfTheTargetsUnit) {
  const UnitRecord vehicle{"vehicle", TargetUnit::kCount, {"辆", "vehicle | vehicles"}, {}, "", 0};
  EXPECT_EQ(parse_goal(">= 530万辆", TargetUnit::kCount, &vehicle).value().value, 5'300'000);
  EXPECT_EQ(parse_goal(">= 12 vehicles", TargetUnit::kCount, &vehicle).value().value, 12);
  EXPECT_EQ(parse_goal(">= 15家", TargetUnit::kCount).value().value, 15);
  EXPECT_FALSE(parse_goal(">= 530万辆", TargetUnit::kCount));       // 辆 is no word of a plain count
  EXPECT_FALSE(parse_goal(">= 辆", TargetUnit::kCount, &vehicle));  // a word is no number
  const auto over = parse_qualified("超2.6万辆", TargetUnit::kCount, &vehicle).value();
  EXPECT_EQ(over.value, 26'000);
  EXPECT_EQ(over.qualifier, FactQualifier::kOver);
  const auto at_least = parse_qualified("5家以上", TargetUnit::kCount).value();
  EXPECT_EQ(at_least.value, 5);
  EXPECT_EQ(at_least.qualifier, FactQualifier::kAtLeast);
}

TEST(FormatUnitValue, ALanguageWithoutANameShowsTheNumberAlone) {
  const UnitRecord unit{"piece", TargetUnit::kCount, {"个", ""}, {}, "", 0};
  EXPECT_EQ(format_unit_value(15, unit, true), "15个");
  EXPECT_EQ(format_unit_value(15, unit, false), "15");
  EXPECT_EQ(unit_word({"家", "enterprise | enterprises"}, false, true), "enterprise");
  EXPECT_EQ(unit_word({"家", "enterprise | enterprises"}, false, false), "enterprises");
  EXPECT_EQ(unit_word({"家", "enterprise | enterprises"}, true, false), "家");
}

}  // namespace
}  // namespace atlas
