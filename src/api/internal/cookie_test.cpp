#include "api/internal/cookie.hpp"

#include <string>

#include <gtest/gtest.h>

namespace atlas::api::internal {
namespace {

TEST(Cookie, FindsTheNamedCookieAmongOthers) {
  EXPECT_EQ(cookie_value("atlas_session=abc", "atlas_session"), "abc");
  EXPECT_EQ(cookie_value("theme=dark; atlas_session=abc; lang=zh", "atlas_session"), "abc");
  EXPECT_EQ(cookie_value("theme=dark;atlas_session=abc", "atlas_session"), "abc");
  EXPECT_EQ(cookie_value(" atlas_session = \"abc\" ", "atlas_session"), "abc");
  EXPECT_EQ(cookie_value("atlas_session=", "atlas_session"), "");
  // The first of two wins (the browser sends the most specific path first).
  EXPECT_EQ(cookie_value("atlas_session=a; atlas_session=b", "atlas_session"), "a");
  // A value may hold '='.
  EXPECT_EQ(cookie_value("atlas_session=a=b", "atlas_session"), "a=b");
}

TEST(Cookie, IgnoresOtherNamesAndJunk) {
  EXPECT_FALSE(cookie_value("", "atlas_session"));
  EXPECT_FALSE(cookie_value("xatlas_session=a; atlas_sessionx=b", "atlas_session"));
  EXPECT_FALSE(cookie_value(";;; =; atlas_session", "atlas_session"));
  EXPECT_EQ(cookie_value("junk; atlas_session=ok", "atlas_session"), "ok");
  EXPECT_FALSE(cookie_value("atlas_session=a", ""));
  EXPECT_FALSE(cookie_value("atlas_session=" + std::string(kMaxCookieHeader, 'a'), "atlas_session"));
}

TEST(Cookie, SetsAndClearsTheSessionCookie) {
  EXPECT_EQ(session_cookie("tok", 60, false),
            "atlas_session=tok; Path=/; Max-Age=60; HttpOnly; SameSite=Strict");
  EXPECT_EQ(session_cookie("tok", 60, true),
            "atlas_session=tok; Path=/; Max-Age=60; HttpOnly; SameSite=Strict; Secure");
  EXPECT_EQ(cleared_session_cookie(false), "atlas_session=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict");
}

}  // namespace
}  // namespace atlas::api::internal
