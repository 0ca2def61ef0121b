// Data for the benchmarks and the comparison tools: synthetic datasets generated once into a cache
// directory keyed by size and seed, read back with the io module and turned into Snapshots.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "model/records.hpp"
#include "model/snapshot.hpp"

namespace atlas::bench {

/// The seed every benchmark and comparison uses unless ATLAS_BENCH_SEED says otherwise.
[[nodiscard]] std::uint64_t bench_seed();

/// `$ATLAS_BENCH_CACHE/n<N>-s<seed>` (default root /tmp/atlas-bench). Generates the dataset there
/// with app::generate_synthetic unless a previous run completed it (marked by a `.complete` file).
/// Aborts the process with a message when generation fails: benchmarks have no error channel.
[[nodiscard]] std::filesystem::path synthetic_dir(std::uint64_t enterprises,
                                                  std::uint64_t seed = bench_seed());

/// Reads every file of `dir` with io::read_dataset; aborts with the errors on failure.
[[nodiscard]] Dataset read_dir(const std::filesystem::path& dir);

/// Builds a Snapshot from `data` with SnapshotBuilder, streaming the enterprises and observations
/// by reference (no copy of the large tables); aborts on failure.
[[nodiscard]] std::shared_ptr<const Snapshot> build_snapshot(const Dataset& data, std::uint64_t version = 0);

/// The dataset of N enterprises, read once and kept until a different N is asked for (so that a
/// million-enterprise dataset and its Snapshot are not held twice). Not thread-safe.
[[nodiscard]] const Dataset& cached_dataset(std::uint64_t enterprises);
/// The Snapshot of the dataset of N enterprises, streamed from its files once (stream_snapshot;
/// same caching rule). Not thread-safe.
[[nodiscard]] std::shared_ptr<const Snapshot> cached_snapshot(std::uint64_t enterprises);
/// Drops the cached dataset (keeping the Snapshot), to free memory.
void drop_cached_dataset();

/// The targets' indicators with `county = "<id>"` added to every enterprise or project indicator,
/// one list per county (indicators of other sets — carriers, supplier entries — have no county
/// and are left out). `sum(output_value) where segment = "electric" in 2025` becomes
/// `sum(output_value) where county = "c0001" and (segment = "electric") in 2025`.
[[nodiscard]] std::vector<std::string> county_indicators(const std::vector<TargetRecord>& targets,
                                                         std::string_view county);

/// The same targets (those county_indicators keeps) as one grouped indicator each: the target's
/// indicator followed by ` group by county`, with the target's id.
[[nodiscard]] std::vector<std::pair<std::string, std::string>> grouped_county_indicators(
    const std::vector<TargetRecord>& targets);

}  // namespace atlas::bench
