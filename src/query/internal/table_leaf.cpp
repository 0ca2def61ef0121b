// Small-table leaves (projects, carriers, supplier entries, candidates): a predicate that does not
// depend on visibility is evaluated here, once, into one byte per row; dates become day columns.
#include <algorithm>

#include <fmt/format.h>

#include "model/provenance.hpp"
#include "query/internal/compile_leaf.hpp"
#include "query/internal/literal_values.hpp"

namespace atlas::query::internal {
namespace {

// `negate`: the leaf holds the rows where the field equals the literal and `!=` asks for the
// complement. Ordered comparisons evaluate their operator inside `pred` and never negate.
template <class Pred>
Node rows_node(std::size_t rows, bool negate, Pred pred) {
  Node n;
  n.kind = NodeKind::kLeaf;
  n.cost = Cost::kColumn;
  n.leaf.kind = LeafKind::kRows;
  n.leaf.negate = negate;
  n.leaf.rows.resize(rows);
  for (std::size_t i = 0; i < rows; ++i)
    n.leaf.rows[i] = pred(i) ? 1 : 0;
  return n;
}

bool not_equal(const Condition& c) {
  return c.kind == ConditionKind::kCompare && c.op == CompareOp::kNotEqual;
}

// The equality leaf of a text field against the rows' values; kUnknownReference when `must_exist`
// and no row (or `known` entry) has the value.
template <class Rows, class ValueOf>
Result<Node> text_leaf(const Condition& c, const FieldSpec& f, const Rows& rows, ValueOf value_of) {
  auto text = text_value(c, f);
  if (!text) return std::unexpected(text.error());
  return rows_node(rows.size(), not_equal(c), [&](std::size_t i) { return value_of(rows[i]) == *text; });
}

template <class Rows>
Result<Node> id_leaf(const Condition& c, const FieldSpec& f, const Rows& rows, std::string_view what) {
  auto id_of = [](const auto& r) -> std::string_view { return r.id; };
  auto node = text_leaf(c, f, rows, id_of);
  if (node && std::none_of(node->leaf.rows.begin(), node->leaf.rows.end(), [](auto b) { return b != 0; })) {
    return unknown_reference(c, what, ids_of(rows, id_of));
  }
  return node;
}

template <class Rows, class KindOf>
Result<Node> kind_leaf(CheckContext& ctx, const Condition& c, const FieldSpec& f, const Rows& rows,
                       KindOf kind_of) {
  const auto words = enum_words(ctx.program.set, f.key, ctx.snapshot);
  auto index = enum_value(c, f, words);
  if (!index) return std::unexpected(index.error());
  const std::string_view word = words[*index];
  return rows_node(rows.size(), not_equal(c), [&](std::size_t i) { return kind_of(rows[i]) == word; });
}

template <class Rows, class NumberOf>
Result<Node> number_leaf(const Condition& c, const FieldSpec& f, const Rows& rows, NumberOf number_of) {
  auto value = number_value(c, f);
  if (!value) return std::unexpected(value.error());
  return rows_node(rows.size(), false, [&](std::size_t i) {
    const std::optional<std::int64_t> v = number_of(rows[i]);
    return v && compare(*v, c.op, *value);
  });
}

template <class Rows, class SlugOf>
Result<Node> enterprise_leaf(const CheckContext& ctx, const Condition& c, const FieldSpec& f,
                             const Rows& rows, SlugOf slug_of) {
  auto e = resolve_enterprise(ctx, c, f);
  if (!e) return std::unexpected(e.error());
  const std::string_view slug = ctx.snapshot.strings.view(ctx.snapshot.enterprises.slug[e->value]);
  return rows_node(rows.size(), not_equal(c), [&](std::size_t i) { return slug_of(rows[i]) == slug; });
}

Node date_node(CheckContext& ctx, const Condition& c, std::vector<DateCell> cells, bool sample_sensitive) {
  Program& p = ctx.program;
  Node n;
  n.kind = NodeKind::kLeaf;
  n.cost = Cost::kColumn;
  n.leaf.kind = LeafKind::kDate;
  n.leaf.date_column = static_cast<std::uint32_t>(p.date_columns.size());
  if (c.kind == ConditionKind::kWithin) std::tie(n.leaf.low, n.leaf.high) = day_range(c.period);
  if (sample_sensitive) p.sample_date_columns.push_back(n.leaf.date_column);
  p.date_columns.push_back(std::move(cells));
  return n;
}

template <class Rows, class DateOf>
std::vector<DateCell> record_dates(const Rows& rows, DateOf date_of) {
  std::vector<DateCell> cells(rows.size());
  for (std::size_t i = 0; i < rows.size(); ++i) {
    if (const std::optional<Date>& d = date_of(rows[i])) cells[i] = {d->first_day(), d->first_day()};
  }
  return cells;
}

// The earliest actual date of each project's milestones of `kind`, with and without samples.
std::vector<DateCell> milestone_dates(const Snapshot& s, MilestoneKind kind) {
  std::vector<DateCell> cells(s.projects.size());
  for (std::size_t p = 0; p < s.projects.size(); ++p) {
    for (std::uint32_t m : s.project_milestones.row(p)) {
      const MilestoneRecord& r = s.milestones[m];
      if (r.kind != kind || !r.actual) continue;
      const DayNumber day = r.actual->first_day();
      cells[p].day = std::min(cells[p].day, day);
      if (!is_sample(r.provenance)) cells[p].day_without_sample = std::min(cells[p].day_without_sample, day);
    }
  }
  return cells;
}

MilestoneKind milestone_of(FieldKey key) {
  switch (key) {
    case FieldKey::kStarted:
      return MilestoneKind::kStarted;
    case FieldKey::kCommissioned:
      return MilestoneKind::kCommissioned;
    case FieldKey::kFullProduction:
      return MilestoneKind::kFullProduction;
    default:
      return MilestoneKind::kSigned;
  }
}

Result<Node> project_leaf(CheckContext& ctx, const Condition& c, const FieldSpec& f) {
  const Snapshot& s = ctx.snapshot;
  const auto& rows = s.projects;
  switch (f.key) {
    case FieldKey::kId:
      return id_leaf(c, f, rows, "project");
    case FieldKey::kType: {
      const auto words = enum_words(RecordSet::kProjects, f.key, s);
      auto type = enum_value(c, f, words);
      if (!type) return std::unexpected(type.error());
      return rows_node(rows.size(), not_equal(c),
                       [&](std::size_t i) { return rows[i].type == words[*type]; });
    }
    case FieldKey::kZone: {
      auto zone = resolve_zone(ctx, c, f);
      if (!zone) return std::unexpected(zone.error());
      const auto zones = zone_subtree(s, *zone);
      return rows_node(rows.size(), not_equal(c), [&](std::size_t i) {
        return std::find(zones.begin(), zones.end(), s.project_zone[i]) != zones.end();
      });
    }
    case FieldKey::kCounty: {
      auto county = resolve_county(ctx, c, f);
      if (!county) return std::unexpected(county.error());
      return rows_node(rows.size(), not_equal(c),
                       [&](std::size_t i) { return s.project_county[i] == *county; });
    }
    case FieldKey::kSponsor: {
      auto e = resolve_enterprise(ctx, c, f);
      if (!e) return std::unexpected(e.error());
      return rows_node(rows.size(), not_equal(c), [&](std::size_t i) { return s.project_sponsor[i] == *e; });
    }
    case FieldKey::kInvestment:
      return number_leaf(c, f, rows, [](const auto& r) { return r.investment; });
    case FieldKey::kExpectedOutput:
      return number_leaf(c, f, rows, [](const auto& r) { return r.expected_output; });
    default:
      return date_node(ctx, c, milestone_dates(s, milestone_of(f.key)), true);
  }
}

Result<Node> carrier_leaf(CheckContext& ctx, const Condition& c, const FieldSpec& f) {
  const auto& rows = ctx.snapshot.carriers;
  switch (f.key) {
    case FieldKey::kId:
      return id_leaf(c, f, rows, "carrier");
    case FieldKey::kKind:
      return kind_leaf(ctx, c, f, rows, [](const auto& r) -> std::string_view { return r.kind; });
    case FieldKey::kLevel: {
      const auto words = enum_words(RecordSet::kCarriers, f.key, ctx.snapshot);
      auto level = enum_value(c, f, words);
      if (!level) return std::unexpected(level.error());
      const auto wanted = static_cast<std::int64_t>(*level);
      return rows_node(rows.size(), false, [&](std::size_t i) {
        return compare(static_cast<std::int64_t>(rows[i].level), c.op, wanted);
      });
    }
    case FieldKey::kEnterprise:
      return enterprise_leaf(ctx, c, f, rows, [](const auto& r) -> std::string_view { return r.enterprise; });
    default:
      return date_node(ctx, c,
                       record_dates(
                           rows, [](const auto& r) -> const auto& { return r.recognized; }),
                       false);
  }
}

Result<Node> supplier_entry_leaf(CheckContext& ctx, const Condition& c, const FieldSpec& f) {
  const Snapshot& s = ctx.snapshot;
  const auto& rows = s.supplier_entries;
  switch (f.key) {
    case FieldKey::kId:
      return id_leaf(c, f, rows, "supplier entry");
    case FieldKey::kEnterprise:
      return enterprise_leaf(ctx, c, f, rows, [](const auto& r) -> std::string_view { return r.enterprise; });
    case FieldKey::kClass: {
      auto node = resolve_taxonomy(ctx, c, f);
      if (!node) return std::unexpected(node.error());
      return rows_node(rows.size(), not_equal(c), [&](std::size_t i) {
        return is_under(s, s.find_class(rows[i].product_class), *node);
      });
    }
    case FieldKey::kOem:
      return text_leaf(c, f, rows, [](const auto& r) -> std::string_view { return r.oem; });
    case FieldKey::kTier:
      return number_leaf(c, f, rows, [](const auto& r) { return std::optional<std::int64_t>(r.tier); });
    default:
      return date_node(ctx, c,
                       record_dates(
                           rows, [](const auto& r) -> const auto& { return r.entered; }),
                       false);
  }
}

std::vector<std::string_view> link_ids(const Snapshot& s) {
  std::vector<std::string_view> out;
  for (const auto& chain : s.chains) {
    for (const auto& link : chain.links)
      out.push_back(link.id);
  }
  return out;
}

Result<Node> candidate_leaf(CheckContext& ctx, const Condition& c, const FieldSpec& f) {
  const Snapshot& s = ctx.snapshot;
  const auto& rows = s.candidates;
  switch (f.key) {
    case FieldKey::kId:
      return id_leaf(c, f, rows, "candidate");
    case FieldKey::kKind:
      return kind_leaf(ctx, c, f, rows, [](const auto& r) -> std::string_view { return r.kind; });
    case FieldKey::kRegion:
      return text_leaf(c, f, rows, [](const auto& r) -> std::string_view { return r.region; });
    default:
      break;
  }
  const bool chain = f.key == FieldKey::kChain;
  auto text = text_value(c, f);
  if (!text) return std::unexpected(text.error());
  const auto known =
      chain ? ids_of(s.chains, [](const auto& r) -> std::string_view { return r.id; }) : link_ids(s);
  if (std::find(known.begin(), known.end(), *text) == known.end()) {
    return unknown_reference(c, chain ? "chain" : "chain link", known);
  }
  return rows_node(rows.size(), not_equal(c),
                   [&](std::size_t i) { return (chain ? rows[i].chain : rows[i].link) == *text; });
}

}  // namespace

Result<Node> compile_table_leaf(CheckContext& ctx, const Condition& c, const ResolvedField& f) {
  switch (ctx.program.set) {
    case RecordSet::kProjects:
      return project_leaf(ctx, c, f.spec);
    case RecordSet::kCarriers:
      return carrier_leaf(ctx, c, f.spec);
    case RecordSet::kSupplierEntries:
      return supplier_entry_leaf(ctx, c, f.spec);
    case RecordSet::kCandidates:
      return candidate_leaf(ctx, c, f.spec);
    case RecordSet::kEnterprises:
      break;
  }
  return error_at(ErrorCode::kTypeError, c.pos, "enterprise fields are compiled elsewhere");
}

}  // namespace atlas::query::internal
