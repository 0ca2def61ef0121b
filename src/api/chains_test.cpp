#include <boost/json.hpp>
#include <gtest/gtest.h>

#include "api/internal/browse_test_api.hpp"

namespace atlas::api {
namespace {

namespace json = boost::json;
using testing::get;

TEST(ChainsApi, ListsChainsWithLinksClassesMakersAndEdges) {
  const auto a = get("/api/v1/chains");
  ASSERT_EQ(a.status, 200) << json::serialize(a.body);
  const auto& chains = a.body.at("chains").as_array();
  ASSERT_EQ(chains.size(), 3U);
  const auto& trailer = chains[0].as_object();
  EXPECT_EQ(trailer.at("id").as_string(), "trailer");
  EXPECT_EQ(trailer.at("provenance").as_string(), "plan §6(2)");
  const auto& axle = trailer.at("links").at(6).as_object();
  EXPECT_EQ(axle.at("id").as_string(), "axle");
  EXPECT_EQ(axle.at("classes").as_array().size(), 3U);
  EXPECT_EQ(axle.at("classes").at(0).at("code").as_string(), "axle");
  EXPECT_EQ(axle.at("classes").at(0).at("name").at("zh").as_string(), "车轴");
  EXPECT_EQ(axle.at("enterprises").as_int64(), 1);
  EXPECT_EQ(trailer.at("edges").at(0).at("from").as_string(), "moulds");
  EXPECT_EQ(trailer.at("edges").at(0).at("to").as_string(), "castings");
}

TEST(ChainsApi, SampleFalseLeavesOutSampleMakers) {
  // brake-drum: fude-metal and sample-f.
  EXPECT_EQ(get("/api/v1/chains").body.at("chains").at(0).at("links").at(2).at("enterprises").as_int64(), 2);
  EXPECT_EQ(get("/api/v1/chains?sample=false")
                .body.at("chains")
                .at(0)
                .at("links")
                .at(2)
                .at("enterprises")
                .as_int64(),
            1);
  EXPECT_EQ(get("/api/v1/chains?link=axle").status, 400);
}

}  // namespace
}  // namespace atlas::api
