// Several plans in one store: plan-owned records keyed within their plan, the default plan, the
// scope and members, and the migration of a database written by release 0.1.0 (one plan).
#include <fstream>
#include <sstream>
#include <string>

#include <gtest/gtest.h>

#include "store/store.hpp"
#include "store/store_test_data.hpp"

namespace atlas {
namespace {

using store_test::fixed_clock;
using store_test::RawDb;
using store_test::rich_dataset;
using store_test::TempDir;

Store open_memory() {
  auto store = Store::open(":memory:", fixed_clock());
  EXPECT_TRUE(store) << store.error().to_string();
  return std::move(store).value();
}

// A second plan over the same registers: its own plan row, a target with the same id as the
// first plan's, a zone and a project of its own.
Dataset county_plan() {
  Dataset d;
  d.plan.id = "xingning-2027";
  d.plan.title = {"兴宁市汽车零部件产业发展规划", "Xingning auto parts plan"};
  d.plan.document = "兴府〔2023〕1号";
  d.plan.start_year = 2023;
  d.plan.end_year = 2027;
  d.plan.scope = {"xingning"};
  ZoneRecord zone;
  zone.id = "xingning-park";
  zone.name = {"兴宁园区", ""};
  zone.kind = "base";
  zone.counties = {"xingning"};
  zone.provenance = "plan §2";
  d.zones = {zone};
  TargetRecord target = rich_dataset().targets.front();
  target.title = {"兴宁总产值", "Xingning output"};
  target.goal = ">= 30亿";
  target.deadline = 2027;
  target.baseline.reset();
  d.targets = {target};
  return d;
}

std::string read_text(const std::string& path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

TEST(StorePlans, KeepsTwoPlansWithTheSameTargetIdApart) {
  Store store = open_memory();
  ASSERT_TRUE(store.apply(rich_dataset(), AuditEvent{"test", "seed"}));
  const Dataset before = store.load("meizhou-autoparts-2021-2025").value();
  auto applied = store.apply(county_plan(), AuditEvent{"test", "import"});
  ASSERT_TRUE(applied) << applied.error().to_string();

  const auto plans = store.plans().value();
  ASSERT_EQ(plans.size(), 2U);
  EXPECT_EQ(plans[0].id, "meizhou-autoparts-2021-2025");
  EXPECT_EQ(plans[1].id, "xingning-2027");
  EXPECT_EQ(plans[1].scope, std::vector<std::string>{"xingning"});

  // The first plan reads exactly what it read before the second arrived.
  EXPECT_TRUE(store_test::same_dataset(store.load("meizhou-autoparts-2021-2025").value(), before));
  const Dataset county = store.load("xingning-2027").value();
  ASSERT_EQ(county.targets.size(), 1U);
  EXPECT_EQ(county.targets[0].id, rich_dataset().targets.front().id);
  EXPECT_EQ(county.targets[0].goal, ">= 30亿");
  ASSERT_EQ(county.zones.size(), 1U);
  EXPECT_EQ(county.zones[0].id, "xingning-park");
  EXPECT_TRUE(county.projects.empty());
  // The registers are shared.
  EXPECT_EQ(county.enterprises.size(), before.enterprises.size());
  // The audit names the plan of a plan record.
  const auto changes = store.audit_changes(applied->event_id).value();
  ASSERT_FALSE(changes.empty());
  EXPECT_EQ(changes.back().key, R"(["xingning-2027",")" + rich_dataset().targets.front().id + R"("])");
}

TEST(StorePlans, ReadsTheDefaultPlanOrAsksWhichOne) {
  Store store = open_memory();
  Dataset first = rich_dataset();
  first.plan.is_default = false;
  ASSERT_TRUE(store.apply(first, AuditEvent{"test", "seed"}));
  EXPECT_EQ(store.load().value().plan.id, "meizhou-autoparts-2021-2025");  // the only plan
  ASSERT_TRUE(store.apply(county_plan(), AuditEvent{"test", "import"}));

  auto unnamed = store.load_small_tables();
  ASSERT_FALSE(unnamed);
  EXPECT_EQ(unnamed.error().code, ErrorCode::kInvalidArgument);
  EXPECT_NE(unnamed.error().message.find("meizhou-autoparts-2021-2025, xingning-2027"), std::string::npos)
      << unnamed.error().message;
  auto missing = store.load_small_tables("guangdong-2025");
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().code, ErrorCode::kUnknownReference);

  Dataset make_default = county_plan();
  make_default.plan.is_default = true;
  ASSERT_TRUE(store.apply(make_default, AuditEvent{"test", "import"}));
  EXPECT_EQ(store.load_small_tables().value().plan.id, "xingning-2027");
  // The mark moves: one default at a time.
  Dataset back = rich_dataset();
  ASSERT_TRUE(store.apply(back, AuditEvent{"test", "import"}));
  EXPECT_EQ(store.load_small_tables().value().plan.id, "meizhou-autoparts-2021-2025");
  EXPECT_FALSE(store.load_small_tables("xingning-2027").value().plan.is_default);
}

TEST(StorePlans, RefusesAZoneIdThatAnotherPlanOwns) {
  Store store = open_memory();
  ASSERT_TRUE(store.apply(rich_dataset(), AuditEvent{"test", "seed"}));
  Dataset other = county_plan();
  other.zones[0].id = rich_dataset().zones.front().id;
  auto applied = store.apply(other, AuditEvent{"test", "import"});
  ASSERT_FALSE(applied);
  EXPECT_EQ(applied.error().code, ErrorCode::kDuplicateKey);
  EXPECT_NE(applied.error().message.find("belongs to plan 'meizhou-autoparts-2021-2025'"), std::string::npos)
      << applied.error().message;
  EXPECT_EQ(store.plans().value().size(), 1U);  // nothing of the import was written
}

TEST(StorePlans, PutsPlanRecordsWithoutAPlanIntoTheOnlyPlanOrRefuses) {
  Store store = open_memory();
  Dataset facts_only;
  facts_only.facts = rich_dataset().facts;
  auto no_plan = store.apply(facts_only, AuditEvent{"test", "import"});
  ASSERT_FALSE(no_plan);
  EXPECT_EQ(no_plan.error().code, ErrorCode::kInvalidArgument);

  ASSERT_TRUE(store.apply(rich_dataset(), AuditEvent{"test", "seed"}));
  Dataset changed = facts_only;
  changed.facts[0].note = "changed";
  ASSERT_TRUE(store.apply(changed, AuditEvent{"test", "import"}));
  EXPECT_EQ(store.load().value().facts[0].note, "changed");

  ASSERT_TRUE(store.apply(county_plan(), AuditEvent{"test", "import"}));
  auto which = store.apply(facts_only, AuditEvent{"test", "import"});
  ASSERT_FALSE(which);
  EXPECT_NE(which.error().message.find("say which one"), std::string::npos) << which.error().message;
  // Naming the plan by id alone adds records to it without rewriting it.
  Dataset named = facts_only;
  named.plan.id = "xingning-2027";
  ASSERT_TRUE(store.apply(named, AuditEvent{"test", "import"}));
  EXPECT_EQ(store.load("xingning-2027").value().facts.size(), facts_only.facts.size());
  EXPECT_EQ(store.load("xingning-2027").value().plan.title.zh, "兴宁市汽车零部件产业发展规划");
  named.plan.id = "nowhere";
  auto unknown = store.apply(named, AuditEvent{"test", "import"});
  ASSERT_FALSE(unknown);
  EXPECT_EQ(unknown.error().code, ErrorCode::kUnknownReference);
}

// A database written by release 0.1.0 (tests/fixtures/release-0.1.0): migration 0005 moves its
// records to its plan, whose scope becomes every county and whose members are the enterprises
// without a county, and (0006) the outside ones, and the carriers without an enterprise.
TEST(StorePlans, UpgradesADatabaseWrittenByRelease010) {
  TempDir dir;
  const std::string path = dir.file("release.db");
  {
    RawDb raw(path);
    ASSERT_EQ(raw.exec(read_text(ATLAS_SOURCE_DIR "/tests/fixtures/release-0.1.0/atlas.sql")), "");
    ASSERT_EQ(raw.count("SELECT max(version) FROM schema_version"), 4);
  }
  auto store = Store::open(path, fixed_clock());
  ASSERT_TRUE(store) << store.error().to_string();
  EXPECT_EQ(store->data_version().value(), 1);  // data unchanged: no new version
  const auto plans = store->plans().value();
  ASSERT_EQ(plans.size(), 1U);
  EXPECT_EQ(plans[0].id, "meizhou-autoparts-2021-2025");
  EXPECT_EQ(plans[0].scope.size(), 8U);
  const Dataset d = store->load().value();
  EXPECT_EQ(d.targets.size(), 16U);
  EXPECT_EQ(d.zones.size(), 6U);
  EXPECT_EQ(d.projects.size(), 19U);
  EXPECT_EQ(d.chains.size(), 3U);
  EXPECT_EQ(d.enterprises.size(), 44U);
  EXPECT_EQ(d.observations.size(), 2184U);
  std::size_t countyless = 0;
  for (const EnterpriseRecord& e : d.enterprises)
    countyless += e.county.empty() || e.outside ? 1 : 0;
  std::size_t member_enterprises = 0;
  for (const PlanMemberRecord& m : d.plan_members)
    member_enterprises += m.kind == MemberKind::kEnterprise ? 1 : 0;
  EXPECT_EQ(member_enterprises, countyless);
  EXPECT_GT(d.plan_members.size(), member_enterprises);  // carriers without an enterprise too
  // The audit history is kept as it was.
  EXPECT_EQ(store->audit_log(10).value().size(), 1U);
  RawDb raw(path);
  EXPECT_EQ(raw.count("SELECT count(*) FROM pragma_foreign_key_check"), 0);
  EXPECT_EQ(raw.count("SELECT count(*) FROM sqlite_master WHERE name = 'plan'"), 0);  // the old table is gone
}

}  // namespace
}  // namespace atlas
