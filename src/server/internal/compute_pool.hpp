// The threads that compute API answers, apart from the I/O threads: however long a handler runs,
// the I/O threads stay free to read requests and answer /healthz, /metrics and static files.
#pragma once

#include <atomic>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <functional>
#include <mutex>
#include <string_view>
#include <thread>
#include <vector>

namespace atlas::server::internal {

/// A fixed number of threads taking tasks from a bounded FIFO queue. Thread-safe.
class ComputePool {
 public:
  using Task = std::move_only_function<void()>;

  /// Starts `threads` threads (at least 1). At most `queue_limit` tasks wait for a thread; more are
  /// refused by try_post. `on_error` hears the what() of a task that throws (must not throw).
  ComputePool(unsigned threads, std::size_t queue_limit, std::function<void(std::string_view)> on_error);
  /// stop().
  ~ComputePool();
  ComputePool(const ComputePool&) = delete;
  ComputePool& operator=(const ComputePool&) = delete;

  /// Queues `task` and returns true; false (and `task` is dropped unrun) when queue_limit tasks
  /// are already waiting or the pool is stopping.
  [[nodiscard]] bool try_post(Task task);

  /// Runs every task already queued, then joins the threads. Idempotent; not from a pool thread.
  void stop();

  [[nodiscard]] unsigned threads() const { return static_cast<unsigned>(threads_.size()); }
  [[nodiscard]] std::size_t queue_limit() const { return queue_limit_; }
  /// Tasks waiting for a thread now.
  [[nodiscard]] std::size_t queued() const;
  /// Tasks running now.
  [[nodiscard]] std::size_t busy() const { return busy_.load(std::memory_order_relaxed); }
  /// Tasks refused by try_post since start.
  [[nodiscard]] std::uint64_t refused() const { return refused_.load(std::memory_order_relaxed); }

 private:
  void work();

  const std::size_t queue_limit_;
  const std::function<void(std::string_view)> on_error_;
  mutable std::mutex mutex_;
  std::condition_variable ready_;
  std::deque<Task> queue_;
  bool stopping_ = false;
  std::atomic<std::size_t> busy_{0};
  std::atomic<std::uint64_t> refused_{0};
  std::vector<std::thread> threads_;  // last: started once everything above exists
};

}  // namespace atlas::server::internal
