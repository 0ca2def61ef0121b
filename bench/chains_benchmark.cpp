// The chain-link verdicts (docs/chains.md) on a national Snapshot: every chain of the plan for its
// whole region (`atlas gaps`, GET /api/v1/chains/{id}), and every chain for every county one call
// at a time and in one pass per chain (engine::assess_chain_every_county).
#include <vector>

#include "app/browse.hpp"
#include "app/chains.hpp"
#include "engine/chains.hpp"
#include "support/bench_data.hpp"
#include "support/benchmarks.hpp"

namespace atlas::bench {
namespace {

std::shared_ptr<const Snapshot> chains_snapshot(const benchmark::State& state) {
  auto snapshot = cached_snapshot(static_cast<std::uint64_t>(state.range(0)));
  drop_cached_dataset();
  return snapshot;
}

std::size_t gaps_of(const engine::ChainAssessment& a) {
  return a.gaps.size() + a.present;
}

}  // namespace

// The output column of a year (once per request) and every chain judged for the region.
void BM_ChainGaps(benchmark::State& state) {
  const auto snapshot = chains_snapshot(state);
  const Visibility vis;
  std::size_t links = 0;
  for (auto _ : state) {
    const auto output = app::output_column(*snapshot, vis, 2024);
    std::size_t checksum = 0;
    for (std::uint32_t c = 0; c < snapshot->chains.size(); ++c)
      checksum += gaps_of(app::assess_chain(*snapshot, vis, output, c, CountyId{}));
    benchmark::DoNotOptimize(checksum);
  }
  for (const auto& chain : snapshot->chains)
    links += chain.links.size();
  state.counters["chains"] = static_cast<double>(snapshot->chains.size());
  state.counters["links"] = static_cast<double>(links);
}

// Every chain for every county, one assessment per (chain, county), the output column read once.
void BM_ChainGapsEveryCounty(benchmark::State& state) {
  const auto snapshot = chains_snapshot(state);
  const Visibility vis;
  const auto output = app::output_column(*snapshot, vis, 2024);
  for (auto _ : state) {
    std::size_t checksum = 0;
    for (std::uint32_t county = 0; county < snapshot->counties.size(); ++county) {
      for (std::uint32_t c = 0; c < snapshot->chains.size(); ++c)
        checksum += gaps_of(app::assess_chain(*snapshot, vis, output, c, CountyId{county}));
    }
    benchmark::DoNotOptimize(checksum);
  }
  state.counters["counties"] = static_cast<double>(snapshot->counties.size());
}

// The output column of the year alone: what BM_ChainGapsEveryCountyGrouped reads, computed once per
// request (compare.py adds the two up against the peers' chain query, which sums the output too).
void BM_ChainOutputColumn(benchmark::State& state) {
  const auto snapshot = chains_snapshot(state);
  const Visibility vis;
  for (auto _ : state) {
    auto output = app::output_column(*snapshot, vis, 2024);
    benchmark::DoNotOptimize(output.value.data());
  }
}

// Every chain for every county, one engine::assess_chain_every_county per chain: each link's makers
// bucketed by county in one pass over its posting lists.
void BM_ChainGapsEveryCountyGrouped(benchmark::State& state) {
  const auto snapshot = chains_snapshot(state);
  const Visibility vis;
  const auto output = app::output_column(*snapshot, vis, 2024);
  // As GET /api/v1/chains/{id}/counties reads it: verdicts and numbers, no words.
  const engine::ChainInput input{*snapshot, vis, output.year, output.value, output.sample, /*texts=*/false};
  for (auto _ : state) {
    std::size_t checksum = 0;
    for (std::uint32_t c = 0; c < snapshot->chains.size(); ++c) {
      for (const auto& a : engine::assess_chain_every_county(input, c))
        checksum += gaps_of(a);
    }
    benchmark::DoNotOptimize(checksum);
  }
  state.counters["counties"] = static_cast<double>(snapshot->counties.size());
}

}  // namespace atlas::bench
