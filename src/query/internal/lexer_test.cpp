#include "query/internal/lexer.hpp"

#include <gtest/gtest.h>

namespace atlas::query::internal {
namespace {

std::vector<Token> tokens_of(std::string_view text) {
  auto tokens = lex(text);
  EXPECT_TRUE(tokens.has_value()) << (tokens ? "" : tokens.error().to_string());
  return tokens ? *tokens : std::vector<Token>{};
}

std::vector<TokenKind> kinds_of(std::string_view text) {
  std::vector<TokenKind> kinds;
  for (const auto& t : tokens_of(text))
    kinds.push_back(t.kind);
  return kinds;
}

using enum TokenKind;

TEST(IndicatorLexer, SplitsAnIndicatorIntoKeywordsNamesAndPunctuation) {
  EXPECT_EQ(kinds_of("count(enterprises) where segment = \"nev\" in 2025"),
            (std::vector{kIdentifier, kLeftParen, kIdentifier, kRightParen, kWhere, kIdentifier, kEqual,
                         kString, kIn, kNumber, kEnd}));
}

TEST(IndicatorLexer, ReadsEveryComparisonOperator) {
  EXPECT_EQ(kinds_of("= != < <= > >="),
            (std::vector{kEqual, kNotEqual, kLess, kLessEqual, kGreater, kGreaterEqual, kEnd}));
  EXPECT_EQ(kinds_of("≥ ≤"), (std::vector{kGreaterEqual, kLessEqual, kEnd}));
}

TEST(IndicatorLexer, KeepsAmountsWithTheirChineseUnitInOneToken) {
  auto tokens = tokens_of("10亿 5000万 1,234.5万元 2.5e9 12元");
  ASSERT_EQ(tokens.size(), 6u);
  EXPECT_EQ(tokens[0].text, "10亿");
  EXPECT_EQ(tokens[1].text, "5000万");
  EXPECT_EQ(tokens[2].text, "1,234.5万元");
  EXPECT_EQ(tokens[3].text, "2.5e9");
  EXPECT_EQ(tokens[4].text, "12元");
}

TEST(IndicatorLexer, SplitsAYearRangeAtTheTwoDots) {
  auto tokens = tokens_of("2021..2025");
  ASSERT_EQ(tokens.size(), 4u);
  EXPECT_EQ(tokens[0].text, "2021");
  EXPECT_EQ(tokens[1].kind, kDotDot);
  EXPECT_EQ(tokens[2].text, "2025");
}

TEST(IndicatorLexer, ReadsMonthsAndCumulativeMonthsAsOneToken) {
  auto tokens = tokens_of("2025-09 2025-01~09");
  ASSERT_EQ(tokens.size(), 3u);
  EXPECT_EQ(tokens[0].kind, kMonthly);
  EXPECT_EQ(tokens[0].text, "2025-09");
  EXPECT_EQ(tokens[1].text, "2025-01~09");
}

TEST(IndicatorLexer, JoinsHyphenatedWordsButNotAHyphenBeforeANumber) {
  auto tokens = tokens_of("full-production gac-park");
  EXPECT_EQ(tokens[0].text, "full-production");
  EXPECT_EQ(tokens[1].text, "gac-park");
}

TEST(IndicatorLexer, DecodesEscapesInStrings) {
  auto tokens = tokens_of(R"("a\"b\\c" "梅州")");
  EXPECT_EQ(tokens[0].text, "a\"b\\c");
  EXPECT_EQ(tokens[1].text, "梅州");
}

TEST(IndicatorLexer, CountsColumnsInCharactersNotBytes) {
  auto tokens = tokens_of("\"梅州市\" = 10亿 x");
  EXPECT_EQ(tokens[1].pos.column, 7u);  // after 5 characters and a space
  EXPECT_EQ(tokens[2].pos.column, 9u);
  EXPECT_EQ(tokens[3].pos.column, 13u);  // 10亿 is three columns
  EXPECT_EQ(tokens[3].pos.offset, 20u);  // but five bytes
}

TEST(IndicatorLexer, ReportsTheColumnOfAnUnexpectedCharacter) {
  auto tokens = lex("count(enterprises) where 产值 > 1");
  ASSERT_FALSE(tokens.has_value());
  EXPECT_EQ(tokens.error().code, ErrorCode::kSyntaxError);
  EXPECT_EQ(tokens.error().where.column, 26u);
  EXPECT_NE(tokens.error().message.find("\"产\""), std::string::npos);
}

TEST(IndicatorLexer, ReportsAnUnterminatedStringAtItsOpeningQuote) {
  auto tokens = lex("zone = \"gac-park");
  ASSERT_FALSE(tokens.has_value());
  EXPECT_EQ(tokens.error().where.column, 8u);
  EXPECT_NE(tokens.error().message.find("unterminated"), std::string::npos);
}

TEST(IndicatorLexer, ExplainsFullWidthPunctuationAndDoubleEquals) {
  auto wide = lex("count（enterprises）");
  ASSERT_FALSE(wide.has_value());
  EXPECT_EQ(wide.error().where.column, 6u);
  EXPECT_NE(wide.error().message.find("\"(\""), std::string::npos);
  auto twice = lex("a == \"b\"");
  ASSERT_FALSE(twice.has_value());
  EXPECT_EQ(twice.error().where.column, 3u);
  EXPECT_NE(twice.error().message.find("single equals"), std::string::npos);
}

TEST(IndicatorLexer, PutsTheEndTokenOnePastTheLastCharacter) {
  auto tokens = tokens_of("\"梅州\"");
  ASSERT_EQ(tokens.size(), 2u);
  EXPECT_EQ(tokens[1].kind, kEnd);
  EXPECT_EQ(tokens[1].pos.column, 5u);
}

}  // namespace
}  // namespace atlas::query::internal
