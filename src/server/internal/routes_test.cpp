#include "server/internal/routes.hpp"

#include <chrono>
#include <set>
#include <string>

#include <gtest/gtest.h>

#include "api/api.hpp"
#include "server/internal/metrics.hpp"

namespace atlas::server::internal {
namespace {

TEST(RouteLabels, NameAnApiTargetByTheApisPatternNeverByItsId) {
  EXPECT_EQ(route_label(api_route("/api/v1/enterprises/some-id-123?limit=5")), "/api/v1/enterprises/{id}");
  EXPECT_EQ(route_label(api_route("/api/v1/targets/total%2Doutput")), "/api/v1/targets/{id}");
  EXPECT_EQ(route_label(api_route("/api/v1/projects?late=true")), "/api/v1/projects");
  EXPECT_EQ(route_label(api_route("/api/v1/indicators")), "/api/v1/indicators");
}

TEST(RouteLabels, GiveEveryPatternOfTheApisTableItsOwnRoute) {
  const auto patterns = api::Api::route_patterns();
  ASSERT_FALSE(patterns.empty());
  EXPECT_EQ(route_count(), kFirstApiRoute + patterns.size());
  std::set<std::string_view> labels;
  for (std::size_t r = 0; r < route_count(); ++r)
    labels.insert(route_label(static_cast<Route>(r)));
  EXPECT_EQ(labels.size(), route_count());  // no two routes share a label
  for (std::size_t i = 0; i < patterns.size(); ++i)
    EXPECT_EQ(route_label(static_cast<Route>(kFirstApiRoute + i)), patterns[i]);
}

TEST(RouteLabels, KeepTheTransportLabelsAndCallUnknownPathsOther) {
  EXPECT_EQ(route_label(Route::kStatic), "static");
  EXPECT_EQ(route_label(Route::kHealthz), "healthz");
  EXPECT_EQ(route_label(Route::kMetrics), "metrics");
  EXPECT_EQ(route_label(Route::kOther), "other");
  for (const char* target :
       {"/api/v1/nowhere", "/api/v1/enterprises/x/y", "/api/v2/plan", "/api/v1/plan?a=%zz"})
    EXPECT_EQ(api_route(target), Route::kOther) << target;
  EXPECT_EQ(route_label(static_cast<Route>(route_count())), "other");
}

TEST(MetricsRender, CountsEachApiPatternInItsOwnSeries) {
  auto snapshot = Snapshot::build(Dataset{}, 1);
  ASSERT_TRUE(snapshot);
  Metrics m;
  m.record(api_route("/api/v1/enterprises/a"), 200, std::chrono::milliseconds(1));
  m.record(api_route("/api/v1/enterprises/b"), 404, std::chrono::milliseconds(1));
  m.record(api_route("/api/v1/zones"), 200, std::chrono::milliseconds(1));
  m.record(static_cast<Route>(route_count() + 3), 200, std::chrono::milliseconds(1));
  const std::string text = m.render(**snapshot);
  EXPECT_NE(text.find("atlas_http_requests_total{route=\"/api/v1/enterprises/{id}\",status=\"200\"} 1\n"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("atlas_http_requests_total{route=\"/api/v1/enterprises/{id}\",status=\"404\"} 1\n"),
            std::string::npos);
  EXPECT_NE(text.find("atlas_http_requests_total{route=\"/api/v1/zones\",status=\"200\"} 1\n"),
            std::string::npos);
  EXPECT_NE(text.find("atlas_http_requests_total{route=\"other\",status=\"200\"} 1\n"), std::string::npos);
  EXPECT_EQ(text.find("route=\"/api/v1/plan\""), std::string::npos);  // no series without requests
}

}  // namespace
}  // namespace atlas::server::internal
