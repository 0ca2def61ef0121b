#include "query/checker.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "model/provenance.hpp"
#include "query/internal/compile_leaf.hpp"
#include "query/internal/distinct_keys.hpp"
#include "query/internal/figure.hpp"
#include "query/internal/literal_values.hpp"
#include "query/internal/metric_reader.hpp"
#include "query/internal/program.hpp"
#include "query/internal/suggest.hpp"

namespace atlas::query {
namespace {

using internal::CheckContext;
using internal::error_at;
using internal::Node;
using internal::NodeKind;
using internal::Program;
using internal::ResolvedField;

bool is_number(const ResolvedField& f) {
  return f.spec.type == FieldType::kAmount || f.spec.type == FieldType::kCount;
}

std::optional<std::pair<RecordSet, ResolvedField>> find_in_any_set(std::string_view name, const Snapshot& s) {
  for (std::size_t i = 0; i < internal::kRecordSetCount; ++i) {
    const auto set = static_cast<RecordSet>(i);
    if (auto f = internal::find_field(set, name, s)) return std::pair{set, *f};
  }
  return std::nullopt;
}

Result<void> resolve_count_subject(const Indicator& ind, const Snapshot& s, Program& p) {
  if (auto set = parse_record_set(ind.subject)) {
    p.set = *set;
    p.unit = MetricUnit::kCount;
    return {};
  }
  if (auto owner = find_in_any_set(ind.subject, s)) {
    return error_at(ErrorCode::kTypeError, ind.subject_pos,
                    fmt::format("count takes a set, not a field: write count({}) where {} …",
                                to_string(owner->first), ind.subject));
  }
  internal::Suggester suggester(ind.subject);
  for (std::size_t i = 0; i < internal::kRecordSetCount; ++i)
    suggester.consider(to_string(static_cast<RecordSet>(i)));
  return error_at(ErrorCode::kUnknownField, ind.subject_pos,
                  fmt::format("unknown set \"{}\"{}{}", ind.subject, suggester.hint(),
                              suggester.best() ? ""
                                               : " (sets: enterprises, projects, carriers, supplier_entries, "
                                                 "candidates)"));
}

std::unexpected<Error> unknown_number_field(const Indicator& ind, const Snapshot& s) {
  if (parse_record_set(ind.subject)) {
    return error_at(ErrorCode::kTypeError, ind.subject_pos,
                    fmt::format("{} takes a field such as output_value; to count records write count({})",
                                to_string(ind.aggregate), ind.subject));
  }
  internal::Suggester suggester(ind.subject);
  for (std::size_t i = 0; i < internal::kRecordSetCount; ++i) {
    const auto set = static_cast<RecordSet>(i);
    for (auto name : internal::field_names(set, s)) {
      if (is_number(*internal::find_field(set, name, s))) suggester.consider(name);
    }
  }
  return error_at(ErrorCode::kUnknownField, ind.subject_pos,
                  fmt::format("unknown field \"{}\"{}", ind.subject, suggester.hint()));
}

// The per-row numbers of a small-table field that sum/avg/min/max aggregate.
void load_row_values(const Snapshot& s, const ResolvedField& f, Program& p) {
  auto load = [&](const auto& rows, auto value_of) {
    p.row_value.assign(rows.size(), 0);
    p.row_has_value.assign(rows.size(), 0);
    for (std::size_t i = 0; i < rows.size(); ++i) {
      if (const std::optional<std::int64_t> v = value_of(rows[i])) {
        p.row_value[i] = *v;
        p.row_has_value[i] = 1;
      }
    }
  };
  using internal::FieldKey;
  if (f.spec.key == FieldKey::kInvestment) load(s.projects, [](const auto& r) { return r.investment; });
  if (f.spec.key == FieldKey::kExpectedOutput)
    load(s.projects, [](const auto& r) { return r.expected_output; });
  if (f.spec.key == FieldKey::kTier) {
    load(s.supplier_entries, [](const auto& r) { return std::optional<std::int64_t>(r.tier); });
  }
}

Result<void> resolve_number_subject(const Indicator& ind, const Snapshot& s, Program& p) {
  auto found = find_in_any_set(ind.subject, s);
  if (!found || parse_record_set(ind.subject)) return unknown_number_field(ind, s);
  const auto& [set, field] = *found;
  if (!is_number(field)) {
    return error_at(
        ErrorCode::kTypeError, ind.subject_pos,
        fmt::format("{} needs an amount or a count, and {} is {} {}", to_string(ind.aggregate), ind.subject,
                    field.spec.type == FieldType::kEnum ? "an" : "a", to_string(field.spec.type)));
  }
  p.set = set;
  if (field.is_metric()) {
    if (!ind.period) {
      return error_at(
          ErrorCode::kTypeError, ind.subject_pos,
          fmt::format("{} is valued per period: a period is needed — end the indicator with \"in 2025\" "
                      "(or 2025-09, 2025-01~09)",
                      ind.subject));
    }
    p.metric = field.metric;
    p.unit = s.metrics[field.metric.value].unit;
    return {};
  }
  p.unit = field.spec.type == FieldType::kAmount ? MetricUnit::kYuan : MetricUnit::kCount;
  load_row_values(s, field, p);
  return {};
}

Result<std::uint32_t> compile_condition(CheckContext& ctx, const Indicator& ind, std::uint32_t index) {
  const Condition& c = ind.conditions[index];
  Node node;
  if (c.kind == ConditionKind::kAnd || c.kind == ConditionKind::kOr || c.kind == ConditionKind::kNot) {
    node.kind = c.kind == ConditionKind::kAnd  ? NodeKind::kAnd
                : c.kind == ConditionKind::kOr ? NodeKind::kOr
                                               : NodeKind::kNot;
    node.cost = internal::Cost::kPosting;
    for (auto operand : c.operands) {
      auto child = compile_condition(ctx, ind, operand);
      if (!child) return child;
      node.children.push_back(*child);
      node.cost = std::max(node.cost, ctx.program.nodes[*child].cost);
    }
    if (node.kind == NodeKind::kAnd) {
      std::stable_sort(node.children.begin(), node.children.end(),
                       [&](auto a, auto b) { return ctx.program.nodes[a].cost < ctx.program.nodes[b].cost; });
    }
  } else {
    auto leaf = internal::compile_leaf(ctx, c);
    if (!leaf) return std::unexpected(leaf.error());
    node = std::move(*leaf);
  }
  ctx.program.nodes.push_back(std::move(node));
  return static_cast<std::uint32_t>(ctx.program.nodes.size() - 1);
}

void load_rows(const Snapshot& s, Program& p) {
  auto samples = [&](const auto& rows) {
    p.rows = rows.size();
    p.row_sample.resize(rows.size());
    for (std::size_t i = 0; i < rows.size(); ++i)
      p.row_sample[i] = is_sample(rows[i].provenance) ? 1 : 0;
  };
  switch (p.set) {
    case RecordSet::kEnterprises:
      p.rows = s.enterprises.size();
      break;
    case RecordSet::kProjects:
      samples(s.projects);
      break;
    case RecordSet::kCarriers:
      samples(s.carriers);
      break;
    case RecordSet::kSupplierEntries:
      samples(s.supplier_entries);
      break;
    case RecordSet::kCandidates:
      samples(s.candidates);
      break;
  }
}

void add_rollup_gates(const Snapshot& s, Program& p) {
  if (!p.period || !p.period->is_calendar_year()) return;
  std::vector<MetricId> metrics = p.condition_metrics;
  if (p.metric.valid() && std::find(metrics.begin(), metrics.end(), p.metric) == metrics.end()) {
    metrics.push_back(p.metric);
  }
  for (MetricId m : metrics)
    p.rollup_gates.push_back(internal::rollup_gate(s, m, year_of(p.period->first)));
}

bool same_groups(const internal::Grouping& a, const internal::Grouping& b) {
  return std::equal(a.labels.begin(), a.labels.end(), b.labels.begin(), b.labels.end(),
                    [](const auto& x, const auto& y) { return x.id == y.id; });
}

std::string part_text(const Indicator& part) {
  return fmt::format("{}({})", to_string(part.aggregate), part.subject);
}

// One aggregate with its conditions (an indicator, or one part of a ratio), without its syntax tree.
Result<std::unique_ptr<Program>> compile_part(const Indicator& indicator, const Snapshot& snapshot) {
  auto program = std::make_unique<Program>();
  program->snapshot = &snapshot;
  program->period = indicator.period;
  if (indicator.aggregate == Aggregate::kFigure) {
    if (!indicator.group_by.empty()) {
      return error_at(ErrorCode::kTypeError, indicator.group_by_pos,
                      "figure() reads one stated figure: it has no records to group — group a count or a "
                      "sum instead");
    }
    if (auto r = internal::resolve_figure(indicator, snapshot, *program); !r)
      return std::unexpected(r.error());
    return program;
  }
  auto subject = indicator.aggregate == Aggregate::kCount
                     ? resolve_count_subject(indicator, snapshot, *program)
                     : resolve_number_subject(indicator, snapshot, *program);
  if (!subject) return std::unexpected(subject.error());
  if (indicator.where) {
    CheckContext ctx{snapshot, *program};
    auto root = compile_condition(ctx, indicator, *indicator.where);
    if (!root) return std::unexpected(root.error());
    program->root = *root;
  }
  load_rows(snapshot, *program);
  if (!indicator.distinct.empty()) {
    if (auto r = internal::resolve_distinct(indicator, snapshot, *program); !r)
      return std::unexpected(r.error());
  }
  add_rollup_gates(snapshot, *program);
  if (!indicator.group_by.empty()) {
    auto grouping = internal::resolve_grouping(indicator, program->set, snapshot);
    if (!grouping) return std::unexpected(grouping.error());
    program->grouping = std::move(*grouping);
  }
  return program;
}

}  // namespace

CheckedIndicator::CheckedIndicator(std::unique_ptr<const internal::Program> program,
                                   std::unique_ptr<const internal::Program> divisor)
    : program_(std::move(program)), divisor_(std::move(divisor)) {
}
CheckedIndicator::CheckedIndicator(CheckedIndicator&&) noexcept = default;
CheckedIndicator& CheckedIndicator::operator=(CheckedIndicator&&) noexcept = default;
CheckedIndicator::~CheckedIndicator() = default;

const Indicator& CheckedIndicator::indicator() const {
  return program_->indicator;
}
RecordSet CheckedIndicator::set() const {
  return program_->set;
}
MetricUnit CheckedIndicator::unit() const {
  return program_->unit;
}
bool CheckedIndicator::is_grouped() const {
  return program_->grouping.has_value();
}
bool CheckedIndicator::checked_against(const Snapshot& snapshot) const {
  return program_->snapshot == &snapshot;
}

Result<CheckedIndicator> check_indicator(Indicator indicator, const Snapshot& snapshot) {
  auto program = compile_part(indicator, snapshot);
  if (!program) return std::unexpected(program.error());
  std::unique_ptr<Program> divisor;
  if (indicator.is_ratio()) {
    // The divisor is read over the ratio's period, as if it were written on its own.
    Indicator part = indicator.divisor.front();
    part.period = indicator.period;
    // … group by FIELD groups both parts: each group's ratio is its own a over its own b.
    part.group_by = indicator.group_by;
    part.group_by_pos = indicator.group_by_pos;
    auto compiled = compile_part(part, snapshot);
    if (!compiled) return std::unexpected(compiled.error());
    divisor = std::move(*compiled);
    // A ratio is a share (like over like); a value per person or per enterprise would need a unit
    // of its own, which the language does not have.
    if (divisor->unit != (*program)->unit) {
      return fail(ErrorCode::kTypeError,
                  fmt::format("a ratio divides like by like: {} is {} and {} is {}", part_text(indicator),
                              unit_phrase((*program)->unit), part_text(part), unit_phrase(divisor->unit)),
                  {}, Location{{}, 0, indicator.divide_pos.column});
    }
    if (divisor->grouping && !same_groups(*(*program)->grouping, *divisor->grouping)) {
      return error_at(ErrorCode::kTypeError, indicator.group_by_pos,
                      fmt::format("{} groups {} and {} by different values: group a ratio by a field whose "
                                  "values both parts share (county, zone)",
                                  indicator.group_by, to_string((*program)->set), to_string(divisor->set)));
    }
    divisor->indicator = std::move(part);
  }
  (*program)->indicator = std::move(indicator);
  return CheckedIndicator(std::move(*program), std::move(divisor));
}

}  // namespace atlas::query
