#include "query/evaluator.hpp"

#include <thread>

#include <gtest/gtest.h>

#include "query/indicator.hpp"
#include "query/internal/metric_reader.hpp"
#include "query/internal/program.hpp"
#include "query/internal/test_dataset.hpp"

namespace atlas::query {
namespace {

using testing::yi;

class IndicatorEvaluation : public ::testing::Test {
 protected:
  IndicatorResult run(std::string_view text, const Visibility& vis = {}) {
    auto result = evaluate_indicator(text, *snapshot_, vis);
    EXPECT_TRUE(result.has_value()) << text << ": " << (result ? "" : result.error().to_string());
    return result ? *result : IndicatorResult{};
  }
  std::int64_t value(std::string_view text, const Visibility& vis = {}) { return run(text, vis).value; }
  std::vector<std::string> slugs(const IndicatorResult& r) {
    std::vector<std::string> out;
    for (auto i : r.records)
      out.emplace_back(snapshot_->strings.view(snapshot_->enterprises.slug[i]));
    return out;
  }
  static Visibility as_of(int y, int m, int d, bool include_sample = true) {
    return Visibility{day_number(y, m, d), include_sample};
  }

  std::shared_ptr<const Snapshot> snapshot_ = testing::query_test_snapshot();
  static constexpr Visibility kNoSample{std::numeric_limits<DayNumber>::max(), false};
};

TEST_F(IndicatorEvaluation, SumsAMetricOverAYearWithItsCoverage) {
  auto r = run("sum(output_value) in 2025");
  EXPECT_EQ(r.value, yi(28));  // 9 + 3.5 + 15 + 0.5
  EXPECT_EQ(r.unit, MetricUnit::kYuan);
  EXPECT_EQ(r.contributors(), 4u);
  EXPECT_TRUE(r.includes_sample);
  EXPECT_EQ(r.covered_last, month_index(2025, 9));
  EXPECT_FALSE(r.complete());
  EXPECT_EQ(r.coverage_text(), "2025-01~09");
}

TEST_F(IndicatorEvaluation, ReportsACompleteYearByItsNumber) {
  auto r = run("sum(output_value) in 2024");
  EXPECT_EQ(r.value, yi(35.8));
  EXPECT_TRUE(r.complete());
  EXPECT_EQ(r.coverage_text(), "2024");
  EXPECT_FALSE(r.includes_sample);
}

TEST_F(IndicatorEvaluation, FiltersBySegment) {
  auto r = run("sum(output_value) where segment = \"nev\" in 2025");
  EXPECT_EQ(r.value, yi(15.5));
  EXPECT_EQ(slugs(r), (std::vector<std::string>{"nev-pack", "small-nev"}));
  EXPECT_EQ(value("count(enterprises) where segment != \"nev\""), 3);
}

TEST_F(IndicatorEvaluation, CountsEnterprisesAboveAThreshold) {
  auto r = run("count(enterprises) where output_value > 10亿 in 2025");
  EXPECT_EQ(r.value, 1);
  EXPECT_EQ(slugs(r), std::vector<std::string>{"nev-pack"});
  EXPECT_EQ(r.covered_last, month_index(2025, 9));
  EXPECT_EQ(value("count(enterprises) where output_value > 10亿 in 2024"), 2);
}

TEST_F(IndicatorEvaluation, CountsAZoneWithItsSubZonesAndABand) {
  EXPECT_EQ(value("count(enterprises) where zone = \"gac-park\""), 2);  // gac-parts, nev-pack (east)
  auto r = run(
      "count(enterprises) where zone = \"gac-park\" and output_value >= 1亿 and output_value < 10亿 in 2025");
  EXPECT_EQ(slugs(r), std::vector<std::string>{"gac-parts"});
}

TEST_F(IndicatorEvaluation, TreatsAnEnterpriseWithoutFiguresAsHavingNoValue) {
  // bpw-trading has 2024 figures only: neither above nor below in 2025.
  EXPECT_EQ(value("count(enterprises) where output_value >= 0 in 2025"), 4);
  EXPECT_EQ(value("count(enterprises) where not output_value >= 0 in 2025"), 1);
}

TEST_F(IndicatorEvaluation, MatchesTaxonomyNodesWithTheirDescendants) {
  EXPECT_EQ(value("count(enterprises) where class = \"axle\""), 1);
  EXPECT_EQ(value("count(enterprises) where category = \"chassis\""), 2);
  EXPECT_EQ(value("count(enterprises) where subsystem = \"battery-system\""), 2);
  EXPECT_EQ(value("count(enterprises) where class != \"axle\""), 4);
}

TEST_F(IndicatorEvaluation, ReadsFlagsAsBareConditions) {
  EXPECT_EQ(value("count(enterprises) where high_tech"), 2);
  EXPECT_EQ(value("count(enterprises) where not high_tech"), 3);  // unknown counts as not known to be
  EXPECT_EQ(value("count(enterprises) where high_tech = false"), 1);
  EXPECT_EQ(value("count(enterprises) where above_size and not high_tech"), 1);
}

TEST_F(IndicatorEvaluation, CombinesOrAndParentheses) {
  EXPECT_EQ(value("count(enterprises) where (segment = \"nev\" or segment = \"trailer\") and high_tech"), 2);
  EXPECT_EQ(value("count(enterprises) where segment = \"nev\" or (segment = \"trailer\" and high_tech)"), 3);
  EXPECT_EQ(value("count(enterprises) where county = \"meixian\" or group = \"bpw\""), 2);
}

TEST_F(IndicatorEvaluation, FindsEnterprisesByIdNameAndGroup) {
  EXPECT_EQ(value("count(enterprises) where id = \"bpw\""), 1);
  EXPECT_EQ(value("count(enterprises) where name = \"BPW（梅州）车轴有限公司\""), 1);
  EXPECT_EQ(value("count(enterprises) where name = \"gac-parts-en\""), 1);
  EXPECT_EQ(value("count(enterprises) where name = \"nobody\""), 0);
  EXPECT_EQ(value("count(enterprises) where group = \"bpw\""), 1);
}

TEST_F(IndicatorEvaluation, AveragesAndFindsExtremes) {
  EXPECT_EQ(value("avg(output_value) in 2024"), yi(8.95));
  EXPECT_EQ(value("min(output_value) in 2024"), yi(0.8));
  EXPECT_EQ(value("max(output_value) in 2024"), yi(20));
  auto none = run("max(output_value) where segment = \"general\" in 2025");
  EXPECT_FALSE(none.has_value);
  EXPECT_EQ(none.contributors(), 0u);
}

TEST_F(IndicatorEvaluation, CountsOnlyFiguresWhoseSpanLiesInsideACumulativePeriod) {
  // bpw reported 1–2 and 1–9: only the January–February figure lies inside 1–6.
  auto r = run("sum(output_value) in 2025-01~06");
  EXPECT_EQ(r.value, yi(13));  // bpw 2 + gac-parts 2 + nev-pack 9
  EXPECT_EQ(r.covered_last, month_index(2025, 2));
  EXPECT_EQ(r.coverage_text(), "2025-01~02");
  EXPECT_EQ(value("sum(employees) in 2025-09"), 1100);
}

TEST_F(IndicatorEvaluation, LeavesOutFiguresPublishedAfterAsOf) {
  // nev-pack's 1–9 figure was published on 2025-12-01; its 1–6 figure by default on 2025-07-31.
  auto r = run("sum(output_value) in 2025", as_of(2025, 10, 31));
  EXPECT_EQ(r.value, yi(22));  // 9 + 3.5 + 9 + 0.5
  EXPECT_EQ(r.coverage_text(), "2025-01~06");
  // Figures count from the last day of the month after their period: 1–6 from July 31.
  EXPECT_EQ(value("sum(output_value) in 2025", as_of(2025, 7, 30)), yi(2));  // bpw's 1–2 only
  EXPECT_EQ(value("sum(output_value) in 2025", as_of(2025, 7, 31)), yi(13));
  EXPECT_EQ(value("count(enterprises) where output_value > 10亿 in 2025", as_of(2025, 11, 30)), 0);
}

TEST_F(IndicatorEvaluation, LeavesOutSampleRecordsWhenAsked) {
  auto r = run("sum(output_value) in 2025", kNoSample);
  EXPECT_EQ(r.value, yi(27.5));
  EXPECT_FALSE(r.includes_sample);
  EXPECT_EQ(value("count(enterprises) where segment = \"nev\"", kNoSample), 1);
  EXPECT_EQ(value("count(carriers) where level >= provincial", kNoSample), 3);
  EXPECT_EQ(value("sum(expected_output)", kNoSample), yi(27));
}

TEST_F(IndicatorEvaluation, CountsProjectsInAZoneByExpectedOutput) {
  auto r = run("count(projects) where zone = \"gac-park\" and expected_output >= 10亿");
  EXPECT_EQ(r.value, 2);
  EXPECT_EQ(r.set, RecordSet::kProjects);
  EXPECT_EQ(r.records, (std::vector<std::uint32_t>{1, 2}));
  EXPECT_EQ(value("sum(expected_output)"), yi(28));
  EXPECT_EQ(value("count(projects) where sponsor = \"bpw\" and type = expansion"), 1);
  EXPECT_EQ(value("count(projects) where county = \"xingning\""), 1);
}

TEST_F(IndicatorEvaluation, CountsProjectsByActualMilestonesKnownByAsOf) {
  const char* text = "count(projects) where signed in 2021..2025 or commissioned in 2021..2025";
  EXPECT_EQ(value(text), 4);                      // bpw-phase8, gac-engine, nev-line, xingning-plant
  EXPECT_EQ(value(text, as_of(2025, 6, 30)), 3);  // nev-line signed on 2025-11-20
  EXPECT_EQ(value(text, kNoSample), 3);           // xingning-plant's signing is a sample milestone
  EXPECT_TRUE(run(text).includes_sample);
  EXPECT_FALSE(run(text, kNoSample).includes_sample);
  EXPECT_EQ(value("count(projects) where commissioned"), 1);  // gac-engine has no actual date
  // A date of month or year precision counts from its first day: 2023 is 2023-01-01.
  EXPECT_EQ(value("count(projects) where commissioned in 2023-01"), 1);
}

TEST_F(IndicatorEvaluation, CountsCarriersByLevelAndRecognition) {
  EXPECT_EQ(value("count(carriers) where level >= provincial and recognized in 2021..2025"), 4);
  EXPECT_EQ(
      value("count(carriers) where level >= provincial and recognized in 2021..2025", as_of(2025, 6, 30)), 3);
  EXPECT_EQ(
      value("count(carriers) where kind = \"manufacturing-innovation-center\" and level >= provincial and "
            "recognized in 2021..2025"),
      2);
  EXPECT_EQ(value("count(carriers) where level = national"), 1);
  EXPECT_EQ(value("count(carriers) where enterprise = \"bpw\""), 1);
}

TEST_F(IndicatorEvaluation, CountsSupplierEntriesByTierAndEntry) {
  EXPECT_EQ(value("count(supplier_entries) where tier <= 2 and entered in 2021..2025"), 3);
  EXPECT_EQ(value("count(supplier_entries) where tier = 1"), 2);
  EXPECT_EQ(value("count(supplier_entries) where class = \"chassis\""), 2);
  EXPECT_EQ(value("count(supplier_entries) where oem = \"byd\""), 2);
  EXPECT_EQ(value("avg(tier)"), 2);  // (1 + 2 + 1 + 2) / 4 = 1.5, rounded half away from zero
}

TEST_F(IndicatorEvaluation, CountsCandidatesByChainAndLink) {
  EXPECT_EQ(value("count(candidates) where chain = \"nev\""), 1);
  EXPECT_EQ(value("count(candidates) where link = \"castings\" or kind = \"three-electric\""), 2);
}

TEST_F(IndicatorEvaluation, UsesTheRollupOnlyWhenItIsExactForTheVisibility) {
  auto checked = compile_indicator("sum(output_value) in 2025", *snapshot_);
  ASSERT_TRUE(checked.has_value());
  const auto& p = checked->program();
  const MetricId m = p.metric;
  EXPECT_TRUE(internal::MetricReader(p, *snapshot_, m, Visibility{}).uses_rollup());
  EXPECT_TRUE(internal::MetricReader(p, *snapshot_, m, as_of(2026, 1, 1)).uses_rollup());
  EXPECT_FALSE(internal::MetricReader(p, *snapshot_, m, as_of(2025, 11, 30)).uses_rollup());
  EXPECT_FALSE(internal::MetricReader(p, *snapshot_, m, kNoSample).uses_rollup());
  // Both paths agree where both apply.
  EXPECT_EQ(value("sum(output_value) in 2025"), value("sum(output_value) in 2025-01~12"));
  EXPECT_EQ(run("sum(output_value) in 2025").covered_last,
            run("sum(output_value) in 2025-01~12").covered_last);
}

TEST_F(IndicatorEvaluation, EvaluatesOneCheckedIndicatorFromManyThreadsAtOnce) {
  auto checked = compile_indicator(
      "count(enterprises) where zone = \"gac-park\" and output_value >= 1亿 in 2025", *snapshot_);
  ASSERT_TRUE(checked.has_value());
  std::vector<std::int64_t> values(8, -1);
  std::vector<std::thread> threads;
  for (std::size_t t = 0; t < values.size(); ++t) {
    threads.emplace_back([&, t] {
      const Visibility vis = t % 2 == 0 ? Visibility{} : kNoSample;
      for (int i = 0; i < 200; ++i)
        values[t] = evaluate(*checked, *snapshot_, vis)->value;
    });
  }
  for (auto& thread : threads)
    thread.join();
  EXPECT_EQ(std::count(values.begin(), values.end(), 2), 8);
}

TEST_F(IndicatorEvaluation, RefusesASnapshotItWasNotCheckedAgainst) {
  auto checked = compile_indicator("count(enterprises)", *snapshot_);
  ASSERT_TRUE(checked.has_value());
  auto other = testing::query_test_snapshot();
  auto result = evaluate(*checked, *other, {});
  ASSERT_FALSE(result.has_value());
  EXPECT_EQ(result.error().code, ErrorCode::kInvalidArgument);
}

TEST_F(IndicatorEvaluation, StopsAConditionThatWouldSpendMoreThanItsWorkBudget) {
  Limits tight;
  tight.min_work = 0;
  tight.max_work_per_record = 4;  // each `or` operand costs a pass over what is left
  const std::string text =
      "count(enterprises) where output_value > 100亿 or output_value > 200亿 or output_value > 300亿 or "
      "output_value > 400亿 or output_value > 500亿 in 2025";
  auto refused = evaluate_indicator(text, *snapshot_, {}, tight);
  ASSERT_FALSE(refused.has_value());
  EXPECT_EQ(refused.error().code, ErrorCode::kLimitExceeded);
  EXPECT_NE(refused.error().message.find("narrow it"), std::string::npos) << refused.error().message;
  // The same condition within the default budget answers.
  EXPECT_EQ(value(text), 0);
}

}  // namespace
}  // namespace atlas::query
