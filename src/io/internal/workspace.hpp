// What a read accumulates before it is validated: records with where each came from, and issues.
#pragma once

#include <array>
#include <cstdint>
#include <functional>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/error.hpp"
#include "model/records.hpp"

namespace atlas::io::internal {

/// Every kind of record a dataset holds, in reading order (metrics before observations).
enum class TableKind : std::uint8_t {
  kPlan,
  kTerms,  // the plan's vocabularies ([[segment]], [[zone_kind]] …)
  kUnits,  // the plan's units ([[unit]])
  kZones,
  kTargets,
  kProjects,
  kChains,
  kCounties,
  kTaxonomy,
  kMetrics,
  kEnterprises,
  kObservations,
  kFacts,
  kMilestones,
  kCarriers,
  kSupplierEntries,
  kCandidates,
  kSupplyEdges,
  kMap,  // a plan's boundary map (`*.geojson`), read after its plan file
};
inline constexpr std::size_t kTableKinds = 19;

/// Name of a table in messages and RejectedRow::table ("zone", "enterprises" …).
[[nodiscard]] std::string_view table_name(TableKind kind);

/// One input file: its name and, for a CSV table, the header (column names by position).
struct Source {
  std::string file;
  std::vector<std::string> columns;
};

/// Where a key of a TOML record sits (CSV rows need none: the header gives the column).
struct FieldPos {
  std::string field;  // "sponsor", "link.2.classes"
  std::uint32_t line = 0;
  std::uint32_t column = 0;
};

struct RowOrigin {
  std::uint32_t source = 0;  // index into Workspace::sources
  std::uint32_t line = 0;
  std::uint32_t column = 0;
};

/// Records of one table in reading order, with parallel origins. `dropped` rows take no further
/// part (kSkipInvalid); rows that failed to parse stay, so references to their keys still resolve.
template <class R>
struct Table {
  std::vector<R> rows;
  std::vector<RowOrigin> origins;
  std::vector<std::vector<FieldPos>> fields;  // TOML tables only
  std::vector<std::uint8_t> dropped;

  [[nodiscard]] std::size_t size() const { return rows.size(); }
  [[nodiscard]] bool live(std::size_t i) const { return dropped[i] == 0; }
};

enum class IssueScope : std::uint8_t {
  kFile,    // the whole file is unusable (header, TOML syntax, unreadable): fatal in every mode
  kLine,    // a CSV line that gave no record (malformed quoting, wrong field count)
  kRecord,  // a record: `row` indexes its table
};

struct Issue {
  TableKind table = TableKind::kPlan;
  IssueScope scope = IssueScope::kRecord;
  std::uint32_t row = 0;
  std::uint32_t source = 0;
  Error error;
};

inline constexpr std::uint32_t kNoSource = std::numeric_limits<std::uint32_t>::max();

/// Everything read so far. Not thread-safe.
struct Workspace {
  std::vector<Source> sources;
  /// ReadOptions::check_indicator, for the plan reader.
  std::function<std::optional<Error>(std::string_view)> check_indicator;
  std::array<bool, kTableKinds> read{};  // which tables some input provided
  std::vector<Issue> issues;

  Table<PlanInfo> plan;  // at most one row
  Table<TermRecord> terms;
  Table<UnitRecord> units;
  Table<ZoneRecord> zones;
  Table<TargetRecord> targets;
  Table<ProjectRecord> projects;
  Table<ChainRecord> chains;
  Table<CountyRecord> counties;
  Table<TaxonomyRecord> taxonomy;
  Table<MetricRecord> metrics;
  Table<EnterpriseRecord> enterprises;
  Table<ObservationRecord> observations;
  Table<FactRecord> facts;
  Table<MilestoneRecord> milestones;
  Table<CarrierRecord> carriers;
  Table<SupplierEntryRecord> supplier_entries;
  Table<CandidateRecord> candidates;
  Table<SupplyEdgeRecord> supply_edges;
  /// A boundary map read (at most one per import): compact GeoJSON and its features' adcodes.
  struct Map {
    std::uint32_t source = kNoSource;
    std::string geojson;
    std::vector<std::string> adcodes;
  };
  std::vector<Map> maps;

  [[nodiscard]] std::uint32_t add_source(std::string file);
  void mark_read(TableKind kind) { read[static_cast<std::size_t>(kind)] = true; }
  [[nodiscard]] bool was_read(TableKind kind) const { return read[static_cast<std::size_t>(kind)]; }

  /// Where `field` of a record is: the CSV column named `field`, or the TOML key's position, or
  /// else the record's own position.
  template <class R>
  [[nodiscard]] Location locate(const Table<R>& table, std::size_t row, std::string_view field) const;

  /// Records an issue of a record, located at its `field` (or at the position stored under `at`,
  /// for nested TOML keys such as "link.2.classes"). A TOML record's field is shown with its table
  /// ("zone.parent").
  template <class R>
  void report(TableKind kind, const Table<R>& table, std::size_t row, ErrorCode code, std::string field,
              std::string message, std::string_view at = {});

  void report_file(TableKind kind, std::uint32_t source, Error error);
  void report_line(TableKind kind, std::uint32_t source, Error error);

  /// Appends a parsed record; its parse errors become issues of the new row.
  template <class R>
  void add(TableKind kind, Table<R>& table, R record, RowOrigin origin, std::vector<Error>& errors,
           std::vector<FieldPos> fields = {});

 private:
  [[nodiscard]] Location locate(const RowOrigin& origin, const std::vector<FieldPos>* fields,
                                std::string_view field) const;
};

template <class R>
Location Workspace::locate(const Table<R>& table, std::size_t row, std::string_view field) const {
  return locate(table.origins[row], table.fields.empty() ? nullptr : &table.fields[row], field);
}

template <class R>
void Workspace::report(TableKind kind, const Table<R>& table, std::size_t row, ErrorCode code,
                       std::string field, std::string message, std::string_view at) {
  Location where = locate(table, row, at.empty() ? std::string_view(field) : at);
  if (sources[table.origins[row].source].columns.empty()) field = std::string(table_name(kind)) + "." + field;
  issues.push_back(Issue{kind, IssueScope::kRecord, static_cast<std::uint32_t>(row),
                         table.origins[row].source,
                         Error{code, std::move(message), std::move(where), std::move(field)}});
}

template <class R>
void Workspace::add(TableKind kind, Table<R>& table, R record, RowOrigin origin, std::vector<Error>& errors,
                    std::vector<FieldPos> fields) {
  const auto row = static_cast<std::uint32_t>(table.rows.size());
  table.rows.push_back(std::move(record));
  table.origins.push_back(origin);
  table.dropped.push_back(0);
  if (!fields.empty() || !table.fields.empty()) {
    table.fields.resize(row);
    table.fields.push_back(std::move(fields));
  }
  for (Error& e : errors)
    issues.push_back(Issue{kind, IssueScope::kRecord, row, origin.source, std::move(e)});
  errors.clear();
}

/// Calls `f(table)` with the workspace table of `kind`.
template <class F>
void visit_table(Workspace& ws, TableKind kind, F&& f) {
  switch (kind) {
    case TableKind::kPlan:
      return f(ws.plan);
    case TableKind::kTerms:
      return f(ws.terms);
    case TableKind::kUnits:
      return f(ws.units);
    case TableKind::kZones:
      return f(ws.zones);
    case TableKind::kTargets:
      return f(ws.targets);
    case TableKind::kProjects:
      return f(ws.projects);
    case TableKind::kChains:
      return f(ws.chains);
    case TableKind::kCounties:
      return f(ws.counties);
    case TableKind::kTaxonomy:
      return f(ws.taxonomy);
    case TableKind::kMetrics:
      return f(ws.metrics);
    case TableKind::kEnterprises:
      return f(ws.enterprises);
    case TableKind::kObservations:
      return f(ws.observations);
    case TableKind::kFacts:
      return f(ws.facts);
    case TableKind::kMilestones:
      return f(ws.milestones);
    case TableKind::kCarriers:
      return f(ws.carriers);
    case TableKind::kSupplierEntries:
      return f(ws.supplier_entries);
    case TableKind::kCandidates:
      return f(ws.candidates);
    case TableKind::kSupplyEdges:
      return f(ws.supply_edges);
    case TableKind::kMap:
      return;  // a map has no rows: its problems are the file's
  }
}

}  // namespace atlas::io::internal
