// The GET answer cache: complete responses keyed by request, for one Snapshot version at a time.
// Private to api/.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

#include "api/api.hpp"

namespace atlas::api::internal {

/// A bounded, thread-safe map from a request key to its Response. Entries belong to one snapshot
/// version: a lookup or insert under a newer version drops every entry of the older one (per
/// shard). Sharded by key hash so concurrent requests rarely share a lock; each shard forgets its
/// oldest entry when full.
class ResponseCache {
 public:
  /// `capacity` entries in all (0 disables the cache).
  explicit ResponseCache(std::size_t capacity);

  /// The cached answer for `key` under `version`, or nullopt. Thread-safe.
  [[nodiscard]] std::optional<Response> find(std::uint64_t version, const std::string& key) const;
  /// Keeps `response` for `key` under `version`. Thread-safe.
  void insert(std::uint64_t version, const std::string& key, const Response& response) const;
  /// Entries held now (all shards). Thread-safe.
  [[nodiscard]] std::size_t size() const;

 private:
  static constexpr std::size_t kShards = 16;
  struct Shard {
    mutable std::mutex mutex;
    std::uint64_t version = 0;
    std::unordered_map<std::string, Response> entries;
    std::deque<std::string> order;  // insertion order, for eviction
  };
  Shard& shard_for(const std::string& key) const;
  static void retire_if_old(Shard& shard, std::uint64_t version);

  std::size_t per_shard_;
  mutable std::array<Shard, kShards> shards_;
};

/// FNV-1a 64 of `bytes`: the ETag's content hash. Not cryptographic.
[[nodiscard]] std::uint64_t content_hash(std::string_view bytes);

}  // namespace atlas::api::internal
