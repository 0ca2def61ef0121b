#include "store/internal/sqlite.hpp"

#include <utility>

#include <fmt/format.h>
#include <sqlite3.h>

namespace atlas::store_internal {

std::unexpected<Error> sqlite_error(sqlite3* db, std::string_view doing) {
  const char* message = db != nullptr ? sqlite3_errmsg(db) : "out of memory";
  const int code = db != nullptr ? sqlite3_extended_errcode(db) : SQLITE_NOMEM;
  if (doing.empty()) return fail(ErrorCode::kStoreError, fmt::format("{} (sqlite {})", message, code));
  return fail(ErrorCode::kStoreError, fmt::format("{}: {} (sqlite {})", doing, message, code));
}

// ---- Stmt ----

Stmt::Stmt(Stmt&& other) noexcept : stmt_(std::exchange(other.stmt_, nullptr)) {
}

Stmt& Stmt::operator=(Stmt&& other) noexcept {
  if (this != &other) {
    sqlite3_finalize(stmt_);
    stmt_ = std::exchange(other.stmt_, nullptr);
  }
  return *this;
}

Stmt::~Stmt() {
  sqlite3_finalize(stmt_);
}

void Stmt::reset() {
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
}

void Stmt::bind(int index, std::string_view text) {
  // A non-null pointer even for "", so an empty string binds as '' and not NULL.
  sqlite3_bind_text(stmt_, index, text.empty() ? "" : text.data(), static_cast<int>(text.size()),
                    SQLITE_STATIC);
}

void Stmt::bind(int index, std::int64_t value) {
  sqlite3_bind_int64(stmt_, index, value);
}

void Stmt::bind(int index, Nullable text) {
  if (text.text.empty()) {
    bind_null(index);
  } else {
    bind(index, text.text);
  }
}

void Stmt::bind(int index, const std::optional<std::int64_t>& value) {
  if (value) {
    bind(index, *value);
  } else {
    bind_null(index);
  }
}

void Stmt::bind(int index, const std::optional<bool>& value) {
  if (value) {
    bind(index, *value);
  } else {
    bind_null(index);
  }
}

void Stmt::bind(int index, const std::optional<std::string>& text) {
  if (text) {
    bind(index, std::string_view(*text));
  } else {
    bind_null(index);
  }
}

void Stmt::bind_null(int index) {
  sqlite3_bind_null(stmt_, index);
}

Result<bool> Stmt::step() {
  const int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  return sqlite_error(sqlite3_db_handle(stmt_), "");
}

Result<void> Stmt::run() {
  for (;;) {
    auto row = step();
    if (!row) return std::unexpected(row.error());
    if (!*row) return {};
  }
}

bool Stmt::is_null(int column) const {
  return sqlite3_column_type(stmt_, column) == SQLITE_NULL;
}

std::int64_t Stmt::int64(int column) const {
  return sqlite3_column_int64(stmt_, column);
}

std::string_view Stmt::text_view(int column) const {
  const auto* data = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, column));
  if (data == nullptr) return {};
  return {data, static_cast<std::size_t>(sqlite3_column_bytes(stmt_, column))};
}

std::string Stmt::text(int column) const {
  return std::string(text_view(column));
}

std::optional<std::int64_t> Stmt::opt_int64(int column) const {
  if (is_null(column)) return std::nullopt;
  return int64(column);
}

std::optional<bool> Stmt::opt_bool(int column) const {
  if (is_null(column)) return std::nullopt;
  return int64(column) != 0;
}

std::optional<std::string> Stmt::opt_text(int column) const {
  if (is_null(column)) return std::nullopt;
  return text(column);
}

// ---- Db ----

void Db::Close::operator()(sqlite3* db) const {
  sqlite3_close_v2(db);
}

Db::~Db() {
  cache_.clear();  // finalize statements first (member order already guarantees it; be explicit)
}

namespace {

// atlas_plan(): the plan id the connection's plan-owned statements read and write (Db::set_plan).
void atlas_plan_function(sqlite3_context* context, int /*argc*/, sqlite3_value** /*argv*/) {
  const auto* plan = static_cast<const std::string*>(sqlite3_user_data(context));
  sqlite3_result_text(context, plan->data(), static_cast<int>(plan->size()), SQLITE_TRANSIENT);
}

}  // namespace

Result<Db> Db::open(const std::string& path) {
  sqlite3* raw = nullptr;
  const int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX;
  const int rc = sqlite3_open_v2(path.c_str(), &raw, flags, nullptr);
  Db db(raw);  // owns the handle even when opening failed
  if (rc != SQLITE_OK) return sqlite_error(raw, fmt::format("opening {}", path));
  sqlite3_extended_result_codes(raw, 1);
  // Deterministic within one statement run (SQLite evaluates it once per run, so an index on
  // (plan, …) serves `plan = atlas_plan()`); direct-only: never callable from the schema.
  const int function_rc =
      sqlite3_create_function_v2(raw, "atlas_plan", 0, SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_DIRECTONLY,
                                 db.plan_.get(), atlas_plan_function, nullptr, nullptr, nullptr);
  if (function_rc != SQLITE_OK) return sqlite_error(raw, "registering atlas_plan()");
  return db;
}

void Db::set_plan(std::string_view plan) {
  plan_->assign(plan);
}

Result<void> Db::exec(std::string_view sql) {
  const std::string text(sql);
  if (sqlite3_exec(db_.get(), text.c_str(), nullptr, nullptr, nullptr) != SQLITE_OK) {
    return sqlite_error(db_.get(), "executing SQL");
  }
  return {};
}

Result<StmtRef> Db::prepare(std::string_view sql) {
  if (auto it = cache_.find(sql); it != cache_.end()) return StmtRef(it->second);
  sqlite3_stmt* raw = nullptr;
  const int rc = sqlite3_prepare_v3(db_.get(), sql.data(), static_cast<int>(sql.size()),
                                    SQLITE_PREPARE_PERSISTENT, &raw, nullptr);
  if (rc != SQLITE_OK) return sqlite_error(db_.get(), fmt::format("preparing `{}`", sql));
  auto [it, inserted] = cache_.emplace(std::string(sql), Stmt(raw));
  return StmtRef(it->second);
}

void Db::set_busy_timeout(int milliseconds) {
  sqlite3_busy_timeout(db_.get(), milliseconds);
}

std::int64_t Db::changes() const {
  return sqlite3_changes64(db_.get());
}

bool Db::autocommit() const {
  return sqlite3_get_autocommit(db_.get()) != 0;
}

// ---- Transaction ----

Result<Transaction> Transaction::begin(Db& db) {
  if (auto ok = db.run("BEGIN IMMEDIATE"); !ok) return std::unexpected(ok.error());
  return Transaction(db);
}

Result<Transaction> Transaction::begin_read(Db& db) {
  if (auto ok = db.run("BEGIN DEFERRED"); !ok) return std::unexpected(ok.error());
  return Transaction(db);
}

Result<void> Transaction::commit() {
  Db* db = std::exchange(db_, nullptr);
  if (auto ok = db->run("COMMIT"); !ok) {
    if (!db->autocommit()) (void)db->run("ROLLBACK");
    return std::unexpected(ok.error());
  }
  return {};
}

void Transaction::rollback() {
  Db* db = std::exchange(db_, nullptr);
  // SQLite may already have rolled back by itself (e.g. after SQLITE_FULL): then there is nothing to do.
  if (db != nullptr && !db->autocommit()) (void)db->run("ROLLBACK");
}

}  // namespace atlas::store_internal
