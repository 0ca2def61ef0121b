// GET /api/v1/targets and /api/v1/targets/{id}: where each target of the plan stands.
#include <cmath>

#include <fmt/format.h>

#include "api/internal/handler.hpp"
#include "app/check.hpp"
#include "app/target_detail.hpp"
#include "app/target_groups.hpp"

namespace atlas::api::internal {
namespace {

namespace json = boost::json;

json::value optional_number(const std::optional<std::int64_t>& v) {
  return v ? json::value(*v) : json::value(nullptr);
}
json::value optional_number(const std::optional<double>& v) {
  return v && std::isfinite(*v) ? json::value(*v) : json::value(nullptr);
}

json::array strings(const std::vector<std::string>& items) {
  json::array out;
  for (const auto& s : items)
    out.emplace_back(s);
  return out;
}

json::value baseline_json(const app::TargetCheck& t) {
  if (!t.baseline) return nullptr;
  return json::object{{"value", *t.baseline},
                      {"qualifier", to_string(t.baseline_qualifier)},
                      {"text", t.baseline_text},
                      {"period", t.baseline_period},
                      {"provenance", t.baseline_provenance}};
}

// The reading, or null when there is none (status no-data).
bool has_reading(const app::TargetCheck& t) {
  return t.latest.has_value() && t.assessment.status != engine::TargetStatus::kNoData;
}

json::value latest_json(const app::TargetCheck& t) {
  if (!has_reading(t)) return nullptr;
  return json::object{{"value", *t.latest}, {"period", t.latest_period}, {"contributors", t.contributors}};
}

json::value progress_json(const app::TargetCheck& t) {
  if (!has_reading(t) || t.goal.value == 0) return nullptr;
  return static_cast<double>(*t.latest) / static_cast<double>(t.goal.value);
}

// Why the target could not be evaluated (status "error"), or null.
json::value problem_json(const app::TargetCheck& t) {
  if (!t.problem) return nullptr;
  const Problem p = problem_from(*t.problem);
  return json::object{{"type", fmt::format("/problems/{}", p.code)},
                      {"detail", p.detail_en},
                      {"detail_zh", fmt::format("该目标无法评估：{}", p.detail_en)}};
}

json::object target_json(const app::TargetCheck& t) {
  const auto& a = t.assessment;
  json::object o;
  o["id"] = t.id;
  o["title"] = names_json(t.title);
  o["indicator"] = t.indicator;
  o["unit"] = to_string(t.unit);
  o["declared_unit"] = t.declared_unit ? json::value(unit_json(*t.declared_unit)) : json::value(nullptr);
  o["goal"] = json::object{{"text", t.goal_text}, {"value", t.goal.value}};
  o["deadline"] = t.deadline;
  o["baseline"] = baseline_json(t);
  o["latest"] = latest_json(t);
  o["progress"] = progress_json(t);
  o["status"] = engine::to_string(a.status);
  o["status_zh"] = engine::to_string_zh(a.status);
  o["final"] = a.final;
  o["projected"] = optional_number(a.projected);
  o["path_value"] = optional_number(a.path_value);
  o["growth_needed_per_year"] = optional_number(a.growth_needed);
  o["count_needed_per_year"] = optional_number(a.count_needed_per_year);
  o["change_needed_per_year"] = optional_number(a.change_needed_per_year);
  o["sample"] = t.uses_sample;
  o["provenance"] = strings(t.provenance);
  o["target_provenance"] = t.target_provenance;
  o["quote"] = t.quote;
  o["problem"] = problem_json(t);
  return o;
}

json::array series_json(const std::vector<app::SeriesPoint>& series) {
  json::array out;
  for (const auto& p : series) {
    out.emplace_back(json::object{{"period", p.period},
                                  {"year", p.year},
                                  {"value", optional_number(p.value)},
                                  {"complete", p.complete},
                                  {"contributors", p.contributors},
                                  {"sample", p.sample}});
  }
  return out;
}

json::array path_json(const app::TargetDetail& d) {
  json::array out;
  for (const auto& p : d.required_path) {
    const json::value value = d.check.unit == TargetUnit::kYuan
                                  ? json::value(static_cast<std::int64_t>(p.value))
                                  : json::value(p.value);
    out.emplace_back(json::object{{"year", p.year}, {"value", value}});
  }
  return out;
}

// The records of the latest reading. An enterprise's part of a target is one of its figures: the
// caller sees only the enterprises whose figures it may see, and `withheld` counts the others.
json::object contributors_json(const ReadContext& ctx, const app::TargetDetail& d, std::size_t limit) {
  const Snapshot& s = ctx.snapshot;
  json::array items;
  std::size_t withheld = 0;
  for (const auto& c : d.contributors) {
    const app::RecordLabel label = app::record_label(s, d.set, c.record);
    if (d.set == query::RecordSet::kEnterprises && !ctx.shows_figures_of(label.id)) {
      ++withheld;
      continue;
    }
    if (items.size() >= limit) continue;
    items.emplace_back(json::object{{"id", label.id},
                                    {"name", names_json(label.name)},
                                    {"value", optional_number(c.value)},
                                    {"sample", c.sample}});
  }
  return json::object{{"set", query::to_string(d.set)},
                      {"total", d.contributors.size()},
                      {"withheld", withheld},
                      {"items", std::move(items)}};
}

}  // namespace

Outcome<json::object> list_targets(const ReadContext& ctx) {
  if (auto ok = ctx.params.allow({}); !ok) return std::unexpected(ok.error());
  auto report = app::check_targets(ctx.snapshot, app::CheckOptions{ctx.as_of, ctx.visibility.include_sample});
  if (!report) return std::unexpected(problem_from(report.error(), 500));
  json::array targets;
  for (const auto& t : report->targets)
    targets.emplace_back(target_json(t));
  return json::object{{"meta", ctx.meta()}, {"targets", std::move(targets)}};
}

Outcome<json::object> get_target(const ReadContext& ctx) {
  if (auto ok = ctx.params.allow({"limit"}); !ok) return std::unexpected(ok.error());
  auto limit = ctx.params.get_size("limit", ctx.options.default_page_size, ctx.options.max_page_size);
  if (!limit) return std::unexpected(limit.error());
  auto detail = app::target_detail(ctx.snapshot, ctx.path[0],
                                   app::CheckOptions{ctx.as_of, ctx.visibility.include_sample});
  if (!detail && detail.error().code == ErrorCode::kNotFound) {
    Problem p = problem_from(detail.error());
    p.detail_en = detail.error().message;
    p.detail_zh = fmt::format("没有编号为 {} 的目标：{}", ctx.path[0], detail.error().message);
    return std::unexpected(std::move(p));
  }
  if (!detail) return std::unexpected(problem_from(detail.error(), 500));
  json::object o{{"meta", ctx.meta()}};
  for (auto& [key, value] : target_json(detail->check))
    o[key] = std::move(value);
  o["series"] = series_json(detail->series);
  o["required_path"] = path_json(*detail);
  o["contributors"] = contributors_json(ctx, *detail, *limit);
  return o;
}

Outcome<json::object> get_target_groups(const ReadContext& ctx) {
  if (auto ok = ctx.params.allow({"by"}); !ok) return std::unexpected(ok.error());
  const std::string_view by = ctx.params.get("by").value_or("county");
  auto groups = app::target_groups(ctx.snapshot, ctx.path[0], by,
                                   app::CheckOptions{ctx.as_of, ctx.visibility.include_sample});
  if (!groups) {
    Problem p = problem_from(groups.error());
    if (groups.error().code == ErrorCode::kNotFound) {
      p.detail_zh = fmt::format("没有编号为 {} 的目标：{}", ctx.path[0], groups.error().message);
    } else {
      p.status = 400;
      p.detail_zh = fmt::format("参数 by 无法用于该目标的分组：{}", groups.error().message);
    }
    return std::unexpected(std::move(p));
  }
  json::object o{{"meta", ctx.meta()}};
  o["target"] = target_json(groups->check);
  for (auto& kv : app::target_groups_json(*groups))
    o[kv.key()] = std::move(kv.value());
  return o;
}

}  // namespace atlas::api::internal
