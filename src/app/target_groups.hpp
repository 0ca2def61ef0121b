// One target broken down by county (or zone, segment …): its latest reading evaluated as one
// grouped indicator (`… group by county`), so that a county sees its part of every plan target
// (the API's GET /api/v1/targets/{id}/groups, `atlas check --by`).
#pragma once

#include <string>
#include <string_view>

#include <boost/json/object.hpp>

#include "app/check.hpp"
#include "model/error.hpp"
#include "model/snapshot.hpp"
#include "query/indicator.hpp"

namespace atlas::app {

struct TargetGroups {
  TargetCheck check;       // the target's row of the check: goal, latest reading, status
  std::string by;          // the field grouped by
  std::string expression;  // what was evaluated: the indicator over the reading's period, grouped
  query::GroupedResult result;
};

/// The target `id` grouped by `by` over the period of its latest reading: a level target's
/// indicator in the year of that reading (its deadline year when it has none yet), a cumulative
/// one as written; under `options`. The total equals the check's reading. kNotFound (field "id")
/// for an unknown target; for a field the target's records cannot be grouped by (a stated figure,
/// `county` of carriers, an unknown name): the checker's error with field "by". Thread-safe.
[[nodiscard]] Result<TargetGroups> target_groups(const Snapshot& snapshot, std::string_view id,
                                                 std::string_view by, const CheckOptions& options);

/// The grouping as JSON: {by, expression, period, total: {value, contributors, complete, sample},
/// groups_overlap, groups: [{key: {id, name} | null, value, share, contributors, complete, period,
/// sample}]}. share: the group's part of the total in millionths (null for a ratio, for
/// overlapping groups, or when the total is 0 or has no value).
[[nodiscard]] boost::json::object target_groups_json(const TargetGroups& groups);

}  // namespace atlas::app
