// `atlas import`: CSV files → validated records → one store transaction → a published Snapshot.
#include <filesystem>

#include <benchmark/benchmark.h>
#include <fmt/format.h>
#include <unistd.h>

#include "app/workspace.hpp"
#include "support/bench_data.hpp"

namespace atlas::bench {
namespace {

namespace fs = std::filesystem;

void BM_Import(benchmark::State& state) {
  const auto dir = synthetic_dir(static_cast<std::uint64_t>(state.range(0)));
  const fs::path db = fs::temp_directory_path() / fmt::format("atlas-bench-import-{}.db", ::getpid());
  const auto remove_db = [&] {
    for (const char* suffix : {"", "-wal", "-shm"})
      fs::remove(db.string() + suffix);
  };
  std::uint64_t records = 0;
  for (auto _ : state) {
    state.PauseTiming();
    remove_db();
    app::OpenOptions open;
    open.seed_if_empty = false;
    auto workspace = app::Workspace::open(db.string(), open);
    if (!workspace) {
      state.SkipWithError(workspace.error().to_string().c_str());
      break;
    }
    state.ResumeTiming();
    auto report = workspace->import_files({dir}, {});
    if (!report) {
      state.SkipWithError(report.error().front().to_string().c_str());
      break;
    }
    records = report->records;
  }
  remove_db();
  state.SetItemsProcessed(static_cast<std::int64_t>(records * state.iterations()));
  state.counters["records"] = static_cast<double>(records);
}

BENCHMARK(BM_Import)->Arg(1000)->Arg(100000)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace
}  // namespace atlas::bench
