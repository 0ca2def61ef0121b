// `atlas gen`: writing a synthetic dataset.
#include <filesystem>

#include <benchmark/benchmark.h>
#include <fmt/format.h>
#include <unistd.h>

#include "app/synthetic.hpp"
#include "support/bench_data.hpp"

namespace atlas::bench {
namespace {

void BM_Generate(benchmark::State& state) {
  app::SyntheticOptions options;
  options.enterprises = static_cast<std::uint64_t>(state.range(0));
  options.seed = bench_seed();
  options.out_dir =
      std::filesystem::temp_directory_path() / fmt::format("atlas-bench-generate-{}", ::getpid());
  std::uint64_t bytes = 0, rows = 0;
  for (auto _ : state) {
    auto summary = app::generate_synthetic(options);
    if (!summary) {
      state.SkipWithError(summary.error().to_string().c_str());
      break;
    }
    bytes = summary->bytes;
    rows = summary->observations;
  }
  std::filesystem::remove_all(options.out_dir);
  state.SetBytesProcessed(static_cast<std::int64_t>(bytes * state.iterations()));
  state.SetItemsProcessed(static_cast<std::int64_t>(rows * state.iterations()));
}

BENCHMARK(BM_Generate)->Arg(1000)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace
}  // namespace atlas::bench
