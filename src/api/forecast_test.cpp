#include <set>
#include <string>

#include "api/internal/core_test_support.hpp"

namespace atlas::api {
namespace {

namespace json = boost::json;
using coretest::get;
using coretest::post;

const json::object& target_in(const json::value& body, std::string_view id) {
  for (const auto& t : body.at("targets").as_array()) {
    if (t.at("id").as_string() == id) return t.as_object();
  }
  throw std::runtime_error("no target " + std::string(id));
}

// Mid-2023: every target of the plan is open.
constexpr std::string_view kOpen = "as_of=2023-06-30";

TEST(ForecastApi, GivesEveryTargetAProbabilityAndAFanFromTheAsOfYearToTheDeadline) {
  const auto a = get("/api/v1/forecast?" + std::string(kOpen) + "&runs=2000");
  ASSERT_EQ(a.status(), 200) << a.response.body;
  EXPECT_EQ(a.body.at("runs").as_int64(), 2000);
  EXPECT_EQ(a.body.at("seed").to_number<std::uint64_t>(), 20210702U);
  EXPECT_EQ(a.body.at("meta").at("as_of").as_string(), "2023-06-30");
  const auto& targets = a.body.at("targets").as_array();
  ASSERT_EQ(targets.size(), 16U);
  const json::object& total = target_in(a.body, "total-output");
  EXPECT_EQ(total.at("form").as_string(), "sum");
  const double p = total.at("probability").as_double();
  EXPECT_GT(p, 0.0);
  EXPECT_LT(p, 1.0);
  const auto& fan = total.at("fan").as_array();
  ASSERT_EQ(fan.size(), 3U);  // 2023, 2024, 2025
  EXPECT_EQ(fan[0].at("year").as_int64(), 2023);
  EXPECT_EQ(fan[2].at("year").as_int64(), 2025);
  for (const auto& point : fan) {
    EXPECT_LE(point.at("p10").as_double(), point.at("p50").as_double());
    EXPECT_LE(point.at("p50").as_double(), point.at("p90").as_double());
  }
  EXPECT_TRUE(total.at("took").is_null()) << "an open target has no 'what it took'";
  EXPECT_TRUE(total.at("sample").as_bool());
  const std::set<std::string> fields{
      "id",    "title",   "unit",          "declared_unit", "goal",   "goal_value",  "deadline",    "status",
      "final", "latest",  "latest_period", "latest_year",   "form",   "unsupported", "probability", "settled",
      "fan",   "members", "stopped",       "projects",      "sample", "took"};
  std::set<std::string> got;
  for (const auto& [key, value] : total)
    got.insert(std::string(key));
  EXPECT_EQ(got, fields);
}

TEST(ForecastApi, AfterTheDeadlineSaysWhatItWouldHaveTaken) {
  const auto a = get("/api/v1/forecast?runs=200");
  ASSERT_EQ(a.status(), 200) << a.response.body;
  const json::object& total = target_in(a.body, "total-output");
  EXPECT_TRUE(total.at("final").as_bool());
  EXPECT_TRUE(total.at("settled").as_bool());
  const json::object& took = total.at("took").as_object();
  // From the plan's 2020 baseline of 27.19亿 to 100亿 in five years: 29.8 % a year.
  EXPECT_EQ(took.at("from_year").as_int64(), 2020);
  EXPECT_EQ(took.at("from_value").as_int64(), 2'719'000'000);
  EXPECT_NEAR(took.at("growth_needed").as_double(), 0.2977, 1e-3);
  // The glass plant was to be commissioned in 2021-03 and was not by the end of 2025.
  const auto& missed = took.at("missed").as_array();
  ASSERT_EQ(missed.size(), 1U);
  EXPECT_EQ(missed[0].at("project").as_string(), "saint-gobain-glass");
  EXPECT_EQ(missed[0].at("planned").as_string(), "2021-03");
  EXPECT_TRUE(missed[0].at("commissioned").is_null());
  EXPECT_NEAR(missed[0].at("output").as_double(), 11.8e8, 1.0) << "a full year at full production by 2025";
  EXPECT_TRUE(target_in(a.body, "trailer-output").at("took").at("missed").as_array().empty());
  const double probability = total.at("probability").as_double();
  const std::int64_t shortfall = took.at("shortfall").as_int64();
  EXPECT_EQ(probability == 0.0, shortfall > 0) << "missed: a shortfall; met: none";
}

TEST(ForecastApi, TheSameRequestGivesTheSameNumbers) {
  const auto a = get("/api/v1/forecast?" + std::string(kOpen) + "&runs=1000&seed=5");
  const auto b =
      get("/api/v1/forecast?" + std::string(kOpen) + "&runs=1000&seed=5&plan=meizhou-autoparts-2021-2025");
  ASSERT_EQ(a.status(), 200);
  ASSERT_EQ(b.status(), 200);
  EXPECT_EQ(a.body.at("targets"), b.body.at("targets"));
}

TEST(ForecastApi, RefusesRunsOutOfRangeAndUnknownParameters) {
  for (const std::string bad : {"runs=0", "runs=100001", "runs=-3", "runs=many", "seed=-1", "colour=red"}) {
    const auto a = get("/api/v1/forecast?" + bad);
    EXPECT_EQ(a.status(), 400) << bad;
    const std::string field = bad.substr(0, bad.find('='));
    EXPECT_EQ(a.body.at("field").as_string(), field) << bad;
  }
}

TEST(ForecastApi, AWhatIfAnswersWithTheChangesAndTheBaseBesideIt) {
  const auto a = post("/api/v1/forecast/what-if",
                      R"({"as_of": "2023-06-30", "runs": 2000,
                          "changes": [{"kind": "cancel", "project": "saint-gobain-glass"},
                                      {"kind": "growth", "segment": "trailer", "growth": -0.5}]})");
  ASSERT_EQ(a.status(), 200) << a.response.body;
  EXPECT_EQ(a.header("Cache-Control"), "no-store");
  const auto& changes = a.body.at("changes").as_array();
  ASSERT_EQ(changes.size(), 2U);
  EXPECT_EQ(changes[0].at("kind").as_string(), "cancel");
  EXPECT_EQ(changes[0].at("project").as_string(), "saint-gobain-glass");
  EXPECT_EQ(changes[1].at("segment").as_string(), "trailer");
  const json::object& trailer = target_in(a.body, "trailer-output");
  EXPECT_LT(trailer.at("probability").as_double(), trailer.at("base_probability").as_double());
  EXPECT_LT(trailer.at("fan").as_array().back().at("p50").as_double(), trailer.at("base_p50").as_double());
  // The glass plant feeds the passenger-car segment; the carriers are nobody's business here.
  const json::object& carriers = target_in(a.body, "new-provincial-carriers");
  EXPECT_EQ(carriers.at("probability"), carriers.at("base_probability"));
}

// A hypothetical attracted firm (a chain candidate, placed in a segment and a zone): echoed with
// the targets that count it, which rise; the others do not move.
TEST(ForecastApi, AWhatIfFirmRaisesTheTargetsThatCountIt) {
  const auto a = post("/api/v1/forecast/what-if",
                      R"({"as_of": "2023-06-30", "runs": 2000,
                          "changes": [{"kind": "firm", "candidate": "bak-battery", "name": "电池厂",
                                       "segment": "nev", "zone": "gac-park", "output": 3e9,
                                       "from": "2023-09"}]})");
  ASSERT_EQ(a.status(), 200) << a.response.body;
  const auto& changes = a.body.at("changes").as_array();
  ASSERT_EQ(changes.size(), 1U);
  const json::object& firm = changes[0].as_object();
  EXPECT_EQ(firm.at("kind").as_string(), "firm");
  EXPECT_EQ(firm.at("candidate").as_string(), "bak-battery");
  EXPECT_EQ(firm.at("name").as_string(), "电池厂");
  EXPECT_EQ(firm.at("from").as_string(), "2023-09");
  std::set<std::string> counted;
  for (const auto& id : firm.at("counted_in").as_array())
    counted.emplace(id.as_string());
  for (const char* id : {"total-output", "nev-output", "park-output"}) {
    EXPECT_TRUE(counted.contains(id)) << id;
    const json::object& t = target_in(a.body, id);
    EXPECT_GT(t.at("fan").as_array().back().at("p50").as_double(), t.at("base_p50").as_double()) << id;
    EXPECT_GE(t.at("probability").as_double(), t.at("base_probability").as_double()) << id;
  }
  for (const char* id : {"passenger-output", "trailer-output", "new-provincial-carriers"}) {
    EXPECT_FALSE(counted.contains(id)) << id;
    const json::object& t = target_in(a.body, id);
    EXPECT_EQ(t.at("probability"), t.at("base_probability")) << id;
    EXPECT_EQ(t.at("fan").as_array().back().at("p50"), t.at("base_p50")) << id;
  }
}

TEST(ForecastApi, AWhatIfNamesTheChangeAtFault) {
  const std::vector<std::pair<std::string, std::string>> cases{
      {R"({"changes": [{"kind": "cancel", "project": "no-such-plant"}]})", "changes[0].project"},
      {R"({"changes": [{"kind": "delay", "project": "saint-gobain-glass", "months": 0}]})",
       "changes[0].months"},
      {R"({"changes": [{"kind": "delay", "project": "saint-gobain-glass", "months": 6.5}]})",
       "changes[0].months"},
      {R"({"changes": [{"kind": "delay", "project": "saint-gobain-glass", "months": 6, "why": 1}]})",
       "changes[0].why"},
      {R"({"changes": [{"kind": "growth", "segment": "boats", "growth": 0.1}]})", "changes[0].segment"},
      {R"({"changes": [{"kind": "growth", "segment": "nev", "growth": 10.01}]})", "changes[0].growth"},
      {R"({"changes": [{"kind": "growth", "segment": "nev", "growth": -1.5}]})", "changes[0].growth"},
      {R"({"changes": [{"kind": "growth", "segment": "nev", "growth": "fast"}]})", "changes[0].growth"},
      {R"({"changes": [{"kind": "teleport"}]})", "changes[0].kind"},
      {R"({"changes": [{"kind": "firm", "output": 1e8, "from": "2030-01"}]})", "changes[0].segment"},
      {R"({"changes": [{"kind": "firm", "segment": "boats", "output": 1e8, "from": "2030-01"}]})",
       "changes[0].segment"},
      {R"({"changes": [{"kind": "firm", "segment": "nev", "zone": "mars", "output": 1e8, "from": "2030-01"}]})",
       "changes[0].zone"},
      {R"({"changes": [{"kind": "firm", "segment": "nev", "county": 5, "output": 1e8, "from": "2030-01"}]})",
       "changes[0].county"},
      {R"({"changes": [{"kind": "firm", "segment": "nev", "candidate": "x", "output": 1e8, "from": "2030-01"}]})",
       "changes[0].candidate"},
      {R"({"changes": [{"kind": "firm", "segment": "nev", "output": 0, "from": "2030-01"}]})",
       "changes[0].output"},
      {R"({"changes": [{"kind": "firm", "segment": "nev", "output": 2e13, "from": "2030-01"}]})",
       "changes[0].output"},
      {R"({"changes": [{"kind": "firm", "segment": "nev", "output": "big", "from": "2030-01"}]})",
       "changes[0].output"},
      {R"({"changes": [{"kind": "firm", "segment": "nev", "output": 1e8, "from": "2030"}]})",
       "changes[0].from"},
      {R"({"as_of": "2023-06-30", "changes": [{"kind": "firm", "segment": "nev", "output": 1e8, "from": "2023-05"}]})",
       "changes[0].from"},
      {R"({"changes": [{"kind": "firm", "segment": "nev", "output": 1e8, "from": "2030-01", "size": 3}]})",
       "changes[0].size"},
      {R"({"changes": [{}]})", "changes[0].kind"},
      {R"({"changes": [7]})", "changes[0]"},
      {R"({"changes": {}})", "changes"},
      {R"({"runs": 0})", "runs"},
      {R"({"runs": 100001})", "runs"},
      {R"({"seed": -2})", "seed"},
      {R"({"as_of": "2023-13-01"})", "as_of"},
      {R"({"colour": "red"})", "colour"},
  };
  for (const auto& [body, field] : cases) {
    const auto a = post("/api/v1/forecast/what-if", body);
    EXPECT_EQ(a.status(), 400) << body;
    EXPECT_EQ(a.body.at("field").as_string(), field) << body;
  }
  std::string many = R"({"changes": [)";
  for (int i = 0; i < 33; ++i)
    many += std::string(i > 0 ? "," : "") + R"({"kind": "cancel", "project": "saint-gobain-glass"})";
  many += "]}";
  const auto a = post("/api/v1/forecast/what-if", many);
  EXPECT_EQ(a.status(), 400);
  EXPECT_EQ(a.body.at("field").as_string(), "changes");
}

}  // namespace
}  // namespace atlas::api
