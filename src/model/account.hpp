// Accounts: who may sign in and in which role (issue 12, docs/security.md).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace atlas {

/// What a signed-in user may do (the policy table comes with the API's authorisation): an
/// administrator manages users, plans and imports; an analyst reviews and imports; an enterprise
/// user sees and reports its own enterprise only. Not signed in is "public", not a role here.
enum class Role : std::uint8_t { kAdmin, kAnalyst, kEnterprise };

/// "admin", "analyst", "enterprise".
[[nodiscard]] const char* to_string(Role role);
/// The role a word names; none for any other word.
[[nodiscard]] std::optional<Role> parse_role(std::string_view word);

/// One account as the store keeps it.
struct UserRecord {
  std::string name;  // 2–64 characters: a-z 0-9 . _ - @ (app/accounts.hpp checks)
  Role role = Role::kAnalyst;
  std::string enterprise;     // an enterprise user's enterprise id; empty for the other roles
  std::string password_hash;  // libsodium crypto_pwhash_str (Argon2id); never logged or shown
  bool disabled = false;
  std::string created;           // UTC, ISO 8601
  std::string password_changed;  // UTC, ISO 8601
  bool operator==(const UserRecord&) const = default;
};

/// One signed-in session as the store keeps it. The token itself is never stored: only its hash.
struct SessionRecord {
  std::string token_hash;  // 64 lowercase hex digits (BLAKE2b-256 of the token)
  std::string user;
  std::int64_t created = 0;    // Unix seconds, UTC
  std::int64_t last_seen = 0;  // the last request that used it (written at most once a minute)
  std::int64_t expires = 0;    // the absolute end
  std::string remote;          // the address it was opened from
  bool operator==(const SessionRecord&) const = default;
};

/// A session with the account it belongs to, as a lookup reads them together.
struct SessionLookup {
  SessionRecord session;
  UserRecord user;
};

/// An account's consecutive failed sign-ins, and until when it is locked out (0: not locked).
struct SignInFailures {
  std::int64_t failures = 0;
  std::int64_t locked_until = 0;  // Unix seconds
};

}  // namespace atlas
