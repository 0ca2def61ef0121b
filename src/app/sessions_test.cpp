#include "app/sessions.hpp"

#include <atomic>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <gtest/gtest.h>
#include <unistd.h>

#include "app/accounts.hpp"
#include "store/store.hpp"

namespace atlas::app {
namespace {

using std::chrono::seconds;

// A database file with one enterprise ("e1") and two users, and a clock the test moves.
class SessionsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    static std::atomic<int> counter{0};
    path_ = (std::filesystem::temp_directory_path() /
             ("atlas-sessions-" + std::to_string(::getpid()) + "-" + std::to_string(counter++) + ".db"))
                .string();
    auto s = Store::open(path_);
    ASSERT_TRUE(s);
    store_ = std::make_unique<Store>(std::move(*s));
    Dataset d;
    d.counties = {{"c", "", {"县", "County"}, "t"}};
    EnterpriseRecord e;
    e.id = "e1";
    e.name = {"甲", "A"};
    e.county = "c";
    e.segment = "parts";
    e.provenance = "t";
    d.enterprises.push_back(e);
    ASSERT_TRUE(store_->apply(d, {"test", "import"}));
  }
  void TearDown() override {
    sessions_.reset();
    store_.reset();
    for (const char* suffix : {"", "-wal", "-shm"})
      std::filesystem::remove(path_ + suffix);
  }

  void add(const std::string& name, Role role, const std::string& enterprise = {}) {
    auto added = add_user(*store_, {name, role, enterprise, kPassword}, "test");
    ASSERT_TRUE(added) << added.error().to_string();
  }
  Sessions& sessions(SessionOptions options = {}) {
    options.clock = [this] { return now_; };
    options.log = [this](std::string_view line) { log_ += std::string(line) + "\n"; };
    auto opened = Sessions::open(path_, std::move(options));
    EXPECT_TRUE(opened) << opened.error().to_string();
    sessions_ = std::move(*opened);
    return *sessions_;
  }
  std::string file_bytes() const {
    std::string all;
    for (const char* suffix : {"", "-wal"}) {
      std::ifstream in(path_ + suffix, std::ios::binary);
      std::stringstream ss;
      ss << in.rdbuf();
      all += ss.str();
    }
    return all;
  }

  static constexpr const char* kPassword = "correct horse battery";
  std::string path_;
  std::unique_ptr<Store> store_;
  std::unique_ptr<Sessions> sessions_;
  std::chrono::sys_seconds now_{seconds(1'800'000'000)};
  std::string log_;
};

TEST_F(SessionsTest, SignsInWithTheRightPasswordAndFindsTheSessionByItsToken) {
  add("li.ming", Role::kAdmin);
  add("e1-report", Role::kEnterprise, "e1");
  Sessions& s = sessions();
  auto in = s.sign_in("e1-report", kPassword, "10.0.0.1");
  ASSERT_TRUE(in);
  EXPECT_EQ(in->token.size(), 43U);
  EXPECT_EQ(in->session.principal, (Principal{"e1-report", Role::kEnterprise, "e1"}));
  EXPECT_EQ(in->session.expires, now_.time_since_epoch().count() + 12 * 3600);
  auto found = s.find(in->token);
  ASSERT_TRUE(found && *found);
  EXPECT_EQ((*found)->principal.user, "e1-report");
  EXPECT_EQ((*found)->csrf_token, in->session.csrf_token);
  EXPECT_TRUE(Sessions::csrf_matches(in->token, in->session.csrf_token));
  EXPECT_FALSE(Sessions::csrf_matches(in->token, ""));
  EXPECT_FALSE(Sessions::csrf_matches(in->token, in->session.csrf_token + "x"));
  // Another session has another token and CSRF token.
  auto other = s.sign_in("li.ming", kPassword, "10.0.0.1");
  ASSERT_TRUE(other);
  EXPECT_NE(other->token, in->token);
  EXPECT_FALSE(Sessions::csrf_matches(other->token, in->session.csrf_token));
  // The store keeps the token's hash only: the database file never holds a token or a password.
  const std::string bytes = file_bytes();
  EXPECT_EQ(bytes.find(in->token), std::string::npos);
  EXPECT_EQ(bytes.find(other->token), std::string::npos);
  EXPECT_EQ(bytes.find(kPassword), std::string::npos);
  // Signing out ends it.
  ASSERT_TRUE(s.sign_out(in->token));
  EXPECT_FALSE(*s.find(in->token));
  EXPECT_TRUE(*s.find(other->token));
  // Tokens it never issued, and malformed ones, name nothing.
  EXPECT_FALSE(*s.find(std::string(43, 'A')));
  EXPECT_FALSE(*s.find("short"));
  EXPECT_FALSE(*s.find(std::string(43, '%')));
  EXPECT_NE(log_.find("signed in: e1-report (enterprise) from 10.0.0.1"), std::string::npos);
}

TEST_F(SessionsTest, AWrongPasswordAndAnUnknownUserGetTheSameRefusal) {
  add("li.ming", Role::kAdmin);
  Sessions& s = sessions();
  auto wrong = s.sign_in("li.ming", "not the password", "a");
  ASSERT_FALSE(wrong);
  EXPECT_EQ(wrong.error().why, Refusal::kWrongCredentials);
  auto unknown = s.sign_in("nobody", kPassword, "a");
  ASSERT_FALSE(unknown);
  EXPECT_EQ(unknown.error().why, Refusal::kWrongCredentials);
  auto bad_name = s.sign_in("NOT A NAME", kPassword, "a");
  ASSERT_FALSE(bad_name);
  EXPECT_EQ(bad_name.error().why, Refusal::kWrongCredentials);
  EXPECT_EQ(s.sign_in("li.ming", "", "a").error().why, Refusal::kWrongCredentials);
}

TEST_F(SessionsTest, LocksAnAccountAfterFiveFailuresUntilTheLockEndsOrAnAdministratorResetsIt) {
  add("li.ming", Role::kAdmin);
  Sessions& s = sessions();
  for (int i = 0; i < 4; ++i)
    EXPECT_EQ(s.sign_in("li.ming", "wrong password", "a").error().why, Refusal::kWrongCredentials) << i;
  auto fifth = s.sign_in("li.ming", "wrong password", "a");
  ASSERT_FALSE(fifth);
  EXPECT_EQ(fifth.error().why, Refusal::kLockedOut);
  EXPECT_EQ(fifth.error().retry_after, 15 * 60);
  EXPECT_NE(log_.find("account li.ming locked until"), std::string::npos);
  // Locked: even the right password is refused, and says until when.
  now_ += seconds(60);
  auto locked = s.sign_in("li.ming", kPassword, "a");
  ASSERT_FALSE(locked);
  EXPECT_EQ(locked.error().why, Refusal::kLockedOut);
  EXPECT_EQ(locked.error().retry_after, 14 * 60);
  // After the lock, the right password works and the count starts again.
  now_ += seconds(14 * 60);
  ASSERT_TRUE(s.sign_in("li.ming", kPassword, "b"));
  EXPECT_EQ(store_->sign_in_failures("li.ming")->failures, 0);
  // An administrator's new password lifts a lock at once.
  for (int i = 0; i < 5; ++i)
    (void)s.sign_in("li.ming", "wrong password", "c");
  EXPECT_EQ(s.sign_in("li.ming", kPassword, "c").error().why, Refusal::kLockedOut);
  ASSERT_TRUE(set_password(*store_, "li.ming", "a new password!", "atlas user passwd"));
  EXPECT_TRUE(s.sign_in("li.ming", "a new password!", "c"));
}

TEST_F(SessionsTest, ThrottlesSignInAttemptsPerAddress) {
  add("li.ming", Role::kAdmin);
  SessionOptions options;
  options.burst = 3;
  options.refill = seconds(20);
  options.max_failures = 100;
  Sessions& s = sessions(options);
  for (int i = 0; i < 3; ++i)
    EXPECT_EQ(s.sign_in("li.ming", "wrong password", "10.0.0.9").error().why, Refusal::kWrongCredentials);
  auto fourth = s.sign_in("li.ming", kPassword, "10.0.0.9");
  ASSERT_FALSE(fourth);
  EXPECT_EQ(fourth.error().why, Refusal::kThrottled);
  EXPECT_EQ(fourth.error().retry_after, 20);
  // Another address is not held back; the first gets one attempt back per refill.
  EXPECT_TRUE(s.sign_in("li.ming", kPassword, "10.0.0.10"));
  now_ += seconds(20);
  EXPECT_TRUE(s.sign_in("li.ming", kPassword, "10.0.0.9"));
  EXPECT_EQ(s.sign_in("li.ming", kPassword, "10.0.0.9").error().why, Refusal::kThrottled);
}

TEST_F(SessionsTest, SessionsEndWhenIdleTooLongOrPastTheirLifetime) {
  add("li.ming", Role::kAdmin);
  SessionOptions options;
  options.idle = seconds(600);
  options.lifetime = seconds(3600);
  options.touch_interval = seconds(60);
  Sessions& s = sessions(options);
  auto in = s.sign_in("li.ming", kPassword, "a");
  ASSERT_TRUE(in);
  // Used every 9 minutes it stays alive (each use counts as activity) …
  for (int i = 0; i < 6; ++i) {
    now_ += seconds(540);
    ASSERT_TRUE(*s.find(in->token)) << i;
  }
  // … but not past its lifetime (54 + 9 > 60 minutes).
  now_ += seconds(540);
  EXPECT_FALSE(*s.find(in->token));
  // Idle for longer than 10 minutes: ended, and gone from the store.
  auto again = s.sign_in("li.ming", kPassword, "a");
  ASSERT_TRUE(again);
  now_ += seconds(601);
  EXPECT_FALSE(*s.find(again->token));
  EXPECT_TRUE(store_->sessions("li.ming")->empty());
}

TEST_F(SessionsTest, DisablingAnAccountOrChangingItsPasswordEndsItsSessionsAtOnce) {
  add("li.ming", Role::kAdmin);
  add("wang", Role::kAnalyst);
  Sessions& s = sessions();
  auto admin = s.sign_in("li.ming", kPassword, "a");
  auto analyst = s.sign_in("wang", kPassword, "a");
  ASSERT_TRUE(admin && analyst);
  // Another connection (as `atlas user disable` in another process) changes the account.
  ASSERT_TRUE(set_user_disabled(*store_, "wang", true, "atlas user disable"));
  EXPECT_FALSE(*s.find(analyst->token));
  EXPECT_TRUE(*s.find(admin->token));
  auto disabled = s.sign_in("wang", kPassword, "a");
  ASSERT_FALSE(disabled);
  EXPECT_EQ(disabled.error().why, Refusal::kDisabled);
  // A disabled account's wrong password is just a wrong password (it tells nothing more).
  EXPECT_EQ(s.sign_in("wang", "wrong password", "a").error().why, Refusal::kWrongCredentials);
  ASSERT_TRUE(set_password(*store_, "li.ming", "a new password!", "atlas user passwd"));
  EXPECT_FALSE(*s.find(admin->token));
}

TEST_F(SessionsTest, TheOneTimeLinkCreatesTheFirstAdministratorOnce) {
  Sessions& s = sessions();
  EXPECT_TRUE(*s.setup_needed());
  auto token = s.issue_setup_token();
  ASSERT_TRUE(token && *token);
  auto wrong = s.create_first_admin(std::string(43, 'A'), "li.ming", kPassword, "a");
  ASSERT_FALSE(wrong);
  EXPECT_EQ(wrong.error().why, Refusal::kSetupClosed);
  auto short_password = s.create_first_admin(**token, "li.ming", "short", "a");
  ASSERT_FALSE(short_password);
  EXPECT_EQ(short_password.error().why, Refusal::kInvalid);
  EXPECT_EQ(short_password.error().error.field, "password");
  auto made = s.create_first_admin(**token, "li.ming", kPassword, "a");
  ASSERT_TRUE(made) << static_cast<int>(made.error().why);
  EXPECT_EQ(made->session.principal.role, Role::kAdmin);
  EXPECT_TRUE(*s.find(made->token));
  EXPECT_FALSE(*s.setup_needed());
  // Used: the same link creates no one else, and no new link is issued while users exist.
  auto twice = s.create_first_admin(**token, "mallory", kPassword, "a");
  ASSERT_FALSE(twice);
  EXPECT_EQ(twice.error().why, Refusal::kSetupClosed);
  EXPECT_FALSE(*s.issue_setup_token());
  EXPECT_EQ(store_->users()->size(), 1U);
  EXPECT_EQ(file_bytes().find(**token), std::string::npos);
}

TEST_F(SessionsTest, NoSetupLinkOnceAUserExists) {
  add("wang", Role::kAnalyst);
  Sessions& s = sessions();
  EXPECT_FALSE(*s.setup_needed());
  EXPECT_FALSE(*s.issue_setup_token());
  EXPECT_EQ(s.create_first_admin(std::string(43, 'A'), "li.ming", kPassword, "a").error().why,
            Refusal::kSetupClosed);
}

}  // namespace
}  // namespace atlas::app
