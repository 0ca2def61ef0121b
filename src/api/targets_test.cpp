#include <set>
#include <string>
#include <vector>

#include "api/internal/core_test_support.hpp"

namespace atlas::api {
namespace {

namespace json = boost::json;
using coretest::get;

const json::object& target_in(const json::value& body, std::string_view id) {
  for (const auto& t : body.at("targets").as_array()) {
    if (t.at("id").as_string() == id) return t.as_object();
  }
  throw std::runtime_error("no target " + std::string(id));
}

std::vector<std::int64_t> years_of(const json::value& series) {
  std::vector<std::int64_t> out;
  for (const auto& p : series.as_array())
    out.push_back(p.at("year").as_int64());
  return out;
}

TEST(TargetsApi, ListsTheSixteenTargetsInPlanOrder) {
  const auto a = get("/api/v1/targets");
  ASSERT_EQ(a.status(), 200) << a.response.body;
  EXPECT_EQ(a.response.content_type, "application/json");
  const auto& targets = a.body.at("targets").as_array();
  ASSERT_EQ(targets.size(), 16U);
  const auto snapshot = coretest::shared_snapshot();
  for (std::size_t i = 0; i < targets.size(); ++i)
    EXPECT_EQ(targets[i].at("id").as_string(), snapshot->targets[i].id);
  EXPECT_EQ(targets[0].at("id").as_string(), "total-output");
  EXPECT_EQ(targets[15].at("id").as_string(), "park-output");
  EXPECT_EQ(a.body.at("meta").at("as_of").as_string(), "2026-11-27");
  EXPECT_EQ(a.body.at("meta").at("snapshot_version").as_int64(), 3);
}

TEST(TargetsApi, TargetHasExactlyTheDocumentedFields) {
  const auto a = get("/api/v1/targets");
  ASSERT_EQ(a.status(), 200);
  const std::set<std::string> expected{"id",
                                       "title",
                                       "indicator",
                                       "unit",
                                       "declared_unit",
                                       "goal",
                                       "deadline",
                                       "baseline",
                                       "latest",
                                       "progress",
                                       "status",
                                       "status_zh",
                                       "final",
                                       "projected",
                                       "path_value",
                                       "growth_needed_per_year",
                                       "count_needed_per_year",
                                       "change_needed_per_year",
                                       "sample",
                                       "provenance",
                                       "target_provenance",
                                       "quote",
                                       "problem"};
  for (const auto& t : a.body.at("targets").as_array()) {
    std::set<std::string> keys;
    for (const auto& [key, value] : t.as_object())
      keys.emplace(key);
    EXPECT_EQ(keys, expected) << t.at("id").as_string();
  }
}

TEST(TargetsApi, TotalOutputHasThePlanBaselineGoalAndFinalStatus) {
  const auto a = get("/api/v1/targets");
  const auto& t = target_in(a.body, "total-output");
  EXPECT_EQ(t.at("title").at("zh").as_string(), "汽车零部件工业总产值");
  EXPECT_EQ(t.at("unit").as_string(), "yuan");
  EXPECT_EQ(t.at("baseline").at("value").as_int64(), 2719000000);
  EXPECT_EQ(t.at("baseline").at("period").as_string(), "2020");
  EXPECT_EQ(t.at("baseline").at("provenance").as_string(), "plan §3(1)1");
  EXPECT_EQ(t.at("goal").at("text").as_string(), ">= 100亿");
  EXPECT_EQ(t.at("goal").at("value").as_int64(), 10000000000);
  EXPECT_EQ(t.at("deadline").as_int64(), 2025);
  EXPECT_EQ(t.at("latest").at("period").as_string(), "2025");
  EXPECT_EQ(t.at("latest").at("value").as_int64(), 7280000000);
  EXPECT_DOUBLE_EQ(t.at("progress").as_double(), 0.728);
  EXPECT_EQ(t.at("status").as_string(), "missed");
  EXPECT_EQ(t.at("status_zh").as_string(), "未达成");
  EXPECT_TRUE(t.at("final").as_bool());
  EXPECT_EQ(t.at("target_provenance").as_string(), "plan §4");
}

TEST(TargetsApi, CumulativeTargetWithoutRecordsHasNoReading) {
  const auto a = get("/api/v1/targets");
  for (const auto& t : a.body.at("targets").as_array()) {
    if (t.at("status").as_string() != "no-data") continue;
    EXPECT_TRUE(t.at("latest").is_null()) << t.at("id").as_string();
    EXPECT_TRUE(t.at("progress").is_null()) << t.at("id").as_string();
  }
}

TEST(TargetsApi, SampleFalseLeavesOutSampleFigures) {
  const auto with = get("/api/v1/targets");
  const auto without = get("/api/v1/targets?sample=false");
  ASSERT_EQ(without.status(), 200) << without.response.body;
  EXPECT_FALSE(without.body.at("meta").at("sample").as_bool());
  const auto& a = target_in(with.body, "total-output");
  const auto& b = target_in(without.body, "total-output");
  EXPECT_TRUE(a.at("sample").as_bool());
  EXPECT_FALSE(b.at("sample").as_bool());
  EXPECT_NE(json::serialize(a.at("latest")), json::serialize(b.at("latest")));
  for (const auto& t : without.body.at("targets").as_array()) {
    EXPECT_FALSE(t.at("sample").as_bool()) << t.at("id").as_string();
    for (const auto& p : t.at("provenance").as_array())
      EXPECT_FALSE(p.as_string().starts_with("sample")) << t.at("id").as_string();
  }
}

TEST(TargetsApi, AsOfMidYearReadsWhatWasKnownThen) {
  const auto a = get("/api/v1/targets?as_of=2023-06-30");
  ASSERT_EQ(a.status(), 200) << a.response.body;
  EXPECT_EQ(a.body.at("meta").at("as_of").as_string(), "2023-06-30");
  const auto& t = target_in(a.body, "total-output");
  EXPECT_EQ(t.at("latest").at("period").as_string(), "2023-01~05");
  EXPECT_EQ(t.at("status").as_string(), "off-track");
  EXPECT_FALSE(t.at("final").as_bool());
  EXPECT_TRUE(t.at("projected").is_int64());
  EXPECT_TRUE(t.at("growth_needed_per_year").is_double());
}

TEST(TargetDetailApi, IsTheTargetPlusSeriesPathAndContributors) {
  const auto list = get("/api/v1/targets");
  const auto a = get("/api/v1/targets/total-output");
  ASSERT_EQ(a.status(), 200) << a.response.body;
  const auto& t = target_in(list.body, "total-output");
  for (const auto& [key, value] : t)
    EXPECT_EQ(json::serialize(a.body.at(key)), json::serialize(value)) << key;
  EXPECT_TRUE(a.body.at("meta").is_object());
  EXPECT_TRUE(a.body.at("series").is_array());
  EXPECT_TRUE(a.body.at("required_path").is_array());
  EXPECT_TRUE(a.body.at("contributors").is_object());
}

TEST(TargetDetailApi, SeriesRunsFromTheBaselineYearToThePartialRunningYear) {
  const auto a = get("/api/v1/targets/total-output");
  const auto& series = a.body.at("series").as_array();
  EXPECT_EQ(years_of(series), (std::vector<std::int64_t>{2020, 2021, 2022, 2023, 2024, 2025, 2026}));
  EXPECT_EQ(series[5].at("period").as_string(), "2025");
  EXPECT_EQ(series[5].at("value").as_int64(), 7280000000);
  EXPECT_TRUE(series[5].at("complete").as_bool());
  EXPECT_EQ(series[6].at("period").as_string(), "2026-01~09");
  EXPECT_FALSE(series[6].at("complete").as_bool());
}

TEST(TargetDetailApi, SeriesStopsAtTheLastYearKnownByAsOf) {
  const auto a = get("/api/v1/targets/total-output?as_of=2023-06-30");
  const auto& series = a.body.at("series").as_array();
  EXPECT_EQ(years_of(series), (std::vector<std::int64_t>{2020, 2021, 2022, 2023}));
  EXPECT_EQ(series[3].at("period").as_string(), "2023-01~05");
  EXPECT_FALSE(series[3].at("complete").as_bool());
}

TEST(TargetDetailApi, CumulativeSeriesCountsRecordsKnownAtEachYearEnd) {
  const auto a = get("/api/v1/targets/new-projects");
  ASSERT_EQ(a.status(), 200);
  const auto& series = a.body.at("series").as_array();
  EXPECT_EQ(years_of(series), (std::vector<std::int64_t>{2021, 2022, 2023, 2024, 2025}));
  EXPECT_EQ(series[0].at("period").as_string(), "2021");
  EXPECT_EQ(series[4].at("period").as_string(), "2021..2025");
  for (std::size_t i = 1; i < series.size(); ++i)
    EXPECT_GE(series[i].at("value").as_int64(), series[i - 1].at("value").as_int64());
  EXPECT_EQ(series[4].at("value").as_int64(), a.body.at("latest").at("value").as_int64());
}

TEST(TargetDetailApi, RequiredPathRunsFromTheBaselineToTheGoal) {
  const auto a = get("/api/v1/targets/total-output");
  const auto& path = a.body.at("required_path").as_array();
  ASSERT_EQ(path.size(), 6U);
  EXPECT_EQ(path.front().at("year").as_int64(), 2020);
  EXPECT_EQ(path.front().at("value").as_int64(), 2719000000);
  EXPECT_EQ(path.back().at("year").as_int64(), 2025);
  EXPECT_EQ(path.back().at("value").as_int64(), 10000000000);
  // Geometric: the same growth factor every year.
  const double r1 = static_cast<double>(path[1].at("value").as_int64()) / 2719000000.0;
  const double r5 = static_cast<double>(path[5].at("value").as_int64()) / path[4].at("value").as_int64();
  EXPECT_NEAR(r1, r5, 1e-6);
}

// Without a baseline the status is judged against a line from zero in the year before the plan;
// the chart gets that same line (it used to get none).
TEST(TargetDetailApi, RequiredPathWithoutABaselineIsTheLineFromZero) {
  const auto a = get("/api/v1/targets/passenger-output");
  ASSERT_EQ(a.status(), 200);
  EXPECT_TRUE(a.body.at("baseline").is_null());
  const auto& path = a.body.at("required_path").as_array();
  ASSERT_EQ(path.size(), 6U);
  EXPECT_EQ(path.front().at("year").as_int64(), 2020);
  EXPECT_EQ(path.front().at("value").to_number<double>(), 0.0);
  EXPECT_EQ(path.back().at("value").to_number<double>(), 5e9);  // the goal, 50亿
}

TEST(TargetDetailApi, ContributorsAreSortedByValueAndLimited) {
  const auto a = get("/api/v1/targets/total-output?limit=5");
  ASSERT_EQ(a.status(), 200);
  const auto& c = a.body.at("contributors");
  EXPECT_EQ(c.at("set").as_string(), "enterprises");
  EXPECT_EQ(c.at("total").as_int64(), 34);
  const auto& items = c.at("items").as_array();
  ASSERT_EQ(items.size(), 5U);
  EXPECT_EQ(items[0].at("id").as_string(), "bpw-meizhou");
  EXPECT_EQ(items[0].at("value").as_int64(), 2480000000);
  EXPECT_TRUE(items[0].at("name").at("zh").is_string());
  for (std::size_t i = 1; i < items.size(); ++i)
    EXPECT_GE(items[i - 1].at("value").as_int64(), items[i].at("value").as_int64());
  EXPECT_EQ(get("/api/v1/targets/total-output").body.at("contributors").at("items").as_array().size(), 34U);
}

TEST(TargetDetailApi, LimitAboveTheMaximumIsInvalidValue) {
  const auto a = get("/api/v1/targets/total-output?limit=501");
  EXPECT_EQ(a.status(), 400);
  EXPECT_EQ(a.body.at("code").as_string(), "invalid-value");
  EXPECT_EQ(a.body.at("field").as_string(), "limit");
}

TEST(TargetDetailApi, UnknownTargetIsNotFound) {
  const auto a = get("/api/v1/targets/total-outptu");
  EXPECT_EQ(a.status(), 404);
  EXPECT_EQ(a.response.content_type, "application/problem+json");
  EXPECT_EQ(a.body.at("code").as_string(), "not-found");
  EXPECT_NE(a.body.at("detail").as_string().find("did you mean \"total-output\""), json::string::npos);
}

// A plan whose second target reads a field the data does not have (a later import dropped the metric,
// or the plan file was written for other data): that one target is marked, the others answer.
TEST(TargetsApi, MarksATargetThatCannotBeEvaluatedAndAnswersTheOthers) {
  auto read = io::read_embedded_dataset();
  ASSERT_TRUE(read.has_value());
  const std::string second = coretest::shared_snapshot()->targets[1].id;  // in plan order
  for (auto& t : read->data.targets) {
    if (t.id == second) t.indicator = "sum(no_such_figure) in 2025";
  }
  auto built = Snapshot::build(std::move(read->data), 9);
  ASSERT_TRUE(built.has_value()) << built.error().to_string();
  const std::shared_ptr<const Snapshot> snapshot = *built;
  const Api api(
      ApiContext{atlas::api::single_plan([snapshot] { return snapshot; }), [] { return coretest::today(); },
                 nullptr, atlas::app::Principal{"test", atlas::Role::kAnalyst, {}}},
      ApiOptions{});

  const auto list = coretest::answer(api, coretest::request("GET", "/api/v1/targets"));
  ASSERT_EQ(list.status(), 200) << list.response.body;
  const auto& targets = list.body.at("targets").as_array();
  ASSERT_EQ(targets.size(), 16U);
  const auto& broken = targets[1];
  EXPECT_EQ(broken.at("status").as_string(), "error");
  EXPECT_EQ(broken.at("status_zh").as_string(), "无法评估");
  EXPECT_TRUE(broken.at("latest").is_null());
  EXPECT_EQ(broken.at("problem").at("type").as_string(), "/problems/unknown-field");
  EXPECT_NE(broken.at("problem").at("detail").as_string().find("no_such_figure"), std::string::npos);
  EXPECT_TRUE(broken.at("problem").at("detail_zh").as_string().starts_with("该目标无法评估"));
  EXPECT_EQ(broken.at("goal").at("text").as_string(), targets[1].at("goal").at("text").as_string());
  EXPECT_GT(broken.at("goal").at("value").as_int64(), 0);  // the goal still parses and is shown
  EXPECT_TRUE(targets[0].at("problem").is_null());
  EXPECT_NE(targets[0].at("status").as_string(), "error");
  EXPECT_TRUE(targets[0].at("latest").is_object());

  const std::string detail_target = "/api/v1/targets/" + std::string(broken.at("id").as_string());
  const auto detail = coretest::answer(api, coretest::request("GET", detail_target));
  ASSERT_EQ(detail.status(), 200) << detail.response.body;
  EXPECT_EQ(detail.body.at("status").as_string(), "error");
  EXPECT_TRUE(detail.body.at("series").as_array().empty());
  EXPECT_EQ(detail.body.at("contributors").at("total").as_int64(), 0);
}

}  // namespace
}  // namespace atlas::api

namespace atlas::api {
namespace {

// A county's part of each target: the target's latest reading grouped by county, adding up to the
// reading the target list shows, each county as the indicator restricted to it would read.
TEST(TargetGroupsApi, BreaksTheLatestReadingDownByCountyAndAddsUp) {
  const auto a = coretest::get("/api/v1/targets/total-output/groups");
  ASSERT_EQ(a.status(), 200) << a.response.body;
  const auto& o = a.body.as_object();
  EXPECT_EQ(o.at("by").as_string(), "county");
  EXPECT_EQ(o.at("target").at("id").as_string(), "total-output");
  const auto latest = o.at("target").at("latest").at("value").as_int64();
  EXPECT_EQ(o.at("total").at("value").as_int64(), latest);
  EXPECT_EQ(o.at("period"), o.at("target").at("latest").at("period"));
  std::int64_t sum = 0, shares = 0;
  for (const auto& g : o.at("groups").as_array()) {
    sum += g.at("value").as_int64();
    shares += g.at("share").as_int64();
  }
  EXPECT_EQ(sum, latest);
  EXPECT_NEAR(static_cast<double>(shares), 1e6, 10.0);  // each share rounded to a millionth
}

TEST(TargetGroupsApi, ReadsACumulativeTargetAsOfTheDay) {
  const auto a = coretest::get("/api/v1/targets/new-projects/groups?as_of=2024-12-31");
  ASSERT_EQ(a.status(), 200) << a.response.body;
  std::int64_t sum = 0;
  for (const auto& g : a.body.at("groups").as_array())
    sum += g.at("value").as_int64();  // a count of nothing is 0, never null
  EXPECT_EQ(sum, a.body.at("target").at("latest").at("value").as_int64());
  EXPECT_TRUE(a.body.at("period").is_null());
}

TEST(TargetGroupsApi, SaysWhatCannotGroupAndWhatDoesNotExist) {
  const auto by = coretest::get("/api/v1/targets/new-provincial-carriers/groups?by=county");
  ASSERT_EQ(by.status(), 400) << by.response.body;
  EXPECT_EQ(by.body.at("field").as_string(), "by");
  EXPECT_NE(by.body.at("detail").as_string().find("group by kind or level"), std::string::npos)
      << by.body.at("detail").as_string();
  const auto typo = coretest::get("/api/v1/targets/total-output/groups?by=segmnt");
  ASSERT_EQ(typo.status(), 400);
  EXPECT_NE(typo.body.at("detail").as_string().find("did you mean \"segment\""), std::string::npos);
  EXPECT_EQ(coretest::get("/api/v1/targets/total-outptu/groups").status(), 404);
  EXPECT_EQ(coretest::get("/api/v1/targets/total-output/groups?county=meixian").status(), 400);
}

}  // namespace
}  // namespace atlas::api
