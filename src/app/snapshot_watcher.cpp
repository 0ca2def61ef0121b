#include "app/snapshot_watcher.hpp"

#include <algorithm>
#include <utility>

namespace atlas::app {

SnapshotWatcher::SnapshotWatcher(Workspace workspace, WatchOptions options, WatchEvents events)
    : workspace_(std::move(workspace)),
      options_(options),
      events_(std::move(events)),
      current_(workspace_.plans()),
      thread_([this](const std::stop_token& stop) { run(stop); }) {
}

SnapshotWatcher::~SnapshotWatcher() {
  stop();
}

void SnapshotWatcher::stop() {
  if (!thread_.joinable()) return;
  thread_.request_stop();  // wakes wake_ through the stop token
  thread_.join();
}

WatchStatus SnapshotWatcher::status() const {
  std::lock_guard lock(status_mutex_);
  return status_;
}

void SnapshotWatcher::run(const std::stop_token& stop) {
  std::chrono::milliseconds wait = options_.poll_interval;
  while (!stop.stop_requested()) {
    {
      std::unique_lock lock(wait_mutex_);
      const auto never = [] { return false; };  // only a stop request ends a wait early
      if (options_.poll_interval <= std::chrono::milliseconds::zero()) {
        wake_.wait(lock, stop, never);
      } else {
        wake_.wait_for(lock, stop, wait, never);
      }
    }
    if (stop.stop_requested()) return;
    wait = poll(stop);
  }
}

std::chrono::milliseconds SnapshotWatcher::poll(const std::stop_token& stop) {
  auto stored = workspace_.store().data_version();
  if (!stored) {
    failed(stored.error());
    return std::max(options_.retry_interval, options_.poll_interval);
  }
  {
    std::lock_guard lock(status_mutex_);
    status_.store_version = *stored;
  }
  if (static_cast<std::uint64_t>(*stored) == workspace_.plans()->version()) {
    std::lock_guard lock(status_mutex_);
    status_.failing = false;
    return options_.poll_interval;
  }
  if (*stored == failed_version_ && Clock::now() < retry_at_) return options_.poll_interval;
  return rebuild(*stored, stop);
}

std::chrono::milliseconds SnapshotWatcher::rebuild(std::int64_t stored, const std::stop_token& stop) {
  if (events_.rebuilding) events_.rebuilding(stored, workspace_.plans()->version());
  const auto started = Clock::now();
  auto refreshed = workspace_.refresh(stop);
  if (stop.stop_requested()) return options_.poll_interval;  // abandoned: publish nothing
  if (!refreshed) {
    failed_version_ = stored;
    retry_at_ = Clock::now() + options_.retry_interval;
    failed(refreshed.error());
    return options_.poll_interval;
  }
  if (!*refreshed) return options_.poll_interval;  // the version went back to the published one
  std::shared_ptr<const PlanSet> fresh = workspace_.plans();
  {
    // the status first: whoever sees the new Snapshot also sees it counted (/metrics after /healthz)
    std::lock_guard lock(status_mutex_);
    ++status_.reloads;
    status_.store_version = static_cast<std::int64_t>(fresh->version());
    status_.failing = false;
  }
  current_.store(fresh);
  failed_version_ = -1;
  const auto took = std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - started);
  if (events_.published) events_.published(*fresh, took);
  return options_.poll_interval;
}

void SnapshotWatcher::failed(const Error& error) {
  {
    std::lock_guard lock(status_mutex_);
    ++status_.failures;
    status_.failing = true;
  }
  if (events_.failed) events_.failed(error);
}

}  // namespace atlas::app
