// The API over real HTTP (tests/api_fixture.hpp): a fresh workspace seeded with the embedded data,
// the real Server and Api on 127.0.0.1 port 0. Per-endpoint tests go here too.
#include <string>

#include <gtest/gtest.h>

#include "api_fixture.hpp"

namespace {

using atlas::testing::ApiHttpTest;

class ApiTransport : public ApiHttpTest {};

TEST_F(ApiTransport, AnswersErrorsAsProblemJson) {
  const auto r = get("/api/v1/no-such-endpoint");
  ASSERT_GE(r.status, 400) << r.body;
  EXPECT_EQ(r.content_type, "application/problem+json");
  ASSERT_TRUE(r.json.is_object()) << r.body;
  const auto& problem = r.json.as_object();
  EXPECT_EQ(problem.at("status").as_int64(), r.status);
  const std::string code(problem.at("code").as_string());
  EXPECT_EQ(problem.at("type").as_string(), "/problems/" + code);
  EXPECT_TRUE(problem.contains("message")) << r.body;
}

TEST_F(ApiTransport, RefusesAnIndicatorBodyOverOneMebibyteWith413) {
  const std::string expression(1U << 20, ' ');
  const auto r = post("/api/v1/indicators", R"({"expression": ")" + expression + R"("})");
  ASSERT_EQ(r.status, 413) << r.body;
  EXPECT_EQ(r.content_type, "application/problem+json");
  ASSERT_TRUE(r.json.is_object()) << r.body;
  EXPECT_EQ(r.json.at("status").as_int64(), 413);
  EXPECT_EQ(r.json.at("code").as_string(), "body-too-large");
}

TEST_F(ApiTransport, ServesHealthAndMetricsBesideTheApi) {
  const auto health = get("/healthz");
  ASSERT_EQ(health.status, 200);
  EXPECT_EQ(health.json.at("status").as_string(), "ok");
  EXPECT_EQ(static_cast<std::uint64_t>(health.json.at("snapshot_version").as_int64()), snapshot().version);
  const auto metrics = get("/metrics");
  ASSERT_EQ(metrics.status, 200);
  EXPECT_NE(metrics.body.find("atlas_snapshot_enterprises " + std::to_string(snapshot().enterprises.size())),
            std::string::npos)
      << metrics.body;
}

}  // namespace
