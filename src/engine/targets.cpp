#include "engine/targets.hpp"

#include <algorithm>
#include <cmath>
#include <string>

#include <fmt/format.h>

#include "model/units.hpp"

namespace atlas::engine {
namespace {

// Within this fraction below the plan's path a target is "at risk" rather than "off track".
constexpr double kAtRiskTolerance = 0.10;

TargetStatus against_path(double value, double path, double tolerance_abs) {
  if (value >= path) return TargetStatus::kOnTrack;
  if (path - value <= tolerance_abs) return TargetStatus::kAtRisk;
  return TargetStatus::kOffTrack;
}

// The plan's path for a level target: geometric from the baseline to the goal when the baseline
// is positive, otherwise linear from zero in the year before the plan starts.
double level_path(const AssessInput& in, int year) {
  const double goal = static_cast<double>(in.goal.value);
  if (in.baseline && in.baseline->value > 0 && in.baseline->year < in.deadline) {
    const double v0 = static_cast<double>(in.baseline->value);
    const double t = static_cast<double>(year - in.baseline->year) / (in.deadline - in.baseline->year);
    return v0 * std::pow(goal / v0, t);
  }
  const int zero_year = in.plan_start - 1;
  return goal * static_cast<double>(year - zero_year) / (in.deadline - zero_year);
}

Assessment assess_level(const AssessInput& in) {
  Assessment out;
  const Reading& r = *in.latest;
  if (r.year >= in.deadline && r.months >= 12) {
    out.final = true;
    out.status = satisfies(in.goal, r.value) ? TargetStatus::kMet : TargetStatus::kMissed;
    return out;
  }
  double value = static_cast<double>(r.value);
  if (r.months > 0 && r.months < 12) {
    out.projected = r.value * 12 / r.months;
    value = static_cast<double>(*out.projected);
  }
  const double path = r.year >= in.deadline ? static_cast<double>(in.goal.value) : level_path(in, r.year);
  out.path_value = path;
  const bool reached = satisfies(in.goal, static_cast<std::int64_t>(value));
  out.status = reached ? TargetStatus::kOnTrack : against_path(value, path, kAtRiskTolerance * path);
  // Growth still needed starts from the latest complete value (a partial year is no yearly value).
  const std::optional<Reading>& from = in.latest_complete ? in.latest_complete
                                       : r.months >= 12   ? in.latest
                                                          : in.baseline;
  if (!reached && from && from->year < in.deadline && from->value > 0) {
    out.growth_needed = std::pow(static_cast<double>(in.goal.value) / static_cast<double>(from->value),
                                 1.0 / (in.deadline - from->year)) -
                        1.0;
  }
  return out;
}

// A share moves by points, not by a growth rate: linear from its baseline to the goal. Without a
// baseline there is no path to be on; the goal is the bar every year.
double share_path(const AssessInput& in, int year) {
  const double goal = static_cast<double>(in.goal.value);
  if (!in.baseline || in.baseline->year >= in.deadline) return goal;
  const double v0 = static_cast<double>(in.baseline->value);
  const double t = static_cast<double>(year - in.baseline->year) / (in.deadline - in.baseline->year);
  return v0 + (goal - v0) * t;
}

// A share of part of a year is the year's best estimate as it stands: no annualising.
Assessment assess_share(const AssessInput& in) {
  Assessment out;
  const Reading& r = *in.latest;
  if (r.year >= in.deadline && r.months >= 12) {
    out.final = true;
    out.status = satisfies(in.goal, r.value) ? TargetStatus::kMet : TargetStatus::kMissed;
    return out;
  }
  const double value = static_cast<double>(r.value);
  const double path = r.year >= in.deadline ? static_cast<double>(in.goal.value) : share_path(in, r.year);
  out.path_value = path;
  const bool reached = satisfies(in.goal, r.value);
  out.status = reached ? TargetStatus::kOnTrack : against_path(value, path, kAtRiskTolerance * path);
  const std::optional<Reading>& from = in.latest_complete ? in.latest_complete
                                       : r.months >= 12   ? in.latest
                                                          : in.baseline;
  if (!reached && from && from->year < in.deadline) {
    out.change_needed_per_year =
        (static_cast<double>(in.goal.value) - static_cast<double>(from->value)) / (in.deadline - from->year);
  }
  return out;
}

// The share of the plan period [plan start, deadline] elapsed at the end of `day`, 0 … 1.
double elapsed_share(const AssessInput& in, DayNumber day) {
  const DayNumber start = day_number(in.plan_start, 1, 1);
  const DayNumber end = day_number(in.deadline, 12, 31);
  return std::clamp(static_cast<double>(day - start + 1) / (end - start + 1), 0.0, 1.0);
}

Assessment assess_cumulative(const AssessInput& in) {
  Assessment out;
  const Reading& r = *in.latest;
  const DayNumber end = day_number(in.deadline, 12, 31);
  if (satisfies(in.goal, r.value)) {
    // Records once counted stay counted: reaching the goal early is meeting it.
    out.final = in.as_of > end;
    out.status = TargetStatus::kMet;
    return out;
  }
  if (in.as_of > end) {
    out.final = true;
    out.status = TargetStatus::kMissed;
    return out;
  }
  const double goal = static_cast<double>(in.goal.value);
  out.path_value = goal * elapsed_share(in, in.as_of);
  const double years_left = static_cast<double>(end - in.as_of) / 365.25;
  out.count_needed_per_year = (goal - static_cast<double>(r.value)) / std::max(years_left, 1.0 / 12);
  // A count is whole: at risk while short of the path by at most one record or the tolerance.
  out.status =
      against_path(static_cast<double>(r.value), *out.path_value, std::max(1.0, kAtRiskTolerance * goal));
  return out;
}

}  // namespace

const char* to_string(TargetStatus status) {
  switch (status) {
    case TargetStatus::kMet:
      return "met";
    case TargetStatus::kMissed:
      return "missed";
    case TargetStatus::kOnTrack:
      return "on-track";
    case TargetStatus::kAtRisk:
      return "at-risk";
    case TargetStatus::kOffTrack:
      return "off-track";
    case TargetStatus::kNoData:
      return "no-data";
    case TargetStatus::kError:
      return "error";
  }
  return "no-data";
}

const char* to_string_zh(TargetStatus status) {
  switch (status) {
    case TargetStatus::kMet:
      return "已达成";
    case TargetStatus::kMissed:
      return "未达成";
    case TargetStatus::kOnTrack:
      return "进度正常";
    case TargetStatus::kAtRisk:
      return "存在风险";
    case TargetStatus::kOffTrack:
      return "严重滞后";
    case TargetStatus::kNoData:
      return "暂无数据";
    case TargetStatus::kError:
      return "无法评估";
  }
  return "暂无数据";
}

Assessment assess(const AssessInput& in) {
  if (!in.latest) return Assessment{};
  switch (in.shape) {
    case TargetShape::kLevel:
      return assess_level(in);
    case TargetShape::kShare:
      return assess_share(in);
    case TargetShape::kCumulative:
      break;
  }
  return assess_cumulative(in);
}

std::vector<PathPoint> plan_path(const AssessInput& in) {
  std::vector<PathPoint> out;
  if (in.shape == TargetShape::kShare) {
    if (!in.baseline || in.baseline->year >= in.deadline) return out;
    for (int year = in.baseline->year; year <= in.deadline; ++year)
      out.push_back(
          PathPoint{year, year == in.deadline ? static_cast<double>(in.goal.value) : share_path(in, year)});
    return out;
  }
  const bool geometric = in.shape == TargetShape::kLevel && in.baseline && in.baseline->value > 0 &&
                         in.baseline->year < in.deadline;
  const int first = geometric ? in.baseline->year : in.plan_start - 1;
  if (first >= in.deadline) return out;
  for (int year = first; year <= in.deadline; ++year) {
    double value = 0;
    if (year == in.deadline) {
      value = static_cast<double>(in.goal.value);
    } else if (in.shape == TargetShape::kLevel) {
      value = level_path(in, year);
    } else if (year >= in.plan_start) {
      value = static_cast<double>(in.goal.value) * elapsed_share(in, day_number(year, 12, 31));
    }
    out.push_back(PathPoint{year, value});
  }
  return out;
}

}  // namespace atlas::engine
