// Bounds on what one indicator may ask of the process that parses and evaluates it: the text is
// read by anyone who can POST /api/v1/indicators and by every plan file, so neither may exhaust
// the stack, the memory or the CPU (docs/reliability.md gives the threat model and the reasons).
#pragma once

#include <cstddef>
#include <cstdint>

namespace atlas::query {

/// The limits of one indicator. The defaults are what the API, `atlas check` and imports use.
struct Limits {
  /// Bytes of source text. The plan's longest indicator has 90; a list of 256 enterprise ids
  /// written out fits in 16 KiB.
  std::size_t max_bytes = 16 * 1024;
  /// Nesting of `( … )` and `not` (the parser and the evaluator recurse once per level; 32 levels
  /// is deeper than anyone writes by hand and far from the stack's end). Same as the API's JSON depth.
  std::size_t max_depth = 32;
  /// Comparisons, flags and date ranges in the condition. Each may cost a pass over the set, so
  /// this bounds the work of an `or` chain; the plan's targets use at most 3.
  std::size_t max_conditions = 256;
  /// Evaluation work, in row visits per record of the set (a bitmap word counts as one visit, a
  /// record read or posting entry as one): 64 means the evaluator may touch every record 64 times.
  /// Scales with the data, so a national dataset's ordinary targets fit, and bounds the time of
  /// one request to a small multiple of one scan.
  std::uint64_t max_work_per_record = 64;
  /// Work allowed whatever the size of the set, so that small tables are never refused.
  std::uint64_t min_work = std::uint64_t{1} << 20;

  /// The work budget for a set of `records` records.
  [[nodiscard]] constexpr std::uint64_t work_budget(std::size_t records) const {
    const std::uint64_t scaled = max_work_per_record * static_cast<std::uint64_t>(records);
    return scaled > min_work ? scaled : min_work;
  }
};

}  // namespace atlas::query
