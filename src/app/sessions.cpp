#include "app/sessions.hpp"

#include <algorithm>
#include <array>
#include <map>
#include <mutex>
#include <utility>

#include <fmt/format.h>
#include <sodium.h>

#include "app/accounts.hpp"
#include "store/store.hpp"

namespace atlas::app {
namespace {

constexpr std::size_t kTokenBytes = 32;
constexpr std::size_t kTokenChars = 43;  // base64url of 32 bytes, no padding
constexpr std::size_t kMaxTrackedAddresses = 4096;
constexpr std::string_view kCsrfContext = "atlas csrf v1";

std::string base64url(const unsigned char* bytes, std::size_t n) {
  std::string out(sodium_base64_ENCODED_LEN(n, sodium_base64_VARIANT_URLSAFE_NO_PADDING), '\0');
  sodium_bin2base64(out.data(), out.size(), bytes, n, sodium_base64_VARIANT_URLSAFE_NO_PADDING);
  out.resize(out.find('\0'));
  return out;
}

std::string random_token() {
  std::array<unsigned char, kTokenBytes> bytes{};
  randombytes_buf(bytes.data(), bytes.size());
  std::string token = base64url(bytes.data(), bytes.size());
  sodium_memzero(bytes.data(), bytes.size());
  return token;
}

// A token a session could have: 43 characters of the base64url alphabet.
bool well_formed(std::string_view token) {
  return token.size() == kTokenChars && std::ranges::all_of(token, [](char c) {
           return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
                  c == '_';
         });
}

// BLAKE2b-256 of `text`, optionally keyed, as 64 hex digits.
std::string hash_hex(std::string_view text, std::string_view key = {}) {
  std::array<unsigned char, crypto_generichash_BYTES> out{};
  crypto_generichash(out.data(), out.size(), reinterpret_cast<const unsigned char*>(text.data()), text.size(),
                     key.empty() ? nullptr : reinterpret_cast<const unsigned char*>(key.data()), key.size());
  std::string hex(out.size() * 2 + 1, '\0');
  sodium_bin2hex(hex.data(), hex.size(), out.data(), out.size());
  hex.pop_back();
  return hex;
}

// The CSRF token of a session token: a keyed hash of a fixed context, so it needs no storage and
// cannot be made without the session token.
std::string csrf_of(std::string_view token) {
  std::array<unsigned char, 24> out{};
  crypto_generichash(out.data(), out.size(), reinterpret_cast<const unsigned char*>(kCsrfContext.data()),
                     kCsrfContext.size(), reinterpret_cast<const unsigned char*>(token.data()), token.size());
  return base64url(out.data(), out.size());
}

bool same_text(std::string_view a, std::string_view b) {
  return a.size() == b.size() && sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

SignInError store_failure(Error e) {
  return SignInError{Refusal::kUnavailable, 0, 0, std::move(e)};
}

}  // namespace

struct Sessions::Impl {
  Impl(std::string p, Store s, SessionOptions o)
      : path(std::move(p)), store(std::move(s)), options(std::move(o)) {}

  std::string path;
  Store store;
  SessionOptions options;
  std::mutex mutex;  // guards store, attempts, setup_hash

  // Sign-in attempts per address: a token bucket (tokens left, when last counted).
  struct Bucket {
    double tokens = 0;
    std::int64_t at = 0;
  };
  std::map<std::string, Bucket, std::less<>> attempts;
  std::string setup_hash;  // the hash of the one-time setup token; empty when none is issued
  std::once_flag dummy_once;
  std::string dummy_hash;  // verified against for unknown users, so they take as long as known ones

  [[nodiscard]] std::int64_t now() const {
    const auto t = options.clock ? options.clock()
                                 : std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
    return t.time_since_epoch().count();
  }
  void log(std::string_view line) const {
    if (options.log) options.log(line);
  }

  // Takes one attempt from `remote`'s bucket; the seconds to wait when it is empty.
  std::int64_t take_attempt(std::string_view remote, std::int64_t t) {
    const double refill = std::max<double>(1, static_cast<double>(options.refill.count()));
    const auto burst = static_cast<double>(std::max<std::int64_t>(1, options.burst));
    auto it = attempts.find(remote);
    if (it == attempts.end()) {
      if (attempts.size() >= kMaxTrackedAddresses) {
        // Forget the addresses whose buckets have refilled; they would start full anyway.
        std::erase_if(attempts, [&](const auto& e) {
          return e.second.tokens + static_cast<double>(t - e.second.at) / refill >= burst;
        });
        if (attempts.size() >= kMaxTrackedAddresses) attempts.clear();
      }
      it = attempts.emplace(std::string(remote), Bucket{burst, t}).first;
    }
    Bucket& b = it->second;
    b.tokens = std::min(burst, b.tokens + static_cast<double>(t - b.at) / refill);
    b.at = t;
    if (b.tokens < 1)
      return std::max<std::int64_t>(1, static_cast<std::int64_t>((1 - b.tokens) * refill + 0.999));
    b.tokens -= 1;
    return 0;
  }

  // Opens a session for a user whose password was checked.
  SignInResult<SignedIn> open_session(const UserRecord& user, std::string_view remote, std::int64_t t) {
    SignedIn out;
    out.token = random_token();
    SessionRecord record;
    record.token_hash = hash_hex(out.token);
    record.user = user.name;
    record.created = t;
    record.last_seen = t;
    record.expires = t + options.lifetime.count();
    record.remote = std::string(remote);
    if (auto ok = store.add_session(record, t, t - options.idle.count()); !ok)
      return std::unexpected(store_failure(ok.error()));
    if (auto ok = store.clear_sign_in_failures(user.name); !ok)
      return std::unexpected(store_failure(ok.error()));
    out.session =
        ActiveSession{Principal{user.name, user.role, user.enterprise}, csrf_of(out.token), record.expires};
    return out;
  }
};

Sessions::Sessions(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {
}
Sessions::~Sessions() = default;

Result<std::unique_ptr<Sessions>> Sessions::open(const std::string& path, const SessionOptions& options) {
  if (!sodium_ready()) return fail(ErrorCode::kInvalidArgument, "libsodium could not start");
  StoreOptions store_options;
  store_options.clock = options.clock;
  auto store = Store::open(path, store_options);
  if (!store) return std::unexpected(store.error());
  return std::unique_ptr<Sessions>(new Sessions(std::make_unique<Impl>(path, std::move(*store), options)));
}

const SessionOptions& Sessions::options() const {
  return impl_->options;
}

SignInResult<SignedIn> Sessions::sign_in(std::string_view user, std::string_view password,
                                         std::string_view remote) {
  Impl& s = *impl_;
  const std::int64_t t = s.now();
  std::optional<UserRecord> found;
  {
    std::lock_guard lock(s.mutex);
    if (const std::int64_t wait = s.take_attempt(remote, t); wait > 0) {
      s.log(fmt::format("sign-in throttled: too many attempts from {}", remote));
      return std::unexpected(SignInError{Refusal::kThrottled, wait, t + wait, {}});
    }
    if (check_user_name(user) && password.size() <= kMaxPasswordBytes) {
      auto record = s.store.find_user(user);
      if (!record) return std::unexpected(store_failure(record.error()));
      found = std::move(*record);
    }
    if (found) {
      auto failures = s.store.sign_in_failures(user);
      if (!failures) return std::unexpected(store_failure(failures.error()));
      if (failures->locked_until > t) {
        return std::unexpected(
            SignInError{Refusal::kLockedOut, failures->locked_until - t, failures->locked_until, {}});
      }
    }
  }
  if (!found) {
    // The same work as for a known user, so timing does not tell which names exist.
    std::call_once(s.dummy_once, [&] { s.dummy_hash = hash_password("atlas-no-such-user-0").value_or(""); });
    if (!s.dummy_hash.empty()) (void)verify_password(s.dummy_hash, password);
    s.log(fmt::format("sign-in refused: no user \"{}\" (from {})", user.substr(0, 64), remote));
    return std::unexpected(SignInError{Refusal::kWrongCredentials, 0, 0, {}});
  }
  const bool right = verify_password(found->password_hash, password);
  std::lock_guard lock(s.mutex);
  if (!right) {
    auto failures =
        s.store.record_sign_in_failure(found->name, t, s.options.max_failures, s.options.lock_out.count());
    if (!failures) return std::unexpected(store_failure(failures.error()));
    if (failures->locked_until > t) {
      s.log(fmt::format("account {} locked until {} after {} failed sign-ins (last from {})", found->name,
                        format_utc(std::chrono::sys_seconds(std::chrono::seconds(failures->locked_until))),
                        s.options.max_failures, remote));
      return std::unexpected(
          SignInError{Refusal::kLockedOut, failures->locked_until - t, failures->locked_until, {}});
    }
    s.log(fmt::format("sign-in refused: wrong password for {} (from {})", found->name, remote));
    return std::unexpected(SignInError{Refusal::kWrongCredentials, 0, 0, {}});
  }
  if (found->disabled) {
    s.log(fmt::format("sign-in refused: {} is disabled (from {})", found->name, remote));
    return std::unexpected(SignInError{Refusal::kDisabled, 0, 0, {}});
  }
  auto opened = s.open_session(*found, remote, t);
  if (opened) s.log(fmt::format("signed in: {} ({}) from {}", found->name, to_string(found->role), remote));
  return opened;
}

Result<std::optional<ActiveSession>> Sessions::find(std::string_view token) {
  if (!well_formed(token)) return std::optional<ActiveSession>();
  Impl& s = *impl_;
  const std::string hash = hash_hex(token);
  const std::int64_t t = s.now();
  std::lock_guard lock(s.mutex);
  auto found = s.store.find_session(hash);
  if (!found) return std::unexpected(found.error());
  if (!*found) return std::optional<ActiveSession>();
  const SessionRecord& record = (*found)->session;
  const UserRecord& user = (*found)->user;
  if (record.expires <= t || record.last_seen + s.options.idle.count() <= t || user.disabled) {
    if (auto ok = s.store.delete_session(hash); !ok) return std::unexpected(ok.error());
    return std::optional<ActiveSession>();
  }
  if (t - record.last_seen >= s.options.touch_interval.count()) {
    if (auto ok = s.store.touch_session(hash, t); !ok) return std::unexpected(ok.error());
  }
  return std::optional<ActiveSession>(
      ActiveSession{Principal{user.name, user.role, user.enterprise}, csrf_of(token), record.expires});
}

Result<void> Sessions::sign_out(std::string_view token) {
  if (!well_formed(token)) return {};
  Impl& s = *impl_;
  const std::string hash = hash_hex(token);
  std::lock_guard lock(s.mutex);
  return s.store.delete_session(hash);
}

bool Sessions::csrf_matches(std::string_view token, std::string_view csrf) {
  if (!well_formed(token) || csrf.empty()) return false;
  return same_text(csrf_of(token), csrf);
}

Result<bool> Sessions::setup_needed() {
  std::lock_guard lock(impl_->mutex);
  auto users = impl_->store.users();
  if (!users) return std::unexpected(users.error());
  return users->empty();
}

Result<std::optional<std::string>> Sessions::issue_setup_token() {
  Impl& s = *impl_;
  std::lock_guard lock(s.mutex);
  auto users = s.store.users();
  if (!users) return std::unexpected(users.error());
  if (!users->empty()) return std::optional<std::string>();
  std::string token = random_token();
  s.setup_hash = hash_hex(token);
  return std::optional<std::string>(std::move(token));
}

SignInResult<SignedIn> Sessions::create_first_admin(std::string_view setup_token, std::string_view user,
                                                    std::string_view password, std::string_view remote) {
  Impl& s = *impl_;
  const std::int64_t t = s.now();
  {
    std::lock_guard lock(s.mutex);
    if (const std::int64_t wait = s.take_attempt(remote, t); wait > 0)
      return std::unexpected(SignInError{Refusal::kThrottled, wait, t + wait, {}});
    if (s.setup_hash.empty() || !well_formed(setup_token) ||
        !same_text(hash_hex(setup_token), s.setup_hash)) {
      s.log(fmt::format("first-administrator setup refused: wrong or used link (from {})", remote));
      return std::unexpected(SignInError{Refusal::kSetupClosed, 0, 0, {}});
    }
  }
  if (auto ok = check_user_name(user); !ok)
    return std::unexpected(SignInError{Refusal::kInvalid, 0, 0, ok.error()});
  if (auto ok = check_password(password); !ok)
    return std::unexpected(SignInError{Refusal::kInvalid, 0, 0, ok.error()});
  auto hash = hash_password(password);  // outside the lock: it takes 64 MiB and tens of milliseconds
  if (!hash) return std::unexpected(SignInError{Refusal::kInvalid, 0, 0, hash.error()});
  std::lock_guard lock(s.mutex);
  if (s.setup_hash.empty() || !same_text(hash_hex(setup_token), s.setup_hash)) {
    return std::unexpected(SignInError{Refusal::kSetupClosed, 0, 0, {}});  // used meanwhile
  }
  auto users = s.store.users();
  if (!users) return std::unexpected(store_failure(users.error()));
  if (!users->empty()) {
    s.setup_hash.clear();
    return std::unexpected(SignInError{Refusal::kSetupClosed, 0, 0, {}});
  }
  UserRecord record;
  record.name = std::string(user);
  record.role = Role::kAdmin;
  record.password_hash = std::move(*hash);
  auto added = s.store.add_user(std::move(record), {"first-administrator link", "user add"});
  if (!added) {
    if (added.error().code == ErrorCode::kStoreError) return std::unexpected(store_failure(added.error()));
    return std::unexpected(SignInError{Refusal::kInvalid, 0, 0, added.error()});
  }
  s.setup_hash.clear();
  s.log(
      fmt::format("first administrator {} created through the one-time link (from {})", added->name, remote));
  return s.open_session(*added, remote, t);
}

namespace {

// A connection of its own for an account change (the audit's clock is the sessions' clock).
Result<Store> account_store(const std::string& path, const SessionOptions& options) {
  StoreOptions store_options;
  store_options.clock = options.clock;
  return Store::open(path, store_options);
}

}  // namespace

Result<std::vector<UserRecord>> Sessions::users() {
  std::lock_guard lock(impl_->mutex);
  return impl_->store.users();
}

Result<UserRecord> Sessions::add_user(const NewUser& user, std::string_view actor) {
  auto store = account_store(impl_->path, impl_->options);
  if (!store) return std::unexpected(store.error());
  auto added = app::add_user(*store, user, actor);
  if (added) impl_->log(fmt::format("user {} ({}) added by {}", added->name, to_string(added->role), actor));
  return added;
}

Result<UserRecord> Sessions::change_user(std::string_view name, std::optional<bool> disabled,
                                         const std::optional<std::string>& password, std::string_view actor) {
  auto store = account_store(impl_->path, impl_->options);
  if (!store) return std::unexpected(store.error());
  if (password) {
    auto changed = set_password(*store, name, *password, actor);
    if (!changed) return changed;
    impl_->log(fmt::format("password of {} set by {}", name, actor));
  }
  if (disabled) {
    auto changed = set_user_disabled(*store, name, *disabled, actor);
    if (!changed) return changed;
    impl_->log(fmt::format("user {} {} by {}", name, *disabled ? "disabled" : "enabled", actor));
    return changed;
  }
  auto user = store->find_user(name);
  if (!user) return std::unexpected(user.error());
  if (!*user) return fail(ErrorCode::kNotFound, "no user named \"" + std::string(name) + "\"", "name");
  return std::move(**user);
}

}  // namespace atlas::app
