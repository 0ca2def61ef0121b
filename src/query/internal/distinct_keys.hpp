// count(distinct FIELD) of SET: the value of FIELD on each record of the set, as a dense key.
#pragma once

#include <cstdint>

#include "model/error.hpp"
#include "query/internal/program.hpp"

namespace atlas::query::internal {

/// A record without a value of the field: it adds no distinct value.
inline constexpr std::uint32_t kNoKey = 0xFFFFFFFF;

/// Fills p.row_key (per record of p.set) and p.key_count for `ind.distinct`. Errors at the field:
/// kUnknownField (with the nearest field of the set), kTypeError for a field with no single value
/// per record to count (an amount, a date, a flag, enterprises' product classes).
[[nodiscard]] Result<void> resolve_distinct(const Indicator& ind, const Snapshot& s, Program& p);

}  // namespace atlas::query::internal
