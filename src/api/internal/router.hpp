// The route table of /api/v1 and matching a decoded path against it. Private to api/.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "api/internal/handler.hpp"
#include "app/policy.hpp"

namespace atlas::api::internal {

using ReadHandler = Outcome<boost::json::object> (*)(const ReadContext&);
using WriteHandler = Outcome<boost::json::object> (*)(const WriteContext&);
using DownloadHandler = Outcome<Download> (*)(const ReadContext&);
using AccountHandler = Response (*)(const AccountContext&);

/// One endpoint: a path template ("/api/v1/targets/{id}") and a method. A GET route with no
/// handler is the OpenAPI document; one with `download` answers a file, not JSON.
struct Route {
  std::string_view path;
  std::string_view method;  // "GET", "POST" or "DELETE"
  ReadHandler read = nullptr;
  WriteHandler write = nullptr;
  bool any_plan = false;  // answers without a plan named when several have no default (the list of plans)
  DownloadHandler download = nullptr;
  AccountHandler account = nullptr;               // a session endpoint: no plan, answers its own Response
  app::Resource resource = app::Resource::kPlan;  // what the policy checks (account routes: nothing)
  app::Action action = app::Action::kRead;
};

/// Every route, in documentation order. Static storage; thread-safe.
[[nodiscard]] std::span<const Route> routes();

/// A path matched against the table: the routes of that path (one per method) and the values of
/// its {id} segments.
struct RouteMatch {
  std::vector<const Route*> routes;
  std::vector<std::string> ids;
  [[nodiscard]] const Route* for_method(std::string_view method) const;
  /// "GET, HEAD" / "POST": the Allow header.
  [[nodiscard]] std::string allow() const;
};

/// Matches decoded path segments ("api", "v1", "targets", "x"); nullopt when no route has the path.
[[nodiscard]] std::optional<RouteMatch> match_route(std::span<const std::string> segments);

/// The OpenAPI 3.1 document (src/api/openapi.json, embedded at build time). Static storage.
[[nodiscard]] std::string_view openapi_document();

}  // namespace atlas::api::internal
