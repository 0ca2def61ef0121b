// Writers for each file of a synthetic dataset. Private to app/synthetic.
#pragma once

#include <array>
#include <cstdint>
#include <filesystem>
#include <vector>

#include "app/internal/synthetic_world.hpp"
#include "app/synthetic.hpp"
#include "model/error.hpp"

namespace atlas::app::internal {

/// Aggregates of the first year gathered while enterprises stream by: facts.csv states some, and
/// the plans' baselines and goals start from them.
struct Totals {
  std::int64_t first_year_output = 0;
  std::int64_t first_year_employees = 0;
  std::int64_t core_first_year_output = 0;
  std::uint64_t high_tech = 0;
  std::array<std::int64_t, 4> segment_output{};  // per SyntheticSegment
  std::uint64_t over_20yi = 0, over_10yi = 0, over_1yi = 0;
  std::uint64_t core_over_10yi = 0, core_1yi_to_10yi = 0;
  std::vector<std::int64_t> county_output;  // per county index
  std::vector<std::uint64_t> county_over_1yi;

  /// Adds one enterprise's first year (other than the four fields above).
  void note(const World& w, const EnterpriseProfile& p);
};

/// counties.csv, taxonomy.csv, metrics.csv.
[[nodiscard]] Result<void> write_reference_tables(const World& w, const std::filesystem::path& dir,
                                                  SyntheticSummary& summary);
/// enterprises.csv and observations.csv in one streaming pass over the enterprises.
[[nodiscard]] Result<Totals> write_enterprises(const World& w, const std::filesystem::path& dir,
                                               SyntheticSummary& summary);
/// The plan files: plans/<id>.toml (the plan over every county, with zones, projects, chains
/// and milestones.csv) and, with --plans K, K-1 plans over parts of the counties in more-plans/.
[[nodiscard]] Result<void> write_plans(const World& w, const Totals& totals, const std::filesystem::path& dir,
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

/// How many of each scaled record kind a dataset of `enterprises` gets.
[[nodiscard]] std::uint64_t carrier_count(std::uint64_t enterprises);
[[nodiscard]] std::uint64_t supplier_entry_count(std::uint64_t enterprises);
[[nodiscard]] std::uint64_t project_count(std::uint64_t enterprises);
[[nodiscard]] std::uint64_t candidate_count(std::uint64_t enterprises);

}  // namespace atlas::app::internal
