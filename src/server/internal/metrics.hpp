// Request counters and latency histograms for /metrics (Prometheus text exposition 0.0.4).
#pragma once

#include <array>
#include <atomic>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>

#include "model/snapshot.hpp"
#include "server/internal/compute_pool.hpp"
#include "server/internal/routes.hpp"
#include "server/server.hpp"

namespace atlas::server::internal {

/// Lock-free: record() and the connection gauges are relaxed atomic increments, so workers never
/// wait on each other; render() reads without stopping them (a scrape may see a request counted in
/// one series and not yet in another). Thread-safe.
class Metrics {
 public:
  /// One series per route of route_count(), all zero. `reload` (may be empty) gives the live
  /// reload's counters and `compute` (may be null; must outlive the Metrics) the compute pool's
  /// gauges, both read at render().
  explicit Metrics(std::function<ReloadStatus()> reload = {}, const ComputePool* compute = nullptr);

  /// Upper bounds (seconds) of the latency histogram buckets; +Inf is implied.
  static constexpr std::array<double, 12> kBuckets{0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025,
                                                   0.05,   0.1,   0.25,   0.5,   1.0,  2.5};

  /// Counts one answered request: its route (a number outside route_count() counts as kOther),
  /// HTTP status (100..599) and time from the end of its header to the end of the answer.
  void record(Route route, unsigned status, std::chrono::nanoseconds elapsed);
  void connection_opened() { open_.fetch_add(1, std::memory_order_relaxed); }
  void connection_closed() { open_.fetch_sub(1, std::memory_order_relaxed); }
  [[nodiscard]] std::int64_t connections_open() const { return open_.load(std::memory_order_relaxed); }

  /// The exposition text: request counters, histograms, open connections, the Snapshot's version
  /// and enterprise count, the compute pool's gauges and the live reload's counters.
  [[nodiscard]] std::string render(const Snapshot& snapshot) const;

 private:
  static constexpr unsigned kMinStatus = 100;
  static constexpr unsigned kStatusSlots = 500;  // 100..599

  struct RouteSeries {
    std::array<std::atomic<std::uint64_t>, kStatusSlots> by_status{};
    std::array<std::atomic<std::uint64_t>, kBuckets.size() + 1> buckets{};  // not cumulative
    std::atomic<std::uint64_t> sum_ns{0};
  };

  void render_requests(std::string& out) const;
  void render_durations(std::string& out) const;
  void render_compute(std::string& out) const;
  void render_reload(std::string& out) const;

  [[nodiscard]] RouteSeries& series_of(Route route);

  std::function<ReloadStatus()> reload_;
  const ComputePool* compute_;
  std::size_t route_count_;
  std::unique_ptr<RouteSeries[]> routes_;  // route_count_ of them, fixed at construction
  std::atomic<std::int64_t> open_{0};
};

}  // namespace atlas::server::internal
