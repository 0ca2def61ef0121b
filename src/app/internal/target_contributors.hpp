// The records a target's latest reading rests on, with each record's own value (target_detail).
#pragma once

#include <vector>

#include "app/internal/compiled_plan.hpp"
#include "app/target_detail.hpp"

namespace atlas::app::internal {

/// The contributing records of the latest reading `t` of target `target` of `plan`, which must
/// have compiled (none without a reading), each with its value of the indicator's metric over the
/// reading's year (enterprises) or of the summed amount (projects), sorted by value descending
/// (records without a value last), then by id. Sets `set` to the indicator's record set. The
/// errors of check_indicator (for the reading's year) / evaluate. Thread-safe.
[[nodiscard]] Result<std::vector<ContributorItem>> latest_contributors(
    const Snapshot& s, const CompiledPlan& plan, std::size_t target, const TargetCheck& t,
    const Visibility& vis, query::RecordSet& set);

}  // namespace atlas::app::internal
