#include "support/bench_data.hpp"

#include <cstdio>
#include <cstdlib>
#include <fstream>

#include <fmt/format.h>

#include "app/synthetic.hpp"
#include "io/dataset_reader.hpp"
#include "query/parser.hpp"
#include "support/stream_loader.hpp"

namespace atlas::bench {
namespace {

namespace fs = std::filesystem;

[[noreturn]] void die(const std::string& message) {
  std::fprintf(stderr, "atlas bench: %s\n", message.c_str());
  std::exit(2);
}

struct Cache {
  std::uint64_t enterprises = 0;
  std::unique_ptr<Dataset> data;
  std::shared_ptr<const Snapshot> snapshot;
};

Cache& cache() {
  static Cache instance;
  return instance;
}

void select(std::uint64_t enterprises) {
  auto& c = cache();
  if (c.enterprises == enterprises) return;
  c.data.reset();
  c.snapshot.reset();
  c.enterprises = enterprises;
}

// The indicator text with `county = "X"` put in front of its condition. The trailing period is
// found by the parser (a condition may hold ` in ` too: `signed in 2021..2025`).
std::string with_county(const std::string& indicator, std::string_view county) {
  auto parsed = query::parse_indicator(indicator);
  if (!parsed) die(parsed.error().to_string());
  const std::size_t tail =
      parsed->period ? indicator.rfind(" in ", parsed->period->pos.offset) : indicator.size();
  const std::string filter = fmt::format("county = \"{}\"", county);
  const auto where = indicator.find(" where ");
  if (where == std::string::npos || where > tail) {
    return fmt::format("{} where {}{}", indicator.substr(0, tail), filter, indicator.substr(tail));
  }
  return fmt::format("{} where {} and ({}){}", indicator.substr(0, where), filter,
                     indicator.substr(where + 7, tail - where - 7), indicator.substr(tail));
}

}  // namespace

std::uint64_t bench_seed() {
  const char* seed = std::getenv("ATLAS_BENCH_SEED");
  return seed != nullptr ? std::strtoull(seed, nullptr, 10) : 42;
}

fs::path synthetic_dir(std::uint64_t enterprises, std::uint64_t seed) {
  const char* root = std::getenv("ATLAS_BENCH_CACHE");
  const fs::path dir =
      fs::path(root != nullptr ? root : "/tmp/atlas-bench") / fmt::format("n{}-s{}", enterprises, seed);
  if (fs::exists(dir / ".complete")) return dir;
  std::fprintf(stderr, "atlas bench: generating %s …\n", dir.c_str());
  app::SyntheticOptions options;
  options.enterprises = enterprises;
  options.seed = seed;
  options.out_dir = dir;
  auto summary = app::generate_synthetic(options);
  if (!summary) die(summary.error().to_string());
  std::ofstream(dir / ".complete") << summary->observations << " observations\n";
  return dir;
}

Dataset read_dir(const fs::path& dir) {
  const std::vector<fs::path> paths{dir};
  auto read = io::read_dataset(paths);
  if (!read) {
    std::string message = fmt::format("cannot read {}:", dir.string());
    for (const auto& e : read.error())
      message += "\n  " + e.to_string();
    die(message);
  }
  return std::move(read->data);
}

std::shared_ptr<const Snapshot> build_snapshot(const Dataset& data, std::uint64_t version) {
  Dataset small;
  small.plan = data.plan;
  small.counties = data.counties;
  small.taxonomy = data.taxonomy;
  small.metrics = data.metrics;
  small.zones = data.zones;
  small.facts = data.facts;
  small.projects = data.projects;
  small.milestones = data.milestones;
  small.chains = data.chains;
  small.carriers = data.carriers;
  small.supplier_entries = data.supplier_entries;
  small.candidates = data.candidates;
  small.targets = data.targets;
  SnapshotBuilder builder(std::move(small), version);
  for (const auto& e : data.enterprises) {
    if (auto r = builder.add_enterprise(e); !r) die(r.error().to_string());
  }
  for (const auto& o : data.observations) {
    if (auto r = builder.add_observation(o); !r) die(r.error().to_string());
  }
  auto snapshot = std::move(builder).finish();
  if (!snapshot) die(snapshot.error().to_string());
  return *snapshot;
}

const Dataset& cached_dataset(std::uint64_t enterprises) {
  select(enterprises);
  auto& c = cache();
  if (!c.data) c.data = std::make_unique<Dataset>(read_dir(synthetic_dir(enterprises)));
  return *c.data;
}

std::shared_ptr<const Snapshot> cached_snapshot(std::uint64_t enterprises) {
  select(enterprises);
  auto& c = cache();
  if (!c.snapshot) c.snapshot = stream_snapshot(synthetic_dir(enterprises));
  return c.snapshot;
}

void drop_cached_dataset() {
  cache().data.reset();
}

namespace {

bool per_county(const TargetRecord& t) {
  return t.indicator.find("(enterprises)") != std::string::npos ||
         t.indicator.find("(projects)") != std::string::npos || t.indicator.starts_with("sum(output_value)");
}

}  // namespace

std::vector<std::string> county_indicators(const std::vector<TargetRecord>& targets,
                                           std::string_view county) {
  std::vector<std::string> out;
  for (const auto& t : targets) {
    if (per_county(t)) out.push_back(with_county(t.indicator, county));
  }
  return out;
}

std::vector<std::pair<std::string, std::string>> grouped_county_indicators(
    const std::vector<TargetRecord>& targets) {
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto& t : targets) {
    if (per_county(t)) out.emplace_back(t.id, t.indicator + " group by county");
  }
  return out;
}

}  // namespace atlas::bench
