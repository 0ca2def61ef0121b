#include "model/period.hpp"

#include <algorithm>
#include <optional>

#include <fmt/format.h>

namespace atlas {
namespace {

constexpr int kMaxPeriodYear = 5460;  // the last year whose December fits a MonthIndex

std::string_view trim(std::string_view s) {
  const auto first = s.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return {};
  const auto last = s.find_last_not_of(" \t\r\n");
  return s.substr(first, last - first + 1);
}

// The value of text[pos, pos + width) when it is all ASCII digits.
std::optional<int> fixed_digits(std::string_view text, std::size_t pos, std::size_t width) {
  if (pos + width > text.size()) return std::nullopt;
  int value = 0;
  for (const char c : text.substr(pos, width)) {
    if (c < '0' || c > '9') return std::nullopt;
    value = value * 10 + (c - '0');
  }
  return value;
}

bool is_leap(int year) {
  return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

// `YYYY`, `YYYY-MM` or `YYYY-MM-DD` split into numbers, or nothing when the shape is wrong.
struct DateParts {
  std::optional<int> year, month, day;
  DatePrecision precision = DatePrecision::kYear;
};

std::optional<DateParts> split_date(std::string_view t) {
  DateParts parts;
  parts.year = fixed_digits(t, 0, 4);
  if (t.size() >= 7 && t[4] == '-') parts.month = fixed_digits(t, 5, 2);
  if (t.size() == 10 && t[7] == '-') parts.day = fixed_digits(t, 8, 2);
  if (t.size() == 4 && parts.year) return parts;
  parts.precision = DatePrecision::kMonth;
  if (t.size() == 7 && parts.year && parts.month) return parts;
  parts.precision = DatePrecision::kDay;
  if (t.size() == 10 && parts.year && parts.month && parts.day) return parts;
  return std::nullopt;
}

// Why a month / day is out of range, or nothing.
std::optional<std::string> month_problem(int month) {
  if (month >= 1 && month <= 12) return std::nullopt;
  return fmt::format("month {:02} is not between 01 and 12", month);
}

std::optional<std::string> date_problem(int year, int month, int day, DatePrecision precision) {
  if (year < kMinYear || year > kMaxYear) {
    return year == 0 ? std::string("year 0000 does not exist")
                     : fmt::format("year {} is not between {:04} and {}", year, kMinYear, kMaxYear);
  }
  if (precision == DatePrecision::kYear) {
    if (month != 0 || day != 0) return std::string("a year date has no month or day");
    return std::nullopt;
  }
  if (auto problem = month_problem(month)) return problem;
  if (precision == DatePrecision::kMonth) {
    if (day != 0) return std::string("a month date has no day");
    return std::nullopt;
  }
  const int days = days_in_month(year, month);
  if (day < 1 || day > days) return fmt::format("{:04}-{:02} has {} days", year, month, days);
  return std::nullopt;
}

Result<Period> cumulative_period(std::string_view text, int year, int first, int last) {
  const auto problem = [&](std::string why) {
    return fail(ErrorCode::kInvalidPeriod, fmt::format("\"{}\" is not a period: {}", text, why));
  };
  if (auto why = month_problem(first)) return problem(*why);
  if (auto why = month_problem(last)) return problem(*why);
  if (first == 1 && last == 1) {
    return problem(
        fmt::format("there is no cumulative figure for January alone; January and February are reported "
                    "together (1–2月) as {:04}-01~02",
                    year));
  }
  if (first == 2 && last == 2) {
    return problem(fmt::format(
        "February has no cumulative figure of its own; it is reported together with January (1–2月) "
        "as {:04}-01~02",
        year));
  }
  if (first != 1) {
    return problem(
        fmt::format("a cumulative period starts in January: write {:04}-01~{:02}", year, std::max(last, 2)));
  }
  return Period{PeriodKind::kCumulative, month_index(year, 1), month_index(year, last)};
}

}  // namespace

int days_in_month(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12) return 0;
  return month == 2 && is_leap(year) ? 29 : kDays[month - 1];
}

// Howard Hinnant's days_from_civil (http://howardhinnant.github.io/date_algorithms.html).
DayNumber day_number(int year, int month, int day) {
  year -= month <= 2 ? 1 : 0;
  const int era = (year >= 0 ? year : year - 399) / 400;
  const int year_of_era = year - era * 400;
  const int day_of_year = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
  const int day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
  return era * 146097 + day_of_era - 719468;
}

// Howard Hinnant's civil_from_days.
Date date_of(DayNumber day) {
  const std::int64_t z = static_cast<std::int64_t>(day) + 719468;
  const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const std::int64_t day_of_era = z - era * 146097;
  const std::int64_t year_of_era =
      (day_of_era - day_of_era / 1460 + day_of_era / 36524 - day_of_era / 146096) / 365;
  const std::int64_t day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
  const std::int64_t shifted_month = (5 * day_of_year + 2) / 153;  // March = 0
  const std::int64_t month = shifted_month < 10 ? shifted_month + 3 : shifted_month - 9;
  const std::int64_t year = year_of_era + era * 400 + (month <= 2 ? 1 : 0);
  return Date{static_cast<std::int16_t>(year), static_cast<std::uint8_t>(month),
              static_cast<std::uint8_t>(day_of_year - (153 * shifted_month + 2) / 5 + 1),
              DatePrecision::kDay};
}

DayNumber Date::first_day() const {
  switch (precision) {
    case DatePrecision::kYear:
      return day_number(year, 1, 1);
    case DatePrecision::kMonth:
      return day_number(year, month, 1);
    case DatePrecision::kDay:
      break;
  }
  return day_number(year, month, day);
}

DayNumber Date::last_day() const {
  switch (precision) {
    case DatePrecision::kYear:
      return day_number(year, 12, 31);
    case DatePrecision::kMonth:
      return day_number(year, month, days_in_month(year, month));
    case DatePrecision::kDay:
      break;
  }
  return day_number(year, month, day);
}

std::string Date::to_string() const {
  switch (precision) {
    case DatePrecision::kYear:
      return fmt::format("{:04}", year);
    case DatePrecision::kMonth:
      return fmt::format("{:04}-{:02}", year, month);
    case DatePrecision::kDay:
      break;
  }
  return fmt::format("{:04}-{:02}-{:02}", year, month, day);
}

Result<Date> parse_date(std::string_view text) {
  const auto parts = split_date(trim(text));
  if (!parts) {
    return fail(ErrorCode::kInvalidDate,
                fmt::format("\"{}\" is not a date: write YYYY, YYYY-MM or YYYY-MM-DD", text));
  }
  const int month = parts->month.value_or(0);
  const int day = parts->day.value_or(0);
  if (auto problem = date_problem(*parts->year, month, day, parts->precision)) {
    return fail(ErrorCode::kInvalidDate, fmt::format("\"{}\" is not a date: {}", text, *problem));
  }
  return Date{static_cast<std::int16_t>(*parts->year), static_cast<std::uint8_t>(month),
              static_cast<std::uint8_t>(day), parts->precision};
}

Result<Date> make_date(int year, int month, int day, DatePrecision precision) {
  if (auto problem = date_problem(year, month, day, precision)) {
    const std::string text = precision == DatePrecision::kYear ? fmt::format("{:04}", year)
                             : precision == DatePrecision::kMonth
                                 ? fmt::format("{:04}-{:02}", year, month)
                                 : fmt::format("{:04}-{:02}-{:02}", year, month, day);
    return fail(ErrorCode::kInvalidDate, fmt::format("\"{}\" is not a date: {}", text, *problem));
  }
  return Date{static_cast<std::int16_t>(year), static_cast<std::uint8_t>(month),
              static_cast<std::uint8_t>(day), precision};
}

Result<int> check_year(std::int64_t year) {
  if (year >= kMinYear && year <= kMaxYear) return static_cast<int>(year);
  return fail(ErrorCode::kInvalidDate,
              fmt::format("year {} is not between {:04} and {}", year, kMinYear, kMaxYear));
}

std::string Period::to_string() const {
  switch (kind) {
    case PeriodKind::kYear:
      return fmt::format("{:04}", year_of(first));
    case PeriodKind::kMonth:
      return fmt::format("{:04}-{:02}", year_of(first), month_of(first));
    case PeriodKind::kCumulative:
      break;
  }
  return fmt::format("{:04}-{:02}~{:02}", year_of(first), month_of(first), month_of(last));
}

DayNumber Period::default_published() const {
  const auto next = static_cast<MonthIndex>(last + 1);
  return day_number(year_of(next), month_of(next), days_in_month(year_of(next), month_of(next)));
}

Result<Period> parse_period(std::string_view text) {
  const std::string_view t = trim(text);
  const auto problem = [&](std::string why) {
    return fail(ErrorCode::kInvalidPeriod, fmt::format("\"{}\" is not a period: {}", text, why));
  };
  const auto year = fixed_digits(t, 0, 4);
  const bool month_shape = t.size() == 7 && t[4] == '-';
  const bool cumulative_shape = t.size() == 10 && t[4] == '-' && t[7] == '~';
  const auto first = fixed_digits(t, 5, 2);
  const auto last = cumulative_shape ? fixed_digits(t, 8, 2) : first;
  if (!year || (t.size() != 4 && !((month_shape || cumulative_shape) && first && last))) {
    return problem("write YYYY (a year), YYYY-MM (a month) or YYYY-01~MM (January to a month)");
  }
  if (*year < 1 || *year > kMaxPeriodYear) {
    return problem(fmt::format("the year must be between 0001 and {}", kMaxPeriodYear));
  }
  if (t.size() == 4) return Period{PeriodKind::kYear, month_index(*year, 1), month_index(*year, 12)};
  if (cumulative_shape) return cumulative_period(text, *year, *first, *last);
  if (auto why = month_problem(*first)) return problem(*why);
  return Period{PeriodKind::kMonth, month_index(*year, *first), month_index(*year, *first)};
}

}  // namespace atlas
