// A Snapshot straight from a synthetic dataset's files, streaming the two large tables
// (enterprises.csv, observations.csv) row by row into a SnapshotBuilder, so that a national
// dataset (60M observations) never exists as a vector of records: the io module's read_dataset
// returns a whole Dataset, about 20 GB at that size. Bench-only: it understands exactly the
// columns app::generate_synthetic writes and checks no references beyond what the builder checks.
#pragma once

#include <filesystem>
#include <memory>

#include "model/snapshot.hpp"

namespace atlas::bench {

/// Reads the small tables with io::read_dataset, then streams enterprises.csv and
/// observations.csv. Aborts the process with a message on any error.
[[nodiscard]] std::shared_ptr<const Snapshot> stream_snapshot(const std::filesystem::path& dir);

}  // namespace atlas::bench
