// Several plans over one register (issue 9, "Speed"): `atlas gen --plans K` writes a province's
// plan over every county and K-1 city plans over runs of them; they are imported into one store.
// Measured, for K = 1 and K = 10 over the same 100k-enterprise register:
//   - BM_PlansCheck: `atlas check --plan` of the province plan (check_targets on its Snapshot);
//   - BM_PlansCheckCity: the same for one city plan (K = 10 only);
//   - BM_PlansApiTargets: GET /api/v1/targets?plan=<province> through the Api, its answer cache off;
//   - BM_PlansPublish: building every plan's Snapshot from the store (what a reload or an import
//     publishes), one read transaction.
// The store is built once per K under $ATLAS_BENCH_CACHE (default /tmp/atlas-bench).
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include <benchmark/benchmark.h>
#include <fmt/format.h>

#include "api/api.hpp"
#include "app/check.hpp"
#include "app/plan_views.hpp"
#include "app/synthetic.hpp"
#include "app/workspace.hpp"
#include "support/bench_data.hpp"

namespace atlas::bench {
namespace {

namespace fs = std::filesystem;

constexpr std::uint64_t kEnterprises = 100'000;
constexpr const char* kProvince = "synthetic-autoparts-2021-2025";

[[noreturn]] void die(const std::string& message) {
  std::fprintf(stderr, "atlas bench: %s\n", message.c_str());
  std::exit(2);
}

fs::path cache_root() {
  const char* root = std::getenv("ATLAS_BENCH_CACHE");
  return root != nullptr ? fs::path(root) : fs::path("/tmp/atlas-bench");
}

// The store of `plans` plans over one register of kEnterprises, imported as `atlas gen` says.
fs::path plans_store(std::uint64_t plans) {
  const fs::path dir = cache_root() / fmt::format("plans-n{}-s{}-p{}", kEnterprises, bench_seed(), plans);
  fs::path db = dir / "atlas.db";
  if (fs::exists(dir / ".complete")) return db;
  std::fprintf(stderr, "atlas bench: building %s …\n", db.c_str());
  fs::remove_all(dir);
  app::SyntheticOptions options;
  options.enterprises = kEnterprises;
  options.seed = bench_seed();
  options.plans = plans;
  options.out_dir = dir / "gen";
  auto summary = app::generate_synthetic(options);
  if (!summary) die(summary.error().to_string());
  app::OpenOptions open;
  open.seed_if_empty = false;
  auto ws = app::Workspace::open(db.string(), open);
  if (!ws) die(ws.error().to_string());
  std::vector<std::vector<fs::path>> imports = {{options.out_dir}};
  for (const auto& plan : summary->more_plans)
    imports.push_back({plan});
  for (const auto& paths : imports) {
    auto report = ws->import_files(paths, {});
    if (!report) die(report.error().front().to_string());
  }
  std::ofstream(dir / ".complete") << plans << " plans\n";
  return db;
}

// The plans of the store of K plans, opened once per K.
std::shared_ptr<const PlanSet> plan_set(std::uint64_t plans) {
  static std::map<std::uint64_t, std::shared_ptr<const PlanSet>> cache;
  auto& set = cache[plans];
  if (!set) {
    app::OpenOptions open;
    open.seed_if_empty = false;
    auto ws = app::Workspace::open(plans_store(plans).string(), open);
    if (!ws) die(ws.error().to_string());
    set = ws->plans();
  }
  return set;
}

std::shared_ptr<const Snapshot> plan_of(std::uint64_t plans, std::string_view id) {
  auto snapshot = plan_set(plans)->find(id);
  if (!snapshot) die(snapshot.error().to_string());
  return *snapshot;
}

DayNumber as_of() {
  return day_number(2026, 6, 30);
}

void check(benchmark::State& state, const Snapshot& snapshot) {
  std::size_t targets = 0;
  for (auto _ : state) {
    auto report = app::check_targets(snapshot, {as_of(), true});
    if (!report) {
      state.SkipWithError(report.error().to_string().c_str());
      break;
    }
    targets = report->targets.size();
    benchmark::DoNotOptimize(report->targets.data());
  }
  state.counters["targets"] = static_cast<double>(targets);
  state.counters["enterprises"] = static_cast<double>(snapshot.enterprises.size());
}

}  // namespace

void BM_PlansCheck(benchmark::State& state) {
  const auto plans = static_cast<std::uint64_t>(state.range(0));
  check(state, *plan_of(plans, kProvince));
}

void BM_PlansCheckCity(benchmark::State& state) {
  const auto plans = static_cast<std::uint64_t>(state.range(0));
  check(state, *plan_of(plans, fmt::format("synthetic-city-{:02}-2021-2025", plans)));
}

void BM_PlansApiTargets(benchmark::State& state) {
  const auto plans = plan_set(static_cast<std::uint64_t>(state.range(0)));
  api::ApiOptions options;
  options.cache_entries = 0;  // every request computes its answer
  const api::Api api(api::ApiContext{[plans] { return plans; }, [] { return as_of(); }, nullptr,
                                     atlas::app::Principal{"test", atlas::Role::kAnalyst, {}}},
                     options);
  const std::string target = fmt::format("/api/v1/targets?plan={}", kProvince);
  std::size_t bytes = 0;
  for (auto _ : state) {
    const api::Response r = api.handle({"GET", target, "", "", "", ""});
    if (r.status != 200) {
      state.SkipWithError(r.body.c_str());
      break;
    }
    bytes = r.body.size();
  }
  state.counters["bytes"] = static_cast<double>(bytes);
}

void BM_PlansPublish(benchmark::State& state) {
  const auto plans = static_cast<std::uint64_t>(state.range(0));
  auto store = Store::open(plans_store(plans).string());
  if (!store) die(store.error().to_string());
  for (auto _ : state) {
    auto set = app::plan_set_from_store(*store);
    if (!set) {
      state.SkipWithError(set.error().to_string().c_str());
      break;
    }
    benchmark::DoNotOptimize(set->get());
  }
  state.counters["plans"] = static_cast<double>(plans);
}

BENCHMARK(BM_PlansCheck)->Arg(1)->Arg(10)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_PlansCheckCity)->Arg(10)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_PlansApiTargets)->Arg(1)->Arg(10)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_PlansPublish)->Arg(1)->Arg(10)->Unit(benchmark::kMillisecond)->UseRealTime()->Iterations(3);

}  // namespace atlas::bench
