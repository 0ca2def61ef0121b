// The audit log of Store::apply: events, summaries, before/after images, append-only tables.
#include <algorithm>

#include <gtest/gtest.h>

#include "store/store.hpp"
#include "store/store_test_data.hpp"

namespace atlas {
namespace {

using store_test::fixed_clock;
using store_test::normalized;
using store_test::RawDb;
using store_test::rich_dataset;
using store_test::TempDir;

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

TEST(StoreAudit, AppendsOneEventPerApplyWithTheInjectedTime) {
  auto store = Store::open(":memory:", fixed_clock());
  ASSERT_TRUE(store);
  auto first = store->apply(rich_dataset(), AuditEvent{"system", "seed"});
  ASSERT_TRUE(first);
  Dataset delta;
  delta.counties = {{"pingyuan", "441426", {"平远县", ""}, "plan"}};
  auto second = store->apply(delta, AuditEvent{"user: li", "edit"});
  ASSERT_TRUE(second);
  EXPECT_EQ(second->event_id, first->event_id + 1);

  auto log = store->audit_log(10);
  ASSERT_TRUE(log);
  ASSERT_EQ(log->size(), 2U);
  const AuditEntry& newest = log->front();
  EXPECT_EQ(newest.id, second->event_id);
  EXPECT_EQ(newest.at, "2025-10-31T08:00:00Z");
  EXPECT_EQ(newest.actor, "user: li");
  EXPECT_EQ(newest.action, "edit");
  EXPECT_EQ(newest.summary, R"({"counties":{"inserted":1,"updated":0,"unchanged":0}})");
  EXPECT_EQ(newest.data_version, 2);
  EXPECT_EQ(log->back().action, "seed");
  EXPECT_EQ(store->audit_log(1).value().size(), 1U);
}

TEST(StoreAudit, LogsNewRecordsWithTheirAfterImage) {
  auto store = Store::open(":memory:", fixed_clock());
  ASSERT_TRUE(store);
  auto applied = store->apply(rich_dataset(), AuditEvent{"system", "seed"});
  ASSERT_TRUE(applied);
  auto changes = store->audit_changes(applied->event_id).value();
  const Dataset d = rich_dataset();
  // Every new record but the observations, which are only counted.
  const std::size_t logged = 1 + d.counties.size() + d.taxonomy.size() + d.metrics.size() + d.zones.size() +
                             d.enterprises.size() + d.facts.size() + d.projects.size() + d.milestones.size() +
                             d.chains.size() + d.carriers.size() + d.supplier_entries.size() +
                             d.candidates.size() + d.targets.size() + d.plan_members.size() + d.terms.size() +
                             d.units.size();
  EXPECT_EQ(changes.size(), logged);
  for (const AuditChange& c : changes) {
    EXPECT_NE(c.table, "observations");
    EXPECT_FALSE(c.before.has_value()) << c.table << " " << c.key;
  }
  // Counties come first (the plan's scope refers to them), then the plan.
  EXPECT_EQ(changes.front().table, "counties");
  const auto plan_change = std::ranges::find(changes, std::string("plans"), &AuditChange::table);
  ASSERT_NE(plan_change, changes.end());
  const AuditChange& plan = *plan_change;
  EXPECT_EQ(
      plan.after,
      R"({"id":"meizhou-autoparts-2021-2025","title":{"zh":"梅州市汽车零部件产业集群发展规划","en":)"
      R"("Meizhou auto parts plan"},"document":"梅市府办〔2021〕14号","issued":"2021-07-02",)"
      R"("start_year":2021,"end_year":2025,"scope":["meixian","xingning"],"output_metric":"revenue",)"
      R"("map_bytes":42,"map_source":"DataV GeoAtlas","map_review_number":"GS(2024)1234",)"
      R"("chain_rules":{"makers":"above-size","min_makers":3,"anchor_output":1000000000,"anchors":["bpw"],)"
      R"("min_local_supply":600000,"min_location_quotient":1500000,"reference":"gd-parts-output",)"
      R"("provenance":"design: test rules"},"attraction":{"regions":["Fujian","Shandong"],"weight_gap":3000000,)"
      R"("weight_ties":0,"weight_scale":500000,"weight_region":1000000,"weight_named":2000000,)"
      R"("provenance":"design: test weights"},"forecast":{"shrinkage":2500000,"ramp_months":18,)"
      R"("cancellation":150000,"correlation":400000,"provenance":"design: test assumptions"},"default":true})");
}

TEST(StoreAudit, LogsBeforeAndAfterOfAReplacedRecordWithEscapedText) {
  auto store = Store::open(":memory:", fixed_clock());
  ASSERT_TRUE(store);
  ASSERT_TRUE(store->apply(rich_dataset(), AuditEvent{"system", "seed"}));
  Dataset delta;
  delta.enterprises = {normalized(rich_dataset()).enterprises.back()};
  ASSERT_EQ(delta.enterprises[0].id, "bpw-sub");
  delta.enterprises[0].employees = 15;
  auto applied = store->apply(delta, AuditEvent{"user: li", "edit"});
  ASSERT_TRUE(applied);
  auto changes = store->audit_changes(applied->event_id).value();
  ASSERT_EQ(changes.size(), 1U);
  EXPECT_EQ(changes[0].table, "enterprises");
  EXPECT_EQ(changes[0].key, "bpw-sub");
  ASSERT_TRUE(changes[0].before);
  EXPECT_TRUE(contains(*changes[0].before, R"("employees":null)")) << *changes[0].before;
  EXPECT_TRUE(contains(changes[0].after, R"("employees":15)")) << changes[0].after;
  EXPECT_TRUE(contains(changes[0].after, R"("zh":"子公司 \"引号\" \\ 反斜杠\n换行\t制表")"))
      << changes[0].after;
  EXPECT_TRUE(contains(changes[0].after, R"("above_size":null,"high_tech":null,"classes":[])"));
}

TEST(StoreAudit, LogsOnlyObservationsThatReplaceADifferentFigure) {
  auto store = Store::open(":memory:", fixed_clock());
  ASSERT_TRUE(store);
  ASSERT_TRUE(store->apply(rich_dataset(), AuditEvent{"system", "seed"}));
  const ObservationRecord old_figure = rich_dataset().observations.front();
  ObservationRecord revised = old_figure;
  revised.value = 1;
  ObservationRecord fresh = old_figure;
  fresh.period = store_test::month_period(2025, 4);
  Dataset delta;
  delta.observations = {revised, fresh, rich_dataset().observations.back()};
  auto applied = store->apply(delta, AuditEvent{"stats", "import"});
  ASSERT_TRUE(applied);
  ASSERT_EQ(applied->tables.size(), 1U);
  EXPECT_EQ(applied->tables[0], (TableCounts{"observations", 1, 1, 1}));
  auto changes = store->audit_changes(applied->event_id).value();
  ASSERT_EQ(changes.size(), 1U);
  EXPECT_EQ(changes[0].key, R"(["bpw","output_value","2025-03"])");
  EXPECT_EQ(*changes[0].before,
            R"({"enterprise":"bpw","metric":"output_value","period":"2025-03","value":250000000,)"
            R"("published":"2025-04-20","provenance":"stats: A1"})");
  EXPECT_TRUE(contains(changes[0].after, R"("value":1,)"));
  EXPECT_EQ(store->audit_log(1).value()[0].summary,
            R"({"observations":{"inserted":1,"updated":1,"unchanged":1}})");
}

TEST(StoreAudit, LogsNothingForAFailedApply) {
  auto store = Store::open(":memory:", fixed_clock());
  ASSERT_TRUE(store);
  Dataset delta;
  delta.counties = {{"pingyuan", "441426", {"平远县", ""}, "plan"}};
  delta.zones = {{"z", {"区", ""}, "base", {"nowhere"}, "", "plan"}};
  ASSERT_FALSE(store->apply(delta, AuditEvent{"user: li", "edit"}));
  EXPECT_TRUE(store->audit_log(10).value().empty());
  EXPECT_TRUE(store->audit_changes(1).value().empty());
}

TEST(StoreAudit, RefusesToUpdateOrDeleteAuditRows) {
  TempDir dir;
  const std::string path = dir.file("atlas.db");
  {
    auto store = Store::open(path, fixed_clock());
    ASSERT_TRUE(store);
    ASSERT_TRUE(store->apply(rich_dataset(), AuditEvent{"system", "seed"}));
  }
  RawDb raw(path);
  const std::int64_t changes = raw.count("SELECT count(*) FROM audit_changes");
  ASSERT_GT(changes, 0);
  EXPECT_TRUE(contains(raw.exec("UPDATE audit_events SET actor = 'mallory'"), "append-only"));
  EXPECT_TRUE(contains(raw.exec("DELETE FROM audit_events"), "append-only"));
  EXPECT_TRUE(contains(raw.exec("UPDATE audit_changes SET after = '{}'"), "append-only"));
  EXPECT_TRUE(contains(raw.exec("DELETE FROM audit_changes WHERE seq = 0"), "append-only"));
  EXPECT_EQ(raw.text("SELECT actor FROM audit_events"), "system");
  EXPECT_EQ(raw.count("SELECT count(*) FROM audit_changes"), changes);
}

}  // namespace
}  // namespace atlas
