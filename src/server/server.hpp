// The HTTP transport of `atlas serve`: Boost.Beast over Asio, HTTP/1.1 with keep-alive, a pool of
// I/O threads and a separate bounded pool that computes API answers. It moves bytes only:
// /api/... goes to api::Api, /healthz and /metrics are answered here, every other GET is a file of
// the built web app (docs/server.md).
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>

#include "api/api.hpp"
#include "model/error.hpp"
#include "model/snapshot.hpp"

namespace atlas::server {

/// The Snapshot the server reports in /healthz and /metrics (the one the Api answers from). Must
/// never return null; called on any worker thread.
using SnapshotSource = std::function<std::shared_ptr<const Snapshot>()>;

/// What the live Snapshot reload has done, shown in /metrics (docs/server.md).
struct ReloadStatus {
  std::uint64_t reloads = 0;        // Snapshots published since start
  std::uint64_t failures = 0;       // failed reload attempts
  std::int64_t store_version = -1;  // the store's data version as last read; -1 unknown
  bool failing = false;             // the last attempt failed: the Snapshot is behind the store
};

struct ServerOptions {
  /// "host:port" with an IPv4 or IPv6 literal ("[::1]:8080") or "localhost"; port 0 picks a free one.
  std::string listen = "127.0.0.1:8080";
  /// I/O threads (connections, /healthz, /metrics, static files); 0 = hardware_concurrency (≥ 1).
  unsigned threads = 0;
  /// Threads that compute /api answers; 0 = hardware_concurrency (≥ 1).
  unsigned compute_threads = 0;
  /// /api requests that may wait for a compute thread; one more is answered 503 with Retry-After.
  std::size_t compute_queue = 128;
  /// The Retry-After of that 503.
  std::chrono::seconds busy_retry_after{1};
  /// Where /metrics reads the live reload's counters; empty: no reload metrics. Called on an I/O
  /// thread; must be thread-safe.
  std::function<ReloadStatus()> reload_status;
  /// The built web app (web/dist). Empty or missing: `/` answers a problem saying it is not built.
  std::filesystem::path static_root;
  /// One line per request on stderr (spdlog): remote, method, target, status, bytes, milliseconds.
  bool access_log = true;
  /// A connection that sends nothing (no request, or a stalled one) for this long is closed.
  std::chrono::seconds idle_timeout{30};
  /// The request line and headers together may not exceed this (431 otherwise).
  std::size_t header_limit = 16 * 1024;
  /// How long stop() lets in-flight requests finish before connections are cut.
  std::chrono::seconds shutdown_grace{10};
};

/// A running HTTP server. Not copyable or movable (worker threads point at it). stop() and wait()
/// may be called from any thread; the destructor stops and waits.
class Server {
 public:
  /// Binds `options.listen` and starts the I/O and compute threads. `api` and what `snapshot` refers to must
  /// outlive the Server. Errors: kInvalidArgument for a listen string that is not host:port, kIo
  /// when the address cannot be bound (in use, not local …); both messages name the address.
  [[nodiscard]] static Result<std::unique_ptr<Server>> start(const api::Api& api, SnapshotSource snapshot,
                                                             ServerOptions options);

  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  /// The bound port (the real one when options.listen asked for port 0).
  [[nodiscard]] std::uint16_t port() const;
  /// The bound address as "127.0.0.1:43121" or "[::1]:43121", for URLs.
  [[nodiscard]] std::string address() const;

  /// Graceful stop: stops accepting, closes idle keep-alive connections, lets requests in flight
  /// finish (their answer carries Connection: close), cuts what is left after shutdown_grace.
  /// Returns at once; idempotent.
  void stop();
  /// Blocks until every I/O and compute thread has finished (after stop()). Idempotent.
  void wait();

 private:
  struct Impl;
  explicit Server(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace atlas::server
