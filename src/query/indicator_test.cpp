#include "query/indicator.hpp"

#include <gtest/gtest.h>

#include "query/internal/test_dataset.hpp"

namespace atlas::query {
namespace {

MetricId output_value(const Snapshot& s) {
  return *s.find_metric("output_value");
}

TEST(MetricReadBy, IsTheSummedMetric) {
  const auto snapshot = testing::query_test_snapshot();
  const auto ind = parse_indicator("sum(output_value) in 2025");
  ASSERT_TRUE(ind.has_value());
  EXPECT_EQ(metric_read_by(*ind, *snapshot), output_value(*snapshot));
}

TEST(MetricReadBy, IsTheMetricACountCompares) {
  const auto snapshot = testing::query_test_snapshot();
  const auto ind =
      parse_indicator("count(enterprises) where segment = \"nev\" and output_value > 1亿 in 2025");
  ASSERT_TRUE(ind.has_value());
  EXPECT_EQ(metric_read_by(*ind, *snapshot), output_value(*snapshot));
}

TEST(MetricReadBy, IsNothingForACountOfCarriers) {
  const auto snapshot = testing::query_test_snapshot();
  const auto ind = parse_indicator("count(carriers) where level >= provincial");
  ASSERT_TRUE(ind.has_value());
  EXPECT_FALSE(metric_read_by(*ind, *snapshot).has_value());
}

}  // namespace
}  // namespace atlas::query
