// GET /api/v1/plan: one plan and what the data holds for it; GET /api/v1/plans: every plan.
#include <algorithm>

#include "api/internal/handler.hpp"
#include "model/provenance.hpp"

namespace atlas::api::internal {
namespace {

namespace json = boost::json;

json::object counts_json(const Snapshot& s, const Visibility& vis) {
  const std::size_t sample_enterprises =
      static_cast<std::size_t>(std::count(s.enterprises.sample.begin(), s.enterprises.sample.end(), 1));
  const std::size_t sample_projects = static_cast<std::size_t>(std::count_if(
      s.projects.begin(), s.projects.end(), [](const auto& p) { return is_sample(p.provenance); }));
  json::object c;
  c["enterprises"] = s.enterprises.size() - (vis.include_sample ? 0 : sample_enterprises);
  c["sample_enterprises"] = vis.include_sample ? sample_enterprises : 0;
  c["observations"] = s.visible_observation_count(vis);
  c["projects"] = s.projects.size() - (vis.include_sample ? 0 : sample_projects);
  c["zones"] = s.zones.size();
  c["counties"] = s.counties.size();
  c["targets"] = s.targets.size();
  return c;
}

// What the plan is, and what the data holds for it.
json::object plan_json(const Snapshot& s, const Visibility& vis) {
  const PlanInfo& plan = s.plan;
  json::object o;
  o["id"] = plan.id;
  o["title"] = names_json(plan.title);
  o["document"] = plan.document;
  o["issued"] = plan.issued ? json::value(plan.issued->to_string()) : json::value(nullptr);
  o["start_year"] = plan.start_year;
  o["end_year"] = plan.end_year;
  o["default"] = plan.is_default;
  json::array scope;
  for (const std::string& county : plan.scope) {
    const CountyId id = s.find_county(county);
    json::object c;
    c["id"] = county;
    c["name"] = id.valid() ? names_json(s.counties[id.value].name) : names_json(Names{});
    scope.push_back(std::move(c));
  }
  o["scope"] = std::move(scope);
  o["output_metric"] = output_metric_json(s);
  o["counts"] = counts_json(s, vis);
  return o;
}

}  // namespace

Outcome<json::object> get_plan(const ReadContext& ctx) {
  if (auto ok = ctx.params.allow({}); !ok) return std::unexpected(ok.error());
  json::object o;
  o["meta"] = ctx.meta();
  for (auto& [key, value] : plan_json(ctx.snapshot, ctx.visibility))
    o[key] = std::move(value);
  return o;
}

Outcome<json::object> list_plans(const ReadContext& ctx) {
  if (auto ok = ctx.params.allow({}); !ok) return std::unexpected(ok.error());
  json::object o;
  o["meta"] = ctx.meta();
  const auto fallback = ctx.plans.default_plan();
  o["default"] = fallback ? json::value(fallback->plan.id) : json::value(nullptr);
  json::array plans;
  for (const auto& s : ctx.plans.plans())
    plans.push_back(plan_json(*s, ctx.visibility));
  o["plans"] = std::move(plans);
  return o;
}

}  // namespace atlas::api::internal
