// A small hand-built dataset for the query tests (unit tests and golden files). Test-only: no
// .cpp in the library includes it. The expected values in tests/golden/query/*.txt rest on it,
// so a change here is a change of those files.
#pragma once

#include <cmath>
#include <memory>
#include <string>

#include "model/snapshot.hpp"
#include "model/units.hpp"

namespace atlas::query::testing {

inline Period year_period(int y) {
  return {PeriodKind::kYear, month_index(y, 1), month_index(y, 12)};
}
inline Period months_to(int y, int last) {
  return {PeriodKind::kCumulative, month_index(y, 1), month_index(y, last)};
}
inline Period one_month(int y, int m) {
  return {PeriodKind::kMonth, month_index(y, m), month_index(y, m)};
}
inline std::int64_t yi(double v) {
  return std::llround(v * 100) * (kYi / 100);
}
inline Date day(int y, int m, int d) {
  return {static_cast<std::int16_t>(y), static_cast<std::uint8_t>(m), static_cast<std::uint8_t>(d),
          DatePrecision::kDay};
}
inline Date month(int y, int m) {
  return {static_cast<std::int16_t>(y), static_cast<std::uint8_t>(m), 0, DatePrecision::kMonth};
}
inline Date year(int y) {
  return {static_cast<std::int16_t>(y), 0, 0, DatePrecision::kYear};
}

inline EnterpriseRecord enterprise(std::string id, std::string county, std::string zone, std::string segment,
                                   std::optional<bool> above_size, std::optional<bool> high_tech,
                                   std::vector<std::string> classes, std::string provenance) {
  EnterpriseRecord e;
  e.id = std::move(id);
  e.name = {e.id + "-zh", e.id + "-en"};
  e.county = std::move(county);
  e.zone = std::move(zone);
  e.segment = std::move(segment);
  e.above_size = above_size;
  e.high_tech = high_tech;
  e.classes = std::move(classes);
  e.provenance = std::move(provenance);
  return e;
}

inline ProjectRecord project(std::string id, std::string type, std::string sponsor, std::string zone,
                             std::string county, std::optional<std::int64_t> expected_output,
                             std::string provenance) {
  ProjectRecord p;
  p.id = std::move(id);
  p.name = {p.id, ""};
  p.type = std::move(type);
  p.sponsor = std::move(sponsor);
  p.zone = std::move(zone);
  p.county = std::move(county);
  p.expected_output = expected_output;
  p.provenance = std::move(provenance);
  return p;
}

inline MilestoneRecord milestone(std::string project, MilestoneKind kind, std::optional<Date> actual,
                                 std::string provenance = "plan §5") {
  return {std::move(project), kind, std::nullopt, actual, "", std::move(provenance), ""};
}

inline CarrierRecord carrier(std::string id, std::string kind, CarrierLevel level, std::string enterprise,
                             std::optional<Date> recognized, std::string provenance = "public: report") {
  return {std::move(id),         {"", ""},   std::move(kind),      level,
          std::move(enterprise), recognized, std::move(provenance)};
}

inline void add_reference_tables(Dataset& d) {
  d.counties = {{"meijiang", "441402", {"梅江区", ""}, "plan §6"},
                {"meixian", "441403", {"梅县区", ""}, "plan §6"},
                {"xingning", "441481", {"兴宁市", ""}, "plan §6"}};
  d.zones = {{"gac-park", {"广汽零部件产业园", ""}, "core-park", {"meijiang"}, "", "plan §6(1)"},
             {"gac-park-east", {"东区", ""}, "base", {"meijiang"}, "gac-park", "sample"},
             {"meixian-trailer-belt", {"梅县挂车带", ""}, "base", {"meixian"}, "", "plan §6(1)"}};
  d.taxonomy = {{"chassis", TaxonomyLevel::kCategory, "", {"底盘系统", ""}, 146, {}, "plan §1"},
                {"chassis-running", TaxonomyLevel::kSubsystem, "chassis", {"行走", ""}, {}, {}, "plan §1"},
                {"axle", TaxonomyLevel::kClass, "chassis-running", {"车轴", ""}, {}, {}, "plan §1"},
                {"suspension", TaxonomyLevel::kClass, "chassis-running", {"悬架", ""}, {}, {}, "plan §1"},
                {"electrical", TaxonomyLevel::kCategory, "", {"电气", ""}, 80, {}, "plan §1"},
                {"battery-system", TaxonomyLevel::kSubsystem, "electrical", {"电池", ""}, {}, {}, "plan §1"},
                {"battery-pack", TaxonomyLevel::kClass, "battery-system", {"电池包", ""}, {}, {}, "plan §1"}};
  d.metrics = {{"output_value", {"工业总产值", ""}, MetricUnit::kYuan, "plan §3"},
               {"employees", {"从业人员", ""}, MetricUnit::kCount, "plan §3"}};
}

inline void add_enterprises(Dataset& d) {
  d.enterprises = {
      enterprise("bpw", "meixian", "meixian-trailer-belt", "trailer", true, true, {"axle"}, "plan §3"),
      enterprise("gac-parts", "meijiang", "gac-park", "passenger", true, false, {"suspension"}, "plan §3"),
      enterprise("nev-pack", "meijiang", "gac-park-east", "nev", true, true, {"battery-pack"}, "public: x"),
      enterprise("small-nev", "xingning", "", "nev", false, std::nullopt, {"battery-pack"}, "sample"),
      enterprise("bpw-trading", "meixian", "", "general", std::nullopt, std::nullopt, {}, "plan §3"),
  };
  d.enterprises[4].group = "bpw";
  d.enterprises[0].name = {"BPW（梅州）车轴有限公司", "BPW Meizhou Axle"};
  const std::string ov = "output_value";
  d.observations = {
      {"bpw", ov, year_period(2024), yi(12), std::nullopt, "stats: t1"},
      {"bpw", ov, months_to(2025, 2), yi(2), std::nullopt, "stats: t1"},
      {"bpw", ov, months_to(2025, 9), yi(9), std::nullopt, "stats: t1"},
      {"gac-parts", ov, year_period(2024), yi(3), std::nullopt, "stats: t1"},
      {"gac-parts", ov, months_to(2025, 6), yi(2), std::nullopt, "stats: t1"},
      {"gac-parts", ov, months_to(2025, 9), yi(3.5), std::nullopt, "stats: t1"},
      {"nev-pack", ov, year_period(2024), yi(20), std::nullopt, "stats: t1"},
      {"nev-pack", ov, months_to(2025, 6), yi(9), std::nullopt, "stats: t1"},
      {"nev-pack", ov, months_to(2025, 9), yi(15), day(2025, 12, 1), "stats: late"},
      {"small-nev", ov, months_to(2025, 9), yi(0.5), std::nullopt, "sample"},
      {"bpw-trading", ov, year_period(2024), yi(0.8), std::nullopt, "stats: t1"},
      {"bpw", "employees", one_month(2025, 9), 800, std::nullopt, "stats: t2"},
      {"gac-parts", "employees", one_month(2025, 9), 300, std::nullopt, "stats: t2"},
  };
}

inline void add_projects(Dataset& d) {
  const std::string kExpansion = "expansion", kAttraction = "attraction", kRetrofit = "retrofit";
  d.projects = {
      project("bpw-phase8", kExpansion, "bpw", "meixian-trailer-belt", "meixian", yi(5), "plan §5(1)"),
      project("gac-engine", kAttraction, "gac-parts", "gac-park", "meijiang", yi(12), "plan §5(3)"),
      project("nev-line", kAttraction, "nev-pack", "gac-park-east", "meijiang", yi(10), "public: news"),
      project("sample-line", kRetrofit, "", "gac-park", "", yi(1), "sample"),
      project("xingning-plant", kExpansion, "", "", "xingning", std::nullopt, "plan §5(2)")};
  d.projects[0].investment = yi(2);
  using enum MilestoneKind;
  d.milestones = {milestone("bpw-phase8", kSigned, month(2021, 3)),
                  milestone("bpw-phase8", kStarted, day(2021, 6, 15)),
                  milestone("bpw-phase8", kCommissioned, year(2023)),
                  milestone("gac-engine", kSigned, day(2022, 5, 10)),
                  milestone("gac-engine", kCommissioned, std::nullopt),
                  milestone("nev-line", kSigned, day(2025, 11, 20)),
                  milestone("sample-line", kSigned, day(2020, 12, 1), "sample"),
                  milestone("xingning-plant", kSigned, day(2024, 2, 1), "sample: guessed")};
}

inline void add_other_tables(Dataset& d) {
  // Figures stated about regions (figure(METRIC) of "SUBJECT").
  using enum FactQualifier;
  d.facts = {{"cn-output-2024", "region:china", "output_value", "2024", "4万亿", "yuan", kAbout, "", "",
              "plan §2", ""},
             {"gd-output-2025q3", "region:guangdong", "output_value", "2025-01~09", "2613.70亿", "yuan",
              kExact, "", "", "plan §2", ""},
             {"gd-output-2024", "region:guangdong", "output_value", "2024", "3500亿", "yuan", kExact, "", "",
              "sample", ""},
             {"gd-share-2025q3", "region:guangdong", "share_of_auto_output", "2025-01~09", "45.9", "percent",
              kExact, "", "", "plan §2", ""},
             {"gd-chargers-2025", "region:guangdong", "charging_points", "2025", "80万", "count", kOver, "",
              "", "public: a", ""}};
  using enum CarrierLevel;
  d.carriers = {carrier("bpw-erc", "engineering-center", kProvincial, "bpw", month(2022, 8)),
                carrier("nev-mic", "manufacturing-innovation-center", kNational, "nev-pack", year(2024)),
                carrier("gac-tech", "enterprise-tech-center", kMunicipal, "gac-parts", day(2019, 5, 1)),
                carrier("park-mic", "manufacturing-innovation-center", kProvincial, "", day(2025, 10, 15)),
                carrier("sample-rd", "rd-center", kProvincial, "small-nev", year(2023), "sample")};
  d.supplier_entries = {{"s-faw-axle", "bpw", "axle", "faw", 1, month(2021, 9), "public: a"},
                        {"s-gac-susp", "gac-parts", "suspension", "gac", 2, day(2023, 1, 5), "public: b"},
                        {"s-byd-pack", "nev-pack", "battery-pack", "byd", 1, month(2020, 6), "public: c"},
                        {"s-byd-small", "small-nev", "battery-pack", "byd", 2, year(2024), "sample"}};
  d.chains = {{"trailer",
               {"挂车", ""},
               {{"castings", {"", ""}, {}, ""}, {"axle-link", {"", ""}, {"axle"}, ""}},
               {},
               "plan §6"},
              {"nev", {"新能源", ""}, {{"cells", {"", ""}, {"battery-pack"}, ""}}, {}, "plan §6"}};
  d.candidates = {
      {"cand-cells", {"", ""}, "three-electric", "nev", "cells", "guangdong", "sample", {}, {}, {}},
      {"cand-cast", {"", ""}, "parts", "trailer", "castings", "shandong", "plan §6", {}, {}, {}}};
}

/// The query tests' dataset: 5 enterprises (one sample), output_value for 2024 and 2025-01~09
/// (one late-published figure), 5 projects, 5 carriers, 4 supplier entries, 2 candidates.
inline Dataset query_test_dataset() {
  Dataset d;
  add_reference_tables(d);
  add_enterprises(d);
  add_projects(d);
  add_other_tables(d);
  return d;
}

/// The dataset's Snapshot; aborts the test binary if it does not build (a broken fixture).
inline std::shared_ptr<const Snapshot> query_test_snapshot() {
  auto built = Snapshot::build(query_test_dataset());
  if (!built) std::abort();
  return *built;
}

}  // namespace atlas::query::testing
