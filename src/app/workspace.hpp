// The use cases around one database: open it (seeding the embedded plan on first use), publish
// Snapshots of it, import files into it and export it.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <stop_token>
#include <string>
#include <vector>

#include "model/error.hpp"
#include "model/plan_set.hpp"
#include "model/snapshot.hpp"
#include "store/store.hpp"

namespace atlas::app {

/// Errors of a whole operation: several when a file has several bad rows.
using Errors = std::vector<Error>;

struct OpenOptions {
  /// Load the embedded default dataset when the database holds nothing yet.
  bool seed_if_empty = true;
  StoreOptions store;
};

struct ImportOptions {
  bool skip_invalid = false;  // write the good rows, list the bad ones
  std::string plan;           // the plan that CSV tables read without a plan file belong to (--plan)
  std::string actor = "atlas import";
};

/// One rejected row of an import with --skip-invalid: its errors, each `file:line:column: field: reason`.
struct RejectedRow {
  std::string table;
  std::vector<Error> errors;
};

struct ImportReport {
  ApplySummary applied;
  std::vector<RejectedRow> rejected;
  std::uint64_t records = 0;  // records written (inserted, updated or unchanged)
};

/// A database and the Snapshot published from it. Move-only; not thread-safe (one per thread or
/// process); snapshot() results are immutable and may be shared freely.
class Workspace {
 public:
  /// Opens (or creates) the database at `path` and publishes its Snapshot. With seed_if_empty, an
  /// empty database first receives the embedded default dataset in one audited transaction
  /// (action "seed"). Errors: the store's (kStoreError …), or the embedded data's if it is broken.
  [[nodiscard]] static Result<Workspace> open(const std::string& path, const OpenOptions& options = {});

  /// The latest published plans (never null): one Snapshot per plan.
  [[nodiscard]] std::shared_ptr<const PlanSet> plans() const { return plans_; }
  /// The published Snapshot of the default plan, else the only plan, else the first (never null).
  [[nodiscard]] std::shared_ptr<const Snapshot> snapshot() const;
  /// The published Snapshot of plan `id` (empty: the default or only plan); errors as PlanSet::find.
  [[nodiscard]] Result<std::shared_ptr<const Snapshot>> plan(std::string_view id) const {
    return plans_->find(id);
  }
  [[nodiscard]] Store& store() { return store_; }
  /// True when open() found the database empty and loaded the embedded plan into it: callers say
  /// so, since a user who meant to load a plan of their own now sees the default plan's.
  [[nodiscard]] bool seeded() const { return seeded_; }

  /// Reads `paths` (CSV tables, the plan TOML, directories of them), validates every row and every
  /// reference against what is read and what the database holds, then writes everything in one
  /// audited transaction and publishes a new Snapshot. Any error (without skip_invalid): nothing is
  /// written and every error is returned. With skip_invalid: the good rows are written and the
  /// rejected ones listed in the report; file-level errors still fail the whole import.
  [[nodiscard]] std::expected<ImportReport, Errors> import_files(
      const std::vector<std::filesystem::path>& paths, const ImportOptions& options);

  /// Writes one plan's view (its records and the registers its scope takes; `plan` empty: the
  /// default or only plan) to `dir` in the import layout (plans/<id>.toml and the CSV tables).
  [[nodiscard]] Result<void> export_to(const std::filesystem::path& dir, std::string_view plan = {});

  /// Publishes a new Snapshot when the store's data_version differs from the published one's (an
  /// apply committed by another connection or process); true when it did. Errors (the store's, or
  /// the SnapshotBuilder's for stored data it refuses): the published Snapshot stays as it was.
  /// A stop requested on `stop` abandons a rebuild half-way (kIo "rebuild stopped").
  [[nodiscard]] Result<bool> refresh(std::stop_token stop = {});

 private:
  explicit Workspace(Store store) : store_(std::move(store)) {}
  [[nodiscard]] Result<void> publish();

  Store store_;
  std::shared_ptr<const PlanSet> plans_;
  bool seeded_ = false;
};

}  // namespace atlas::app
