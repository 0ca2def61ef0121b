// Builds the supply adjacency lists (suppliers of each customer, customers of each supplier).
#pragma once

#include <cstddef>
#include <vector>

#include "model/snapshot.hpp"

namespace atlas::internal {

/// Turns resolved supply edges into the two CSR lists of `snapshot`'s `enterprise_count`
/// enterprises. kDuplicateKey (field "class", naming both enterprises and the class) when two
/// edges share supplier, customer and class. `snapshot` provides the names for that message only.
[[nodiscard]] Result<SupplyEdges> build_supply_edges(std::vector<RawSupplyEdge> edges,
                                                     std::size_t enterprise_count, const Snapshot& snapshot);

}  // namespace atlas::internal
