// The default dataset compiled into the binary: the plan files and boundary maps of data/plans/ and
// the CSV tables of data/*/ as they were at build time (src/io/CMakeLists.txt).
#pragma once

#include <span>
#include <string_view>

#include "io/dataset_reader.hpp"

namespace atlas::io {

struct EmbeddedFile {
  std::string_view name;   // path in the repository: "data/<tables>/enterprises.csv"
  std::string_view bytes;  // the file's bytes, static storage
};

/// The embedded files, sorted by name. Static storage; thread-safe.
[[nodiscard]] std::span<const EmbeddedFile> embedded_files();

/// Reads the embedded files with read_dataset (errors name them "embedded:data/…"). Thread-safe.
[[nodiscard]] ReadResult read_embedded_dataset(const ReadOptions& options = {});

}  // namespace atlas::io
