#include "query/parser.hpp"

#include <gtest/gtest.h>

namespace atlas::query {
namespace {

std::string tree_of(std::string_view text) {
  auto parsed = parse_indicator(text);
  if (!parsed) return "error: " + parsed.error().to_string();
  return to_string(*parsed);
}

Error error_of(std::string_view text) {
  auto parsed = parse_indicator(text);
  EXPECT_FALSE(parsed.has_value()) << text;
  return parsed ? Error{} : parsed.error();
}

TEST(IndicatorParser, ParsesASumOverAYear) {
  EXPECT_EQ(tree_of("sum(output_value) in 2025"), "(sum output_value 2025)");
}

TEST(IndicatorParser, ParsesACountWithAComparisonAndAPeriod) {
  EXPECT_EQ(tree_of("count(enterprises) where output_value > 10亿 in 2025"),
            "(count enterprises (> output_value 10亿) 2025)");
}

TEST(IndicatorParser, ParsesACountOfDistinctValuesOfASet) {
  EXPECT_EQ(tree_of("count(distinct enterprise) of supplier_entries where tier = 1 in 2025"),
            "(count (distinct enterprise) supplier_entries (= tier 1) 2025)");
}

TEST(IndicatorParser, FlattensChainsOfAndIntoOneNode) {
  EXPECT_EQ(
      tree_of("count(enterprises) where zone = \"gac-park\" and output_value >= 1亿 and output_value < 10亿 "
              "in 2025"),
      "(count enterprises (and (= zone \"gac-park\") (>= output_value 1亿) (< output_value 10亿)) 2025)");
}

TEST(IndicatorParser, ParsesARatioWhosePeriodBelongsToBothParts) {
  EXPECT_EQ(tree_of("sum(rd_spend) where high_tech / sum(revenue) in 2025"),
            "(/ (sum rd_spend high_tech) (sum revenue) 2025)");
  auto parsed = parse_indicator("count(enterprises) / count(enterprises) where segment = \"nev\"");
  ASSERT_TRUE(parsed);
  ASSERT_TRUE(parsed->is_ratio());
  EXPECT_EQ(parsed->divide_pos.column, 20);
  EXPECT_FALSE(parsed->divisor.front().period);
  // The divisor's conditions are its own: the numerator has none.
  EXPECT_TRUE(parsed->conditions.empty());
  EXPECT_EQ(parsed->divisor.front().conditions.size(), 1U);
  EXPECT_EQ(parsed->divisor.front().conditions.front().pos.column, 47);
}

TEST(IndicatorParser, BindsAndTighterThanOr) {
  EXPECT_EQ(tree_of("count(enterprises) where high_tech or above_size and not segment = \"nev\""),
            "(count enterprises (or high_tech (and above_size (not (= segment \"nev\")))))");
}

TEST(IndicatorParser, HonoursParentheses) {
  EXPECT_EQ(tree_of("count(enterprises) where (high_tech or above_size) and segment != \"nev\""),
            "(count enterprises (and (or high_tech above_size) (!= segment \"nev\")))");
}

TEST(IndicatorParser, ReadsDateFieldsInARange) {
  EXPECT_EQ(tree_of("count(projects) where signed in 2021..2025 or commissioned in 2021..2025"),
            "(count projects (or (in signed 2021..2025) (in commissioned 2021..2025)))");
}

TEST(IndicatorParser, TakesAnUnquotedEnumWord) {
  EXPECT_EQ(tree_of("count(carriers) where level >= provincial and recognized in 2021..2025"),
            "(count carriers (and (>= level provincial) (in recognized 2021..2025)))");
}

TEST(IndicatorParser, ReadsInAfterAFlagAsTheIndicatorsPeriod) {
  EXPECT_EQ(tree_of("count(enterprises) where high_tech in 2025"), "(count enterprises high_tech 2025)");
}

TEST(IndicatorParser, ConvertsPeriodsToMonthSpans) {
  auto year = parse_indicator("sum(output_value) in 2025");
  ASSERT_TRUE(year.has_value());
  EXPECT_EQ(year->period->first, month_index(2025, 1));
  EXPECT_EQ(year->period->last, month_index(2025, 12));
  EXPECT_TRUE(year->period->is_calendar_year());
  auto cumulative = parse_indicator("sum(output_value) in 2025-01~09");
  EXPECT_EQ(cumulative->period->last, month_index(2025, 9));
  EXPECT_FALSE(cumulative->period->is_calendar_year());
  auto march = parse_indicator("sum(output_value) in 2025-03");
  EXPECT_EQ(march->period->first, month_index(2025, 3));
  EXPECT_EQ(march->period->last, month_index(2025, 3));
  auto range = parse_indicator("sum(output_value) in 2021..2025-06");
  EXPECT_EQ(range->period->first, month_index(2021, 1));
  EXPECT_EQ(range->period->last, month_index(2025, 6));
}

TEST(IndicatorParser, RecordsTheColumnOfEveryNode) {
  auto parsed = parse_indicator("count(enterprises) where segment = \"nev\"");
  ASSERT_TRUE(parsed.has_value());
  EXPECT_EQ(parsed->subject_pos.column, 7u);
  const Condition& c = parsed->conditions[*parsed->where];
  EXPECT_EQ(c.pos.column, 26u);
  EXPECT_EQ(c.op_pos.column, 34u);
  EXPECT_EQ(c.literal.pos.column, 36u);
  EXPECT_EQ(c.literal.kind, LiteralKind::kString);
  EXPECT_EQ(c.literal.text, "nev");
}

TEST(IndicatorParser, ReportsUnexpectedEndOfInputOnePastTheEnd) {
  auto e = error_of("count(enterprises) where");
  EXPECT_EQ(e.code, ErrorCode::kSyntaxError);
  EXPECT_EQ(e.where.column, 25u);
  EXPECT_NE(e.message.find("unexpected end of input"), std::string::npos);
}

TEST(IndicatorParser, ReportsAMissingValueAfterAnOperator) {
  auto e = error_of("count(enterprises) where output_value > in 2025");
  EXPECT_EQ(e.where.column, 41u);
  EXPECT_NE(e.message.find("expected a value"), std::string::npos);
}

TEST(IndicatorParser, ReportsTrailingGarbage) {
  auto e = error_of("sum(output_value) in 2025 please");
  EXPECT_EQ(e.code, ErrorCode::kSyntaxError);
  EXPECT_EQ(e.where.column, 27u);
  EXPECT_EQ(e.message, "unexpected \"please\": expected the end of the indicator");
}

TEST(IndicatorParser, ExplainsThatThePeriodComesLast) {
  auto e = error_of("count(enterprises) where output_value > 10亿 in 2025 and high_tech");
  EXPECT_EQ(e.where.column, 53u);
  EXPECT_EQ(e.message,
            "unexpected \"and\": the period ends the indicator — put every condition before \"in 2025\"");
}

TEST(IndicatorParser, CountsColumnsAfterChineseCharactersInCharacters) {
  auto e = error_of("count(enterprises) where name = \"梅州\" and and");
  EXPECT_EQ(e.where.column, 42u);  // "梅州" is four columns with its quotes
}

TEST(IndicatorParser, SuggestsTheAggregateForAMisspeltOne) {
  auto e = error_of("cout(enterprises)");
  EXPECT_EQ(e.where.column, 1u);
  EXPECT_EQ(
      e.message,
      "unknown aggregate \"cout\": expected count, sum, avg, min, max or figure — did you mean \"count\"?");
}

TEST(IndicatorParser, RejectsAMonthOutOfRange) {
  auto e = error_of("sum(output_value) in 2025-13");
  EXPECT_EQ(e.where.column, 22u);
  EXPECT_NE(e.message.find("not a month"), std::string::npos);
}

TEST(IndicatorParser, RejectsARangeThatRunsBackwards) {
  auto e = error_of("count(carriers) where recognized in 2025..2021");
  EXPECT_EQ(e.where.column, 41u);
  EXPECT_NE(e.message.find("backwards"), std::string::npos);
}

TEST(IndicatorParser, RejectsADayWhereAPeriodIsExpected) {
  auto e = error_of("count(carriers) where recognized in 2025-09-30");
  EXPECT_NE(e.message.find("is a day"), std::string::npos);
}

TEST(IndicatorParser, RejectsAComparisonOnADateFieldAsATypeError) {
  auto e = error_of("count(projects) where signed >= 2021");
  EXPECT_EQ(e.code, ErrorCode::kTypeError);
  EXPECT_EQ(e.where.column, 30u);
  EXPECT_NE(e.message.find("signed in 2021..2025"), std::string::npos);
}

TEST(IndicatorParser, ReportsAnUnclosedParenthesis) {
  auto e = error_of("count(enterprises) where (high_tech or above_size");
  EXPECT_EQ(e.where.column, 50u);
  EXPECT_NE(e.message.find("\")\""), std::string::npos);
}

std::string nested(std::size_t depth, std::string_view open, std::string_view close) {
  std::string text = "count(enterprises) where ";
  for (std::size_t i = 0; i < depth; ++i)
    text += open;
  text += "high_tech";
  for (std::size_t i = 0; i < depth; ++i)
    text += close;
  return text;
}

std::string or_chain(std::size_t terms) {
  std::string text = "count(enterprises) where high_tech";
  for (std::size_t i = 1; i < terms; ++i)
    text += " or above_size";
  return text;
}

TEST(IndicatorParser, AcceptsParenthesesAsDeepAsTheLimit) {
  EXPECT_TRUE(parse_indicator(nested(Limits{}.max_depth, "(", ")")).has_value());
}

TEST(IndicatorParser, RefusesParenthesesDeeperThanTheLimitWhereTheyCrossIt) {
  // 4,100 levels overflowed the stack before the limit (issue 7).
  Limits long_texts;  // so that the depth, not the length, is what is refused
  long_texts.max_bytes = std::size_t{1} << 20;
  for (std::size_t depth : {std::size_t{33}, std::size_t{4100}, std::size_t{100000}}) {
    auto parsed = parse_indicator(nested(depth, "(", ")"), long_texts);
    ASSERT_FALSE(parsed.has_value()) << depth;
    const Error& e = parsed.error();
    EXPECT_EQ(e.code, ErrorCode::kLimitExceeded) << depth;
    EXPECT_EQ(e.where.column, 26u + 32u) << depth;  // the 33rd "("
    EXPECT_NE(e.message.find("32 levels"), std::string::npos) << e.message;
  }
}

TEST(IndicatorParser, RefusesNotNestedDeeperThanTheLimit) {
  EXPECT_TRUE(parse_indicator(nested(32, "not ", "")).has_value());
  Limits long_texts;
  long_texts.max_bytes = std::size_t{1} << 20;
  auto parsed = parse_indicator(nested(50000, "not ", ""), long_texts);
  ASSERT_FALSE(parsed.has_value());
  const Error& e = parsed.error();
  EXPECT_EQ(e.code, ErrorCode::kLimitExceeded);
  EXPECT_EQ(e.where.column, 26u + 32u * 4u);
}

TEST(IndicatorParser, RefusesMoreConditionsThanTheLimitAtTheFirstOneTooMany) {
  EXPECT_TRUE(parse_indicator(or_chain(256)).has_value());
  const Error e = error_of(or_chain(257));
  EXPECT_EQ(e.code, ErrorCode::kLimitExceeded);
  EXPECT_EQ(e.where.column, 35u + 256u * 14u - 10u);  // the 257th field name
}

TEST(IndicatorParser, RefusesTextLongerThanTheLimitBeforeReadingIt) {
  Limits limits;
  limits.max_bytes = 40;
  auto parsed = parse_indicator("count(enterprises) where high_tech and above_size", limits);
  ASSERT_FALSE(parsed.has_value());
  EXPECT_EQ(parsed.error().code, ErrorCode::kLimitExceeded);
  EXPECT_EQ(parsed.error().where.column, 41u);
  EXPECT_EQ(error_of(std::string(Limits{}.max_bytes + 1, '(')).code, ErrorCode::kLimitExceeded);
}

TEST(IndicatorParser, CountsColumnsInCharactersAcrossALongText) {
  // Columns are counted on from token to token (linear time); they must still be characters.
  std::string text = "count(enterprises) where name = \"梅州\"";
  for (int i = 0; i < 100; ++i)
    text += " or name = \"梅州\"";
  text += " or";
  const Error e = error_of(text);
  EXPECT_EQ(e.code, ErrorCode::kSyntaxError);
  EXPECT_EQ(e.where.column, 36u + 100u * 15u + 3u + 1u);  // one past the trailing "or"
}

}  // namespace
}  // namespace atlas::query
