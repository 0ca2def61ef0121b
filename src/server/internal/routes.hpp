// Bounded route labels for metrics: the pattern of an API route, never the raw path (a raw path
// would give every enterprise id its own time series).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace atlas::server::internal {

enum class Route : std::uint8_t {
  kPlan,
  kTargets,
  kTarget,
  kEnterprises,
  kEnterprise,
  kProjects,
  kProject,
  kZones,
  kTaxonomy,
  kChains,
  kIndicators,
  kOpenApi,
  kStatic,
  kHealthz,
  kMetrics,
  kOther,
};

inline constexpr std::size_t kRouteCount = static_cast<std::size_t>(Route::kOther) + 1;

/// The label of a route: "/api/v1/enterprises/{id}", "static", "healthz", "metrics", "other".
[[nodiscard]] std::string_view route_label(Route route);

/// The API route a request target ("/api/v1/enterprises/x?limit=5") falls under, or kOther for a
/// path that names no route of docs/api.md. Pure; thread-safe.
[[nodiscard]] Route api_route(std::string_view target);

}  // namespace atlas::server::internal
