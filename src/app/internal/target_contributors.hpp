// The records a target's latest reading rests on, with each record's own value (target_detail).
#pragma once

#include <vector>

#include "app/target_detail.hpp"

namespace atlas::app::internal {

/// The contributing records of `t`'s latest reading (none without one), each with its value of
/// the indicator's metric over the reading's year (enterprises) or of the summed amount
/// (projects), sorted by value descending (records without a value last), then by id. Sets
/// `set` to the indicator's record set. The errors of check_indicator / evaluate. Thread-safe.
[[nodiscard]] Result<std::vector<ContributorItem>> latest_contributors(const Snapshot& s,
                                                                       const query::Indicator& ind,
                                                                       const TargetCheck& t,
                                                                       const Visibility& vis,
                                                                       query::RecordSet& set);

}  // namespace atlas::app::internal
