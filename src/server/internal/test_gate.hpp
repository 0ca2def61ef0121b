// Test support for the server's concurrency tests: a gate that holds every caller of pass() until
// opened and counts how many are inside, so a test can fill the threads deterministically.
#pragma once

#include <chrono>
#include <condition_variable>
#include <mutex>

namespace atlas::server::internal {

/// Thread-safe.
class TestGate {
 public:
  /// Blocks until open() was called.
  void pass() {
    std::unique_lock lock(mutex_);
    ++inside_;
    changed_.notify_all();
    changed_.wait(lock, [this] { return open_; });
  }
  /// True once `n` callers have entered pass() (false after 10 s).
  bool wait_inside(int n) {
    std::unique_lock lock(mutex_);
    return changed_.wait_for(lock, std::chrono::seconds(10), [&] { return inside_ >= n; });
  }
  void open() {
    std::lock_guard lock(mutex_);
    open_ = true;
    changed_.notify_all();
  }

 private:
  std::mutex mutex_;
  std::condition_variable changed_;
  int inside_ = 0;
  bool open_ = false;
};

}  // namespace atlas::server::internal
