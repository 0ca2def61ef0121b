#include "app/accounts.hpp"

#include <cstdio>
#include <fstream>
#include <sstream>

#include <gtest/gtest.h>

namespace atlas::app {
namespace {

// A store holding one enterprise, "e1".
Store store_with_enterprise(const std::string& path = ":memory:") {
  auto s = Store::open(path);
  EXPECT_TRUE(s.has_value());
  Dataset d;
  d.counties = {{"c", "", {"县", "County"}, "t"}};
  EnterpriseRecord e;
  e.id = "e1";
  e.name = {"甲", "A"};
  e.county = "c";
  e.segment = "parts";
  e.provenance = "t";
  d.enterprises.push_back(e);
  auto applied = s->apply(d, {"test", "import"});
  EXPECT_TRUE(applied.has_value()) << (applied ? "" : applied.error().to_string());
  return std::move(*s);
}

NewUser user(std::string name, Role role, std::string enterprise = {},
             std::string password = "correct horse") {
  return {std::move(name), role, std::move(enterprise), std::move(password)};
}

TEST(Accounts, AddsUsersWithTheirPasswordHashedAndChecksItAtSignIn) {
  Store s = store_with_enterprise();
  auto admin = add_user(s, user("li.ming", Role::kAdmin), "atlas user add");
  ASSERT_TRUE(admin) << admin.error().to_string();
  EXPECT_TRUE(admin->password_hash.starts_with("$argon2id$"));
  EXPECT_EQ(admin->password_hash.find("correct horse"), std::string::npos);
  EXPECT_TRUE(verify_password(admin->password_hash, "correct horse"));
  EXPECT_FALSE(verify_password(admin->password_hash, "correct horsE"));
  EXPECT_FALSE(verify_password(admin->password_hash, ""));
  auto ent = add_user(s, user("e1-report", Role::kEnterprise, "e1"), "atlas user add");
  ASSERT_TRUE(ent) << ent.error().to_string();
  EXPECT_EQ(ent->enterprise, "e1");
  auto all = s.users();
  ASSERT_TRUE(all);
  ASSERT_EQ(all->size(), 2U);
  EXPECT_EQ((*all)[0].name, "e1-report");
  EXPECT_EQ((*all)[1].role, Role::kAdmin);
  // Two hashes of the same password differ (a fresh salt each).
  EXPECT_NE(*hash_password("correct horse"), *hash_password("correct horse"));
}

TEST(Accounts, RefusesBadUsersNamingTheField) {
  Store s = store_with_enterprise();
  ASSERT_TRUE(add_user(s, user("wang", Role::kAnalyst), "t"));
  const std::vector<std::pair<NewUser, std::string>> bad{
      {user("wang", Role::kAnalyst), "name"},                   // taken
      {user("W", Role::kAnalyst), "name"},                      // too short, upper case
      {user("Wang", Role::kAnalyst), "name"},                   // upper case
      {user("-wang", Role::kAnalyst), "name"},                  // starts with a sign
      {user("wang ming", Role::kAnalyst), "name"},              // a space
      {user(std::string(65, 'a'), Role::kAnalyst), "name"},     // too long
      {user("zhao", Role::kAnalyst, {}, "short"), "password"},  // under 10 bytes
      {user("zhao", Role::kAnalyst, {}, std::string(1025, 'x')), "password"},
      {user("zhao", Role::kEnterprise), "enterprise"},            // no enterprise
      {user("zhao", Role::kEnterprise, "nobody"), "enterprise"},  // unknown enterprise
      {user("zhao", Role::kAnalyst, "e1"), "enterprise"},         // an analyst is not bound
  };
  for (const auto& [u, field] : bad) {
    auto r = add_user(s, u, "t");
    ASSERT_FALSE(r) << u.name;
    EXPECT_EQ(r.error().field, field) << u.name << ": " << r.error().to_string();
  }
  EXPECT_EQ(s.users()->size(), 1U) << "nothing half-written";
}

TEST(Accounts, DisablesAndResetsWithAnAuditTrailThatNeverHoldsTheHash) {
  Store s = store_with_enterprise();
  auto added = add_user(s, user("wang", Role::kAnalyst), "atlas user add");
  ASSERT_TRUE(added);
  auto disabled = set_user_disabled(s, "wang", true, "atlas user disable");
  ASSERT_TRUE(disabled);
  EXPECT_TRUE(s.find_user("wang")->value().disabled);
  auto reset = set_password(s, "wang", "a new passphrase", "atlas user passwd");
  ASSERT_TRUE(reset) << reset.error().to_string();
  const UserRecord now = s.find_user("wang")->value();
  EXPECT_TRUE(verify_password(now.password_hash, "a new passphrase"));
  EXPECT_FALSE(verify_password(now.password_hash, "correct horse"));
  EXPECT_TRUE(now.disabled) << "a reset does not enable";
  EXPECT_EQ(set_password(s, "nobody", "a new passphrase", "t").error().code, ErrorCode::kNotFound);
  EXPECT_EQ(set_user_disabled(s, "nobody", true, "t").error().field, "name");

  auto log = s.audit_log(10);
  ASSERT_TRUE(log);
  ASSERT_GE(log->size(), 3U);
  EXPECT_EQ((*log)[0].action, "user passwd");
  EXPECT_EQ((*log)[1].action, "user disable");
  EXPECT_EQ((*log)[2].action, "user add");
  for (const AuditEntry& e : *log) {
    auto changes = s.audit_changes(e.id);
    ASSERT_TRUE(changes);
    for (const AuditChange& c : *changes) {
      EXPECT_EQ(c.after.find("argon2"), std::string::npos) << c.after;
      EXPECT_EQ(c.after.find("password_hash"), std::string::npos) << c.after;
    }
  }
}

// No plaintext anywhere: the database file holds neither the password nor anything but its hash.
TEST(Accounts, TheDatabaseFileHoldsNoPassword) {
  const std::string path = ::testing::TempDir() + "accounts_test.db";
  std::remove(path.c_str());
  {
    Store s = store_with_enterprise(path);
    ASSERT_TRUE(add_user(s, user("wang", Role::kAnalyst, {}, "plaintext-marker-7431"), "t"));
    ASSERT_TRUE(set_password(s, "wang", "plaintext-marker-9902", "t"));
  }
  for (const char* suffix : {"", "-wal"}) {
    std::ifstream in(path + suffix, std::ios::binary);
    if (!in) continue;
    std::stringstream all;
    all << in.rdbuf();
    EXPECT_EQ(all.str().find("plaintext-marker"), std::string::npos) << suffix;
  }
  std::remove(path.c_str());
}

}  // namespace
}  // namespace atlas::app
