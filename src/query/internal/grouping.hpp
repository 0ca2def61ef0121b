// `group by FIELD`: which groups each record of a set falls in, resolved at check time so that
// the evaluator reads one group number (or, for a taxonomy level, a few) per row.
#pragma once

#include <cstdint>
#include <limits>
#include <span>
#include <string>
#include <vector>

#include "model/error.hpp"
#include "model/snapshot.hpp"
#include "query/ast.hpp"
#include "query/schema.hpp"

namespace atlas::query::internal {

inline constexpr std::uint32_t kNoGroup = std::numeric_limits<std::uint32_t>::max();

/// Where a row's group comes from.
enum class GroupSource : std::uint8_t {
  kEnterpriseCounty,    // EnterpriseColumns::county (group = CountyId::value)
  kEnterpriseZone,      // EnterpriseColumns::zone and the zones above it (group = ZoneId::value)
  kProjectZone,         // Snapshot::project_zone and the zones above it
  kEnterpriseSegment,   // EnterpriseColumns::segment (group = segment code)
  kEnterpriseTaxonomy,  // EnterpriseColumns::classes, each mapped by node_group (several per row)
  kRows,                // row_group, filled at check time (small tables)
};

/// One group: the id records use for it and its names.
struct GroupLabel {
  std::string id;
  Names name;
};

/// A compiled `group by`.
struct Grouping {
  std::string field;
  GroupSource source = GroupSource::kRows;
  std::vector<GroupLabel> labels;         // group number → its id and names, in the plan's order
  std::vector<std::uint32_t> row_group;   // kRows: per row, kNoGroup when none
  std::vector<std::uint32_t> node_group;  // kEnterpriseTaxonomy: per taxonomy node
  /// True when a record can fall in more than one group (a maker of classes of two subsystems, a
  /// record of a sub-zone, which is also in its parent zone, as `zone = "X"` reads it): the groups
  /// then overlap and need not add up to the whole.
  bool overlapping = false;

  /// A zone and the zones above it, as `zone = "X"` selects records of X and of the zones below it.
  template <class F>
  static void for_each_zone(const Snapshot& s, ZoneId zone, F&& f) {
    for (std::size_t steps = 0; zone.valid() && steps <= s.zones.size(); ++steps) {
      f(zone.value);
      zone = s.zone_parent[zone.value];
    }
  }

  /// Calls f(group) for each group row `row` is in (none: f is not called), each group once.
  template <class F>
  void for_each_group(const Snapshot& s, std::uint32_t row, F&& f) const {
    switch (source) {
      case GroupSource::kEnterpriseCounty: {
        const CountyId c = s.enterprises.county[row];
        if (c.valid()) f(c.value);
        return;
      }
      case GroupSource::kEnterpriseZone:
        for_each_zone(s, s.enterprises.zone[row], f);
        return;
      case GroupSource::kProjectZone:
        for_each_zone(s, s.project_zone[row], f);
        return;
      case GroupSource::kEnterpriseSegment: {
        const std::uint16_t code = s.enterprises.segment[row];
        if (code != kNoTerm) f(static_cast<std::uint32_t>(code));
        return;
      }
      case GroupSource::kEnterpriseTaxonomy: {
        const std::span<const ClassId> classes = s.enterprises.classes.row(row);
        for (std::size_t i = 0; i < classes.size(); ++i) {
          const std::uint32_t g = classes[i].valid() ? node_group[classes[i].value] : kNoGroup;
          if (g == kNoGroup) continue;
          bool seen = false;
          for (std::size_t j = 0; j < i && !seen; ++j)
            seen = classes[j].valid() && node_group[classes[j].value] == g;
          if (!seen) f(g);
        }
        return;
      }
      case GroupSource::kRows:
        if (row_group[row] != kNoGroup) f(row_group[row]);
        return;
    }
  }
};

/// The fields `set` can be grouped by, in the order messages list them.
[[nodiscard]] std::vector<std::string_view> group_fields(RecordSet set);

/// Resolves `indicator.group_by` for the records of `set`. kUnknownField (with a suggestion among
/// the groupable fields) for a name that is not one of them, kTypeError for a field of the set that
/// cannot group (a name, an amount, a date); both at the field's column.
[[nodiscard]] Result<Grouping> resolve_grouping(const Indicator& indicator, RecordSet set,
                                                const Snapshot& snapshot);

}  // namespace atlas::query::internal
