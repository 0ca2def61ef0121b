// The JSON API (/api/v1/...): a parsed HTTP request in, a complete response out. No sockets here
// (server/ moves the bytes); this module is the only place where HTTP status codes exist.
// docs/api.md describes every endpoint; /api/v1/openapi.json is the machine-readable contract.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "app/sessions.hpp"
#include "model/period.hpp"
#include "model/plan_set.hpp"
#include "model/snapshot.hpp"

namespace atlas::api {

/// One HTTP request as the transport received it (the body complete).
struct Request {
  std::string method;  // "GET", "POST" …
  std::string target;  // origin-form: "/api/v1/enterprises?county=riverbend-north&limit=20"
  std::string body;
  std::string content_type;     // the Content-Type header, as sent
  std::string accept_language;  // the Accept-Language header, as sent (picks the problem title's language)
  std::string if_none_match;    // the If-None-Match header, as sent: a matching ETag makes a GET a 304
  // Sessions and writes (docs/security.md):
  std::string cookie{};           // the Cookie header (the session cookie is read from it)
  std::string csrf_token{};       // the X-CSRF-Token header: required on a write that carries a session
  std::string origin{};           // the Origin header: a write from another origin is refused
  std::string host{};             // the Host header, to compare Origin with
  std::string fetch_site{};       // the Sec-Fetch-Site header ("cross-site" writes are refused)
  std::string forwarded_proto{};  // X-Forwarded-Proto from a TLS-terminating proxy: "https" → Secure cookie
  std::string remote{};  // the peer's address without port (sign-in attempts are counted per address)
};

/// One complete HTTP response.
struct Response {
  int status = 200;
  std::string content_type = "application/json";
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;  // extra headers (Allow, Cache-Control …)
};

struct ApiOptions {
  std::size_t max_body_bytes =
      1U << 20;                     // larger request bodies get 413 (the server enforces it while reading)
  std::size_t max_json_depth = 32;  // deeper request JSON gets 400
  std::size_t default_page_size = 50;
  std::size_t max_page_size = 500;   // a larger `limit` gets 400
  std::size_t cache_entries = 1024;  // GET answers kept per published Snapshot
  /// When the session cookie carries Secure: kAuto when the request came through a TLS proxy
  /// (X-Forwarded-Proto: https), or always, or never (docs/security.md).
  enum class SecureCookie : std::uint8_t { kAuto, kAlways, kNever } secure_cookie = SecureCookie::kAuto;
};

/// Where the Api reads the current plans (never null; a request picks one with ?plan=) and today's
/// date (for the default as_of).
struct ApiContext {
  std::function<std::shared_ptr<const PlanSet>()> plans;
  std::function<DayNumber()> today;
  /// Sign-in and sessions; null: no accounts (the session endpoints answer 404 and every request
  /// is public), as in tests and tools that serve a Snapshot without a database.
  app::Sessions* sessions = nullptr;
  /// Who a request without a live session is: none = the public (the default, and what `atlas
  /// serve` uses). Tests and single-user tools that serve a Snapshot may name a principal instead.
  std::optional<app::Principal> without_session = std::nullopt;
};

/// A plans source for one Snapshot: each call wraps what `snapshot` returns as a PlanSet of that
/// one plan (for tests and tools that serve a single Snapshot).
[[nodiscard]] inline std::function<std::shared_ptr<const PlanSet>()> single_plan(
    std::function<std::shared_ptr<const Snapshot>()> snapshot) {
  return [snapshot = std::move(snapshot)] { return PlanSet::single(snapshot()); };
}

/// Routes /api/v1 requests to their handlers. Thread-safe: handle() may run on every worker thread
/// at once (it reads immutable Snapshots; the answer cache is internally synchronised).
class Api {
 public:
  Api(ApiContext context, ApiOptions options);
  ~Api();
  Api(const Api&) = delete;
  Api& operator=(const Api&) = delete;

  /// Answers `request` (whose target starts with /api/). Never throws: an unexpected exception
  /// becomes a 500 problem. Unknown paths are 404 problems, wrong methods 405 with Allow.
  [[nodiscard]] Response handle(const Request& request) const;

  /// The 413 problem for a request whose body exceeds options().max_body_bytes (the transport
  /// stops reading and sends this).
  [[nodiscard]] Response body_too_large(const Request& request) const;

  /// A problem response for transport-level failures outside /api (404 for a missing static file,
  /// 400 for a malformed request line): `code` is a stable problem type name such as "not-found".
  [[nodiscard]] static Response problem(int status, std::string_view code, std::string_view detail_en,
                                        std::string_view detail_zh);

  /// The route pattern ("/api/v1/enterprises/{id}") of the endpoint that a request target
  /// ("/api/v1/enterprises/x?limit=5") or a bare path names, matched as handle() matches it (the
  /// path percent-decoded, whatever the method); empty when the target does not parse or names no
  /// endpoint. The view has static storage (it is one of route_patterns()), so a caller may keep it
  /// as a bounded label such as a metrics series. Pure and thread-safe; throws only std::bad_alloc.
  [[nodiscard]] static std::string_view route_pattern(std::string_view target);

  /// Every route pattern once, in documentation order (the router's own table). Static storage;
  /// thread-safe.
  [[nodiscard]] static std::span<const std::string_view> route_patterns();

  [[nodiscard]] const ApiOptions& options() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace atlas::api
