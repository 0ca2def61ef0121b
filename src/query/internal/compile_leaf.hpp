// Compiling one leaf of a condition (field op literal, field in period, bare field) into a Node
// of the Program: the field is found, typed and its literal resolved against the Snapshot.
#pragma once

#include <span>
#include <string_view>
#include <vector>

#include "model/error.hpp"
#include "model/snapshot.hpp"
#include "query/ast.hpp"
#include "query/internal/fields.hpp"
#include "query/internal/program.hpp"

namespace atlas::query::internal {

/// What compiling a leaf may read and add to: the Snapshot, and the Program being built (its
/// set, period, date columns and the metrics the condition reads).
struct CheckContext {
  const Snapshot& snapshot;
  Program& program;
};

/// Compiles a kCompare, kWithin or kFlag condition of program.set. The errors of
/// check_indicator (checker.hpp) for that leaf.
[[nodiscard]] Result<Node> compile_leaf(CheckContext& ctx, const Condition& c);

/// Per set: the leaf of an already found and shape-checked field.
[[nodiscard]] Result<Node> compile_enterprise_leaf(CheckContext& ctx, const Condition& c,
                                                   const ResolvedField& f);
[[nodiscard]] Result<Node> compile_table_leaf(CheckContext& ctx, const Condition& c, const ResolvedField& f);

/// Literal → id of an existing record, or kUnknownReference with a suggestion (kTypeError when
/// the literal is not a string).
[[nodiscard]] Result<EnterpriseId> resolve_enterprise(const CheckContext& ctx, const Condition& c,
                                                      const FieldSpec& f);
[[nodiscard]] Result<CountyId> resolve_county(const CheckContext& ctx, const Condition& c,
                                              const FieldSpec& f);
[[nodiscard]] Result<ZoneId> resolve_zone(const CheckContext& ctx, const Condition& c, const FieldSpec& f);
/// Also checks the node's level against the field: subsystem = a subsystem, category = a
/// category; class takes any node.
[[nodiscard]] Result<ClassId> resolve_taxonomy(const CheckContext& ctx, const Condition& c,
                                               const FieldSpec& f);

/// The zone and every zone below it.
[[nodiscard]] std::vector<ZoneId> zone_subtree(const Snapshot& snapshot, ZoneId zone);
/// True when taxonomy node `node` is `ancestor` or lies below it.
[[nodiscard]] bool is_under(const Snapshot& snapshot, ClassId node, ClassId ancestor);
/// The ids of a table's rows, for suggestions.
template <class Rows, class IdOf>
[[nodiscard]] std::vector<std::string_view> ids_of(const Rows& rows, IdOf id_of) {
  std::vector<std::string_view> out;
  out.reserve(rows.size());
  for (const auto& r : rows)
    out.push_back(id_of(r));
  return out;
}

/// Day range [low, high] of a period: first day of its first month to last day of its last.
[[nodiscard]] std::pair<DayNumber, DayNumber> day_range(const PeriodSpec& period);

}  // namespace atlas::query::internal
