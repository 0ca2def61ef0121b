#include "io/internal/tables.hpp"

#include <algorithm>
#include <array>

namespace atlas::io::internal {
namespace {

struct TableFile {
  std::string_view name;
  TableKind kind;
};

constexpr std::array<TableFile, 11> kTableFiles = {{
    {"counties.csv", TableKind::kCounties},
    {"taxonomy.csv", TableKind::kTaxonomy},
    {"metrics.csv", TableKind::kMetrics},
    {"enterprises.csv", TableKind::kEnterprises},
    {"supply_edges.csv", TableKind::kSupplyEdges},
    {"observations.csv", TableKind::kObservations},
    {"facts.csv", TableKind::kFacts},
    {"milestones.csv", TableKind::kMilestones},
    {"carriers.csv", TableKind::kCarriers},
    {"supplier_entries.csv", TableKind::kSupplierEntries},
    {"candidates.csv", TableKind::kCandidates},
}};

constexpr std::array<std::string_view, kTableFiles.size()> kFileNames = [] {
  std::array<std::string_view, kTableFiles.size()> names{};
  for (std::size_t i = 0; i < kTableFiles.size(); ++i)
    names[i] = kTableFiles[i].name;
  return names;
}();

}  // namespace

std::span<const std::string_view> csv_file_names() {
  return kFileNames;
}

void MetricUnits::add(std::string_view id, MetricUnit unit) {
  if (!find(id)) units_.emplace_back(std::string(id), unit);
}

void MetricUnits::add_defaults() {
  add("output_value", MetricUnit::kYuan);
  add("revenue", MetricUnit::kYuan);
  add("rd_spend", MetricUnit::kYuan);
  add("employees", MetricUnit::kCount);
}

std::optional<MetricUnit> MetricUnits::find(std::string_view id) const {
  if (last_ < units_.size() && units_[last_].first == id) return units_[last_].second;
  for (std::size_t i = 0; i < units_.size(); ++i) {
    if (units_[i].first != id) continue;
    last_ = i;
    return units_[i].second;
  }
  return std::nullopt;
}

std::optional<TableKind> table_of_file_name(std::string_view file_name) {
  const auto found = std::ranges::find(kTableFiles, file_name, &TableFile::name);
  if (found == kTableFiles.end()) return std::nullopt;
  return found->kind;
}

void read_csv(TableKind kind, Workspace& ws, std::uint32_t source, std::string_view bytes,
              const MetricUnits& units, bool metrics_known) {
  switch (kind) {
    case TableKind::kCounties:
      return read_counties(ws, source, bytes);
    case TableKind::kTaxonomy:
      return read_taxonomy(ws, source, bytes);
    case TableKind::kMetrics:
      return read_metrics(ws, source, bytes);
    case TableKind::kEnterprises:
      return read_enterprises(ws, source, bytes);
    case TableKind::kObservations:
      return read_observations(ws, source, bytes, units, metrics_known);
    case TableKind::kFacts:
      return read_facts(ws, source, bytes);
    case TableKind::kMilestones:
      return read_milestones(ws, source, bytes);
    case TableKind::kCarriers:
      return read_carriers(ws, source, bytes);
    case TableKind::kSupplierEntries:
      return read_supplier_entries(ws, source, bytes);
    case TableKind::kCandidates:
      return read_candidates(ws, source, bytes);
    case TableKind::kSupplyEdges:
      return read_supply_edges(ws, source, bytes);
    default:
      return;  // plan tables come from TOML
  }
}

void write_csv(TableKind kind, const Dataset& data, CsvWriter& w) {
  switch (kind) {
    case TableKind::kCounties:
      return write_counties(data, w);
    case TableKind::kTaxonomy:
      return write_taxonomy(data, w);
    case TableKind::kMetrics:
      return write_metrics(data, w);
    case TableKind::kEnterprises:
      return write_enterprises(data, w);
    case TableKind::kObservations:
      return write_observations(data, w);
    case TableKind::kFacts:
      return write_facts(data, w);
    case TableKind::kMilestones:
      return write_milestones(data, w);
    case TableKind::kCarriers:
      return write_carriers(data, w);
    case TableKind::kSupplierEntries:
      return write_supplier_entries(data, w);
    case TableKind::kCandidates:
      return write_candidates(data, w);
    case TableKind::kSupplyEdges:
      return write_supply_edges(data, w);
    default:
      return;
  }
}

}  // namespace atlas::io::internal
