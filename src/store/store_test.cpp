#include "store/store.hpp"

#include <gtest/gtest.h>

#include "store/internal/migrations.hpp"
#include "store/store_test_data.hpp"

namespace atlas {
namespace {

using store_test::fixed_clock;
using store_test::normalized;
using store_test::RawDb;
using store_test::rich_dataset;
using store_test::TempDir;

constexpr int kMigrationCount = 15;

AuditEvent seed() {
  return AuditEvent{"test", "seed"};
}

Store open_memory() {
  auto store = Store::open(":memory:", fixed_clock());
  EXPECT_TRUE(store) << store.error().to_string();
  return std::move(store).value();  // throws (failing the test) when it did not open
}

// A tripwire: a field added to a record of model/records.hpp must be persisted by the store (schema
// column, codec, JSON image, rich_dataset()). When this fails, do that, then update the size here.
// Sizes are those of x86-64 libstdc++ (std::string = 32 bytes).
TEST(StoreSchema, KnowsEveryFieldOfEveryRecord) {
  if (sizeof(std::string) != 32 || sizeof(void*) != 8) GTEST_SKIP() << "sizes recorded for x86-64 libstdc++";
  EXPECT_EQ(sizeof(PlanInfo), 600U);
  EXPECT_EQ(sizeof(AttractionRules), 96U);
  EXPECT_EQ(sizeof(ForecastRules), 64U);
  EXPECT_EQ(sizeof(ChainRules), 136U);
  EXPECT_EQ(sizeof(CountyRecord), 160U);
  EXPECT_EQ(sizeof(TaxonomyRecord), 208U);
  EXPECT_EQ(sizeof(MetricRecord), 136U);
  EXPECT_EQ(sizeof(ZoneRecord), 216U);
  EXPECT_EQ(sizeof(EnterpriseRecord), 504U);
  EXPECT_EQ(sizeof(ObservationRecord), 120U);
  EXPECT_EQ(sizeof(FactRecord), 328U);
  EXPECT_EQ(sizeof(ProjectRecord), 376U);
  EXPECT_EQ(sizeof(MilestoneRecord), 152U);
  EXPECT_EQ(sizeof(ChainLinkRecord), 152U);
  EXPECT_EQ(sizeof(ChainEdgeRecord), 64U);
  EXPECT_EQ(sizeof(ChainRecord), 176U);
  EXPECT_EQ(sizeof(CarrierRecord), 208U);
  EXPECT_EQ(sizeof(SupplierEntryRecord), 176U);
  EXPECT_EQ(sizeof(CandidateRecord), 320U);
  EXPECT_EQ(sizeof(BaselineRecord), 128U);
  EXPECT_EQ(sizeof(TargetRecord), 408U);
  EXPECT_EQ(sizeof(SupplyEdgeRecord), 136U);
  EXPECT_EQ(sizeof(Dataset), 1032U);
  EXPECT_EQ(sizeof(PlanMemberRecord), 40U);
  EXPECT_EQ(sizeof(TermRecord), 144U);
  EXPECT_EQ(sizeof(UnitScale), 72U);
  EXPECT_EQ(sizeof(UnitRecord), 168U);
}

TEST(StoreOpen, RejectsAnEmptyPath) {
  auto store = Store::open("");
  ASSERT_FALSE(store);
  EXPECT_EQ(store.error().code, ErrorCode::kInvalidArgument);
}

TEST(StoreOpen, CreatesAnEmptyStoreAtTheLatestSchema) {
  Store store = open_memory();
  EXPECT_EQ(store.schema_version().value(), kMigrationCount);
  EXPECT_EQ(store.data_version().value(), 0);
  EXPECT_TRUE(store.is_empty().value());
  EXPECT_TRUE(store_test::same_dataset(store.load().value(), Dataset{}));
}

TEST(StoreOpen, AppliesMigrationsOnceAndNotAgainOnReopen) {
  TempDir dir;
  const std::string path = dir.file("atlas.db");
  ASSERT_TRUE(Store::open(path, fixed_clock()));
  StoreOptions later;
  later.clock = [] { return std::chrono::sys_seconds{std::chrono::hours{24 * 365 * 60}}; };
  auto reopened = Store::open(path, later);
  ASSERT_TRUE(reopened) << reopened.error().to_string();
  EXPECT_EQ(reopened->schema_version().value(), kMigrationCount);
  RawDb raw(path);
  EXPECT_EQ(raw.count("SELECT count(*) FROM schema_version"), kMigrationCount);
  // Still the first open's time: the migrations were not re-applied.
  EXPECT_EQ(raw.count("SELECT count(*) FROM schema_version WHERE applied_at = '2025-10-31T08:00:00Z'"),
            kMigrationCount);
  EXPECT_EQ(raw.text("PRAGMA journal_mode"), "wal");
}

// Migration 0004 (the register) adds columns with defaults and a list table: a database filled
// under schema 3 keeps every row and reads them with the new fields empty.
TEST(StoreOpen, Migration4KeepsTheDataOfSchema3) {
  TempDir dir;
  const std::string path = dir.file("old.db");
  {
    RawDb raw(path);
    ASSERT_EQ(raw.exec("CREATE TABLE schema_version (version INTEGER PRIMARY KEY, name TEXT NOT NULL,"
                       " applied_at TEXT NOT NULL) STRICT"),
              "");
    for (const store_internal::Migration& m : store_internal::migrations()) {
      if (m.version > 3) break;
      ASSERT_EQ(raw.exec(std::string(m.sql)), "") << m.name;
      ASSERT_EQ(raw.exec("INSERT INTO schema_version VALUES (" + std::to_string(m.version) + ", 'old', 'x')"),
                "");
    }
    ASSERT_EQ(raw.exec("INSERT INTO enterprises (id, name_zh, name_en, segment, above_size, provenance)"
                       " VALUES ('e1', '老企业', 'Old firm', 'trailer', 1, 'plan §3')"),
              "");
    ASSERT_EQ(
        raw.exec("INSERT INTO facts (id, subject, metric, period, value, unit, qualifier, quote, note,"
                 " provenance) VALUES ('f1', 'cluster', 'output_value', '2020', '27亿', 'yuan', 'exact',"
                 " '', 'old note', 'plan §3')"),
        "");
    ASSERT_EQ(raw.exec("INSERT INTO projects (id, name_zh, name_en, type, capacity, quote, provenance)"
                       " VALUES ('p1', '项目', 'Project', 'expansion', '', '', 'plan §5')"),
              "");
    ASSERT_EQ(raw.exec("INSERT INTO milestones (project, kind, note, planned, provenance)"
                       " VALUES ('p1', 'signed', 'signed early', '2021', 'public: x')"),
              "");
  }
  auto store = Store::open(path, fixed_clock());
  ASSERT_TRUE(store) << store.error().to_string();
  EXPECT_EQ(store->schema_version().value(), kMigrationCount);
  const Dataset d = store->load().value();
  // Migration 0005: plan records stored without a plan row go to the plan "unnamed-plan".
  EXPECT_EQ(d.plan.id, "unnamed-plan");
  // Migration 0007: a plan stored before plans named their output metric means output_value.
  EXPECT_EQ(d.plan.output_metric, "output_value");
  // Migration 0008: nor did it have a boundary map.
  EXPECT_EQ(d.plan.map, "");
  EXPECT_EQ(d.plan.map_source, "");
  ASSERT_EQ(d.enterprises.size(), 1U);
  EXPECT_EQ(d.enterprises[0].name.zh, "老企业");
  EXPECT_EQ(d.enterprises[0].above_size, true);
  EXPECT_EQ(d.enterprises[0].provenance, "plan §3");
  EXPECT_FALSE(d.enterprises[0].outside);
  EXPECT_TRUE(d.enterprises[0].aliases.empty());
  EXPECT_EQ(d.enterprises[0].above_size_provenance, "");
  ASSERT_EQ(d.facts.size(), 1U);
  EXPECT_EQ(d.facts[0].note, "old note");
  EXPECT_EQ(d.facts[0].note_zh, "");
  EXPECT_EQ(d.facts[0].value, "27亿");
  ASSERT_EQ(d.milestones.size(), 1U);
  EXPECT_EQ(d.milestones[0].note, "signed early");
  EXPECT_EQ(d.milestones[0].note_zh, "");
  ASSERT_EQ(d.projects.size(), 1U);
}

TEST(StoreOpen, RefusesADatabaseNewerThanTheProgram) {
  TempDir dir;
  const std::string path = dir.file("atlas.db");
  ASSERT_TRUE(Store::open(path));
  RawDb(path).exec("INSERT INTO schema_version VALUES (99, 'future', 'x')");
  auto store = Store::open(path);
  ASSERT_FALSE(store);
  EXPECT_EQ(store.error().code, ErrorCode::kStoreError);
  EXPECT_NE(store.error().message.find("newer"), std::string::npos) << store.error().message;
}

TEST(StoreOpen, ReportsAFileThatIsNotADatabase) {
  TempDir dir;
  const std::string path = dir.file("not.db");
  std::FILE* file = std::fopen(path.c_str(), "wb");
  ASSERT_NE(file, nullptr);
  std::fputs("this is not an SQLite database, just some text long enough to have a header......", file);
  std::fclose(file);
  auto store = Store::open(path);
  ASSERT_FALSE(store);
  EXPECT_EQ(store.error().code, ErrorCode::kStoreError);
}

TEST(StoreRoundTrip, LoadReturnsWhatWasSavedInKeyOrder) {
  Store store = open_memory();
  const Dataset data = rich_dataset();
  auto applied = store.apply(data, seed());
  ASSERT_TRUE(applied) << applied.error().to_string();
  auto loaded = store.load();
  ASSERT_TRUE(loaded) << loaded.error().to_string();
  EXPECT_TRUE(store_test::same_dataset(*loaded, normalized(data)));
  EXPECT_FALSE(store.is_empty().value());
}

TEST(StoreRoundTrip, SurvivesClosingAndReopeningTheFile) {
  TempDir dir;
  const std::string path = dir.file("atlas.db");
  {
    auto store = Store::open(path);
    ASSERT_TRUE(store);
    ASSERT_TRUE(store->apply(rich_dataset(), seed()));
  }
  auto store = Store::open(path);
  ASSERT_TRUE(store);
  EXPECT_TRUE(store_test::same_dataset(store->load().value(), normalized(rich_dataset())));
  EXPECT_EQ(store->data_version().value(), 1);
  EXPECT_EQ(RawDb(path).text("PRAGMA integrity_check"), "ok");
}

TEST(StoreRoundTrip, StreamsLargeTablesInKeyOrder) {
  Store store = open_memory();
  ASSERT_TRUE(store.apply(rich_dataset(), seed()));
  const Dataset expected = normalized(rich_dataset());
  std::vector<std::string> enterprise_ids;
  ASSERT_TRUE(store.scan_enterprises([&](const EnterpriseRecord& e) -> Result<void> {
    enterprise_ids.push_back(e.id);
    return {};
  }));
  EXPECT_EQ(enterprise_ids, (std::vector<std::string>{"bpw", "bpw-sub"}));
  std::size_t observations = 0;
  ASSERT_TRUE(store.scan_observations([&](const ObservationRecord&) -> Result<void> {
    ++observations;
    return {};
  }));
  EXPECT_EQ(observations, expected.observations.size());
  Dataset small = store.load_small_tables().value();
  EXPECT_TRUE(small.enterprises.empty());
  EXPECT_EQ(small.chains, expected.chains);
}

TEST(StoreRoundTrip, ScanStopsAtTheVisitorsError) {
  Store store = open_memory();
  ASSERT_TRUE(store.apply(rich_dataset(), seed()));
  int visited = 0;
  auto scanned = store.scan_observations([&](const ObservationRecord&) -> Result<void> {
    ++visited;
    return fail(ErrorCode::kInvalidValue, "stop");
  });
  ASSERT_FALSE(scanned);
  EXPECT_EQ(scanned.error().message, "stop");
  EXPECT_EQ(visited, 1);
}

TEST(StoreRoundTrip, ReadsOneCommittedStateInsideAReadTransaction) {
  TempDir dir;
  const std::string path = dir.file("atlas.db");
  auto reader = Store::open(path);
  auto writer = Store::open(path);
  ASSERT_TRUE(reader && writer);
  ASSERT_TRUE(writer->apply(rich_dataset(), seed()));
  Dataset delta;
  delta.counties = {{"pingyuan", "441426", {"平远县", ""}, "plan"}};
  std::size_t counties_seen = 0;
  auto read = reader->with_read_transaction([&]() -> Result<void> {
    EXPECT_EQ(reader->data_version().value(), 1);
    EXPECT_TRUE(writer->apply(delta, AuditEvent{"test", "edit"}));  // another connection commits
    EXPECT_EQ(reader->data_version().value(), 1);
    counties_seen = reader->load_small_tables().value().counties.size();
    EXPECT_FALSE(reader->apply(delta, AuditEvent{"test", "edit"}));  // no writes inside
    return {};
  });
  ASSERT_TRUE(read) << read.error().to_string();
  EXPECT_EQ(counties_seen, rich_dataset().counties.size());
  EXPECT_EQ(reader->data_version().value(), 2);
  EXPECT_EQ(reader->load_small_tables().value().counties.size(), rich_dataset().counties.size() + 1);
}

TEST(NormalizeOrder, SortsObservationsByEnterpriseMetricAndPeriod) {
  Dataset d;
  d.observations = {{"b", "m", store_test::year_period(2024), 1, std::nullopt, ""},
                    {"a", "m", store_test::cumulative(2024, 3), 2, std::nullopt, ""},
                    {"a", "m", store_test::year_period(2025), 3, std::nullopt, ""},
                    {"a", "m", store_test::year_period(2024), 4, std::nullopt, ""}};
  normalize_order(d);
  std::vector<std::int64_t> values;
  for (const auto& o : d.observations)
    values.push_back(o.value);
  EXPECT_EQ(values, (std::vector<std::int64_t>{4, 3, 2, 1}));
}

TEST(StoreApply, ReplacesARecordWithTheSameKey) {
  Store store = open_memory();
  ASSERT_TRUE(store.apply(rich_dataset(), seed()));
  Dataset delta;
  EnterpriseRecord bpw = normalized(rich_dataset()).enterprises.front();
  ASSERT_EQ(bpw.id, "bpw");
  bpw.classes = {"axle"};  // lists are replaced whole
  bpw.customers.clear();
  bpw.employees.reset();
  delta.enterprises = {bpw};
  ObservationRecord march = rich_dataset().observations.front();
  march.value = 260'000'000;  // a re-imported figure
  delta.observations = {march};
  auto applied = store.apply(delta, AuditEvent{"test", "import"});
  ASSERT_TRUE(applied) << applied.error().to_string();
  ASSERT_EQ(applied->tables.size(), 2U);
  EXPECT_EQ(applied->tables[0], (TableCounts{"enterprises", 0, 1, 0}));
  EXPECT_EQ(applied->tables[1], (TableCounts{"observations", 0, 1, 0}));
  EXPECT_EQ(applied->data_version, 2);

  Dataset expected = normalized(rich_dataset());
  expected.enterprises.front() = bpw;
  for (auto& o : expected.observations) {
    if (o.enterprise == march.enterprise && o.period == march.period && o.metric == march.metric) o = march;
  }
  EXPECT_TRUE(store_test::same_dataset(store.load().value(), expected));
}

TEST(StoreApply, CountsAnEqualRecordAsUnchangedAndWritesNothing) {
  Store store = open_memory();
  ASSERT_TRUE(store.apply(rich_dataset(), seed()));
  auto again = store.apply(rich_dataset(), seed());
  ASSERT_TRUE(again);
  for (const TableCounts& t : again->tables) {
    EXPECT_EQ(t.inserted + t.updated, 0U) << t.table;
    EXPECT_GT(t.unchanged, 0U) << t.table;
  }
  // Nothing changed: no new data version (a server would rebuild for nothing) and no audit event.
  EXPECT_EQ(again->event_id, 0);
  EXPECT_EQ(again->data_version, 1);
  EXPECT_EQ(store.data_version().value(), 1);
  EXPECT_EQ(store.audit_log(10).value().size(), 1U);
}

TEST(StoreApply, RefusesADateItCouldNotReadBackAndRollsBack) {
  // Year 0 was written as "0000-01-01" and then failed every load ("does not decode").
  Store store = open_memory();
  ASSERT_TRUE(store.apply(rich_dataset(), seed()));
  Dataset delta;
  delta.counties = {{"pingyuan", "441426", {"平远县", ""}, "plan"}};
  delta.plan = normalized(rich_dataset()).plan;
  delta.plan.issued = Date{0, 1, 1, DatePrecision::kDay};
  auto applied = store.apply(delta, AuditEvent{"test", "import"});
  ASSERT_FALSE(applied);
  EXPECT_EQ(applied.error().code, ErrorCode::kInvalidDate);
  EXPECT_EQ(applied.error().field, "plans");
  EXPECT_NE(applied.error().message.find("issued: \"0000-01-01\" is not a date"), std::string::npos)
      << applied.error().message;
  EXPECT_EQ(store.data_version().value(), 1);
  EXPECT_EQ(store.audit_log(10).value().size(), 1U);
  auto loaded = store.load();
  ASSERT_TRUE(loaded) << loaded.error().to_string();
  EXPECT_TRUE(store_test::same_dataset(*loaded, normalized(rich_dataset())));
}

TEST(StoreApply, RollsBackTheWholeApplyWhenOneRecordFails) {
  TempDir dir;
  const std::string path = dir.file("atlas.db");
  auto store = Store::open(path);
  ASSERT_TRUE(store);
  ASSERT_TRUE(store->apply(rich_dataset(), seed()));
  RawDb raw(path);
  const std::int64_t rows_before = store_test::total_rows(raw);

  Dataset delta;
  delta.counties = {{"pingyuan", "441426", {"平远县", ""}, "plan"}};
  EnterpriseRecord fresh;
  fresh.id = "fresh";
  fresh.segment = "trailer";
  fresh.provenance = "sample";
  delta.enterprises = {fresh};
  delta.observations = {{"fresh", "output_value", store_test::year_period(2024), 1, std::nullopt, "s"},
                        {"ghost", "output_value", store_test::year_period(2024), 1, std::nullopt, "s"}};
  auto applied = store->apply(delta, AuditEvent{"test", "import"});
  ASSERT_FALSE(applied);
  EXPECT_EQ(applied.error().code, ErrorCode::kStoreError);
  EXPECT_EQ(applied.error().field, "observations");
  const std::string& message = applied.error().message;
  EXPECT_NE(
      message.find(R"(record ["ghost","output_value","2024"]: it refers to a record that does not exist)"),
      std::string::npos)
      << message;
  EXPECT_NE(message.find("FOREIGN KEY"), std::string::npos) << message;

  EXPECT_EQ(store_test::total_rows(raw), rows_before);
  EXPECT_EQ(store->data_version().value(), 1);
  EXPECT_EQ(store->audit_log(10).value().size(), 1U);
  EXPECT_TRUE(store_test::same_dataset(store->load().value(), normalized(rich_dataset())));
}

TEST(StoreApply, RefusesToDropAChainLinkThatACandidatePointsAt) {
  Store store = open_memory();
  ASSERT_TRUE(store.apply(rich_dataset(), seed()));
  Dataset delta;
  delta.chains = {normalized(rich_dataset()).chains.back()};
  ASSERT_EQ(delta.chains[0].id, "trailer");
  delta.chains[0].links.pop_back();  // "axle", which candidate axle-maker points at
  delta.chains[0].edges.clear();
  auto applied = store.apply(delta, AuditEvent{"test", "edit"});
  ASSERT_FALSE(applied);
  EXPECT_EQ(applied.error().field, "chains");
  EXPECT_EQ(applied.error().message.rfind(R"(record ["meizhou-autoparts-2021-2025","trailer"]: )", 0), 0U)
      << applied.error().message;
  EXPECT_TRUE(store_test::same_dataset(store.load().value(), normalized(rich_dataset())));
}

TEST(StoreApply, ReordersAndRenamesChainLinksInPlace) {
  Store store = open_memory();
  ASSERT_TRUE(store.apply(rich_dataset(), seed()));
  Dataset delta;
  delta.chains = {normalized(rich_dataset()).chains.back()};
  ChainRecord& trailer = delta.chains[0];
  std::swap(trailer.links[0], trailer.links[1]);
  trailer.links[0].name.en = "Axles";
  trailer.links.push_back({"paint", {"涂装", ""}, {}, ""});
  trailer.edges.push_back({"axle", "paint"});
  ASSERT_TRUE(store.apply(delta, AuditEvent{"test", "edit"}));
  EXPECT_EQ(store.load().value().chains.back(), trailer);
}

TEST(StoreApply, ReportsADuplicateChainLink) {
  Store store = open_memory();
  ASSERT_TRUE(store.apply(rich_dataset(), seed()));
  Dataset delta;
  delta.chains = {{"nev", {"三电", ""}, {{"cell", {}, {}, ""}, {"cell", {}, {}, ""}}, {}, "plan"}};
  auto applied = store.apply(delta, AuditEvent{"test", "edit"});
  ASSERT_FALSE(applied);
  EXPECT_EQ(applied.error().code, ErrorCode::kDuplicateKey);
  EXPECT_NE(applied.error().message.find("cell"), std::string::npos) << applied.error().message;
}

TEST(StoreApply, ChecksConstraintsOnValues) {
  Store store = open_memory();
  ASSERT_TRUE(store.apply(rich_dataset(), seed()));
  Dataset delta;
  EnterpriseRecord bad;
  bad.id = "bad";
  bad.credit_code = "123";  // not 18 characters
  delta.enterprises = {bad};
  auto applied = store.apply(delta, AuditEvent{"test", "edit"});
  ASSERT_FALSE(applied);
  EXPECT_EQ(applied.error().field, "enterprises");
  EXPECT_EQ(applied.error().message.rfind("record bad: a value is outside what the table allows (", 0), 0U)
      << applied.error().message;
  EXPECT_NE(applied.error().message.find("CHECK"), std::string::npos) << applied.error().message;
}

TEST(StoreApply, NeedsAnAction) {
  Store store = open_memory();
  auto applied = store.apply(rich_dataset(), AuditEvent{"test", ""});
  ASSERT_FALSE(applied);
  EXPECT_EQ(applied.error().code, ErrorCode::kInvalidArgument);
  EXPECT_TRUE(store.is_empty().value());
}

TEST(StoreApply, RollsBackWhenTheProgressCallbackThrows) {
  Store store = open_memory();
  Dataset big = rich_dataset();
  for (int i = 0; i < 25'000; ++i) {
    big.observations.push_back(
        {"bpw", "employees", store_test::month_period(1000 + i / 12, i % 12 + 1), i, std::nullopt, "sample"});
  }
  std::vector<std::uint64_t> calls;
  auto applied = store.apply(big, seed(), [&](std::string_view, std::uint64_t done) {
    calls.push_back(done);
    if (done >= 2 * kProgressInterval) throw std::runtime_error("cancelled");
  });
  ASSERT_FALSE(applied);
  EXPECT_NE(applied.error().message.find("cancelled"), std::string::npos);
  EXPECT_FALSE(calls.empty());
  EXPECT_TRUE(store.is_empty().value());
  EXPECT_EQ(store.data_version().value(), 0);
}

TEST(StoreApply, LeavesThePlanAloneWhenTheDeltaHasNone) {
  Store store = open_memory();
  ASSERT_TRUE(store.apply(rich_dataset(), seed()));
  Dataset delta;
  delta.metrics = {{"revenue", {"营业收入", "Revenue"}, MetricUnit::kYuan, "stats: A2"}};
  auto applied = store.apply(delta, AuditEvent{"test", "edit"});
  ASSERT_TRUE(applied);
  ASSERT_EQ(applied->tables.size(), 1U);
  EXPECT_EQ(store.load().value().plan, rich_dataset().plan);
}

}  // namespace
}  // namespace atlas
