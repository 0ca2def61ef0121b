// `atlas gen`: a synthetic dataset of any size, with realistic shapes, for benchmarks and demos.
#pragma once

#include <cstdint>
#include <filesystem>
#include <vector>

#include "model/error.hpp"

namespace atlas::app {

/// What to generate. The defaults give a five-year plan period (2021–2025).
struct SyntheticOptions {
  std::uint64_t enterprises = 1000;  // 1 … 9,999,999
  std::uint64_t seed = 1;
  int first_year = 2021;  // monthly figures for every year first_year … last_year (at most 20 years)
  int last_year = 2025;
  std::uint64_t plans = 1;  // 1 … 64: the plan over every county, plus plans-1 city plans over runs of them
  std::filesystem::path out_dir;  // created when missing; existing files of the same names are replaced
};

/// Rows written per table (data rows, without the header) and where the files are.
struct SyntheticSummary {
  std::filesystem::path plan_file;  // out_dir/plans/<plan id>.toml
  std::vector<std::filesystem::path>
      more_plans;                   // out_dir/more-plans/<plan id>.toml (--plans K: K-1 of them)
  std::filesystem::path table_dir;  // out_dir: counties.csv … candidates.csv
  std::uint64_t counties = 0;
  std::uint64_t zones = 0;
  std::uint64_t taxonomy = 0;
  std::uint64_t metrics = 0;
  std::uint64_t enterprises = 0;
  std::uint64_t observations = 0;
  std::uint64_t facts = 0;
  std::uint64_t projects = 0;
  std::uint64_t milestones = 0;
  std::uint64_t chains = 0;
  std::uint64_t carriers = 0;
  std::uint64_t supplier_entries = 0;
  std::uint64_t candidates = 0;
  std::uint64_t targets = 0;
  std::uint64_t supply_edges = 0;  // supply_edges.csv: about 3 per enterprise
  std::uint64_t bytes = 0;         // all files together
};

/// Writes a synthetic dataset in the layout of docs/formats.md: out_dir/plans/<plan id>.toml (plan,
/// zones, 16 targets of its own with goals grown from the generated first year, projects,
/// chains) and out_dir/<table>.csv for every
/// table, so `read_dataset({out_dir})` reads it all back. Shapes: about 2,850 counties at national
/// scale (fewer for small N), the four segments in realistic shares, heavy-tailed output
/// (lognormal body, Pareto tail), 1–4 Zipf-drawn product classes per enterprise, for every
/// enterprise and year the year-to-date output as statistics bureaus report it (`YYYY-01~02` …
/// `YYYY-01~12`: 11 rows) plus the year's employees, and carriers, supplier entries, projects with
/// milestones and candidates in proportion to N, and about 3 supply edges per enterprise (customers
/// heavy-tailed, so the biggest have thousands of suppliers at national scale; each customer of
/// two drawn that sits nearer or makes a class downstream of the supplier's). Every record's provenance is
/// `sample: atlas gen seed S`; enterprises carry valid GB 32100-2015 credit codes.
/// With `plans` = K > 1 the directory's plan is the default one and K-1 city plans over
/// consecutive runs of the counties (scope, 3 targets each) go to out_dir/more-plans/, to import
/// one by one after the directory: a province and its cities over one register.
/// Streams: memory stays flat whatever N is (observations are written as they are drawn).
/// Deterministic: the same options give byte-identical files (the generator uses its own PRNG and
/// distributions; only libm's exp/log/cos/pow could in principle differ between platforms).
/// Errors: kInvalidArgument for options out of range, kIo when a file cannot be written.
/// Thread-safe (no shared state) as long as two calls do not write the same out_dir.
[[nodiscard]] Result<SyntheticSummary> generate_synthetic(const SyntheticOptions& options);

}  // namespace atlas::app
