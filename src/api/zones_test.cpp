#include <cstdint>
#include <string>

#include <boost/json.hpp>
#include <gtest/gtest.h>

#include "api/internal/browse_test_api.hpp"

namespace atlas::api {
namespace {

namespace json = boost::json;
using testing::get;

const json::object& find(const json::array& rows, std::string_view id) {
  for (const auto& r : rows) {
    if (r.at("id").as_string() == id) return r.as_object();
  }
  static const json::object none;
  ADD_FAILURE() << "no " << id;
  return none;
}

TEST(ZonesApi, ListsZonesWithCountsOutputFactsAndTargets) {
  const auto a = get("/api/v1/zones");
  ASSERT_EQ(a.status, 200) << json::serialize(a.body);
  const auto& zones = a.body.at("zones").as_array();
  EXPECT_EQ(zones.size(), 6U);
  const auto& park = find(zones, "gac-park");
  EXPECT_EQ(park.at("kind").as_string(), "core-park");
  EXPECT_EQ(park.at("parent").as_string(), "meizhou-htz");
  EXPECT_EQ(park.at("enterprises").as_int64(), 10);
  EXPECT_EQ(park.at("output_value").at("year").as_int64(), 2025);
  EXPECT_TRUE(park.at("output_value").at("sample").as_bool());
  EXPECT_EQ(park.at("facts").as_array().size(), 6U);
  EXPECT_EQ(park.at("targets").as_array().size(), 3U);
  EXPECT_EQ(find(zones, "meizhou-htz").at("enterprises").as_int64(), 10);
  EXPECT_TRUE(find(zones, "trailer-belt").at("parent").is_null());
  const auto& meixian = find(a.body.at("counties").as_array(), "meixian");
  EXPECT_EQ(meixian.at("adcode").as_string(), "441403");
  EXPECT_EQ(meixian.at("enterprises").as_int64(), 6);
  // what the county rows leave out, and the share of the output they cover
  std::int64_t enterprises = 0;
  std::int64_t in_counties = 0;
  for (const auto& c : a.body.at("counties").as_array()) {
    enterprises += c.at("enterprises").as_int64();
    if (!c.at("output_value").is_null()) in_counties += c.at("output_value").at("value").as_int64();
  }
  const auto& none = a.body.at("county_not_recorded");
  // every enterprise of the region in one row: 44 in the register, 5 of them outside the region
  EXPECT_EQ(enterprises + none.at("enterprises").as_int64(), 39);
  const std::int64_t rest = none.at("output_value").at("value").as_int64();
  EXPECT_TRUE(none.at("output_value").at("sample").as_bool());
  EXPECT_DOUBLE_EQ(a.body.at("county_coverage").as_double(),
                   static_cast<double>(in_counties) / static_cast<double>(in_counties + rest));
  EXPECT_TRUE(get("/api/v1/zones?sample=false").body.at("county_coverage").is_null());
}

TEST(ZonesApi, SampleFalseDropsSampleEnterprisesAndFigures) {
  const auto a = get("/api/v1/zones?sample=false");
  ASSERT_EQ(a.status, 200);
  const auto& park = find(a.body.at("zones").as_array(), "gac-park");
  EXPECT_EQ(park.at("enterprises").as_int64(), 5);
  EXPECT_TRUE(park.at("output_value").is_null());
  EXPECT_FALSE(a.body.at("meta").at("sample").as_bool());
}

TEST(ZonesApi, YearPicksTheOutputYear) {
  const auto a = get("/api/v1/zones?year=2020&sample=false");
  ASSERT_EQ(a.status, 200);
  const auto& belt = find(a.body.at("zones").as_array(), "trailer-belt");
  EXPECT_EQ(belt.at("output_value").at("value").as_int64(), 1'987'000'000);  // BPW, the plan's figure
  EXPECT_EQ(get("/api/v1/zones?year=x").status, 400);
  EXPECT_EQ(get("/api/v1/zones?county=meixian").body.at("code").as_string(), "unknown-field");
}

}  // namespace
}  // namespace atlas::api
