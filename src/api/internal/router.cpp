#include "api/internal/router.hpp"

#include <array>

#include "app/policy.hpp"

namespace atlas::api::internal {
namespace {

// Each route names the resource the policy (app/policy.hpp) checks; a GET reads it, a POST reads
// it too (what-ifs and indicators compute, they change nothing); signing in and out is open to all.
constexpr std::array<Route, 29> kRoutes{{
    {"/api/v1/plans", "GET", &list_plans, nullptr, true, nullptr, nullptr, app::Resource::kPlan},
    {"/api/v1/plan", "GET", &get_plan, nullptr, false, nullptr, nullptr, app::Resource::kPlan},
    {"/api/v1/map", "GET", &get_map, nullptr, false, nullptr, nullptr, app::Resource::kPlan},
    {"/api/v1/targets", "GET", &list_targets, nullptr, false, nullptr, nullptr, app::Resource::kTargets},
    {"/api/v1/targets/{id}", "GET", &get_target, nullptr, false, nullptr, nullptr, app::Resource::kTargets},
    {"/api/v1/targets/{id}/groups", "GET", &get_target_groups, nullptr, false, nullptr, nullptr,
     app::Resource::kTargets},
    {"/api/v1/forecast", "GET", &get_forecast, nullptr, false, nullptr, nullptr, app::Resource::kTargets},
    {"/api/v1/forecast/what-if", "POST", nullptr, &forecast_what_if, false, nullptr, nullptr,
     app::Resource::kTargets},
    {"/api/v1/enterprises", "GET", &list_enterprises, nullptr, false, nullptr, nullptr,
     app::Resource::kRegister},
    {"/api/v1/enterprises/{id}", "GET", &get_enterprise, nullptr, false, nullptr, nullptr,
     app::Resource::kRegister},
    {"/api/v1/projects", "GET", &list_projects, nullptr, false, nullptr, nullptr, app::Resource::kProjects},
    {"/api/v1/projects/{id}", "GET", &get_project, nullptr, false, nullptr, nullptr,
     app::Resource::kProjects},
    {"/api/v1/zones", "GET", &list_zones, nullptr, false, nullptr, nullptr, app::Resource::kZones},
    {"/api/v1/taxonomy", "GET", &get_taxonomy, nullptr, false, nullptr, nullptr, app::Resource::kPlan},
    {"/api/v1/chains", "GET", &list_chains, nullptr, false, nullptr, nullptr, app::Resource::kChains},
    {"/api/v1/chains/{id}", "GET", &get_chain, nullptr, false, nullptr, nullptr, app::Resource::kChains},
    {"/api/v1/chains/{id}/counties", "GET", &list_chain_counties, nullptr, false, nullptr, nullptr,
     app::Resource::kChains},
    {"/api/v1/chains/{id}/links/{link}/candidates", "GET", &list_link_candidates, nullptr, false, nullptr,
     nullptr, app::Resource::kChains},
    {"/api/v1/catalogues/{kind}", "GET", nullptr, nullptr, false, &get_catalogue, nullptr,
     app::Resource::kChains},
    {"/api/v1/indicators", "POST", nullptr, &evaluate_indicator, false, nullptr, nullptr,
     app::Resource::kIndicators},
    {"/api/v1/session", "GET", nullptr, nullptr, false, nullptr, &get_session, app::Resource::kSession},
    {"/api/v1/session", "POST", nullptr, nullptr, false, nullptr, &sign_in, app::Resource::kSession,
     app::Action::kWrite},
    {"/api/v1/session", "DELETE", nullptr, nullptr, false, nullptr, &sign_out, app::Resource::kSession,
     app::Action::kWrite},
    {"/api/v1/setup", "GET", nullptr, nullptr, false, nullptr, &get_setup, app::Resource::kSession},
    {"/api/v1/setup", "POST", nullptr, nullptr, false, nullptr, &create_first_admin, app::Resource::kSession,
     app::Action::kWrite},
    {"/api/v1/users", "GET", nullptr, nullptr, false, nullptr, &list_users, app::Resource::kUsers},
    {"/api/v1/users", "POST", nullptr, nullptr, false, nullptr, &add_user, app::Resource::kUsers,
     app::Action::kWrite},
    {"/api/v1/users/{name}", "POST", nullptr, nullptr, false, nullptr, &change_user, app::Resource::kUsers,
     app::Action::kWrite},
    {"/api/v1/openapi.json", "GET", nullptr, nullptr, false, nullptr, nullptr, app::Resource::kPlan},
}};

// Matches one template against the segments, appending the {…} values to `ids`.
bool matches(std::string_view path, std::span<const std::string> segments, std::vector<std::string>& ids) {
  std::vector<std::string> found;
  std::size_t i = 0;
  path.remove_prefix(1);  // the leading '/'
  while (!path.empty()) {
    const auto slash = path.find('/');
    const std::string_view part = path.substr(0, slash);
    path = slash == std::string_view::npos ? std::string_view() : path.substr(slash + 1);
    if (i >= segments.size()) return false;
    if (part.starts_with('{')) {
      if (segments[i].empty()) return false;
      found.push_back(segments[i]);
    } else if (part != segments[i]) {
      return false;
    }
    ++i;
  }
  if (i != segments.size()) return false;
  ids = std::move(found);
  return true;
}

}  // namespace

std::span<const Route> routes() {
  return kRoutes;
}

const Route* RouteMatch::for_method(std::string_view method) const {
  const std::string_view wanted = method == "HEAD" ? std::string_view("GET") : method;
  for (const Route* r : routes) {
    if (r->method == wanted) return r;
  }
  return nullptr;
}

std::string RouteMatch::allow() const {
  std::string out;
  for (const Route* r : routes) {
    if (!out.empty()) out += ", ";
    out += r->method;
    if (r->method == "GET") out += ", HEAD";
  }
  return out;
}

std::optional<RouteMatch> match_route(std::span<const std::string> segments) {
  RouteMatch m;
  for (const Route& r : kRoutes) {
    std::vector<std::string> ids;
    if (!matches(r.path, segments, ids)) continue;
    m.routes.push_back(&r);
    m.ids = std::move(ids);
  }
  if (m.routes.empty()) return std::nullopt;
  return m;
}

}  // namespace atlas::api::internal
