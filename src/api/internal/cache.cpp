#include "api/internal/cache.hpp"

#include <functional>

namespace atlas::api::internal {

ResponseCache::ResponseCache(std::size_t capacity)
    : per_shard_(capacity == 0 ? 0 : (capacity + kShards - 1) / kShards) {
}

ResponseCache::Shard& ResponseCache::shard_for(const std::string& key) const {
  return shards_[std::hash<std::string>{}(key) % kShards];
}

void ResponseCache::retire_if_old(Shard& shard, std::uint64_t version) {
  if (shard.version == version) return;
  shard.entries.clear();
  shard.order.clear();
  shard.version = version;
}

std::optional<Response> ResponseCache::find(std::uint64_t version, const std::string& key) const {
  if (per_shard_ == 0) return std::nullopt;
  Shard& shard = shard_for(key);
  std::lock_guard lock(shard.mutex);
  if (version < shard.version) return std::nullopt;
  retire_if_old(shard, version);
  const auto it = shard.entries.find(key);
  if (it == shard.entries.end()) return std::nullopt;
  return it->second;
}

void ResponseCache::insert(std::uint64_t version, const std::string& key, const Response& response) const {
  if (per_shard_ == 0) return;
  Shard& shard = shard_for(key);
  std::lock_guard lock(shard.mutex);
  // A slower request may finish after a newer snapshot was seen: never put an old answer back.
  if (version < shard.version) return;
  retire_if_old(shard, version);
  if (!shard.entries.emplace(key, response).second) return;
  shard.order.push_back(key);
  while (shard.order.size() > per_shard_) {
    shard.entries.erase(shard.order.front());
    shard.order.pop_front();
  }
}

std::size_t ResponseCache::size() const {
  std::size_t n = 0;
  for (auto& shard : shards_) {
    std::lock_guard lock(shard.mutex);
    n += shard.entries.size();
  }
  return n;
}

std::uint64_t content_hash(std::string_view bytes) {
  std::uint64_t h = 14695981039346656037ULL;
  for (unsigned char c : bytes) {
    h ^= c;
    h *= 1099511628211ULL;
  }
  return h;
}

}  // namespace atlas::api::internal
