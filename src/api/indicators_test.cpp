#include <string>

#include "api/internal/core_test_support.hpp"

namespace atlas::api {
namespace {

namespace json = boost::json;
using coretest::post;

constexpr const char* kPath = "/api/v1/indicators";

TEST(IndicatorsApi, EvaluatesAnExpression) {
  const auto a = post(kPath, R"j({"expression": "sum(output_value) where segment = \"trailer\" in 2025"})j");
  ASSERT_EQ(a.status(), 200) << a.response.body;
  const auto& o = a.body.as_object();
  for (const char* key : {"meta", "expression", "value", "has_value", "unit", "ratio", "period", "complete",
                          "contributors", "sample", "set", "records", "group_by", "groups_overlap", "groups"})
    EXPECT_TRUE(o.contains(key)) << key;
  EXPECT_EQ(o.size(), 15U);
  EXPECT_TRUE(o.at("groups").is_null());
  EXPECT_TRUE(o.at("ratio").is_null());
  EXPECT_EQ(o.at("unit").as_string(), "yuan");
  EXPECT_EQ(o.at("period").as_string(), "2025");
  EXPECT_TRUE(o.at("complete").as_bool());
  EXPECT_EQ(o.at("set").as_string(), "enterprises");
  EXPECT_GT(o.at("value").as_int64(), 0);
  EXPECT_EQ(static_cast<std::int64_t>(o.at("records").as_array().size()), o.at("contributors").as_int64());
  const auto& first = o.at("records").at(0);
  EXPECT_TRUE(first.at("id").is_string());
  EXPECT_TRUE(first.at("name").at("zh").is_string());
  EXPECT_EQ(o.at("meta").at("as_of").as_string(), "2026-11-27");
  EXPECT_EQ(a.header("Cache-Control"), "no-store");
}

// `… group by county` answers one value per county of the plan, and the counties add up to the
// whole: the issue's own example.
TEST(IndicatorsApi, AnswersPerGroupAndTheGroupsAddUp) {
  const auto a = post(kPath, R"j({"expression": "sum(output_value) in 2025 group by county"})j");
  ASSERT_EQ(a.status(), 200) << a.response.body;
  const auto& o = a.body.as_object();
  EXPECT_EQ(o.at("group_by").as_string(), "county");
  EXPECT_FALSE(o.at("groups_overlap").as_bool());
  const auto& groups = o.at("groups").as_array();
  ASSERT_GE(groups.size(), 8U);  // Meizhou's eight counties, each listed even without output
  std::int64_t sum = 0;
  std::size_t contributors = 0;
  for (const auto& g : groups) {
    sum += g.at("value").as_int64();
    contributors += static_cast<std::size_t>(g.at("contributors").as_int64());
  }
  EXPECT_EQ(sum, o.at("value").as_int64());
  EXPECT_EQ(static_cast<std::int64_t>(contributors), o.at("contributors").as_int64());
  // Enterprises the plan names without a county (宏宇, 富德 …) form the last group, keyed null.
  EXPECT_TRUE(groups.back().at("key").is_null());
  EXPECT_GT(groups.back().at("contributors").as_int64(), 0);
  // Each county's value is the expression restricted to it.
  const auto meixian =
      post(kPath, R"j({"expression": "sum(output_value) where county = \"meixian\" in 2025"})j");
  ASSERT_EQ(meixian.status(), 200) << meixian.response.body;
  bool found = false;
  for (const auto& g : groups) {
    if (g.at("key").is_null() || g.at("key").at("id").as_string() != "meixian") continue;
    found = true;
    EXPECT_EQ(g.at("value"), meixian.body.at("value"));
    EXPECT_EQ(g.at("sample"), meixian.body.at("sample"));
    EXPECT_EQ(g.at("period"), meixian.body.at("period"));
  }
  EXPECT_TRUE(found);
}

TEST(IndicatorsApi, NamesAFieldThatCannotGroupAtItsColumn) {
  const auto a = post(kPath, R"j({"expression": "sum(output_value) in 2025 group by countyy"})j");
  ASSERT_EQ(a.status(), 400) << a.response.body;
  EXPECT_EQ(a.body.at("field").as_string(), "expression");
  EXPECT_EQ(a.body.at("column").as_int64(), 36);
  EXPECT_NE(a.body.at("detail").as_string().find("did you mean \"county\""), std::string::npos);
}

TEST(IndicatorsApi, ReadsAsOfAndSampleFromTheBody) {
  const auto all = post(kPath, R"j({"expression": "sum(output_value) in 2025"})j");
  const auto factual = post(kPath, R"j({"expression": "sum(output_value) in 2025", "sample": false})j");
  const auto early = post(kPath, R"j({"expression": "sum(output_value) in 2025", "as_of": "2025-06-30"})j");
  ASSERT_EQ(factual.status(), 200) << factual.response.body;
  ASSERT_EQ(early.status(), 200) << early.response.body;
  EXPECT_TRUE(all.body.at("sample").as_bool());
  EXPECT_FALSE(factual.body.at("sample").as_bool());
  EXPECT_FALSE(factual.body.at("meta").at("sample").as_bool());
  EXPECT_EQ(early.body.at("meta").at("as_of").as_string(), "2025-06-30");
  EXPECT_FALSE(early.body.at("complete").as_bool());
  EXPECT_LT(early.body.at("value").as_int64(), all.body.at("value").as_int64());
}

TEST(IndicatorsApi, CountsProjectsAndNamesThem) {
  const auto a = post(kPath, R"j({"expression": "count(projects) where type = \"attraction\""})j");
  ASSERT_EQ(a.status(), 200) << a.response.body;
  EXPECT_EQ(a.body.at("set").as_string(), "projects");
  EXPECT_EQ(a.body.at("unit").as_string(), "count");
  EXPECT_TRUE(a.body.at("period").is_null());
}

TEST(IndicatorsApi, ARatioIsAPercentInMillionthsWithBothParts) {
  const auto share = post(
      kPath,
      R"j({"expression": "sum(output_value) where segment = \"trailer\" / sum(output_value) in 2025"})j");
  const auto part =
      post(kPath, R"j({"expression": "sum(output_value) where segment = \"trailer\" in 2025"})j");
  const auto whole = post(kPath, R"j({"expression": "sum(output_value) in 2025"})j");
  ASSERT_EQ(share.status(), 200) << share.response.body;
  EXPECT_EQ(share.body.at("unit").as_string(), "percent");
  const auto& ratio = share.body.at("ratio").as_object();
  EXPECT_EQ(ratio.at("numerator"), part.body.at("value"));
  EXPECT_EQ(ratio.at("denominator"), whole.body.at("value"));
  EXPECT_EQ(ratio.at("unit").as_string(), "yuan");
  const double expected = 1e6 * static_cast<double>(part.body.at("value").as_int64()) /
                          static_cast<double>(whole.body.at("value").as_int64());
  EXPECT_NEAR(static_cast<double>(share.body.at("value").as_int64()), expected, 0.5);
  // The contributors are the numerator's: the trailer makers.
  EXPECT_EQ(share.body.at("contributors"), part.body.at("contributors"));

  // Dividing by zero is no value, not an error.
  const auto none = post(
      kPath,
      R"j({"expression": "count(enterprises) / count(enterprises) where high_tech and not high_tech"})j");
  ASSERT_EQ(none.status(), 200) << none.response.body;
  EXPECT_FALSE(none.body.at("has_value").as_bool());
  EXPECT_TRUE(none.body.at("value").is_null());

  const auto mixed = post(kPath, R"j({"expression": "sum(output_value) / count(enterprises) in 2025"})j");
  EXPECT_EQ(mixed.status(), 400);
  EXPECT_EQ(mixed.body.at("column").as_int64(), 19);
}

TEST(IndicatorsApi, TypoInAFieldIsAProblemWithColumnAndSuggestion) {
  const auto a = post(kPath, R"j({"expression": "count(enterprises) where segmnt = \"nev\""})j");
  EXPECT_EQ(a.status(), 400);
  EXPECT_EQ(a.body.at("field").as_string(), "expression");
  EXPECT_EQ(a.body.at("column").as_int64(), 26);
  EXPECT_NE(a.body.at("detail").as_string().find("did you mean \"segment\""), json::string::npos)
      << a.response.body;
  const std::string zh(a.body.at("message").at("zh").as_string());
  EXPECT_EQ(zh.rfind("指标表达式中有未知的字段名（第 26 个字符处）", 0), 0U) << zh;
}

TEST(IndicatorsApi, SyntaxErrorIsAProblemWithTheColumn) {
  const auto a = post(kPath, R"j({"expression": "sum(output_value in 2025"})j");
  EXPECT_EQ(a.status(), 400) << a.response.body;
  EXPECT_EQ(a.body.at("code").as_string(), "syntax-error");
  EXPECT_EQ(a.body.at("field").as_string(), "expression");
  EXPECT_GT(a.body.at("column").as_int64(), 1);
  const std::string zh(a.body.at("message").at("zh").as_string());
  EXPECT_NE(zh.find("语法错误"), std::string::npos);
}

TEST(IndicatorsApi, TypeErrorIsAProblemOnTheExpression) {
  const auto a = post(kPath, R"j({"expression": "count(enterprises) where segment > 5"})j");
  EXPECT_EQ(a.status(), 400);
  EXPECT_EQ(a.body.at("code").as_string(), "type-error");
  EXPECT_EQ(a.body.at("field").as_string(), "expression");
}

TEST(IndicatorsApi, UnknownMemberIsUnknownField) {
  const auto a = post(kPath, R"j({"expression": "count(enterprises)", "asof": "2025-01-01"})j");
  EXPECT_EQ(a.status(), 400);
  EXPECT_EQ(a.body.at("code").as_string(), "unknown-field");
  EXPECT_EQ(a.body.at("field").as_string(), "asof");
}

TEST(IndicatorsApi, MissingOrMistypedMembersAreProblems) {
  EXPECT_EQ(post(kPath, "{}").body.at("code").as_string(), "missing-field");
  EXPECT_EQ(post(kPath, R"j({"expression": 5})j").body.at("code").as_string(), "invalid-value");
  EXPECT_EQ(post(kPath, "[]").body.at("code").as_string(), "invalid-value");
  const auto date = post(kPath, R"j({"expression": "count(enterprises)", "as_of": "2025-13-01"})j");
  EXPECT_EQ(date.body.at("code").as_string(), "invalid-date");
  EXPECT_EQ(date.body.at("field").as_string(), "as_of");
  EXPECT_EQ(
      post(kPath, R"j({"expression": "count(enterprises)", "sample": "no"})j").body.at("field").as_string(),
      "sample");
}

TEST(IndicatorsApi, MalformedJsonIsAProblemWithThePosition) {
  const auto a = post(kPath, "{\"expression\": \"count(enterprises)\",\n}");
  EXPECT_EQ(a.status(), 400);
  EXPECT_EQ(a.body.at("code").as_string(), "malformed-json");
  EXPECT_NE(a.body.at("detail").as_string().find("line 2"), json::string::npos) << a.response.body;
}

TEST(IndicatorsApi, TooDeepJsonIsAProblem) {
  const std::string deep = R"j({"expression": )j" + std::string(40, '[') + std::string(40, ']') + "}";
  const auto a = post(kPath, deep);
  EXPECT_EQ(a.status(), 400);
  EXPECT_EQ(a.body.at("code").as_string(), "json-too-deep");
}

TEST(IndicatorsApi, WrongContentTypeIsUnsupportedMediaType) {
  const auto a = post(kPath, R"j({"expression": "count(enterprises)"})j", "text/plain");
  EXPECT_EQ(a.status(), 415);
  EXPECT_EQ(a.body.at("code").as_string(), "unsupported-media-type");
  EXPECT_EQ(
      post(kPath, R"j({"expression": "count(enterprises)"})j", "application/json; charset=utf-8").status(),
      200);
}

TEST(IndicatorsApi, QueryParametersAreUnknownFields) {
  const auto a = post(std::string(kPath) + "?as_of=2025-01-01", R"j({"expression": "count(enterprises)"})j");
  EXPECT_EQ(a.status(), 400);
  EXPECT_EQ(a.body.at("code").as_string(), "unknown-field");
  EXPECT_EQ(a.body.at("field").as_string(), "as_of");
}

std::string body_with(const std::string& expression) {
  return boost::json::serialize(boost::json::object{{"expression", expression}});
}

TEST(IndicatorsApi, DeepNestingIsALimitProblemNotACrash) {
  // 4,100 nested parentheses in an 8 KB body crashed the server (issue 7).
  const std::string expression =
      "count(enterprises) where " + std::string(4100, '(') + "high_tech" + std::string(4100, ')');
  const auto a = post(kPath, body_with(expression));
  ASSERT_EQ(a.status(), 400) << a.response.body;
  EXPECT_EQ(a.body.at("type").as_string(), "/problems/limit-exceeded");
  EXPECT_EQ(a.body.at("field").as_string(), "expression");
  EXPECT_EQ(a.body.at("column").as_int64(), 26 + 32);
}

TEST(IndicatorsApi, LongOrChainIsALimitProblem) {
  std::string expression = "count(enterprises) where high_tech";
  for (int i = 0; i < 50000; ++i)
    expression += " or high_tech";
  const auto a = post(kPath, body_with(expression));
  ASSERT_EQ(a.status(), 400) << a.response.body;
  EXPECT_EQ(a.body.at("type").as_string(), "/problems/limit-exceeded");
  EXPECT_NE(a.body.at("detail").as_string().find("bytes"), std::string::npos) << a.body;
}

}  // namespace
}  // namespace atlas::api
