#include "query/internal/selector.hpp"

#include <span>

#include "query/internal/literal_values.hpp"
#include "query/internal/metric_reader.hpp"

namespace atlas::query::internal {
namespace {

class Selector {
 public:
  Selector(const Program& program, const Snapshot& snapshot, const Visibility& visibility)
      : p_(program), s_(snapshot), vis_(visibility) {}

  Bitmap eval(std::uint32_t index, const Bitmap& mask) const {
    const Node& node = p_.nodes[index];
    switch (node.kind) {
      case NodeKind::kAnd:
        return all_of(node, mask);
      case NodeKind::kOr:
        return any_of(node, mask);
      case NodeKind::kNot: {
        Bitmap out = mask;
        out.and_not(eval(node.children.front(), mask));
        return out;
      }
      case NodeKind::kLeaf:
        break;
    }
    Bitmap hits = leaf_hits(node.leaf, mask);
    if (!node.leaf.negate) return hits;
    Bitmap out = mask;
    out.and_not(hits);
    return out;
  }

 private:
  Bitmap all_of(const Node& node, const Bitmap& mask) const {
    Bitmap current = mask;
    for (auto child : node.children) {
      if (current.none()) break;
      current = eval(child, current);
    }
    return current;
  }

  Bitmap any_of(const Node& node, const Bitmap& mask) const {
    Bitmap out(mask.size());
    Bitmap remaining = mask;
    for (auto child : node.children) {
      if (remaining.none()) break;
      const Bitmap hits = eval(child, remaining);
      out.or_with(hits);
      remaining.and_not(hits);
    }
    return out;
  }

  template <class Pred>
  static Bitmap scan(const Bitmap& mask, Pred pred) {
    Bitmap out(mask.size());
    mask.for_each([&](std::size_t i) {
      if (pred(i)) out.set(i);
    });
    return out;
  }

  static void add_posting(std::span<const EnterpriseId> list, const Bitmap& mask, Bitmap& out) {
    for (EnterpriseId e : list) {
      if (mask.test(e.value)) out.set(e.value);
    }
  }

  static Bitmap posting(std::span<const EnterpriseId> list, const Bitmap& mask) {
    Bitmap out(mask.size());
    add_posting(list, mask, out);
    return out;
  }

  // The rows of `mask` where the leaf's equality (or comparison) holds, before negation.
  Bitmap leaf_hits(const Leaf& leaf, const Bitmap& mask) const {
    const EnterpriseColumns& e = s_.enterprises;
    switch (leaf.kind) {
      case LeafKind::kSegment:
        return posting(s_.by_segment.row(leaf.id), mask);
      case LeafKind::kCounty:
        return posting(s_.by_county.row(leaf.id), mask);
      case LeafKind::kTaxonomy:
        return posting(s_.by_taxonomy.row(leaf.id), mask);
      case LeafKind::kZone: {
        Bitmap out(mask.size());
        for (ZoneId z : leaf.zones)
          add_posting(s_.by_zone.row(z.value), mask, out);
        return out;
      }
      case LeafKind::kEnterprise:
        return scan_one(leaf.id, mask);
      case LeafKind::kName:
        return scan(mask, [&](std::size_t i) {
          return e.name_zh[i].value == leaf.id || e.name_en[i].value == leaf.id;
        });
      case LeafKind::kGroup:
        return scan(mask, [&](std::size_t i) { return e.group[i].value == leaf.id; });
      case LeafKind::kAboveSize:
        return scan(mask, [&](std::size_t i) { return e.above_size[i] == leaf.flag; });
      case LeafKind::kHighTech:
        return scan(mask, [&](std::size_t i) { return e.high_tech[i] == leaf.flag; });
      case LeafKind::kMetric:
        return metric_hits(leaf, mask);
      case LeafKind::kRows:
        return scan(mask, [&](std::size_t i) { return leaf.rows[i] != 0; });
      case LeafKind::kDate:
        return date_hits(leaf, mask);
    }
    return Bitmap(mask.size());
  }

  static Bitmap scan_one(std::uint32_t row, const Bitmap& mask) {
    Bitmap out(mask.size());
    if (row < mask.size() && mask.test(row)) out.set(row);
    return out;
  }

  Bitmap metric_hits(const Leaf& leaf, const Bitmap& mask) const {
    const MetricReader reader(p_, s_, leaf.metric, vis_);
    return scan(mask, [&](std::size_t i) {
      const SpanValue v = reader.read(static_cast<std::uint32_t>(i));
      return v.present && compare(v.value, leaf.op, leaf.value);
    });
  }

  Bitmap date_hits(const Leaf& leaf, const Bitmap& mask) const {
    const std::vector<DateCell>& cells = p_.date_columns[leaf.date_column];
    return scan(mask, [&](std::size_t i) {
      const DayNumber day = vis_.include_sample ? cells[i].day : cells[i].day_without_sample;
      return day != kNoDay && day <= vis_.as_of && day >= leaf.low && day <= leaf.high;
    });
  }

  const Program& p_;
  const Snapshot& s_;
  const Visibility& vis_;
};

}  // namespace

Bitmap visible_rows(const Program& program, const Snapshot& snapshot, const Visibility& visibility) {
  Bitmap rows(program.rows, true);
  if (visibility.include_sample) return rows;
  const std::vector<std::uint8_t>& sample =
      program.set == RecordSet::kEnterprises ? snapshot.enterprises.sample : program.row_sample;
  for (std::size_t i = 0; i < program.rows; ++i) {
    if (sample[i] != 0) rows.reset(i);
  }
  return rows;
}

Bitmap select_rows(const Program& program, const Snapshot& snapshot, const Visibility& visibility) {
  Bitmap rows = visible_rows(program, snapshot, visibility);
  if (!program.root) return rows;
  return Selector(program, snapshot, visibility).eval(*program.root, rows);
}

}  // namespace atlas::query::internal
