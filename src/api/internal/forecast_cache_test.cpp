#include "api/internal/forecast_cache.hpp"

#include <gtest/gtest.h>

#include "api/internal/core_test_support.hpp"

namespace atlas::api::internal {
namespace {

engine::ForecastInput at(int year) {
  return {day_number(year, 6, 30), true, {}};
}

// A what-if finds the model an earlier request fitted on the same data, as-of date and sample
// setting, and the base forecast drawn on it; other dates get their own, a newer snapshot drops
// the old ones, and the least recently used goes first.
TEST(ForecastCache, ReusesTheModelAndTheBaseOfTheSameDataAndDate) {
  const auto v3 = coretest::embedded_snapshot(3);
  ForecastCache cache(2);
  auto a = cache.model(v3, at(2023));
  auto b = cache.model(v3, at(2023));
  ASSERT_TRUE(a && b);
  EXPECT_EQ(a->get(), b->get()) << "fitted once";
  app::ForecastOptions o;
  o.as_of = day_number(2023, 6, 30);
  o.runs = 300;
  auto base1 = (*a)->base(o);
  auto base2 = (*b)->base(o);
  ASSERT_TRUE(base1 && base2);
  EXPECT_EQ(base1->get(), base2->get()) << "drawn once";
  EXPECT_EQ((*base1)->runs, 300);
  o.changes.push_back({});  // a change does not make another base
  EXPECT_EQ((*a)->base(o)->get(), base1->get());
  o.seed = 7;
  EXPECT_NE((*a)->base(o)->get(), base1->get()) << "another seed, another base";

  auto other_date = cache.model(v3, at(2024));
  ASSERT_TRUE(other_date);
  EXPECT_NE(other_date->get(), a->get());
  EXPECT_EQ(cache.size(), 2U);
  EXPECT_EQ(cache.model(v3, at(2023))->get(), a->get()) << "2023 used last";
  ASSERT_TRUE(cache.model(v3, at(2022)));  // evicts 2024, the least recently used
  EXPECT_EQ(cache.size(), 2U);
  EXPECT_EQ(cache.model(v3, at(2023))->get(), a->get());

  const auto v4 = coretest::embedded_snapshot(4);
  auto newer = cache.model(v4, at(2023));
  ASSERT_TRUE(newer);
  EXPECT_NE(newer->get(), a->get());
  EXPECT_EQ(cache.size(), 1U) << "the data changed: the old models are gone";
}

}  // namespace
}  // namespace atlas::api::internal
