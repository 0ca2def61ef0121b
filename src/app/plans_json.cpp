// `atlas plans`: what each plan of a database holds.
#include <algorithm>

#include <boost/json.hpp>

#include "app/internal/json_parts.hpp"
#include "app/plan_views.hpp"

namespace atlas::app {

std::vector<PlanSummary> summarize(const PlanSet& plans) {
  const auto fallback = plans.default_plan();
  std::vector<PlanSummary> out;
  for (const auto& s : plans.plans()) {
    PlanSummary p;
    p.plan = s->plan;
    p.is_default = fallback == s && !s->plan.id.empty();
    p.counties = s->plan.scope.size();
    p.enterprises = static_cast<std::size_t>(std::ranges::count(s->enterprises.outside, std::uint8_t{0}));
    p.targets = s->targets.size();
    p.projects = s->projects.size();
    out.push_back(std::move(p));
  }
  return out;
}

std::string plans_json(const PlanSet& plans) {
  namespace json = boost::json;
  json::array list;
  json::value fallback = nullptr;
  for (const PlanSummary& p : summarize(plans)) {
    if (p.plan.id.empty()) continue;  // a database without plans
    if (p.is_default) fallback = p.plan.id;
    json::object o;
    o["id"] = p.plan.id;
    o["title"] = internal::names_json(p.plan.title);
    o["document"] = p.plan.document;
    o["start_year"] = p.plan.start_year;
    o["end_year"] = p.plan.end_year;
    o["default"] = p.is_default;
    json::array scope;
    for (const std::string& county : p.plan.scope)
      scope.emplace_back(county);
    o["scope"] = std::move(scope);
    o["counts"] = json::object{{"counties", p.counties},
                               {"enterprises", p.enterprises},
                               {"targets", p.targets},
                               {"projects", p.projects}};
    list.push_back(std::move(o));
  }
  json::object root;
  root["default"] = fallback;
  root["plans"] = std::move(list);
  return json::serialize(root) + "\n";
}

}  // namespace atlas::app
