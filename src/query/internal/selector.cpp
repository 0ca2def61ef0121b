#include "query/internal/selector.hpp"

#include <span>

#include <fmt/format.h>

#include "query/internal/literal_values.hpp"
#include "query/internal/metric_reader.hpp"

namespace atlas::query::internal {
namespace {

class Selector {
 public:
  Selector(const Program& program, const Snapshot& snapshot, const Visibility& visibility,
           std::uint64_t budget)
      : p_(program), s_(snapshot), vis_(visibility), budget_(budget) {}

  [[nodiscard]] bool exhausted() const { return exhausted_; }

  // Once the budget is spent every node answers the empty set at once, so the walk unwinds in
  // time proportional to the nodes left, and the caller reports the limit.
  Bitmap eval(std::uint32_t index, const Bitmap& mask) const {
    const Node& node = p_.nodes[index];
    if (!charge(words(mask) + cost(node, mask))) return Bitmap(mask.size());
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

  static std::uint64_t words(const Bitmap& mask) { return (mask.size() + 63) / 64; }

  // What a leaf will read beyond the bitmap words: its posting list, or every row left in the mask.
  std::uint64_t cost(const Node& node, const Bitmap& mask) const {
    if (node.kind != NodeKind::kLeaf) return 0;
    switch (node.leaf.kind) {
      case LeafKind::kSegment:
        return s_.by_segment.row(node.leaf.id).size();
      case LeafKind::kCounty:
        return s_.by_county.row(node.leaf.id).size();
      case LeafKind::kTaxonomy:
        return s_.by_taxonomy.row(node.leaf.id).size();
      case LeafKind::kZone: {
        std::uint64_t n = 0;
        for (ZoneId z : node.leaf.zones)
          n += s_.by_zone.row(z.value).size();
        return n;
      }
      case LeafKind::kEnterprise:
        return 1;
      default:
        return mask.count();
    }
  }

  bool charge(std::uint64_t units) const {
    if (exhausted_ || units > budget_ - work_) {
      exhausted_ = true;
      return false;
    }
    work_ += units;
    return true;
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
  std::uint64_t budget_;
  mutable std::uint64_t work_ = 0;
  mutable bool exhausted_ = false;
};

}  // namespace

Bitmap visible_rows(const Program& program, const Snapshot& snapshot, const Visibility& visibility) {
  Bitmap rows(program.rows, true);
  if (program.set == RecordSet::kEnterprises) {
    // An enterprise outside the plan's region (a parent or partner elsewhere, or one of another
    // plan's region that a record of this plan refers to) is never counted.
    const std::vector<std::uint8_t>& outside = snapshot.enterprises.outside;
    for (std::size_t i = 0; i < program.rows; ++i) {
      if (outside[i] != 0) rows.reset(i);
    }
  }
  if (visibility.include_sample) return rows;
  const std::vector<std::uint8_t>& sample =
      program.set == RecordSet::kEnterprises ? snapshot.enterprises.sample : program.row_sample;
  for (std::size_t i = 0; i < program.rows; ++i) {
    if (sample[i] != 0) rows.reset(i);
  }
  return rows;
}

Result<Bitmap> select_rows(const Program& program, const Snapshot& snapshot, const Visibility& visibility,
                           std::uint64_t work_budget) {
  Bitmap rows = visible_rows(program, snapshot, visibility);
  if (!program.root) return rows;
  // visible_rows read each record once: that much of the budget is spent.
  const std::uint64_t left = work_budget > program.rows ? work_budget - program.rows : 0;
  const Selector selector(program, snapshot, visibility, left);
  Bitmap selected = selector.eval(*program.root, rows);
  if (selector.exhausted()) {
    return fail(
        ErrorCode::kLimitExceeded,
        fmt::format("evaluating the condition would take more than {} steps (the limit for a set of {} "
                    "records): narrow it or split it into several indicators",
                    work_budget, program.rows));
  }
  return selected;
}

}  // namespace atlas::query::internal
