// The forecast (docs/forecast.md): Monte Carlo over every target of the Meizhou plan, a what-if on a
// prepared model, and the model's fit and runs on synthetic datasets of 1k … 1M enterprises.
// The as-of date lies inside the plan period (2023-06-30), so every target is still open.
#include <cstdio>
#include <cstdlib>

#include "engine/forecast.hpp"
#include "io/embedded.hpp"
#include "support/bench_data.hpp"
#include "support/benchmarks.hpp"

namespace atlas::bench {
namespace {

const DayNumber kAsOf = day_number(2023, 6, 30);

std::shared_ptr<const Snapshot> meizhou() {
  static const std::shared_ptr<const Snapshot> snapshot = [] {
    auto read = io::read_embedded_dataset();
    if (!read) {
      std::fprintf(stderr, "atlas bench: the embedded dataset does not read\n");
      std::exit(2);
    }
    auto built = Snapshot::build(std::move(read->data), 1);
    if (!built) {
      std::fprintf(stderr, "atlas bench: %s\n", built.error().to_string().c_str());
      std::exit(2);
    }
    return *built;
  }();
  return snapshot;
}

engine::ForecastModel prepare(const Snapshot& s) {
  auto model = engine::prepare_forecast(s, {kAsOf, true, {}});
  if (!model) {
    std::fprintf(stderr, "atlas bench: %s\n", model.error().to_string().c_str());
    std::exit(2);
  }
  return std::move(*model);
}

double run_all(const engine::ForecastModel& model, const engine::SimulateOptions& options) {
  auto result = engine::simulate(model, options);
  if (!result) {
    std::fprintf(stderr, "atlas bench: %s\n", result.error().to_string().c_str());
    std::exit(2);
  }
  double checksum = 0;
  for (const auto& t : result->targets)
    checksum += t.probability.value_or(0);
  return checksum;
}

engine::SimulateOptions runs(std::int64_t n) {
  engine::SimulateOptions o;
  o.runs = n;
  o.seed = 1;
  return o;
}

}  // namespace

// Fit and 100,000 runs over the Meizhou plan's 16 targets (goal: under 0.5 s on 2 cores).
void BM_ForecastMeizhou(benchmark::State& state) {
  const auto s = meizhou();
  for (auto _ : state) {
    const auto model = prepare(*s);
    benchmark::DoNotOptimize(run_all(model, runs(state.range(0))));
  }
  state.counters["targets"] = static_cast<double>(s->targets.size());
}

// A what-if (a project delayed six months) on a prepared model, 10,000 runs: what the what-if panel
// waits for (goal: under 100 ms).
void BM_ForecastWhatIf(benchmark::State& state) {
  const auto s = meizhou();
  const auto model = prepare(*s);
  engine::SimulateOptions o = runs(state.range(0));
  engine::ForecastChange delay;
  delay.kind = engine::ForecastChange::Kind::kDelayProject;
  delay.project = ProjectId{0};
  delay.months = 6;
  o.changes.push_back(delay);
  for (auto _ : state)
    benchmark::DoNotOptimize(run_all(model, o));
}

// The model's fit on a synthetic dataset of N enterprises (as of mid-2023 of its plan).
void BM_ForecastPrepare(benchmark::State& state) {
  const auto s = cached_snapshot(static_cast<std::uint64_t>(state.range(0)));
  drop_cached_dataset();
  for (auto _ : state)
    benchmark::DoNotOptimize(prepare(*s));
}

// 1,000 runs on a synthetic dataset of N enterprises (the fit done beforehand).
void BM_ForecastSimulate(benchmark::State& state) {
  const auto s = cached_snapshot(static_cast<std::uint64_t>(state.range(0)));
  drop_cached_dataset();
  const auto model = prepare(*s);
  for (auto _ : state)
    benchmark::DoNotOptimize(run_all(model, runs(1000)));
}

BENCHMARK(BM_ForecastMeizhou)->Arg(10'000)->Arg(100'000)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_ForecastWhatIf)->Arg(10'000)->Unit(benchmark::kMillisecond)->UseRealTime();
// BM_ForecastPrepare and BM_ForecastSimulate are registered by size in dataset_benchmark.cpp.

}  // namespace atlas::bench
