// Signing in and out (issue 12, docs/security.md): session tokens, their CSRF tokens, failed
// sign-ins with lock-out, a per-address attempt limit, and the one-time link that creates the
// first administrator of a database without users. The sessions live in the store, so a
// restarted server keeps them and `atlas user disable` in another process ends them at once.
#pragma once

#include <chrono>
#include <cstdint>
#include <expected>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app/accounts.hpp"
#include "model/account.hpp"
#include "model/error.hpp"

namespace atlas::app {

struct SessionOptions {
  /// A session unused for this long ends.
  std::chrono::seconds idle{std::chrono::hours(2)};
  /// A session ends this long after sign-in, however active (the cookie's Max-Age).
  std::chrono::seconds lifetime{std::chrono::hours(12)};
  /// This many failed sign-ins in a row lock the account for `lock_out`.
  std::int64_t max_failures = 5;
  std::chrono::seconds lock_out{std::chrono::minutes(15)};
  /// Sign-in attempts from one address: at most `burst` at once, then one per `refill`.
  std::int64_t burst = 10;
  std::chrono::seconds refill{std::chrono::seconds(30)};
  /// Activity is written to the store at most this often per session.
  std::chrono::seconds touch_interval{std::chrono::seconds(60)};
  /// The clock (tests move it); empty: the system clock.
  std::function<std::chrono::sys_seconds()> clock;
  /// One line per sign-in, sign-out, refusal and lock-out (the server log); empty: none.
  std::function<void(std::string_view)> log;
};

/// Who a request comes from when it carries a live session.
struct Principal {
  std::string user;
  Role role = Role::kAnalyst;
  std::string enterprise;  // an enterprise user's enterprise; empty otherwise
  bool operator==(const Principal&) const = default;
};

/// A live session: who, its CSRF token (to send back in X-CSRF-Token on every write), when it ends.
struct ActiveSession {
  Principal principal;
  std::string csrf_token;
  std::int64_t expires = 0;  // Unix seconds: the absolute end
};

/// A new session: the token for the cookie, and what ActiveSession says of it.
struct SignedIn {
  std::string token;  // 43 characters of base64url (32 random bytes)
  ActiveSession session;
};

/// Why a sign-in was refused.
enum class Refusal : std::uint8_t {
  kWrongCredentials,  // no such user or a wrong password (the same answer for both)
  kDisabled,          // the right password for a disabled account
  kLockedOut,         // too many failures in a row: retry_after says for how long
  kThrottled,         // too many attempts from this address: retry_after says when to try again
  kSetupClosed,       // the first-administrator link is wrong, used, or users exist
  kInvalid,           // a name or password a user could not have (error says which)
  kUnavailable,       // the store failed (error says how)
};

struct SignInError {
  Refusal why = Refusal::kWrongCredentials;
  std::int64_t retry_after = 0;  // seconds (kLockedOut, kThrottled)
  std::int64_t until = 0;        // Unix seconds the lock ends (kLockedOut)
  Error error;                   // kInvalid, kUnavailable
};

template <class T>
using SignInResult = std::expected<T, SignInError>;

/// The sign-in service of one database. Thread-safe: its own store connection behind a mutex;
/// password hashing runs outside the lock.
class Sessions {
 public:
  /// Opens its own connection to the database at `path` (migrated by whoever opened it first).
  [[nodiscard]] static Result<std::unique_ptr<Sessions>> open(const std::string& path,
                                                              const SessionOptions& options);
  ~Sessions();
  Sessions(const Sessions&) = delete;
  Sessions& operator=(const Sessions&) = delete;

  /// Checks a name and password from `remote` (an address; may be empty) and opens a session.
  [[nodiscard]] SignInResult<SignedIn> sign_in(std::string_view user, std::string_view password,
                                               std::string_view remote);
  /// The live session a cookie token names; none for an unknown, malformed, expired or idle token,
  /// or one whose account is disabled (such sessions are deleted). kStoreError when the store fails.
  [[nodiscard]] Result<std::optional<ActiveSession>> find(std::string_view token);
  /// Ends the session of `token` (nothing when there is none).
  [[nodiscard]] Result<void> sign_out(std::string_view token);
  /// True when `csrf` is the CSRF token of session `token` (constant time).
  [[nodiscard]] static bool csrf_matches(std::string_view token, std::string_view csrf);

  /// True when the database has no user yet (the first administrator is still to be created).
  [[nodiscard]] Result<bool> setup_needed();
  /// A fresh one-time token for creating the first administrator, valid until it is used or this
  /// object ends (a new call replaces it); none when users exist.
  [[nodiscard]] Result<std::optional<std::string>> issue_setup_token();
  /// Creates the first administrator with the one-time token and signs it in. kSetupClosed when
  /// the token is wrong or used or a user exists; kInvalid for a name or password the account
  /// rules refuse.
  [[nodiscard]] SignInResult<SignedIn> create_first_admin(std::string_view setup_token, std::string_view user,
                                                          std::string_view password, std::string_view remote);

  // Accounts through the API (an administrator's Users page): each call opens its own store
  // connection, so hashing a password never holds up sign-ins and session lookups.
  /// Every user, by name.
  [[nodiscard]] Result<std::vector<UserRecord>> users();
  /// Adds a user (app/accounts.hpp add_user: the same checks and errors); `actor` as in the audit.
  [[nodiscard]] Result<UserRecord> add_user(const NewUser& user, std::string_view actor);
  /// Disables or enables a user, and/or sets its password (an administrator's reset); both ends
  /// its sessions as update_user does. kNotFound (field "name") for no such user.
  [[nodiscard]] Result<UserRecord> change_user(std::string_view name, std::optional<bool> disabled,
                                               const std::optional<std::string>& password,
                                               std::string_view actor);

  [[nodiscard]] const SessionOptions& options() const;

 private:
  struct Impl;
  explicit Sessions(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace atlas::app
