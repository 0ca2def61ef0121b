#include "server/internal/routes.hpp"

#include <array>
#include <utility>

namespace atlas::server::internal {
namespace {

// docs/api.md's endpoints; "{id}" stands for any one non-empty path segment.
constexpr std::array<std::pair<Route, std::string_view>, 12> kApiRoutes{{
    {Route::kPlan, "/api/v1/plan"},
    {Route::kTargets, "/api/v1/targets"},
    {Route::kTarget, "/api/v1/targets/{id}"},
    {Route::kEnterprises, "/api/v1/enterprises"},
    {Route::kEnterprise, "/api/v1/enterprises/{id}"},
    {Route::kProjects, "/api/v1/projects"},
    {Route::kProject, "/api/v1/projects/{id}"},
    {Route::kZones, "/api/v1/zones"},
    {Route::kTaxonomy, "/api/v1/taxonomy"},
    {Route::kChains, "/api/v1/chains"},
    {Route::kIndicators, "/api/v1/indicators"},
    {Route::kOpenApi, "/api/v1/openapi.json"},
}};

// Splits off the first segment of `path` (which starts after a '/').
std::string_view next_segment(std::string_view& path) {
  const auto slash = path.find('/');
  const std::string_view segment = path.substr(0, slash);
  path = slash == std::string_view::npos ? std::string_view{} : path.substr(slash + 1);
  return segment;
}

bool matches(std::string_view pattern, std::string_view path) {
  if (pattern.empty() || path.empty() || pattern[0] != '/' || path[0] != '/') return false;
  pattern.remove_prefix(1);
  path.remove_prefix(1);
  bool more = true;
  while (more) {
    more = pattern.find('/') != std::string_view::npos;
    if (more != (path.find('/') != std::string_view::npos)) return false;
    const std::string_view want = next_segment(pattern);
    const std::string_view got = next_segment(path);
    if (want == "{id}" ? got.empty() : want != got) return false;
  }
  return true;
}

}  // namespace

std::string_view route_label(Route route) {
  switch (route) {
    case Route::kStatic:
      return "static";
    case Route::kHealthz:
      return "healthz";
    case Route::kMetrics:
      return "metrics";
    case Route::kOther:
      return "other";
    default:
      break;
  }
  for (const auto& [r, pattern] : kApiRoutes) {
    if (r == route) return pattern;
  }
  return "other";
}

Route api_route(std::string_view target) {
  const std::string_view path = target.substr(0, target.find_first_of("?#"));
  for (const auto& [route, pattern] : kApiRoutes) {
    if (matches(pattern, path)) return route;
  }
  return Route::kOther;
}

}  // namespace atlas::server::internal
