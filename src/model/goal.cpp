#include "model/goal.hpp"

#include <algorithm>
#include <cmath>
#include <utility>

#include <fmt/format.h>

#include "model/units.hpp"

namespace atlas {
namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t'))
    s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t'))
    s.remove_suffix(1);
  return s;
}

struct Affix {
  std::string_view text;
  FactQualifier qualifier;
};
// Longest first where one is the start of another (超过 before 超).
constexpr Affix kPrefixes[] = {{"超过", FactQualifier::kOver},      {"超", FactQualifier::kOver},
                               {"不少于", FactQualifier::kAtLeast}, {"不低于", FactQualifier::kAtLeast},
                               {"约", FactQualifier::kAbout},       {"近", FactQualifier::kAbout}};
// 以上 includes the number itself (as in law and statistics: 本数), so it reads as "at least".
constexpr Affix kSuffixes[] = {{"以上", FactQualifier::kAtLeast}, {"多", FactQualifier::kOver}};
// Measure words a plan puts after a count (5家, 13个, 10项, 6300人); they do not change the number.
constexpr std::string_view kCountWords[] = {"家", "个", "项", "人"};

// `s` without a measure word at its end: a count's 家/个/项/人, or the declared unit's name in
// either language (530万辆, 15家, 12 vehicles). The number before it is unchanged.
std::string_view strip_measure_word(std::string_view s, TargetUnit unit, const UnitRecord* declared) {
  const auto strip = [&s](std::string_view word) {
    if (word.empty() || !s.ends_with(word) || word.size() >= s.size()) return false;
    s = trim(s.substr(0, s.size() - word.size()));
    return true;
  };
  if (declared != nullptr) {
    for (const bool zh : {true, false}) {
      for (const bool one : {false, true}) {
        if (strip(unit_word(declared->name, zh, one))) return s;
      }
    }
  }
  if (unit == TargetUnit::kCount) {
    for (const auto word : kCountWords) {
      if (strip(word)) break;
    }
  }
  return s;
}

}  // namespace

Result<std::int64_t> parse_in_unit(std::string_view text, TargetUnit unit) {
  switch (unit) {
    case TargetUnit::kYuan:
      return parse_amount(text);
    case TargetUnit::kCount:
      return parse_count(text);
    case TargetUnit::kPercent:
      return parse_percent(text);
  }
  return parse_count(text);
}

std::string format_in_unit(std::int64_t value, TargetUnit unit) {
  switch (unit) {
    case TargetUnit::kYuan:
      return format_amount(value);
    case TargetUnit::kCount:
      break;
    case TargetUnit::kPercent:
      return format_percent(value);
  }
  return std::to_string(value);
}

std::string_view unit_word(const Names& name, bool zh, bool one) {
  std::string_view word = zh ? name.zh : name.en;  // a language without a name shows the number alone
  const std::size_t bar = word.find(" | ");
  if (bar == std::string_view::npos) return word;
  return one ? trim(word.substr(0, bar)) : trim(word.substr(bar + 3));
}

std::string format_unit_value(double value, const UnitRecord& unit, bool zh, int decimals) {
  double x = unit.measure == TargetUnit::kPercent ? value / 10'000 : value;
  std::string_view word;
  const UnitScale* scale = nullptr;
  if (unit.measure != TargetUnit::kPercent) {
    for (const UnitScale& s : unit.scales) {
      const std::string& name = zh ? s.name.zh : s.name.en;
      if (!name.empty() && s.factor > 0 && std::abs(x) >= static_cast<double>(s.factor) &&
          (scale == nullptr || s.factor > scale->factor)) {
        scale = &s;
      }
    }
  }
  if (scale != nullptr) {
    x /= static_cast<double>(scale->factor);
    word = zh ? scale->name.zh : scale->name.en;
  }
  std::string number = fmt::format("{:.{}f}", x, std::max(decimals, 0));
  if (number.find('.') != std::string::npos) {
    while (number.back() == '0')
      number.pop_back();
    if (number.back() == '.') number.pop_back();
  }
  if (number == "-0") number = "0";
  if (scale == nullptr) word = unit_word(unit.name, zh, number == "1");
  if (word.empty()) return number;
  return zh ? number + std::string(word) : fmt::format("{} {}", number, word);
}

Result<QualifiedValue> parse_qualified(std::string_view text, TargetUnit unit, const UnitRecord* declared) {
  std::string_view s = trim(text);
  QualifiedValue out;
  for (const auto& prefix : kPrefixes) {
    if (s.starts_with(prefix.text)) {
      out.qualifier = prefix.qualifier;
      s = trim(s.substr(prefix.text.size()));
      break;
    }
  }
  // The measure word may stand before or after 以上/多 (6300多人, 5家以上, 530万辆以上).
  s = strip_measure_word(s, unit, declared);
  for (const auto& suffix : kSuffixes) {
    if (s.ends_with(suffix.text)) {
      if (out.qualifier == FactQualifier::kExact) out.qualifier = suffix.qualifier;
      s = trim(s.substr(0, s.size() - suffix.text.size()));
      break;
    }
  }
  s = strip_measure_word(s, unit, declared);
  auto value = parse_in_unit(s, unit);
  if (!value) return std::unexpected(value.error());
  out.value = *value;
  return out;
}

Result<Goal> parse_goal(std::string_view text, TargetUnit unit, const UnitRecord* declared) {
  std::string_view s = trim(text);
  static constexpr std::pair<std::string_view, Comparison> kOps[] = {{">=", Comparison::kGreaterEqual},
                                                                     {"<=", Comparison::kLessEqual},
                                                                     {">", Comparison::kGreater},
                                                                     {"<", Comparison::kLess},
                                                                     {"=", Comparison::kEqual}};
  for (const auto& [token, op] : kOps) {
    if (!s.starts_with(token)) continue;
    const std::string_view number = strip_measure_word(trim(s.substr(token.size())), unit, declared);
    auto value = parse_in_unit(number, unit);
    if (!value) {
      return fail(ErrorCode::kInvalidValue, fmt::format("goal \"{}\": {}", text, value.error().message),
                  "goal");
    }
    return Goal{op, *value};
  }
  return fail(ErrorCode::kInvalidValue,
              fmt::format("goal \"{}\" must start with >=, >, <=, < or = (e.g. \">= 100亿\")", text), "goal");
}

bool satisfies(const Goal& goal, std::int64_t value) {
  switch (goal.op) {
    case Comparison::kGreaterEqual:
      return value >= goal.value;
    case Comparison::kGreater:
      return value > goal.value;
    case Comparison::kLessEqual:
      return value <= goal.value;
    case Comparison::kLess:
      return value < goal.value;
    case Comparison::kEqual:
      return value == goal.value;
  }
  return false;
}

namespace {
constexpr const char* kSymbols[] = {"≥", ">", "≤", "<", "="};
}  // namespace

std::string format_goal(const Goal& goal, TargetUnit unit) {
  return fmt::format("{} {}", kSymbols[static_cast<int>(goal.op)], format_in_unit(goal.value, unit));
}

std::string format_goal(const Goal& goal, const UnitRecord& unit, bool zh) {
  return fmt::format("{} {}", kSymbols[static_cast<int>(goal.op)],
                     format_unit_value(static_cast<double>(goal.value), unit, zh));
}

}  // namespace atlas
