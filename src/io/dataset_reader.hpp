// Reading a dataset: any mix of one plan file (TOML) and CSV tables, validated as a whole.
#pragma once

#include <cstdint>
#include <expected>
#include <filesystem>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "model/error.hpp"
#include "model/records.hpp"

namespace atlas::io {

/// One input held in memory. The table is decided by the last path component of `name`
/// (`enterprises.csv`, `…/<plan-id>.toml`).
struct InputFile {
  std::string name;        // shown in errors: "data/<tables>/enterprises.csv", "embedded:data/…"
  std::string_view bytes;  // not owned: must outlive the read call
};

enum class ImportMode : std::uint8_t {
  kAllOrNothing,  // any error fails the whole read, with every error found
  kSkipInvalid,   // bad rows are left out and listed; only file-level errors fail the read
};

struct ReadOptions {
  ImportMode mode = ImportMode::kAllOrNothing;
  /// Records already in the database: references (county, enterprise, class …) may point at them,
  /// and they make every table "known", so references to ids in no table are errors. Not owned.
  const Dataset* existing = nullptr;
  /// Units of metrics known elsewhere (for observations.csv read without metrics.csv); these
  /// metrics also count as existing. output_value, revenue and rd_spend default to yuan and
  /// employees to count when the metric is found nowhere else.
  std::unordered_map<std::string, MetricUnit> metric_units;
  /// Checks each plan target's indicator as it is read, so that a plan whose indicator cannot be
  /// read is refused at import rather than failing each later check (io does not know the
  /// indicator language: the caller passes its parser). A returned Error is reported at the
  /// indicator's value in the plan file, with the column inside the expression in the message.
  /// Empty: indicators are read as text.
  std::function<std::optional<Error>(std::string_view indicator)> check_indicator;
};

/// A row (or TOML record) left out in kSkipInvalid mode, with everything wrong with it.
struct RejectedRow {
  std::string table;  // "enterprises", "observations", "zone", "project" …
  Location where;     // file and line where the row starts
  std::vector<Error> errors;
};

/// What a read gives: the records read (not merged with ReadOptions::existing) and, in
/// kSkipInvalid mode, the rows left out.
struct ReadOutcome {
  Dataset data;
  std::vector<RejectedRow> rejected;
  /// Where each target's indicator was read (`file:line:column` of its value), by target id: a
  /// check that needs the stored data (the indicator's names and types) reports there.
  std::vector<std::pair<std::string, Location>> indicator_locations;
  /// Where each target's unit was read, by target id: a unit that does not fit what the
  /// indicator measures is reported there.
  std::vector<std::pair<std::string, Location>> unit_locations;
};

/// A read gives its records, or every error found (never just the first).
using ReadResult = std::expected<ReadOutcome, std::vector<Error>>;

/// Reads files and directories: a directory stands for the known table files directly inside it
/// plus every `*.toml` in it and in its `plans/` subfolder. Every row is parsed and every
/// cross-reference checked among the records read (and ReadOptions::existing) before anything is
/// returned: enterprise.county, observation.enterprise, project.sponsor, class codes, chain links …
/// A reference is checked when its target table was read or `existing` is given. Duplicate keys
/// are errors among the records read (a key also in `existing` is an update, for the store).
/// Tables are read in dependency order whatever the order of `paths`; large CSV files are parsed
/// on several threads.
/// Errors (each `file:line:column: field: reason`, sorted by file and position) come back all
/// together. kIo for unreadable paths, kInvalidArgument for a file name that names no table.
/// Thread-safe (no shared state).
[[nodiscard]] ReadResult read_dataset(std::span<const std::filesystem::path> paths,
                                      const ReadOptions& options = {});

/// The same over inputs already in memory (the embedded dataset, uploads).
[[nodiscard]] ReadResult read_dataset(std::span<const InputFile> files, const ReadOptions& options = {});

/// The table file names read_dataset knows, in reading order ("counties.csv" … "candidates.csv").
[[nodiscard]] std::span<const std::string_view> table_file_names();

}  // namespace atlas::io
