// The store: the source of truth. A SQLite file (or ":memory:") holding plans and the registers they
// share (docs/storage.md, "Plans"), written
// only through apply() — one transaction per call, all or nothing — with an append-only audit log.
// See docs/storage.md for the schema, the transaction rules and the audit format.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/account.hpp"
#include "model/error.hpp"
#include "model/records.hpp"

namespace atlas {

namespace store_internal {
class Db;
}

/// Who does what: the actor and action recorded with an apply() in the audit log.
struct AuditEvent {
  std::string actor;   // "user: li.ming", "atlas import", "system"
  std::string action;  // "import", "seed", "edit" …; must not be empty
};

/// Records of one table touched by an apply(). Every record of the delta is exactly one of these.
struct TableCounts {
  std::string table;            // SQL table name: "enterprises", "observations" …
  std::uint64_t inserted = 0;   // the key was new
  std::uint64_t updated = 0;    // the key existed with a different record, which was replaced
  std::uint64_t unchanged = 0;  // the key existed with an equal record: nothing written
  bool operator==(const TableCounts&) const = default;
};

/// What a committed apply() did.
struct ApplySummary {
  std::int64_t event_id = 0;        // the audit event written; 0 when the apply changed nothing
  std::int64_t data_version = 0;    // the store's data version after the apply
  std::vector<TableCounts> tables;  // tables that had records in the delta, in write order
};

/// One row of the audit log.
struct AuditEntry {
  std::int64_t id = 0;
  std::string at;  // UTC, ISO 8601: "2025-10-31T08:00:00Z"
  std::string actor;
  std::string action;
  std::string summary;  // JSON: {"observations":{"inserted":12,"updated":1,"unchanged":0},…}
  std::int64_t data_version = 0;
};

/// One changed record of an audit event: its key and compact JSON images.
struct AuditChange {
  std::string table;
  std::string key;                    // the id, or a JSON array for composite keys
  std::optional<std::string> before;  // absent when the record was new
  std::string after;
};

/// Options for Store::open. The clock is injectable so tests get stable audit times.
struct StoreOptions {
  std::function<std::chrono::sys_seconds()> clock;  // empty: the system clock
  int busy_timeout_ms = 5000;  // how long a write waits for another connection's write lock
  // SQLite's page cache. Large enough to keep the upper levels of the big b-trees in memory during
  // an import; a transaction bigger than the cache spills its pages to the WAL before COMMIT.
  int cache_kib = 64 * 1024;
};

/// Called while apply() runs with the table being written and the number of delta records done so
/// far (all tables together): every kProgressInterval records and once at the end of each table.
/// It runs inside the transaction; if it throws, the apply is rolled back.
using ApplyProgress = std::function<void(std::string_view table, std::uint64_t records_done)>;
inline constexpr std::uint64_t kProgressInterval = 10'000;

/// One connection to a store database. Move-only; not thread-safe: use one Store per thread
/// (several Stores, even in several processes, may open the same file; writes serialise on
/// SQLite's write lock, readers see only committed applies). No method throws.
class Store {
 public:
  /// Opens or creates the database at `path` (":memory:" for a private in-memory one), sets WAL
  /// mode (files only), synchronous=NORMAL, foreign keys on and the busy timeout, and applies
  /// pending migrations, each in its own transaction. kStoreError when the file cannot be opened,
  /// is not a database, is newer than this program, or a migration fails; kInvalidArgument for
  /// an empty path.
  [[nodiscard]] static Result<Store> open(const std::string& path, StoreOptions options = {});

  Store(Store&&) noexcept;
  Store& operator=(Store&&) noexcept;
  ~Store();

  /// Upserts every record of `delta` in ONE transaction (BEGIN IMMEDIATE). Its plan-owned records
  /// (zones, facts, projects, milestones, chains, candidates, targets, plan members) belong to
  /// `delta.plan.id`, or with no id to the database's only plan (kInvalidArgument when it holds none
  /// or several; kUnknownReference for a plan id the database lacks when the delta holds only the id);
  /// the plan row itself is written when `delta.plan` holds more than its id. A record replaces the
  /// stored one with the same key (a re-imported observation replaces the old figure); list
  /// fields (classes, hs codes, chain links …) are replaced whole. The plan is written when
  /// `delta.plan` is not default-constructed. Appends one audit event with per-table counts and
  /// the before/after JSON of each changed record — except observations and supply edges, which
  /// log before/after only when they replace a different stored record (new ones are only
  /// counted), so that an import of millions of rows does not double the database. Bumps data_version by one.
  /// An apply whose every record is already stored as it is writes nothing at all: no audit
  /// event (event_id 0), data_version unchanged, per-table counts all `unchanged`.
  /// A value the store could not read back is refused before it is written (kInvalidDate for a
  /// date that make_date refuses, e.g. year 0).
  /// Any failure rolls everything back and returns the error, its `field` the table and its
  /// message the record's key: kStoreError with what the constraint means and SQLite's message (e.g.
  /// "record x: it refers to a record that does not exist (FOREIGN KEY constraint failed …)", a CHECK),
  /// kDuplicateKey for a link id repeated within a chain, kInvalidArgument for an empty action. Records
  /// within a table may come in any order (parents in the same table — taxonomy, zones, enterprise groups —
  /// are written first).
  /// `before_commit`, when given, runs inside the write transaction once every record is written
  /// (and only when something changed), just before COMMIT: reads of this Store inside it see the
  /// delta as it will be committed. An error it returns rolls everything back and is apply()'s
  /// error — a check that needs the whole stored state (app/ type-checks an imported plan's
  /// indicators against the data they will run on).
  [[nodiscard]] Result<ApplySummary> apply(const Dataset& delta, const AuditEvent& event,
                                           const ApplyProgress& progress = {},
                                           const std::function<Result<void>()>& before_commit = {});

  /// Every plan (with its scope), in id order.
  [[nodiscard]] Result<std::vector<PlanInfo>> plans();

  /// One plan's records with every register (all enterprises, observations … whatever the plan's
  /// scope: app/ decides what the scope takes), each vector in key order (see normalize_order).
  /// `plan` empty: the default plan, else the only plan (none: the registers alone). kStoreError on
  /// failure; kUnknownReference for a plan the database does not hold; kInvalidArgument when no plan
  /// is named and the database holds several without a default.
  [[nodiscard]] Result<Dataset> load(std::string_view plan = {});

  /// The same without enterprises, observations and supply edges (the small tables), in key order.
  /// With scan_enterprises/scan_observations/scan_supply_edges this streams a large store into a
  /// SnapshotBuilder.
  [[nodiscard]] Result<Dataset> load_small_tables(std::string_view plan = {});
  /// Calls `visit` for each enterprise in id order; stops at and returns the first error.
  /// `visit` must not call back into this Store (its statements are in use).
  [[nodiscard]] Result<void> scan_enterprises(
      const std::function<Result<void>(const EnterpriseRecord&)>& visit);
  /// Calls `visit` for each observation in (enterprise, metric, period text) order; same rules.
  [[nodiscard]] Result<void> scan_observations(
      const std::function<Result<void>(const ObservationRecord&)>& visit);
  /// Calls `visit` for each supply edge in (supplier, customer, product class) order; same rules.
  [[nodiscard]] Result<void> scan_supply_edges(
      const std::function<Result<void>(const SupplyEdgeRecord&)>& visit);

  /// Runs `body` inside one read transaction: every read of this Store inside it (load_small_tables,
  /// scan_*, data_version …) sees the same committed state, even if another process commits
  /// meanwhile — e.g. to stream a Snapshot and know its exact data_version. apply() inside it fails
  /// (kStoreError). Returns body's error, or kStoreError if the transaction cannot start.
  [[nodiscard]] Result<void> with_read_transaction(const std::function<Result<void>()>& body);

  /// True when no table of the dataset holds a record (a fresh database).
  [[nodiscard]] Result<bool> is_empty();

  /// The latest `limit` audit events, newest first.
  [[nodiscard]] Result<std::vector<AuditEntry>> audit_log(std::size_t limit);
  /// The changed records of one audit event, in the order they were written.
  [[nodiscard]] Result<std::vector<AuditChange>> audit_changes(std::int64_t event_id);

  /// A counter bumped by each committed apply (0 for a new store): the version for Snapshots.
  [[nodiscard]] Result<std::int64_t> data_version();
  /// The highest applied schema migration.
  [[nodiscard]] Result<int> schema_version();

  // Accounts (docs/security.md). Each write is one transaction with one audit event (table
  // "users", the record without its password hash: the log says only when the password changed).
  /// Adds a user; `user.created` and `user.password_changed` are set to now. kDuplicateKey (field
  /// "name") when the name is taken, kUnknownReference (field "enterprise") for an enterprise the
  /// store does not hold, kStoreError for a record the table refuses (app/accounts checks first).
  [[nodiscard]] Result<UserRecord> add_user(UserRecord user, const AuditEvent& event);
  /// Replaces a stored user (disable, enable, a new password: set password_changed to "" and it
  /// is set to now). kNotFound (field "name") when there is no such user.
  [[nodiscard]] Result<UserRecord> update_user(UserRecord user, const AuditEvent& event);
  /// One user; none when there is no such name.
  [[nodiscard]] Result<std::optional<UserRecord>> find_user(std::string_view name);
  /// Every user, by name.
  [[nodiscard]] Result<std::vector<UserRecord>> users();
  // update_user also ends the user's sessions when it disables the account, changes its password,
  // role or enterprise, and clears its failed sign-ins when it changes the password or enables it.

  // Sessions and failed sign-ins (not audited change by change; the server logs them).
  /// Stores a new session, first deleting every session that has expired by `now` or been idle
  /// since `idle_before`. kUnknownReference (field "user") for a user the store does not hold.
  [[nodiscard]] Result<void> add_session(const SessionRecord& session, std::int64_t now,
                                         std::int64_t idle_before);
  /// The session with this token hash and its user; none when there is no such session.
  [[nodiscard]] Result<std::optional<SessionLookup>> find_session(std::string_view token_hash);
  /// Records activity on a session.
  [[nodiscard]] Result<void> touch_session(std::string_view token_hash, std::int64_t last_seen);
  /// Ends a session (nothing when there is none).
  [[nodiscard]] Result<void> delete_session(std::string_view token_hash);
  /// The open sessions of a user (every user when `user` is empty), newest first.
  [[nodiscard]] Result<std::vector<SessionRecord>> sessions(std::string_view user);
  /// A user's failed sign-ins (zeros when none are recorded).
  [[nodiscard]] Result<SignInFailures> sign_in_failures(std::string_view user);
  /// Counts one more failed sign-in of an existing user in one transaction; the `max_failures`-th
  /// in a row locks the account until now + lock_seconds (and starts the count again).
  [[nodiscard]] Result<SignInFailures> record_sign_in_failure(std::string_view user, std::int64_t now,
                                                              std::int64_t max_failures,
                                                              std::int64_t lock_seconds);
  /// Forgets a user's failed sign-ins (after a successful one).
  [[nodiscard]] Result<void> clear_sign_in_failures(std::string_view user);

 private:
  Store(std::unique_ptr<store_internal::Db> db, StoreOptions options);
  [[nodiscard]] std::string now() const;

  std::unique_ptr<store_internal::Db> db_;
  StoreOptions options_;
};

/// Sorts every vector of `dataset` by its key — id (code for taxonomy); observations by
/// (enterprise, metric, period); milestones by (project, kind, note); supply edges by (supplier,
/// customer, product class) — the order load() returns.
/// Lists inside records (classes, links …) keep their order. Byte-wise string comparison.
void normalize_order(Dataset& dataset);

/// `time` as UTC ISO 8601 with seconds: "2025-10-31T08:00:00Z".
[[nodiscard]] std::string format_utc(std::chrono::sys_seconds time);

}  // namespace atlas
