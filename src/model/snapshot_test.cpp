#include "model/snapshot.hpp"

#include <gtest/gtest.h>

namespace atlas {
namespace {

Period cumulative(int year, int last_month) {
  return Period{PeriodKind::kCumulative, month_index(year, 1), month_index(year, last_month)};
}
Period whole_year(int year) {
  return Period{PeriodKind::kYear, month_index(year, 1), month_index(year, 12)};
}
Period one_month(int year, int month) {
  return Period{PeriodKind::kMonth, month_index(year, month), month_index(year, month)};
}

Dataset small_dataset() {
  Dataset d;
  d.counties = {{"meixian", "441403", {"梅县区", "Meixian"}, "plan §6(2)"}};
  d.zones = {{"gac-park", {"广汽零部件产业园", ""}, "core-park", {}, "", "plan §6(1)"}};
  d.taxonomy = {
      {"chassis", TaxonomyLevel::kCategory, "", {"底盘系统", ""}, 146, {}, "plan §1(1)"},
      {"chassis-running", TaxonomyLevel::kSubsystem, "chassis", {"行走", ""}, {}, {}, "plan §1(1)"},
      {"axle", TaxonomyLevel::kClass, "chassis-running", {"车轴", ""}, {}, {"870850"}, "plan §1(2)"}};
  d.metrics = {{"output_value", {"工业总产值", ""}, MetricUnit::kYuan, "plan §3"}};
  EnterpriseRecord bpw;
  bpw.id = "bpw";
  bpw.name = {"BPW（梅州）车轴有限公司", ""};
  bpw.county = "meixian";
  bpw.segment = "trailer";
  bpw.classes = {"axle"};
  bpw.provenance = "plan §3(1)2";
  EnterpriseRecord park = bpw;
  park.id = "park-firm";
  park.county = "";
  park.zone = "gac-park";
  park.segment = "passenger";
  park.classes = {};
  park.provenance = "sample";
  d.enterprises = {bpw, park};
  return d;
}

std::shared_ptr<const Snapshot> build(Dataset d) {
  auto s = Snapshot::build(std::move(d));
  EXPECT_TRUE(s.has_value()) << (s ? "" : s.error().to_string());
  return *s;
}

TEST(Snapshot, CumulativeReportsBecomeMonthlySpansThatSumBack) {
  auto d = small_dataset();
  d.observations = {{"bpw", "output_value", cumulative(2025, 2), 300, {}, "sample"},
                    {"bpw", "output_value", cumulative(2025, 3), 450, {}, "sample"},
                    {"bpw", "output_value", cumulative(2025, 9), 1200, {}, "sample"}};
  auto s = build(d);
  auto m = *s->find_metric("output_value");
  auto e = s->find_enterprise("bpw");
  auto all = s->sum_span(m, e, month_index(2025, 1), month_index(2025, 12), {});
  EXPECT_EQ(all.value, 1200);
  EXPECT_EQ(all.covered_last, month_index(2025, 9));
  auto q1 = s->sum_span(m, e, month_index(2025, 1), month_index(2025, 3), {});
  EXPECT_EQ(q1.value, 450);
  // April–September only: the 1–9月 minus 1–3月 difference.
  auto rest = s->sum_span(m, e, month_index(2025, 4), month_index(2025, 9), {});
  EXPECT_EQ(rest.value, 750);
}

// Every provenance a metric's figures carry, each once, in the order first met: what lets a reader
// of the figures' sources stop once it has seen them all.
TEST(Snapshot, AMetricKnowsTheDistinctProvenanceOfItsFigures) {
  auto d = small_dataset();
  d.observations = {{"bpw", "output_value", whole_year(2024), 300, {}, "statistics: bureau"},
                    {"bpw", "output_value", whole_year(2025), 450, {}, "sample"},
                    {"park-firm", "output_value", whole_year(2024), 100, {}, "statistics: bureau"},
                    {"park-firm", "output_value", whole_year(2025), 120, {}, "statistics: bureau"}};
  auto s = build(d);
  const auto& o = s->observations[s->find_metric("output_value")->value];
  ASSERT_EQ(o.provenances.size(), 2U);
  EXPECT_EQ(s->strings.view(o.provenances[0]), "statistics: bureau");
  EXPECT_EQ(s->strings.view(o.provenances[1]), "sample");
}

TEST(Snapshot, AsOfHidesFiguresPublishedLater) {
  auto d = small_dataset();
  d.observations = {{"bpw", "output_value", cumulative(2025, 3), 450, {}, "sample"},
                    {"bpw", "output_value", cumulative(2025, 9), 1200, {}, "sample"}};
  auto s = build(d);
  Visibility vis;
  vis.as_of = day_number(2025, 5, 1);  // 1–3月 is out (by 2025-04-30), 1–9月 is not (2025-10-31)
  auto v = s->sum_span(*s->find_metric("output_value"), s->find_enterprise("bpw"), month_index(2025, 1),
                       month_index(2025, 12), vis);
  EXPECT_EQ(v.value, 450);
  EXPECT_EQ(v.covered_last, month_index(2025, 3));
}

TEST(Snapshot, DataAsOfIsTheLatestPublicationDayVisibleAtAsOf) {
  auto d = small_dataset();
  d.observations = {{"bpw", "output_value", cumulative(2025, 3), 450, {}, "plan §3"},
                    {"bpw", "output_value", cumulative(2025, 9), 1200, Date{2025, 10, 12}, "plan §3"},
                    {"park-firm", "output_value", cumulative(2025, 6), 80, {}, "sample"}};
  auto s = build(d);
  const auto at = [&](DayNumber as_of, bool sample) { return s->latest_published({as_of, sample}); };
  EXPECT_EQ(at(day_number(2025, 4, 29), true), 0);                          // nothing out yet
  EXPECT_EQ(at(day_number(2025, 5, 1), true), day_number(2025, 4, 30));     // 1–3月, by the end of April
  EXPECT_EQ(at(day_number(2025, 9, 1), true), day_number(2025, 7, 31));     // the sample 1–6月
  EXPECT_EQ(at(day_number(2025, 9, 1), false), day_number(2025, 4, 30));    // … unless samples are hidden
  EXPECT_EQ(at(day_number(2025, 10, 12), true), day_number(2025, 10, 12));  // its own publication day
  EXPECT_EQ(s->latest_published({}), day_number(2025, 10, 12));
}

TEST(Snapshot, CountsTheFiguresVisibleAtAsOf) {
  auto d = small_dataset();
  d.observations = {{"bpw", "output_value", cumulative(2025, 3), 450, {}, "plan §3"},
                    {"bpw", "output_value", cumulative(2025, 9), 1200, Date{2025, 10, 12}, "plan §3"},
                    {"park-firm", "output_value", cumulative(2025, 3), 30, {}, "sample"},
                    {"park-firm", "output_value", cumulative(2025, 6), 80, {}, "sample"}};
  auto s = build(d);
  const auto at = [&](DayNumber as_of, bool sample) { return s->visible_observation_count({as_of, sample}); };
  EXPECT_EQ(at(day_number(2025, 4, 29), true), 0U);
  EXPECT_EQ(at(day_number(2025, 4, 30), true), 2U);  // both 1–3月 reports, on the same default day
  EXPECT_EQ(at(day_number(2025, 4, 30), false), 1U);
  EXPECT_EQ(at(day_number(2025, 9, 1), true), 3U);
  EXPECT_EQ(at(day_number(2025, 10, 12), true), 4U);
  EXPECT_EQ(s->visible_observation_count({}), s->observation_count());
}

TEST(Snapshot, AnnualFigureFillsTheMonthsNotReported) {
  auto d = small_dataset();
  d.observations = {{"bpw", "output_value", cumulative(2024, 6), 100, {}, "sample"},
                    {"bpw", "output_value", whole_year(2024), 260, {}, "sample"},
                    {"bpw", "output_value", whole_year(2020), 1987000000, {}, "plan §3(1)2"}};
  auto s = build(d);
  auto m = *s->find_metric("output_value");
  auto e = s->find_enterprise("bpw");
  EXPECT_EQ(s->sum_span(m, e, month_index(2024, 1), month_index(2024, 12), {}).value, 260);
  EXPECT_EQ(s->sum_span(m, e, month_index(2024, 1), month_index(2024, 6), {}).value, 100);
  EXPECT_EQ(s->sum_span(m, e, month_index(2020, 1), month_index(2020, 12), {}).value, 1987000000);
  const auto& rollup = s->rollups[m.value];
  EXPECT_EQ(rollup.first_year, 2020);
  EXPECT_EQ(rollup.value[e.value * rollup.years + (2024 - 2020)], 260);
  EXPECT_EQ(rollup.months[e.value * rollup.years + (2024 - 2020)], 12);
}

TEST(Snapshot, MonthlyFiguresCountOnlyWhereNoCumulativeReportCovers) {
  auto d = small_dataset();
  d.observations = {{"bpw", "output_value", cumulative(2025, 2), 300, {}, "sample"},
                    {"bpw", "output_value", one_month(2025, 2), 999, {}, "sample"},
                    {"bpw", "output_value", one_month(2025, 3), 150, {}, "sample"}};
  auto s = build(d);
  auto v = s->sum_span(*s->find_metric("output_value"), s->find_enterprise("bpw"), month_index(2025, 1),
                       month_index(2025, 12), {});
  EXPECT_EQ(v.value, 450);
}

TEST(Snapshot, SampleFiguresCanBeHidden) {
  auto d = small_dataset();
  d.observations = {{"bpw", "output_value", whole_year(2020), 1987000000, {}, "plan §3(1)2"},
                    {"bpw", "output_value", whole_year(2021), 5, {}, "sample"}};
  auto s = build(d);
  Visibility no_sample;
  no_sample.include_sample = false;
  auto m = *s->find_metric("output_value");
  auto e = s->find_enterprise("bpw");
  EXPECT_FALSE(s->sum_span(m, e, month_index(2021, 1), month_index(2021, 12), no_sample).present);
  EXPECT_TRUE(s->sum_span(m, e, month_index(2020, 1), month_index(2020, 12), no_sample).present);
}

TEST(Snapshot, PostingListsIncludeTaxonomyAncestors) {
  auto s = build(small_dataset());
  auto bpw = s->find_enterprise("bpw");
  auto chassis = s->find_class("chassis");
  auto makers = s->by_taxonomy.row(chassis.value);
  ASSERT_EQ(makers.size(), 1u);
  EXPECT_EQ(makers[0], bpw);
  EXPECT_EQ(s->by_zone.row(s->find_zone("gac-park").value).size(), 1u);
  EXPECT_EQ(s->by_segment.row(*s->find_term(VocabularyKind::kSegment, "trailer"))[0], bpw);
}

TEST(Snapshot, AVocabularyHoldsThePlansWordsInItsOrderThenTheWordsUsedUndeclared) {
  auto d = small_dataset();
  d.terms = {{VocabularyKind::kSegment, "passenger", {"乘用车零部件", "Passenger-car parts"}, "plan §4"},
             {VocabularyKind::kSegment, "body", {"车身", "Body"}, "plan §4"},
             {VocabularyKind::kZoneKind, "core-park", {"核心园区", "Core park"}, "plan §6"}};
  d.enterprises[0].segment = "trailer";  // used, not declared
  d.enterprises[1].segment = "";         // none
  auto s = build(d);
  const auto& segments = s->vocabulary(VocabularyKind::kSegment);
  ASSERT_EQ(segments.size(), 3u);
  EXPECT_EQ(segments[0].id, "passenger");
  EXPECT_EQ(segments[1].name.zh, "车身");
  EXPECT_EQ(segments[2].id, "trailer");
  EXPECT_EQ(segments[2].name.zh, "trailer") << "an undeclared word is named by itself";
  EXPECT_EQ(segments[1].provenance, "plan §4") << "the plan's terms come first, as declared";
  EXPECT_EQ(segments[2].provenance, "") << "an undeclared word has no source";
  EXPECT_EQ(s->enterprises.segment[1], kNoTerm);
  EXPECT_EQ(s->by_segment.row(*s->find_term(VocabularyKind::kSegment, "trailer")).size(), 1u);
  EXPECT_TRUE(s->by_segment.row(*s->find_term(VocabularyKind::kSegment, "body")).empty());
  EXPECT_EQ(s->find_term(VocabularyKind::kSegment, "nev"), std::nullopt);
  EXPECT_EQ(s->vocabulary(VocabularyKind::kZoneKind).size(), 1u) << "the zone's core-park is declared";

  d.terms.push_back(d.terms[0]);
  auto twice = Snapshot::build(d);
  ASSERT_FALSE(twice.has_value());
  EXPECT_EQ(twice.error().code, ErrorCode::kDuplicateKey);
  EXPECT_NE(twice.error().message.find("segment \"passenger\" is declared twice"), std::string::npos)
      << twice.error().message;
}

TEST(Snapshot, UnknownCountyIsReportedWithTheEnterprise) {
  auto d = small_dataset();
  d.enterprises[0].county = "meixain";
  auto s = Snapshot::build(d);
  ASSERT_FALSE(s.has_value());
  EXPECT_EQ(s.error().code, ErrorCode::kUnknownReference);
  EXPECT_NE(s.error().message.find("meixain"), std::string::npos);
  EXPECT_EQ(s.error().field, "county");
}

TEST(Snapshot, DuplicateEnterpriseIsRejected) {
  auto d = small_dataset();
  d.enterprises[1].id = "bpw";
  auto s = Snapshot::build(d);
  ASSERT_FALSE(s.has_value());
  EXPECT_EQ(s.error().code, ErrorCode::kDuplicateKey);
}

Dataset supply_dataset() {
  auto d = small_dataset();
  EnterpriseRecord third = d.enterprises[0];
  third.id = "third";
  d.enterprises.push_back(third);
  d.supply_edges = {{"bpw", "park-firm", "axle", {}, "sample: test"},
                    {"third", "park-firm", "axle", {}, "plan §3"},
                    {"third", "park-firm", "chassis", {}, "plan §3"},
                    {"bpw", "third", "axle", {}, "plan §3"}};
  return d;
}

TEST(SnapshotSupplyEdges, ListEachCustomersSuppliersAndEachSuppliersCustomers) {
  auto s = build(supply_dataset());
  const auto bpw = s->find_enterprise("bpw");
  const auto park = s->find_enterprise("park-firm");
  const auto third = s->find_enterprise("third");
  EXPECT_EQ(s->supply.size(), 4u);
  const auto suppliers = s->supply.suppliers_of.row(park.value);
  ASSERT_EQ(suppliers.size(), 3u);
  EXPECT_EQ(suppliers[0], bpw);
  EXPECT_EQ(suppliers[1], third);
  EXPECT_EQ(suppliers[2], third);
  const auto first = s->supply.suppliers_of.offsets[park.value];
  EXPECT_EQ(s->supply.suppliers_of_sample[first], 1);
  EXPECT_EQ(s->supply.suppliers_of_sample[first + 1], 0);
  const auto customers = s->supply.customers_of.row(bpw.value);
  ASSERT_EQ(customers.size(), 2u);
  EXPECT_EQ(customers[0], park);
  EXPECT_EQ(customers[1], third);
  EXPECT_TRUE(s->supply.customers_of.row(park.value).empty());
  EXPECT_EQ(s->supply.suppliers_of.row(third.value).size(), 1u);
}

TEST(SnapshotSupplyEdges, KeepTheProductClassOfEachEdge) {
  auto s = build(supply_dataset());
  const auto third = s->find_enterprise("third");
  const auto begin = s->supply.customers_of.offsets[third.value];
  EXPECT_EQ(s->supply.customers_of_class[begin], s->find_class("chassis"));
  EXPECT_EQ(s->supply.customers_of_class[begin + 1], s->find_class("axle"));
}

TEST(SnapshotSupplyEdges, UnknownCustomerIsReportedByField) {
  auto d = supply_dataset();
  d.supply_edges[1].customer = "nobody";
  auto s = Snapshot::build(d);
  ASSERT_FALSE(s.has_value());
  EXPECT_EQ(s.error().code, ErrorCode::kUnknownReference);
  EXPECT_EQ(s.error().field, "customer");
  EXPECT_NE(s.error().message.find("nobody"), std::string::npos);
}

TEST(SnapshotSupplyEdges, UnknownSupplierAndClassAreReportedByField) {
  auto d = supply_dataset();
  d.supply_edges[0].supplier = "nobody";
  auto s = Snapshot::build(d);
  ASSERT_FALSE(s.has_value());
  EXPECT_EQ(s.error().field, "supplier");
  d = supply_dataset();
  d.supply_edges[0].product_class = "wheel";
  s = Snapshot::build(d);
  ASSERT_FALSE(s.has_value());
  EXPECT_EQ(s.error().code, ErrorCode::kUnknownReference);
  EXPECT_EQ(s.error().field, "class");
}

TEST(SnapshotSupplyEdges, RepeatedKeyAndSelfSupplyAreRejected) {
  auto d = supply_dataset();
  d.supply_edges.push_back(d.supply_edges[2]);
  auto s = Snapshot::build(d);
  ASSERT_FALSE(s.has_value());
  EXPECT_EQ(s.error().code, ErrorCode::kDuplicateKey);
  d = supply_dataset();
  d.supply_edges[0].customer = "bpw";
  s = Snapshot::build(d);
  ASSERT_FALSE(s.has_value());
  EXPECT_EQ(s.error().code, ErrorCode::kInvalidValue);
}

TEST(SnapshotSupplyEdges, StreamThroughTheBuilder) {
  auto d = supply_dataset();
  auto enterprises = d.enterprises;
  auto edges = d.supply_edges;
  SnapshotBuilder builder(std::move(d), 7);
  for (const auto& e : enterprises)
    ASSERT_TRUE(builder.add_enterprise(e).has_value());
  for (const auto& e : edges)
    ASSERT_TRUE(builder.add_supply_edge(e).has_value());
  auto s = std::move(builder).finish();
  ASSERT_TRUE(s.has_value());
  EXPECT_EQ((*s)->supply.size(), edges.size());
  EXPECT_EQ((*s)->supply.customers_of.rows(), enterprises.size());
}

// Neither copyable nor movable, like what the app keeps in the slot (it holds a mutex).
struct Derived {
  explicit Derived(int v) : value(v) {}
  Derived(const Derived&) = delete;
  Derived& operator=(const Derived&) = delete;
  ~Derived() = default;
  int value;
};

TEST(MemoSlot, BuildsOnFirstUseOnly) {
  const MemoSlot slot;
  int builds = 0;
  const Derived& first = slot.get_or_build<Derived>([&] {
    ++builds;
    return Derived(7);
  });
  const Derived& again = slot.get_or_build<Derived>([&] {
    ++builds;
    return Derived(8);
  });
  EXPECT_EQ(&first, &again);
  EXPECT_EQ(again.value, 7);
  EXPECT_EQ(builds, 1);
}

TEST(MemoSlot, ACopyOrMoveStartsEmpty) {
  MemoSlot slot;
  EXPECT_EQ(slot.get_or_build<Derived>([] { return Derived(1); }).value, 1);
  MemoSlot copy(slot);
  EXPECT_EQ(copy.get_or_build<Derived>([] { return Derived(2); }).value, 2);
  copy = slot;
  EXPECT_EQ(copy.get_or_build<Derived>([] { return Derived(3); }).value, 3);
  // As a Snapshot moves: its implicit move constructor copies the slot, which starts empty.
  struct Owner {
    MemoSlot slot;
  };
  Owner owner;
  EXPECT_EQ(owner.slot.get_or_build<Derived>([] { return Derived(4); }).value, 4);
  const Owner moved(std::move(owner));
  EXPECT_EQ(moved.slot.get_or_build<Derived>([] { return Derived(5); }).value, 5);
  EXPECT_EQ(slot.get_or_build<Derived>([] { return Derived(6); }).value, 1);
}

}  // namespace
}  // namespace atlas
