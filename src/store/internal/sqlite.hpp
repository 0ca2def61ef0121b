// RAII wrappers for sqlite3* and sqlite3_stmt*, a statement cache and a transaction guard.
// Private to store/: nothing outside this module sees SQLite.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "model/error.hpp"

struct sqlite3;
struct sqlite3_stmt;

namespace atlas::store_internal {

/// A text parameter that binds NULL when empty: an absent reference ("" county) is SQL NULL.
struct Nullable {
  std::string_view text;
};

/// One prepared statement. Owns its sqlite3_stmt; move-only. Not thread-safe.
/// Text is bound with SQLITE_STATIC: a bound string must outlive the statement's last step
/// before the next reset() (every caller binds locals or record fields that do).
class Stmt {
 public:
  Stmt() = default;
  explicit Stmt(sqlite3_stmt* stmt) : stmt_(stmt) {}
  Stmt(Stmt&& other) noexcept;
  Stmt& operator=(Stmt&& other) noexcept;
  Stmt(const Stmt&) = delete;
  Stmt& operator=(const Stmt&) = delete;
  ~Stmt();

  /// Resets the statement to run again and clears every binding.
  void reset();

  void bind(int index, std::string_view text);
  void bind(int index, const std::string& text) { bind(index, std::string_view(text)); }
  void bind(int index, const char* text) { bind(index, std::string_view(text)); }
  void bind(int index, std::int64_t value);
  void bind(int index, int value) { bind(index, static_cast<std::int64_t>(value)); }
  void bind(int index, bool value) { bind(index, static_cast<std::int64_t>(value ? 1 : 0)); }
  void bind(int index, Nullable text);
  void bind(int index, const std::optional<std::int64_t>& value);
  void bind(int index, const std::optional<bool>& value);
  void bind(int index, const std::optional<std::string>& text);
  void bind_null(int index);

  /// Binds the arguments to parameters ?1, ?2 … in order.
  template <class... Args>
  void bind_all(const Args&... args) {
    int index = 0;
    (bind(++index, args), ...);
  }

  /// Runs one step: true when a row is ready, false when done; kStoreError with SQLite's message.
  [[nodiscard]] Result<bool> step();
  /// Steps until done (for statements that return no rows, or whose rows are not wanted).
  [[nodiscard]] Result<void> run();

  [[nodiscard]] bool is_null(int column) const;
  [[nodiscard]] std::int64_t int64(int column) const;
  /// Text of a column; NULL reads as "".
  [[nodiscard]] std::string text(int column) const;
  [[nodiscard]] std::string_view text_view(int column) const;  // valid until the next step/reset
  [[nodiscard]] std::optional<std::int64_t> opt_int64(int column) const;
  [[nodiscard]] std::optional<bool> opt_bool(int column) const;
  [[nodiscard]] std::optional<std::string> opt_text(int column) const;

 private:
  sqlite3_stmt* stmt_ = nullptr;
};

/// A cached statement in use: resets it (and clears its bindings) when it goes out of scope, so
/// a read statement never keeps a snapshot open.
class StmtRef {
 public:
  explicit StmtRef(Stmt& stmt) : stmt_(&stmt) {}
  StmtRef(StmtRef&& other) noexcept : stmt_(other.stmt_) { other.stmt_ = nullptr; }
  StmtRef(const StmtRef&) = delete;
  StmtRef& operator=(const StmtRef&) = delete;
  StmtRef& operator=(StmtRef&&) = delete;
  ~StmtRef() {
    if (stmt_ != nullptr) stmt_->reset();
  }
  Stmt* operator->() const { return stmt_; }
  Stmt& operator*() const { return *stmt_; }

 private:
  Stmt* stmt_;
};

/// One connection with its statement cache. Move-only; not thread-safe (one Db per thread).
class Db {
 public:
  /// Opens (creating if needed) the database at `path` (":memory:" allowed). kStoreError on failure.
  static Result<Db> open(const std::string& path);

  Db(Db&&) noexcept = default;
  Db& operator=(Db&&) noexcept = default;
  ~Db();

  /// Runs SQL text without parameters (may hold several statements). For constant SQL only.
  [[nodiscard]] Result<void> exec(std::string_view sql);
  /// A prepared statement for `sql`, compiled once and reused. kStoreError when SQL is invalid.
  [[nodiscard]] Result<StmtRef> prepare(std::string_view sql);

  /// Prepares, binds and runs a statement that returns no rows.
  template <class... Args>
  [[nodiscard]] Result<void> run(std::string_view sql, const Args&... args) {
    auto stmt = prepare(sql);
    if (!stmt) return std::unexpected(stmt.error());
    (*stmt)->bind_all(args...);
    return (*stmt)->run();
  }

  /// The first column of the first row as an integer; `fallback` when there is no row or NULL.
  template <class... Args>
  [[nodiscard]] Result<std::int64_t> query_int(std::string_view sql, std::int64_t fallback,
                                               const Args&... args) {
    auto stmt = prepare(sql);
    if (!stmt) return std::unexpected(stmt.error());
    (*stmt)->bind_all(args...);
    auto row = (*stmt)->step();
    if (!row) return std::unexpected(row.error());
    return (*row && !(*stmt)->is_null(0)) ? (*stmt)->int64(0) : fallback;
  }

  /// The plan whose records the statements of plan-owned tables read and write: SQL sees it as
  /// `atlas_plan()` (e.g. `WHERE plan = atlas_plan()`). Set by the Store around each plan's
  /// reads and writes; empty until then.
  void set_plan(std::string_view plan);
  [[nodiscard]] const std::string& plan() const { return *plan_; }

  /// How long a statement waits for another connection's lock before failing with SQLITE_BUSY.
  void set_busy_timeout(int milliseconds);

  /// Rows changed by the last INSERT/UPDATE/DELETE.
  [[nodiscard]] std::int64_t changes() const;
  /// True when no transaction is open.
  [[nodiscard]] bool autocommit() const;
  [[nodiscard]] sqlite3* handle() const { return db_.get(); }

 private:
  struct Close {
    void operator()(sqlite3* db) const;
  };
  struct Hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  explicit Db(sqlite3* db) : db_(db) {}

  // Declared before db_, so that it outlives the connection whose atlas_plan() reads it; a
  // pointer, so that its address stays the same when the Db moves.
  std::unique_ptr<std::string> plan_ = std::make_unique<std::string>();
  std::unique_ptr<sqlite3, Close> db_;
  // Declared after db_, so statements are finalized before the connection closes.
  std::unordered_map<std::string, Stmt, Hash, std::equal_to<>> cache_;
};

/// A transaction that rolls back unless committed. Move-only.
class Transaction {
 public:
  /// A write transaction (BEGIN IMMEDIATE): takes the write lock now, waiting up to the busy
  /// timeout. kStoreError when it cannot.
  static Result<Transaction> begin(Db& db);
  /// A read transaction (BEGIN DEFERRED): every read inside it sees the same committed state.
  static Result<Transaction> begin_read(Db& db);

  Transaction(Transaction&& other) noexcept : db_(other.db_) { other.db_ = nullptr; }
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;
  Transaction& operator=(Transaction&&) = delete;
  ~Transaction() { rollback(); }

  /// Commits; on failure the transaction is rolled back and the error returned.
  [[nodiscard]] Result<void> commit();
  /// Rolls back if still open. Never fails (an already-aborted transaction is fine).
  void rollback();

 private:
  explicit Transaction(Db& db) : db_(&db) {}
  Db* db_;
};

/// kStoreError carrying SQLite's current message for `db`, prefixed with what was being done
/// (no prefix when `doing` is empty).
[[nodiscard]] std::unexpected<Error> sqlite_error(sqlite3* db, std::string_view doing);

}  // namespace atlas::store_internal
