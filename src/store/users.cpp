// Store: the accounts table (docs/security.md). Each write is one transaction with its audit event.
#include <exception>

#include <fmt/format.h>

#include "store/internal/audit.hpp"
#include "store/internal/guarded.hpp"
#include "store/internal/json.hpp"
#include "store/internal/sqlite.hpp"
#include "store/store.hpp"

namespace atlas {
namespace {

using store_internal::Db;
using store_internal::guarded;
using store_internal::Nullable;
using store_internal::Transaction;

constexpr std::string_view kColumns =
    "name, role, enterprise, password_hash, disabled, created, password_changed";

// The audit image of a user: everything but the password hash.
std::string image(const UserRecord& u) {
  store_internal::JsonWriter w;
  w.begin_object()
      .field("name", u.name)
      .field("role", to_string(u.role))
      .field("enterprise", u.enterprise)
      .field("disabled", u.disabled)
      .field("created", u.created)
      .field("password_changed", u.password_changed)
      .end_object();
  return w.str();
}

// The user on the statement's current row (its columns in kColumns order).
UserRecord user_at(const store_internal::Stmt& row) {
  UserRecord u;
  u.name = row.text(0);
  u.role = parse_role(row.text_view(1)).value_or(Role::kAnalyst);
  u.enterprise = row.text(2);
  u.password_hash = row.text(3);
  u.disabled = row.int64(4) != 0;
  u.created = row.text(5);
  u.password_changed = row.text(6);
  return u;
}

Result<std::optional<UserRecord>> read_user(Db& db, std::string_view name) {
  auto stmt = db.prepare(fmt::format("SELECT {} FROM users WHERE name = ?1", kColumns));
  if (!stmt) return std::unexpected(stmt.error());
  (*stmt)->bind(1, name);
  auto row = (*stmt)->step();
  if (!row) return std::unexpected(row.error());
  if (!*row) return std::optional<UserRecord>();
  return std::optional<UserRecord>(user_at(**stmt));
}

// One write of the users table with its audit event, in one transaction.
Result<void> write_user(Db& db, const UserRecord& u, const std::optional<UserRecord>& before,
                        const AuditEvent& event, const std::string& at) {
  if (event.action.empty()) return fail(ErrorCode::kInvalidArgument, "the audit action is empty", "action");
  auto tx = Transaction::begin(db);
  if (!tx) return std::unexpected(tx.error());
  const std::string sql = fmt::format(
      "INSERT INTO users ({}) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) ON CONFLICT (name) DO UPDATE SET "
      "role = excluded.role, enterprise = excluded.enterprise, password_hash = excluded.password_hash, "
      "disabled = excluded.disabled, created = excluded.created, "
      "password_changed = excluded.password_changed",
      kColumns);
  if (auto ok = db.run(sql, u.name, std::string_view(to_string(u.role)), Nullable{u.enterprise},
                       u.password_hash, u.disabled, u.created, u.password_changed);
      !ok) {
    return std::unexpected(ok.error());
  }
  auto audit = store_internal::AuditWriter::begin(db);
  if (!audit) return std::unexpected(audit.error());
  const std::optional<std::string> old = before ? std::optional<std::string>(image(*before)) : std::nullopt;
  if (auto ok = audit->change("users", u.name, old, image(u)); !ok) return std::unexpected(ok.error());
  const std::string summary = before ? R"({"users":{"inserted":0,"updated":1,"unchanged":0}})"
                                     : R"({"users":{"inserted":1,"updated":0,"unchanged":0}})";
  auto version = db.query_int("SELECT data_version FROM store_state WHERE slot = 1", 0);
  if (!version) return std::unexpected(version.error());
  if (auto ok = audit->finish(event, at, summary, *version); !ok) return std::unexpected(ok.error());
  return tx->commit();
}

}  // namespace

Result<UserRecord> Store::add_user(UserRecord user, const AuditEvent& event) {
  return guarded("add_user", [&]() -> Result<UserRecord> {
    auto existing = read_user(*db_, user.name);
    if (!existing) return std::unexpected(existing.error());
    if (*existing) return fail(ErrorCode::kDuplicateKey, "a user named \"" + user.name + "\" exists", "name");
    if (!user.enterprise.empty()) {
      auto found = db_->query_int("SELECT count(*) FROM enterprises WHERE id = ?1", 0, user.enterprise);
      if (!found) return std::unexpected(found.error());
      if (*found == 0) {
        return fail(ErrorCode::kUnknownReference, "no enterprise \"" + user.enterprise + "\" in the database",
                    "enterprise");
      }
    }
    user.created = now();
    user.password_changed = user.created;
    if (auto ok = write_user(*db_, user, std::nullopt, event, user.created); !ok)
      return std::unexpected(ok.error());
    return user;
  });
}

Result<UserRecord> Store::update_user(UserRecord user, const AuditEvent& event) {
  return guarded("update_user", [&]() -> Result<UserRecord> {
    auto existing = read_user(*db_, user.name);
    if (!existing) return std::unexpected(existing.error());
    if (!*existing) return fail(ErrorCode::kNotFound, "no user named \"" + user.name + "\"", "name");
    const std::string at = now();
    if (user.password_changed.empty()) user.password_changed = at;
    user.created = (*existing)->created;
    if (auto ok = write_user(*db_, user, *existing, event, at); !ok) return std::unexpected(ok.error());
    return user;
  });
}

Result<std::optional<UserRecord>> Store::find_user(std::string_view name) {
  return guarded("find_user", [&] { return read_user(*db_, name); });
}

Result<std::vector<UserRecord>> Store::users() {
  return guarded("users", [&]() -> Result<std::vector<UserRecord>> {
    auto stmt = db_->prepare(fmt::format("SELECT {} FROM users ORDER BY name", kColumns));
    if (!stmt) return std::unexpected(stmt.error());
    std::vector<UserRecord> out;
    while (true) {
      auto row = (*stmt)->step();
      if (!row) return std::unexpected(row.error());
      if (!*row) break;
      out.push_back(user_at(**stmt));
    }
    return out;
  });
}

}  // namespace atlas
