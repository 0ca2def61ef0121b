#include <algorithm>
#include <string>

#include <boost/json.hpp>
#include <gtest/gtest.h>

#include "api/internal/browse_test_api.hpp"

namespace atlas::api {
namespace {

namespace json = boost::json;
using testing::get;

std::vector<std::string> ids_of(const json::value& body) {
  std::vector<std::string> out;
  for (const auto& item : body.at("items").as_array())
    out.emplace_back(item.at("id").as_string());
  return out;
}

TEST(EnterprisesApi, ListsAPageWithMetaTotalAndItems) {
  const auto a = get("/api/v1/enterprises?limit=5&offset=2");
  ASSERT_EQ(a.status, 200) << json::serialize(a.body);
  const auto& o = a.body.as_object();
  EXPECT_EQ(o.at("total").as_int64(), 44);
  EXPECT_EQ(o.at("offset").as_int64(), 2);
  EXPECT_EQ(o.at("limit").as_int64(), 5);
  EXPECT_EQ(o.at("items").as_array().size(), 5U);
  EXPECT_EQ(o.at("meta").at("as_of").as_string(), "2026-11-27");
  EXPECT_TRUE(o.at("meta").at("sample").as_bool());
}

TEST(EnterprisesApi, ItemHasTheDocumentedFields) {
  const auto a = get("/api/v1/enterprises?q=bpw-meizhou");
  ASSERT_EQ(a.status, 200);
  ASSERT_EQ(a.body.at("items").as_array().size(), 1U);
  const auto& e = a.body.at("items").at(0).as_object();
  for (const char* key : {"id", "outside", "aliases", "aliases_provenance", "above_size_provenance", "name",
                          "credit_code", "county", "zone", "segment", "above_size", "high_tech", "classes",
                          "output_value", "withheld", "sample", "provenance"})
    EXPECT_TRUE(e.contains(key)) << key;
  EXPECT_EQ(e.size(), 17U);
  EXPECT_FALSE(e.at("withheld").as_bool());  // the tests' API answers an analyst
  EXPECT_EQ(e.at("name").at("zh").as_string(), "BPW（梅州）车轴有限公司");
  EXPECT_EQ(e.at("county").at("id").as_string(), "meixian");
  EXPECT_EQ(e.at("zone").at("id").as_string(), "meixian-trailer-belt");
  EXPECT_TRUE(e.at("credit_code").is_null());
  // The plan counts BPW among the 规上 enterprises (§3(1)1–2): stated, with its source.
  EXPECT_TRUE(e.at("above_size").as_bool());
  EXPECT_NE(e.at("above_size_provenance").as_string().find("plan §3(1)1"), std::string::npos);
  EXPECT_FALSE(e.at("outside").as_bool());
  EXPECT_EQ(e.at("aliases").at(0).as_string(), "BPW");
  EXPECT_TRUE(e.at("high_tech").as_bool());
  EXPECT_EQ(e.at("segment").as_string(), "trailer");
  EXPECT_EQ(e.at("output_value").at("year").as_int64(), 2025);  // the last complete year before 2026-11-27
  EXPECT_EQ(e.at("output_value").at("value").as_int64(), 2'480'000'000);
  EXPECT_TRUE(e.at("output_value").at("sample").as_bool());
  EXPECT_FALSE(e.at("sample").as_bool());
  EXPECT_EQ(e.at("provenance").as_string(), "plan §3(1)2");
}

TEST(EnterprisesApi, FiltersAndSortsByOutput) {
  const auto a = get("/api/v1/enterprises?county=meixian&sort=-output_value&year=2025");
  ASSERT_EQ(a.status, 200);
  EXPECT_EQ(ids_of(a.body).front(), "bpw-meizhou");
  EXPECT_EQ(a.body.at("total").as_int64(), 6);
  EXPECT_EQ(get("/api/v1/enterprises?zone=trailer-belt").body.at("total").as_int64(), 4);
  EXPECT_EQ(get("/api/v1/enterprises?class=disc-axle").body.at("total").as_int64(), 1);
  EXPECT_EQ(get("/api/v1/enterprises?segment=nev&sample=false").body.at("total").as_int64(), 5);
  EXPECT_EQ(ids_of(get("/api/v1/enterprises?q=%E8%BD%A6%E8%BD%B4").body),  // 车轴
            std::vector<std::string>{"bpw-meizhou"});
  EXPECT_EQ(get("/api/v1/enterprises?sample=false").body.at("total").as_int64(), 32);
}

TEST(EnterprisesApi, UnknownCountyIsAnUnknownReferenceWithASuggestion) {
  const auto a = get("/api/v1/enterprises?county=meixain");
  EXPECT_EQ(a.status, 400);
  EXPECT_EQ(a.content_type, "application/problem+json");
  EXPECT_EQ(a.body.at("code").as_string(), "unknown-reference");
  EXPECT_EQ(a.body.at("field").as_string(), "county");
  EXPECT_EQ(a.body.at("detail").as_string(), "county: no county \"meixain\" (did you mean \"meixian\"?)");
}

TEST(EnterprisesApi, BadValuesAreProblemsNamingTheField) {
  const auto expect_problem = [](const std::string& target, const char* code, const char* field) {
    const auto a = get(target);
    EXPECT_EQ(a.status, 400) << target;
    EXPECT_EQ(a.body.at("code").as_string(), code) << target;
    EXPECT_EQ(a.body.at("field").as_string(), field) << target;
  };
  expect_problem("/api/v1/enterprises?segment=trucks", "invalid-value", "segment");
  expect_problem("/api/v1/enterprises?zone=nowhere", "unknown-reference", "zone");
  expect_problem("/api/v1/enterprises?class=axel", "unknown-reference", "class");
  expect_problem("/api/v1/enterprises?sort=output_value", "invalid-value", "sort");
  expect_problem("/api/v1/enterprises?year=soon", "invalid-value", "year");
  expect_problem("/api/v1/enterprises?countyy=meixian", "unknown-field", "countyy");
  expect_problem("/api/v1/enterprises?limit=501", "invalid-value", "limit");
}

TEST(EnterprisesApi, ProfileHasProductsFiguresAndRelations) {
  const auto a = get("/api/v1/enterprises/bpw-meizhou");
  ASSERT_EQ(a.status, 200) << json::serialize(a.body);
  const auto& e = a.body.as_object();
  EXPECT_TRUE(e.contains("meta"));
  EXPECT_EQ(e.at("id").as_string(), "bpw-meizhou");
  const auto& path = e.at("products").at(0).at("path").as_array();
  ASSERT_EQ(path.size(), 3U);
  EXPECT_EQ(path[0].at("level").as_string(), "category");
  EXPECT_EQ(path[2].at("code").as_string(), "axle");
  const auto& output = e.at("figures").at(0).as_object();
  EXPECT_EQ(output.at("metric").as_string(), "output_value");
  EXPECT_EQ(output.at("unit").as_string(), "yuan");
  const auto& first = output.at("annual").at(0).as_object();
  EXPECT_EQ(first.at("year").as_int64(), 2020);
  EXPECT_EQ(first.at("value").as_int64(), 1'987'000'000);
  EXPECT_EQ(first.at("months").as_int64(), 12);
  EXPECT_FALSE(first.at("sample").as_bool());
  const auto& item = output.at("items").at(1).as_object();
  EXPECT_EQ(item.at("period").as_string(), "2021-01~02");
  EXPECT_TRUE(item.at("sample").as_bool());
  EXPECT_EQ(item.at("published").as_string(), "2021-03-31");
  EXPECT_EQ(e.at("projects").at(0).at("status").as_string(), "commissioned");
  EXPECT_EQ(e.at("group").at("id").as_string(), "bpw-germany");
  EXPECT_EQ(e.at("carriers").as_array().size(), 2U);
  EXPECT_EQ(e.at("facts").at(0).at("value").as_int64(), 1'987'000'000);
  for (const char* key : {"processes", "certifications", "customers", "employees", "supplier_entries",
                          "suppliers", "customers_of"})
    EXPECT_TRUE(e.contains(key)) << key;
}

TEST(EnterprisesApi, ProfileHonoursAsOfAndSample) {
  const auto june = get("/api/v1/enterprises/bpw-meizhou?as_of=2025-06-30&year=2025");
  ASSERT_EQ(june.status, 200);
  EXPECT_EQ(june.body.at("output_value").at("value").as_int64(), 990'480'000);  // 1–5月累计 99048万
  const auto facts_only = get("/api/v1/enterprises/bpw-meizhou?sample=false");
  ASSERT_EQ(facts_only.status, 200);
  EXPECT_EQ(facts_only.body.at("figures").at(0).at("items").as_array().size(), 1U);
  EXPECT_TRUE(facts_only.body.at("output_value").is_null());
  EXPECT_EQ(get("/api/v1/enterprises/sample-a?sample=false").status, 404);
}

TEST(EnterprisesApi, UnknownIdIsNotFound) {
  const auto a = get("/api/v1/enterprises/no-such-enterprise");
  EXPECT_EQ(a.status, 404);
  EXPECT_EQ(a.body.at("code").as_string(), "not-found");
}

TEST(EnterprisesApi, OutsideFirmsAreMarkedAndFiltered) {
  const auto outside = get("/api/v1/enterprises?outside=true");
  ASSERT_EQ(outside.status, 200) << json::serialize(outside.body);
  auto ids = ids_of(outside.body);
  std::ranges::sort(ids);
  EXPECT_EQ(ids, (std::vector<std::string>{"bpw-germany", "gac-group", "guangzhou-hongyuan", "hebei-anwen",
                                           "saint-gobain"}));
  for (const auto& item : outside.body.at("items").as_array())
    EXPECT_TRUE(item.at("outside").as_bool());
  EXPECT_EQ(get("/api/v1/enterprises?outside=false").body.at("total").as_int64(), 44 - 5);
  const auto bad = get("/api/v1/enterprises?outside=maybe");
  EXPECT_EQ(bad.status, 400);
  EXPECT_EQ(bad.body.at("field").as_string(), "outside");
  EXPECT_TRUE(get("/api/v1/enterprises/bpw-germany").body.at("outside").as_bool());
}

TEST(EnterprisesApi, OutsideFirmsAreNeverCountedAsLocal) {
  // 德国BPW公司 and the other outside parents sit in no county or zone: the county and zone
  // counts add up to the local enterprises with a county / zone only.
  const auto zones = get("/api/v1/zones");
  ASSERT_EQ(zones.status, 200);
  std::int64_t in_counties = 0;
  for (const auto& c : zones.body.at("counties").as_array())
    in_counties += c.at("enterprises").as_int64();
  std::int64_t local_with_county = 0;
  const auto local = get("/api/v1/enterprises?outside=false&limit=100");
  for (const auto& e : local.body.at("items").as_array())
    if (!e.at("county").is_null()) ++local_with_county;
  EXPECT_EQ(in_counties, local_with_county);
}

TEST(EnterprisesApi, SearchMatchesAliases) {
  // 嘉元科技 is the plan's short form (§6(3)) of 广东嘉元科技股份有限公司; "bpw" the brand.
  EXPECT_EQ(ids_of(get("/api/v1/enterprises?q=%E5%98%89%E5%85%83%E7%A7%91%E6%8A%80").body),
            std::vector<std::string>{"jiayuan"});
  // 广汽弹簧 (§3(1)3) is in no name: only the alias finds 梅州广汽汽车弹簧有限公司.
  EXPECT_EQ(ids_of(get("/api/v1/enterprises?q=%E5%B9%BF%E6%B1%BD%E5%BC%B9%E7%B0%A7").body),
            std::vector<std::string>{"gac-springs"});
  const auto bpw = get("/api/v1/enterprises?q=bpw");
  ASSERT_EQ(bpw.status, 200);
  const std::vector<std::string> bpw_ids = ids_of(bpw.body);
  EXPECT_NE(std::ranges::find(bpw_ids, std::string("bpw-meizhou")), bpw_ids.end());
  EXPECT_FALSE(bpw.body.as_object().contains("suggestions"));  // something matched
}

TEST(EnterprisesApi, AMisspelledSearchSuggestsCloseNames) {
  // 嘉园科技: one character off the alias 嘉元科技.
  const auto a = get("/api/v1/enterprises?q=%E5%98%89%E5%9B%AD%E7%A7%91%E6%8A%80");
  ASSERT_EQ(a.status, 200) << json::serialize(a.body);
  EXPECT_EQ(a.body.at("total").as_int64(), 0);
  const auto& suggestions = a.body.at("suggestions").as_array();
  ASSERT_FALSE(suggestions.empty());
  EXPECT_LE(suggestions.size(), 5U);
  EXPECT_EQ(suggestions.at(0).at("id").as_string(), "jiayuan");
  EXPECT_EQ(suggestions.at(0).at("distance").as_int64(), 1);
  // The matched text finds the enterprise.
  const std::string matched(suggestions.at(0).at("matched").as_string());
  EXPECT_NE(std::string("广东嘉元科技股份有限公司嘉元科技").find(matched), std::string::npos) << matched;
  // BPW（梅洲） for BPW（梅州）.
  const auto b = get("/api/v1/enterprises?q=BPW%EF%BC%88%E6%A2%85%E6%B4%B2%EF%BC%89");
  ASSERT_EQ(b.status, 200);
  ASSERT_FALSE(b.body.at("suggestions").as_array().empty());
  bool has_bpw = false;
  for (const auto& g : b.body.at("suggestions").as_array())
    has_bpw = has_bpw || g.at("id").as_string() == "bpw-meizhou";
  EXPECT_TRUE(has_bpw) << b.body;
  // Nothing close: an empty list, not a guess.
  const auto c = get("/api/v1/enterprises?q=zzzzzzzz");
  EXPECT_TRUE(c.body.at("suggestions").as_array().empty());
}

TEST(EnterprisesApi, TooLongASearchIsALimitProblemNamingQ) {
  const auto a = get("/api/v1/enterprises?q=" + std::string(65, 'a'));
  ASSERT_EQ(a.status, 400);
  EXPECT_EQ(a.content_type, "application/problem+json");
  EXPECT_EQ(a.body.at("code").as_string(), "limit-exceeded");
  EXPECT_EQ(a.body.at("field").as_string(), "q");
  EXPECT_EQ(get("/api/v1/enterprises?q=" + std::string(64, 'a')).status, 200);
}

}  // namespace
}  // namespace atlas::api
