// counties.csv, taxonomy.csv, metrics.csv: the reference tables other records point at.
#include <algorithm>
#include <array>

#include "io/internal/csv_table.hpp"
#include "io/internal/tables.hpp"

namespace atlas::io::internal {
namespace {

namespace county {
constexpr std::size_t kId = 0, kAdcode = 1, kNameZh = 2, kNameEn = 3, kProvenance = 4;
constexpr std::array<ColumnSpec, 5> kSchema = {{
    {"id", true},
    {"adcode", true},
    {"name_zh", true},
    {"name_en", false},
    {"provenance", true},
}};
}  // namespace county

namespace taxon {
constexpr std::size_t kCode = 0, kLevel = 1, kParent = 2, kNameZh = 3, kNameEn = 4, kClassCount = 5, kHs = 6,
                      kProvenance = 7;
constexpr std::array<ColumnSpec, 8> kSchema = {{
    {"code", true},
    {"level", true},
    {"parent", false},
    {"name_zh", true},
    {"name_en", false},
    {"class_count", false},
    {"hs", false},
    {"provenance", true},
}};
constexpr std::array<std::string_view, 3> kLevels = {"category", "subsystem", "class"};
}  // namespace taxon

namespace metric {
constexpr std::size_t kId = 0, kNameZh = 1, kNameEn = 2, kUnit = 3, kProvenance = 4;
constexpr std::array<ColumnSpec, 5> kSchema = {{
    {"id", true},
    {"name_zh", true},
    {"name_en", false},
    {"unit", true},
    {"provenance", true},
}};
constexpr std::array<std::string_view, 3> kUnits = {"yuan", "count", "tce"};
}  // namespace metric

void parse_county(Cells& cells, CountyRecord& r) {
  using namespace county;
  r.id = cells.slug(kId);
  r.adcode = cells.text(kAdcode);
  const bool six_digits =
      r.adcode.size() == 6 && std::ranges::all_of(r.adcode, [](char c) { return c >= '0' && c <= '9'; });
  if (!r.adcode.empty() && !six_digits) {
    cells.fail(kAdcode, ErrorCode::kInvalidValue, "'" + r.adcode + "' is not a 6-digit administrative code");
  }
  r.name.zh = cells.text(kNameZh);
  r.name.en = cells.text(kNameEn);
  r.provenance = cells.text(kProvenance);
}

void parse_taxon(Cells& cells, TaxonomyRecord& r) {
  using namespace taxon;
  r.code = cells.code(kCode);
  r.level = cells.choice(kLevel, parse_taxonomy_level, kLevels, TaxonomyLevel::kClass);
  r.parent = cells.code(kParent);
  r.name.zh = cells.text(kNameZh);
  r.name.en = cells.text(kNameEn);
  r.class_count = cells.count(kClassCount);
  r.hs = cells.list(kHs);
  r.provenance = cells.text(kProvenance);
}

void parse_metric(Cells& cells, MetricRecord& r) {
  using namespace metric;
  r.id = cells.code(kId);
  r.name.zh = cells.text(kNameZh);
  r.name.en = cells.text(kNameEn);
  r.unit = cells.choice(kUnit, parse_metric_unit, kUnits, MetricUnit::kYuan);
  r.provenance = cells.text(kProvenance);
}

}  // namespace

void read_counties(Workspace& ws, std::uint32_t source, std::string_view bytes) {
  read_csv_table(ws, TableKind::kCounties, source, bytes, county::kSchema, ws.counties, parse_county);
}

void read_taxonomy(Workspace& ws, std::uint32_t source, std::string_view bytes) {
  read_csv_table(ws, TableKind::kTaxonomy, source, bytes, taxon::kSchema, ws.taxonomy, parse_taxon);
}

void read_metrics(Workspace& ws, std::uint32_t source, std::string_view bytes) {
  read_csv_table(ws, TableKind::kMetrics, source, bytes, metric::kSchema, ws.metrics, parse_metric);
}

void write_counties(const Dataset& data, CsvWriter& w) {
  write_header(county::kSchema, w);
  for (const CountyRecord& r : data.counties) {
    w.field(r.id);
    w.field(r.adcode);
    w.field(r.name.zh);
    w.field(r.name.en);
    w.field(r.provenance);
    w.end_row();
  }
}

void write_taxonomy(const Dataset& data, CsvWriter& w) {
  write_header(taxon::kSchema, w);
  for (const TaxonomyRecord& r : data.taxonomy) {
    w.field(r.code);
    w.field(to_string(r.level));
    w.field(r.parent);
    w.field(r.name.zh);
    w.field(r.name.en);
    w.field(count_text(r.class_count));
    w.field(join_list(r.hs));
    w.field(r.provenance);
    w.end_row();
  }
}

void write_metrics(const Dataset& data, CsvWriter& w) {
  write_header(metric::kSchema, w);
  for (const MetricRecord& r : data.metrics) {
    w.field(r.id);
    w.field(r.name.zh);
    w.field(r.name.en);
    w.field(to_string(r.unit));
    w.field(r.provenance);
    w.end_row();
  }
}

}  // namespace atlas::io::internal
