// The API over a database of two plans (the seeded Meizhou plan and tests/fixtures/plans/riverbend,
// neither marked default): GET /api/v1/plans lists both, every read takes ?plan=, a read that names
// no plan is a 400 listing them, an unknown plan a 404, and each plan answers from its own data.
#include <algorithm>
#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include <boost/json.hpp>
#include <gtest/gtest.h>
#include <unistd.h>

#include "api/api.hpp"
#include "app/workspace.hpp"
#include "model/period.hpp"

namespace {

namespace fs = std::filesystem;
namespace json = boost::json;

constexpr const char* kMeizhou = "meizhou-autoparts-2021-2025";
constexpr const char* kRiverbend = "riverbend-ev-2024-2027";

class TwoPlans : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir() = fs::temp_directory_path() / ("atlas-api-plans-" + std::to_string(::getpid()));
    fs::remove_all(dir());
    fs::create_directories(dir());
    auto ws = atlas::app::Workspace::open((dir() / "atlas.db").string());  // seeds Meizhou
    ASSERT_TRUE(ws.has_value()) << ws.error().to_string();
    alone() = ws->plans();
    auto imported = ws->import_files({fs::path(ATLAS_SOURCE_DIR) / "tests/fixtures/plans/riverbend"}, {});
    ASSERT_TRUE(imported.has_value()) << imported.error().front().to_string();
    both() = ws->plans();
  }
  static void TearDownTestSuite() { fs::remove_all(dir()); }

  static json::object get(const std::shared_ptr<const atlas::PlanSet>& plans, const std::string& target,
                          int status = 200) {
    const atlas::api::Api api(
        atlas::api::ApiContext{[plans] { return plans; }, [] { return atlas::day_number(2026, 11, 27); },
                               nullptr, atlas::app::Principal{"test", atlas::Role::kAnalyst, {}}},
        {});
    const atlas::api::Response r = api.handle({"GET", target, "", "", "", ""});
    EXPECT_EQ(r.status, status) << target << ": " << r.body;
    return json::parse(r.body).as_object();
  }

  static fs::path& dir() {
    static fs::path d;
    return d;
  }
  static std::shared_ptr<const atlas::PlanSet>& alone() {
    static std::shared_ptr<const atlas::PlanSet> p;
    return p;
  }
  static std::shared_ptr<const atlas::PlanSet>& both() {
    static std::shared_ptr<const atlas::PlanSet> p;
    return p;
  }
};

TEST_F(TwoPlans, PlansListsBothAndNoDefault) {
  const json::object a = get(both(), "/api/v1/plans");
  EXPECT_TRUE(a.at("default").is_null());
  // A list of plans is of no one plan: its meta names none, and dates its data by the latest of them.
  EXPECT_TRUE(a.at("meta").at("plan").is_null()) << a.at("meta");
  const json::object meizhou = get(both(), std::string("/api/v1/plan?plan=") + kMeizhou);
  const json::object riverbend = get(both(), std::string("/api/v1/plan?plan=") + kRiverbend);
  EXPECT_EQ(a.at("meta").at("data_as_of"), std::max(meizhou.at("meta").at("data_as_of").as_string(),
                                                    riverbend.at("meta").at("data_as_of").as_string()));
  const json::array& plans = a.at("plans").as_array();
  ASSERT_EQ(plans.size(), 2U);
  EXPECT_EQ(plans[0].at("id").as_string(), kMeizhou);
  EXPECT_EQ(plans[1].at("id").as_string(), kRiverbend);
  const json::array& scope = plans[1].at("scope").as_array();
  ASSERT_EQ(scope.size(), 2U);
  EXPECT_EQ(scope[0].at("id").as_string(), "riverbend-north");
  EXPECT_EQ(scope[1].at("name").at("zh").as_string(), "河湾南区");
  EXPECT_EQ(plans[1].at("counts").at("targets").as_int64(), 4);
  EXPECT_EQ(plans[1].at("counts").at("enterprises").as_int64(), 4);
  EXPECT_EQ(plans[0].at("counts").at("targets").as_int64(), 16);
}

TEST_F(TwoPlans, AReadThatNamesNoPlanIsA400ListingThem) {
  for (const char* target : {"/api/v1/targets", "/api/v1/plan", "/api/v1/enterprises"}) {
    const json::object a = get(both(), target, 400);
    const std::string detail(a.at("detail").as_string());
    EXPECT_NE(detail.find(kMeizhou), std::string::npos) << target << ": " << detail;
    EXPECT_NE(detail.find(kRiverbend), std::string::npos) << target << ": " << detail;
  }
}

TEST_F(TwoPlans, AnUnknownPlanIsA404NamingIt) {
  const json::object a = get(both(), "/api/v1/targets?plan=no-such-plan", 404);
  EXPECT_NE(std::string(a.at("detail").as_string()).find("no-such-plan"), std::string::npos) << a;
}

TEST_F(TwoPlans, EachPlanAnswersFromItsOwnData) {
  const json::object river = get(both(), std::string("/api/v1/targets?plan=") + kRiverbend);
  EXPECT_EQ(river.at("meta").at("plan").as_string(), kRiverbend);
  ASSERT_EQ(river.at("targets").as_array().size(), 4U);
  const json::object enterprises = get(both(), std::string("/api/v1/enterprises?plan=") + kRiverbend);
  EXPECT_EQ(enterprises.at("total").as_int64(), 4);  // none of Meizhou's, not even its partners elsewhere
  const json::object plan = get(both(), std::string("/api/v1/plan?plan=") + kRiverbend);
  EXPECT_EQ(plan.at("document").as_string(), "河湾县府〔2024〕1号（示例）");
  // Its own words, declared in its plan file, and its own unit.
  const json::array& segments = plan.at("vocabularies").at("segment").as_array();
  ASSERT_FALSE(segments.empty());
  EXPECT_EQ(segments[0].at("id").as_string(), "ev-drive");
  EXPECT_TRUE(segments[0].at("declared").as_bool());
  const json::array& units = plan.at("units").as_array();
  ASSERT_EQ(units.size(), 1U);
  EXPECT_EQ(units[0].at("id").as_string(), "vehicle");
  EXPECT_EQ(units[0].at("scales").as_array()[1].at("name").at("zh").as_string(), "万辆");
}

// Riverbend's statistics are of revenue: its plan file names it as the output metric, so its zones,
// counties and enterprise lists total revenue, while Meizhou's stay on
// output_value.
TEST_F(TwoPlans, ZonesCountiesAndEnterprisesTotalThePlansOwnOutputMetric) {
  const json::object zones = get(both(), std::string("/api/v1/zones?year=2024&plan=") + kRiverbend);
  EXPECT_EQ(zones.at("output_metric").at("id").as_string(), "revenue");
  EXPECT_EQ(zones.at("output_metric").at("name").at("zh").as_string(), "营业收入");
  const json::object& park = zones.at("zones").as_array().at(0).as_object();
  EXPECT_EQ(park.at("id").as_string(), "riverbend-ev-park");
  EXPECT_EQ(park.at("output_value").at("year").as_int64(), 2024);
  EXPECT_EQ(park.at("output_value").at("value").as_int64(), 134'000'000);  // 7800万 + 5600万
  std::map<std::string, std::int64_t> by_county;
  for (const json::value& c : zones.at("counties").as_array())
    by_county[std::string(c.at("id").as_string())] = c.at("output_value").at("value").as_int64();
  EXPECT_EQ(by_county, (std::map<std::string, std::int64_t>{{"riverbend-north", 134'000'000},
                                                            {"riverbend-south", 31'000'000}}));
  const json::object list =
      get(both(), std::string("/api/v1/enterprises?sort=-output_value&year=2024&plan=") + kRiverbend);
  EXPECT_EQ(list.at("output_metric").at("id").as_string(), "revenue");
  EXPECT_EQ(list.at("items").as_array().at(0).at("id").as_string(), "rb-cell-pack");
  EXPECT_EQ(list.at("items").as_array().at(0).at("output_value").at("value").as_int64(), 78'000'000);
  const json::object one =
      get(both(), std::string("/api/v1/enterprises/rb-motor?year=2024&plan=") + kRiverbend);
  EXPECT_EQ(one.at("output_value").at("value").as_int64(), 56'000'000);
  EXPECT_EQ(park.at("output_value").at("period").as_string(), "2024");
  // Without a year: 2025, of which only January to June is reported — and the answer says so.
  const json::object now = get(both(), std::string("/api/v1/zones?plan=") + kRiverbend);
  const json::object& so_far = now.at("zones").as_array().at(0).at("output_value").as_object();
  EXPECT_EQ(so_far.at("period").as_string(), "2025-01~06");
  EXPECT_EQ(so_far.at("value").as_int64(), 74'000'000);  // 4300万 + 3100万
  EXPECT_EQ(get(both(), std::string("/api/v1/plan?plan=") + kRiverbend).at("output_metric").at("id"),
            "revenue");
  EXPECT_EQ(get(both(), std::string("/api/v1/zones?plan=") + kMeizhou).at("output_metric").at("id"),
            "output_value");
}

// Each plan draws its own map: Meizhou's eight counties, with the source the plan file names;
// Riverbend has none, and says so (the web app then shows the tables and no empty map).
TEST_F(TwoPlans, EachPlanServesItsOwnBoundaryMapOrNone) {
  const json::object meizhou = get(both(), std::string("/api/v1/map?plan=") + kMeizhou);
  EXPECT_NE(std::string(meizhou.at("source").as_string()).find("DataV GeoAtlas"), std::string::npos);
  EXPECT_TRUE(meizhou.at("review_number").is_null());
  const json::array& features = meizhou.at("geojson").at("features").as_array();
  std::vector<std::int64_t> adcodes;
  for (const json::value& f : features)
    adcodes.push_back(f.at("properties").at("adcode").as_int64());
  std::ranges::sort(adcodes);
  EXPECT_EQ(adcodes,
            (std::vector<std::int64_t>{441402, 441403, 441422, 441423, 441424, 441426, 441427, 441481}));
  EXPECT_FALSE(get(both(), std::string("/api/v1/plan?plan=") + kMeizhou).at("map").is_null());

  EXPECT_TRUE(get(both(), std::string("/api/v1/plan?plan=") + kRiverbend).at("map").is_null());
  const json::object none = get(both(), std::string("/api/v1/map?plan=") + kRiverbend, 404);
  EXPECT_NE(std::string(none.at("detail").as_string()).find(kRiverbend), std::string::npos) << none;
}

// The map is part of the plan's directory: importing the plan file alone (say, after editing a
// target) keeps the map stored for it, and changes nothing else.
TEST(PlanMap, ReimportingThePlanFileAloneKeepsItsMap) {
  const fs::path dir = fs::temp_directory_path() / ("atlas-plan-map-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  auto ws = atlas::app::Workspace::open((dir / "atlas.db").string());  // seeds Meizhou, with its map
  ASSERT_TRUE(ws.has_value()) << ws.error().to_string();
  const std::string before = (*ws->plans()->find(kMeizhou))->plan.map;
  ASSERT_FALSE(before.empty());
  auto again =
      ws->import_files({fs::path(ATLAS_SOURCE_DIR) / "data/plans/meizhou-autoparts-2021-2025.toml"}, {});
  ASSERT_TRUE(again.has_value()) << again.error().front().to_string();
  EXPECT_EQ(again->applied.event_id, 0) << "the plan file read without its map changed nothing";
  EXPECT_EQ((*ws->plans()->find(kMeizhou))->plan.map, before);
  fs::remove_all(dir);
}

// Meizhou answers exactly as it did before Riverbend came (only the snapshot version moved).
TEST_F(TwoPlans, MeizhouAnswersAsBeforeTheOtherPlanCame) {
  for (const std::string path : {"/api/v1/targets", "/api/v1/zones", "/api/v1/projects", "/api/v1/chains",
                                 "/api/v1/enterprises?limit=100", "/api/v1/plan"}) {
    const std::string sep = path.find('?') == std::string::npos ? "?" : "&";
    json::object now = get(both(), path + sep + "plan=" + kMeizhou);
    json::object before = get(alone(), path);
    EXPECT_EQ(now.at("meta").at("plan"), before.at("meta").at("plan")) << path;
    now.erase("meta");
    before.erase("meta");
    EXPECT_EQ(now, before) << path;
  }
}

}  // namespace
