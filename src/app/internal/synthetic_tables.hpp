// Writers for each file of a synthetic dataset. Private to app/synthetic.
#pragma once

#include <cstdint>
#include <filesystem>

#include "app/internal/synthetic_world.hpp"
#include "app/synthetic.hpp"
#include "model/error.hpp"

namespace atlas::app::internal {

/// Aggregates gathered while enterprises stream by, for facts.csv.
struct Totals {
  std::int64_t first_year_output = 0;
  std::int64_t first_year_employees = 0;
  std::int64_t gac_first_year_output = 0;
  std::uint64_t high_tech = 0;
};

/// counties.csv, taxonomy.csv, metrics.csv.
[[nodiscard]] Result<void> write_reference_tables(const World& w, const std::filesystem::path& dir,
                                                  SyntheticSummary& summary);
/// enterprises.csv and observations.csv in one streaming pass over the enterprises.
[[nodiscard]] Result<Totals> write_enterprises(const World& w, const std::filesystem::path& dir,
                                               SyntheticSummary& summary);
/// facts.csv: a few statements about the whole cluster and the park.
[[nodiscard]] Result<void> write_facts(const World& w, const Totals& totals, const std::filesystem::path& dir,
                                       SyntheticSummary& summary);
/// carriers.csv, supplier_entries.csv, candidates.csv.
[[nodiscard]] Result<void> write_records(const World& w, const std::filesystem::path& dir,
                                         SyntheticSummary& summary);
/// supply_edges.csv: about 3 edges per enterprise, streamed supplier by supplier.
[[nodiscard]] Result<void> write_supply_edges(const World& w, const std::filesystem::path& dir,
                                              SyntheticSummary& summary);
/// plans/<plan id>.toml (plan, zones, targets, projects, chains) and milestones.csv.
[[nodiscard]] Result<void> write_plan(const World& w, const std::filesystem::path& dir,
                                      SyntheticSummary& summary);

/// How many of each scaled record kind a dataset of `enterprises` gets.
[[nodiscard]] std::uint64_t carrier_count(std::uint64_t enterprises);
[[nodiscard]] std::uint64_t supplier_entry_count(std::uint64_t enterprises);
[[nodiscard]] std::uint64_t project_count(std::uint64_t enterprises);
[[nodiscard]] std::uint64_t candidate_count(std::uint64_t enterprises);

}  // namespace atlas::app::internal
