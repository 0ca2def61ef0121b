#include "query/internal/distinct_keys.hpp"

#include <string>
#include <string_view>
#include <unordered_map>

#include <fmt/format.h>

#include "query/internal/fields.hpp"
#include "query/internal/literal_values.hpp"
#include "query/internal/suggest.hpp"

namespace atlas::query::internal {
namespace {

// Whether a field has one value per record that can be told apart from another's.
bool countable(const ResolvedField& f, RecordSet set) {
  switch (f.spec.type) {
    case FieldType::kText:
    case FieldType::kReference:
    case FieldType::kEnum:
    case FieldType::kOrdered:
      return true;
    case FieldType::kTaxonomy:  // an entry's one class; an enterprise makes several
      return set == RecordSet::kSupplierEntries && f.spec.key == FieldKey::kClass;
    default:
      return false;
  }
}

template <class Id, class Rows>
std::string_view id_or_empty(Id id, const Rows& rows) {
  return id.valid() ? std::string_view(rows[id.value].id) : std::string_view();
}

// The value of `key` on record `i` of `set` as text ("" when it has none).
std::string_view value_of(const Snapshot& s, RecordSet set, FieldKey key, std::size_t i) {
  using enum FieldKey;
  switch (set) {
    case RecordSet::kEnterprises: {
      const EnterpriseColumns& c = s.enterprises;
      switch (key) {
        case kId:
          return s.strings.view(c.slug[i]);
        case kName:
          return s.strings.view(c.name_zh[i]);
        case kCounty:
          return id_or_empty(c.county[i], s.counties);
        case kZone:
          return id_or_empty(c.zone[i], s.zones);
        case kSegment:
          return s.segment_of(EnterpriseId{static_cast<std::uint32_t>(i)});
        case kGroup:
          return c.group[i].valid() ? s.strings.view(c.slug[c.group[i].value]) : std::string_view();
        default:
          return {};
      }
    }
    case RecordSet::kProjects: {
      const ProjectRecord& r = s.projects[i];
      switch (key) {
        case kId:
          return r.id;
        case kType:
          return r.type;
        case kZone:
          return id_or_empty(s.project_zone[i], s.zones);
        case kCounty:
          return id_or_empty(s.project_county[i], s.counties);
        case kSponsor:
          return r.sponsor;
        default:
          return {};
      }
    }
    case RecordSet::kCarriers: {
      const CarrierRecord& r = s.carriers[i];
      switch (key) {
        case kId:
          return r.id;
        case kKind:
          return r.kind;
        case kLevel:
          return to_string(r.level);
        case kEnterprise:
          return r.enterprise;
        default:
          return {};
      }
    }
    case RecordSet::kSupplierEntries: {
      const SupplierEntryRecord& r = s.supplier_entries[i];
      switch (key) {
        case kId:
          return r.id;
        case kEnterprise:
          return r.enterprise;
        case kClass:
          return r.product_class;
        case kOem:
          return r.oem;
        default:
          return {};
      }
    }
    case RecordSet::kCandidates: {
      const CandidateRecord& r = s.candidates[i];
      switch (key) {
        case kId:
          return r.id;
        case kKind:
          return r.kind;
        case kChain:
          return r.chain;
        case kLink:
          return r.link;
        case kRegion:
          return r.region;
        default:
          return {};
      }
    }
  }
  return {};
}

}  // namespace

Result<void> resolve_distinct(const Indicator& ind, const Snapshot& s, Program& p) {
  const auto field = find_field(p.set, ind.distinct, s);
  if (!field) {
    Suggester suggester(ind.distinct);
    for (auto name : field_names(p.set, s)) {
      if (countable(*find_field(p.set, name, s), p.set)) suggester.consider(name);
    }
    return error_at(
        ErrorCode::kUnknownField, ind.distinct_pos,
        fmt::format("{} has no field \"{}\"{}", to_string(p.set), ind.distinct, suggester.hint()));
  }
  if (!countable(*field, p.set)) {
    return error_at(
        ErrorCode::kTypeError, ind.distinct_pos,
        fmt::format("count(distinct …) counts the values of a reference, text or enum field; {} of "
                    "{} is {} {}",
                    ind.distinct, to_string(p.set), field->spec.type == FieldType::kEnum ? "an" : "a",
                    to_string(field->spec.type)));
  }
  std::unordered_map<std::string_view, std::uint32_t> dense;
  p.row_key.assign(p.rows, kNoKey);
  for (std::size_t i = 0; i < p.rows; ++i) {
    const std::string_view v = value_of(s, p.set, field->spec.key, i);
    if (v.empty()) continue;
    p.row_key[i] = dense.emplace(v, static_cast<std::uint32_t>(dense.size())).first->second;
  }
  p.key_count = static_cast<std::uint32_t>(dense.size());
  return {};
}

}  // namespace atlas::query::internal
