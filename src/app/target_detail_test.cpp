#include "app/target_detail.hpp"

#include <algorithm>

#include <gtest/gtest.h>

#include "io/embedded.hpp"

namespace atlas::app {
namespace {

std::shared_ptr<const Snapshot> snapshot() {
  static const std::shared_ptr<const Snapshot> s = [] {
    auto read = io::read_embedded_dataset();
    EXPECT_TRUE(read.has_value());
    auto built = Snapshot::build(std::move(read->data), 1);
    EXPECT_TRUE(built.has_value());
    return *built;
  }();
  return s;
}

CheckOptions at(int year, int month, int day, bool sample = true) {
  return CheckOptions{day_number(year, month, day), sample};
}

TEST(EvaluateInPeriod, ReplacesTheTrailingYear) {
  auto ind = query::parse_indicator("sum(output_value) in 2025");
  ASSERT_TRUE(ind.has_value());
  const Visibility vis{day_number(2026, 11, 27), true};
  auto in_2025 = evaluate_in_period(*ind, calendar_year(2025), *snapshot(), vis);
  auto in_2021 = evaluate_in_period(*ind, calendar_year(2021), *snapshot(), vis);
  ASSERT_TRUE(in_2025.has_value());
  ASSERT_TRUE(in_2021.has_value());
  EXPECT_EQ(in_2025->value, 7280000000);
  EXPECT_EQ(in_2021->period->text, "2021");
  EXPECT_LT(in_2021->value, in_2025->value);
}

TEST(EvaluateInPeriod, GivesThePeriodToAnIndicatorWithoutOne) {
  auto ind = query::parse_indicator("count(enterprises) where output_value > 1亿");
  ASSERT_TRUE(ind.has_value());
  auto r = evaluate_in_period(*ind, calendar_year(2025), *snapshot(), Visibility{});
  ASSERT_TRUE(r.has_value()) << r.error().to_string();
  EXPECT_EQ(r->value, 18);
}

TEST(TargetDetail, UnknownTargetIsNotFoundWithASuggestion) {
  auto d = target_detail(*snapshot(), "total-outpt", at(2026, 11, 27));
  ASSERT_FALSE(d.has_value());
  EXPECT_EQ(d.error().code, ErrorCode::kNotFound);
  EXPECT_NE(d.error().message.find("did you mean \"total-output\""), std::string::npos);
}

TEST(TargetDetail, LevelSeriesRunsFromTheBaselineYearToTheRunningYear) {
  auto d = target_detail(*snapshot(), "total-output", at(2026, 11, 27));
  ASSERT_TRUE(d.has_value()) << d.error().to_string();
  ASSERT_EQ(d->series.size(), 7U);
  EXPECT_EQ(d->series.front().year, 2020);
  EXPECT_EQ(d->series[5].value, 7280000000);
  EXPECT_TRUE(d->series[5].complete);
  EXPECT_EQ(d->series.back().year, 2026);
  EXPECT_FALSE(d->series.back().complete);
  EXPECT_EQ(d->series.back().period, "2026-01~09");
}

TEST(TargetDetail, LevelSeriesWithoutBaselineStartsAtThePlanStart) {
  auto d = target_detail(*snapshot(), "nev-output", at(2024, 3, 1));
  ASSERT_TRUE(d.has_value()) << d.error().to_string();
  ASSERT_FALSE(d->series.empty());
  EXPECT_EQ(d->series.front().year, 2021);
  EXPECT_LE(d->series.back().year, 2024);
  // The path the status was judged against: from zero in 2020 to the goal (15亿) in 2025.
  ASSERT_EQ(d->required_path.size(), 6U);
  EXPECT_EQ(d->required_path.front(), (PathPoint{2020, 0.0}));
  EXPECT_EQ(d->required_path.back(), (PathPoint{2025, 1.5e9}));
  ASSERT_TRUE(d->check.assessment.path_value.has_value());
  const auto at_reading = std::ranges::find(d->required_path, d->series.back().year, &PathPoint::year);
  ASSERT_NE(at_reading, d->required_path.end());
  EXPECT_NEAR(at_reading->value, *d->check.assessment.path_value, 1.0);
}

TEST(TargetDetail, CumulativeSeriesIsKnownAtEachYearEnd) {
  auto d = target_detail(*snapshot(), "new-projects", at(2023, 6, 30));
  ASSERT_TRUE(d.has_value()) << d.error().to_string();
  ASSERT_EQ(d->series.size(), 3U);
  EXPECT_EQ(d->series[0].period, "2021");
  EXPECT_EQ(d->series[1].period, "2021..2022");
  EXPECT_EQ(d->series[2].period, "2021..2023-06-30");
  EXPECT_FALSE(d->series[2].complete);
  EXPECT_LE(d->series[0].value, d->series[1].value);
  EXPECT_LE(d->series[1].value, d->series[2].value);
  EXPECT_EQ(d->series[2].value, d->check.latest);
}

TEST(TargetDetail, RequiredPathIsGeometricFromAPositiveBaseline) {
  auto d = target_detail(*snapshot(), "enterprises-over-1yi", at(2026, 11, 27));
  ASSERT_TRUE(d.has_value());
  ASSERT_EQ(d->required_path.size(), 6U);
  EXPECT_DOUBLE_EQ(d->required_path.front().value, 5.0);
  EXPECT_DOUBLE_EQ(d->required_path.back().value, 15.0);
  const double ratio = d->required_path[1].value / d->required_path[0].value;
  EXPECT_NEAR(d->required_path[5].value / d->required_path[4].value, ratio, 1e-9);
}

TEST(TargetDetail, RequiredPathIsLinearFromAZeroBaseline) {
  auto d = target_detail(*snapshot(), "enterprises-over-20yi", at(2026, 11, 27));
  ASSERT_TRUE(d.has_value());
  ASSERT_EQ(d->required_path.size(), 6U);
  EXPECT_DOUBLE_EQ(d->required_path[0].value, 0.0);
  EXPECT_DOUBLE_EQ(d->required_path[1].value, 0.2);
  EXPECT_DOUBLE_EQ(d->required_path[5].value, 1.0);
}

TEST(TargetDetail, ContributorsAreTheLatestReadingsRecordsByValue) {
  auto d = target_detail(*snapshot(), "total-output", at(2026, 11, 27));
  ASSERT_TRUE(d.has_value());
  EXPECT_EQ(d->set, query::RecordSet::kEnterprises);
  EXPECT_EQ(d->contributors.size(), d->check.contributors);
  for (std::size_t i = 1; i < d->contributors.size(); ++i) {
    ASSERT_TRUE(d->contributors[i].value.has_value());
    EXPECT_GE(*d->contributors[i - 1].value, *d->contributors[i].value);
  }
  std::int64_t sum = 0;
  for (const auto& c : d->contributors)
    sum += c.value.value_or(0);
  EXPECT_EQ(sum, d->check.latest);
}

TEST(TargetDetail, WithoutSamplesNoContributorIsSample) {
  auto d = target_detail(*snapshot(), "total-output", at(2026, 11, 27, false));
  ASSERT_TRUE(d.has_value());
  for (const auto& c : d->contributors)
    EXPECT_FALSE(c.sample);
  for (const auto& p : d->series)
    EXPECT_FALSE(p.sample);
}

TEST(RecordLabel, NamesSupplierEntriesAfterTheirEnterpriseAndOem) {
  const auto& s = *snapshot();
  ASSERT_FALSE(s.supplier_entries.empty());
  const RecordLabel label = record_label(s, query::RecordSet::kSupplierEntries, 0);
  EXPECT_EQ(label.id, s.supplier_entries[0].id);
  EXPECT_NE(label.name.zh.find(s.supplier_entries[0].oem), std::string::npos);
  const RecordLabel e = record_label(s, query::RecordSet::kEnterprises, 0);
  EXPECT_EQ(e.id, s.strings.view(s.enterprises.slug[0]));
}

}  // namespace
}  // namespace atlas::app
