#include "query/internal/period_literal.hpp"

#include <charconv>

#include <fmt/format.h>

namespace atlas::query::internal {
namespace {

constexpr int kFirstYear = 1000;
constexpr int kLastYear = 5000;  // MonthIndex is 16 bits
constexpr std::string_view kForms = "a period such as 2025, 2021..2025, 2025-09 or 2025-01~09";

std::unexpected<Error> error_at(const Token& t, std::string message) {
  return fail(ErrorCode::kSyntaxError, std::move(message), {}, Location{{}, 0, t.pos.column});
}

std::optional<int> number_of(std::string_view digits, std::size_t max_width) {
  if (digits.empty() || digits.size() > max_width) return std::nullopt;
  int value = 0;
  auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
  if (ec != std::errc() || end != digits.data() + digits.size()) return std::nullopt;
  return value;
}

Result<int> year_of_text(const Token& t, std::string_view digits) {
  auto year = number_of(digits, 4);
  if (!year || digits.size() != 4 || *year < kFirstYear || *year > kLastYear) {
    return error_at(
        t, fmt::format("\"{}\" is not a year: expected four digits, {}..{}", digits, kFirstYear, kLastYear));
  }
  return *year;
}

Result<int> month_of_text(const Token& t, std::string_view digits) {
  auto month = number_of(digits, 2);
  if (!month || *month < 1 || *month > 12) {
    return error_at(t, fmt::format("\"{}\" is not a month: expected 01..12 in {}", digits, t.text));
  }
  return *month;
}

// `YYYY-MM` or `YYYY-MM~MM`.
Result<PeriodSpec> months_point(const Token& t) {
  const std::string_view text = t.text;
  const auto dash = text.find('-');
  const auto tilde = text.find('~');
  if (text.find('-', dash + 1) != std::string_view::npos) {
    return error_at(t, fmt::format("\"{}\" is a day: a period names months, e.g. {}", text,
                                   text.substr(0, text.rfind('-'))));
  }
  auto year = year_of_text(t, text.substr(0, dash));
  if (!year) return std::unexpected(year.error());
  auto from =
      month_of_text(t, text.substr(dash + 1, tilde == std::string_view::npos ? text.npos : tilde - dash - 1));
  if (!from) return std::unexpected(from.error());
  int to = *from;
  if (tilde != std::string_view::npos) {
    auto last = month_of_text(t, text.substr(tilde + 1));
    if (!last) return std::unexpected(last.error());
    if (*last < *from) return error_at(t, fmt::format("\"{}\" runs backwards: months must ascend", text));
    to = *last;
  }
  return PeriodSpec{month_index(*year, *from), month_index(*year, to), std::string(text), t.pos};
}

Result<PeriodSpec> point(const Token& t) {
  if (t.kind == TokenKind::kMonthly) return months_point(t);
  if (t.kind == TokenKind::kNumber && t.text.find_first_not_of("0123456789") == std::string::npos) {
    auto year = year_of_text(t, t.text);
    if (!year) return std::unexpected(year.error());
    return PeriodSpec{month_index(*year, 1), month_index(*year, 12), t.text, t.pos};
  }
  if (t.kind == TokenKind::kEnd)
    return error_at(t, fmt::format("unexpected end of input: expected {}", kForms));
  return error_at(t, fmt::format("unexpected {}: expected {}", describe(t), kForms));
}

}  // namespace

Result<PeriodSpec> parse_period_literal(const std::vector<Token>& tokens, std::size_t& pos) {
  auto first = point(tokens[pos]);
  if (!first) return first;
  ++pos;
  if (tokens[pos].kind != TokenKind::kDotDot) return first;
  const Token& dots = tokens[pos++];
  auto last = point(tokens[pos]);
  if (!last) return last;
  ++pos;
  if (last->last < first->first) {
    return error_at(dots, fmt::format("the range {}..{} runs backwards", first->text, last->text));
  }
  return PeriodSpec{first->first, last->last, fmt::format("{}..{}", first->text, last->text), first->pos};
}

}  // namespace atlas::query::internal
