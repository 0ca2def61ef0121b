// The CSV tables of docs/formats.md: one reader and one writer per table.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "io/csv.hpp"
#include "io/internal/workspace.hpp"
#include "model/records.hpp"

namespace atlas::io::internal {

/// Units of the metrics an observations table may use. Lookups cache the last hit (observations
/// come in runs of one metric). Not thread-safe.
class MetricUnits {
 public:
  /// Adds a metric unless it is already there (the first source wins).
  void add(std::string_view id, MetricUnit unit);
  /// Adds output_value, revenue, rd_spend (yuan) and employees (count) where missing.
  void add_defaults();
  [[nodiscard]] std::optional<MetricUnit> find(std::string_view id) const;

 private:
  std::vector<std::pair<std::string, MetricUnit>> units_;
  mutable std::size_t last_ = 0;
};

/// The CSV file names of the tables, in reading order ("counties.csv" … "candidates.csv"; a
/// table's rows are validated only once every file is read, so the order is for people).
[[nodiscard]] std::span<const std::string_view> csv_file_names();

/// The table a CSV file name stands for ("enterprises.csv"), nullopt for any other name.
[[nodiscard]] std::optional<TableKind> table_of_file_name(std::string_view file_name);

/// Reads one CSV table into the workspace. Observations need the metrics' units; an observation
/// of a metric found nowhere is an error here unless `metrics_known` (then validation reports it).
void read_csv(TableKind kind, Workspace& ws, std::uint32_t source, std::string_view bytes,
              const MetricUnits& units, bool metrics_known);

/// Writes one table of `data` as CSV (header, then rows in order); the caller calls w.finish().
void write_csv(TableKind kind, const Dataset& data, CsvWriter& w);

// Per table (tables_reference.cpp, tables_enterprise.cpp, tables_activity.cpp, tables_supply.cpp).
void read_counties(Workspace& ws, std::uint32_t source, std::string_view bytes);
void read_taxonomy(Workspace& ws, std::uint32_t source, std::string_view bytes);
void read_metrics(Workspace& ws, std::uint32_t source, std::string_view bytes);
void read_enterprises(Workspace& ws, std::uint32_t source, std::string_view bytes);
void read_observations(Workspace& ws, std::uint32_t source, std::string_view bytes, const MetricUnits& units,
                       bool metrics_known);
void read_facts(Workspace& ws, std::uint32_t source, std::string_view bytes);
void read_milestones(Workspace& ws, std::uint32_t source, std::string_view bytes);
void read_carriers(Workspace& ws, std::uint32_t source, std::string_view bytes);
void read_supplier_entries(Workspace& ws, std::uint32_t source, std::string_view bytes);
void read_candidates(Workspace& ws, std::uint32_t source, std::string_view bytes);
void read_supply_edges(Workspace& ws, std::uint32_t source, std::string_view bytes);

void write_counties(const Dataset& data, CsvWriter& w);
void write_taxonomy(const Dataset& data, CsvWriter& w);
void write_metrics(const Dataset& data, CsvWriter& w);
void write_enterprises(const Dataset& data, CsvWriter& w);
void write_observations(const Dataset& data, CsvWriter& w);
void write_facts(const Dataset& data, CsvWriter& w);
void write_milestones(const Dataset& data, CsvWriter& w);
void write_carriers(const Dataset& data, CsvWriter& w);
void write_supplier_entries(const Dataset& data, CsvWriter& w);
void write_candidates(const Dataset& data, CsvWriter& w);
void write_supply_edges(const Dataset& data, CsvWriter& w);

}  // namespace atlas::io::internal
