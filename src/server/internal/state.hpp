// What every connection of one Server shares: the Api, options, the compute pool, metrics, the
// logger and the set of live connections (for a graceful stop).
#pragma once

#include <algorithm>
#include <atomic>
#include <functional>
#include <memory>
#include <mutex>
#include <string_view>
#include <thread>
#include <unordered_map>
#include <vector>

#include <spdlog/logger.h>

#include "api/api.hpp"
#include "server/internal/compute_pool.hpp"
#include "server/internal/dispatch.hpp"
#include "server/internal/metrics.hpp"
#include "server/internal/static_files.hpp"
#include "server/server.hpp"

namespace atlas::server::internal {

class Session;

/// The live connections. Thread-safe (a mutex; touched once per connection, not per request).
class SessionRegistry {
 public:
  /// `on_empty` runs (outside the lock) whenever a removal leaves the registry empty.
  explicit SessionRegistry(std::function<void()> on_empty) : on_empty_(std::move(on_empty)) {}

  void add(const std::shared_ptr<Session>& session);
  void remove(const Session* session);
  /// The connections still alive now.
  [[nodiscard]] std::vector<std::shared_ptr<Session>> live() const;
  [[nodiscard]] bool empty() const;

 private:
  mutable std::mutex mutex_;
  std::unordered_map<const Session*, std::weak_ptr<Session>> sessions_;
  std::function<void()> on_empty_;
};

/// Owned by the Server; outlives every Session. Immutable apart from the atomics, the compute
/// pool and the registry. The Server drains `compute` (ComputePool::stop) before destroying it.
struct ServerState {
  ServerState(const api::Api& api_ref, SnapshotSource snapshot, ServerOptions opts,
              std::shared_ptr<spdlog::logger> logger, std::function<void()> on_last_session)
      : api(api_ref),
        options(std::move(opts)),
        log(std::move(logger)),
        files(options.static_root),
        compute(compute_threads(options.compute_threads), options.compute_queue,
                [this](std::string_view what) { log->error("compute: {}", what); }),
        metrics(options.reload_status, &compute),
        dispatcher(api_ref, std::move(snapshot), files, metrics),
        registry(std::move(on_last_session)) {}

  /// `wanted`, or one per core when 0 (at least 1).
  static unsigned compute_threads(unsigned wanted) {
    return wanted != 0 ? wanted : std::max(1U, std::thread::hardware_concurrency());
  }

  const api::Api& api;
  const ServerOptions options;
  const std::shared_ptr<spdlog::logger> log;  // access lines and connection errors, stderr
  const StaticFiles files;
  ComputePool compute;  // /api answers
  Metrics metrics;
  const Dispatcher dispatcher;
  std::atomic<bool> stopping{false};
  SessionRegistry registry;
};

}  // namespace atlas::server::internal
