// Reading a generated dataset and building its Snapshot; registers every per-size benchmark.
#include <cstdlib>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "support/bench_data.hpp"
#include "support/benchmarks.hpp"
#include "support/stream_loader.hpp"

namespace atlas::bench {

void BM_ReadDataset(benchmark::State& state) {
  const auto n = static_cast<std::uint64_t>(state.range(0));
  drop_cached_dataset();  // never hold two copies of a large dataset
  const auto dir = synthetic_dir(n);
  std::uint64_t rows = 0;
  for (auto _ : state) {
    auto data = read_dir(dir);
    rows = data.observations.size();
    state.PauseTiming();
    data = Dataset{};
    state.ResumeTiming();
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(rows * state.iterations()));
  state.counters["observations"] = static_cast<double>(rows);
}

void BM_SnapshotBuild(benchmark::State& state) {
  const auto& data = cached_dataset(static_cast<std::uint64_t>(state.range(0)));
  for (auto _ : state) {
    auto snapshot = build_snapshot(data);
    benchmark::DoNotOptimize(snapshot.get());
    state.PauseTiming();
    snapshot.reset();
    state.ResumeTiming();
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(data.observations.size() * state.iterations()));
  state.counters["observations"] = static_cast<double>(data.observations.size());
}

// CSV files → a Snapshot ready for queries, streaming the large tables (stream_snapshot).
void BM_LoadSnapshot(benchmark::State& state) {
  const auto dir = synthetic_dir(static_cast<std::uint64_t>(state.range(0)));
  std::size_t rows = 0;
  for (auto _ : state) {
    auto snapshot = stream_snapshot(dir);
    rows = snapshot->observation_count();
    state.PauseTiming();
    snapshot.reset();
    state.ResumeTiming();
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(rows * state.iterations()));
  state.counters["observations"] = static_cast<double>(rows);
}

namespace {

constexpr std::int64_t kExpensiveFrom = 1'000'000;

// ATLAS_BENCH_SIZES="1000,100000" narrows the sizes (default 1000,100000,1000000).
std::vector<std::int64_t> sizes() {
  const char* text = std::getenv("ATLAS_BENCH_SIZES");
  std::istringstream in(text != nullptr ? text : "1000,100000,1000000");
  std::vector<std::int64_t> out;
  for (std::string item; std::getline(in, item, ',');)
    out.push_back(std::stoll(item));
  return out;
}

const bool kRegistered = [] {
  using Fn = void (*)(benchmark::State&);
  const std::vector<std::pair<const char*, Fn>> per_size = {
      {"BM_LoadSnapshot", BM_LoadSnapshot},
      {"BM_ReadDataset", BM_ReadDataset},
      {"BM_SnapshotBuild", BM_SnapshotBuild},
      {"BM_EvaluateAllTargets", BM_EvaluateAllTargets},
      {"BM_SegmentTotal", BM_SegmentTotal},
      {"BM_OutputPerCountyPerYear", BM_OutputPerCountyPerYear},
      {"BM_TiersPerCountyPerYear", BM_TiersPerCountyPerYear},
      {"BM_OutputPerCountyPerYearQuery", BM_OutputPerCountyPerYearQuery},
      {"BM_EvaluateTargetsPerCounty", BM_EvaluateTargetsPerCounty},
      {"BM_EvaluateTargetsPerCountyGrouped", BM_EvaluateTargetsPerCountyGrouped},
      {"BM_ChainGaps", BM_ChainGaps},
      {"BM_ChainGapsEveryCounty", BM_ChainGapsEveryCounty},
      {"BM_ChainOutputColumn", BM_ChainOutputColumn},
      {"BM_ChainGapsEveryCountyGrouped", BM_ChainGapsEveryCountyGrouped},
      {"BM_ForecastPrepare", BM_ForecastPrepare},
      {"BM_ForecastSimulate", BM_ForecastSimulate},
  };
  // At a million enterprises io::read_dataset's Dataset of 60M records takes about 20 GB: the two
  // benchmarks that need it run there only with ATLAS_BENCH_BIG_MEMORY=1.
  const bool big_memory = std::getenv("ATLAS_BENCH_BIG_MEMORY") != nullptr;
  const auto skipped = [&](std::string_view name) {
    return !big_memory && (name == "BM_ReadDataset" || name == "BM_SnapshotBuild");
  };
  for (const std::int64_t n : sizes()) {
    for (const auto& [name, fn] : per_size) {
      if (n >= kExpensiveFrom && skipped(name)) continue;
      benchmark::RegisterBenchmark(name, fn)->Arg(n)->Unit(benchmark::kMillisecond)->UseRealTime();
    }
  }
  return true;
}();

}  // namespace
}  // namespace atlas::bench
