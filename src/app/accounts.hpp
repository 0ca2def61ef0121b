// Accounts (issue 12, docs/security.md): adding users, disabling them, setting passwords, and
// checking a password at sign-in. Passwords are hashed with libsodium's crypto_pwhash_str
// (Argon2id, the "interactive" limits: 2 passes over 64 MiB) and never stored or logged otherwise.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "model/account.hpp"
#include "model/error.hpp"
#include "store/store.hpp"

namespace atlas::app {

/// True once libsodium is initialised (the first call does it; thread-safe).
[[nodiscard]] bool sodium_ready();

/// A password is 10 to 1024 bytes (docs/security.md).
inline constexpr std::size_t kMinPasswordBytes = 10;
inline constexpr std::size_t kMaxPasswordBytes = 1024;

/// kInvalidValue (field "name") unless the name is 2–64 characters of a-z, 0-9, '.', '_', '-',
/// '@', starting with a letter or digit.
[[nodiscard]] Result<void> check_user_name(std::string_view name);
/// kInvalidValue (field "password") unless it is kMinPasswordBytes–kMaxPasswordBytes long.
[[nodiscard]] Result<void> check_password(std::string_view password);

/// The Argon2id string of a password (a fresh random salt each time). kInvalidValue for a password
/// check_password refuses; kInvalidArgument when libsodium cannot run (out of memory).
[[nodiscard]] Result<std::string> hash_password(std::string_view password);
/// True when `password` is the one `hash` was made from (constant time in libsodium).
[[nodiscard]] bool verify_password(const std::string& hash, std::string_view password);

/// What `atlas user add` asks for.
struct NewUser {
  std::string name;
  Role role = Role::kAnalyst;
  std::string enterprise;  // required for Role::kEnterprise, refused for the others
  std::string password;
};

/// Checks and adds a user (its password hashed). The errors of the checks above; kMissingField /
/// kInvalidArgument (field "enterprise") for an enterprise user without an enterprise or another
/// role with one; the store's errors (a taken name, an unknown enterprise).
[[nodiscard]] Result<UserRecord> add_user(Store& store, const NewUser& user, std::string_view actor);
/// Disables (or enables again) a user: a disabled user cannot sign in. kNotFound for no such user.
[[nodiscard]] Result<UserRecord> set_user_disabled(Store& store, std::string_view name, bool disabled,
                                                   std::string_view actor);
/// Sets a new password (an administrator's reset or the user's own change).
[[nodiscard]] Result<UserRecord> set_password(Store& store, std::string_view name, std::string_view password,
                                              std::string_view actor);

}  // namespace atlas::app
