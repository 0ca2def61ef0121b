#include "model/period.hpp"

#include <gtest/gtest.h>

namespace atlas {
namespace {

Date date(std::string_view text) {
  const auto parsed = parse_date(text);
  EXPECT_TRUE(parsed.has_value()) << text << ": " << parsed.error().message;
  return parsed.value_or(Date{});
}

std::string date_error(std::string_view text) {
  const auto parsed = parse_date(text);
  EXPECT_FALSE(parsed.has_value()) << text << " parsed as " << parsed->to_string();
  if (parsed) return {};
  EXPECT_EQ(parsed.error().code, ErrorCode::kInvalidDate);
  return parsed.error().message;
}

Period period(std::string_view text) {
  const auto parsed = parse_period(text);
  EXPECT_TRUE(parsed.has_value()) << text << ": " << parsed.error().message;
  return parsed.value_or(Period{});
}

std::string period_error(std::string_view text) {
  const auto parsed = parse_period(text);
  EXPECT_FALSE(parsed.has_value()) << text << " parsed as " << parsed->to_string();
  if (parsed) return {};
  EXPECT_EQ(parsed.error().code, ErrorCode::kInvalidPeriod);
  return parsed.error().message;
}

TEST(MonthIndex, PacksYearAndMonthDensely) {
  EXPECT_EQ(month_index(2025, 1), 2025 * 12);
  EXPECT_EQ(month_index(2025, 12) + 1, month_index(2026, 1));
  EXPECT_EQ(year_of(month_index(2025, 9)), 2025);
  EXPECT_EQ(month_of(month_index(2025, 9)), 9);
}

TEST(ParseDate, KeepsThePrecisionTheSourceGave) {
  EXPECT_EQ(date("2021"), (Date{2021, 0, 0, DatePrecision::kYear}));
  EXPECT_EQ(date("2021-07"), (Date{2021, 7, 0, DatePrecision::kMonth}));
  EXPECT_EQ(date("2021-07-02"), (Date{2021, 7, 2, DatePrecision::kDay}));
  EXPECT_EQ(date(" 2021-07-02 "), (Date{2021, 7, 2, DatePrecision::kDay}));
}

TEST(ParseDate, KnowsLeapYears) {
  EXPECT_EQ(date("2024-02-29").day, 29);
  EXPECT_EQ(date("2000-02-29").day, 29);
  EXPECT_EQ(date_error("2021-02-29"), "\"2021-02-29\" is not a date: 2021-02 has 28 days");
  EXPECT_EQ(date_error("1900-02-29"), "\"1900-02-29\" is not a date: 1900-02 has 28 days");
  EXPECT_EQ(date_error("2021-02-30"), "\"2021-02-30\" is not a date: 2021-02 has 28 days");
  EXPECT_EQ(date_error("2021-04-31"), "\"2021-04-31\" is not a date: 2021-04 has 30 days");
}

TEST(ParseDate, RejectsMonthsAndDaysOutOfRange) {
  EXPECT_EQ(date_error("2021-13"), "\"2021-13\" is not a date: month 13 is not between 01 and 12");
  EXPECT_NE(date_error("2021-00-10").find("month 00"), std::string::npos);
  EXPECT_NE(date_error("2021-01-00").find("has 31 days"), std::string::npos);
  EXPECT_NE(date_error("0000").find("year 0000"), std::string::npos);
}

TEST(ParseDate, RejectsOtherShapes) {
  for (const char* text : {"", "21", "2021-7", "2021-07-2", "2021/07/02", "2021-07-02T00", "20210702",
                           "2021-07-02-", "abcd", "2021--07"}) {
    EXPECT_NE(date_error(text).find("write YYYY, YYYY-MM or YYYY-MM-DD"), std::string::npos) << text;
  }
}

TEST(Date, PrintsTheCanonicalForm) {
  EXPECT_EQ(date("2021").to_string(), "2021");
  EXPECT_EQ(date("2021-07").to_string(), "2021-07");
  EXPECT_EQ(date("2021-07-02").to_string(), "2021-07-02");
  EXPECT_EQ((Date{987, 3, 4, DatePrecision::kDay}).to_string(), "0987-03-04");
}

TEST(Date, SpansTheDaysItMayMean) {
  EXPECT_EQ(date("2021").first_day(), day_number(2021, 1, 1));
  EXPECT_EQ(date("2021").last_day(), day_number(2021, 12, 31));
  EXPECT_EQ(date("2024-02").first_day(), day_number(2024, 2, 1));
  EXPECT_EQ(date("2024-02").last_day(), day_number(2024, 2, 29));
  EXPECT_EQ(date("2021-07-02").first_day(), date("2021-07-02").last_day());
}

TEST(DayNumber, CountsDaysFromTheUnixEpoch) {
  EXPECT_EQ(day_number(1970, 1, 1), 0);
  EXPECT_EQ(day_number(1969, 12, 31), -1);
  EXPECT_EQ(day_number(2000, 3, 1), 11'017);
  EXPECT_EQ(day_number(2021, 7, 2), 18'810);
  EXPECT_EQ(day_number(2024, 3, 1) - day_number(2024, 2, 28), 2);
  EXPECT_EQ(day_number(2100, 3, 1) - day_number(2100, 2, 28), 1);
}

TEST(DayNumber, InvertsDateOfOverFourCenturies) {
  const DayNumber start = day_number(1800, 1, 1);
  const DayNumber end = day_number(2200, 12, 31);
  Date previous = date_of(start - 1);
  for (DayNumber d = start; d <= end; ++d) {
    const Date current = date_of(d);
    ASSERT_EQ(current.precision, DatePrecision::kDay);
    ASSERT_EQ(day_number(current.year, current.month, current.day), d) << current.to_string();
    ASSERT_LT(previous, current);
    ASSERT_LE(current.day, days_in_month(current.year, current.month));
    previous = current;
  }
}

TEST(DaysInMonth, FollowsTheGregorianCalendar) {
  EXPECT_EQ(days_in_month(2023, 2), 28);
  EXPECT_EQ(days_in_month(2024, 2), 29);
  EXPECT_EQ(days_in_month(1900, 2), 28);
  EXPECT_EQ(days_in_month(2000, 2), 29);
  EXPECT_EQ(days_in_month(2025, 4), 30);
  EXPECT_EQ(days_in_month(2025, 12), 31);
  EXPECT_EQ(days_in_month(2025, 13), 0);
}

TEST(ParsePeriod, ReadsYearsMonthsAndCumulativePeriods) {
  EXPECT_EQ(period("2020"), (Period{PeriodKind::kYear, month_index(2020, 1), month_index(2020, 12)}));
  EXPECT_EQ(period("2025-03"), (Period{PeriodKind::kMonth, month_index(2025, 3), month_index(2025, 3)}));
  EXPECT_EQ(period("2025-01~09"),
            (Period{PeriodKind::kCumulative, month_index(2025, 1), month_index(2025, 9)}));
  EXPECT_EQ(period("2025-01~02").last, month_index(2025, 2));
  EXPECT_EQ(period("2025-01~12").last, month_index(2025, 12));
  EXPECT_EQ(period("2025").year(), 2025);
}

TEST(ParsePeriod, ExplainsThatJanuaryIsReportedWithFebruary) {
  EXPECT_EQ(period_error("2025-01~01"),
            "\"2025-01~01\" is not a period: there is no cumulative figure for January alone; January "
            "and February are reported together (1–2月) as 2025-01~02");
  EXPECT_EQ(period_error("2025-02~02"),
            "\"2025-02~02\" is not a period: February has no cumulative figure of its own; it is reported "
            "together with January (1–2月) as 2025-01~02");
}

TEST(ParsePeriod, RequiresCumulativePeriodsToStartInJanuary) {
  EXPECT_EQ(period_error("2025-03~09"),
            "\"2025-03~09\" is not a period: a cumulative period starts in January: write 2025-01~09");
  EXPECT_NE(period_error("2025-02~05").find("write 2025-01~05"), std::string::npos);
  EXPECT_NE(period_error("2025-09~03").find("starts in January"), std::string::npos);
}

TEST(ParsePeriod, RejectsMonthsOutOfRange) {
  EXPECT_NE(period_error("2025-13").find("month 13 is not between 01 and 12"), std::string::npos);
  EXPECT_NE(period_error("2025-00").find("month 00"), std::string::npos);
  EXPECT_NE(period_error("2025-01~13").find("month 13"), std::string::npos);
  EXPECT_NE(period_error("2025-00~05").find("month 00"), std::string::npos);
}

TEST(ParsePeriod, RejectsOtherShapes) {
  for (const char* text : {"", "25", "2025-1", "2025-01~9", "2025-01-09", "2025-01~2025-09", "2025Q1",
                           "2025-01~", "2025~09", "abcd"}) {
    EXPECT_NE(period_error(text).find("write YYYY (a year), YYYY-MM (a month) or YYYY-01~MM"),
              std::string::npos)
        << text;
  }
  EXPECT_NE(period_error("0000").find("between 0001 and 5460"), std::string::npos);
  EXPECT_NE(period_error("6000-01").find("between 0001 and 5460"), std::string::npos);
}

TEST(Period, PrintsTheCanonicalFormThatParsesBack) {
  for (const char* text : {"2020", "2025-03", "2025-01~09", "2025-01~02", "2025-12", "0999"}) {
    EXPECT_EQ(period(text).to_string(), text);
  }
  EXPECT_EQ(period(" 2020 ").to_string(), "2020");
}

TEST(Period, IsPublishedByDefaultAtTheEndOfTheFollowingMonth) {
  EXPECT_EQ(period("2025-03").default_published(), day_number(2025, 4, 30));
  EXPECT_EQ(period("2025-01~09").default_published(), day_number(2025, 10, 31));
  EXPECT_EQ(period("2024-01~02").default_published(), day_number(2024, 3, 31));
  EXPECT_EQ(period("2025-12").default_published(), day_number(2026, 1, 31));
  EXPECT_EQ(period("2025").default_published(), day_number(2026, 1, 31));
  EXPECT_EQ(period("2024-01").default_published(), day_number(2024, 2, 29));
}

TEST(MakeDate, AcceptsExactlyWhatParseDateAccepts) {
  // A TOML date (issued = 0000-01-01) is built from parts: it must pass the same rule as text.
  EXPECT_EQ(make_date(2021, 7, 2, DatePrecision::kDay).value(), parse_date("2021-07-02").value());
  EXPECT_EQ(make_date(2021, 7, 0, DatePrecision::kMonth).value(), parse_date("2021-07").value());
  EXPECT_EQ(make_date(9999, 0, 0, DatePrecision::kYear).value(), parse_date("9999").value());
  EXPECT_EQ(make_date(1, 1, 1, DatePrecision::kDay).value(), parse_date("0001-01-01").value());
  const auto year_zero = make_date(0, 1, 1, DatePrecision::kDay);
  ASSERT_FALSE(year_zero);
  EXPECT_EQ(year_zero.error().code, ErrorCode::kInvalidDate);
  EXPECT_EQ(year_zero.error().message, "\"0000-01-01\" is not a date: year 0000 does not exist");
  EXPECT_FALSE(parse_date("0000-01-01"));
  EXPECT_FALSE(make_date(10000, 1, 1, DatePrecision::kDay));
  EXPECT_FALSE(make_date(-5, 1, 1, DatePrecision::kDay));
  EXPECT_FALSE(make_date(2021, 2, 29, DatePrecision::kDay));
  EXPECT_FALSE(make_date(2021, 13, 0, DatePrecision::kMonth));
  EXPECT_FALSE(make_date(2021, 7, 2, DatePrecision::kMonth));  // a month date has no day
  EXPECT_FALSE(make_date(2021, 7, 0, DatePrecision::kYear));
}

TEST(MakeDate, EveryDateItAcceptsRoundTripsThroughText) {
  for (int year : {1, 4, 1900, 2000, 2024, 9999}) {
    for (int month = 1; month <= 12; ++month) {
      for (int day = 1; day <= days_in_month(year, month); ++day) {
        const auto date = make_date(year, month, day, DatePrecision::kDay);
        ASSERT_TRUE(date);
        EXPECT_EQ(parse_date(date->to_string()).value(), *date);
      }
    }
  }
}

TEST(CheckYear, BoundsYearsToFourDigits) {
  EXPECT_EQ(check_year(2025).value(), 2025);
  EXPECT_EQ(check_year(1).value(), 1);
  EXPECT_EQ(check_year(9999).value(), 9999);
  EXPECT_FALSE(check_year(0));
  EXPECT_FALSE(check_year(10000));
  EXPECT_FALSE(check_year(-2025));
  EXPECT_EQ(check_year(4294969321).error().message, "year 4294969321 is not between 0001 and 9999");
}

}  // namespace
}  // namespace atlas
