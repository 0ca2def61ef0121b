// Bounded route labels for metrics: the pattern of an API route, never the raw path (a raw path
// would give every enterprise id its own time series). The API's patterns come from the API's own
// router table (api::Api::route_patterns), so a new endpoint needs no change here.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace atlas::server::internal {

/// A metrics series: one of the four transport routes below, or the API route pattern number `i`
/// of api::Api::route_patterns() as `Route(kFirstApiRoute + i)`.
enum class Route : std::uint16_t {
  kStatic,   // the web app's files
  kHealthz,  // /healthz
  kMetrics,  // /metrics
  kOther,    // anything else, including an /api path that names no endpoint
};

inline constexpr std::size_t kFirstApiRoute = static_cast<std::size_t>(Route::kOther) + 1;

/// How many routes there are: the four transport routes and every API route pattern. Fixed for
/// the life of the process; thread-safe.
[[nodiscard]] std::size_t route_count();

/// The label of a route: "/api/v1/enterprises/{id}", "static", "healthz", "metrics", "other"
/// ("other" too for a number outside route_count()). Static storage; thread-safe.
[[nodiscard]] std::string_view route_label(Route route);

/// The API route a request target ("/api/v1/enterprises/x?limit=5") falls under, as the API
/// matches it, or kOther for a target that names no API endpoint. Pure; thread-safe.
[[nodiscard]] Route api_route(std::string_view target);

}  // namespace atlas::server::internal
