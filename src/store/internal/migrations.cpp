#include "store/internal/migrations.hpp"

#include <fmt/format.h>

namespace atlas::store_internal {
namespace {

constexpr std::string_view kCreateVersionTable =
    "CREATE TABLE IF NOT EXISTS schema_version ("
    " version INTEGER PRIMARY KEY,"
    " name TEXT NOT NULL,"
    " applied_at TEXT NOT NULL) STRICT";

Result<void> apply_one(Db& db, const Migration& migration, std::string_view applied_at) {
  auto tx = Transaction::begin(db);
  if (!tx) return std::unexpected(tx.error());
  // Checked again under the write lock: another connection may have applied it meanwhile.
  auto present = db.query_int("SELECT count(*) FROM schema_version WHERE version = ?1", 0, migration.version);
  if (!present) return std::unexpected(present.error());
  if (*present > 0) return {};
  if (auto ok = db.exec(migration.sql); !ok) {
    Error error = ok.error();
    error.message = fmt::format("migration {:04}_{}: {}", migration.version, migration.name, error.message);
    return std::unexpected(std::move(error));
  }
  // Foreign keys are off while migrations run (a migration may rebuild a table that others
  // refer to, SQLite's documented procedure); every one of them must hold before COMMIT.
  auto dangling = db.query_int("SELECT count(*) FROM pragma_foreign_key_check", 0);
  if (!dangling) return std::unexpected(dangling.error());
  if (*dangling > 0) {
    return fail(ErrorCode::kStoreError,
                fmt::format("migration {:04}_{}: {} row(s) would refer to records that do not exist",
                            migration.version, migration.name, *dangling));
  }
  auto recorded = db.run("INSERT INTO schema_version (version, name, applied_at) VALUES (?1, ?2, ?3)",
                         migration.version, migration.name, applied_at);
  if (!recorded) return recorded;
  return tx->commit();
}

}  // namespace

Result<int> schema_version(Db& db) {
  auto version = db.query_int("SELECT max(version) FROM schema_version", 0);
  if (!version) return std::unexpected(version.error());
  return static_cast<int>(*version);
}

Result<void> migrate(Db& db, std::string_view applied_at) {
  if (auto ok = db.exec(kCreateVersionTable); !ok) return ok;
  auto current = schema_version(db);
  if (!current) return std::unexpected(current.error());
  const auto known = migrations();
  const int latest = known.empty() ? 0 : known.back().version;
  if (*current > latest) {
    return fail(ErrorCode::kStoreError,
                fmt::format("the database schema is version {}, newer than this program's {}: "
                            "upgrade atlas",
                            *current, latest));
  }
  if (*current == latest) return {};
  // PRAGMA foreign_keys is a no-op inside a transaction: switch it off around all of them.
  if (auto ok = db.exec("PRAGMA foreign_keys = OFF"); !ok) return ok;
  Result<void> outcome;
  for (const Migration& migration : known) {
    if (migration.version <= *current) continue;
    outcome = apply_one(db, migration, applied_at);
    if (!outcome) break;
  }
  if (auto ok = db.exec("PRAGMA foreign_keys = ON"); !ok && outcome) return ok;
  return outcome;
}

}  // namespace atlas::store_internal
