// Turns observations as reported (annual, monthly, year-to-date cumulative) into non-overlapping
// month spans, and sums them per enterprise and year.
#pragma once

#include <cstddef>
#include <vector>

#include "model/snapshot.hpp"

namespace atlas::internal {

/// Reconciles one metric's observations. Per enterprise and year: cumulative reports become the
/// differences between consecutive reports (1–2月 is the first); a monthly figure counts only for
/// months that no cumulative report covers; an annual figure fills the months after the last
/// covered one with the rest of the year (annual minus what the months already hold). Two reports
/// of the same period: the later one in `raw` wins.
[[nodiscard]] ObservationColumns normalize_observations(std::vector<RawObservation> raw,
                                                        std::size_t enterprise_count);

/// Annual totals per enterprise over every span (all figures visible).
[[nodiscard]] YearRollup build_year_rollup(const ObservationColumns& columns, std::size_t enterprise_count);

}  // namespace atlas::internal
