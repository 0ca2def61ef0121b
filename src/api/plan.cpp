// GET /api/v1/plan: one plan and what the data holds for it; GET /api/v1/plans: every plan;
// GET /api/v1/map: the plan's boundary map.
#include <algorithm>

#include <boost/json/parse.hpp>
#include <fmt/format.h>

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

// Where the plan's boundary map comes from: {source, review_number (null when the source states none)}.
json::object map_info_json(const PlanInfo& plan) {
  return json::object{
      {"source", plan.map_source},
      {"review_number",
       plan.map_review_number.empty() ? json::value(nullptr) : json::value(plan.map_review_number)}};
}

// The plan's vocabularies by kind ({segment: [{id, name, declared, provenance}], zone_kind: …}): the
// terms it declares, in its order, then the words its records use undeclared (declared false, named
// by themselves, provenance null).
json::object vocabularies_json(const Snapshot& s) {
  json::object o;
  for (std::size_t k = 0; k < kVocabularyKinds; ++k) {
    const auto kind = static_cast<VocabularyKind>(k);
    json::array terms;
    const std::vector<TermRecord>& words = s.vocabulary(kind);
    for (std::size_t i = 0; i < words.size(); ++i) {
      const TermRecord& t = words[i];
      terms.push_back(json::object{
          {"id", t.id},
          {"name", names_json(t.name)},
          {"declared", i < s.declared_terms[k]},
          {"provenance", t.provenance.empty() ? json::value(nullptr) : json::value(t.provenance)}});
    }
    o[to_string(kind)] = std::move(terms);
  }
  return o;
}

// The units the plan declares, in its order (the built-in yuan, count and percent are not listed).
json::array units_json(const Snapshot& s) {
  json::array out;
  for (const UnitRecord& u : s.units)
    out.push_back(unit_json(u));
  return out;
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
  o["vocabularies"] = vocabularies_json(s);
  o["units"] = units_json(s);
  o["map"] = plan.map.empty() ? json::value(nullptr) : json::value(map_info_json(plan));
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

Outcome<json::object> get_map(const ReadContext& ctx) {
  if (auto ok = ctx.params.allow({}); !ok) return std::unexpected(ok.error());
  const PlanInfo& plan = ctx.snapshot.plan;
  if (plan.map.empty()) {
    Problem p = problem_from(Error{ErrorCode::kNotFound,
                                   fmt::format("plan {} has no boundary map (import its directory with a "
                                               "<plan-id>.geojson beside the plan file)",
                                               plan.id),
                                   {},
                                   {}});
    p.detail_zh =
        fmt::format("规划 {} 没有行政区划底图（在规划文件旁放置 <plan-id>.geojson 后重新导入）", plan.id);
    return std::unexpected(std::move(p));
  }
  boost::system::error_code ec;
  json::value geojson = json::parse(plan.map, ec);
  if (ec) {  // stored by an import that checked it: only a damaged database gets here
    return std::unexpected(problem_from(
        Error{ErrorCode::kStoreError, fmt::format("the stored map of plan {} is not JSON", plan.id), {}, {}},
        500));
  }
  json::object o{{"meta", ctx.meta()}};
  for (auto& [key, value] : map_info_json(plan))
    o[key] = std::move(value);
  o["geojson"] = std::move(geojson);
  return o;
}

Outcome<json::object> list_plans(const ReadContext& ctx) {
  if (auto ok = ctx.params.allow({}); !ok) return std::unexpected(ok.error());
  json::object o;
  o["meta"] = ctx.meta();
  const auto fallback = ctx.plans.default_plan();
  o["default"] = fallback ? json::value(fallback->plan.id) : json::value(nullptr);
  // The list is of every plan: its meta names the default plan (none when there is none), and its
  // data date is the latest of them all, not the first plan's.
  json::object& meta = o["meta"].as_object();
  meta["plan"] = fallback ? json::value(fallback->plan.id) : json::value(nullptr);
  DayNumber latest = 0;
  json::array plans;
  for (const auto& s : ctx.plans.plans()) {
    plans.push_back(plan_json(*s, ctx.visibility));
    latest = std::max(latest, s->latest_published(ctx.visibility));
  }
  meta["data_as_of"] = latest > 0 ? json::value(date_text(latest)) : json::value(nullptr);
  o["plans"] = std::move(plans);
  return o;
}

}  // namespace atlas::api::internal
