// The router: parses the request target with Boost.URL, finds the route, reads the common
// parameters, calls the handler and renders its answer; GET answers are cached per snapshot.
#include "api/api.hpp"

#include <algorithm>
#include <exception>

#include <boost/url/parse.hpp>
#include <boost/url/url_view.hpp>
#include <fmt/format.h>

#include "api/internal/cache.hpp"
#include "api/internal/cookie.hpp"
#include "api/internal/handler.hpp"
#include "api/internal/render.hpp"
#include "api/internal/request.hpp"
#include "api/internal/router.hpp"
#include "model/text.hpp"

namespace atlas::api {

using internal::Outcome;
using internal::Problem;

namespace {

// The request target taken apart: decoded path segments and query parameters.
struct Target {
  std::string path;
  std::vector<std::string> segments;
  internal::Params params;
};

// A method, decoded path or decoded parameter that is not text (invalid UTF-8, a control
// character): refused before anything echoes it into an answer, which must be UTF-8.
std::optional<Problem> not_text(std::string_view what, std::string_view value) {
  const std::optional<TextFault> fault = check_input_text(value);
  if (!fault) return std::nullopt;
  return Problem{400,
                 "invalid-argument",
                 fmt::format("the request {} is not text: {} at character {}", what, fault->reason,
                             fault->character + 1),
                 fmt::format("请求{}不是合法文本：第 {} 个字符处 {}", what == "method" ? "方法" : "路径",
                             fault->character + 1, fault->reason),
                 {},
                 0};
}

// The answer to a ?plan= that names no plan of the database (404), or to no ?plan= when several
// plans have no default (400): both list the plans.
Problem plan_problem(const Error& e) {
  const bool unknown = e.code == ErrorCode::kUnknownReference;
  return Problem{unknown ? 404 : 400,
                 unknown ? "not-found" : "invalid-argument",
                 e.message,
                 unknown ? fmt::format("规划不存在：{}", e.message)
                         : fmt::format("数据库中有多个规划且未设默认规划，请用 plan 参数指定：{}", e.message),
                 "plan",
                 0};
}

Outcome<Target> parse_target(std::string_view text) {
  const auto url = boost::urls::parse_origin_form(text);
  if (!url) {
    return std::unexpected(Problem{400,
                                   "invalid-argument",
                                   fmt::format("malformed request target: {}", url.error().message()),
                                   "请求地址格式错误，无法解析",
                                   {},
                                   0});
  }
  Target t;
  t.path = url->path();
  for (auto segment : url->segments())
    t.segments.push_back(segment);
  std::vector<std::pair<std::string, std::string>> items;
  for (auto param : url->params(boost::urls::encoding_opts(true)))
    items.emplace_back(param.key, param.value);
  // Boost.URL decodes %XX into any byte: the decoded path and parameters must be text too.
  if (auto problem = not_text("target", t.path)) return std::unexpected(std::move(*problem));
  for (const auto& [key, value] : items) {
    if (auto problem = not_text("target", key)) return std::unexpected(std::move(*problem));
    if (auto problem = not_text("target", value)) return std::unexpected(std::move(*problem));
  }
  t.params = internal::Params(std::move(items));
  return t;
}

// The cache key of a GET: version, path, sorted parameters with as_of resolved.
std::string cache_key(const Target& t, DayNumber as_of, bool sample) {
  auto items = t.params.items();
  std::erase_if(items, [](const auto& p) { return p.first == "as_of" || p.first == "sample"; });
  std::stable_sort(items.begin(), items.end());
  std::string key = fmt::format("GET {}\n{}\n{}", t.path, as_of, sample ? 1 : 0);
  for (const auto& [name, value] : items)
    key += fmt::format("\n{}={}", name, value);
  return key;
}

// True when an If-None-Match header lists `etag` (or is "*"); weak tags compare by value.
bool etag_matches(std::string_view header, std::string_view etag) {
  while (!header.empty()) {
    const auto comma = header.find(',');
    std::string_view tag = header.substr(0, comma);
    header = comma == std::string_view::npos ? std::string_view() : header.substr(comma + 1);
    while (!tag.empty() && tag.front() == ' ')
      tag.remove_prefix(1);
    while (!tag.empty() && tag.back() == ' ')
      tag.remove_suffix(1);
    if (tag.starts_with("W/")) tag.remove_prefix(2);
    if (tag == "*" || tag == etag) return true;
  }
  return false;
}

std::string_view etag_of(const Response& r) {
  for (const auto& [name, value] : r.headers) {
    if (name == "ETag") return value;
  }
  return {};
}

// A 304 in place of `r` when the client already holds it.
Response revalidated(const Request& request, Response r) {
  if (request.if_none_match.empty() || r.status != 200) return r;
  const std::string_view etag = etag_of(r);
  if (etag.empty() || !etag_matches(request.if_none_match, etag)) return r;
  Response not_modified;
  not_modified.status = 304;
  not_modified.headers = r.headers;
  return not_modified;
}

Response with_etag(Response r, std::uint64_t version) {
  r.headers.emplace_back("ETag", fmt::format("\"v{}-{:016x}\"", version, internal::content_hash(r.body)));
  r.headers.emplace_back("Cache-Control", "no-cache");
  return r;
}

// The host[:port] of an Origin header ("https://atlas.example:8443" → "atlas.example:8443").
std::string_view origin_host(std::string_view origin) {
  const auto scheme = origin.find("://");
  return scheme == std::string_view::npos ? origin : origin.substr(scheme + 3);
}

// A write that a page of another site sent (the browser says so in Origin or Sec-Fetch-Site):
// refused before anything else, so no cookie of ours is ever used by another site's form.
std::optional<Problem> cross_site(const Request& request) {
  const bool other_origin = !request.origin.empty() && (request.origin == "null" || request.host.empty() ||
                                                        origin_host(request.origin) != request.host);
  if (!other_origin && request.fetch_site != "cross-site") return std::nullopt;
  const std::string from = request.origin.empty() ? std::string("another site") : request.origin;
  return Problem{403,
                 "cross-site-write",
                 fmt::format("a write from {} is refused: only pages of this server may write", from),
                 fmt::format("拒绝来自 {} 的写请求：只有本站页面可以写入", from),
                 {},
                 0};
}

// The answer to a request the policy refuses: 401 for the public (signing in may help), 403 for a
// signed-in user whose role may not. It names the resource, never a record.
Problem denied(const app::Principal* who, app::Resource resource, app::Action action) {
  if (who == nullptr) {
    return Problem{
        401,
        "sign-in-required",
        fmt::format("{} {} needs an account: sign in (POST /api/v1/session)",
                    action == app::Action::kRead ? "reading" : "changing", app::to_string(resource)),
        fmt::format("访问 {} 需要登录", app::to_string(resource)),
        {},
        0};
  }
  return Problem{403,
                 "forbidden",
                 fmt::format("a{} {} account may not {} {}", who->role == Role::kAdmin ? "n" : "",
                             to_string(who->role), app::to_string(action), app::to_string(resource)),
                 fmt::format("当前账号（{}）无权{} {}", to_string(who->role),
                             action == app::Action::kRead ? "读取" : "修改", app::to_string(resource)),
                 {},
                 0};
}

// What an answer may depend on about the caller: the public, an enterprise user's enterprise, or
// every figure (analysts and administrators see the same answers).
std::string audience_key(const app::Principal* who) {
  if (app::allowed(who, app::Resource::kFigures, app::Action::kRead) == app::Scope::kAll) return "all";
  if (who != nullptr && app::may_see_figures(who, who->enterprise)) return "own:" + who->enterprise;
  return "public";
}

}  // namespace

struct Api::Impl {
  Impl(ApiContext c, ApiOptions o) : context(std::move(c)), options(o), cache(o.cache_entries) {}

  ApiContext context;
  ApiOptions options;
  internal::ResponseCache cache;
  mutable internal::ForecastCache forecasts;

  [[nodiscard]] Response fail(const Request& request, const Problem& problem) const {
    return internal::problem_response(problem, echo_safe(request.target),
                                      internal::prefers_chinese(request.accept_language));
  }
  [[nodiscard]] Response dispatch(const Request& request) const;
  [[nodiscard]] Outcome<internal::Caller> identify(const Request& request) const;
  [[nodiscard]] Outcome<boost::json::value> json_body(const Request& request) const;
  [[nodiscard]] Response account(const Request& request, const internal::Route& route, const Target& target,
                                 const internal::Caller& caller, const std::vector<std::string>& ids) const;
  [[nodiscard]] Response session_ended(const Request& request) const;
  [[nodiscard]] Response read(const Request& request, const internal::Route& route, const Target& target,
                              const std::vector<std::string>& ids, const internal::Caller& caller) const;
  [[nodiscard]] Response write(const Request& request, const internal::Route& route, const Target& target,
                               const internal::Caller& caller) const;
};

Response Api::Impl::dispatch(const Request& request) const {
  if (auto problem = not_text("method", request.method)) return fail(request, *problem);
  auto target = parse_target(request.target);
  if (!target) return fail(request, target.error());
  const auto match = internal::match_route(target->segments);
  if (!match) {
    return fail(request, Problem{404,
                                 "not-found",
                                 fmt::format("no endpoint at {}", target->path),
                                 fmt::format("接口 {} 不存在", target->path),
                                 {},
                                 0});
  }
  const internal::Route* route = match->for_method(request.method);
  if (route == nullptr) {
    Response r = fail(request, Problem{405,
                                       "method-not-allowed",
                                       fmt::format("{} does not take {} (allowed: {})", target->path,
                                                   request.method, match->allow()),
                                       fmt::format("接口 {} 不支持 {} 请求方法（可用：{}）", target->path,
                                                   request.method, match->allow()),
                                       {},
                                       0});
    r.headers.emplace_back("Allow", match->allow());
    return r;
  }
  const bool writes = route->method != "GET";
  if (writes) {
    if (auto problem = cross_site(request)) return fail(request, *problem);
  }
  auto caller = identify(request);
  if (!caller) return fail(request, caller.error());
  // A stale cookie is an error everywhere but where one signs in, out, or asks who is signed in.
  if (caller->stale() && route->resource != app::Resource::kSession) return session_ended(request);
  // Signing in (or creating the first administrator) replaces the browser's session: no token
  // from the old one is asked for (the cross-site check above stops login CSRF).
  const bool signs_in =
      route->account == &internal::sign_in || route->account == &internal::create_first_admin;
  if (writes && caller->session && !signs_in &&
      !app::Sessions::csrf_matches(caller->token, request.csrf_token)) {
    const bool missing = request.csrf_token.empty();
    return fail(request,
                Problem{403, missing ? "csrf-token-missing" : "csrf-token-invalid",
                        missing ? "a write with a session needs the X-CSRF-Token header (GET /api/v1/session "
                                  "gives the token)"
                                : "the X-CSRF-Token header is not this session's token (GET /api/v1/session "
                                  "gives it)",
                        missing ? "已登录时的写请求须带 X-CSRF-Token 请求头（由 GET /api/v1/session 获得）"
                                : "X-CSRF-Token 与当前登录会话不符（由 GET /api/v1/session 获得）",
                        "X-CSRF-Token", 0});
  }
  if (app::allowed(caller->principal(), route->resource, route->action) == app::Scope::kNone)
    return fail(request, denied(caller->principal(), route->resource, route->action));
  if (route->account != nullptr) return account(request, *route, *target, *caller, match->ids);
  if (route->method == "POST") return write(request, *route, *target, *caller);
  return revalidated(request, read(request, *route, *target, match->ids, *caller));
}

Outcome<internal::Caller> Api::Impl::identify(const Request& request) const {
  internal::Caller caller;
  if (context.without_session) caller.fallback = &*context.without_session;
  if (context.sessions == nullptr || request.cookie.empty()) return caller;
  const auto token = internal::cookie_value(request.cookie, internal::kSessionCookie);
  if (!token || token->empty()) return caller;
  caller.token = std::string(*token);
  auto session = context.sessions->find(caller.token);
  if (!session) {
    return std::unexpected(Problem{503,
                                   "store-unavailable",
                                   fmt::format("the session could not be read: {}", session.error().message),
                                   "暂时无法读取登录会话，请稍后重试",
                                   {},
                                   0});
  }
  caller.session = std::move(*session);
  return caller;
}

Response Api::Impl::session_ended(const Request& request) const {
  Response r = fail(request, Problem{401,
                                     "session-expired",
                                     "your session has ended (signed out, expired, idle too long, or the "
                                     "account was changed): sign in again",
                                     "登录已失效（已退出、过期、长时间未操作或账号已变更），请重新登录",
                                     {},
                                     0});
  r.headers.emplace_back("Set-Cookie",
                         internal::cleared_session_cookie(internal::secure_cookie(request, options)));
  r.headers.emplace_back("WWW-Authenticate", fmt::format("Cookie name=\"{}\"", internal::kSessionCookie));
  return r;
}

Outcome<boost::json::value> Api::Impl::json_body(const Request& request) const {
  if (!internal::is_json_media_type(request.content_type)) {
    return std::unexpected(
        Problem{415,
                "unsupported-media-type",
                fmt::format("the body must be application/json, not \"{}\"", request.content_type),
                fmt::format("请求体的类型须为 application/json，收到“{}”", request.content_type),
                {},
                0});
  }
  if (request.body.size() > options.max_body_bytes) {
    return std::unexpected(Problem{413,
                                   "body-too-large",
                                   fmt::format("the request body exceeds {} bytes", options.max_body_bytes),
                                   fmt::format("请求体超过 {} 字节的上限", options.max_body_bytes),
                                   {},
                                   0});
  }
  return internal::parse_json_body(request.body, options.max_json_depth);
}

Response Api::Impl::account(const Request& request, const internal::Route& route, const Target& target,
                            const internal::Caller& caller, const std::vector<std::string>& ids) const {
  if (context.sessions == nullptr) {
    return fail(request, Problem{404,
                                 "not-found",
                                 "this server has no accounts: it serves a Snapshot without a database",
                                 "本服务未启用账号（未连接数据库）",
                                 {},
                                 0});
  }
  if (!target.params.items().empty()) {
    const std::string& name = target.params.items().front().first;
    return fail(request, Problem{400, "unknown-field", fmt::format("unknown query parameter \"{}\"", name),
                                 fmt::format("不支持参数 {}", name), name, 0});
  }
  boost::json::value body;
  if (route.method == "POST") {
    auto parsed = json_body(request);
    if (!parsed) return fail(request, parsed.error());
    body = std::move(*parsed);
  }
  const internal::AccountContext ctx{request, caller, body, *context.sessions, options, ids};
  Response r = route.account(ctx);
  r.headers.emplace_back("Cache-Control", "no-store");
  return r;
}

Response Api::Impl::read(const Request& request, const internal::Route& route, const Target& target,
                         const std::vector<std::string>& ids, const internal::Caller& caller) const {
  const internal::Params& params = target.params;
  const DayNumber today = context.today();
  DayNumber as_of = today;
  if (const auto text = params.get("as_of")) {
    auto day = internal::parse_day(*text, "as_of");
    if (!day) return fail(request, day.error());
    as_of = *day;
  }
  const auto sample = params.get_bool("sample", true);
  if (!sample) return fail(request, sample.error());
  if (route.read == nullptr &&
      route.download == nullptr) {  // the OpenAPI document: the same for every snapshot
    if (auto ok = params.allow({}); !ok) return fail(request, ok.error());
    Response r;
    r.body = std::string(internal::openapi_document());
    return with_etag(std::move(r), 0);
  }
  const std::shared_ptr<const PlanSet> plans = context.plans();
  const std::string key = cache_key(target, as_of, *sample) + "\nwho=" + audience_key(caller.principal());
  if (auto hit = cache.find(plans->version(), key)) return std::move(*hit);
  auto snapshot = plans->find(params.get("plan").value_or(""));
  // The list of plans answers without a plan (its meta then describes the first one).
  if (!snapshot && route.any_plan && !params.get("plan")) snapshot = plans->plans().front();
  if (!snapshot) return fail(request, plan_problem(snapshot.error()));

  const internal::ReadContext ctx{
      **snapshot, *plans,    Visibility{as_of, *sample}, as_of, today, params, ids, options,
      *snapshot,  forecasts, caller.principal()};
  Response r;
  if (route.download != nullptr) {
    auto file = route.download(ctx);
    if (!file) return fail(request, file.error());
    r.content_type = std::move(file->content_type);
    r.body = std::move(file->body);
    r.headers.emplace_back("Content-Disposition", fmt::format("attachment; filename=\"{}\"", file->filename));
  } else {
    auto answer = route.read(ctx);
    if (!answer) return fail(request, answer.error());
    r = internal::json_response(*answer);
  }
  r = with_etag(std::move(r), plans->version());
  cache.insert(plans->version(), key, r);
  return r;
}

Response Api::Impl::write(const Request& request, const internal::Route& route, const Target& target,
                          const internal::Caller& caller) const {
  const auto& items = target.params.items();
  const auto unknown = std::ranges::find_if(items, [](const auto& item) { return item.first != "plan"; });
  if (unknown != items.end()) {
    const std::string& name = unknown->first;
    return fail(
        request,
        Problem{400, "unknown-field",
                fmt::format("unknown query parameter \"{}\": this endpoint reads its body (and ?plan=) only",
                            name),
                fmt::format("不支持参数 {}：此接口只读取请求体（及 plan 参数）", name), name, 0});
  }
  auto body = json_body(request);
  if (!body) return fail(request, body.error());
  const std::shared_ptr<const PlanSet> plans = context.plans();
  auto snapshot = plans->find(target.params.get("plan").value_or(""));
  if (!snapshot) return fail(request, plan_problem(snapshot.error()));
  const internal::WriteContext ctx{**snapshot, context.today(),   *body, options, *snapshot,
                                   forecasts,  caller.principal()};
  auto answer = route.write(ctx);
  if (!answer) return fail(request, answer.error());
  Response r = internal::json_response(*answer);
  r.headers.emplace_back("Cache-Control", "no-store");
  return r;
}

Api::Api(ApiContext context, ApiOptions options)
    : impl_(std::make_unique<Impl>(std::move(context), options)) {
}
Api::~Api() = default;

const ApiOptions& Api::options() const {
  return impl_->options;
}

Response Api::problem(int status, std::string_view code, std::string_view detail_en,
                      std::string_view detail_zh) {
  return internal::problem_response(
      Problem{status, std::string(code), std::string(detail_en), std::string(detail_zh), {}, 0}, "", false);
}

std::string_view Api::route_pattern(std::string_view target) {
  const auto url = boost::urls::parse_origin_form(target);
  if (!url) return {};
  std::vector<std::string> segments;
  for (auto segment : url->segments())
    segments.push_back(segment);
  const auto match = internal::match_route(segments);
  if (!match) return {};
  return match->routes.front()->path;  // every route of a match has the same path
}

std::span<const std::string_view> Api::route_patterns() {
  static const std::vector<std::string_view> patterns = [] {
    std::vector<std::string_view> out;
    for (const internal::Route& r : internal::routes()) {
      if (std::ranges::find(out, r.path) == out.end()) out.push_back(r.path);
    }
    return out;
  }();
  return patterns;
}

Response Api::handle(const Request& request) const {
  try {
    return impl_->dispatch(request);
  } catch (const std::exception& e) {
    return impl_->fail(request, Problem{500,
                                        "internal",
                                        fmt::format("internal error: {}", e.what()),
                                        "服务器内部错误，请稍后重试",
                                        {},
                                        0});
  } catch (...) {
    return impl_->fail(request,
                       Problem{500, "internal", "internal error", "服务器内部错误，请稍后重试", {}, 0});
  }
}

Response Api::body_too_large(const Request& request) const {
  return impl_->fail(request,
                     Problem{413,
                             "body-too-large",
                             fmt::format("the request body exceeds {} bytes", impl_->options.max_body_bytes),
                             fmt::format("请求体超过 {} 字节的上限", impl_->options.max_body_bytes),
                             {},
                             0});
}

}  // namespace atlas::api
