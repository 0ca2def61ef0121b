// GET /api/v1/plan: the plan and what the data holds.
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

}  // namespace

Outcome<json::object> get_plan(const ReadContext& ctx) {
  if (auto ok = ctx.params.allow({}); !ok) return std::unexpected(ok.error());
  const PlanInfo& plan = ctx.snapshot.plan;
  json::object o;
  o["meta"] = ctx.meta();
  o["id"] = plan.id;
  o["title"] = names_json(plan.title);
  o["document"] = plan.document;
  o["issued"] = plan.issued ? json::value(plan.issued->to_string()) : json::value(nullptr);
  o["start_year"] = plan.start_year;
  o["end_year"] = plan.end_year;
  o["counts"] = counts_json(ctx.snapshot, ctx.visibility);
  return o;
}

}  // namespace atlas::api::internal
