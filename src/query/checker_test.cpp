#include "query/checker.hpp"

#include <gtest/gtest.h>

#include "query/internal/test_dataset.hpp"
#include "query/parser.hpp"

namespace atlas::query {
namespace {

class IndicatorChecker : public ::testing::Test {
 protected:
  Result<CheckedIndicator> check(std::string_view text) {
    auto parsed = parse_indicator(text);
    EXPECT_TRUE(parsed.has_value()) << text << ": " << (parsed ? "" : parsed.error().to_string());
    if (!parsed) return std::unexpected(parsed.error());
    return check_indicator(std::move(*parsed), *snapshot_);
  }
  Error error_of(std::string_view text) {
    auto checked = check(text);
    EXPECT_FALSE(checked.has_value()) << text;
    return checked ? Error{} : checked.error();
  }

  std::shared_ptr<const Snapshot> snapshot_ = testing::query_test_snapshot();
};

TEST_F(IndicatorChecker, AcceptsEveryExampleOfThePlan) {
  for (const char* text : {
           "sum(output_value) in 2025",
           "sum(output_value) where segment = \"nev\" in 2025",
           "count(enterprises) where output_value > 10亿 in 2025",
           "count(enterprises) where zone = \"gac-park\" and output_value >= 1亿 and output_value < 10亿 in "
           "2025",
           "count(projects) where zone = \"gac-park\" and expected_output >= 10亿",
           "count(carriers) where level >= provincial and recognized in 2021..2025",
           "count(carriers) where kind = \"manufacturing-innovation-center\" and level >= provincial and "
           "recognized in 2021..2025",
           "count(supplier_entries) where tier <= 2 and entered in 2021..2025",
           "count(projects) where signed in 2021..2025 or commissioned in 2021..2025",
       }) {
    auto checked = check(text);
    EXPECT_TRUE(checked.has_value()) << text << ": " << (checked ? "" : checked.error().to_string());
  }
}

TEST_F(IndicatorChecker, TakesTheSetOfASumFromItsField) {
  EXPECT_EQ(check("sum(output_value) in 2025")->set(), RecordSet::kEnterprises);
  EXPECT_EQ(check("sum(output_value) in 2025")->unit(), MetricUnit::kYuan);
  EXPECT_EQ(check("sum(expected_output)")->set(), RecordSet::kProjects);
  EXPECT_EQ(check("avg(tier)")->set(), RecordSet::kSupplierEntries);
  EXPECT_EQ(check("avg(tier)")->unit(), MetricUnit::kCount);
  EXPECT_EQ(check("sum(employees) in 2025-09")->unit(), MetricUnit::kCount);
}

TEST_F(IndicatorChecker, SuggestsTheFieldForAMisspeltOne) {
  auto e = error_of("sum(output_value) where segmnt = \"nev\" in 2025");
  EXPECT_EQ(e.code, ErrorCode::kUnknownField);
  EXPECT_EQ(e.where.column, 25u);
  EXPECT_EQ(e.message, "unknown field \"segmnt\" — did you mean \"segment\"?");
}

TEST_F(IndicatorChecker, ReportsColumnOfUnknownFieldAfterChineseCharacters) {
  auto e = error_of("count(enterprises) where name = \"梅州\" and segmnt = \"nev\"");
  EXPECT_EQ(e.code, ErrorCode::kUnknownField);
  EXPECT_EQ(e.where.column, 42u);
}

TEST_F(IndicatorChecker, SuggestsTheSetForAMisspeltOne) {
  auto e = error_of("count(enterprize)");
  EXPECT_EQ(e.code, ErrorCode::kUnknownField);
  EXPECT_EQ(e.where.column, 7u);
  EXPECT_EQ(e.message, "unknown set \"enterprize\" — did you mean \"enterprises\"?");
}

TEST_F(IndicatorChecker, SaysWhichSetHasAFieldOfAnotherSet) {
  auto e = error_of("count(projects) where level >= provincial");
  EXPECT_EQ(e.code, ErrorCode::kUnknownField);
  EXPECT_EQ(e.message, "unknown field \"level\": projects have no level (carriers do)");
}

TEST_F(IndicatorChecker, SuggestsTheEnumValueForAMisspeltOne) {
  auto e = error_of("count(carriers) where level >= provinical");
  EXPECT_EQ(e.code, ErrorCode::kTypeError);
  EXPECT_EQ(e.where.column, 32u);
  EXPECT_EQ(
      e.message,
      "\"provinical\" is not a level value — did you mean \"provincial\"? (values: municipal, provincial, "
      "national)");
}

TEST_F(IndicatorChecker, RejectsOrderingAnUnorderedEnum) {
  auto e = error_of("count(enterprises) where segment > 5");
  EXPECT_EQ(e.code, ErrorCode::kTypeError);
  EXPECT_EQ(e.where.column, 34u);
  EXPECT_EQ(e.message, "segment is an enum and takes only = or !=, not >");
}

TEST_F(IndicatorChecker, RejectsAStringForAnAmount) {
  auto e = error_of("count(enterprises) where output_value = \"x\" in 2025");
  EXPECT_EQ(e.code, ErrorCode::kTypeError);
  EXPECT_EQ(e.where.column, 41u);
  EXPECT_NE(e.message.find("output_value is an amount"), std::string::npos);
}

TEST_F(IndicatorChecker, RejectsAnAmountWithAUnitForACount) {
  auto e = error_of("count(supplier_entries) where tier <= 2亿元");
  EXPECT_EQ(e.code, ErrorCode::kTypeError);
  EXPECT_EQ(e.where.column, 39u);
  EXPECT_NE(e.message.find("whole number"), std::string::npos);
  EXPECT_FALSE(check("count(supplier_entries) where tier <= 1.5").has_value());
  EXPECT_TRUE(check("count(enterprises) where employees >= 1.2万 in 2025").has_value());
}

TEST_F(IndicatorChecker, ReportsAMalformedAmountAsASyntaxError) {
  auto e = error_of("count(enterprises) where output_value > 1.2.3亿 in 2025");
  EXPECT_EQ(e.code, ErrorCode::kSyntaxError);
  EXPECT_EQ(e.where.column, 41u);
}

TEST_F(IndicatorChecker, AsksForAPeriodWhenAMetricHasNone) {
  auto e = error_of("count(enterprises) where output_value > 1亿");
  EXPECT_EQ(e.code, ErrorCode::kTypeError);
  EXPECT_EQ(e.where.column, 26u);
  EXPECT_NE(e.message.find("a period is needed"), std::string::npos);
  auto sum = error_of("sum(output_value)");
  EXPECT_EQ(sum.where.column, 5u);
  EXPECT_NE(sum.message.find("a period is needed"), std::string::npos);
}

TEST_F(IndicatorChecker, RejectsAnAmountUsedAsACondition) {
  auto e = error_of("count(enterprises) where output_value in 2025");
  EXPECT_EQ(e.code, ErrorCode::kTypeError);
  EXPECT_EQ(e.message, "output_value is an amount, not a condition: compare it, e.g. output_value > 1亿");
}

TEST_F(IndicatorChecker, RequiresQuotesAroundIds) {
  auto e = error_of("count(enterprises) where zone = gac-park");
  EXPECT_EQ(e.code, ErrorCode::kTypeError);
  EXPECT_EQ(e.message, "zone compares with a quoted string: write zone = \"gac-park\"");
}

TEST_F(IndicatorChecker, SuggestsAnExistingIdForAnUnknownOne) {
  auto e = error_of("count(enterprises) where zone = \"gac-prak\"");
  EXPECT_EQ(e.code, ErrorCode::kUnknownReference);
  EXPECT_EQ(e.where.column, 33u);
  EXPECT_EQ(e.message, "unknown zone \"gac-prak\" — did you mean \"gac-park\"?");
}

TEST_F(IndicatorChecker, ChecksTheTaxonomyLevelOfSubsystemAndCategory) {
  EXPECT_TRUE(check("count(enterprises) where category = \"chassis\"").has_value());
  EXPECT_TRUE(check("count(enterprises) where class = \"chassis\"").has_value());
  auto e = error_of("count(enterprises) where category = \"axle\"");
  EXPECT_EQ(e.code, ErrorCode::kTypeError);
  EXPECT_EQ(e.message, "\"axle\" is a class, not a category: write class = \"axle\"");
}

TEST_F(IndicatorChecker, RejectsCountOfAFieldAndSumOfASet) {
  auto count = error_of("count(output_value)");
  EXPECT_EQ(count.code, ErrorCode::kTypeError);
  EXPECT_NE(count.message.find("count takes a set"), std::string::npos);
  auto sum = error_of("sum(enterprises)");
  EXPECT_EQ(sum.code, ErrorCode::kTypeError);
  auto text = error_of("sum(segment) in 2025");
  EXPECT_EQ(text.code, ErrorCode::kTypeError);
  EXPECT_EQ(text.message, "sum needs an amount or a count, and segment is an enum");
}

TEST_F(IndicatorChecker, TakesOnlyTrueOrFalseForAFlag) {
  EXPECT_TRUE(check("count(enterprises) where high_tech = false").has_value());
  auto e = error_of("count(enterprises) where high_tech = yes");
  EXPECT_EQ(e.code, ErrorCode::kTypeError);
  EXPECT_EQ(e.where.column, 38u);
}

TEST_F(IndicatorChecker, RemembersTheSnapshotItWasCheckedAgainst) {
  auto checked = check("count(enterprises)");
  ASSERT_TRUE(checked.has_value());
  EXPECT_TRUE(checked->checked_against(*snapshot_));
  auto other = testing::query_test_snapshot();
  EXPECT_FALSE(checked->checked_against(*other));
}

}  // namespace
}  // namespace atlas::query
