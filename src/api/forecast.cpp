// GET /api/v1/forecast and POST /api/v1/forecast/what-if: how likely each target is to be met by its
// deadline, and how a change (a project delayed or cancelled, a segment's growth) moves it
// (docs/forecast.md).
#include "app/forecast.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <span>

#include <fmt/format.h>

#include "api/internal/handler.hpp"
#include "api/internal/request.hpp"

namespace atlas::api::internal {
namespace {

namespace json = boost::json;

/// The API draws at most this many runs per request (the CLI up to engine::kMaxForecastRuns):
/// what bounds a request's work, so the server stays responsive.
constexpr std::size_t kMaxApiRuns = 100'000;
/// A what-if lists at most this many changes.
constexpr std::size_t kMaxChanges = 32;

Outcome<app::ForecastReport> run(const app::ForecastOptions& o, const engine::ForecastModel& model) {
  auto report = app::forecast_targets(model, o);
  if (!report) return std::unexpected(problem_from(report.error()));
  return std::move(*report);
}

// A member of a change that its kind does not take.
Outcome<void> only_members(const json::object& o, const std::string& at, std::string_view kind,
                           std::span<const std::string_view> allowed) {
  for (const auto& [key, value] : o) {
    if (std::find(allowed.begin(), allowed.end(), std::string_view(key)) == allowed.end()) {
      return std::unexpected(member_problem(
          "unknown-field", at + "." + std::string(key),
          fmt::format("{}: unknown member \"{}\" for kind {}", at, std::string_view(key), kind),
          fmt::format("成员 {} 不支持 {}", at, std::string_view(key))));
    }
  }
  return {};
}

/// A hypothetical firm's name, at most this many bytes.
constexpr std::size_t kMaxFirmName = 200;

// A string member of a firm that names a record: absent is fine; present, it must be a string and
// `known` must accept it.
template <class Known>
Outcome<std::string> firm_reference(const json::object& o, const std::string& at, std::string_view member,
                                    std::string_view what_en, std::string_view what_zh, Known known) {
  const json::value* v = o.if_contains(member);
  if (v == nullptr) return std::string();
  const std::string field = fmt::format("{}.{}", at, member);
  if (!v->is_string()) {
    return std::unexpected(member_problem("invalid-value", field, field + ": must be a string",
                                          "成员 " + field + " 须为字符串"));
  }
  std::string id(v->get_string());
  if (!known(id)) {
    return std::unexpected(member_problem("unknown-reference", field,
                                          fmt::format("{}: no {} \"{}\" in the plan", field, what_en, id),
                                          fmt::format("成员 {}：规划中没有{}“{}”", field, what_zh, id)));
  }
  return id;
}

// A hypothetical attracted firm (kind "firm"); its `from` is checked against the as-of date later.
Outcome<app::HypotheticalFirm> read_firm(const Snapshot& s, const json::object& o, const std::string& at) {
  app::HypotheticalFirm firm;
  const json::value* segment = o.if_contains("segment");
  if (segment == nullptr) {
    return std::unexpected(member_problem("missing-field", at + ".segment",
                                          at + ".segment: the segment the firm would be in is required",
                                          "缺少成员 " + at + ".segment（企业所属细分领域）"));
  }
  auto seg = firm_reference(o, at, "segment", "segment", "细分领域", [&](const std::string& id) {
    return s.find_term(VocabularyKind::kSegment, id).has_value();
  });
  if (!seg) return std::unexpected(seg.error());
  firm.fields.segment = *seg;
  auto zone = firm_reference(o, at, "zone", "zone", "园区",
                             [&](const std::string& id) { return s.find_zone(id).valid(); });
  if (!zone) return std::unexpected(zone.error());
  firm.fields.zone = *zone;
  auto county = firm_reference(o, at, "county", "county", "县区",
                               [&](const std::string& id) { return s.find_county(id).valid(); });
  if (!county) return std::unexpected(county.error());
  firm.fields.county = *county;
  const CandidateRecord* candidate = nullptr;
  auto cand =
      firm_reference(o, at, "candidate", "chain candidate", "招商候选企业", [&](const std::string& id) {
        const auto it = std::find_if(s.candidates.begin(), s.candidates.end(),
                                     [&](const CandidateRecord& c) { return c.id == id; });
        candidate = it == s.candidates.end() ? nullptr : &*it;
        return candidate != nullptr;
      });
  if (!cand) return std::unexpected(cand.error());
  firm.candidate = *cand;
  if (candidate != nullptr) firm.fields.classes = candidate->classes;
  if (const json::value* name = o.if_contains("name")) {
    if (!name->is_string() || name->get_string().size() > kMaxFirmName) {
      return std::unexpected(
          member_problem("invalid-value", at + ".name",
                         fmt::format("{}.name: a string of at most {} bytes", at, kMaxFirmName),
                         fmt::format("成员 {}.name 须为不超过 {} 字节的字符串", at, kMaxFirmName)));
    }
    firm.name = std::string(name->get_string());
  }
  const json::value* output = o.if_contains("output");
  const double yuan = output != nullptr && output->is_number() ? output->to_number<double>() : 0.0;
  if (!(yuan > 0 && yuan <= engine::kMaxFirmOutput)) {
    return std::unexpected(member_problem(
        "invalid-value", at + ".output",
        at + ".output: the firm's output a year at full production, in yuan, above 0 and at most 1e13",
        "成员 " + at + ".output：企业达产后年产值（元），须大于 0 且不超过 1e13"));
  }
  firm.output = yuan;
  const json::value* from = o.if_contains("from");
  auto month = from != nullptr && from->is_string() ? parse_period(from->get_string())
                                                    : Result<Period>(std::unexpected(Error{}));
  if (!month || month->kind != PeriodKind::kMonth) {
    return std::unexpected(member_problem("invalid-value", at + ".from",
                                          at + ".from: the month it starts production, as YYYY-MM",
                                          "成员 " + at + ".from：投产月份，格式 YYYY-MM"));
  }
  firm.from = month->first;
  return firm;
}

// One change of a what-if body; `at` names it in messages ("changes[2]").
Outcome<engine::ForecastChange> read_change(const Snapshot& s, const json::value& v, const std::string& at) {
  const json::object* o = v.if_object();
  if (o == nullptr) {
    return std::unexpected(
        member_problem("invalid-value", at, at + ": must be an object", "成员 " + at + " 须为对象"));
  }
  const json::value* kind = o->if_contains("kind");
  if (kind == nullptr || !kind->is_string()) {
    return std::unexpected(member_problem("missing-field", at + ".kind",
                                          at + ".kind: delay, cancel, growth or firm is required",
                                          "缺少成员 " + at + ".kind（delay、cancel、growth 或 firm）"));
  }
  const std::string_view k = kind->get_string();
  engine::ForecastChange c;
  std::vector<std::string_view> allowed{"kind"};
  if (k == "delay" || k == "cancel") {
    c.kind = k == "delay" ? engine::ForecastChange::Kind::kDelayProject
                          : engine::ForecastChange::Kind::kCancelProject;
    allowed.push_back("project");
    const json::value* project = o->if_contains("project");
    if (project == nullptr || !project->is_string()) {
      return std::unexpected(member_problem("missing-field", at + ".project",
                                            at + ".project: the project's id is required",
                                            "缺少成员 " + at + ".project（项目编号）"));
    }
    c.project = s.find_project(project->get_string());
    if (!c.project.valid()) {
      const std::string id(project->get_string());
      return std::unexpected(
          member_problem("unknown-reference", at + ".project",
                         fmt::format("{}.project: no project \"{}\" in plan {}", at, id, s.plan.id),
                         fmt::format("成员 {}.project：规划中没有项目“{}”", at, id)));
    }
    if (c.kind == engine::ForecastChange::Kind::kDelayProject) {
      allowed.push_back("months");
      const json::value* months = o->if_contains("months");
      const bool whole = months != nullptr && (months->is_int64() || months->is_uint64());
      const std::int64_t m = whole ? (months->is_int64() ? months->get_int64() : -1) : -1;
      if (m < 1 || m > engine::kMaxDelayMonths) {
        return std::unexpected(member_problem(
            "invalid-value", at + ".months",
            fmt::format("{}.months: a delay is a whole number of months from 1 to {}", at,
                        engine::kMaxDelayMonths),
            fmt::format("成员 {}.months：延期月数须为 1 至 {} 的整数", at, engine::kMaxDelayMonths)));
      }
      c.months = static_cast<int>(m);
    }
  } else if (k == "growth") {
    c.kind = engine::ForecastChange::Kind::kSegmentGrowth;
    allowed.insert(allowed.end(), {"segment", "growth"});
    const json::value* segment = o->if_contains("segment");
    if (segment == nullptr || !segment->is_string()) {
      return std::unexpected(member_problem("missing-field", at + ".segment",
                                            at + ".segment: the segment's id is required",
                                            "缺少成员 " + at + ".segment（细分领域编号）"));
    }
    const auto code = s.find_term(VocabularyKind::kSegment, segment->get_string());
    if (!code) {
      const std::string id(segment->get_string());
      return std::unexpected(
          member_problem("unknown-reference", at + ".segment",
                         fmt::format("{}.segment: no segment \"{}\" in plan {}", at, id, s.plan.id),
                         fmt::format("成员 {}.segment：规划中没有细分领域“{}”", at, id)));
    }
    c.segment = static_cast<std::uint16_t>(*code);
    const json::value* growth = o->if_contains("growth");
    const bool number = growth != nullptr && growth->is_number();
    const double g = number ? growth->to_number<double>() : std::numeric_limits<double>::quiet_NaN();
    if (!(g >= engine::kMinGrowth && g <= engine::kMaxGrowth)) {
      return std::unexpected(
          member_problem("invalid-value", at + ".growth",
                         at + ".growth: a yearly growth rate from -1 (-100 %) to 10 (+1000 %)",
                         "成员 " + at + ".growth：年增长率须在 -1（-100%）至 10（+1000%）之间"));
    }
    c.growth = g;
  } else {
    return std::unexpected(member_problem(
        "invalid-value", at + ".kind",
        fmt::format("{}.kind: \"{}\" is not delay, cancel, growth or firm", at, std::string(k)),
        fmt::format("成员 {}.kind 须为 delay、cancel、growth 或 firm", at)));
  }
  if (auto ok = only_members(*o, at, k, allowed); !ok) return std::unexpected(ok.error());
  return c;
}

struct WhatIfRequest {
  app::ForecastOptions options;
  std::vector<std::string> firm_at;  // per firm: where the body gave it ("changes[3]")
};

Outcome<WhatIfRequest> read_what_if(const WriteContext& ctx) {
  const json::object* body = ctx.body.if_object();
  if (body == nullptr) {
    return std::unexpected(member_problem("invalid-value", "", "the request body must be a JSON object",
                                          "请求体须为 JSON 对象"));
  }
  WhatIfRequest out;
  out.options.as_of = ctx.today;
  for (const auto& [key, value] : *body) {
    if (key == "as_of") {
      auto day = value.is_string() ? parse_day(value.get_string(), "as_of") : parse_day("", "as_of");
      if (!day) return std::unexpected(day.error());
      out.options.as_of = *day;
    } else if (key == "sample") {
      if (!value.is_bool()) {
        return std::unexpected(member_problem("invalid-value", "sample", "sample: must be true or false",
                                              "成员 sample 须为 true 或 false"));
      }
      out.options.include_sample = value.get_bool();
    } else if (key == "runs" || key == "seed") {
      const bool whole = value.is_uint64() || (value.is_int64() && value.get_int64() >= 0);
      const std::uint64_t n = value.is_uint64() ? value.get_uint64()
                              : whole           ? static_cast<std::uint64_t>(value.get_int64())
                                                : 0;
      if (!whole || (key == "runs" && (n < 1 || n > kMaxApiRuns))) {
        const std::string k(key);
        return std::unexpected(
            key == "runs" ? member_problem("invalid-value", k,
                                           fmt::format("runs: a whole number from 1 to {}", kMaxApiRuns),
                                           fmt::format("成员 runs 须为 1 至 {} 的整数", kMaxApiRuns))
                          : member_problem("invalid-value", k, "seed: a non-negative whole number",
                                           "成员 seed 须为非负整数"));
      }
      if (key == "runs") {
        out.options.runs = static_cast<std::int64_t>(n);
      } else {
        out.options.seed = n;
      }
    } else if (key == "changes") {
      const json::array* changes = value.if_array();
      if (changes == nullptr) {
        return std::unexpected(
            member_problem("invalid-value", "changes", "changes: must be an array", "成员 changes 须为数组"));
      }
      if (changes->size() > kMaxChanges) {
        return std::unexpected(
            member_problem("limit-exceeded", "changes",
                           fmt::format("changes: at most {} changes, not {}", kMaxChanges, changes->size()),
                           fmt::format("成员 changes 最多 {} 项，收到 {} 项", kMaxChanges, changes->size())));
      }
      for (std::size_t i = 0; i < changes->size(); ++i) {
        const std::string at = fmt::format("changes[{}]", i);
        const json::object* o = (*changes)[i].if_object();
        const json::value* kind = o != nullptr ? o->if_contains("kind") : nullptr;
        if (kind != nullptr && kind->is_string() && kind->get_string() == "firm") {
          static constexpr std::array<std::string_view, 8> kFirmMembers{
              "kind", "segment", "zone", "county", "candidate", "name", "output", "from"};
          if (auto ok = only_members(*o, at, "firm", kFirmMembers); !ok) {
            return std::unexpected(ok.error());
          }
          auto firm = read_firm(ctx.snapshot, *o, at);
          if (!firm) return std::unexpected(firm.error());
          out.options.firms.push_back(std::move(*firm));
          out.firm_at.push_back(at);
          continue;
        }
        auto c = read_change(ctx.snapshot, (*changes)[i], at);
        if (!c) return std::unexpected(c.error());
        out.options.changes.push_back(*c);
      }
    } else {
      const std::string k(key);
      return std::unexpected(member_problem(
          "unknown-field", k,
          fmt::format("unknown member \"{}\" (the body takes changes, as_of, sample, runs, seed)", k),
          fmt::format("不支持成员 {}（请求体只接受 changes、as_of、sample、runs、seed）", k)));
    }
  }
  // A firm comes from the as-of month on (the as-of date may follow the changes in the body).
  const Date as_of = date_of(out.options.as_of);
  const MonthIndex first = month_index(as_of.year, as_of.month);
  for (std::size_t i = 0; i < out.options.firms.size(); ++i) {
    const MonthIndex from = out.options.firms[i].from;
    if (from < first || year_of(from) > as_of.year + engine::kMaxFirmYears) {
      const std::string field = out.firm_at[i] + ".from";
      const std::string month = fmt::format("{}-{:02}", as_of.year, as_of.month);
      return std::unexpected(
          member_problem("invalid-value", field,
                         fmt::format("{}: a firm starts production from the as-of month {} to {} years later",
                                     field, month, engine::kMaxFirmYears),
                         fmt::format("成员 {}：投产月份须在数据日期所在月 {} 至其后 {} 年之间", field, month,
                                     engine::kMaxFirmYears)));
    }
  }
  return out;
}

}  // namespace

Outcome<json::object> get_forecast(const ReadContext& ctx) {
  if (auto ok = ctx.params.allow({"plan", "runs", "seed"}); !ok) return std::unexpected(ok.error());
  auto runs = ctx.params.get_size("runs", static_cast<std::size_t>(app::kDefaultForecastRuns), kMaxApiRuns);
  if (!runs) return std::unexpected(runs.error());
  auto seed = ctx.params.get_size("seed", app::kDefaultForecastSeed, std::numeric_limits<std::size_t>::max());
  if (!seed) return std::unexpected(seed.error());
  app::ForecastOptions o;
  o.as_of = ctx.as_of;
  o.include_sample = ctx.visibility.include_sample;
  o.runs = static_cast<std::int64_t>(*runs);
  o.seed = *seed;
  auto model =
      ctx.forecasts.model(ctx.shared, {o.as_of, o.include_sample, app::forecast_settings(ctx.snapshot)});
  if (!model) return std::unexpected(problem_from(model.error()));
  auto report = (*model)->base(o);
  if (!report) return std::unexpected(problem_from(report.error()));
  json::object out = app::forecast_report_object(**report);
  out["meta"] = ctx.meta();
  return out;
}

Outcome<json::object> forecast_what_if(const WriteContext& ctx) {
  auto request = read_what_if(ctx);
  if (!request) return std::unexpected(request.error());
  const app::ForecastOptions& o = request->options;
  // One model for both, kept between requests with the base drawn on it: the what-if and the base
  // draw the same numbers, so the difference is the changes', not noise, and a second what-if on
  // the same data only draws its own runs.
  auto model =
      ctx.forecasts.model(ctx.shared, {o.as_of, o.include_sample, app::forecast_settings(ctx.snapshot)});
  if (!model) return std::unexpected(problem_from(model.error()));
  auto base_report = (*model)->base(o);
  if (!base_report) return std::unexpected(problem_from(base_report.error()));
  const app::ForecastReport* base = base_report->get();
  auto changed = run(o, (*model)->model());
  if (!changed) return std::unexpected(changed.error());
  json::object out = app::forecast_report_object(*changed);
  json::array& targets = out["targets"].as_array();
  for (std::size_t i = 0; i < targets.size(); ++i) {
    const engine::TargetForecast& b = base->targets[i].forecast;
    json::object& t = targets[i].as_object();
    t["base_probability"] = b.probability ? json::value(*b.probability) : json::value(nullptr);
    t["base_p50"] = b.fan.empty() ? json::value(nullptr) : json::value(b.fan.back().p50);
  }
  const DayNumber data_as_of = ctx.snapshot.latest_published({o.as_of, o.include_sample});
  out["meta"] =
      json::object{{"snapshot_version", ctx.snapshot.version},
                   {"as_of", date_text(o.as_of)},
                   {"data_as_of", data_as_of > 0 ? json::value(date_text(data_as_of)) : json::value(nullptr)},
                   {"sample", o.include_sample},
                   {"plan", ctx.snapshot.plan.id}};
  return out;
}

}  // namespace atlas::api::internal
