// The plan's targets on a national Snapshot: all targets, every target per county, and the
// aggregates the peers (SQLite, DuckDB) run in scripts/bench/compare.sh.
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <vector>

#include <fmt/format.h>

#include "model/units.hpp"
#include "query/indicator.hpp"
#include "support/bench_data.hpp"
#include "support/benchmarks.hpp"

namespace atlas::bench {
namespace {

std::shared_ptr<const Snapshot> snapshot_for(const benchmark::State& state) {
  auto snapshot = cached_snapshot(static_cast<std::uint64_t>(state.range(0)));
  drop_cached_dataset();
  return snapshot;
}

query::CheckedIndicator compile(const std::string& text, const Snapshot& snapshot) {
  auto checked = query::compile_indicator(text, snapshot);
  if (!checked) {
    std::fprintf(stderr, "atlas bench: %s: %s\n", text.c_str(), checked.error().to_string().c_str());
    std::exit(2);
  }
  return std::move(*checked);
}

std::vector<query::CheckedIndicator> compile_all(const std::vector<std::string>& texts, const Snapshot& s) {
  std::vector<query::CheckedIndicator> out;
  out.reserve(texts.size());
  for (const auto& text : texts)
    out.push_back(compile(text, s));
  return out;
}

std::int64_t evaluate_all(const std::vector<query::CheckedIndicator>& indicators, const Snapshot& s) {
  std::int64_t checksum = 0;
  for (const auto& indicator : indicators) {
    auto result = query::evaluate(indicator, s, {});
    if (!result) {
      std::fprintf(stderr, "atlas bench: %s\n", result.error().to_string().c_str());
      std::exit(2);
    }
    checksum += result->value;
  }
  return checksum;
}

const YearRollup& output_rollup(const Snapshot& s) {
  const auto metric = s.find_metric("output_value");
  if (!metric) {
    std::fprintf(stderr, "atlas bench: the dataset has no output_value metric\n");
    std::exit(2);
  }
  return s.rollups[metric->value];
}

double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace

void BM_EvaluateAllTargets(benchmark::State& state) {
  const auto snapshot = snapshot_for(state);
  std::vector<std::string> texts;
  for (const auto& t : snapshot->targets)
    texts.push_back(t.indicator);
  const auto indicators = compile_all(texts, *snapshot);
  for (auto _ : state)
    benchmark::DoNotOptimize(evaluate_all(indicators, *snapshot));
  state.counters["targets"] = static_cast<double>(indicators.size());
}

void BM_SegmentTotal(benchmark::State& state) {
  const auto snapshot = snapshot_for(state);
  const auto indicator = compile(R"(sum(output_value) where segment = "electric" in 2025)", *snapshot);
  for (auto _ : state)
    benchmark::DoNotOptimize(query::evaluate(indicator, *snapshot, {})->value);
}

// Σ output per (county, year) straight from the Snapshot's roll-ups: the ceiling for the query
// engine on the peers' first query.
void BM_OutputPerCountyPerYear(benchmark::State& state) {
  const auto snapshot = snapshot_for(state);
  const auto& rollup = output_rollup(*snapshot);
  const auto years = static_cast<std::size_t>(rollup.years);
  const auto& county = snapshot->enterprises.county;
  std::vector<std::int64_t> sums(snapshot->counties.size() * years);
  for (auto _ : state) {
    std::fill(sums.begin(), sums.end(), 0);
    for (std::size_t e = 0; e < county.size(); ++e) {
      if (!county[e].valid()) continue;
      std::int64_t* row = sums.data() + county[e].value * years;
      const std::int64_t* values = rollup.value.data() + e * years;
      for (std::size_t y = 0; y < years; ++y)
        row[y] += values[y];
    }
    benchmark::DoNotOptimize(sums.data());
  }
  state.counters["groups"] = static_cast<double>(sums.size());
}

// Enterprises over 1亿, 10亿 and 20亿 per (county, year), from the roll-ups.
void BM_TiersPerCountyPerYear(benchmark::State& state) {
  const auto snapshot = snapshot_for(state);
  const auto& rollup = output_rollup(*snapshot);
  const auto years = static_cast<std::size_t>(rollup.years);
  const auto& county = snapshot->enterprises.county;
  std::vector<std::uint32_t> counts(snapshot->counties.size() * years * 3);
  for (auto _ : state) {
    std::fill(counts.begin(), counts.end(), 0);
    for (std::size_t e = 0; e < county.size(); ++e) {
      if (!county[e].valid()) continue;
      std::uint32_t* row = counts.data() + county[e].value * years * 3;
      const std::int64_t* values = rollup.value.data() + e * years;
      for (std::size_t y = 0; y < years; ++y) {
        row[y * 3] += values[y] > kYi;
        row[y * 3 + 1] += values[y] > 10 * kYi;
        row[y * 3 + 2] += values[y] > 20 * kYi;
      }
    }
    benchmark::DoNotOptimize(counts.data());
  }
  state.counters["groups"] = static_cast<double>(counts.size() / 3);
}

// The peers' first query through the indicator language: one indicator per county and year.
void BM_OutputPerCountyPerYearQuery(benchmark::State& state) {
  const auto snapshot = snapshot_for(state);
  const auto& rollup = output_rollup(*snapshot);
  std::vector<std::string> texts;
  for (const auto& c : snapshot->counties) {
    for (int y = rollup.first_year; y < rollup.first_year + rollup.years; ++y) {
      texts.push_back(fmt::format(R"(sum(output_value) where county = "{}" in {})", c.id, y));
    }
  }
  const auto start = std::chrono::steady_clock::now();
  const auto indicators = compile_all(texts, *snapshot);
  state.counters["compile_s"] = seconds_since(start);
  for (auto _ : state)
    benchmark::DoNotOptimize(evaluate_all(indicators, *snapshot));
  state.counters["indicators"] = static_cast<double>(indicators.size());
}

// Every enterprise and project target of the plan for every county (`county = "X" and (…)`).
void BM_EvaluateTargetsPerCounty(benchmark::State& state) {
  const auto snapshot = snapshot_for(state);
  std::vector<std::string> texts;
  for (const auto& c : snapshot->counties) {
    for (auto& text : county_indicators(snapshot->targets, c.id))
      texts.push_back(std::move(text));
  }
  const auto start = std::chrono::steady_clock::now();
  const auto indicators = compile_all(texts, *snapshot);
  state.counters["compile_s"] = seconds_since(start);
  for (auto _ : state)
    benchmark::DoNotOptimize(evaluate_all(indicators, *snapshot));
  state.counters["indicators"] = static_cast<double>(indicators.size());
}

// The same as one grouped indicator per target (`… group by county`): one pass each.
void BM_EvaluateTargetsPerCountyGrouped(benchmark::State& state) {
  const auto snapshot = snapshot_for(state);
  std::vector<std::string> texts;
  for (auto& [id, text] : grouped_county_indicators(snapshot->targets))
    texts.push_back(std::move(text));
  const auto start = std::chrono::steady_clock::now();
  const auto indicators = compile_all(texts, *snapshot);
  state.counters["compile_s"] = seconds_since(start);
  std::size_t groups = 0;
  for (auto _ : state) {
    std::int64_t checksum = 0;
    groups = 0;
    for (const auto& indicator : indicators) {
      auto result = query::evaluate_grouped(indicator, *snapshot, {});
      if (!result) {
        std::fprintf(stderr, "atlas bench: %s\n", result.error().to_string().c_str());
        std::exit(2);
      }
      for (const auto& g : result->groups)
        checksum += g.value;
      groups += result->groups.size();
    }
    benchmark::DoNotOptimize(checksum);
  }
  state.counters["indicators"] = static_cast<double>(indicators.size());
  state.counters["groups"] = static_cast<double>(groups);
}

}  // namespace atlas::bench
