// The default dataset compiled into the binary: data/plans/meizhou-autoparts-2021-2025.toml and
// data/meizhou/*.csv as they were at build time.
#pragma once

#include <span>
#include <string_view>

#include "io/dataset_reader.hpp"

namespace atlas::io {

struct EmbeddedFile {
  std::string_view name;   // path in the repository: "data/meizhou/enterprises.csv"
  std::string_view bytes;  // the file's bytes, static storage
};

/// The embedded files, sorted by name. Static storage; thread-safe.
[[nodiscard]] std::span<const EmbeddedFile> embedded_files();

/// Reads the embedded files with read_dataset (errors name them "embedded:data/…"). Thread-safe.
[[nodiscard]] ReadResult read_embedded_dataset(const ReadOptions& options = {});

}  // namespace atlas::io
