// Fuzzes the value parsers of model/: amounts, counts and percents (units.hpp), goals and qualified
// baselines (goal.hpp), dates and periods
// (period.hpp), credit codes (credit_code.hpp), the edit distance and the search's approximate
// substring distance (text.hpp). The first byte picks the parser, the rest is its text. What
// parses must print back to text that parses to the same value (the documented round trips).
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz_support.hpp"
#include "model/credit_code.hpp"
#include "model/goal.hpp"
#include "model/period.hpp"
#include "model/text.hpp"
#include "model/units.hpp"

namespace {

using atlas::fuzz::require;

void amount(std::string_view text) {
  const auto yuan = atlas::parse_amount(text);
  if (!yuan) return;
  require(*yuan >= 0, "amounts are not negative");
  const auto again = atlas::parse_amount(atlas::format_amount(*yuan));
  require(again.has_value() && *again == *yuan, "format_amount round-trips through parse_amount");
  (void)atlas::format_yi(*yuan);
  (void)atlas::format_yi(*yuan, 0);
}

void count(std::string_view text) {
  const auto n = atlas::parse_count(text);
  if (!n) return;
  require(*n >= 0, "counts are not negative");
  const auto again = atlas::parse_count(std::to_string(*n));
  require(again.has_value() && *again == *n, "a count's digits parse to the same count");
}

void percent(std::string_view text) {
  const auto millionths = atlas::parse_percent(text);
  if (!millionths) return;
  require(*millionths >= 0, "percents are not negative");
  const auto again = atlas::parse_percent(atlas::format_percent(*millionths));
  require(again.has_value() && *again == *millionths, "format_percent round-trips through parse_percent");
}

// A goal and a qualified baseline in each unit: what reads prints back to the same value.
void goal_and_baseline(std::string_view text) {
  for (auto unit : {atlas::TargetUnit::kYuan, atlas::TargetUnit::kCount, atlas::TargetUnit::kPercent}) {
    if (const auto goal = atlas::parse_goal(text, unit)) {
      const auto value = atlas::parse_in_unit(atlas::format_in_unit(goal->value, unit), unit);
      require(value.has_value() && *value == goal->value, "a goal's value prints back in its unit");
      (void)atlas::format_goal(*goal, unit);
    }
    if (const auto baseline = atlas::parse_qualified(text, unit)) {
      require(baseline->value >= 0, "a baseline is not negative");
    }
  }
}

void date(std::string_view text) {
  const auto d = atlas::parse_date(text);
  if (!d) return;
  const auto again = atlas::parse_date(d->to_string());
  require(again.has_value() && *again == *d, "a date's text parses to the same date");
  require(d->first_day() <= d->last_day(), "a date's first day is not after its last");
  require(atlas::date_of(d->first_day()).to_string().starts_with(d->to_string()),
          "a date's first day lies in the date");
}

void period(std::string_view text) {
  const auto p = atlas::parse_period(text);
  if (!p) return;
  const auto again = atlas::parse_period(p->to_string());
  require(again.has_value() && *again == *p, "a period's text parses to the same period");
  require(p->first <= p->last && atlas::year_of(p->first) == atlas::year_of(p->last),
          "a period spans months of one year");
  (void)p->default_published();
}

void credit_code(std::string_view text) {
  const auto code = atlas::validate_credit_code(text);
  if (!code) return;
  require(code->size() == 18, "a valid credit code has 18 characters");
  require(atlas::credit_code_check_char(std::string_view(*code).substr(0, 17)) == (*code)[17],
          "a valid credit code's last character is its check character");
}

void approximate(std::string_view needle, std::string_view text);

bool valid_utf8(std::string_view text) {
  while (!text.empty()) {
    const auto cp = atlas::decode_utf8(text);
    if (!cp) return false;
    text.remove_prefix(cp->size);
  }
  return true;
}

void distance(std::string_view text) {
  const auto nul = text.find('\0');
  const auto a = text.substr(0, nul);
  const auto b = nul == std::string_view::npos ? std::string_view{} : text.substr(nul + 1);
  const auto d = atlas::edit_distance(a, b);
  require(d == atlas::edit_distance(b, a), "the edit distance is symmetric");
  require(atlas::edit_distance(a, a) == 0, "a text is at distance 0 from itself");
  approximate(a, b);
}

// The search's approximate-substring distance (typo-tolerant enterprise search): bounded by the
// needle's length, 0 for a needle inside the text, nothing above the limit or the size cap.
void approximate(std::string_view needle, std::string_view text) {
  const std::size_t n = atlas::character_count(needle);
  const auto any = atlas::approximate_substring_distance(needle, text, n);
  const bool too_big =
      n > atlas::kMaxApproximateText || atlas::character_count(text) > atlas::kMaxApproximateText;
  if (too_big) {
    require(!any.has_value(), "texts above the size cap are refused");
    return;
  }
  require(any.has_value() && *any <= n, "a needle is at most its length away from any text");
  const auto tight = atlas::approximate_substring_distance(needle, text, 0);
  require(tight.has_value() == (*any == 0), "limit 0 answers only exact substrings");
  const std::string around = std::string(text) + std::string(needle) + std::string(text);
  if (valid_utf8(needle) && valid_utf8(text) &&
      atlas::character_count(around) <= atlas::kMaxApproximateText) {
    const auto inside = atlas::approximate_substring_distance(needle, around, 0);
    require(inside.has_value() && *inside == 0, "a needle inside a text is at distance 0");
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const auto text = atlas::fuzz::as_text(data + 1, size - 1);
  switch (data[0] % 8) {
    case 0:
      amount(text);
      break;
    case 1:
      count(text);
      break;
    case 2:
      date(text);
      break;
    case 3:
      period(text);
      break;
    case 4:
      credit_code(text);
      break;
    case 5:
      distance(text);
      break;
    case 6:
      percent(text);
      break;
    default:
      goal_and_baseline(text);
      break;
  }
  return 0;
}
