#include "query/internal/grouping.hpp"

#include <algorithm>
#include <unordered_map>

#include <fmt/format.h>

#include "query/internal/fields.hpp"
#include "query/internal/literal_values.hpp"
#include "query/internal/suggest.hpp"

namespace atlas::query::internal {
namespace {

// The groupable fields per set, in the order messages list them.
std::span<const std::string_view> groupable(RecordSet set) {
  static constexpr std::array<std::string_view, 6> kEnterprises{"county", "zone",      "segment",
                                                                "class",  "subsystem", "category"};
  static constexpr std::array<std::string_view, 3> kProjects{"county", "zone", "type"};
  static constexpr std::array<std::string_view, 2> kCarriers{"kind", "level"};
  static constexpr std::array<std::string_view, 1> kSupplierEntries{"class"};
  static constexpr std::array<std::string_view, 3> kCandidates{"kind", "chain", "link"};
  switch (set) {
    case RecordSet::kEnterprises:
      return kEnterprises;
    case RecordSet::kProjects:
      return kProjects;
    case RecordSet::kCarriers:
      return kCarriers;
    case RecordSet::kSupplierEntries:
      return kSupplierEntries;
    case RecordSet::kCandidates:
      return kCandidates;
  }
  return {};
}

std::string listed(std::span<const std::string_view> names) {
  std::string out;
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (i > 0) out += i + 1 == names.size() ? " or " : ", ";
    out += names[i];
  }
  return out;
}

template <class Rows, class IdOf, class NameOf>
void label_all(const Rows& rows, IdOf id_of, NameOf name_of, Grouping& g) {
  for (const auto& r : rows)
    g.labels.push_back(GroupLabel{std::string(id_of(r)), name_of(r)});
}

void label_terms(const Snapshot& s, VocabularyKind kind, Grouping& g) {
  label_all(
      s.vocabulary(kind), [](const TermRecord& t) -> std::string_view { return t.id; },
      [](const TermRecord& t) { return t.name; }, g);
}

// Each row's group by the id the row holds (a word, a chain id …): labels must be set.
template <class Rows, class KeyOf>
void group_rows_by_id(const Rows& rows, KeyOf key_of, Grouping& g) {
  std::unordered_map<std::string_view, std::uint32_t> index;
  for (std::uint32_t i = 0; i < g.labels.size(); ++i)
    index.emplace(g.labels[i].id, i);
  g.row_group.assign(rows.size(), kNoGroup);
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const auto found = index.find(key_of(rows[i]));
    if (found != index.end()) g.row_group[i] = found->second;
  }
}

// Taxonomy nodes of `level` as groups; node_group maps every node to its ancestor at that level.
void group_taxonomy(const Snapshot& s, TaxonomyLevel level, Grouping& g) {
  g.node_group.assign(s.taxonomy.size(), kNoGroup);
  for (std::uint32_t n = 0; n < s.taxonomy.size(); ++n) {
    if (s.taxonomy[n].level != level) continue;
    g.node_group[n] = static_cast<std::uint32_t>(g.labels.size());
    g.labels.push_back(GroupLabel{s.taxonomy[n].code, s.taxonomy[n].name});
  }
  for (std::uint32_t n = 0; n < s.taxonomy.size(); ++n) {
    ClassId up(n);
    for (std::size_t steps = 0; up.valid() && steps <= s.taxonomy.size(); ++steps) {
      if (s.taxonomy[up.value].level == level) {
        g.node_group[n] = g.node_group[up.value];
        break;
      }
      up = s.taxonomy_parent[up.value];
    }
  }
}

TaxonomyLevel level_of(std::string_view field) {
  if (field == "category") return TaxonomyLevel::kCategory;
  if (field == "subsystem") return TaxonomyLevel::kSubsystem;
  return TaxonomyLevel::kClass;
}

void label_counties(const Snapshot& s, Grouping& g) {
  label_all(
      s.counties, [](const CountyRecord& r) -> std::string_view { return r.id; },
      [](const CountyRecord& r) { return r.name; }, g);
}
void label_zones(const Snapshot& s, Grouping& g) {
  label_all(
      s.zones, [](const ZoneRecord& r) -> std::string_view { return r.id; },
      [](const ZoneRecord& r) { return r.name; }, g);
  g.overlapping = std::any_of(s.zone_parent.begin(), s.zone_parent.end(), [](ZoneId z) { return z.valid(); });
}

void resolve_enterprises(const Snapshot& s, const std::string& field, Grouping& g) {
  if (field == "county") {
    g.source = GroupSource::kEnterpriseCounty;
    label_counties(s, g);
  } else if (field == "zone") {
    g.source = GroupSource::kEnterpriseZone;
    label_zones(s, g);
  } else if (field == "segment") {
    g.source = GroupSource::kEnterpriseSegment;
    label_terms(s, VocabularyKind::kSegment, g);
  } else {
    g.source = GroupSource::kEnterpriseTaxonomy;
    g.overlapping = true;
    group_taxonomy(s, level_of(field), g);
  }
}

void resolve_projects(const Snapshot& s, const std::string& field, Grouping& g) {
  const auto n = s.projects.size();
  g.row_group.assign(n, kNoGroup);
  if (field == "county") {
    label_counties(s, g);
    for (std::size_t i = 0; i < n; ++i) {
      if (s.project_county[i].valid()) g.row_group[i] = s.project_county[i].value;
    }
  } else if (field == "zone") {
    g.source = GroupSource::kProjectZone;
    g.row_group.clear();
    label_zones(s, g);
  } else {
    label_terms(s, VocabularyKind::kProjectType, g);
    group_rows_by_id(
        s.projects, [](const ProjectRecord& r) -> std::string_view { return r.type; }, g);
  }
}

void resolve_carriers(const Snapshot& s, const std::string& field, Grouping& g) {
  if (field == "kind") {
    label_terms(s, VocabularyKind::kCarrierKind, g);
    group_rows_by_id(
        s.carriers, [](const CarrierRecord& r) -> std::string_view { return r.kind; }, g);
    return;
  }
  for (auto level : {CarrierLevel::kMunicipal, CarrierLevel::kProvincial, CarrierLevel::kNational})
    g.labels.push_back(GroupLabel{to_string(level), {}});
  g.row_group.resize(s.carriers.size());
  for (std::size_t i = 0; i < s.carriers.size(); ++i)
    g.row_group[i] = static_cast<std::uint32_t>(s.carriers[i].level);
}

void resolve_supplier_entries(const Snapshot& s, Grouping& g) {
  group_taxonomy(s, TaxonomyLevel::kClass, g);
  g.row_group.assign(s.supplier_entries.size(), kNoGroup);
  for (std::size_t i = 0; i < s.supplier_entries.size(); ++i) {
    const ClassId node = s.find_class(s.supplier_entries[i].product_class);
    if (node.valid()) g.row_group[i] = g.node_group[node.value];
  }
  g.node_group.clear();
}

void resolve_candidates(const Snapshot& s, const std::string& field, Grouping& g) {
  if (field == "kind") {
    label_terms(s, VocabularyKind::kCandidateKind, g);
    group_rows_by_id(
        s.candidates, [](const CandidateRecord& r) -> std::string_view { return r.kind; }, g);
  } else if (field == "chain") {
    label_all(
        s.chains, [](const ChainRecord& r) -> std::string_view { return r.id; },
        [](const ChainRecord& r) { return r.name; }, g);
    group_rows_by_id(
        s.candidates, [](const CandidateRecord& r) -> std::string_view { return r.chain; }, g);
  } else {
    for (const auto& chain : s.chains) {
      for (const auto& link : chain.links) {
        const bool seen = std::any_of(g.labels.begin(), g.labels.end(),
                                      [&](const GroupLabel& l) { return l.id == link.id; });
        if (!seen) g.labels.push_back(GroupLabel{link.id, link.name});
      }
    }
    group_rows_by_id(
        s.candidates, [](const CandidateRecord& r) -> std::string_view { return r.link; }, g);
  }
}

}  // namespace

std::vector<std::string_view> group_fields(RecordSet set) {
  const auto names = groupable(set);
  return {names.begin(), names.end()};
}

Result<Grouping> resolve_grouping(const Indicator& indicator, RecordSet set, const Snapshot& snapshot) {
  const std::string& field = indicator.group_by;
  const auto names = groupable(set);
  if (std::find(names.begin(), names.end(), field) == names.end()) {
    if (find_field(set, field, snapshot)) {
      return error_at(ErrorCode::kTypeError, indicator.group_by_pos,
                      fmt::format("{} cannot group {}: group by {}", field, to_string(set), listed(names)));
    }
    Suggester suggester(field);
    suggester.consider_all(names);
    return error_at(
        ErrorCode::kUnknownField, indicator.group_by_pos,
        fmt::format("unknown field \"{}\" to group {} by{}{}", field, to_string(set), suggester.hint(),
                    suggester.best() ? "" : fmt::format(" (group by {})", listed(names))));
  }
  Grouping g;
  g.field = field;
  switch (set) {
    case RecordSet::kEnterprises:
      resolve_enterprises(snapshot, field, g);
      break;
    case RecordSet::kProjects:
      resolve_projects(snapshot, field, g);
      break;
    case RecordSet::kCarriers:
      resolve_carriers(snapshot, field, g);
      break;
    case RecordSet::kSupplierEntries:
      resolve_supplier_entries(snapshot, g);
      break;
    case RecordSet::kCandidates:
      resolve_candidates(snapshot, field, g);
      break;
  }
  return g;
}

}  // namespace atlas::query::internal
