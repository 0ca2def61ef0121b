// Reading one cookie out of a Cookie header (RFC 6265 §4.2: "name=value" pairs separated by ";").
// Private to api/.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "api/api.hpp"

namespace atlas::api::internal {

/// A Cookie header longer than this is not read (the server's header limit is smaller still).
inline constexpr std::size_t kMaxCookieHeader = 16 * 1024;

/// The value of the first cookie called `name` (the name compared exactly; surrounding blanks, one
/// pair of double quotes, and blanks inside the quotes removed: RFC 6265 allows no blank in a
/// value); none when the header has no such cookie or exceeds kMaxCookieHeader. Never throws;
/// views into `header`.
[[nodiscard]] std::optional<std::string_view> cookie_value(std::string_view header, std::string_view name);

/// Whether the session cookie carries Secure: ApiOptions::secure_cookie, where kAuto means "the
/// request came through a TLS proxy" (X-Forwarded-Proto: https).
[[nodiscard]] bool secure_cookie(const Request& request, const ApiOptions& options);

/// The session cookie's name.
inline constexpr std::string_view kSessionCookie = "atlas_session";

/// The Set-Cookie value that stores a session token for `max_age` seconds: Path=/, HttpOnly,
/// SameSite=Strict, and Secure when `secure`.
[[nodiscard]] std::string session_cookie(std::string_view token, std::int64_t max_age, bool secure);
/// The Set-Cookie value that deletes the session cookie.
[[nodiscard]] std::string cleared_session_cookie(bool secure);

}  // namespace atlas::api::internal
