#include "server/internal/routes.hpp"

#include <algorithm>

#include "api/api.hpp"

namespace atlas::server::internal {

std::size_t route_count() {
  return kFirstApiRoute + api::Api::route_patterns().size();
}

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
  }
  const auto patterns = api::Api::route_patterns();
  const std::size_t i = static_cast<std::size_t>(route) - kFirstApiRoute;
  return i < patterns.size() ? patterns[i] : std::string_view("other");
}

Route api_route(std::string_view target) {
  const std::string_view pattern = api::Api::route_pattern(target);
  if (pattern.empty()) return Route::kOther;
  const auto patterns = api::Api::route_patterns();
  const auto at = std::ranges::find(patterns, pattern);
  if (at == patterns.end()) return Route::kOther;
  return static_cast<Route>(kFirstApiRoute + static_cast<std::size_t>(at - patterns.begin()));
}

}  // namespace atlas::server::internal
