#include <boost/json.hpp>
#include <gtest/gtest.h>

#include "api/internal/browse_test_api.hpp"

namespace atlas::api {
namespace {

namespace json = boost::json;
using testing::get;

TEST(TaxonomyApi, IsATreeOfCategoriesWithMakerCounts) {
  const auto a = get("/api/v1/taxonomy");
  ASSERT_EQ(a.status, 200) << json::serialize(a.body);
  const auto& categories = a.body.at("categories").as_array();
  ASSERT_EQ(categories.size(), 6U);
  const auto& powertrain = categories[0].as_object();
  EXPECT_EQ(powertrain.at("code").as_string(), "powertrain");
  EXPECT_EQ(powertrain.at("level").as_string(), "category");
  EXPECT_EQ(powertrain.at("class_count").as_int64(), 196);
  for (const char* key : {"name", "hs", "enterprises", "provenance", "children"})
    EXPECT_TRUE(powertrain.contains(key)) << key;
  const auto& chassis = categories[1].as_object();
  const auto& subsystem = chassis.at("children").at(0).as_object();
  EXPECT_EQ(subsystem.at("level").as_string(), "subsystem");
  EXPECT_TRUE(subsystem.at("class_count").is_null());
  std::int64_t below = 0;
  for (const auto& child : chassis.at("children").as_array())
    below += child.at("enterprises").as_int64();
  EXPECT_GE(below, chassis.at("enterprises").as_int64());  // an enterprise may make parts of two subsystems
  EXPECT_GT(chassis.at("enterprises").as_int64(), 0);
}

TEST(TaxonomyApi, SampleFalseCountsOnlyRealMakers) {
  const auto all = get("/api/v1/taxonomy").body.at("categories").at(1).at("enterprises").as_int64();
  const auto real =
      get("/api/v1/taxonomy?sample=false").body.at("categories").at(1).at("enterprises").as_int64();
  EXPECT_LT(real, all);
}

}  // namespace
}  // namespace atlas::api
