// The authorisation policy on every endpoint (docs/security.md "Who may do what"): every route ×
// every audience (public, an enterprise user, an analyst, an administrator) through real sessions
// on the embedded Meizhou database, and what an enterprise user or the public must not learn.
#include "app/policy.hpp"

#include <atomic>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>

#include <boost/json.hpp>
#include <fmt/format.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include "api/api.hpp"
#include "api/internal/core_test_support.hpp"
#include "api/internal/router.hpp"
#include "app/accounts.hpp"
#include "app/sessions.hpp"
#include "app/workspace.hpp"

namespace atlas::api {
namespace {

namespace json = boost::json;
using coretest::Answer;

constexpr const char* kPassword = "correct horse battery";
constexpr const char* kOwn = "bpw-meizhou";      // the enterprise user's enterprise
constexpr const char* kOther = "gac-qianghua";   // another enterprise with figures
constexpr const char* kTarget = "total-output";  // a target summed over enterprises' figures

// Who asks: none (public) or one of the accounts below.
enum class Who { kPublic, kEnterprise, kAnalyst, kAdmin };
constexpr Who kEveryone[] = {Who::kPublic, Who::kEnterprise, Who::kAnalyst, Who::kAdmin};

const char* name_of(Who w) {
  switch (w) {
    case Who::kPublic:
      return "public";
    case Who::kEnterprise:
      return "enterprise";
    case Who::kAnalyst:
      return "analyst";
    case Who::kAdmin:
      return "admin";
  }
  return "?";
}

// One database for the whole suite: the embedded plan, three users and their sessions.
class Policy : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    path_ = (std::filesystem::temp_directory_path() / ("atlas-policy-" + std::to_string(::getpid()) + ".db"))
                .string();
    auto ws = app::Workspace::open(path_);
    ASSERT_TRUE(ws) << ws.error().to_string();
    ASSERT_TRUE(app::add_user(ws->store(), {"ent", Role::kEnterprise, kOwn, kPassword}, "test"));
    ASSERT_TRUE(app::add_user(ws->store(), {"ana", Role::kAnalyst, {}, kPassword}, "test"));
    ASSERT_TRUE(app::add_user(ws->store(), {"adm", Role::kAdmin, {}, kPassword}, "test"));
    plans_ = new std::shared_ptr<const PlanSet>(ws->plans());
    auto sessions = app::Sessions::open(path_, {});
    ASSERT_TRUE(sessions);
    sessions_ = sessions->release();
    api_ =
        new Api(ApiContext{[] { return *plans_; }, [] { return day_number(2026, 11, 27); }, sessions_}, {});
    for (const auto& [who, user] :
         {std::pair{Who::kEnterprise, "ent"}, {Who::kAnalyst, "ana"}, {Who::kAdmin, "adm"}}) {
      auto in = sessions_->sign_in(user, kPassword, "test");
      ASSERT_TRUE(in);
      cookies_[who] = {"atlas_session=" + in->token, in->session.csrf_token};
    }
  }
  static void TearDownTestSuite() {
    delete api_;
    delete sessions_;
    delete plans_;
    for (const char* suffix : {"", "-wal", "-shm"})
      std::filesystem::remove(path_ + suffix);
  }

  static Answer call(Who who, const std::string& method, const std::string& target,
                     const std::string& body = {}) {
    Request r = coretest::request(method, target, body, body.empty() ? "" : "application/json");
    if (who != Who::kPublic) {
      r.cookie = cookies_.at(who).first;
      r.csrf_token = cookies_.at(who).second;
    }
    return coretest::answer(*api_, r);
  }
  static Answer get(Who who, const std::string& target) { return call(who, "GET", target); }

  static inline std::string path_;
  static inline std::shared_ptr<const PlanSet>* plans_ = nullptr;
  static inline app::Sessions* sessions_ = nullptr;
  static inline Api* api_ = nullptr;
  static inline std::map<Who, std::pair<std::string, std::string>> cookies_;
};

// A request to `route` with its ids filled from the embedded plan and a valid body.
std::pair<std::string, std::string> example(const internal::Route& route) {
  static const std::map<std::string_view, std::pair<std::string, std::string>> examples{
      {"/api/v1/targets/{id}", {"/api/v1/targets/total-output", ""}},
      {"/api/v1/targets/{id}/groups", {"/api/v1/targets/total-output/groups?by=county", ""}},
      {"/api/v1/enterprises/{id}", {"/api/v1/enterprises/bpw-meizhou", ""}},
      {"/api/v1/projects/{id}", {"/api/v1/projects/gac-springs", ""}},
      {"/api/v1/chains/{id}", {"/api/v1/chains/trailer", ""}},
      {"/api/v1/chains/{id}/counties", {"/api/v1/chains/trailer/counties", ""}},
      {"/api/v1/chains/{id}/links/{link}/candidates",
       {"/api/v1/chains/nev-three-electric/links/nev-oem/candidates", ""}},
      {"/api/v1/catalogues/{kind}", {"/api/v1/catalogues/key-development?format=csv", ""}},
      {"/api/v1/indicators",
       {"/api/v1/indicators", R"J({"expression":"sum(output_value) where id = \"gac-qianghua\" in 2025"})J"}},
      {"/api/v1/forecast", {"/api/v1/forecast?runs=100", ""}},
      {"/api/v1/forecast/what-if", {"/api/v1/forecast/what-if", R"({"runs":100,"changes":[]})"}},
      {"/api/v1/users", {"/api/v1/users", ""}},
      {"/api/v1/users/{name}", {"/api/v1/users/ana", R"({"disabled":false})"}},
  };
  if (route.path == "/api/v1/users" && route.method == "POST")
    return {"/api/v1/users", R"({"name":"matrix","role":"analyst","password":"matrix password"})"};
  const auto it = examples.find(route.path);
  return it != examples.end() ? it->second : std::pair{std::string(route.path), std::string()};
}

TEST_F(Policy, EveryEndpointAnswersEveryAudienceAsThePolicyTableSays) {
  std::size_t checked = 0;
  for (const internal::Route& route : internal::routes()) {
    if (route.resource == app::Resource::kSession) continue;  // open to all (SessionApi tests them)
    const auto [target, body] = example(route);
    for (const Who who : kEveryone) {
      const app::Principal* principal = nullptr;
      app::Principal p;
      if (who != Who::kPublic) {
        p = who == Who::kEnterprise ? app::Principal{"ent", Role::kEnterprise, kOwn}
            : who == Who::kAnalyst  ? app::Principal{"ana", Role::kAnalyst, {}}
                                    : app::Principal{"adm", Role::kAdmin, {}};
        principal = &p;
      }
      const bool allowed = app::allowed(principal, route.resource, route.action) != app::Scope::kNone;
      const Answer a = call(who, std::string(route.method), target, body);
      SCOPED_TRACE(fmt::format("{} {} as {}", route.method, target, name_of(who)));
      if (allowed) {
        EXPECT_EQ(a.status(), 200) << a.response.body.substr(0, 300);
      } else {
        EXPECT_EQ(a.status(), who == Who::kPublic ? 401 : 403);
        EXPECT_EQ(a.body.at("code"), who == Who::kPublic ? "sign-in-required" : "forbidden");
        // A refusal names the resource, never a record or a number of the data.
        EXPECT_EQ(a.response.body.find("gac-qianghua"), std::string::npos);
        EXPECT_FALSE(a.body.as_object().contains("value"));
      }
      ++checked;
    }
  }
  EXPECT_EQ(checked, 4 * (internal::routes().size() - 5));  // every route but the five of the session
}

TEST_F(Policy, ThePublicSeesTheRegisterButNoEnterprisesFigures) {
  const Answer list = get(Who::kPublic, "/api/v1/enterprises?limit=500");
  ASSERT_EQ(list.status(), 200);
  ASSERT_FALSE(list.body.at("items").as_array().empty());
  for (const json::value& e : list.body.at("items").as_array()) {
    EXPECT_TRUE(e.at("output_value").is_null()) << e.at("id");
    EXPECT_EQ(e.at("withheld"), true);
    EXPECT_FALSE(e.at("name").at("zh").as_string().empty());  // the register stays
  }
  const Answer profile = get(Who::kPublic, std::string("/api/v1/enterprises/") + kOther);
  ASSERT_EQ(profile.status(), 200);
  EXPECT_TRUE(profile.body.at("figures").as_array().empty());
  EXPECT_TRUE(profile.body.at("employees").is_null());
  EXPECT_TRUE(profile.body.at("output_value").is_null());
  // Sorting by output would rank the enterprises by their figures.
  const Answer sorted = get(Who::kPublic, "/api/v1/enterprises?sort=-output_value");
  EXPECT_EQ(sorted.status(), 401);
  EXPECT_EQ(sorted.body.at("field"), "sort");
  // A target summed over enterprises: the total, not who contributed what.
  const Answer target = get(Who::kPublic, std::string("/api/v1/targets/") + kTarget);
  ASSERT_EQ(target.status(), 200);
  EXPECT_TRUE(target.body.at("contributors").at("items").as_array().empty());
  EXPECT_EQ(target.body.at("contributors").at("withheld"), target.body.at("contributors").at("total"));
  EXPECT_FALSE(target.body.at("latest").is_null());
}

TEST_F(Policy, NoPublicAnswerHoldsAnEnterprisesOutputFigure) {
  // Every output figure an analyst sees, enterprise by enterprise and year by year …
  std::set<std::int64_t> figures;
  const Answer all = get(Who::kAnalyst, "/api/v1/enterprises?limit=500");
  for (const json::value& e : all.body.at("items").as_array()) {
    const Answer p = get(Who::kAnalyst, "/api/v1/enterprises/" + std::string(e.at("id").as_string()));
    for (const json::value& f : p.body.at("figures").as_array()) {
      for (const json::value& y : f.at("annual").as_array())
        if (y.at("value").is_int64() && y.at("value").as_int64() > 1'000'000)
          figures.insert(y.at("value").as_int64());
    }
  }
  ASSERT_GT(figures.size(), 10U);
  // … appears in no public answer about enterprises or a target's contributors.
  std::vector<std::string> targets{"/api/v1/enterprises?limit=500",
                                   std::string("/api/v1/targets/") + kTarget};
  for (const json::value& e : all.body.at("items").as_array())
    targets.push_back("/api/v1/enterprises/" + std::string(e.at("id").as_string()));
  for (const std::string& t : targets) {
    const Answer a = get(Who::kPublic, t);
    ASSERT_EQ(a.status(), 200) << t;
    if (t.find("/targets/") != std::string::npos) continue;  // its total is an aggregate (checked above)
    // The plan's own statements about an enterprise ("facts", quoted with their section) are
    // public; nothing else may carry a figure.
    json::value body = a.body;
    if (body.as_object().contains("facts")) body.as_object().erase("facts");
    const std::string text = json::serialize(body);
    for (const std::int64_t v : figures) {
      const std::string number = std::to_string(v);
      for (auto at = text.find(number); at != std::string::npos; at = text.find(number, at + 1)) {
        const bool bounded = (at == 0 || !std::isdigit(static_cast<unsigned char>(text[at - 1]))) &&
                             (at + number.size() == text.size() ||
                              !std::isdigit(static_cast<unsigned char>(text[at + number.size()])));
        EXPECT_FALSE(bounded) << t << " holds " << v;
      }
    }
  }
}

TEST_F(Policy, AnEnterpriseUserSeesItsOwnFiguresAndOfOthersOnlyWhatThePublicSees) {
  const std::string own = std::string("/api/v1/enterprises/") + kOwn;
  const Answer mine = get(Who::kEnterprise, own);
  ASSERT_EQ(mine.status(), 200);
  EXPECT_EQ(mine.body.at("withheld"), false);
  EXPECT_FALSE(mine.body.at("figures").as_array().empty());
  EXPECT_EQ(mine.body.at("figures"), get(Who::kAnalyst, own).body.at("figures"));
  // Another enterprise: by id, by search, by list filter — exactly the public's answer.
  for (const std::string& t :
       {std::string("/api/v1/enterprises/") + kOther, std::string("/api/v1/enterprises?q=") + kOther,
        std::string("/api/v1/enterprises?county=meixian"), std::string("/api/v1/enterprises?limit=500")}) {
    const Answer theirs = get(Who::kEnterprise, t);
    const Answer pub = get(Who::kPublic, t);
    ASSERT_EQ(theirs.status(), 200) << t;
    if (t.find("?") == std::string::npos) {
      EXPECT_EQ(theirs.response.body, pub.response.body) << t;
      continue;
    }
    for (const json::value& e : theirs.body.at("items").as_array()) {
      const bool is_own = e.at("id") == kOwn;
      EXPECT_EQ(e.at("withheld"), !is_own) << e.at("id");
      if (!is_own) {
        EXPECT_TRUE(e.at("output_value").is_null()) << e.at("id");
      }
    }
    EXPECT_EQ(theirs.body.at("total"), pub.body.at("total")) << t;
  }
  // Not by sorting, nor by the indicator endpoint.
  EXPECT_EQ(get(Who::kEnterprise, "/api/v1/enterprises?sort=-output_value").status(), 403);
  const Answer indicator =
      call(Who::kEnterprise, "POST", "/api/v1/indicators",
           R"J({"expression":"sum(output_value) where id = \"gac-qianghua\" in 2025"})J");
  EXPECT_EQ(indicator.status(), 403);
  EXPECT_EQ(indicator.body.at("code"), "forbidden");
  // A target's contributors: its own part only; the others are counted as withheld.
  const Answer target = get(Who::kEnterprise, std::string("/api/v1/targets/") + kTarget);
  const json::array& items = target.body.at("contributors").at("items").as_array();
  ASSERT_EQ(items.size(), 1U);
  EXPECT_EQ(items[0].at("id"), kOwn);
  EXPECT_EQ(target.body.at("contributors").at("withheld").as_int64() + 1,
            target.body.at("contributors").at("total").as_int64());
}

TEST_F(Policy, AnalystsAndAdministratorsSeeEveryFigure) {
  for (const Who who : {Who::kAnalyst, Who::kAdmin}) {
    const Answer list = get(who, "/api/v1/enterprises?sort=-output_value&limit=3");
    ASSERT_EQ(list.status(), 200);
    for (const json::value& e : list.body.at("items").as_array())
      EXPECT_EQ(e.at("withheld"), false);
    const Answer target = get(who, std::string("/api/v1/targets/") + kTarget);
    EXPECT_EQ(target.body.at("contributors").at("withheld"), 0);
    EXPECT_EQ(call(who, "POST", "/api/v1/indicators", R"J({"expression":"count(enterprises)"})J").status(),
              200);
  }
}

TEST(PolicyTable, EveryRowIsAUniqueResourceAndActionAndThePublicNeverSeesFigures) {
  std::set<std::pair<app::Resource, app::Action>> seen;
  for (const app::PolicyRow& row : app::policy())
    EXPECT_TRUE(seen.insert({row.resource, row.action}).second) << app::to_string(row.resource);
  EXPECT_EQ(app::allowed(nullptr, app::Resource::kFigures, app::Action::kRead), app::Scope::kNone);
  const app::Principal ent{"e", Role::kEnterprise, "x"};
  EXPECT_TRUE(app::may_see_figures(&ent, "x"));
  EXPECT_FALSE(app::may_see_figures(&ent, "y"));
  const app::Principal unbound{"e", Role::kEnterprise, ""};
  EXPECT_FALSE(app::may_see_figures(&unbound, ""));
  EXPECT_FALSE(app::may_see_figures(nullptr, "x"));
}

TEST(PolicyTable, DocsSecurityMdShowsTheTableTheCodeApplies) {
  // docs/security.md holds the table as "| resource | action | public | enterprise | analyst | admin |".
  std::ifstream in(std::string(ATLAS_SOURCE_DIR) + "/docs/security.md");
  ASSERT_TRUE(in);
  std::set<std::string> doc_rows;
  for (std::string line; std::getline(in, line);) {
    if (line.starts_with("| `")) doc_rows.insert(line);
  }
  for (const app::PolicyRow& row : app::policy()) {
    const std::string line =
        fmt::format("| `{}` | {} | {} | {} | {} | {} |", app::to_string(row.resource),
                    app::to_string(row.action), app::to_string(row.public_scope),
                    app::to_string(row.enterprise), app::to_string(row.analyst), app::to_string(row.admin));
    EXPECT_TRUE(doc_rows.contains(line)) << "docs/security.md lacks the row " << line;
  }
  EXPECT_EQ(doc_rows.size(), app::policy().size());
}

}  // namespace
}  // namespace atlas::api
