// Schema migrations: src/store/migrations/NNNN_name.sql, compiled in, applied in order.
#pragma once

#include <span>
#include <string_view>

#include "model/error.hpp"
#include "store/internal/sqlite.hpp"

namespace atlas::store_internal {

struct Migration {
  int version;            // NNNN of the file name: 1, 2, 3 … without gaps
  std::string_view name;  // the rest of the file name, without .sql
  std::string_view sql;   // the file's text
};

/// Every migration known to this build, in version order (generated from the .sql files).
[[nodiscard]] std::span<const Migration> migrations();

/// Brings the schema up to date: creates schema_version if needed, then applies each migration
/// not yet recorded there, each in its own BEGIN IMMEDIATE transaction together with its
/// schema_version row (so two processes opening the same new file do not both apply it).
/// `applied_at` is the UTC time to record. Fails with kStoreError when a migration fails (that
/// migration is rolled back; earlier ones stay) or when the database is newer than this build.
[[nodiscard]] Result<void> migrate(Db& db, std::string_view applied_at);

/// The highest applied migration version (0 for a new database).
[[nodiscard]] Result<int> schema_version(Db& db);

}  // namespace atlas::store_internal
