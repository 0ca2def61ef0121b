#include "query/internal/compile_leaf.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "query/internal/literal_values.hpp"
#include "query/internal/suggest.hpp"

namespace atlas::query::internal {
namespace {

// `unknown field "segmnt" — did you mean "segment"?`; without a close name, where the field
// lives if another set has it, else the set's fields.
std::unexpected<Error> unknown_field(const Condition& c, RecordSet set, const Snapshot& snapshot) {
  const auto names = field_names(set, snapshot);
  Suggester suggester(c.field);
  suggester.consider_all(names);
  if (suggester.best()) {
    return error_at(ErrorCode::kUnknownField, c.pos,
                    fmt::format("unknown field \"{}\"{}", c.field, suggester.hint()));
  }
  for (std::size_t s = 0; s < kRecordSetCount; ++s) {
    const auto other = static_cast<RecordSet>(s);
    if (other != set && find_field(other, c.field, snapshot)) {
      return error_at(ErrorCode::kUnknownField, c.pos,
                      fmt::format("unknown field \"{}\": {} have no {} ({} do)", c.field, to_string(set),
                                  c.field, to_string(other)));
    }
  }
  std::string list;
  for (auto n : names)
    list += (list.empty() ? "" : ", ") + std::string(n);
  return error_at(ErrorCode::kUnknownField, c.pos,
                  fmt::format("unknown field \"{}\" ({} have: {})", c.field, to_string(set), list));
}

std::string compare_example(const FieldSpec& f) {
  switch (f.type) {
    case FieldType::kAmount:
      return fmt::format("{} > 1亿", f.name);
    case FieldType::kCount:
      return fmt::format("{} >= 1", f.name);
    case FieldType::kOrdered:
      return fmt::format("{} >= provincial", f.name);
    default:
      return fmt::format("{} = \"…\"", f.name);
  }
}

Result<void> check_shape(CheckContext& ctx, const Condition& c, const ResolvedField& f) {
  const FieldSpec& spec = f.spec;
  if (c.kind == ConditionKind::kFlag && spec.type != FieldType::kBool && spec.type != FieldType::kDate) {
    return error_at(ErrorCode::kTypeError, c.pos,
                    fmt::format("{} is {} {}, not a condition: compare it, e.g. {}", spec.name,
                                spec.type == FieldType::kAmount || spec.type == FieldType::kEnum ? "an" : "a",
                                to_string(spec.type), compare_example(spec)));
  }
  if (c.kind == ConditionKind::kCompare) {
    if (auto r = check_operator(c, spec); !r) return r;
  }
  if (f.is_metric() && !ctx.program.period) {
    return error_at(ErrorCode::kTypeError, c.pos,
                    fmt::format("{} is valued per period: a period is needed — end the indicator with "
                                "\"in 2025\" (or 2025-09, 2025-01~09)",
                                spec.name));
  }
  return {};
}

}  // namespace

Result<Node> compile_leaf(CheckContext& ctx, const Condition& c) {
  auto field = find_field(ctx.program.set, c.field, ctx.snapshot);
  if (!field) return unknown_field(c, ctx.program.set, ctx.snapshot);
  if (auto r = check_shape(ctx, c, *field); !r) return std::unexpected(r.error());
  return ctx.program.set == RecordSet::kEnterprises ? compile_enterprise_leaf(ctx, c, *field)
                                                    : compile_table_leaf(ctx, c, *field);
}

Result<EnterpriseId> resolve_enterprise(const CheckContext& ctx, const Condition& c, const FieldSpec& f) {
  auto slug = text_value(c, f);
  if (!slug) return std::unexpected(slug.error());
  const Snapshot& s = ctx.snapshot;
  const EnterpriseId e = s.find_enterprise(*slug);
  if (e.valid()) return e;
  return unknown_reference(c, "enterprise",
                           ids_of(s.enterprises.slug, [&](StringId id) { return s.strings.view(id); }));
}

Result<CountyId> resolve_county(const CheckContext& ctx, const Condition& c, const FieldSpec& f) {
  auto id = text_value(c, f);
  if (!id) return std::unexpected(id.error());
  const CountyId county = ctx.snapshot.find_county(*id);
  if (county.valid()) return county;
  return unknown_reference(
      c, "county", ids_of(ctx.snapshot.counties, [](const auto& r) -> std::string_view { return r.id; }));
}

Result<ZoneId> resolve_zone(const CheckContext& ctx, const Condition& c, const FieldSpec& f) {
  auto id = text_value(c, f);
  if (!id) return std::unexpected(id.error());
  const ZoneId zone = ctx.snapshot.find_zone(*id);
  if (zone.valid()) return zone;
  return unknown_reference(
      c, "zone", ids_of(ctx.snapshot.zones, [](const auto& r) -> std::string_view { return r.id; }));
}

Result<ClassId> resolve_taxonomy(const CheckContext& ctx, const Condition& c, const FieldSpec& f) {
  auto code = text_value(c, f);
  if (!code) return std::unexpected(code.error());
  const Snapshot& s = ctx.snapshot;
  const ClassId node = s.find_class(*code);
  if (!node.valid()) {
    return unknown_reference(c, "taxonomy code",
                             ids_of(s.taxonomy, [](const auto& r) -> std::string_view { return r.code; }));
  }
  const TaxonomyLevel level = s.taxonomy[node.value].level;
  const bool fits = f.key == FieldKey::kClass ||
                    (f.key == FieldKey::kSubsystem && level == TaxonomyLevel::kSubsystem) ||
                    (f.key == FieldKey::kCategory && level == TaxonomyLevel::kCategory);
  if (fits) return node;
  return error_at(ErrorCode::kTypeError, c.literal.pos,
                  fmt::format("\"{}\" is a {}, not a {}: write {} = \"{}\"", *code, to_string(level), f.name,
                              to_string(level), *code));
}

std::vector<ZoneId> zone_subtree(const Snapshot& snapshot, ZoneId zone) {
  std::vector<ZoneId> out;
  for (std::uint32_t z = 0; z < snapshot.zones.size(); ++z) {
    ZoneId at{z};
    // Bounded walk up: a parent cycle (rejected when the plan loads) cannot hang the checker.
    for (std::size_t steps = 0; at.valid() && steps <= snapshot.zones.size(); ++steps) {
      if (at == zone) {
        out.push_back(ZoneId{z});
        break;
      }
      at = snapshot.zone_parent[at.value];
    }
  }
  return out;
}

bool is_under(const Snapshot& snapshot, ClassId node, ClassId ancestor) {
  for (std::size_t steps = 0; node.valid() && steps <= snapshot.taxonomy.size(); ++steps) {
    if (node == ancestor) return true;
    node = snapshot.taxonomy_parent[node.value];
  }
  return false;
}

std::pair<DayNumber, DayNumber> day_range(const PeriodSpec& period) {
  const int last_year = year_of(period.last);
  const int last_month = month_of(period.last);
  return {day_number(year_of(period.first), month_of(period.first), 1),
          day_number(last_year, last_month, days_in_month(last_year, last_month))};
}

}  // namespace atlas::query::internal
