#include "server/internal/metrics.hpp"

#include <algorithm>
#include <iterator>
#include <utility>

#include <fmt/format.h>

namespace atlas::server::internal {
namespace {

constexpr auto kRelaxed = std::memory_order_relaxed;

}  // namespace

Metrics::Metrics(std::function<ReloadStatus()> reload, const ComputePool* compute)
    : reload_(std::move(reload)),
      compute_(compute),
      route_count_(route_count()),
      routes_(std::make_unique<RouteSeries[]>(route_count_)) {
}

Metrics::RouteSeries& Metrics::series_of(Route route) {
  const auto i = static_cast<std::size_t>(route);
  return routes_[i < route_count_ ? i : static_cast<std::size_t>(Route::kOther)];
}

void Metrics::record(Route route, unsigned status, std::chrono::nanoseconds elapsed) {
  auto& series = series_of(route);
  const unsigned slot = std::clamp(status, kMinStatus, kMinStatus + kStatusSlots - 1) - kMinStatus;
  series.by_status[slot].fetch_add(1, kRelaxed);
  const double seconds = std::chrono::duration<double>(elapsed).count();
  const auto bucket = std::lower_bound(kBuckets.begin(), kBuckets.end(), seconds) - kBuckets.begin();
  series.buckets[static_cast<std::size_t>(bucket)].fetch_add(1, kRelaxed);
  series.sum_ns.fetch_add(static_cast<std::uint64_t>(std::max<std::int64_t>(elapsed.count(), 0)), kRelaxed);
}

void Metrics::render_requests(std::string& out) const {
  out += "# HELP atlas_http_requests_total HTTP requests answered, by route pattern and status.\n";
  out += "# TYPE atlas_http_requests_total counter\n";
  for (std::size_t r = 0; r < route_count_; ++r) {
    const auto label = route_label(static_cast<Route>(r));
    for (unsigned s = 0; s < kStatusSlots; ++s) {
      const std::uint64_t n = routes_[r].by_status[s].load(kRelaxed);
      if (n == 0) continue;
      fmt::format_to(std::back_inserter(out), "atlas_http_requests_total{{route=\"{}\",status=\"{}\"}} {}\n",
                     label, s + kMinStatus, n);
    }
  }
}

void Metrics::render_durations(std::string& out) const {
  out += "# HELP atlas_http_request_duration_seconds Time from the end of a request's header to the end of ";
  out += "its answer.\n# TYPE atlas_http_request_duration_seconds histogram\n";
  for (std::size_t r = 0; r < route_count_; ++r) {
    const auto& series = routes_[r];
    std::array<std::uint64_t, kBuckets.size() + 1> counts{};
    for (std::size_t b = 0; b < counts.size(); ++b)
      counts[b] = series.buckets[b].load(kRelaxed);
    std::uint64_t cumulative = 0;
    for (const auto c : counts)
      cumulative += c;
    if (cumulative == 0) continue;
    const auto label = route_label(static_cast<Route>(r));
    cumulative = 0;
    for (std::size_t b = 0; b < kBuckets.size(); ++b) {
      cumulative += counts[b];
      fmt::format_to(std::back_inserter(out),
                     "atlas_http_request_duration_seconds_bucket{{route=\"{}\",le=\"{}\"}} {}\n", label,
                     kBuckets[b], cumulative);
    }
    cumulative += counts.back();
    fmt::format_to(std::back_inserter(out),
                   "atlas_http_request_duration_seconds_bucket{{route=\"{0}\",le=\"+Inf\"}} {1}\n"
                   "atlas_http_request_duration_seconds_sum{{route=\"{0}\"}} {2}\n"
                   "atlas_http_request_duration_seconds_count{{route=\"{0}\"}} {1}\n",
                   label, cumulative, static_cast<double>(series.sum_ns.load(kRelaxed)) / 1e9);
  }
}

void Metrics::render_compute(std::string& out) const {
  if (compute_ == nullptr) return;
  fmt::format_to(
      std::back_inserter(out),
      "# HELP atlas_compute_threads Threads that compute /api answers.\n"
      "# TYPE atlas_compute_threads gauge\n"
      "atlas_compute_threads {}\n"
      "# HELP atlas_compute_busy /api requests being computed now.\n"
      "# TYPE atlas_compute_busy gauge\n"
      "atlas_compute_busy {}\n"
      "# HELP atlas_compute_queued /api requests waiting for a compute thread now.\n"
      "# TYPE atlas_compute_queued gauge\n"
      "atlas_compute_queued {}\n"
      "# HELP atlas_compute_queue_limit /api requests that may wait; more are answered 503.\n"
      "# TYPE atlas_compute_queue_limit gauge\n"
      "atlas_compute_queue_limit {}\n"
      "# HELP atlas_compute_rejected_total /api requests answered 503 because the queue was full.\n"
      "# TYPE atlas_compute_rejected_total counter\n"
      "atlas_compute_rejected_total {}\n",
      compute_->threads(), compute_->busy(), compute_->queued(), compute_->queue_limit(),
      compute_->refused());
}

void Metrics::render_reload(std::string& out) const {
  if (!reload_) return;
  const ReloadStatus s = reload_();
  fmt::format_to(std::back_inserter(out),
                 "# HELP atlas_snapshot_reloads_total Snapshots published after a committed import.\n"
                 "# TYPE atlas_snapshot_reloads_total counter\n"
                 "atlas_snapshot_reloads_total {}\n"
                 "# HELP atlas_snapshot_reload_failures_total Failed reloads (the old Snapshot stayed).\n"
                 "# TYPE atlas_snapshot_reload_failures_total counter\n"
                 "atlas_snapshot_reload_failures_total {}\n"
                 "# HELP atlas_snapshot_reload_failing 1 while the last reload failed.\n"
                 "# TYPE atlas_snapshot_reload_failing gauge\n"
                 "atlas_snapshot_reload_failing {}\n"
                 "# HELP atlas_store_data_version The database's committed data version as last read.\n"
                 "# TYPE atlas_store_data_version gauge\n"
                 "atlas_store_data_version {}\n",
                 s.reloads, s.failures, s.failing ? 1 : 0, s.store_version);
}

std::string Metrics::render(const Snapshot& snapshot) const {
  std::string out;
  out.reserve(4096);
  render_requests(out);
  render_durations(out);
  fmt::format_to(std::back_inserter(out),
                 "# HELP atlas_http_connections_open Client connections open now.\n"
                 "# TYPE atlas_http_connections_open gauge\n"
                 "atlas_http_connections_open {}\n"
                 "# HELP atlas_snapshot_version Version of the published Snapshot the API answers from.\n"
                 "# TYPE atlas_snapshot_version gauge\n"
                 "atlas_snapshot_version {}\n"
                 "# HELP atlas_snapshot_enterprises Enterprises in the published Snapshot.\n"
                 "# TYPE atlas_snapshot_enterprises gauge\n"
                 "atlas_snapshot_enterprises {}\n",
                 connections_open(), snapshot.version, snapshot.enterprises.size());
  render_compute(out);
  render_reload(out);
  return out;
}

}  // namespace atlas::server::internal
