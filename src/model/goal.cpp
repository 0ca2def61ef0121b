#include "model/goal.hpp"

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

}  // namespace

Result<Goal> parse_goal(std::string_view text, TargetUnit unit) {
  std::string_view s = trim(text);
  static constexpr std::pair<std::string_view, Comparison> kOps[] = {{">=", Comparison::kGreaterEqual},
                                                                     {"<=", Comparison::kLessEqual},
                                                                     {">", Comparison::kGreater},
                                                                     {"<", Comparison::kLess},
                                                                     {"=", Comparison::kEqual}};
  for (const auto& [token, op] : kOps) {
    if (!s.starts_with(token)) continue;
    const std::string_view number = trim(s.substr(token.size()));
    auto value = unit == TargetUnit::kYuan ? parse_amount(number) : parse_count(number);
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

std::string format_goal(const Goal& goal, TargetUnit unit) {
  static constexpr const char* kSymbols[] = {"≥", ">", "≤", "<", "="};
  const std::string number =
      unit == TargetUnit::kYuan ? format_amount(goal.value) : std::to_string(goal.value);
  return fmt::format("{} {}", kSymbols[static_cast<int>(goal.op)], number);
}

}  // namespace atlas
