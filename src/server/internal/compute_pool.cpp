#include "server/internal/compute_pool.hpp"

#include <algorithm>
#include <exception>
#include <utility>

namespace atlas::server::internal {

ComputePool::ComputePool(unsigned threads, std::size_t queue_limit,
                         std::function<void(std::string_view)> on_error)
    : queue_limit_(queue_limit), on_error_(std::move(on_error)) {
  const unsigned n = std::max(1U, threads);
  threads_.reserve(n);
  for (unsigned i = 0; i < n; ++i)
    threads_.emplace_back([this] { work(); });
}

ComputePool::~ComputePool() {
  stop();
}

bool ComputePool::try_post(Task task) {
  {
    std::lock_guard lock(mutex_);
    if (!stopping_ && queue_.size() < queue_limit_) {
      queue_.push_back(std::move(task));
      ready_.notify_one();
      return true;
    }
  }
  refused_.fetch_add(1, std::memory_order_relaxed);
  return false;
}

void ComputePool::stop() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  ready_.notify_all();
  for (auto& t : threads_) {
    if (t.joinable()) t.join();
  }
}

std::size_t ComputePool::queued() const {
  std::lock_guard lock(mutex_);
  return queue_.size();
}

// The background job runner (STYLE: one of the places that catch everything): a task that throws
// is reported and the thread goes on with the next one.
void ComputePool::work() {
  for (;;) {
    Task task;
    {
      std::unique_lock lock(mutex_);
      ready_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
      if (queue_.empty()) return;  // stopping, and nothing left to run
      task = std::move(queue_.front());
      queue_.pop_front();
      busy_.fetch_add(1, std::memory_order_relaxed);
    }
    try {
      task();
    } catch (const std::exception& e) {
      if (on_error_) on_error_(e.what());
    } catch (...) {
      if (on_error_) on_error_("unknown exception");
    }
    busy_.fetch_sub(1, std::memory_order_relaxed);
  }
}

}  // namespace atlas::server::internal
