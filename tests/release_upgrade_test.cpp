// A database written by release 0.1.0 (tests/fixtures/release-0.1.0: schema 4, the seeded Meizhou
// plan) opens with today's atlas, which migrates it, and answers as that release did: the same
// `atlas check --json` and the same API answers. The only differences allowed are the fields
// added since (meta.plan; /plan's `default` and `scope`; a target's `change_needed_per_year`, its
// baseline's qualifier and text), and `meta`, which names the moment.
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include <boost/json.hpp>
#include <gtest/gtest.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include "api/api.hpp"
#include "app/workspace.hpp"
#include "model/period.hpp"

namespace {

namespace fs = std::filesystem;
namespace json = boost::json;

fs::path fixture_dir() {
  return fs::path(ATLAS_SOURCE_DIR) / "tests/fixtures/release-0.1.0";
}

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// Removes what a target answer holds since release 0.1.0 (percent targets, worded baselines) after
// checking that each reads as nothing new for the old plan: no change needed in points, exact
// baselines written as the old release wrote them.
void drop_fields_added_to_targets(json::object& answer) {
  for (auto& item : answer.at("targets").as_array()) {
    auto& t = item.as_object();
    EXPECT_TRUE(t.at("change_needed_per_year").is_null()) << t.at("id");
    t.erase("change_needed_per_year");
    // A plan stored before units declares none (migration 0010): every target is in a built-in unit.
    EXPECT_TRUE(t.at("declared_unit").is_null()) << t.at("id");
    t.erase("declared_unit");
    if (auto* q = t.if_contains("baseline_qualifier")) {  // check --json
      EXPECT_EQ(*q, json::value("exact")) << t.at("id");
      t.erase("baseline_qualifier");
    }
    if (auto* b = t.if_contains("baseline"); b != nullptr && b->is_object()) {  // the API
      EXPECT_EQ(b->as_object().at("qualifier"), json::value("exact")) << t.at("id");
      b->as_object().erase("qualifier");
      b->as_object().erase("text");
    }
  }
}

// Drops the `period` added to every year total (output_value) after 0.1.0, checking that it names the
// year or January to a month of it.
void drop_periods_added_to_year_values(json::value& v) {
  if (auto* o = v.if_object()) {
    if (auto* period = o->if_contains("period");
        period != nullptr && o->contains("year") && o->contains("value")) {
      const std::string year = std::to_string(o->at("year").as_int64());
      EXPECT_TRUE(period->as_string().starts_with(year)) << *period;
      o->erase("period");
    }
    for (auto& kv : *o)
      drop_periods_added_to_year_values(kv.value());
  } else if (auto* a = v.if_array()) {
    for (auto& item : *a)
      drop_periods_added_to_year_values(item);
  }
}

class ReleaseUpgrade : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("atlas-release-upgrade-" + std::to_string(::getpid()) + "-" +
                                        ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    db_ = (dir_ / "atlas.db").string();
    sqlite3* raw = nullptr;
    ASSERT_EQ(sqlite3_open(db_.c_str(), &raw), SQLITE_OK);
    char* message = nullptr;
    const int rc = sqlite3_exec(raw, slurp(fixture_dir() / "atlas.sql").c_str(), nullptr, nullptr, &message);
    const std::string error = message != nullptr ? message : "";
    sqlite3_free(message);
    sqlite3_close(raw);
    ASSERT_EQ(rc, SQLITE_OK) << error;
  }
  void TearDown() override { fs::remove_all(dir_); }

  static json::value fixture(const std::string& name) { return json::parse(slurp(fixture_dir() / name)); }

  fs::path dir_;
  std::string db_;
};

TEST_F(ReleaseUpgrade, CheckAnswersAsRelease010Did) {
  const fs::path out = dir_ / "check.json";
  const std::string cmd =
      std::string(ATLAS_BINARY) + " check --db " + db_ + " --json --as-of 2026-11-30 >" + out.string();
  const int status = std::system(cmd.c_str());
  ASSERT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << cmd;
  json::object now = json::parse(slurp(out)).as_object();
  json::object then = fixture("check-2026-11-30.json").as_object();
  EXPECT_EQ(now.at("snapshot_version"), then.at("snapshot_version"));  // migrating wrote no new data
  drop_fields_added_to_targets(now);
  EXPECT_EQ(now, then);
}

TEST_F(ReleaseUpgrade, ApiAnswersAsRelease010Did) {
  auto ws = atlas::app::Workspace::open(db_);
  ASSERT_TRUE(ws.has_value()) << ws.error().to_string();
  const auto plans = ws->plans();
  const atlas::api::Api api(
      atlas::api::ApiContext{[&] { return plans; }, [] { return atlas::day_number(2026, 11, 30); }, nullptr,
                             atlas::app::Principal{"test", atlas::Role::kAnalyst, {}}},
      {});
  const std::pair<std::string, std::string> cases[] = {
      {"targets", "/api/v1/targets?as_of=2026-11-30"},
      {"zones", "/api/v1/zones?as_of=2026-11-30"},
      {"projects", "/api/v1/projects?as_of=2026-11-30"},
      {"chains", "/api/v1/chains"},
      {"plan", "/api/v1/plan"},
      {"enterprises", "/api/v1/enterprises?as_of=2026-11-30&limit=100"},
  };
  for (const auto& [name, target] : cases) {
    const atlas::api::Response r = api.handle({"GET", target, "", "", "", ""});
    ASSERT_EQ(r.status, 200) << target << ": " << r.body;
    json::object now = json::parse(r.body).as_object();
    json::object then = fixture("api-" + name + ".json").as_object();
    EXPECT_EQ(now.at("meta").at("plan"), json::value("meizhou-autoparts-2021-2025")) << target;
    EXPECT_EQ(now.at("meta").at("snapshot_version"), then.at("meta").at("snapshot_version")) << target;
    now.erase("meta");
    then.erase("meta");
    if (name == "plan") {
      EXPECT_EQ(now.at("scope").as_array().size(), 8U);  // every county of the old database
      now.erase("scope");
      now.erase("default");
      EXPECT_TRUE(now.at("map").is_null());  // a plan stored before maps has none (migration 0008)
      now.erase("map");
      // Nor vocabularies (migration 0009): its words are those its records use, each named by itself.
      const json::array& segments = now.at("vocabularies").at("segment").as_array();
      EXPECT_EQ(segments.size(), 4U);
      for (const json::value& t : segments) {
        EXPECT_EQ(t.at("name").at("zh"), t.at("id"));
        EXPECT_TRUE(t.at("provenance").is_null());
        EXPECT_FALSE(t.at("declared").as_bool());
      }
      now.erase("vocabularies");
      EXPECT_TRUE(now.at("units").as_array().empty());  // nor units (migration 0010)
      now.erase("units");
    }
    if (name == "targets") drop_fields_added_to_targets(now);
    if (name == "zones" || name == "enterprises") {
      json::value whole = std::move(now);
      drop_periods_added_to_year_values(whole);
      now = std::move(whole.as_object());
    }
    if (name == "enterprises") {
      // Added with the authorisation policy (issue 12): whether the caller may not see the figures.
      for (json::value& item : now.at("items").as_array()) {
        EXPECT_EQ(item.at("withheld"), json::value(false)) << target;  // an analyst sees them all
        item.as_object().erase("withheld");
      }
    }
    if (name == "zones" || name == "plan" || name == "enterprises") {
      // A plan stored before plans named their output metric totals output_value (migration 0007).
      EXPECT_EQ(now.at("output_metric").at("id"), json::value("output_value")) << target;
      EXPECT_EQ(now.at("output_metric").at("unit"), json::value("yuan")) << target;
      now.erase("output_metric");
    }
    EXPECT_EQ(now, then) << target;
  }
}

}  // namespace
