#include "model/units.hpp"

#include <algorithm>
#include <array>
#include <limits>
#include <optional>

#include <fmt/format.h>

namespace atlas {
namespace {

constexpr std::int64_t kMaxAmount = std::numeric_limits<std::int64_t>::max();
constexpr std::int64_t kExponentCap = 100'000;  // far beyond any int64, small enough to never overflow

std::string_view trim(std::string_view s) {
  const auto first = s.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return {};
  const auto last = s.find_last_not_of(" \t\r\n");
  return s.substr(first, last - first + 1);
}

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

std::uint64_t pow10(int power) {
  std::uint64_t result = 1;
  for (int i = 0; i < power; ++i) {
    result *= 10;
  }
  return result;
}

// |v| without overflow, also for the minimum int64.
std::uint64_t magnitude_of(std::int64_t v) {
  return v < 0 ? 0 - static_cast<std::uint64_t>(v) : static_cast<std::uint64_t>(v);
}

// An exact non-negative decimal: value = mantissa * 10^(pending_zeros + exponent). Zeros are kept
// pending until a non-zero digit follows, so the mantissa never ends in a zero; a mantissa too long
// for 64 bits is only flagged, because such a number is either too large or not a whole number.
class Decimal {
 public:
  void push_digit(int digit) {
    if (digit == 0) {
      ++pending_zeros_;
      return;
    }
    for (std::int64_t i = 0; i <= pending_zeros_ && !too_long_; ++i) {
      too_long_ = __builtin_mul_overflow(mantissa_, 10U, &mantissa_);
    }
    if (!too_long_) too_long_ = __builtin_add_overflow(mantissa_, static_cast<unsigned>(digit), &mantissa_);
    pending_zeros_ = 0;
    nonzero_ = true;
  }
  void shift(std::int64_t power_of_ten) { exponent_ += power_of_ten; }

  enum class Outcome { kOk, kOverflow, kFraction };
  [[nodiscard]] Outcome to_integer(std::int64_t& out) const {
    out = 0;
    if (!nonzero_) return Outcome::kOk;
    const std::int64_t power = pending_zeros_ + exponent_;
    if (power < 0) return Outcome::kFraction;  // the last digit is non-zero and below the units
    if (too_long_ || power > 19) return Outcome::kOverflow;
    std::uint64_t v = mantissa_;
    for (std::int64_t i = 0; i < power; ++i) {
      if (__builtin_mul_overflow(v, 10U, &v)) return Outcome::kOverflow;
    }
    if (v > static_cast<std::uint64_t>(kMaxAmount)) return Outcome::kOverflow;
    out = static_cast<std::int64_t>(v);
    return Outcome::kOk;
  }

 private:
  std::uint64_t mantissa_ = 0;
  std::int64_t pending_zeros_ = 0;
  std::int64_t exponent_ = 0;
  bool too_long_ = false;
  bool nonzero_ = false;
};

// Reads `1,234.5e3` from the front of `text` into a Decimal. Returns why it is not a number, or
// nothing; `pos_` is left at the first character that was not consumed.
class NumberScanner {
 public:
  explicit NumberScanner(std::string_view text) : text_(text) {}

  [[nodiscard]] std::optional<std::string> scan_integer_part() {
    std::size_t group = 0;
    bool grouped = false;
    for (; pos_ < text_.size(); ++pos_) {
      const char c = text_[pos_];
      if (is_digit(c)) {
        value_.push_digit(c - '0');
        ++group;
      } else if (c == ',') {
        if (group == 0 || (grouped ? group != 3 : group > 3)) return bad_separator();
        grouped = true;
        group = 0;
      } else {
        break;
      }
    }
    if (pos_ == 0) return std::string("it does not start with a digit");
    if (grouped && group != 3) return bad_separator();
    return std::nullopt;
  }

  [[nodiscard]] std::optional<std::string> scan_fraction() {
    if (pos_ >= text_.size() || text_[pos_] != '.') return std::nullopt;
    has_point_ = true;
    const std::size_t start = ++pos_;
    for (; pos_ < text_.size() && is_digit(text_[pos_]); ++pos_) {
      value_.push_digit(text_[pos_] - '0');
      value_.shift(-1);
    }
    if (pos_ == start) return std::string("the decimal point is not followed by a digit");
    return std::nullopt;
  }

  [[nodiscard]] std::optional<std::string> scan_exponent() {
    if (pos_ >= text_.size() || (text_[pos_] != 'e' && text_[pos_] != 'E')) return std::nullopt;
    ++pos_;
    const bool negative = pos_ < text_.size() && text_[pos_] == '-';
    if (pos_ < text_.size() && (text_[pos_] == '-' || text_[pos_] == '+')) ++pos_;
    const std::size_t start = pos_;
    std::int64_t exponent = 0;
    for (; pos_ < text_.size() && is_digit(text_[pos_]); ++pos_) {
      exponent = std::min(exponent * 10 + (text_[pos_] - '0'), kExponentCap);
    }
    if (pos_ == start) return std::string("the exponent has no digits");
    value_.shift(negative ? -exponent : exponent);
    return std::nullopt;
  }

  [[nodiscard]] std::string_view rest() const { return text_.substr(pos_); }
  [[nodiscard]] const Decimal& value() const { return value_; }
  [[nodiscard]] bool has_point() const { return has_point_; }

 private:
  static std::string bad_separator() {
    return "a thousands separator ',' must separate groups of exactly three digits";
  }

  std::string_view text_;
  std::size_t pos_ = 0;
  bool has_point_ = false;
  Decimal value_;
};

struct UnitSuffix {
  std::string_view text;
  int power;  // of ten
};
// Longest first: 万亿 ends in 亿.
constexpr std::array<UnitSuffix, 7> kSuffixes{
    {{"万亿元", 12}, {"万亿", 12}, {"亿元", 8}, {"亿", 8}, {"万元", 4}, {"万", 4}, {"元", 0}}};
// The multipliers of a count: 530万 (vehicles), 1.2亿 (pieces). No currency.
constexpr std::array<UnitSuffix, 3> kCountMultipliers{{{"万亿", 12}, {"亿", 8}, {"万", 4}}};

// Removes a unit suffix of `suffixes` (and the spaces before it); returns its power of ten.
template <std::size_t N>
int strip_unit(std::string_view& text, const std::array<UnitSuffix, N>& suffixes) {
  for (const auto& suffix : suffixes) {
    if (text.ends_with(suffix.text)) {
      text = trim(text.substr(0, text.size() - suffix.text.size()));
      return suffix.power;
    }
  }
  return 0;
}

std::string unexpected_rest(std::string_view rest, bool has_point) {
  if (rest.starts_with('.') && has_point) return "it has more than one decimal point";
  if (rest.starts_with(',')) return "thousands separators belong before the decimal point";
  return fmt::format("unexpected \"{}\" (write digits, optionally followed by 万亿, 亿, 万 or 元)", rest);
}

std::optional<std::string> scan_amount(std::string_view number, Decimal& out) {
  if (number.empty()) return std::string("there are no digits");
  if (number.starts_with('-')) return std::string("an amount cannot be negative");
  NumberScanner scanner(number);
  auto problem = scanner.scan_integer_part();
  if (!problem) problem = scanner.scan_fraction();
  if (!problem) problem = scanner.scan_exponent();
  if (!problem && !scanner.rest().empty()) {
    problem = unexpected_rest(scanner.rest(), scanner.has_point());
  }
  out = scanner.value();
  return problem;
}

// `magnitude` written in a unit of 10^power, without trailing zeros: (1234500, 4) → "123.45".
std::string digits_in_unit(std::uint64_t magnitude, int power) {
  const std::uint64_t unit = pow10(power);
  std::string out = fmt::format("{}", magnitude / unit);
  const std::uint64_t fraction = magnitude % unit;
  if (fraction == 0) return out;
  std::string decimals = fmt::format("{:0{}}", fraction, power);
  decimals.erase(decimals.find_last_not_of('0') + 1);
  return out + "." + decimals;
}

}  // namespace

Result<std::int64_t> parse_amount(std::string_view text) {
  std::string_view number = trim(text);
  const int unit_power = strip_unit(number, kSuffixes);
  Decimal value;
  if (auto problem = scan_amount(number, value)) {
    return fail(ErrorCode::kInvalidAmount, fmt::format("\"{}\" is not an amount: {}", text, *problem));
  }
  value.shift(unit_power);
  std::int64_t yuan = 0;
  switch (value.to_integer(yuan)) {
    case Decimal::Outcome::kOk:
      return yuan;
    case Decimal::Outcome::kOverflow:
      return fail(
          ErrorCode::kInvalidAmount,
          fmt::format("\"{}\" is not an amount: it is larger than the maximum of {} yuan", text, kMaxAmount));
    case Decimal::Outcome::kFraction:
      break;
  }
  return fail(ErrorCode::kInvalidAmount,
              fmt::format("\"{}\" is not an amount: it is not a whole number of yuan", text));
}

Result<std::int64_t> parse_count(std::string_view text) {
  std::string_view number = trim(text);
  auto problem = [&](std::string_view why) {
    return fail(ErrorCode::kInvalidValue, fmt::format("\"{}\" is not a count: {}", text, why));
  };
  const int multiplier = strip_unit(number, kCountMultipliers);
  if (number.empty()) return problem("there are no digits");
  if (number.starts_with('-')) return problem("a count cannot be negative");
  NumberScanner scanner(number);
  if (auto why = scanner.scan_integer_part()) return problem(*why);
  // A fraction only with a multiplier that makes it whole: 1.5万 is 15000, 1.5 is no count.
  if (multiplier > 0) {
    if (auto why = scanner.scan_fraction()) return problem(*why);
  }
  if (!scanner.rest().empty()) {
    return problem(fmt::format(
        "unexpected \"{}\" (a count is a whole number, optionally followed by 万 or 亿)", scanner.rest()));
  }
  Decimal value = scanner.value();
  value.shift(multiplier);
  std::int64_t count = 0;
  switch (value.to_integer(count)) {
    case Decimal::Outcome::kOk:
      return count;
    case Decimal::Outcome::kOverflow:
      return problem(fmt::format("it is larger than the maximum of {}", kMaxAmount));
    case Decimal::Outcome::kFraction:
      break;
  }
  return problem("it is not a whole number");
}

Result<std::int64_t> parse_percent(std::string_view text) {
  std::string_view number = trim(text);
  auto problem = [&](std::string_view why) {
    return fail(ErrorCode::kInvalidValue, fmt::format("\"{}\" is not a percent: {}", text, why));
  };
  if (number.ends_with("％")) {
    number = trim(number.substr(0, number.size() - std::string_view("％").size()));
  } else if (number.ends_with('%')) {
    number = trim(number.substr(0, number.size() - 1));
  } else {
    return problem("it does not end with % (write 18% for eighteen percent)");
  }
  if (number.empty()) return problem("there are no digits");
  if (number.starts_with('-')) return problem("a percent cannot be negative");
  NumberScanner scanner(number);
  auto why = scanner.scan_integer_part();
  if (!why) why = scanner.scan_fraction();
  if (why) return problem(*why);
  if (!scanner.rest().empty()) {
    return problem(scanner.rest().starts_with('.')
                       ? std::string("it has more than one decimal point")
                       : fmt::format("unexpected \"{}\" (write digits followed by %, "
                                     "such as 18% or 2.5%)",
                                     scanner.rest()));
  }
  Decimal value = scanner.value();
  value.shift(4);  // 1% is 10^4 millionths
  std::int64_t millionths = 0;
  switch (value.to_integer(millionths)) {
    case Decimal::Outcome::kOk:
      return millionths;
    case Decimal::Outcome::kOverflow:
      return problem("it is too large");
    case Decimal::Outcome::kFraction:
      break;
  }
  return problem("it is finer than 0.0001%");
}

std::string format_percent(std::int64_t millionths) {
  const std::string digits = digits_in_unit(magnitude_of(millionths), 4);
  return (millionths < 0 ? "-" : "") + digits + "%";
}

std::string format_amount(std::int64_t yuan) {
  // Negative amounts (differences, gaps) are shown with a sign; they do not parse back.
  const std::uint64_t magnitude = magnitude_of(yuan);
  std::string best = fmt::format("{}", magnitude);
  std::size_t best_chars = best.size();
  // Larger units win ties; the unit sign (3 bytes in UTF-8) counts as one character.
  const std::array<UnitSuffix, 2> units{{{"万", 4}, {"亿", 8}}};
  for (const auto& unit : units) {
    if (magnitude < pow10(unit.power)) continue;  // "0.5亿" would hide the smaller unit
    std::string candidate = digits_in_unit(magnitude, unit.power);
    if (candidate.size() + 1 <= best_chars) {
      best_chars = candidate.size() + 1;
      best = std::move(candidate) + std::string(unit.text);
    }
  }
  return yuan < 0 ? "-" + best : best;
}

std::string format_yi(std::int64_t yuan, int decimals) {
  decimals = std::clamp(decimals, 0, 18);  // beyond 8 places the extra digits are zeros
  const std::uint64_t magnitude = magnitude_of(yuan);
  if (decimals >= 8) {
    return fmt::format("{}{}.{:08}{}亿", yuan < 0 ? "-" : "", magnitude / kYi, magnitude % kYi,
                       std::string(static_cast<std::size_t>(decimals - 8), '0'));
  }
  // Rounding the magnitude half up rounds the signed value half away from zero.
  const std::uint64_t divisor = pow10(8 - decimals);
  const std::uint64_t remainder = magnitude % divisor;
  const std::uint64_t units = magnitude / divisor + (remainder >= divisor - remainder ? 1 : 0);
  const std::uint64_t scale = pow10(decimals);
  const char* sign = yuan < 0 && units > 0 ? "-" : "";  // never "-0.00亿"
  if (decimals == 0) return fmt::format("{}{}亿", sign, units);
  return fmt::format("{}{}.{:0{}}亿", sign, units / scale, units % scale, decimals);
}

}  // namespace atlas
