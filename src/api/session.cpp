// /api/v1/session and /api/v1/setup: signing in and out, who is signed in, and the one-time
// creation of the first administrator (docs/security.md).
#include <algorithm>
#include <array>
#include <chrono>

#include <fmt/format.h>

#include "api/internal/cookie.hpp"
#include "api/internal/handler.hpp"
#include "api/internal/render.hpp"
#include "api/internal/request.hpp"
#include "model/text.hpp"
#include "store/store.hpp"

namespace atlas::api::internal {
namespace {

namespace json = boost::json;

std::string utc(std::int64_t unix_seconds) {
  return format_utc(std::chrono::sys_seconds(std::chrono::seconds(unix_seconds)));
}

// {"signed_in": true, "user": {...}, "csrf_token", "expires"} for a live session.
json::object session_json(const app::ActiveSession& s) {
  json::object user;
  user["name"] = s.principal.user;
  user["role"] = to_string(s.principal.role);
  user["enterprise"] =
      s.principal.enterprise.empty() ? json::value(nullptr) : json::value(s.principal.enterprise);
  json::object out;
  out["signed_in"] = true;
  out["user"] = std::move(user);
  out["csrf_token"] = s.csrf_token;
  out["expires"] = utc(s.expires);
  return out;
}

Response signed_in(const AccountContext& ctx, const app::SignedIn& s) {
  Response r = json_response(session_json(s.session));
  const std::int64_t max_age = ctx.sessions.options().lifetime.count();
  r.headers.emplace_back("Set-Cookie",
                         session_cookie(s.token, max_age, secure_cookie(ctx.request, ctx.options)));
  return r;
}

Response signed_out(const AccountContext& ctx, bool clear_cookie) {
  json::object out;
  out["signed_in"] = false;
  auto needed = ctx.sessions.setup_needed();
  out["setup_needed"] = needed && *needed;
  Response r = json_response(out);
  if (clear_cookie)
    r.headers.emplace_back("Set-Cookie", cleared_session_cookie(secure_cookie(ctx.request, ctx.options)));
  return r;
}

// The string members `names` of a JSON object body, each required; any other member refused.
template <std::size_t N>
Outcome<std::array<std::string, N>> string_members(const json::value& body,
                                                   const std::array<const char*, N>& names) {
  const json::object* object = body.if_object();
  if (object == nullptr) {
    return std::unexpected(member_problem("invalid-value", "", "the request body must be a JSON object",
                                          "请求体须为 JSON 对象"));
  }
  std::array<std::string, N> out;
  for (const auto& [key, value] : *object) {
    const auto at = std::ranges::find_if(names, [&](const char* n) { return key == n; });
    if (at == names.end()) {
      return std::unexpected(member_problem("unknown-field", key,
                                            fmt::format("unknown member \"{}\"", std::string_view(key)),
                                            fmt::format("不支持的成员 {}", std::string_view(key))));
    }
    if (!value.is_string()) {
      return std::unexpected(member_problem("invalid-value", key, fmt::format("{}: must be a string", *at),
                                            fmt::format("成员 {} 须为字符串", *at)));
    }
    out[static_cast<std::size_t>(at - names.begin())] = std::string(value.get_string());
  }
  for (std::size_t i = 0; i < N; ++i) {
    if (!object->contains(names[i])) {
      return std::unexpected(member_problem("missing-field", names[i], fmt::format("{}: required", names[i]),
                                            fmt::format("缺少成员 {}", names[i])));
    }
  }
  return out;
}

// The answer to a refused sign-in or setup.
Response refused(const AccountContext& ctx, const app::SignInError& e) {
  Problem p;
  switch (e.why) {
    case app::Refusal::kWrongCredentials:
      p = Problem{401, "wrong-credentials", "wrong user name or password", "用户名或密码错误", {}, 0};
      break;
    case app::Refusal::kDisabled:
      p = Problem{403,
                  "account-disabled",
                  "this account is disabled: ask an administrator to enable it",
                  "该账号已停用，请联系管理员启用",
                  {},
                  0};
      break;
    case app::Refusal::kLockedOut:
      p = Problem{429,
                  "locked-out",
                  fmt::format("too many failed sign-ins: this account is locked until {} ({} min); try again "
                              "then, or ask an administrator to set a new password",
                              utc(e.until), (e.retry_after + 59) / 60),
                  fmt::format("密码错误次数过多，账号已锁定至 {}（{} 分钟）；请届时再试，或请管理员重设密码",
                              utc(e.until), (e.retry_after + 59) / 60),
                  {},
                  0};
      break;
    case app::Refusal::kThrottled:
      p = Problem{
          429,
          "too-many-attempts",
          fmt::format("too many sign-in attempts from this address: try again in {} s", e.retry_after),
          fmt::format("此地址登录尝试过于频繁，请 {} 秒后再试", e.retry_after),
          {},
          0};
      break;
    case app::Refusal::kSetupClosed:
      p = Problem{
          403,
          "setup-closed",
          "this first-administrator link is wrong or used, or the database has users: sign in instead "
          "(a new link is printed by `atlas serve` only while the database has no user)",
          "首个管理员链接无效或已使用，或数据库已有用户：请直接登录（仅当数据库没有用户时 atlas serve "
          "才会打印新链接）",
          {},
          0};
      break;
    case app::Refusal::kInvalid:
      p = problem_from(e.error);
      break;
    case app::Refusal::kUnavailable:
      p = Problem{503,
                  "store-unavailable",
                  fmt::format("the accounts could not be read: {}", e.error.message),
                  "暂时无法读取账号数据，请稍后重试",
                  {},
                  0};
      break;
  }
  Response r = ctx.fail(p);
  if (e.retry_after > 0) r.headers.emplace_back("Retry-After", fmt::format("{}", e.retry_after));
  return r;
}

}  // namespace

Response get_session(const AccountContext& ctx) {
  if (ctx.caller.session) return json_response(session_json(*ctx.caller.session));
  return signed_out(ctx, ctx.caller.stale());
}

Response sign_in(const AccountContext& ctx) {
  auto members = string_members<2>(ctx.body, {"user", "password"});
  if (!members) return ctx.fail(members.error());
  auto& [user, password] = *members;
  auto opened = ctx.sessions.sign_in(user, password, ctx.request.remote);
  if (!opened) return refused(ctx, opened.error());
  // A session this browser already had ends: one browser, one session.
  if (!ctx.caller.token.empty()) (void)ctx.sessions.sign_out(ctx.caller.token);
  return signed_in(ctx, *opened);
}

Response sign_out(const AccountContext& ctx) {
  if (!ctx.caller.token.empty()) {
    if (auto ok = ctx.sessions.sign_out(ctx.caller.token); !ok) {
      return ctx.fail(Problem{503,
                              "store-unavailable",
                              fmt::format("signing out failed: {}", ok.error().message),
                              "暂时无法退出登录，请稍后重试",
                              {},
                              0});
    }
  }
  return signed_out(ctx, true);
}

Response get_setup(const AccountContext& ctx) {
  auto needed = ctx.sessions.setup_needed();
  if (!needed) return refused(ctx, app::SignInError{app::Refusal::kUnavailable, 0, 0, needed.error()});
  json::object out;
  out["setup_needed"] = *needed;
  return json_response(out);
}

Response create_first_admin(const AccountContext& ctx) {
  auto members = string_members<3>(ctx.body, {"token", "user", "password"});
  if (!members) return ctx.fail(members.error());
  auto& [token, user, password] = *members;
  auto opened = ctx.sessions.create_first_admin(token, user, password, ctx.request.remote);
  if (!opened) return refused(ctx, opened.error());
  if (!ctx.caller.token.empty()) (void)ctx.sessions.sign_out(ctx.caller.token);
  return signed_in(ctx, *opened);
}

}  // namespace atlas::api::internal
