// A checked indicator compiled for one Snapshot: every name and literal resolved to ids, enum
// ordinals, integers and day numbers, so evaluation touches no strings. Immutable once built.
#pragma once

#include <cstdint>
#include <limits>
#include <optional>
#include <vector>

#include "model/snapshot.hpp"
#include "query/ast.hpp"
#include "query/internal/grouping.hpp"
#include "query/schema.hpp"

namespace atlas::query::internal {

inline constexpr DayNumber kNoDay = std::numeric_limits<DayNumber>::max();

enum class LeafKind : std::uint8_t {
  // Enterprises: read the Snapshot's columns and posting lists.
  kSegment,     // id: segment code (posting list by_segment)
  kCounty,      // id: CountyId (posting list by_county)
  kZone,        // zones: the zone and its descendants (posting lists by_zone)
  kTaxonomy,    // id: taxonomy node (posting list by_taxonomy, descendants included)
  kEnterprise,  // id: EnterpriseId
  kName,        // id: StringId of the name (none: matches nothing); name_zh or name_en
  kGroup,       // id: EnterpriseId of the group
  kAboveSize,   // flag: expected column value (1 or 0; -1 unknown never matches)
  kHighTech,    // flag
  kMetric,      // metric op value, over the indicator's period
  // Small tables (projects, carriers, supplier entries, candidates): resolved at check time.
  kRows,  // rows: 1 where the static predicate holds
  kDate,  // date_column in [low, high] and known by as_of
};

/// A resolved leaf condition; which members matter depends on `kind` (see LeafKind).
struct Leaf {
  LeafKind kind = LeafKind::kRows;
  bool negate = false;  // `!=`: the complement within the candidate rows
  std::uint32_t id = 0;
  std::int8_t flag = 1;
  std::vector<ZoneId> zones;
  std::vector<std::uint8_t> rows;
  MetricId metric;
  CompareOp op = CompareOp::kEqual;
  std::int64_t value = 0;
  std::uint32_t date_column = 0;
  DayNumber low = std::numeric_limits<DayNumber>::min();
  DayNumber high = kNoDay - 1;
};

/// kAnd / kOr: two or more children; kNot: one; kLeaf: none (see Node::leaf).
enum class NodeKind : std::uint8_t { kAnd, kOr, kNot, kLeaf };

/// Cost classes: `and` evaluates cheap, selective operands first so that the expensive ones only
/// see the rows that survive.
enum class Cost : std::uint8_t { kPosting, kColumn, kMetric };

/// A node of the compiled condition; cost is the most expensive class among its leaves.
struct Node {
  NodeKind kind = NodeKind::kLeaf;
  std::vector<std::uint32_t> children;  // indices into Program::nodes
  Leaf leaf;
  Cost cost = Cost::kColumn;
};

/// A small-table date per row: the earliest known date, with and without sample sources.
struct DateCell {
  DayNumber day = kNoDay;
  DayNumber day_without_sample = kNoDay;
};

/// The day from which every figure of a metric's year is visible: the YearRollup can stand in for
/// sum_span when as_of is on or after it and samples are included.
struct RollupGate {
  MetricId metric;
  int year = 0;
  DayNumber all_visible_from = kNoDay;
};

/// Everything evaluate() needs, built by check_indicator() and never changed afterwards.
struct Program {
  const Snapshot* snapshot = nullptr;
  Indicator indicator;
  RecordSet set = RecordSet::kEnterprises;
  std::size_t rows = 0;  // records in the set
  MetricUnit unit = MetricUnit::kCount;

  // What is aggregated: a metric (enterprises) or a small-table number per row.
  MetricId metric;
  std::vector<std::int64_t> row_value;
  std::vector<std::uint8_t> row_has_value;

  std::optional<PeriodSpec> period;
  std::vector<Node> nodes;
  std::optional<std::uint32_t> root;

  // count(distinct FIELD): each record's value of FIELD as a dense key (kNoKey: none), and how many
  // keys there are. Empty for any other aggregate.
  std::vector<std::uint32_t> row_key;
  std::uint32_t key_count = 0;
  // figure(METRIC) of "SUBJECT": the facts of that subject and metric (Snapshot::facts indices).
  std::vector<std::uint32_t> figure_facts;

  std::vector<std::uint8_t> row_sample;  // small tables: 1 when the record is sample
  std::vector<std::vector<DateCell>> date_columns;
  std::vector<std::uint32_t> sample_date_columns;  // date columns where a sample source may decide
  std::vector<MetricId> condition_metrics;         // distinct metrics the condition reads
  std::vector<RollupGate> rollup_gates;
  // `group by FIELD` (of the indicator, and of a ratio's divisor): each row's groups.
  std::optional<Grouping> grouping;
};

}  // namespace atlas::query::internal
