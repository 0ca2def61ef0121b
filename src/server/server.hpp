// The HTTP transport of `atlas serve`: Boost.Beast over Asio, HTTP/1.1 with keep-alive, a pool of
// worker threads. It moves bytes only: /api/... goes to api::Api, /healthz and /metrics are
// answered here, every other GET is a file of the built web app (docs/server.md).
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

struct ServerOptions {
  /// "host:port" with an IPv4 or IPv6 literal ("[::1]:8080") or "localhost"; port 0 picks a free one.
  std::string listen = "127.0.0.1:8080";
  /// Worker threads; 0 = std::thread::hardware_concurrency() (at least 1).
  unsigned threads = 0;
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
  /// Binds `options.listen` and starts the worker threads. `api` and what `snapshot` refers to must
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
  /// Blocks until every worker thread has finished (after stop()). Idempotent.
  void wait();

 private:
  struct Impl;
  explicit Server(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace atlas::server
