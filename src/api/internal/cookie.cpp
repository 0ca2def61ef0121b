#include "api/internal/cookie.hpp"

#include <fmt/format.h>

namespace atlas::api::internal {
namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t'))
    s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t'))
    s.remove_suffix(1);
  return s;
}

}  // namespace

std::optional<std::string_view> cookie_value(std::string_view header, std::string_view name) {
  if (header.size() > kMaxCookieHeader || name.empty()) return std::nullopt;
  while (!header.empty()) {
    const auto semicolon = header.find(';');
    const std::string_view pair = header.substr(0, semicolon);
    header = semicolon == std::string_view::npos ? std::string_view() : header.substr(semicolon + 1);
    const auto equals = pair.find('=');
    if (equals == std::string_view::npos) continue;  // not a pair: skipped, as browsers do
    if (trim(pair.substr(0, equals)) != name) continue;
    std::string_view value = trim(pair.substr(equals + 1));
    if (value.size() >= 2 && value.front() == '"' && value.back() == '"')
      value = trim(value.substr(1, value.size() - 2));
    return value;
  }
  return std::nullopt;
}

bool secure_cookie(const Request& request, const ApiOptions& options) {
  switch (options.secure_cookie) {
    case ApiOptions::SecureCookie::kAlways:
      return true;
    case ApiOptions::SecureCookie::kNever:
      return false;
    case ApiOptions::SecureCookie::kAuto:
      break;
  }
  return request.forwarded_proto == "https";
}

std::string session_cookie(std::string_view token, std::int64_t max_age, bool secure) {
  return fmt::format("{}={}; Path=/; Max-Age={}; HttpOnly; SameSite=Strict{}", kSessionCookie, token, max_age,
                     secure ? "; Secure" : "");
}

std::string cleared_session_cookie(bool secure) {
  return session_cookie("", 0, secure);
}

}  // namespace atlas::api::internal
