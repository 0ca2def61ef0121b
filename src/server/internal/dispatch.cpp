#include "server/internal/dispatch.hpp"

#include <exception>
#include <string>
#include <utility>

#include <boost/beast/core/file.hpp>
#include <boost/beast/http/empty_body.hpp>
#include <boost/beast/http/file_body.hpp>
#include <fmt/format.h>

#include "server/internal/accept_encoding.hpp"
#include "server/internal/gzip.hpp"

namespace atlas::server::internal {
namespace {

namespace beast = boost::beast;

int code(http::status s) {
  return static_cast<int>(s);
}

bool is_get_or_head(const HttpRequest& r) {
  return r.method() == http::verb::get || r.method() == http::verb::head;
}

api::Response method_not_allowed(std::string_view path) {
  auto r = api::Api::problem(code(http::status::method_not_allowed), "method-not-allowed",
                             fmt::format("{} answers GET and HEAD only", path),
                             fmt::format("{} 只接受 GET 和 HEAD 请求", path));
  r.headers.emplace_back("Allow", "GET, HEAD");
  return r;
}

std::string_view path_of(std::string_view target) {
  return target.substr(0, target.find_first_of("?#"));
}

}  // namespace

api::Response compressed(api::Response response, bool gzip_accepted) {
  response.headers.emplace_back("Vary", "Accept-Encoding");
  // The gzip bytes are another representation: a strong validator becomes weak (as nginx does),
  // and If-None-Match compares weak tags by value, so revalidation still answers 304 (which
  // carries the weak tag the client holds).
  auto weaken_etag = [&] {
    for (auto& [name, value] : response.headers) {
      if (name == "ETag" && !value.starts_with("W/")) value.insert(0, "W/");
    }
  };
  if (!gzip_accepted) return response;
  if (response.status == static_cast<int>(http::status::not_modified)) {
    weaken_etag();
    return response;
  }
  if (response.body.size() < kGzipMinBytes) return response;
  auto packed = gzip(response.body);
  if (!packed || packed->size() >= response.body.size()) return response;
  response.body = std::move(*packed);
  response.headers.emplace_back("Content-Encoding", "gzip");
  weaken_etag();
  return response;
}

void set_security_headers(http::response_header<>& header, std::string_view content_type) {
  const bool page = content_type.starts_with("text/html");
  header.set("Content-Security-Policy", page ? kPageSecurityPolicy : kNonPageSecurityPolicy);
  header.set("X-Frame-Options", "DENY");
  header.set("X-Content-Type-Options", "nosniff");
  header.set("Referrer-Policy", "no-referrer");
}

Reply make_reply(api::Response response, Route route, unsigned version, bool keep_alive, bool head) {
  http::response<http::string_body> res{static_cast<http::status>(response.status), version};
  res.set(http::field::content_type, response.content_type);
  for (auto& [name, value] : response.headers)
    res.set(name, value);
  set_security_headers(res, response.content_type);
  res.keep_alive(keep_alive);
  const std::uint64_t bytes = response.body.size();
  res.body() = std::move(response.body);
  if (res.result() == http::status::not_modified || res.result() == http::status::no_content) {
    res.body().clear();  // no body, and no Content-Length (a 304's would have to be the 200's)
  } else {
    res.prepare_payload();
  }
  if (head) res.body().clear();  // Content-Length stays that of the GET answer
  const unsigned status = res.result_int();
  return Reply{http::message_generator{std::move(res)}, status, bytes, route, keep_alive};
}

api::Request Dispatcher::to_api(HttpRequest&& request, std::string_view remote) {
  api::Request r;
  r.method = std::string(request.method_string());
  r.target = std::string(request.target());
  r.content_type = std::string(request[http::field::content_type]);
  r.accept_language = std::string(request[http::field::accept_language]);
  r.if_none_match = std::string(request[http::field::if_none_match]);
  r.cookie = std::string(request[http::field::cookie]);
  r.csrf_token = std::string(request["X-CSRF-Token"]);
  r.origin = std::string(request[http::field::origin]);
  r.host = std::string(request[http::field::host]);
  r.fetch_site = std::string(request["Sec-Fetch-Site"]);
  r.forwarded_proto = std::string(request["X-Forwarded-Proto"]);
  r.remote = std::string(remote);
  r.body = std::move(request.body());
  return r;
}

// The catch-all of a request (STYLE: one of the three places that catch everything). Only running
// out of memory while writing the 500 itself can escape, and then terminating is right.
// NOLINTNEXTLINE(bugprone-exception-escape)
Reply Dispatcher::answer(HttpRequest&& request, bool keep_alive, std::string_view remote) const noexcept {
  const unsigned version = request.version();
  const bool head = request.method() == http::verb::head;
  try {
    return route(std::move(request), keep_alive && request.keep_alive(), remote);
  } catch (const std::exception& e) {
    auto r = api::Api::problem(code(http::status::internal_server_error), "internal",
                               fmt::format("internal error: {}", e.what()), "服务器内部错误");
    return make_reply(std::move(r), Route::kOther, version, false, head);
  } catch (...) {
    auto r = api::Api::problem(code(http::status::internal_server_error), "internal", "internal error",
                               "服务器内部错误");
    return make_reply(std::move(r), Route::kOther, version, false, head);
  }
}

Reply Dispatcher::route(HttpRequest&& request, bool keep_alive, std::string_view remote) const {
  const std::string_view target = request.target();
  const std::string_view path = path_of(target);
  const bool head = request.method() == http::verb::head;
  const unsigned version = request.version();
  if (path.starts_with("/api/")) {
    const Route route = api_route(target);
    const auto accept_field = request.find(http::field::accept_encoding);
    const bool gzip_accepted = accept_field != request.end() && [&] {
      const AcceptEncoding accept = parse_accept_encoding(accept_field->value());
      return choose_coding(&accept, false, true) == Coding::kGzip;
    }();
    return make_reply(compressed(api_.handle(to_api(std::move(request), remote)), gzip_accepted), route,
                      version, keep_alive, head);
  }
  if (path == "/healthz") return health(request, keep_alive);
  if (path == "/metrics") return metrics(request, keep_alive);
  return static_file(request, keep_alive);
}

Reply Dispatcher::health(const HttpRequest& request, bool keep_alive) const {
  const bool head = request.method() == http::verb::head;
  if (!is_get_or_head(request)) {
    return make_reply(method_not_allowed("/healthz"), Route::kHealthz, request.version(), keep_alive, head);
  }
  api::Response r;
  r.body = fmt::format(R"({{"status":"ok","snapshot_version":{}}})", snapshot_()->version);
  r.headers.emplace_back("Cache-Control", "no-store");
  return make_reply(std::move(r), Route::kHealthz, request.version(), keep_alive, head);
}

Reply Dispatcher::metrics(const HttpRequest& request, bool keep_alive) const {
  const bool head = request.method() == http::verb::head;
  if (!is_get_or_head(request)) {
    return make_reply(method_not_allowed("/metrics"), Route::kMetrics, request.version(), keep_alive, head);
  }
  api::Response r;
  r.content_type = "text/plain; version=0.0.4; charset=utf-8";
  r.body = metrics_.render(*snapshot_());
  r.headers.emplace_back("Cache-Control", "no-store");
  return make_reply(std::move(r), Route::kMetrics, request.version(), keep_alive, head);
}

Reply Dispatcher::static_file(const HttpRequest& request, bool keep_alive) const {
  const bool head = request.method() == http::verb::head;
  if (!is_get_or_head(request)) {
    return make_reply(method_not_allowed(path_of(request.target())), Route::kStatic, request.version(),
                      keep_alive, head);
  }
  auto file = files_.resolve(request.target());
  if (!file) return static_miss(request, file.error(), keep_alive);

  // The precompressed sibling the client accepts best (docs/server.md#compression).
  const auto accept_field = request.find(http::field::accept_encoding);
  const AcceptEncoding accept =
      accept_field == request.end() ? AcceptEncoding{} : parse_accept_encoding(accept_field->value());
  const EncodedFile send = files_.encoded(*file, accept_field == request.end() ? nullptr : &accept);

  beast::error_code ec;
  http::file_body::value_type body;
  body.open(send.path.c_str(), beast::file_mode::scan, ec);
  if (ec) return static_miss(request, StaticMiss::kNotFound, keep_alive);
  const std::uint64_t size = body.size();
  auto fill = [&](auto& res) {
    res.set(http::field::content_type, file->content_type);
    res.set(http::field::cache_control, file->cache_control);
    if (!send.content_encoding.empty()) res.set(http::field::content_encoding, send.content_encoding);
    res.set(http::field::vary, "Accept-Encoding");
    set_security_headers(res, file->content_type);
    res.keep_alive(keep_alive);
    res.content_length(size);
  };
  if (head) {
    http::response<http::empty_body> res{http::status::ok, request.version()};
    fill(res);
    return Reply{http::message_generator{std::move(res)}, static_cast<unsigned>(http::status::ok), size,
                 Route::kStatic, keep_alive};
  }
  http::response<http::file_body> res{http::status::ok, request.version(), std::move(body)};
  fill(res);
  return Reply{http::message_generator{std::move(res)}, static_cast<unsigned>(http::status::ok), size,
               Route::kStatic, keep_alive};
}

Reply Dispatcher::static_miss(const HttpRequest& request, StaticMiss miss, bool keep_alive) const {
  const bool head = request.method() == http::verb::head;
  const std::string_view path = path_of(request.target());
  api::Response r;
  switch (miss) {
    case StaticMiss::kBadPath:
      r = api::Api::problem(code(http::status::bad_request), "invalid-path",
                            fmt::format("not a valid path: {}", path), fmt::format("无效的路径：{}", path));
      break;
    case StaticMiss::kNotFound:
      r = api::Api::problem(code(http::status::not_found), "not-found", fmt::format("no such file: {}", path),
                            fmt::format("文件不存在：{}", path));
      break;
    case StaticMiss::kNotBuilt: {
      const std::string where =
          files_.given_root().empty() ? std::string("(no --web directory)") : files_.given_root().string();
      r = api::Api::problem(
          code(http::status::not_found), "web-app-not-built",
          fmt::format("the web app is not built: no index.html in {}; run `npm ci && npm run build` in web/ "
                      "or pass --web DIR. The API is at /api/v1/.",
                      where),
          fmt::format("网页应用尚未构建：{} 中没有 index.html；请在 web/ 中运行 npm ci && npm run build，"
                      "或用 --web 指定目录。API 位于 /api/v1/。",
                      where));
      break;
    }
  }
  return make_reply(std::move(r), Route::kStatic, request.version(), keep_alive, head);
}

Reply Dispatcher::body_too_large(const HttpRequest& header) const {
  api::Request r;
  r.method = std::string(header.method_string());
  r.target = std::string(header.target());
  r.content_type = std::string(header[http::field::content_type]);
  r.accept_language = std::string(header[http::field::accept_language]);
  const Route route = path_of(r.target).starts_with("/api/") ? api_route(r.target) : Route::kOther;
  return make_reply(api_.body_too_large(r), route, header.version(), false, false);
}

Reply Dispatcher::malformed(unsigned version, bool header_too_large, std::string_view detail) {
  auto r = header_too_large
               ? api::Api::problem(code(http::status::request_header_fields_too_large), "header-too-large",
                                   fmt::format("request headers too large: {}", detail), "请求头过大")
               : api::Api::problem(code(http::status::bad_request), "malformed-request",
                                   fmt::format("malformed HTTP request: {}", detail),
                                   fmt::format("HTTP 请求格式错误：{}", detail));
  return make_reply(std::move(r), Route::kOther, version == 10 ? 10 : 11, false, false);
}

Reply Dispatcher::overloaded(const HttpRequest& request, bool keep_alive, std::size_t queue_limit,
                             std::chrono::seconds retry_after) {
  auto r = api::Api::problem(
      code(http::status::service_unavailable), "overloaded",
      fmt::format("the server is busy: {} requests are already waiting to be computed; retry in {} s",
                  queue_limit, retry_after.count()),
      fmt::format("服务器繁忙：已有 {} 个请求在等待计算；请 {} 秒后重试", queue_limit, retry_after.count()));
  r.headers.emplace_back("Retry-After", std::to_string(retry_after.count()));
  r.headers.emplace_back("Cache-Control", "no-store");
  return make_reply(std::move(r), api_route(request.target()), request.version(), keep_alive,
                    request.method() == http::verb::head);
}

}  // namespace atlas::server::internal
