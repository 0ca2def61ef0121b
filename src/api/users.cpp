// /api/v1/users: an administrator's accounts (docs/api.md, docs/security.md). The policy lets only
// administrators here; the checks and errors are app/accounts.hpp's, as for `atlas user`.
#include <fmt/format.h>

#include "api/internal/handler.hpp"
#include "api/internal/render.hpp"
#include "model/text.hpp"

namespace atlas::api::internal {
namespace {

namespace json = boost::json;

// The user as the API shows it: never the password hash.
json::object user_json(const UserRecord& u) {
  return json::object{{"name", u.name},
                      {"role", to_string(u.role)},
                      {"enterprise", u.enterprise.empty() ? json::value(nullptr) : json::value(u.enterprise)},
                      {"disabled", u.disabled},
                      {"created", u.created},
                      {"password_changed", u.password_changed}};
}

std::string actor(const AccountContext& ctx) {
  const app::Principal* who = ctx.caller.principal();
  return who != nullptr ? "user: " + who->user : "user: ?";
}

Problem body_problem(std::string_view en, std::string_view zh, std::string_view field) {
  return Problem{400, "invalid-value", std::string(en), std::string(zh), std::string(field), 0};
}

// An account error as a problem: a taken name is a 409, no such user a 404, the rest 400.
Problem account_problem(const Error& e) {
  Problem p = problem_from(e);
  if (e.code == ErrorCode::kDuplicateKey) p.status = 409;
  if (e.code == ErrorCode::kStoreError) p.status = 503;
  return p;
}

}  // namespace

Response list_users(const AccountContext& ctx) {
  auto users = ctx.sessions.users();
  if (!users) return ctx.fail(account_problem(users.error()));
  json::array items;
  for (const UserRecord& u : *users)
    items.emplace_back(user_json(u));
  return json_response(json::object{{"total", items.size()}, {"items", std::move(items)}});
}

Response add_user(const AccountContext& ctx) {
  const json::object* body = ctx.body.if_object();
  if (body == nullptr)
    return ctx.fail(body_problem("the request body must be a JSON object", "请求体须为 JSON 对象", ""));
  app::NewUser user;
  bool has_role = false;
  for (const auto& [key, value] : *body) {
    if (key != "name" && key != "role" && key != "enterprise" && key != "password") {
      return ctx.fail(Problem{400, "unknown-field",
                              fmt::format("unknown member \"{}\"", std::string_view(key)),
                              fmt::format("不支持的成员 {}", std::string_view(key)), std::string(key), 0});
    }
    if (key == "enterprise" && value.is_null()) continue;
    if (!value.is_string()) {
      return ctx.fail(body_problem(fmt::format("{}: must be a string", std::string_view(key)),
                                   fmt::format("成员 {} 须为字符串", std::string_view(key)), key));
    }
    const std::string text(value.get_string());
    if (key == "name") user.name = text;
    if (key == "enterprise") user.enterprise = text;
    if (key == "password") user.password = text;
    if (key == "role") {
      const auto role = parse_role(text);
      if (!role) {
        return ctx.fail(body_problem(
            fmt::format("role: \"{}\" is not a role (admin, analyst, enterprise)", echo_safe(text)),
            "成员 role 须为 admin、analyst 或 enterprise", "role"));
      }
      user.role = *role;
      has_role = true;
    }
  }
  for (const auto& [field, present] : {std::pair{"name", body->contains("name")},
                                       {"role", has_role},
                                       {"password", body->contains("password")}}) {
    if (!present) {
      return ctx.fail(Problem{400, "missing-field", fmt::format("{}: required", field),
                              fmt::format("缺少成员 {}", field), field, 0});
    }
  }
  auto added = ctx.sessions.add_user(user, actor(ctx));
  if (!added) return ctx.fail(account_problem(added.error()));
  return json_response(user_json(*added));
}

Response change_user(const AccountContext& ctx) {
  const std::string& name = ctx.path[0];
  const json::object* body = ctx.body.if_object();
  if (body == nullptr)
    return ctx.fail(body_problem("the request body must be a JSON object", "请求体须为 JSON 对象", ""));
  std::optional<bool> disabled;
  std::optional<std::string> password;
  for (const auto& [key, value] : *body) {
    if (key == "disabled" && value.is_bool()) {
      disabled = value.get_bool();
    } else if (key == "password" && value.is_string()) {
      password = std::string(value.get_string());
    } else if (key == "disabled" || key == "password") {
      return ctx.fail(body_problem(
          fmt::format("{}: must be a {}", std::string_view(key), key == "disabled" ? "boolean" : "string"),
          fmt::format("成员 {} 的类型不对", std::string_view(key)), key));
    } else {
      return ctx.fail(Problem{400, "unknown-field",
                              fmt::format("unknown member \"{}\"", std::string_view(key)),
                              fmt::format("不支持的成员 {}", std::string_view(key)), std::string(key), 0});
    }
  }
  // One change per request: each is one audited transaction, and a request is all or nothing.
  if (disabled.has_value() == password.has_value()) {
    return ctx.fail(body_problem("give either \"disabled\" or \"password\", one change per request",
                                 "每次请求只能修改 disabled 或 password 之一",
                                 disabled ? "password" : "disabled"));
  }
  if (disabled && *disabled && ctx.caller.principal() != nullptr && ctx.caller.principal()->user == name) {
    return ctx.fail(
        body_problem("an administrator cannot disable their own account (another administrator can)",
                     "管理员不能停用自己的账号", "disabled"));
  }
  auto changed = ctx.sessions.change_user(name, disabled, password, actor(ctx));
  if (!changed) return ctx.fail(account_problem(changed.error()));
  return json_response(user_json(*changed));
}

}  // namespace atlas::api::internal
