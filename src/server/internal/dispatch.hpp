// One request in, one response out: routes /api/, /healthz, /metrics and the web app's files, and
// builds the transport's own problems (malformed request, body too large …).
#pragma once

#include <chrono>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>

#include <boost/beast/http/message_generator.hpp>
#include <boost/beast/http/string_body.hpp>

#include "api/api.hpp"
#include "server/internal/metrics.hpp"
#include "server/internal/routes.hpp"
#include "server/internal/static_files.hpp"
#include "server/server.hpp"

namespace atlas::server::internal {

namespace http = boost::beast::http;
using HttpRequest = http::request<http::string_body>;

/// A response ready to write, with what the access log and the metrics need.
struct Reply {
  http::message_generator message;
  unsigned status = 0;
  std::uint64_t body_bytes = 0;  // what the body is (for HEAD: what it would be)
  Route route = Route::kOther;
  bool keep_alive = false;
};

/// Stateless apart from its references (which must outlive it); thread-safe.
class Dispatcher {
 public:
  Dispatcher(const api::Api& api, SnapshotSource snapshot, const StaticFiles& files, const Metrics& metrics)
      : api_(api), snapshot_(std::move(snapshot)), files_(files), metrics_(metrics) {}

  /// Answers a complete request. `keep_alive` false forces Connection: close. Never throws: an
  /// exception becomes a 500 problem.
  /// `remote` is the peer's address (no port), for the API's sign-in attempt limit.
  [[nodiscard]] Reply answer(HttpRequest&& request, bool keep_alive,
                             std::string_view remote = {}) const noexcept;

  /// 413 for a request whose body is over the limit (`header`: the request as far as it was read).
  [[nodiscard]] Reply body_too_large(const HttpRequest& header) const;
  /// 503 `overloaded` with Retry-After for an /api request refused because the compute queue
  /// (`queue_limit` waiting requests) is full.
  [[nodiscard]] static Reply overloaded(const HttpRequest& request, bool keep_alive, std::size_t queue_limit,
                                        std::chrono::seconds retry_after);
  /// 400 (malformed request line or headers) or 431 (headers over the limit), Connection: close.
  [[nodiscard]] static Reply malformed(unsigned version, bool header_too_large, std::string_view detail);

  /// The api::Request for a Beast request (method, target, body, and the headers the API reads).
  [[nodiscard]] static api::Request to_api(HttpRequest&& request, std::string_view remote = {});

 private:
  [[nodiscard]] Reply route(HttpRequest&& request, bool keep_alive, std::string_view remote) const;
  [[nodiscard]] Reply health(const HttpRequest& request, bool keep_alive) const;
  [[nodiscard]] Reply metrics(const HttpRequest& request, bool keep_alive) const;
  [[nodiscard]] Reply static_file(const HttpRequest& request, bool keep_alive) const;
  [[nodiscard]] Reply static_miss(const HttpRequest& request, StaticMiss miss, bool keep_alive) const;

  const api::Api& api_;
  SnapshotSource snapshot_;
  const StaticFiles& files_;
  const Metrics& metrics_;
};

/// The Content-Security-Policy of an HTML page (the web app): scripts, styles, images, fonts and
/// fetches from this origin only, and no inline script; inline styles are allowed because Element
/// Plus and ECharts write style attributes (ECharts' tooltip markup). No framing, no plugins, no
/// <base>. See docs/server.md#security-headers.
inline constexpr std::string_view kPageSecurityPolicy =
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
    "font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
    "frame-ancestors 'none'";
/// The Content-Security-Policy of every other answer (JSON, problems, scripts, images, metrics):
/// were it ever shown as a document, it may load and run nothing and not be framed.
inline constexpr std::string_view kNonPageSecurityPolicy =
    "default-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/// Sets the headers every answer carries, whatever its status: Content-Security-Policy (the page
/// policy for `content_type` text/html, the non-page policy otherwise), X-Frame-Options DENY,
/// X-Content-Type-Options nosniff and Referrer-Policy no-referrer. Replaces earlier values.
void set_security_headers(http::response_header<>& header, std::string_view content_type);

/// `response` for a client that accepts gzip or not: a body of kGzipMinBytes or more gzipped
/// (Content-Encoding: gzip, its ETag made weak) when accepted and smaller; Vary: Accept-Encoding
/// either way.
[[nodiscard]] api::Response compressed(api::Response response, bool gzip_accepted);

/// A Reply from an api::Response for a request of HTTP `version`; `head` leaves the body out but
/// keeps its Content-Length.
[[nodiscard]] Reply make_reply(api::Response response, Route route, unsigned version, bool keep_alive,
                               bool head);

}  // namespace atlas::server::internal
