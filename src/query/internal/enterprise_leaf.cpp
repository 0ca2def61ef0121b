// Enterprise leaves: literals become ids of the Snapshot's columns and posting lists.
#include <algorithm>

#include <fmt/format.h>

#include "query/internal/compile_leaf.hpp"
#include "query/internal/literal_values.hpp"

namespace atlas::query::internal {
namespace {

Node leaf_node(LeafKind kind, Cost cost, std::uint32_t id, const Condition& c) {
  Node n;
  n.kind = NodeKind::kLeaf;
  n.cost = cost;
  n.leaf.kind = kind;
  n.leaf.id = id;
  n.leaf.negate = c.kind == ConditionKind::kCompare && c.op == CompareOp::kNotEqual;
  return n;
}

Result<Node> county_leaf(const CheckContext& ctx, const Condition& c, const FieldSpec& f) {
  auto county = resolve_county(ctx, c, f);
  if (!county) return std::unexpected(county.error());
  return leaf_node(LeafKind::kCounty, Cost::kPosting, county->value, c);
}

Result<Node> zone_leaf(const CheckContext& ctx, const Condition& c, const FieldSpec& f) {
  auto zone = resolve_zone(ctx, c, f);
  if (!zone) return std::unexpected(zone.error());
  Node n = leaf_node(LeafKind::kZone, Cost::kPosting, zone->value, c);
  n.leaf.zones = zone_subtree(ctx.snapshot, *zone);
  return n;
}

Result<Node> taxonomy_leaf(const CheckContext& ctx, const Condition& c, const FieldSpec& f) {
  auto node = resolve_taxonomy(ctx, c, f);
  if (!node) return std::unexpected(node.error());
  return leaf_node(LeafKind::kTaxonomy, Cost::kPosting, node->value, c);
}

Result<Node> flag_leaf(const Condition& c, const FieldSpec& f) {
  auto wanted = bool_value(c, f);
  if (!wanted) return std::unexpected(wanted.error());
  Node n = leaf_node(f.key == FieldKey::kAboveSize ? LeafKind::kAboveSize : LeafKind::kHighTech,
                     Cost::kColumn, 0, c);
  n.leaf.negate = false;  // bool_value already folded `!=` into the wanted value
  n.leaf.flag = *wanted ? 1 : 0;
  return n;
}

Result<Node> metric_leaf(CheckContext& ctx, const Condition& c, const ResolvedField& f) {
  auto value = number_value(c, f.spec);
  if (!value) return std::unexpected(value.error());
  Node n = leaf_node(LeafKind::kMetric, Cost::kMetric, 0, c);
  n.leaf.negate = false;  // `!=` is an operator of the comparison
  n.leaf.metric = f.metric;
  n.leaf.op = c.op;
  n.leaf.value = *value;
  auto& metrics = ctx.program.condition_metrics;
  if (std::find(metrics.begin(), metrics.end(), f.metric) == metrics.end()) metrics.push_back(f.metric);
  return n;
}

Result<Node> name_leaf(const CheckContext& ctx, const Condition& c, const FieldSpec& f) {
  auto name = text_value(c, f);
  if (!name) return std::unexpected(name.error());
  // A name nobody has is not an error: the condition is simply false.
  const auto id = ctx.snapshot.strings.find(*name);
  return leaf_node(LeafKind::kName, Cost::kColumn, id ? id->value : StringId::none().value, c);
}

}  // namespace

Result<Node> compile_enterprise_leaf(CheckContext& ctx, const Condition& c, const ResolvedField& f) {
  const FieldSpec& spec = f.spec;
  switch (spec.key) {
    case FieldKey::kId:
    case FieldKey::kGroup: {
      auto e = resolve_enterprise(ctx, c, spec);
      if (!e) return std::unexpected(e.error());
      const bool by_id = spec.key == FieldKey::kId;
      return leaf_node(by_id ? LeafKind::kEnterprise : LeafKind::kGroup,
                       by_id ? Cost::kPosting : Cost::kColumn, e->value, c);
    }
    case FieldKey::kName:
      return name_leaf(ctx, c, spec);
    case FieldKey::kCounty:
      return county_leaf(ctx, c, spec);
    case FieldKey::kZone:
      return zone_leaf(ctx, c, spec);
    case FieldKey::kSegment: {
      const auto words = enum_words(RecordSet::kEnterprises, spec.key, ctx.snapshot);
      auto segment = enum_value(c, spec, words);
      if (!segment) return std::unexpected(segment.error());
      return leaf_node(LeafKind::kSegment, Cost::kPosting, static_cast<std::uint32_t>(*segment), c);
    }
    case FieldKey::kAboveSize:
    case FieldKey::kHighTech:
      return flag_leaf(c, spec);
    case FieldKey::kClass:
    case FieldKey::kSubsystem:
    case FieldKey::kCategory:
      return taxonomy_leaf(ctx, c, spec);
    case FieldKey::kMetric:
      return metric_leaf(ctx, c, f);
    default:
      break;
  }
  return error_at(ErrorCode::kTypeError, c.pos, fmt::format("{} cannot be used on enterprises", spec.name));
}

}  // namespace atlas::query::internal
