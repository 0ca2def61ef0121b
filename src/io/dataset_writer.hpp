// Writing a dataset back to files in the layout read_dataset reads (round trip: equal Datasets).
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

#include "model/error.hpp"
#include "model/records.hpp"

namespace atlas::io {

/// Writes `<dir>/plans/<plan-id>.toml` (when the dataset has a plan part; `plan.toml` when its id
/// is not a slug) and `<dir>/<table>.csv` for every table of docs/formats.md (a header alone when the
/// table is empty), creating the folders. Each file is written to a temporary beside it and renamed
/// into place, so no reader ever sees a half-written file (the set of files is not one transaction).
/// CSV: every column, quoted where needed, lists joined with `;`, amounts of yuan metrics in the
/// plan's units (format_amount). read_dataset({dir}) gives `data` back. Fails with kIo.
/// Thread-safe for distinct directories.
[[nodiscard]] Result<void> write_dataset(const Dataset& data, const std::filesystem::path& dir);

/// One table of `data` as CSV text; `file_name` is a table file name ("enterprises.csv").
/// kInvalidArgument for another name.
[[nodiscard]] Result<std::string> write_table(const Dataset& data, std::string_view file_name);

}  // namespace atlas::io
