// Calendar values: dates with a precision, months as dense indices, and observation periods.
#pragma once

#include <compare>
#include <cstdint>
#include <string>
#include <string_view>

#include "model/error.hpp"

namespace atlas {

/// Months since year 0: index = year * 12 + (month - 1). Dense and cheap to compare.
using MonthIndex = std::uint16_t;

[[nodiscard]] constexpr MonthIndex month_index(int year, int month) {
  return static_cast<MonthIndex>(year * 12 + (month - 1));
}
[[nodiscard]] constexpr int year_of(MonthIndex m) {
  return m / 12;
}
[[nodiscard]] constexpr int month_of(MonthIndex m) {
  return m % 12 + 1;
}

/// Days since 1970-01-01 (proleptic Gregorian), for `as_of` comparisons.
using DayNumber = std::int32_t;

enum class DatePrecision : std::uint8_t { kYear, kMonth, kDay };

/// A date as the sources give it: `2021`, `2021-07` or `2021-07-02`.
struct Date {
  std::int16_t year = 0;
  std::uint8_t month = 0;  // 0 when precision is kYear
  std::uint8_t day = 0;    // 0 unless precision is kDay
  DatePrecision precision = DatePrecision::kDay;

  /// First and last day that the date may mean (`2021` → 2021-01-01 … 2021-12-31).
  [[nodiscard]] DayNumber first_day() const;
  [[nodiscard]] DayNumber last_day() const;
  [[nodiscard]] std::string to_string() const;
  constexpr auto operator<=>(const Date&) const = default;
};

/// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; kInvalidDate otherwise (incl. 2021-02-30 and year 0000).
[[nodiscard]] Result<Date> parse_date(std::string_view text);

/// The years a date, a plan's start / end or a target's deadline may name: 0001–9999, the years
/// `YYYY` can write (there is no year 0 in the calendar the plan uses).
inline constexpr int kMinYear = 1;
inline constexpr int kMaxYear = 9999;

/// The one rule for dates built from parts (a TOML date, a test): the Date when it is a date
/// parse_date accepts, and so one that Date::to_string writes and the store reads back — a year in
/// kMinYear…kMaxYear, a month 1–12 unless the precision is kYear (then month and day are 0), a day
/// of that month for kDay (else 0). kInvalidDate with a message naming the date otherwise.
[[nodiscard]] Result<Date> make_date(int year, int month, int day, DatePrecision precision);

/// `year` when it is in kMinYear…kMaxYear; kInvalidDate ("year 0 is not between 0001 and 9999") otherwise.
[[nodiscard]] Result<int> check_year(std::int64_t year);

[[nodiscard]] DayNumber day_number(int year, int month, int day);
[[nodiscard]] Date date_of(DayNumber day);
[[nodiscard]] int days_in_month(int year, int month);

enum class PeriodKind : std::uint8_t {
  kYear,        // `2020`: the whole year (年度)
  kMonth,       // `2025-03`: one month (当月)
  kCumulative,  // `2025-01~09`: January to the month, year to date (1–9月累计)
};

/// The span an observation covers: months [first, last], both inclusive, within one year.
struct Period {
  PeriodKind kind = PeriodKind::kYear;
  MonthIndex first = 0;
  MonthIndex last = 0;

  [[nodiscard]] int year() const { return year_of(first); }
  /// Canonical text: `2020`, `2025-03`, `2025-01~09`.
  [[nodiscard]] std::string to_string() const;
  /// The last day of the month after the period ends: when a figure counts as known by default.
  [[nodiscard]] DayNumber default_published() const;
  constexpr auto operator<=>(const Period&) const = default;
};

/// Parses an observation period. `2025-02~02` and cumulative periods not starting in January are
/// kInvalidPeriod (January and February are reported together as `2025-01~02`).
[[nodiscard]] Result<Period> parse_period(std::string_view text);

}  // namespace atlas
