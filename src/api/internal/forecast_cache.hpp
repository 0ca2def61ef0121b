// The forecast models the what-if endpoint reuses (docs/forecast.md, "Speed"): a what-if on the
// same plan, as-of date and sample setting as an earlier request finds the model fitted and the
// forecast without changes drawn, and only draws the runs with its changes.
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <utility>
#include <vector>

#include "app/forecast.hpp"
#include "engine/forecast.hpp"
#include "model/error.hpp"
#include "model/snapshot.hpp"

namespace atlas::api::internal {

/// One prepared model, with the snapshot it reads (kept alive while the entry lives) and the base
/// forecasts drawn on it per (runs, seed).
class CachedForecast {
 public:
  CachedForecast(std::shared_ptr<const Snapshot> snapshot, engine::ForecastModel model)
      : snapshot_(std::move(snapshot)), model_(std::move(model)) {}
  [[nodiscard]] const engine::ForecastModel& model() const { return model_; }
  /// The forecast without changes for these runs and seed, drawn once (options.changes and firms
  /// are ignored). The errors of app::forecast_targets.
  [[nodiscard]] Result<std::shared_ptr<const app::ForecastReport>> base(
      const app::ForecastOptions& options) const;

 private:
  std::shared_ptr<const Snapshot> snapshot_;
  engine::ForecastModel model_;
  mutable std::mutex mutex_;
  mutable std::map<std::pair<std::int64_t, std::uint64_t>, std::shared_ptr<const app::ForecastReport>> bases_;
};

/// At most `capacity` models, the least recently used evicted first; a model of an older snapshot
/// version than the one asked for is dropped (the data changed). Thread-safe.
class ForecastCache {
 public:
  explicit ForecastCache(std::size_t capacity = 2) : capacity_(capacity) {}
  /// The model of `snapshot` under `input`, prepared now or earlier. The errors of prepare_forecast.
  [[nodiscard]] Result<std::shared_ptr<const CachedForecast>> model(
      const std::shared_ptr<const Snapshot>& snapshot, const engine::ForecastInput& input);
  [[nodiscard]] std::size_t size() const;

 private:
  struct Entry {
    std::shared_ptr<const CachedForecast> value;  // its model names its snapshot and input
    std::uint64_t used = 0;
  };
  std::size_t capacity_;
  mutable std::mutex mutex_;
  std::vector<Entry> entries_;
  std::uint64_t clock_ = 0;
};

}  // namespace atlas::api::internal
