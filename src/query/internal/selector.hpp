// Which records of a Program's set satisfy its condition: evaluated column-wise over bitmaps.
#pragma once

#include <cstdint>

#include "model/error.hpp"
#include "model/snapshot.hpp"
#include "query/internal/bitmap.hpp"
#include "query/internal/program.hpp"

namespace atlas::query::internal {

/// The rows of program.set that `visibility` lets through (sample records are dropped when
/// include_sample is false) and that satisfy program.root. `and` narrows as it goes: each operand
/// is only tested on the rows that survived the cheaper ones (posting lists first, then columns,
/// then metrics). No allocation per row. Counts its work (bitmap words, posting entries and
/// records read) against `work_budget` and fails with kLimitExceeded as soon as it is spent.
/// Thread-safe.
[[nodiscard]] Result<Bitmap> select_rows(const Program& program, const Snapshot& snapshot,
                                         const Visibility& visibility, std::uint64_t work_budget);

/// The rows of a small table or of the enterprises that visibility lets through.
[[nodiscard]] Bitmap visible_rows(const Program& program, const Snapshot& snapshot,
                                  const Visibility& visibility);

}  // namespace atlas::query::internal
