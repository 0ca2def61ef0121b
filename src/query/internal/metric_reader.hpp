// One metric's value per enterprise over the indicator's period, under a Visibility: the
// YearRollup when it is exact for the visibility, Snapshot::sum_span otherwise.
#pragma once

#include <cstdint>

#include "model/snapshot.hpp"
#include "query/internal/program.hpp"

namespace atlas::query::internal {

/// The day from which every figure of `metric` in `year` is visible (the latest publication day
/// among them; the smallest DayNumber when there is none). One pass over the metric's months.
[[nodiscard]] RollupGate rollup_gate(const Snapshot& snapshot, MetricId metric, int year);

/// Reads a metric for enterprises. Cheap to construct (no allocation); a const reader may be
/// used from several threads.
class MetricReader {
 public:
  MetricReader(const Program& program, const Snapshot& snapshot, MetricId metric,
               const Visibility& visibility);

  /// The value over the period; present is false when no visible figure lies inside it.
  [[nodiscard]] SpanValue read(std::uint32_t enterprise) const;
  /// True when a sample figure is among the visible figures read() sums.
  [[nodiscard]] bool has_sample(std::uint32_t enterprise) const;
  /// True when read() uses the YearRollup (for tests and benchmarks).
  [[nodiscard]] bool uses_rollup() const { return rollup_ != nullptr; }

 private:
  const Snapshot& snapshot_;
  MetricId metric_;
  MonthIndex first_;
  MonthIndex last_;
  Visibility visibility_;
  const YearRollup* rollup_ = nullptr;  // set when the rollup is exact for this visibility
  std::size_t year_slot_ = 0;
  bool year_in_rollup_ = false;
};

}  // namespace atlas::query::internal
