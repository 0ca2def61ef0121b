#include "model/units.hpp"

#include <limits>
#include <random>

#include <fmt/format.h>
#include <gtest/gtest.h>

namespace atlas {
namespace {

constexpr std::int64_t kMax = std::numeric_limits<std::int64_t>::max();

std::int64_t amount(std::string_view text) {
  const auto parsed = parse_amount(text);
  EXPECT_TRUE(parsed.has_value()) << text << ": " << parsed.error().message;
  return parsed.value_or(-1);
}

std::string amount_error(std::string_view text) {
  const auto parsed = parse_amount(text);
  EXPECT_FALSE(parsed.has_value()) << text << " parsed as " << parsed.value_or(0);
  if (parsed) return {};
  EXPECT_EQ(parsed.error().code, ErrorCode::kInvalidAmount);
  return parsed.error().message;
}

TEST(ParseAmount, ReadsThePlanUnitsExactly) {
  EXPECT_EQ(amount("27.19亿"), 2'719'000'000);
  EXPECT_EQ(amount("27.19亿元"), 2'719'000'000);
  EXPECT_EQ(amount("5000万"), 50'000'000);
  EXPECT_EQ(amount("5000万元"), 50'000'000);
  EXPECT_EQ(amount("12元"), 12);
  EXPECT_EQ(amount("1200000"), 1'200'000);
  EXPECT_EQ(amount("0"), 0);
}

TEST(ParseAmount, UsesExactDecimalArithmeticWhereADoubleWouldRound) {
  EXPECT_EQ(amount("0.1亿"), 10'000'000);
  EXPECT_EQ(amount("0.29亿"), 29'000'000);  // 0.29 * 1e8 is 28999999.999999996 in double
  EXPECT_EQ(amount("1.13万"), 11'300);      // 1.13 * 1e4 is 11299.999999999998 in double
  EXPECT_EQ(amount("0.57亿"), 57'000'000);  // 0.57 * 1e8 is 56999999.99999999 in double
  EXPECT_EQ(amount("0.00000001亿"), 1);
  EXPECT_EQ(amount("92233720368.54775807亿"), kMax);
}

TEST(ParseAmount, AcceptsThousandsSeparatorsInTheIntegerPart) {
  EXPECT_EQ(amount("1,234.5万元"), 12'345'000);
  EXPECT_EQ(amount("1,234,567"), 1'234'567);
  EXPECT_EQ(amount("999,999元"), 999'999);
}

TEST(ParseAmount, AcceptsScientificNotation) {
  EXPECT_EQ(amount("2.5e9"), 2'500'000'000);
  EXPECT_EQ(amount("2.5E9"), 2'500'000'000);
  EXPECT_EQ(amount("3e0"), 3);
  EXPECT_EQ(amount("1.2e+3"), 1'200);
  EXPECT_EQ(amount("25000e-4万"), 25'000);
  EXPECT_EQ(amount("0e999999999999"), 0);
}

TEST(ParseAmount, IgnoresSurroundingSpacesAndSpacesBeforeTheUnit) {
  EXPECT_EQ(amount("  27.19 亿 "), 2'719'000'000);
  EXPECT_EQ(amount("5000 万元"), 50'000'000);
}

TEST(ParseAmount, KeepsTrailingZerosOfTheFraction) {
  EXPECT_EQ(amount("10.50万"), 105'000);
  EXPECT_EQ(amount("1.000000000000000000000000亿"), 100'000'000);
  EXPECT_EQ(amount("000012"), 12);
}

TEST(ParseAmount, RejectsEmptyText) {
  EXPECT_NE(amount_error("").find("there are no digits"), std::string::npos);
  EXPECT_NE(amount_error("   ").find("there are no digits"), std::string::npos);
  EXPECT_NE(amount_error("亿").find("there are no digits"), std::string::npos);
}

TEST(ParseAmount, RejectsNegativeAmounts) {
  EXPECT_EQ(amount_error("-5亿"), "\"-5亿\" is not an amount: an amount cannot be negative");
  EXPECT_NE(amount_error("-0").find("negative"), std::string::npos);
}

TEST(ParseAmount, QuotesTheTextAndSaysWhatIsWrong) {
  EXPECT_EQ(amount_error("12.3.4亿"), "\"12.3.4亿\" is not an amount: it has more than one decimal point");
  EXPECT_EQ(amount_error("abc"), "\"abc\" is not an amount: it does not start with a digit");
  EXPECT_EQ(
      amount_error("12x"),
      "\"12x\" is not an amount: unexpected \"x\" (write digits, optionally followed by 万亿, 亿, 万 or 元)");
  EXPECT_NE(amount_error("5亿万").find("unexpected \"亿\""), std::string::npos);
  EXPECT_NE(amount_error("2.5e").find("the exponent has no digits"), std::string::npos);
  EXPECT_NE(amount_error("5.").find("decimal point is not followed by a digit"), std::string::npos);
  EXPECT_NE(amount_error(".5亿").find("does not start with a digit"), std::string::npos);
  EXPECT_NE(amount_error("+5").find("does not start with a digit"), std::string::npos);
  EXPECT_NE(amount_error("1.5,000").find("before the decimal point"), std::string::npos);
}

TEST(ParseAmount, RejectsMisplacedThousandsSeparators) {
  for (const char* text : {"1,23", "1234,567", ",123", "1,,234", "12,3456", "1,234,"}) {
    EXPECT_NE(amount_error(text).find("groups of exactly three digits"), std::string::npos) << text;
  }
}

TEST(ParseAmount, RejectsAmountsThatOverflow) {
  EXPECT_NE(amount_error("9223372036854775808").find("larger than the maximum"), std::string::npos);
  EXPECT_NE(amount_error("92233720368.54775808亿").find("larger than the maximum"), std::string::npos);
  EXPECT_NE(amount_error("1e19").find("larger than the maximum"), std::string::npos);
  EXPECT_NE(amount_error("1e99999999999999999999").find("larger than the maximum"), std::string::npos);
  EXPECT_NE(amount_error("123456789012345678901234567890").find("larger"), std::string::npos);
}

TEST(ParseAmount, RejectsFractionsOfAYuan) {
  EXPECT_EQ(amount_error("0.5元"), "\"0.5元\" is not an amount: it is not a whole number of yuan");
  EXPECT_NE(amount_error("0.000000001亿").find("whole number"), std::string::npos);
  EXPECT_NE(amount_error("2.5e-1").find("whole number"), std::string::npos);
  EXPECT_NE(amount_error("1.00000000000000000000000000001亿").find("whole number"), std::string::npos);
}

TEST(ParseAmount, ReadsWanYi) {
  EXPECT_EQ(amount("1.35万亿"), 1'350'000'000'000);  // a province's 2025 output goal
  EXPECT_EQ(amount("1.35万亿元"), 1'350'000'000'000);
  EXPECT_EQ(amount("3.88 万亿元"), 3'880'000'000'000);
  EXPECT_EQ(amount("13500亿"), amount("1.35万亿"));
  EXPECT_NE(amount_error("9300000万亿").find("larger than the maximum"), std::string::npos);
}

TEST(ParseCount, ReadsMultipliersAsPlansWriteCounts) {
  EXPECT_EQ(parse_count("530万"), 5'300'000);  // vehicles
  EXPECT_EQ(parse_count("1.5万"), 15'000);
  EXPECT_EQ(parse_count("2亿"), 200'000'000);
  EXPECT_EQ(parse_count("1.2万亿"), 1'200'000'000'000);
  EXPECT_EQ(parse_count("1,234.5万"), 12'345'000);
  EXPECT_EQ(parse_count("530 万"), 5'300'000);
  EXPECT_EQ(parse_count("1.23456万").error().message,
            "\"1.23456万\" is not a count: it is not a whole number");
  EXPECT_FALSE(parse_count("5万元").has_value());  // money is not a count
  EXPECT_FALSE(parse_count("万").has_value());
  EXPECT_FALSE(parse_count("99999999万亿").has_value());
}

TEST(ParseCount, ReadsPlainAndGroupedIntegers) {
  EXPECT_EQ(parse_count("15"), 15);
  EXPECT_EQ(parse_count("1,234"), 1'234);
  EXPECT_EQ(parse_count(" 0 "), 0);
  EXPECT_EQ(parse_count("9223372036854775807"), kMax);
}

TEST(ParseCount, RejectsAnythingButANonNegativeInteger) {
  for (const char* text :
       {"", "-1", "1.5", "2e3", "5万元", "1.5e3万", "abc", "1,23", "9223372036854775808"}) {
    const auto parsed = parse_count(text);
    ASSERT_FALSE(parsed.has_value()) << text;
    EXPECT_EQ(parsed.error().code, ErrorCode::kInvalidValue) << text;
    EXPECT_TRUE(parsed.error().message.starts_with(fmt::format("\"{}\" is not a count: ", text)))
        << parsed.error().message;
  }
}

TEST(FormatAmount, UsesTheShortestFormInThePlanUnits) {
  EXPECT_EQ(format_amount(2'719'000'000), "27.19亿");
  EXPECT_EQ(format_amount(50'000'000), "5000万");
  EXPECT_EQ(format_amount(12), "12");
  EXPECT_EQ(format_amount(0), "0");
  EXPECT_EQ(format_amount(10'000), "1万");
  EXPECT_EQ(format_amount(15'000), "1.5万");
  EXPECT_EQ(format_amount(100'000'000), "1亿");
  EXPECT_EQ(format_amount(150'000'000), "1.5亿");
  EXPECT_EQ(format_amount(12'345), "12345");           // "1.2345万" is longer
  EXPECT_EQ(format_amount(123'456'789), "123456789");  // "1.23456789亿" is longer
  EXPECT_EQ(format_amount(1'234'500), "123.45万");     // a tie goes to the unit
  EXPECT_EQ(format_amount(kMax), "9223372036854775807");
}

TEST(FormatAmount, ShowsNegativeDifferencesWithASign) {
  EXPECT_EQ(format_amount(-2'719'000'000), "-27.19亿");
  EXPECT_EQ(format_amount(std::numeric_limits<std::int64_t>::min()), "-9223372036854775808");
}

void expect_round_trip(std::int64_t yuan) {
  const std::string text = format_amount(yuan);
  const auto parsed = parse_amount(text);
  ASSERT_TRUE(parsed.has_value()) << yuan << " → " << text << ": " << parsed.error().message;
  EXPECT_EQ(*parsed, yuan) << text;
  EXPECT_LE(text.size(), std::to_string(yuan).size() + 2) << "not shorter than plain digits: " << text;
}

TEST(FormatAmount, RoundTripsThroughParseAmountForEdgeValues) {
  for (int exponent = 0; exponent <= 18; ++exponent) {
    std::int64_t power = 1;
    for (int i = 0; i < exponent; ++i)
      power *= 10;
    for (const std::int64_t factor : {1, 5, 27, 99}) {
      if (power > kMax / factor) continue;
      for (const std::int64_t v : {factor * power - 1, factor * power, factor * power + 1})
        expect_round_trip(v);
    }
  }
  expect_round_trip(0);
  expect_round_trip(kMax);
  expect_round_trip(kMax - 1);
}

TEST(FormatAmount, RoundTripsThroughParseAmountForRandomValues) {
  std::mt19937_64 random(20210514);
  std::uniform_int_distribution<std::int64_t> any(0, kMax);
  std::uniform_int_distribution<std::int64_t> mantissa(0, 99'999);
  std::uniform_int_distribution<int> zeros(0, 13);  // 99999e13 still fits in int64
  for (int i = 0; i < 20'000; ++i) {
    expect_round_trip(any(random));
    std::int64_t round = mantissa(random);  // values that end in zeros, as plan figures do
    for (int z = zeros(random); z > 0; --z)
      round *= 10;
    expect_round_trip(round);
  }
}

TEST(FormatYi, RoundsHalfAwayFromZero) {
  EXPECT_EQ(format_yi(2'719'000'000), "27.19亿");
  EXPECT_EQ(format_yi(2'719'500'000), "27.20亿");
  EXPECT_EQ(format_yi(2'719'499'999), "27.19亿");
  EXPECT_EQ(format_yi(-2'719'500'000), "-27.20亿");
  EXPECT_EQ(format_yi(-2'719'499'999), "-27.19亿");
  EXPECT_EQ(format_yi(50'000'000, 0), "1亿");
  EXPECT_EQ(format_yi(49'999'999, 0), "0亿");
}

TEST(FormatYi, PrintsTheRequestedNumberOfDecimals) {
  EXPECT_EQ(format_yi(0), "0.00亿");
  EXPECT_EQ(format_yi(100'000'000, 1), "1.0亿");
  EXPECT_EQ(format_yi(123'456'789, 4), "1.2346亿");
  EXPECT_EQ(format_yi(123'456'789, 8), "1.23456789亿");
  EXPECT_EQ(format_yi(123'456'789, 10), "1.2345678900亿");
  EXPECT_EQ(format_yi(5'000'000, 1), "0.1亿");
  EXPECT_EQ(format_yi(kMax, 2), "92233720368.55亿");
}

TEST(FormatYi, NeverShowsMinusZero) {
  EXPECT_EQ(format_yi(-1), "0.00亿");
  EXPECT_EQ(format_yi(-499'999), "0.00亿");
  EXPECT_EQ(format_yi(-500'000), "-0.01亿");
  EXPECT_EQ(format_yi(std::numeric_limits<std::int64_t>::min(), 0), "-92233720369亿");
}

TEST(ParsePercent, ReadsPercentsExactlyInMillionths) {
  EXPECT_EQ(parse_percent("18%").value_or(-1), 180'000);
  EXPECT_EQ(parse_percent(" 18.5 % ").value_or(-1), 185'000);
  EXPECT_EQ(parse_percent("0.25％").value_or(-1), 2'500);
  EXPECT_EQ(parse_percent("0.0001%").value_or(-1), 1);
  EXPECT_EQ(parse_percent("1,200%").value_or(-1), 12'000'000);
  EXPECT_EQ(parse_percent("0%").value_or(-1), 0);
}

TEST(ParsePercent, RefusesWhatIsNotAPercentAndSaysWhy) {
  auto why = [](std::string_view text) {
    const auto parsed = parse_percent(text);
    EXPECT_FALSE(parsed.has_value()) << text;
    if (parsed) return std::string();
    EXPECT_EQ(parsed.error().code, ErrorCode::kInvalidValue);
    return parsed.error().message;
  };
  EXPECT_EQ(why("18"), "\"18\" is not a percent: it does not end with % (write 18% for eighteen percent)");
  EXPECT_EQ(why("0.18"),
            "\"0.18\" is not a percent: it does not end with % (write 18% for eighteen percent)");
  EXPECT_EQ(why("%"), "\"%\" is not a percent: there are no digits");
  EXPECT_EQ(why("-3%"), "\"-3%\" is not a percent: a percent cannot be negative");
  EXPECT_EQ(why("0.00001%"), "\"0.00001%\" is not a percent: it is finer than 0.0001%");
  EXPECT_EQ(why("1.2.3%"), "\"1.2.3%\" is not a percent: it has more than one decimal point");
  EXPECT_EQ(
      why("18亿%"),
      "\"18亿%\" is not a percent: unexpected \"亿\" (write digits followed by %, such as 18% or 2.5%)");
  EXPECT_EQ(why("1e3%"),
            "\"1e3%\" is not a percent: unexpected \"e3\" (write digits followed by %, such as 18% or 2.5%)");
  EXPECT_EQ(why("99999999999999999%"), "\"99999999999999999%\" is not a percent: it is too large");
}

TEST(FormatPercent, PrintsTheShortestExactPercentAndRoundTrips) {
  EXPECT_EQ(format_percent(180'000), "18%");
  EXPECT_EQ(format_percent(185'000), "18.5%");
  EXPECT_EQ(format_percent(1), "0.0001%");
  EXPECT_EQ(format_percent(0), "0%");
  EXPECT_EQ(format_percent(-25'000), "-2.5%");
  std::mt19937_64 random(7);
  for (int i = 0; i < 1000; ++i) {
    const auto v = static_cast<std::int64_t>(random() % 100'000'000'000ULL);
    EXPECT_EQ(parse_percent(format_percent(v)).value_or(-1), v) << v;
  }
}

}  // namespace
}  // namespace atlas
