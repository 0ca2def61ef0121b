#include "model/internal/observation_normalizer.hpp"

#include <gtest/gtest.h>

namespace atlas::internal {
namespace {

RawObservation cumulative(std::uint32_t enterprise, int year, int last_month, std::int64_t value) {
  const Period p{PeriodKind::kCumulative, month_index(year, 1), month_index(year, last_month)};
  return RawObservation{EnterpriseId{enterprise}, p, value, p.default_published(), false, StringId{0}, false};
}

TEST(YearRollup, KnowsTheDayEveryFigureOfAYearWasOut) {
  auto late = cumulative(1, 2024, 12, 900);
  late.published = day_number(2025, 4, 15);  // the December report came late
  late.explicit_published = true;
  auto columns = normalize_observations({cumulative(0, 2023, 12, 500), cumulative(0, 2024, 6, 300), late}, 2);
  const YearRollup r = build_year_rollup(columns, 2);
  ASSERT_EQ(r.first_year, 2023);
  ASSERT_EQ(r.years, 2);
  EXPECT_EQ(r.published_by[0], day_number(2024, 1, 31));
  EXPECT_EQ(r.published_by[1], day_number(2025, 4, 15));
}

TEST(YearRollup, SumsEachEnterprisesYearAndCountsItsMonths) {
  auto columns = normalize_observations(
      {cumulative(0, 2024, 2, 100), cumulative(0, 2024, 6, 300), cumulative(1, 2024, 12, 50)}, 2);
  const YearRollup r = build_year_rollup(columns, 2);
  EXPECT_EQ(r.value[0], 300);
  EXPECT_EQ(r.months[0], 6);
  EXPECT_EQ(r.value[1], 50);
  EXPECT_EQ(r.months[1], 12);
}

}  // namespace
}  // namespace atlas::internal
