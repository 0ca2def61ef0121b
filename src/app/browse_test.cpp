#include "app/browse.hpp"

#include <algorithm>
#include <limits>
#include <set>

#include <gtest/gtest.h>

#include "app/internal/browse_test_data.hpp"
#include "model/provenance.hpp"

namespace atlas::app {
namespace {

using testing::at;
using testing::csv_enterprises;
using testing::meizhou;
using testing::slugs;
using testing::snap;

const Visibility kAll{};

std::vector<std::string> matching(const EnterpriseFilter& f, const Visibility& vis = kAll) {
  return slugs(match_enterprises(snap(), vis, f));
}

// True when taxonomy code `code` is `node` or lies below it.
bool under(const std::string& code, const std::string& node) {
  for (std::string at = code; !at.empty();) {
    if (at == node) return true;
    const auto it = std::ranges::find(meizhou().data.taxonomy, at, &TaxonomyRecord::code);
    at = it == meizhou().data.taxonomy.end() ? "" : it->parent;
  }
  return false;
}

TEST(EnterpriseList, FiltersByCountyExactlyAsTheCsv) {
  for (const CountyRecord& county : meizhou().data.counties) {
    EnterpriseFilter f;
    f.county = snap().find_county(county.id);
    EXPECT_EQ(matching(f), csv_enterprises([&](const EnterpriseRecord& r) { return r.county == county.id; }))
        << county.id;
  }
  EnterpriseFilter meixian;
  meixian.county = snap().find_county("meixian");
  EXPECT_EQ(matching(meixian), (std::vector<std::string>{"bpw-meizhou", "jiayuan", "qingda", "sample-b",
                                                         "sample-d", "sample-f"}));
}

TEST(EnterpriseList, ZoneFilterIncludesChildZones) {
  EnterpriseFilter f;
  f.zone = snap().find_zone("trailer-belt");
  EXPECT_EQ(matching(f), (std::vector<std::string>{"bpw-meizhou", "sample-f", "sample-i", "sample-j"}));
  f.zone = snap().find_zone("meizhou-htz");
  EXPECT_EQ(matching(f), csv_enterprises([](const EnterpriseRecord& r) { return r.zone == "gac-park"; }));
  EXPECT_EQ(matching(f).size(), 10U);
}

TEST(EnterpriseList, ClassFilterAtCategoryLevelIncludesMakersOfItsClasses) {
  EnterpriseFilter f;
  f.taxonomy = snap().find_class("chassis");
  const auto expected = csv_enterprises([](const EnterpriseRecord& r) {
    return std::ranges::any_of(r.classes, [](const std::string& c) { return under(c, "chassis"); });
  });
  EXPECT_EQ(matching(f), expected);
  EXPECT_TRUE(std::ranges::count(expected, "bpw-meizhou") == 1);
  f.taxonomy = snap().find_class("disc-axle");
  EXPECT_EQ(matching(f), (std::vector<std::string>{"bpw-meizhou"}));
}

TEST(EnterpriseList, FiltersCombineAsIntersection) {
  EnterpriseFilter f;
  f.segment = snap().find_term(VocabularyKind::kSegment, "trailer");
  f.county = snap().find_county("meixian");
  EXPECT_EQ(matching(f), (std::vector<std::string>{"bpw-meizhou", "qingda", "sample-f"}));
  f.q = "样例";
  EXPECT_EQ(matching(f), (std::vector<std::string>{"sample-f"}));
}

TEST(EnterpriseList, SearchMatchesChineseEnglishIdAndCreditCode) {
  EnterpriseFilter f;
  f.q = "车轴";
  EXPECT_EQ(matching(f), (std::vector<std::string>{"bpw-meizhou"}));
  f.q = "AXLE co";
  EXPECT_EQ(matching(f), (std::vector<std::string>{"bpw-meizhou"}));
  f.q = "jiayuan";
  EXPECT_EQ(matching(f), (std::vector<std::string>{"jiayuan"}));
  f.q = "9144140086HKT6JW7Y";
  EXPECT_EQ(matching(f), (std::vector<std::string>{"sample-b"}));
  f.q = "no such name";
  EXPECT_TRUE(matching(f).empty());
}

TEST(EnterpriseList, SampleFalseHidesTheTwelveSampleEnterprises) {
  EXPECT_EQ(list_enterprises(snap(), kAll, {}).total, 44U);
  const auto without = matching({}, Visibility{std::numeric_limits<DayNumber>::max(), false});
  EXPECT_EQ(without.size(), 32U);
  EXPECT_EQ(without, csv_enterprises([](const EnterpriseRecord& r) { return !is_sample(r.provenance); }));
}

TEST(EnterpriseList, SortsChineseNamesByPinyinByDefault) {
  EnterpriseQuery q;
  q.limit = 500;
  const auto page = list_enterprises(snap(), kAll, q);
  ASSERT_EQ(page.items.size(), 44U);
  const auto position = [&](std::string_view slug) {
    for (std::size_t i = 0; i < page.items.size(); ++i) {
      if (snap().strings.view(snap().enterprises.slug[page.items[i].id.value]) == slug) return i;
    }
    return page.items.size();
  };
  // 丰顺县培英 (fēng) < 广东嘉元 (guǎng) < 梅州广汽华德 (méi) < 云山汽车 (yún): not byte order.
  EXPECT_LT(position("peiying"), position("jiayuan"));
  EXPECT_LT(position("jiayuan"), position("gac-huade"));
  EXPECT_LT(position("gac-huade"), position("yunshan"));
  for (std::size_t i = 1; i < page.items.size(); ++i) {
    EXPECT_LT(snap().enterprises.name_rank[page.items[i - 1].id.value],
              snap().enterprises.name_rank[page.items[i].id.value]);
  }
  for (std::size_t i = 0; i < page.items.size(); ++i)
    EXPECT_EQ(snap().enterprises.by_name[i], page.items[i].id);
}

TEST(EnterpriseList, ASmallFilteredSetSortsByNameLikeTheWholeList) {
  EnterpriseQuery all;
  all.limit = 500;
  const auto full = list_enterprises(snap(), kAll, all);
  EnterpriseQuery one_county = all;
  one_county.filter.county = snap().find_county("meixian");
  const auto county = list_enterprises(snap(), kAll, one_county);
  ASSERT_GE(county.items.size(), 2U);
  std::vector<EnterpriseId> expected;
  for (const auto& row : full.items) {
    if (snap().enterprises.county[row.id.value] == *one_county.filter.county) expected.push_back(row.id);
  }
  std::vector<EnterpriseId> actual;
  for (const auto& row : county.items)
    actual.push_back(row.id);
  EXPECT_EQ(actual, expected);
}

TEST(EnterpriseList, SortsByOutputValueDescendingWithMissingValuesLast) {
  EnterpriseQuery q;
  q.year = 2025;
  q.sort = EnterpriseSort::kOutputValueDesc;
  q.limit = 500;
  const auto page = list_enterprises(snap(), kAll, q);
  ASSERT_EQ(page.items.size(), 44U);
  const MetricId output = *snap().find_metric("output_value");
  std::int64_t best = 0;
  for (std::uint32_t e = 0; e < snap().enterprises.size(); ++e)
    best = std::max(
        best,
        snap().sum_span(output, EnterpriseId{e}, month_index(2025, 1), month_index(2025, 12), kAll).value);
  ASSERT_TRUE(page.items.front().output_value);
  EXPECT_EQ(page.items.front().output_value->value, best);
  bool seen_missing = false;
  for (std::size_t i = 1; i < page.items.size(); ++i) {
    const auto& a = page.items[i - 1].output_value;
    const auto& b = page.items[i].output_value;
    if (!a) seen_missing = true;
    if (a && b) {
      EXPECT_GE(a->value, b->value);
    }
    if (seen_missing) {
      EXPECT_FALSE(b.has_value());
    }
  }
  EXPECT_TRUE(seen_missing);  // bpw-germany and the others outside Meizhou report nothing
}

TEST(EnterpriseList, PagesAreSlicesOfTheFullOrderWithTheTotalBeforePaging) {
  for (EnterpriseSort sort : {EnterpriseSort::kName, EnterpriseSort::kOutputValueDesc}) {
    EnterpriseQuery all;
    all.year = 2025;
    all.sort = sort;
    all.limit = 500;
    const auto full = list_enterprises(snap(), kAll, all);
    for (std::size_t offset : {0U, 5U, 40U, 44U, 60U}) {
      EnterpriseQuery q = all;
      q.offset = offset;
      q.limit = 7;
      const auto page = list_enterprises(snap(), kAll, q);
      EXPECT_EQ(page.total, 44U);
      ASSERT_EQ(page.items.size(), offset >= 44 ? 0 : std::min<std::size_t>(7, 44 - offset));
      for (std::size_t i = 0; i < page.items.size(); ++i)
        EXPECT_EQ(page.items[i].id, full.items[offset + i].id) << offset << " " << i;
    }
  }
}

TEST(YearTotals, RollupAgreesWithTheMonthSpans) {
  const MetricId output = *snap().find_metric("output_value");
  for (int year : {2020, 2021, 2025, 2026}) {
    const YearTotals fast(snap(), output, year, kAll);
    EXPECT_TRUE(fast.uses_rollup()) << year;
    for (std::uint32_t e = 0; e < snap().enterprises.size(); ++e) {
      const auto span =
          snap().sum_span(output, EnterpriseId{e}, month_index(year, 1), month_index(year, 12), kAll);
      const auto v = fast.read(EnterpriseId{e});
      EXPECT_EQ(v.has_value(), span.present);
      if (v) {
        EXPECT_EQ(v->value, span.value);
      }
    }
  }
}

TEST(YearTotals, AsOfHidesFiguresPublishedLater) {
  const MetricId output = *snap().find_metric("output_value");
  const EnterpriseId bpw = snap().find_enterprise("bpw-meizhou");
  const YearTotals whole(snap(), output, 2025, kAll);
  // Figures through May 2025 are out by the end of June; June's comes at the end of July.
  const YearTotals june(snap(), output, 2025, at(2025, 6, 30));
  EXPECT_FALSE(june.uses_rollup());
  ASSERT_TRUE(whole.read(bpw) && june.read(bpw));
  EXPECT_EQ(whole.read(bpw)->months, 12);
  EXPECT_EQ(june.read(bpw)->months, 5);
  EXPECT_LT(june.read(bpw)->value, whole.read(bpw)->value);
  EXPECT_FALSE(YearTotals(snap(), output, 2025, at(2025, 1, 31)).read(bpw).has_value());
}

TEST(YearTotals, SampleFalseLeavesOnlyThePlansOwnFigure) {
  const MetricId output = *snap().find_metric("output_value");
  const Visibility facts_only{std::numeric_limits<DayNumber>::max(), false};
  const auto bpw2020 =
      YearTotals(snap(), output, 2020, facts_only).read(snap().find_enterprise("bpw-meizhou"));
  ASSERT_TRUE(bpw2020);
  EXPECT_EQ(bpw2020->value, 1'987'000'000);
  EXPECT_FALSE(bpw2020->sample);
  EXPECT_FALSE(YearTotals(snap(), output, 2025, facts_only).read(snap().find_enterprise("bpw-meizhou")));
}

TEST(SpanText, NamesYearsMonthsAndRanges) {
  EXPECT_EQ(span_text(month_index(2025, 1), month_index(2025, 12)), "2025");
  EXPECT_EQ(span_text(month_index(2025, 3), month_index(2025, 3)), "2025-03");
  EXPECT_EQ(span_text(month_index(2025, 1), month_index(2025, 3)), "2025-01~03");
  EXPECT_EQ(span_text(month_index(2025, 4), month_index(2025, 6)), "2025-04~06");
}

TEST(DefaultYear, IsTheLastCompleteYearBeforeAsOf) {
  EXPECT_EQ(default_year(day_number(2026, 11, 27)), 2025);
  EXPECT_EQ(default_year(day_number(2026, 1, 1)), 2025);
}

}  // namespace
}  // namespace atlas::app
