#include "app/accounts.hpp"

#include <sodium.h>

namespace atlas::app {
bool sodium_ready() {
  static const bool ready = sodium_init() >= 0;
  return ready;
}

namespace {

bool name_char(char c, bool first) {
  const bool alnum = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
  return first ? alnum : (alnum || c == '.' || c == '_' || c == '-' || c == '@');
}

}  // namespace

Result<void> check_user_name(std::string_view name) {
  bool ok = name.size() >= 2 && name.size() <= 64;
  for (std::size_t i = 0; ok && i < name.size(); ++i)
    ok = name_char(name[i], i == 0);
  if (!ok) {
    return fail(
        ErrorCode::kInvalidValue,
        "a user name is 2 to 64 characters of a-z, 0-9, '.', '_', '-', '@', starting with a letter or "
        "digit",
        "name");
  }
  return {};
}

Result<void> check_password(std::string_view password) {
  if (password.size() < kMinPasswordBytes || password.size() > kMaxPasswordBytes) {
    return fail(ErrorCode::kInvalidValue,
                "a password is " + std::to_string(kMinPasswordBytes) + " to " +
                    std::to_string(kMaxPasswordBytes) + " bytes long",
                "password");
  }
  return {};
}

Result<std::string> hash_password(std::string_view password) {
  if (auto ok = check_password(password); !ok) return std::unexpected(ok.error());
  if (!sodium_ready()) return fail(ErrorCode::kInvalidArgument, "libsodium could not start", "password");
  std::string out(crypto_pwhash_STRBYTES, '\0');
  if (crypto_pwhash_str(out.data(), password.data(), password.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                        crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0) {
    return fail(ErrorCode::kInvalidArgument, "hashing the password ran out of memory", "password");
  }
  out.resize(out.find('\0'));
  return out;
}

bool verify_password(const std::string& hash, std::string_view password) {
  if (!sodium_ready() || password.size() > kMaxPasswordBytes) return false;
  return crypto_pwhash_str_verify(hash.c_str(), password.data(), password.size()) == 0;
}

Result<UserRecord> add_user(Store& store, const NewUser& user, std::string_view actor) {
  if (auto ok = check_user_name(user.name); !ok) return std::unexpected(ok.error());
  if (user.role == Role::kEnterprise && user.enterprise.empty()) {
    return fail(ErrorCode::kMissingField,
                "an enterprise user needs --enterprise ID (the enterprise it reports for)", "enterprise");
  }
  if (user.role != Role::kEnterprise && !user.enterprise.empty()) {
    return fail(
        ErrorCode::kInvalidArgument,
        std::string("only an enterprise user is bound to an enterprise, not a ") + to_string(user.role),
        "enterprise");
  }
  auto hash = hash_password(user.password);
  if (!hash) return std::unexpected(hash.error());
  UserRecord record;
  record.name = user.name;
  record.role = user.role;
  record.enterprise = user.enterprise;
  record.password_hash = std::move(*hash);
  return store.add_user(std::move(record), {std::string(actor), "user add"});
}

Result<UserRecord> set_user_disabled(Store& store, std::string_view name, bool disabled,
                                     std::string_view actor) {
  auto user = store.find_user(name);
  if (!user) return std::unexpected(user.error());
  if (!*user) return fail(ErrorCode::kNotFound, "no user named \"" + std::string(name) + "\"", "name");
  UserRecord u = std::move(**user);
  u.disabled = disabled;
  return store.update_user(std::move(u), {std::string(actor), disabled ? "user disable" : "user enable"});
}

Result<UserRecord> set_password(Store& store, std::string_view name, std::string_view password,
                                std::string_view actor) {
  auto user = store.find_user(name);
  if (!user) return std::unexpected(user.error());
  if (!*user) return fail(ErrorCode::kNotFound, "no user named \"" + std::string(name) + "\"", "name");
  auto hash = hash_password(password);
  if (!hash) return std::unexpected(hash.error());
  UserRecord u = std::move(**user);
  u.password_hash = std::move(*hash);
  u.password_changed.clear();  // now
  return store.update_user(std::move(u), {std::string(actor), "user passwd"});
}

}  // namespace atlas::app
