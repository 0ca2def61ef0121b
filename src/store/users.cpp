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
  if (before) {
    // A disabled account, a new password, role or enterprise: every open session of it ends (a
    // session must never carry rights its account no longer has).
    const bool rights_changed = u.disabled || u.password_hash != before->password_hash ||
                                u.role != before->role || u.enterprise != before->enterprise;
    if (rights_changed) {
      if (auto ok = db.run("DELETE FROM sessions WHERE user = ?1", u.name); !ok)
        return std::unexpected(ok.error());
    }
    // An administrator's reset or enabling the account lifts a lock-out.
    if (u.password_hash != before->password_hash || (before->disabled && !u.disabled)) {
      if (auto ok = db.run("DELETE FROM sign_in_failures WHERE user = ?1", u.name); !ok)
        return std::unexpected(ok.error());
    }
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

constexpr std::string_view kSessionColumns = "token_hash, user, created, last_seen, expires, remote";

SessionRecord session_at(const store_internal::Stmt& row, int first) {
  SessionRecord r;
  r.token_hash = row.text(first);
  r.user = row.text(first + 1);
  r.created = row.int64(first + 2);
  r.last_seen = row.int64(first + 3);
  r.expires = row.int64(first + 4);
  r.remote = row.text(first + 5);
  return r;
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

Result<void> Store::add_session(const SessionRecord& session, std::int64_t now, std::int64_t idle_before) {
  return guarded("add_session", [&]() -> Result<void> {
    auto tx = Transaction::begin(*db_);
    if (!tx) return std::unexpected(tx.error());
    if (auto ok = db_->run("DELETE FROM sessions WHERE expires <= ?1 OR last_seen < ?2", now, idle_before);
        !ok)
      return std::unexpected(ok.error());
    auto found = db_->query_int("SELECT count(*) FROM users WHERE name = ?1", 0, session.user);
    if (!found) return std::unexpected(found.error());
    if (*found == 0)
      return fail(ErrorCode::kUnknownReference, "no user named \"" + session.user + "\"", "user");
    if (auto ok = db_->run(
            fmt::format("INSERT INTO sessions ({}) VALUES (?1, ?2, ?3, ?4, ?5, ?6)", kSessionColumns),
            session.token_hash, session.user, session.created, session.last_seen, session.expires,
            session.remote);
        !ok) {
      return std::unexpected(ok.error());
    }
    return tx->commit();
  });
}

Result<std::optional<SessionLookup>> Store::find_session(std::string_view token_hash) {
  return guarded("find_session", [&]() -> Result<std::optional<SessionLookup>> {
    auto stmt = db_->prepare(
        "SELECT u.name, u.role, u.enterprise, u.password_hash, u.disabled, u.created, u.password_changed, "
        "s.token_hash, s.user, s.created, s.last_seen, s.expires, s.remote "
        "FROM sessions s JOIN users u ON u.name = s.user WHERE s.token_hash = ?1");
    if (!stmt) return std::unexpected(stmt.error());
    (*stmt)->bind(1, token_hash);
    auto row = (*stmt)->step();
    if (!row) return std::unexpected(row.error());
    if (!*row) return std::optional<SessionLookup>();
    return std::optional<SessionLookup>(SessionLookup{session_at(**stmt, 7), user_at(**stmt)});
  });
}

Result<void> Store::touch_session(std::string_view token_hash, std::int64_t last_seen) {
  return guarded("touch_session", [&] {
    return db_->run("UPDATE sessions SET last_seen = max(last_seen, ?2) WHERE token_hash = ?1", token_hash,
                    last_seen);
  });
}

Result<void> Store::delete_session(std::string_view token_hash) {
  return guarded("delete_session",
                 [&] { return db_->run("DELETE FROM sessions WHERE token_hash = ?1", token_hash); });
}

Result<std::vector<SessionRecord>> Store::sessions(std::string_view user) {
  return guarded("sessions", [&]() -> Result<std::vector<SessionRecord>> {
    auto stmt = db_->prepare(
        fmt::format("SELECT {} FROM sessions WHERE ?1 = '' OR user = ?1 ORDER BY created DESC, token_hash",
                    kSessionColumns));
    if (!stmt) return std::unexpected(stmt.error());
    (*stmt)->bind(1, user);
    std::vector<SessionRecord> out;
    while (true) {
      auto row = (*stmt)->step();
      if (!row) return std::unexpected(row.error());
      if (!*row) break;
      out.push_back(session_at(**stmt, 0));
    }
    return out;
  });
}

Result<SignInFailures> Store::sign_in_failures(std::string_view user) {
  return guarded("sign_in_failures", [&]() -> Result<SignInFailures> {
    auto stmt = db_->prepare("SELECT failures, locked_until FROM sign_in_failures WHERE user = ?1");
    if (!stmt) return std::unexpected(stmt.error());
    (*stmt)->bind(1, user);
    auto row = (*stmt)->step();
    if (!row) return std::unexpected(row.error());
    if (!*row) return SignInFailures{};
    return SignInFailures{(*stmt)->int64(0), (*stmt)->int64(1)};
  });
}

Result<SignInFailures> Store::record_sign_in_failure(std::string_view user, std::int64_t now,
                                                     std::int64_t max_failures, std::int64_t lock_seconds) {
  return guarded("record_sign_in_failure", [&]() -> Result<SignInFailures> {
    auto tx = Transaction::begin(*db_);
    if (!tx) return std::unexpected(tx.error());
    auto failures = db_->query_int("SELECT failures FROM sign_in_failures WHERE user = ?1", 0, user);
    if (!failures) return std::unexpected(failures.error());
    SignInFailures next{*failures + 1, 0};
    if (next.failures >= max_failures) next = SignInFailures{0, now + lock_seconds};
    if (auto ok = db_->run("INSERT INTO sign_in_failures (user, failures, locked_until) VALUES (?1, ?2, ?3) "
                           "ON CONFLICT (user) DO UPDATE SET failures = excluded.failures, "
                           "locked_until = excluded.locked_until",
                           user, next.failures, next.locked_until);
        !ok) {
      return std::unexpected(ok.error());
    }
    if (auto ok = tx->commit(); !ok) return std::unexpected(ok.error());
    return next;
  });
}

Result<void> Store::clear_sign_in_failures(std::string_view user) {
  return guarded("clear_sign_in_failures",
                 [&] { return db_->run("DELETE FROM sign_in_failures WHERE user = ?1", user); });
}

}  // namespace atlas
