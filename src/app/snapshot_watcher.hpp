// Live reload for `atlas serve`: a background thread that notices an apply committed by another
// connection or process (`atlas import --db same.db`) and publishes a new Snapshot of it, off the
// request path. Requests in flight keep the Snapshot they took; the next ones get the new one.
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <stop_token>
#include <thread>

#include "app/workspace.hpp"
#include "model/error.hpp"
#include "model/snapshot.hpp"

namespace atlas::app {

struct WatchOptions {
  /// How often the store's data_version is read (one row of one small table: microseconds).
  /// Zero: never (the Snapshot of the start stays published).
  std::chrono::milliseconds poll_interval{200};
  /// After a failed rebuild the same data version is tried again only after this long (a newer
  /// commit is tried at the next poll); after a failed data_version read the watcher waits this
  /// long before it reads again.
  std::chrono::milliseconds retry_interval{5000};
};

/// What the watcher has done so far (for /metrics). A copy; consistent with itself.
struct WatchStatus {
  std::uint64_t reloads = 0;        // Snapshots published since start
  std::uint64_t failures = 0;       // failed data_version reads and failed rebuilds
  std::int64_t store_version = -1;  // the store's data_version at the last successful read; -1 none yet
  bool failing = false;             // the last attempt failed: the published Snapshot is behind the store
};

/// Called on the watcher's thread (never two at once); must not throw.
struct WatchEvents {
  /// A committed version was seen and a rebuild starts: (store version, published version).
  std::function<void(std::int64_t, std::uint64_t)> rebuilding;
  /// A new Snapshot is published; how long the rebuild took.
  std::function<void(const PlanSet&, std::chrono::milliseconds)> published;
  /// A data_version read or a rebuild failed; the old Snapshot stays published.
  std::function<void(const Error&)> failed;
};

/// Owns a Workspace (its own store connection) and the published Snapshot. Not copyable or
/// movable (its thread points at it). current() and status() are thread-safe; construction and
/// stop() belong to one owner thread. Block SIGINT/SIGTERM before constructing it in a process
/// that waits for them with sigwait (the thread inherits the signal mask).
class SnapshotWatcher {
 public:
  /// Publishes `workspace`'s Snapshot and starts the thread that polls its store.
  SnapshotWatcher(Workspace workspace, WatchOptions options, WatchEvents events);
  /// stop().
  ~SnapshotWatcher();
  SnapshotWatcher(const SnapshotWatcher&) = delete;
  SnapshotWatcher& operator=(const SnapshotWatcher&) = delete;

  /// The published plans (never null). Lock-free for the caller's purposes: an atomic load.
  [[nodiscard]] std::shared_ptr<const PlanSet> current() const { return current_.load(); }
  [[nodiscard]] WatchStatus status() const;

  /// Ends the thread: a wait ends at once, a rebuild in progress is abandoned within a few thousand
  /// rows (its Snapshot is not published). Returns when the thread has finished. Idempotent.
  void stop();

 private:
  void run(const std::stop_token& stop);
  // One look at the store; the time to wait before the next one.
  std::chrono::milliseconds poll(const std::stop_token& stop);
  std::chrono::milliseconds rebuild(std::int64_t stored, const std::stop_token& stop);
  void failed(const Error& error);

  using Clock = std::chrono::steady_clock;

  Workspace workspace_;  // used by the thread only
  const WatchOptions options_;
  const WatchEvents events_;
  std::atomic<std::shared_ptr<const PlanSet>> current_;
  mutable std::mutex status_mutex_;
  WatchStatus status_;
  std::int64_t failed_version_ = -1;  // thread only: the version whose rebuild failed last
  Clock::time_point retry_at_{};      // thread only
  std::mutex wait_mutex_;
  std::condition_variable_any wake_;
  std::jthread thread_;  // last: starts once everything above exists
};

}  // namespace atlas::app
