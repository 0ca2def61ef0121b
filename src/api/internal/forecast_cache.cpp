#include "api/internal/forecast_cache.hpp"

#include <algorithm>

namespace atlas::api::internal {

Result<std::shared_ptr<const app::ForecastReport>> CachedForecast::base(
    const app::ForecastOptions& options) const {
  const std::pair<std::int64_t, std::uint64_t> key{options.runs, options.seed};
  {
    const std::lock_guard lock(mutex_);
    if (auto it = bases_.find(key); it != bases_.end()) return it->second;
  }
  app::ForecastOptions plain = options;
  plain.changes.clear();
  plain.firms.clear();
  auto report = app::forecast_targets(model_, plain);
  if (!report) return std::unexpected(report.error());
  auto shared = std::make_shared<const app::ForecastReport>(std::move(*report));
  const std::lock_guard lock(mutex_);
  if (bases_.size() >= 4) bases_.clear();  // a few (runs, seed) pairs per model are plenty
  return bases_.emplace(key, std::move(shared)).first->second;
}

Result<std::shared_ptr<const CachedForecast>> ForecastCache::model(
    const std::shared_ptr<const Snapshot>& snapshot, const engine::ForecastInput& input) {
  {
    const std::lock_guard lock(mutex_);
    std::erase_if(entries_,
                  [&](const Entry& e) { return e.value->model().snapshot().version < snapshot->version; });
    for (Entry& e : entries_) {
      const engine::ForecastModel& m = e.value->model();
      if (&m.snapshot() == snapshot.get() && m.input() == input) {
        e.used = ++clock_;
        return e.value;
      }
    }
  }
  // Prepared outside the lock: two requests may both prepare; the second entry is harmless.
  auto model = engine::prepare_forecast(*snapshot, input);
  if (!model) return std::unexpected(model.error());
  auto value = std::make_shared<const CachedForecast>(snapshot, std::move(*model));
  const std::lock_guard lock(mutex_);
  if (entries_.size() >= capacity_) {
    entries_.erase(std::min_element(entries_.begin(), entries_.end(),
                                    [](const Entry& a, const Entry& b) { return a.used < b.used; }));
  }
  entries_.push_back({value, ++clock_});
  return value;
}

std::size_t ForecastCache::size() const {
  const std::lock_guard lock(mutex_);
  return entries_.size();
}

}  // namespace atlas::api::internal
