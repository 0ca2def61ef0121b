#include <algorithm>

#include <gtest/gtest.h>

#include "api/internal/handler.hpp"
#include "api/internal/problem_text.hpp"
#include "api/internal/request.hpp"

namespace atlas::api::internal {
namespace {

Params params(std::vector<std::pair<std::string, std::string>> items) {
  return Params(std::move(items));
}

TEST(Params, GetAnswersTheLastValue) {
  const auto p = params({{"county", "a"}, {"county", "b"}});
  EXPECT_EQ(p.get("county"), "b");
  EXPECT_FALSE(p.get("zone").has_value());
}

TEST(Params, AllowRejectsAnUnknownNameWithASuggestion) {
  const auto p = params({{"conty", "meixian"}, {"as_of", "2025-01-01"}});
  const auto ok = p.allow({"county", "zone"});
  ASSERT_FALSE(ok.has_value());
  EXPECT_EQ(ok.error().code, "unknown-field");
  EXPECT_EQ(ok.error().field, "conty");
  EXPECT_NE(ok.error().detail_en.find("did you mean \"county\""), std::string::npos);
  EXPECT_TRUE(params({{"sample", "false"}, {"zone", "x"}}).allow({"county", "zone"}).has_value());
}

TEST(Params, GetSizeChecksNumberAndMaximum) {
  EXPECT_EQ(params({}).get_size("limit", 50, 500).value(), 50U);
  EXPECT_EQ(params({{"limit", "500"}}).get_size("limit", 50, 500).value(), 500U);
  for (const char* bad : {"501", "-1", "ten", "", "5x"}) {
    const auto r = params({{"limit", bad}}).get_size("limit", 50, 500);
    ASSERT_FALSE(r.has_value()) << bad;
    EXPECT_EQ(r.error().code, "invalid-value");
    EXPECT_EQ(r.error().field, "limit");
  }
}

TEST(Params, GetBoolTakesTrueFalseOneZero) {
  EXPECT_TRUE(params({{"late", "true"}}).get_bool("late", false).value());
  EXPECT_FALSE(params({{"late", "0"}}).get_bool("late", true).value());
  EXPECT_TRUE(params({}).get_bool("late", true).value());
  EXPECT_FALSE(params({{"late", "yes"}}).get_bool("late", false).has_value());
}

TEST(ProblemFrom, MapsNotFoundTo404AndOthersTo400) {
  const auto p = problem_from(Error{ErrorCode::kNotFound, "no enterprise \"x\"", {}, "id"});
  EXPECT_EQ(p.status, 404);
  EXPECT_EQ(p.code, "not-found");
  EXPECT_EQ(p.field, "id");
  const auto q = problem_from(Error{ErrorCode::kUnknownReference, "no county \"xx\"", {}, "county"});
  EXPECT_EQ(q.status, 400);
  EXPECT_EQ(q.code, "unknown-reference");
  EXPECT_EQ(q.detail_en, "county: no county \"xx\"");
  EXPECT_TRUE(q.detail_zh.starts_with("参数 county 引用了不存在的对象"));
  EXPECT_EQ(problem_from(Error{ErrorCode::kIo, "disk", {}, {}}, 500).status, 500);
}

TEST(ProblemText, EveryCodeHasARealChineseTextAndTitle) {
  for (std::string_view code : problem_codes()) {
    const std::string zh = problem_zh(code, "");
    const std::string zh_field = problem_zh(code, "county");
    // Chinese text is UTF-8 with bytes above 0x7F; an English copy would be ASCII only.
    EXPECT_TRUE(std::any_of(zh.begin(), zh.end(), [](char c) {
      return static_cast<unsigned char>(c) > 0x7F;
    })) << code;
    EXPECT_NE(zh_field.find("county"), std::string::npos) << code;
    EXPECT_NE(problem_title(code, true), problem_title(code, false)) << code;
  }
  EXPECT_GE(problem_codes().size(), 23U);
}

TEST(ParseDay, TakesOnlyRealDaysWrittenYyyyMmDd) {
  EXPECT_EQ(parse_day("2026-11-27", "as_of").value(), day_number(2026, 11, 27));
  for (const char* bad : {"2026-11", "2026-1-27", "2026-02-30", "27.11.2026", "2026-11-27x", ""}) {
    const auto r = parse_day(bad, "as_of");
    ASSERT_FALSE(r.has_value()) << bad;
    EXPECT_EQ(r.error().code, "invalid-date");
    EXPECT_EQ(r.error().field, "as_of");
  }
}

TEST(ParseJsonBody, ReportsWhereTheTextBreaks) {
  const auto r = parse_json_body("{\n  \"a\": 1,\n  \"b\": }", 32);
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().code, "malformed-json");
  EXPECT_NE(r.error().detail_en.find("line 3"), std::string::npos) << r.error().detail_en;
  EXPECT_EQ(parse_json_body("", 32).error().code, "malformed-json");
  EXPECT_EQ(parse_json_body(std::string(40, '[') + std::string(40, ']'), 32).error().code, "json-too-deep");
  EXPECT_TRUE(parse_json_body(std::string(30, '[') + std::string(30, ']'), 32).has_value());
}

TEST(JsonMediaType, IgnoresParametersAndCase) {
  EXPECT_TRUE(is_json_media_type("application/json"));
  EXPECT_TRUE(is_json_media_type("Application/JSON; charset=utf-8"));
  EXPECT_FALSE(is_json_media_type("text/plain"));
  EXPECT_FALSE(is_json_media_type(""));
  EXPECT_FALSE(is_json_media_type("application/json-patch+json"));
}

}  // namespace
}  // namespace atlas::api::internal
