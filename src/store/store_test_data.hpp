// Test helpers for the store tests: a rich hand-built Dataset, temp directories, raw SQLite access.
#pragma once

#include <chrono>
#include <filesystem>
#include <string>

#include <gtest/gtest.h>
#include <sqlite3.h>
#include <stdlib.h>

#include "model/records.hpp"
#include "store/internal/tables.hpp"
#include "store/store.hpp"

namespace atlas::store_test {

inline Date day(int y, int m, int d) {
  return Date{static_cast<std::int16_t>(y), static_cast<std::uint8_t>(m), static_cast<std::uint8_t>(d),
              DatePrecision::kDay};
}
inline Date month(int y, int m) {
  return Date{static_cast<std::int16_t>(y), static_cast<std::uint8_t>(m), 0, DatePrecision::kMonth};
}
inline Date year(int y) {
  return Date{static_cast<std::int16_t>(y), 0, 0, DatePrecision::kYear};
}

inline Period year_period(int y) {
  return Period{PeriodKind::kYear, month_index(y, 1), month_index(y, 12)};
}
inline Period month_period(int y, int m) {
  return Period{PeriodKind::kMonth, month_index(y, m), month_index(y, m)};
}
inline Period cumulative(int y, int last) {
  return Period{PeriodKind::kCumulative, month_index(y, 1), month_index(y, last)};
}

/// A fixed clock for stable audit times: 2025-10-31T08:00:00Z.
inline StoreOptions fixed_clock() {
  StoreOptions options;
  options.clock = [] {
    return std::chrono::sys_days{std::chrono::year{2025} / 10 / 31} + std::chrono::hours{8};
  };
  return options;
}

inline void add_reference_tables(Dataset& d) {
  d.plan = PlanInfo{"meizhou-autoparts-2021-2025",
                    {"梅州市汽车零部件产业集群发展规划", "Meizhou auto parts plan"},
                    "梅市府办〔2021〕14号",
                    day(2021, 7, 2),
                    2021,
                    2025,
                    {"meixian", "xingning"},
                    true,
                    "revenue",
                    R"({"type":"FeatureCollection","features":[]})",
                    "DataV GeoAtlas",
                    "GS(2024)1234",
                    ChainRules{.basis = MakerBasis::kAboveSize,
                               .min_makers = 3,
                               .anchor_output = 1'000'000'000,
                               .anchors = {"bpw"},
                               .min_local_supply = 600'000,
                               .min_location_quotient = 1'500'000,
                               .reference = "gd-parts-output",
                               .provenance = "design: test rules"},
                    AttractionRules{.regions = {"Fujian", "Shandong"},
                                    .weight_gap = 3'000'000,
                                    .weight_ties = 0,
                                    .weight_scale = 500'000,
                                    .weight_region = 1'000'000,
                                    .weight_named = 2'000'000,
                                    .provenance = "design: test weights"},
                    ForecastRules{.shrinkage = 2'500'000,
                                  .ramp_months = 18,
                                  .cancellation = 150'000,
                                  .correlation = 400'000,
                                  .provenance = "design: test assumptions"}};
  d.plan_members = {{MemberKind::kCarrier, "alliance"}, {MemberKind::kEnterprise, "bpw"}};
  // Out of order (kind, position), one without provenance.
  d.terms = {{VocabularyKind::kZoneKind, "base", {"基地", "Base"}, "plan §6", 1},
             {VocabularyKind::kSegment, "trailer", {"挂车零部件", "Trailer parts"}, "plan §4", 0},
             {VocabularyKind::kZoneKind, "core-park", {"核心园区", ""}, "", 0},
             {VocabularyKind::kCandidateKind, "oem", {"整车企业", "OEM"}, "sample", 0}};
  d.counties = {{"xingning", "441481", {"兴宁市", ""}, "plan §6"},
                {"meixian", "441403", {"梅县区", "Meixian"}, "plan §6"},
                {"meijiang", "441402", {"梅江区", "Meijiang"}, "sample"}};
  // Children listed before their parents: apply() must still write parents first.
  d.taxonomy = {
      {"axle",
       TaxonomyLevel::kClass,
       "axle-sys",
       {"车桥", "Axle"},
       std::nullopt,
       {"8708.50", "8708.99"},
       "plan"},
      {"axle-sys", TaxonomyLevel::kSubsystem, "chassis", {"车桥系统", ""}, std::nullopt, {}, "plan"},
      {"chassis", TaxonomyLevel::kCategory, "", {"底盘", "Chassis"}, 120, {}, "plan §2"},
      {"brake-disc",
       TaxonomyLevel::kClass,
       "axle-sys",
       {"制动盘", "Brake disc"},
       std::nullopt,
       {"8708.30"},
       "plan"},
      {"electrical", TaxonomyLevel::kCategory, "", {"电子电器", ""}, 0, {}, "plan §2"}};
  d.metrics = {{"output_value", {"工业总产值", "Output value"}, MetricUnit::kYuan, "stats: A1"},
               {"employees", {"从业人员", "Employees"}, MetricUnit::kCount, "stats: A1"},
               {"energy", {"综合能耗", ""}, MetricUnit::kTce, "sample"}};
  d.zones = {{"trailer-belt",
              {"挂车产业带", "Trailer belt"},
              "base",
              {"meixian", "xingning"},
              "gac-park",
              "plan §6(1)"},
             {"gac-park", {"广汽产业园", "GAC park"}, "core-park", {"meijiang"}, "", "plan §6(1)"},
             {"rd-zone", {"研发区", ""}, "functional-zone", {}, "", "plan §6(2)"}};
}

inline void add_enterprises(Dataset& d) {
  EnterpriseRecord sub;  // every optional unset, every list empty, awkward text
  sub.id = "bpw-sub";
  sub.name = {"子公司 \"引号\" \\ 反斜杠\n换行\t制表", ""};
  sub.segment = "general";
  sub.group = "bpw";  // a child before its parent
  sub.provenance = "sample: note";
  sub.outside = true;
  sub.aliases = {"子公司", "Sub", "子公司"};
  sub.aliases_provenance = "public: news";
  EnterpriseRecord bpw;
  bpw.id = "bpw";
  bpw.credit_code = "91441403MA51234567";
  bpw.name = {"广东富华机械装备制造有限公司", "BPW (Meizhou)"};
  bpw.county = "meixian";
  bpw.zone = "trailer-belt";
  bpw.segment = "trailer";
  bpw.above_size = true;
  bpw.high_tech = false;
  bpw.classes = {"axle", "brake-disc"};
  bpw.processes = {"casting", "machining", "casting"};
  bpw.certifications = {"IATF 16949"};
  bpw.customers = {"CIMC", "中集"};
  bpw.employees = 1200;
  bpw.provenance = "public: annual report";
  bpw.above_size_provenance = "plan §3(1)1";
  d.enterprises = {sub, bpw};
  d.observations = {
      {"bpw", "output_value", month_period(2025, 3), 250'000'000, day(2025, 4, 20), "stats: A1"},
      {"bpw", "output_value", year_period(2020), 2'719'000'000, std::nullopt, "plan §3"},
      {"bpw", "output_value", cumulative(2025, 9), 9'000'000'000'000'000'000, month(2025, 10), "stats: A1"},
      {"bpw-sub", "employees", year_period(2024), 0, year(2025), "sample"},
      {"bpw", "energy", cumulative(2025, 2), -5, std::nullopt, "sample"}};
}

inline void add_projects_and_chains(Dataset& d) {
  d.facts = {
      {"output-2020", "cluster", "output_value", "2020", "27.19亿", "yuan", FactQualifier::kAbout,
       "约27.19亿元", "the whole cluster", "plan §3(1)1", "全集群"},
      {"rank", "gac-park", "rank", "2020Q1-Q3", "3", "", FactQualifier::kExact, "", "", "public: news", ""}};
  d.projects = {{"bpw-phase8",
                 {"富华八期", "BPW phase 8"},
                 "expansion",
                 "bpw",
                 "trailer-belt",
                 "meixian",
                 std::nullopt,
                 500'000'000,
                 {"axle"},
                 "26.5万根车轴",
                 "扩产",
                 "plan §5(1)"},
                {"gac-attract",
                 {"招商项目", ""},
                 "attraction",
                 "",
                 "",
                 "",
                 1'000'000'000,
                 std::nullopt,
                 {},
                 "",
                 "",
                 "plan §5(3)"}};
  d.milestones = {
      {"bpw-phase8", MilestoneKind::kSigned, year(2021), month(2021, 7), "", "public: news", ""},
      {"bpw-phase8", MilestoneKind::kStarted, day(2022, 3, 1), std::nullopt, "", "plan", ""},
      {"bpw-phase8", MilestoneKind::kPhase, std::nullopt, std::nullopt, "phase 2", "plan", "二期"},
      {"bpw-phase8", MilestoneKind::kPhase, std::nullopt, day(2023, 1, 31), "phase 1", "plan", ""}};
  d.chains = {{"trailer",
               {"挂车产业链", "Trailer chain"},
               {{"castings", {"铸件", "Castings"}, {"brake-disc"}, "gd-castings-output"},
                {"axle", {"车桥", ""}, {"axle", "brake-disc"}, ""}},
               {{"castings", "axle"}},
               "plan §6(2)"},
              {"nev", {"新能源三电", ""}, {}, {}, "plan §6(3)"}};
  d.carriers = {{"bpw-center",
                 {"富华工程中心", ""},
                 "engineering-center",
                 CarrierLevel::kNational,
                 "bpw",
                 day(2021, 5, 1),
                 "plan"},
                {"alliance",
                 {"产业联盟", "Alliance"},
                 "innovation-alliance",
                 CarrierLevel::kMunicipal,
                 "",
                 std::nullopt,
                 "sample"}};
  d.supplier_entries = {{"bpw-cimc", "bpw", "axle", "CIMC", 1, year(2022), "public: news"},
                        {"sub-gac", "bpw-sub", "", "GAC", 2, std::nullopt, "sample"}};
  d.supply_edges = {{"bpw-sub", "bpw", "axle", month(2021, 3), "sample: atlas gen seed 1"},
                    {"bpw", "bpw-sub", "", std::nullopt, "statistics: survey"},
                    {"bpw-sub", "bpw", "", day(2020, 1, 2), "public: news"}};
  d.candidates = {
      {"catl",
       {"宁德时代", "CATL"},
       "three-electric",
       "nev",
       "",
       "Fujian",
       "sample",
       {"axle", "brake-disc"},
       400'000'000'000,
       {"bpw", "bpw-sub"}},
      {"axle-maker", {"车桥厂", ""}, "parts", "trailer", "axle", "Shandong", "sample", {}, std::nullopt, {}},
      {"oem-x", {"整车厂", ""}, "oem", "", "", "", "sample", {}, 0, {}}};
  d.targets = {{"total-output",
                {"汽车零部件工业总产值", "Total output"},
                "sum(output_value) in 2025",
                ">= 100亿",
                2025,
                1,
                TargetUnit::kYuan,
                "力争达到100亿元以上",
                BaselineRecord{"2020", "27.19亿", "27.19亿元", "plan §3(1)1"},
                "plan §4",
                ""},
               {"carriers",
                {"创新载体", ""},
                "count(carriers) in 2025",
                ">= 5",
                2025,
                0,
                TargetUnit::kCount,
                "",
                std::nullopt,
                "plan §4",
                "carrier"},
               {"empty-baseline",
                {"空基线", ""},
                "count(enterprises)",
                ">= 1",
                2023,
                2,
                TargetUnit::kCount,
                "",
                BaselineRecord{},
                "sample",
                ""}};
  // A declared unit with scales in both languages, and one with none (the carriers target's).
  d.units = {{"vehicle",
              TargetUnit::kCount,
              {"辆", "vehicle | vehicles"},
              {{10'000, {"万辆", ""}}, {1'000'000, {"", "million vehicles"}}},
              "sample",
              1},
             {"carrier", TargetUnit::kCount, {"个", "carriers"}, {}, "plan §7", 0}};
}

/// A dataset that fills every table and sets and unsets every optional field, in no key order.
inline Dataset rich_dataset() {
  Dataset d;
  add_reference_tables(d);
  add_enterprises(d);
  add_projects_and_chains(d);
  return d;
}

inline Dataset normalized(Dataset d) {
  normalize_order(d);
  return d;
}

/// The first record that differs between two vectors, as JSON, or "" when they are equal.
template <class R>
std::string first_difference(const char* table, const std::vector<R>& actual,
                             const std::vector<R>& expected) {
  using store_internal::to_json;
  if (actual == expected) return "";
  for (std::size_t i = 0; i < std::min(actual.size(), expected.size()); ++i) {
    if (!(actual[i] == expected[i])) {
      return std::string(table) + "[" + std::to_string(i) + "]:\n  actual   " + to_json(actual[i]) +
             "\n  expected " + to_json(expected[i]);
    }
  }
  return std::string(table) + ": " + std::to_string(actual.size()) + " records, expected " +
         std::to_string(expected.size());
}

/// Dataset equality that names the first differing record instead of dumping bytes.
inline testing::AssertionResult same_dataset(const Dataset& actual, const Dataset& expected) {
  if (actual == expected) return testing::AssertionSuccess();
  if (!(actual.plan == expected.plan)) {
    return testing::AssertionFailure() << "plan:\n  actual   " << store_internal::to_json(actual.plan)
                                       << "\n  expected " << store_internal::to_json(expected.plan);
  }
  for (const std::string& difference :
       {first_difference("counties", actual.counties, expected.counties),
        first_difference("taxonomy", actual.taxonomy, expected.taxonomy),
        first_difference("metrics", actual.metrics, expected.metrics),
        first_difference("zones", actual.zones, expected.zones),
        first_difference("enterprises", actual.enterprises, expected.enterprises),
        first_difference("observations", actual.observations, expected.observations),
        first_difference("facts", actual.facts, expected.facts),
        first_difference("projects", actual.projects, expected.projects),
        first_difference("milestones", actual.milestones, expected.milestones),
        first_difference("chains", actual.chains, expected.chains),
        first_difference("carriers", actual.carriers, expected.carriers),
        first_difference("supplier_entries", actual.supplier_entries, expected.supplier_entries),
        first_difference("candidates", actual.candidates, expected.candidates),
        first_difference("targets", actual.targets, expected.targets),
        first_difference("supply_edges", actual.supply_edges, expected.supply_edges),
        first_difference("plan_terms", actual.terms, expected.terms),
        first_difference("plan_units", actual.units, expected.units)}) {
    if (!difference.empty()) return testing::AssertionFailure() << difference;
  }
  return testing::AssertionFailure() << "datasets differ";
}

/// A fresh directory under the system temp dir, removed with everything in it at the end.
class TempDir {
 public:
  TempDir() {
    std::string pattern = (std::filesystem::temp_directory_path() / "atlas-store-XXXXXX").string();
    if (mkdtemp(pattern.data()) != nullptr) path_ = pattern;
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  ~TempDir() {
    std::error_code ignored;
    if (!path_.empty()) std::filesystem::remove_all(path_, ignored);
  }
  [[nodiscard]] std::string file(const std::string& name) const { return (path_ / name).string(); }

 private:
  std::filesystem::path path_;
};

/// A second, raw connection to a database file, for looking behind the Store's back.
class RawDb {
 public:
  explicit RawDb(const std::string& path) { sqlite3_open(path.c_str(), &db_); }
  RawDb(const RawDb&) = delete;
  RawDb& operator=(const RawDb&) = delete;
  ~RawDb() { sqlite3_close(db_); }

  /// The first column of the first row as an integer (-1 on error).
  std::int64_t count(const std::string& sql) { return first_column(sql).second; }
  /// The first column of the first row as text, or the error message.
  std::string text(const std::string& sql) { return first_column(sql).first; }
  /// Runs a statement; returns "" on success or SQLite's error message.
  std::string exec(const std::string& sql) {
    char* message = nullptr;
    if (sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &message) == SQLITE_OK) return "";
    std::string error = message != nullptr ? message : "error";
    sqlite3_free(message);
    return error;
  }

 private:
  std::pair<std::string, std::int64_t> first_column(const std::string& sql) {
    sqlite3_stmt* stmt = nullptr;
    if (sqlite3_prepare_v2(db_, sql.c_str(), -1, &stmt, nullptr) != SQLITE_OK)
      return {sqlite3_errmsg(db_), -1};
    std::pair<std::string, std::int64_t> result{"", -1};
    if (sqlite3_step(stmt) == SQLITE_ROW) {
      const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0));
      result = {text != nullptr ? text : "", sqlite3_column_int64(stmt, 0)};
    } else {
      result = {sqlite3_errmsg(db_), -1};
    }
    sqlite3_finalize(stmt);
    return result;
  }
  sqlite3* db_ = nullptr;
};

/// Rows in every dataset and audit table, for before/after comparisons.
inline std::int64_t total_rows(RawDb& db) {
  std::int64_t total = 0;
  for (const char* table : {"plan",
                            "counties",
                            "taxonomy",
                            "taxonomy_hs",
                            "metrics",
                            "zones",
                            "zone_counties",
                            "enterprises",
                            "enterprise_classes",
                            "enterprise_processes",
                            "enterprise_certifications",
                            "enterprise_customers",
                            "enterprise_aliases",
                            "observations",
                            "facts",
                            "projects",
                            "project_products",
                            "milestones",
                            "chains",
                            "chain_links",
                            "chain_link_classes",
                            "chain_edges",
                            "carriers",
                            "supplier_entries",
                            "candidates",
                            "targets",
                            "supply_edges",
                            "audit_events",
                            "audit_changes"}) {
    total += db.count(std::string("SELECT count(*) FROM ") + table);
  }
  return total;
}

}  // namespace atlas::store_test
