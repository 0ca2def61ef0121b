// /api/v1/session and /api/v1/setup, the session cookie, CSRF and cross-site writes.
#include <atomic>
#include <filesystem>

#include <boost/json.hpp>
#include <gtest/gtest.h>
#include <unistd.h>

#include "api/api.hpp"
#include "api/internal/core_test_support.hpp"
#include "app/accounts.hpp"
#include "app/sessions.hpp"
#include "store/store.hpp"

namespace atlas::api {
namespace {

namespace json = boost::json;
using coretest::Answer;

constexpr const char* kPassword = "correct horse battery";

class SessionApi : public ::testing::Test {
 protected:
  void SetUp() override {
    static std::atomic<int> counter{0};
    path_ = (std::filesystem::temp_directory_path() /
             ("atlas-session-api-" + std::to_string(::getpid()) + "-" + std::to_string(counter++) + ".db"))
                .string();
    auto s = Store::open(path_);
    ASSERT_TRUE(s);
    store_ = std::make_unique<Store>(std::move(*s));
    app::SessionOptions options;
    options.clock = [this] { return now_; };
    auto opened = app::Sessions::open(path_, std::move(options));
    ASSERT_TRUE(opened);
    sessions_ = std::move(*opened);
    api_ = std::make_unique<Api>(ApiContext{single_plan([] { return coretest::shared_snapshot(); }),
                                            [] { return coretest::today(); }, sessions_.get()},
                                 ApiOptions{});
  }
  void TearDown() override {
    api_.reset();
    sessions_.reset();
    store_.reset();
    for (const char* suffix : {"", "-wal", "-shm"})
      std::filesystem::remove(path_ + suffix);
  }

  void add(const std::string& name, Role role) {
    ASSERT_TRUE(app::add_user(*store_, {name, role, {}, kPassword}, "test"));
  }
  [[nodiscard]] Answer call(Request r) const { return coretest::answer(*api_, r); }
  [[nodiscard]] static Request post(std::string target, std::string body) {
    return coretest::request("POST", std::move(target), std::move(body), "application/json");
  }
  // Signs in; the cookie pair ("atlas_session=…") and the CSRF token.
  std::pair<std::string, std::string> sign_in(const std::string& user) const {
    const Answer a =
        call(post("/api/v1/session", R"({"user":")" + user + R"(","password":")" + kPassword + "\"}"));
    EXPECT_EQ(a.status(), 200) << a.response.body;
    const std::string cookie = a.header("Set-Cookie");
    return {cookie.substr(0, cookie.find(';')), std::string(a.body.at("csrf_token").as_string())};
  }

  std::string path_;
  std::unique_ptr<Store> store_;
  std::unique_ptr<app::Sessions> sessions_;
  std::unique_ptr<Api> api_;
  std::chrono::sys_seconds now_{std::chrono::seconds(1'800'000'000)};
};

TEST_F(SessionApi, SignsInWithAnHttpOnlyStrictCookieAndSaysWhoIsSignedIn) {
  add("li.ming", Role::kAdmin);
  const Answer before = call(coretest::request("GET", "/api/v1/session"));
  EXPECT_EQ(before.status(), 200);
  EXPECT_EQ(before.body, json::parse(R"({"signed_in":false,"setup_needed":false})"));
  EXPECT_EQ(before.header("Cache-Control"), "no-store");

  const Answer in = call(post("/api/v1/session", R"({"user":"li.ming","password":"correct horse battery"})"));
  ASSERT_EQ(in.status(), 200) << in.response.body;
  const std::string cookie = in.header("Set-Cookie");
  EXPECT_TRUE(cookie.starts_with("atlas_session=")) << cookie;
  EXPECT_NE(cookie.find("; Path=/"), std::string::npos);
  EXPECT_NE(cookie.find("; HttpOnly"), std::string::npos);
  EXPECT_NE(cookie.find("; SameSite=Strict"), std::string::npos);
  EXPECT_NE(cookie.find("; Max-Age=43200"), std::string::npos);
  EXPECT_EQ(cookie.find("Secure"), std::string::npos);  // plain HTTP: a Secure cookie would never come back
  EXPECT_EQ(in.header("Cache-Control"), "no-store");
  EXPECT_EQ(in.body.at("user"), json::parse(R"({"name":"li.ming","role":"admin","enterprise":null})"));
  // The answer never carries the session token itself (it lives in the HttpOnly cookie only).
  const std::string token = cookie.substr(14, cookie.find(';') - 14);
  EXPECT_EQ(in.response.body.find(token), std::string::npos);

  Request who = coretest::request("GET", "/api/v1/session");
  who.cookie = "theme=dark; " + cookie.substr(0, cookie.find(';'));
  const Answer a = call(who);
  EXPECT_EQ(a.body.at("signed_in"), true);
  EXPECT_EQ(a.body.at("user").at("name"), "li.ming");
  EXPECT_EQ(a.body.at("csrf_token"), in.body.at("csrf_token"));
}

TEST_F(SessionApi, TheCookieIsSecureBehindATlsProxyOrWhenConfigured) {
  add("li.ming", Role::kAdmin);
  Request r = post("/api/v1/session", R"({"user":"li.ming","password":"correct horse battery"})");
  r.forwarded_proto = "https";
  EXPECT_NE(call(r).header("Set-Cookie").find("; Secure"), std::string::npos);
  ApiOptions always;
  always.secure_cookie = ApiOptions::SecureCookie::kAlways;
  const Api api(ApiContext{single_plan([] { return coretest::shared_snapshot(); }),
                           [] { return coretest::today(); }, sessions_.get()},
                always);
  r.forwarded_proto.clear();
  EXPECT_NE(coretest::answer(api, r).header("Set-Cookie").find("; Secure"), std::string::npos);
}

TEST_F(SessionApi, RefusalsAreClearProblemsAndALockOutSaysWhenToComeBack) {
  add("li.ming", Role::kAdmin);
  const Answer wrong = call(post("/api/v1/session", R"({"user":"li.ming","password":"not it at all"})"));
  EXPECT_EQ(wrong.status(), 401);
  EXPECT_EQ(wrong.body.at("code"), "wrong-credentials");
  EXPECT_EQ(wrong.header("Set-Cookie"), "");
  const Answer unknown =
      call(post("/api/v1/session", R"({"user":"nobody","password":"correct horse battery"})"));
  EXPECT_EQ(unknown.status(), 401);
  EXPECT_EQ(unknown.body.at("detail"), wrong.body.at("detail"));  // no hint that the name is unknown
  for (int i = 0; i < 4; ++i)
    (void)call(post("/api/v1/session", R"({"user":"li.ming","password":"not it at all"})"));
  const Answer locked =
      call(post("/api/v1/session", R"({"user":"li.ming","password":"correct horse battery"})"));
  EXPECT_EQ(locked.status(), 429);
  EXPECT_EQ(locked.body.at("code"), "locked-out");
  EXPECT_EQ(locked.header("Retry-After"), "900");
  EXPECT_NE(std::string(locked.body.at("detail").as_string()).find("locked until 2027-01-15T08:15:00Z"),
            std::string::npos)
      << locked.body.at("detail");
  Request zh = post("/api/v1/session", R"({"user":"li.ming","password":"correct horse battery"})");
  zh.accept_language = "zh-CN";
  const Answer locked_zh = call(zh);
  EXPECT_EQ(locked_zh.body.at("title"), "账号已锁定");
  EXPECT_NE(std::string(locked_zh.body.at("message").at("zh").as_string())
                .find("账号已锁定至 2027-01-15T08:15:00Z"),
            std::string::npos)
      << locked_zh.body;

  // Malformed bodies name the member.
  const Answer missing = call(post("/api/v1/session", R"({"user":"li.ming"})"));
  EXPECT_EQ(missing.status(), 400);
  EXPECT_EQ(missing.body.at("field"), "password");
  const Answer extra = call(post("/api/v1/session", R"({"user":"a","password":"b","remember":true})"));
  EXPECT_EQ(extra.body.at("code"), "unknown-field");
  EXPECT_EQ(extra.body.at("field"), "remember");
  const Answer number = call(post("/api/v1/session", R"({"user":"a","password":12})"));
  EXPECT_EQ(number.body.at("field"), "password");
  EXPECT_EQ(call(post("/api/v1/session", "[1]")).status(), 400);
  EXPECT_EQ(call(coretest::request("POST", "/api/v1/session", "user=a", "application/x-www-form-urlencoded"))
                .status(),
            415);
  EXPECT_EQ(call(coretest::request("GET", "/api/v1/session?user=x")).body.at("code"), "unknown-field");
}

TEST_F(SessionApi, WritesWithASessionNeedItsCsrfTokenAndReadsDoNot) {
  add("li.ming", Role::kAdmin);
  const auto [cookie, csrf] = sign_in("li.ming");
  const std::string body = R"J({"expression":"count(enterprises)"})J";
  Request write = post("/api/v1/indicators", body);
  write.cookie = cookie;
  const Answer missing = call(write);
  EXPECT_EQ(missing.status(), 403);
  EXPECT_EQ(missing.body.at("code"), "csrf-token-missing");
  write.csrf_token = "x" + csrf;
  EXPECT_EQ(call(write).body.at("code"), "csrf-token-invalid");
  write.csrf_token = csrf;
  EXPECT_EQ(call(write).status(), 200);
  // Another session's token does not do.
  add("wang", Role::kAnalyst);
  write.csrf_token = sign_in("wang").second;
  EXPECT_EQ(call(write).status(), 403);
  // Reads with the cookie need no token; writes without a session need none either.
  Request read = coretest::request("GET", "/api/v1/plan");
  read.cookie = cookie;
  EXPECT_EQ(call(read).status(), 200);
  // Without a session no CSRF token is asked for (the policy, not CSRF, then decides: the public
  // may not evaluate indicators).
  const Answer anonymous = call(post("/api/v1/indicators", body));
  EXPECT_EQ(anonymous.status(), 401);
  EXPECT_EQ(anonymous.body.at("code"), "sign-in-required");
  // Signing out is a write: it needs the token too.
  Request out = coretest::request("DELETE", "/api/v1/session");
  out.cookie = cookie;
  EXPECT_EQ(call(out).status(), 403);
  out.csrf_token = csrf;
  const Answer gone = call(out);
  EXPECT_EQ(gone.status(), 200);
  EXPECT_EQ(gone.body.at("signed_in"), false);
  EXPECT_TRUE(gone.header("Set-Cookie").starts_with("atlas_session=; Path=/; Max-Age=0"));
}

TEST_F(SessionApi, WritesFromAnotherSiteAreRefused) {
  add("li.ming", Role::kAdmin);
  Request r = post("/api/v1/session", R"({"user":"li.ming","password":"correct horse battery"})");
  r.host = "atlas.example:8080";
  r.origin = "https://evil.example";
  const Answer other = call(r);
  EXPECT_EQ(other.status(), 403);
  EXPECT_EQ(other.body.at("code"), "cross-site-write");
  r.origin = "null";
  EXPECT_EQ(call(r).status(), 403);
  r.origin.clear();
  r.fetch_site = "cross-site";
  EXPECT_EQ(call(r).status(), 403);
  // The same origin (or a client that sends no Origin, such as curl) may.
  r.fetch_site = "same-origin";
  r.origin = "http://atlas.example:8080";
  EXPECT_EQ(call(r).status(), 200);
  // Reads are not writes: another site's GET gets the public answer.
  Request read = coretest::request("GET", "/api/v1/plan");
  read.origin = "https://evil.example";
  read.fetch_site = "cross-site";
  EXPECT_EQ(call(read).status(), 200);
}

TEST_F(SessionApi, AnEndedSessionGets401AndItsCookieCleared) {
  add("li.ming", Role::kAdmin);
  const auto [cookie, csrf] = sign_in("li.ming");
  now_ += std::chrono::hours(3);  // idle longer than two hours
  Request read = coretest::request("GET", "/api/v1/targets");
  read.cookie = cookie;
  const Answer a = call(read);
  EXPECT_EQ(a.status(), 401);
  EXPECT_EQ(a.body.at("code"), "session-expired");
  EXPECT_TRUE(a.header("Set-Cookie").starts_with("atlas_session=;"));
  EXPECT_NE(a.header("WWW-Authenticate"), "");
  // /session itself just says nobody is signed in (and clears the cookie).
  Request who = coretest::request("GET", "/api/v1/session");
  who.cookie = cookie;
  const Answer w = call(who);
  EXPECT_EQ(w.status(), 200);
  EXPECT_EQ(w.body.at("signed_in"), false);
  EXPECT_TRUE(w.header("Set-Cookie").starts_with("atlas_session=;"));
  // Signing in again with the stale cookie in place works.
  Request again = post("/api/v1/session", R"({"user":"li.ming","password":"correct horse battery"})");
  again.cookie = cookie;
  EXPECT_EQ(call(again).status(), 200);
}

TEST_F(SessionApi, TheFirstAdministratorIsCreatedThroughTheOneTimeLink) {
  EXPECT_EQ(call(coretest::request("GET", "/api/v1/setup")).body, json::parse(R"({"setup_needed":true})"));
  const auto token = sessions_->issue_setup_token();
  ASSERT_TRUE(token && *token);
  const Answer wrong =
      call(post("/api/v1/setup", R"({"token":"AAAA","user":"li.ming","password":"correct horse battery"})"));
  EXPECT_EQ(wrong.status(), 403);
  EXPECT_EQ(wrong.body.at("code"), "setup-closed");
  const Answer weak =
      call(post("/api/v1/setup", R"({"token":")" + **token + R"(","user":"li.ming","password":"short"})"));
  EXPECT_EQ(weak.status(), 400);
  EXPECT_EQ(weak.body.at("field"), "password");
  const Answer made =
      call(post("/api/v1/setup",
                R"({"token":")" + **token + R"(","user":"li.ming","password":"correct horse battery"})"));
  ASSERT_EQ(made.status(), 200) << made.response.body;
  EXPECT_EQ(made.body.at("user").at("role"), "admin");
  EXPECT_TRUE(made.header("Set-Cookie").starts_with("atlas_session="));
  EXPECT_EQ(call(post("/api/v1/setup",
                      R"({"token":")" + **token + R"(","user":"eve","password":"correct horse battery"})"))
                .status(),
            403);
  EXPECT_EQ(call(coretest::request("GET", "/api/v1/setup")).body, json::parse(R"({"setup_needed":false})"));
}

TEST_F(SessionApi, AnAdministratorManagesAccountsThroughTheApi) {
  add("li.ming", Role::kAdmin);
  add("wang", Role::kAnalyst);
  const auto [admin, admin_csrf] = sign_in("li.ming");
  auto as_admin = [&](Request r) {
    r.cookie = admin;
    r.csrf_token = admin_csrf;
    return call(r);
  };
  const Answer list = as_admin(coretest::request("GET", "/api/v1/users"));
  ASSERT_EQ(list.status(), 200) << list.response.body;
  EXPECT_EQ(list.body.at("total"), 2);
  EXPECT_EQ(list.body.at("items").at(0).at("name"), "li.ming");
  EXPECT_EQ(list.response.body.find("argon2"), std::string::npos);  // never the hash
  EXPECT_EQ(list.header("Cache-Control"), "no-store");

  const Answer added =
      as_admin(post("/api/v1/users", R"({"name":"zhao","role":"analyst","password":"zhao's password"})"));
  ASSERT_EQ(added.status(), 200) << added.response.body;
  EXPECT_EQ(added.body.at("role"), "analyst");
  EXPECT_EQ(
      as_admin(post("/api/v1/users", R"({"name":"zhao","role":"analyst","password":"zhao's password"})"))
          .status(),
      409);
  const Answer no_enterprise =
      as_admin(post("/api/v1/users", R"({"name":"e1","role":"enterprise","password":"long enough pw"})"));
  EXPECT_EQ(no_enterprise.status(), 400);
  EXPECT_EQ(no_enterprise.body.at("field"), "enterprise");
  EXPECT_EQ(as_admin(post("/api/v1/users", R"({"name":"x","role":"analyst","password":"long enough pw"})"))
                .body.at("field"),
            "name");
  EXPECT_EQ(as_admin(post("/api/v1/users", R"({"name":"xy","role":"boss","password":"long enough pw"})"))
                .body.at("field"),
            "role");
  EXPECT_EQ(as_admin(post("/api/v1/users", R"({"name":"xy","role":"analyst"})")).body.at("field"),
            "password");

  // A new password (an administrator's reset) ends the user's sessions.
  const auto [analyst, analyst_csrf] = sign_in("wang");
  const Answer reset = as_admin(post("/api/v1/users/wang", R"({"password":"a brand new password"})"));
  ASSERT_EQ(reset.status(), 200) << reset.response.body;
  Request stale = coretest::request("GET", "/api/v1/plan");
  stale.cookie = analyst;
  EXPECT_EQ(call(stale).status(), 401);
  EXPECT_EQ(as_admin(post("/api/v1/users/wang", R"({"disabled":true})")).body.at("disabled"), true);
  EXPECT_EQ(call(post("/api/v1/session", R"({"user":"wang","password":"a brand new password"})")).status(),
            403);
  // One change per request; not oneself; not a user who is not there.
  EXPECT_EQ(
      as_admin(post("/api/v1/users/wang", R"({"disabled":false,"password":"another new one"})")).status(),
      400);
  EXPECT_EQ(as_admin(post("/api/v1/users/wang", "{}")).status(), 400);
  EXPECT_EQ(as_admin(post("/api/v1/users/li.ming", R"({"disabled":true})")).body.at("field"), "disabled");
  EXPECT_EQ(as_admin(post("/api/v1/users/nobody", R"({"disabled":true})")).status(), 404);
  // A write without the CSRF token is refused like any other.
  Request no_token = post("/api/v1/users", R"({"name":"yy","role":"analyst","password":"long enough pw"})");
  no_token.cookie = admin;
  EXPECT_EQ(call(no_token).body.at("code"), "csrf-token-missing");
  // The audit names the administrator who did it.
  const auto log = store_->audit_log(10);
  ASSERT_TRUE(log);
  EXPECT_EQ(log->front().actor, "user: li.ming");
}

TEST_F(SessionApi, OnlyAdministratorsManageAccounts) {
  add("wang", Role::kAnalyst);
  const auto [cookie, csrf] = sign_in("wang");
  Request r = coretest::request("GET", "/api/v1/users");
  r.cookie = cookie;
  EXPECT_EQ(call(r).status(), 403);
  EXPECT_EQ(call(coretest::request("GET", "/api/v1/users")).status(), 401);
  Request add_one = post("/api/v1/users", R"({"name":"yy","role":"admin","password":"long enough pw"})");
  add_one.cookie = cookie;
  add_one.csrf_token = csrf;
  const Answer refused = call(add_one);
  EXPECT_EQ(refused.status(), 403);
  EXPECT_EQ(refused.body.at("code"), "forbidden");
  EXPECT_EQ(store_->users()->size(), 1U);  // nothing written
}

TEST(SessionApiWithoutAccounts, AnApiWithoutADatabaseHasNoSessionEndpoints) {
  const Answer a = coretest::get("/api/v1/session");
  EXPECT_EQ(a.status(), 404);
  // A cookie means nothing to it: every request is public.
  Request read = coretest::request("GET", "/api/v1/plan");
  read.cookie = "atlas_session=" + std::string(43, 'A');
  EXPECT_EQ(coretest::answer(coretest::shared_api(), read).status(), 200);
}

}  // namespace
}  // namespace atlas::api
