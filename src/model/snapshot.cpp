#include "model/snapshot.hpp"

#include <algorithm>
#include <numeric>

#include <fmt/format.h>

#include "model/internal/name_order.hpp"
#include "model/internal/observation_normalizer.hpp"
#include "model/internal/supply_graph.hpp"
#include "model/provenance.hpp"

namespace atlas {

StringId StringPool::intern(std::string_view text) {
  if (auto it = index_.find(text); it != index_.end()) return it->second;
  StringId id{static_cast<std::uint32_t>(strings_.size())};
  // std::string's buffer moves with the string when the vector grows, so views into it would
  // dangle: keep each text in its own heap block that never moves.
  auto& stored = owned_.emplace_back(std::make_unique<std::string>(text));
  strings_.push_back(std::string_view(*stored));
  index_.emplace(strings_.back(), id);
  return id;
}

std::optional<StringId> StringPool::find(std::string_view text) const {
  if (auto it = index_.find(text); it != index_.end()) return it->second;
  return std::nullopt;
}

StringId ObservationColumns::provenance_at(std::uint32_t index) const {
  auto it = std::upper_bound(provenance_runs.begin(), provenance_runs.end(), index,
                             [](std::uint32_t i, const auto& run) { return i < run.first; });
  return it == provenance_runs.begin() ? StringId::none() : std::prev(it)->second;
}

DayNumber ObservationColumns::published_at(std::uint32_t index) const {
  if ((flags[index] & kPublishedFlag) != 0) {
    auto it = std::lower_bound(published_exceptions.begin(), published_exceptions.end(), index,
                               [](const auto& p, std::uint32_t i) { return p.first < i; });
    return it->second;
  }
  return default_published_day(last[index]);
}

bool ObservationColumns::visible(std::uint32_t index, const Visibility& vis) const {
  if (!vis.include_sample && (flags[index] & kSampleFlag) != 0) return false;
  return vis.as_of == std::numeric_limits<DayNumber>::max() || published_at(index) <= vis.as_of;
}

DayNumber default_published_day(MonthIndex last) {
  // One entry per possible month: the day computation is on the as_of hot path.
  static const std::vector<DayNumber> table = [] {
    std::vector<DayNumber> t(std::numeric_limits<MonthIndex>::max() + 1);
    for (std::size_t m = 0; m < t.size(); ++m) {
      const auto month = static_cast<MonthIndex>(m);
      t[m] = Period{PeriodKind::kMonth, month, month}.default_published();
    }
    return t;
  }();
  return table[last];
}

namespace {

template <class Record, class KeyFn>
Result<std::unordered_map<std::string_view, std::uint32_t>> index_by(const std::vector<Record>& rows,
                                                                     std::string_view table, KeyFn key) {
  std::unordered_map<std::string_view, std::uint32_t> index;
  index.reserve(rows.size());
  for (std::uint32_t i = 0; i < rows.size(); ++i) {
    std::string_view k = key(rows[i]);
    if (!index.emplace(k, i).second) {
      return fail(ErrorCode::kDuplicateKey, fmt::format("{} \"{}\" appears twice", table, k), "id");
    }
  }
  return index;
}

template <class IdT>
Result<IdT> resolve(const std::unordered_map<std::string_view, std::uint32_t>& index, std::string_view key,
                    std::string_view what, std::string_view owner, std::string_view field) {
  if (key.empty()) return IdT::none();
  auto it = index.find(key);
  if (it == index.end()) {
    return fail(ErrorCode::kUnknownReference, fmt::format("{} names unknown {} \"{}\"", owner, what, key),
                std::string(field));
  }
  return IdT{it->second};
}

// Posting lists: for each key, the sorted enterprises that carry it.
Csr<EnterpriseId> build_postings(std::size_t keys,
                                 const std::vector<std::pair<std::uint32_t, EnterpriseId>>& pairs_in) {
  auto pairs = pairs_in;
  std::sort(pairs.begin(), pairs.end(), [](const auto& a, const auto& b) {
    return a.first != b.first ? a.first < b.first : a.second < b.second;
  });
  pairs.erase(std::unique(pairs.begin(), pairs.end()), pairs.end());
  Csr<EnterpriseId> csr;
  csr.offsets.assign(keys + 1, 0);
  for (const auto& [k, e] : pairs)
    ++csr.offsets[k + 1];
  std::partial_sum(csr.offsets.begin(), csr.offsets.end(), csr.offsets.begin());
  csr.values.reserve(pairs.size());
  for (const auto& [k, e] : pairs)
    csr.values.push_back(e);
  return csr;
}

}  // namespace

Result<void> SnapshotBuilder::index_reference_tables() {
  auto& s = *snap_;
  auto metric = index_by(s.metrics, "metric", [](const auto& r) -> std::string_view { return r.id; });
  auto county = index_by(s.counties, "county", [](const auto& r) -> std::string_view { return r.id; });
  auto zone = index_by(s.zones, "zone", [](const auto& r) -> std::string_view { return r.id; });
  auto klass =
      index_by(s.taxonomy, "taxonomy code", [](const auto& r) -> std::string_view { return r.code; });
  auto project = index_by(s.projects, "project", [](const auto& r) -> std::string_view { return r.id; });
  for (auto* r : {&metric, &county, &zone, &klass, &project}) {
    if (!*r) return std::unexpected(r->error());
  }
  s.metric_index_ = std::move(*metric);
  s.county_index_ = std::move(*county);
  s.zone_index_ = std::move(*zone);
  s.class_index_ = std::move(*klass);
  s.project_index_ = std::move(*project);

  s.taxonomy_parent.reserve(s.taxonomy.size());
  for (const auto& t : s.taxonomy) {
    auto parent = resolve<ClassId>(s.class_index_, t.parent, "taxonomy code", t.code, "parent");
    if (!parent) return std::unexpected(parent.error());
    s.taxonomy_parent.push_back(*parent);
  }
  for (const auto& z : s.zones) {
    auto parent = resolve<ZoneId>(s.zone_index_, z.parent, "zone", z.id, "parent");
    if (!parent) return std::unexpected(parent.error());
    s.zone_parent.push_back(*parent);
  }
  // The plan's words first (in its order), then the ones its own records use undeclared.
  for (auto& terms : s.vocabularies) {
    for (std::uint32_t i = 0; i < terms.size(); ++i) {
      auto& index = s.term_index_[static_cast<std::size_t>(terms[i].kind)];
      if (!index.emplace(terms[i].id, i).second) {
        return fail(ErrorCode::kDuplicateKey,
                    fmt::format("{} \"{}\" is declared twice", to_string(terms[i].kind), terms[i].id), "id");
      }
    }
  }
  using enum VocabularyKind;
  for (const auto& z : s.zones)
    term_code(kZoneKind, z.kind);
  for (const auto& p : s.projects)
    term_code(kProjectType, p.type);
  for (const auto& c : s.carriers)
    term_code(kCarrierKind, c.kind);
  for (const auto& c : s.candidates)
    term_code(kCandidateKind, c.kind);
  return {};
}

std::uint32_t SnapshotBuilder::term_code(VocabularyKind kind, const std::string& word) {
  auto& s = *snap_;
  const auto k = static_cast<std::size_t>(kind);
  if (word.empty()) return kNoTerm;
  auto& index = s.term_index_[k];
  // Looked up before it is inserted: most words are known, and emplace would build a node each time.
  if (const auto it = index.find(word); it != index.end()) return it->second;
  auto& terms = s.vocabularies[k];
  const auto code = static_cast<std::uint32_t>(terms.size());
  index.emplace(word, code);
  terms.push_back(TermRecord{kind, word, Names{word, word}, {}, 0});
  return code;
}

Result<void> SnapshotBuilder::add_enterprise(const EnterpriseRecord& r) {
  auto& s = *snap_;
  auto& c = s.enterprises;
  EnterpriseId id{static_cast<std::uint32_t>(c.size())};
  if (!s.enterprise_index_.emplace(s.strings.view(s.strings.intern(r.id)), id).second) {
    return fail(ErrorCode::kDuplicateKey, fmt::format("enterprise \"{}\" appears twice", r.id), "id");
  }
  auto county = resolve<CountyId>(s.county_index_, r.county, "county", r.id, "county");
  if (!county) return std::unexpected(county.error());
  auto zone = resolve<ZoneId>(s.zone_index_, r.zone, "zone", r.id, "zone");
  if (!zone) return std::unexpected(zone.error());
  c.slug.push_back(s.strings.intern(r.id));
  c.name_zh.push_back(s.strings.intern(r.name.zh));
  c.name_en.push_back(s.strings.intern(r.name.en));
  c.credit_code.push_back(s.strings.intern(r.credit_code));
  c.provenance.push_back(s.strings.intern(r.provenance));
  c.county.push_back(*county);
  c.zone.push_back(*zone);
  const std::uint32_t segment = term_code(VocabularyKind::kSegment, r.segment);
  if (segment >= kNoTerm && !r.segment.empty()) {
    return fail(ErrorCode::kInvalidValue,
                fmt::format("enterprise \"{}\": more than {} different segments", r.id, kNoTerm - 1),
                "segment");
  }
  c.segment.push_back(static_cast<std::uint16_t>(std::min<std::uint32_t>(segment, kNoTerm)));
  c.above_size.push_back(r.above_size ? static_cast<std::int8_t>(*r.above_size) : std::int8_t{-1});
  c.high_tech.push_back(r.high_tech ? static_cast<std::int8_t>(*r.high_tech) : std::int8_t{-1});
  c.sample.push_back(is_sample(r.provenance) ? 1 : 0);
  c.employees.push_back(r.employees.value_or(-1));
  for (const auto& code : r.classes) {
    auto cls = resolve<ClassId>(s.class_index_, code, "product class", r.id, "classes");
    if (!cls) return std::unexpected(cls.error());
    c.classes.values.push_back(*cls);
  }
  c.classes.offsets.push_back(static_cast<std::uint32_t>(c.classes.values.size()));
  auto push_strings = [&](Csr<StringId>& csr, const std::vector<std::string>& items) {
    for (const auto& item : items)
      csr.values.push_back(s.strings.intern(item));
    csr.offsets.push_back(static_cast<std::uint32_t>(csr.values.size()));
  };
  push_strings(c.processes, r.processes);
  push_strings(c.certifications, r.certifications);
  push_strings(c.customers, r.customers);
  push_strings(c.aliases, r.aliases);
  c.outside.push_back(r.outside ? 1 : 0);
  c.above_size_provenance.push_back(s.strings.intern(r.above_size_provenance));
  c.aliases_provenance.push_back(s.strings.intern(r.aliases_provenance));
  group_names_.push_back(r.group);
  return {};
}

Result<void> SnapshotBuilder::add_observation(const ObservationRecord& r) {
  auto& s = *snap_;
  EnterpriseId e = s.find_enterprise(r.enterprise);
  if (!e.valid()) {
    return fail(ErrorCode::kUnknownReference,
                fmt::format("observation names unknown enterprise \"{}\"", r.enterprise), "enterprise");
  }
  auto metric = s.find_metric(r.metric);
  if (!metric) {
    return fail(ErrorCode::kUnknownReference,
                fmt::format("observation names unknown metric \"{}\"", r.metric), "metric");
  }
  const DayNumber published = r.published ? r.published->last_day() : default_published_day(r.period.last);
  // Figures come in long runs of one provenance: skip the hash look-up while it repeats.
  if (!last_provenance_.valid() || s.strings.view(last_provenance_) != r.provenance) {
    last_provenance_ = s.strings.intern(r.provenance);
    last_provenance_sample_ = is_sample(r.provenance);
  }
  pending_.at(metric->value)
      .push_back(internal::RawObservation{e, r.period, r.value, published, r.published.has_value(),
                                          last_provenance_, last_provenance_sample_});
  return {};
}

Result<void> SnapshotBuilder::add_supply_edge(const SupplyEdgeRecord& r) {
  const auto& s = *snap_;
  const auto enterprise = [&](const std::string& slug, std::string_view field) -> Result<EnterpriseId> {
    EnterpriseId e = s.find_enterprise(slug);
    if (e.valid()) return e;
    return fail(ErrorCode::kUnknownReference,
                fmt::format("supply edge names unknown {} enterprise \"{}\"", field, slug),
                std::string(field));
  };
  auto supplier = enterprise(r.supplier, "supplier");
  if (!supplier) return std::unexpected(supplier.error());
  auto customer = enterprise(r.customer, "customer");
  if (!customer) return std::unexpected(customer.error());
  if (*supplier == *customer) {
    return fail(ErrorCode::kInvalidValue, fmt::format("enterprise \"{}\" cannot supply itself", r.supplier),
                "customer");
  }
  const ClassId cls = r.product_class.empty() ? ClassId::none() : s.find_class(r.product_class);
  if (!r.product_class.empty() && !cls.valid()) {
    return fail(ErrorCode::kUnknownReference,
                fmt::format("supply edge names unknown product class \"{}\"", r.product_class), "class");
  }
  pending_edges_.push_back(internal::RawSupplyEdge{*supplier, *customer, cls, is_sample(r.provenance)});
  return {};
}

SnapshotBuilder::SnapshotBuilder(Dataset small_tables, std::uint64_t version)
    : snap_(std::make_shared<Snapshot>()) {
  auto& s = *snap_;
  s.version = version;
  s.plan = std::move(small_tables.plan);
  s.counties = std::move(small_tables.counties);
  s.taxonomy = std::move(small_tables.taxonomy);
  s.metrics = std::move(small_tables.metrics);
  s.zones = std::move(small_tables.zones);
  s.facts = std::move(small_tables.facts);
  s.projects = std::move(small_tables.projects);
  s.milestones = std::move(small_tables.milestones);
  s.chains = std::move(small_tables.chains);
  s.carriers = std::move(small_tables.carriers);
  s.supplier_entries = std::move(small_tables.supplier_entries);
  s.candidates = std::move(small_tables.candidates);
  s.targets = std::move(small_tables.targets);
  s.units = std::move(small_tables.units);
  for (auto& t : small_tables.terms) {
    const auto k = static_cast<std::size_t>(t.kind);
    if (k < kVocabularyKinds) s.vocabularies[k].push_back(std::move(t));
  }
  for (std::size_t k = 0; k < kVocabularyKinds; ++k)
    s.declared_terms[k] = static_cast<std::uint32_t>(s.vocabularies[k].size());
  pending_.resize(s.metrics.size());
  status_ = index_reference_tables();
}

const UnitRecord* Snapshot::find_unit(std::string_view id) const {
  return atlas::find_unit(units, id);
}

std::optional<bool> SnapshotBuilder::enterprise_outside(std::string_view slug) const {
  const EnterpriseId id = snap_->find_enterprise(slug);
  if (!id.valid()) return std::nullopt;
  return snap_->enterprises.outside[id.value] != 0;
}

Result<std::shared_ptr<const Snapshot>> SnapshotBuilder::finish() && {
  if (!status_) return std::unexpected(status_.error());
  auto& s = *snap_;
  if (auto r = resolve_groups(); !r) return std::unexpected(r.error());
  if (auto r = resolve_projects(); !r) return std::unexpected(r.error());
  const std::size_t n = s.enterprises.size();
  s.observations.resize(s.metrics.size());
  s.rollups.resize(s.metrics.size());
  for (std::size_t m = 0; m < s.metrics.size(); ++m) {
    s.observations[m] = internal::normalize_observations(std::move(pending_[m]), n);
    s.rollups[m] = internal::build_year_rollup(s.observations[m], n);
  }
  build_postings_lists();
  rank_names();
  auto supply = internal::build_supply_edges(std::move(pending_edges_), n, s);
  if (!supply) return std::unexpected(supply.error());
  s.supply = std::move(*supply);
  s.published_days_[1] = s.publication_days(true);
  s.published_days_[0] = s.publication_days(false);
  return std::shared_ptr<const Snapshot>(std::move(snap_));
}

Result<void> SnapshotBuilder::resolve_groups() {
  auto& s = *snap_;
  s.enterprises.group.reserve(group_names_.size());
  for (std::size_t i = 0; i < group_names_.size(); ++i) {
    EnterpriseId g = EnterpriseId::none();
    if (!group_names_[i].empty()) {
      g = s.find_enterprise(group_names_[i]);
      if (!g.valid()) {
        return fail(ErrorCode::kUnknownReference,
                    fmt::format("{} names unknown group enterprise \"{}\"",
                                s.strings.view(s.enterprises.slug[i]), group_names_[i]),
                    "group");
      }
    }
    s.enterprises.group.push_back(g);
  }
  return {};
}

Result<void> SnapshotBuilder::resolve_projects() {
  auto& s = *snap_;
  for (const auto& p : s.projects) {
    EnterpriseId sponsor = p.sponsor.empty() ? EnterpriseId::none() : s.find_enterprise(p.sponsor);
    if (!p.sponsor.empty() && !sponsor.valid()) {
      return fail(ErrorCode::kUnknownReference,
                  fmt::format("project {} names unknown sponsor \"{}\"", p.id, p.sponsor), "sponsor");
    }
    auto zone = resolve<ZoneId>(s.zone_index_, p.zone, "zone", p.id, "zone");
    if (!zone) return std::unexpected(zone.error());
    auto county = resolve<CountyId>(s.county_index_, p.county, "county", p.id, "county");
    if (!county) return std::unexpected(county.error());
    s.project_sponsor.push_back(sponsor);
    s.project_zone.push_back(*zone);
    s.project_county.push_back(*county);
  }
  std::vector<std::vector<std::uint32_t>> per_project(s.projects.size());
  for (std::uint32_t i = 0; i < s.milestones.size(); ++i) {
    auto it = s.project_index_.find(s.milestones[i].project);
    if (it == s.project_index_.end()) {
      return fail(ErrorCode::kUnknownReference,
                  fmt::format("milestone names unknown project \"{}\"", s.milestones[i].project), "project");
    }
    per_project[it->second].push_back(i);
  }
  for (const auto& list : per_project) {
    s.project_milestones.values.insert(s.project_milestones.values.end(), list.begin(), list.end());
    s.project_milestones.offsets.push_back(static_cast<std::uint32_t>(s.project_milestones.values.size()));
  }
  return {};
}

void SnapshotBuilder::rank_names() {
  auto& c = snap_->enterprises;
  std::vector<std::string_view> names(c.size());
  for (std::size_t i = 0; i < c.size(); ++i)
    names[i] = snap_->strings.view(c.name_zh[i]);
  c.name_rank = internal::collation_ranks(names);
  c.by_name.resize(c.size());
  for (std::uint32_t i = 0; i < c.size(); ++i)
    c.by_name[c.name_rank[i]] = EnterpriseId{i};
}

void SnapshotBuilder::build_postings_lists() {
  auto& s = *snap_;
  const auto& c = s.enterprises;
  std::vector<std::pair<std::uint32_t, EnterpriseId>> county, zone, segment, taxonomy;
  for (std::uint32_t i = 0; i < c.size(); ++i) {
    EnterpriseId e{i};
    if (c.county[i].valid()) county.emplace_back(c.county[i].value, e);
    if (c.zone[i].valid()) zone.emplace_back(c.zone[i].value, e);
    if (c.segment[i] != kNoTerm) segment.emplace_back(c.segment[i], e);
    for (ClassId cls : c.classes.row(i)) {
      for (ClassId node = cls; node.valid(); node = s.taxonomy_parent[node.value]) {
        taxonomy.emplace_back(node.value, e);
      }
    }
  }
  s.by_county = build_postings(s.counties.size(), county);
  s.by_zone = build_postings(s.zones.size(), zone);
  s.by_segment = build_postings(s.vocabulary(VocabularyKind::kSegment).size(), segment);
  s.by_taxonomy = build_postings(s.taxonomy.size(), taxonomy);
}

Result<std::shared_ptr<const Snapshot>> Snapshot::build(Dataset data, std::uint64_t version) {
  auto enterprises = std::move(data.enterprises);
  auto observations = std::move(data.observations);
  auto supply_edges = std::move(data.supply_edges);
  SnapshotBuilder builder(std::move(data), version);
  for (const auto& e : enterprises) {
    if (auto r = builder.add_enterprise(e); !r) return std::unexpected(r.error());
  }
  for (const auto& o : observations) {
    if (auto r = builder.add_observation(o); !r) return std::unexpected(r.error());
  }
  for (const auto& edge : supply_edges) {
    if (auto r = builder.add_supply_edge(edge); !r) return std::unexpected(r.error());
  }
  return std::move(builder).finish();
}

EnterpriseId Snapshot::find_enterprise(std::string_view slug) const {
  auto it = enterprise_index_.find(slug);
  return it == enterprise_index_.end() ? EnterpriseId::none() : it->second;
}

namespace {
std::optional<std::uint32_t> find_in(const std::unordered_map<std::string_view, std::uint32_t>& index,
                                     std::string_view key) {
  auto it = index.find(key);
  if (it == index.end()) return std::nullopt;
  return it->second;
}
}  // namespace

std::optional<MetricId> Snapshot::find_metric(std::string_view id) const {
  auto i = find_in(metric_index_, id);
  return i ? std::optional<MetricId>(MetricId{*i}) : std::nullopt;
}
CountyId Snapshot::find_county(std::string_view id) const {
  return CountyId{find_in(county_index_, id).value_or(CountyId::none().value)};
}
ZoneId Snapshot::find_zone(std::string_view id) const {
  return ZoneId{find_in(zone_index_, id).value_or(ZoneId::none().value)};
}
ClassId Snapshot::find_class(std::string_view code) const {
  return ClassId{find_in(class_index_, code).value_or(ClassId::none().value)};
}
ProjectId Snapshot::find_project(std::string_view id) const {
  return ProjectId{find_in(project_index_, id).value_or(ProjectId::none().value)};
}

std::optional<std::uint32_t> Snapshot::find_term(VocabularyKind kind, std::string_view word) const {
  const auto& index = term_index_[static_cast<std::size_t>(kind)];
  const auto it = index.find(std::string(word));
  if (it == index.end()) return std::nullopt;
  return it->second;
}

SpanValue Snapshot::sum_span(MetricId metric, EnterpriseId e, MonthIndex first, MonthIndex last,
                             const Visibility& vis) const {
  const auto& o = observations[metric.value];
  SpanValue out;
  const std::uint32_t begin = o.offsets[e.value];
  const std::uint32_t end = o.offsets[e.value + 1];
  // Spans are sorted by their last month: skip to the first that can end inside the window.
  const auto* lasts = o.last.data();
  std::uint32_t i = static_cast<std::uint32_t>(std::lower_bound(lasts + begin, lasts + end, first) - lasts);
  MonthIndex next = first;  // the first month not yet covered contiguously
  bool contiguous = true;
  for (; i < end && o.last[i] <= last; ++i) {
    const MonthIndex span_first = static_cast<MonthIndex>(o.last[i] + 1 - o.span[i]);
    if (span_first < first) continue;
    if (!o.visible(i, vis)) continue;
    out.value += o.value[i];
    out.present = true;
    if (contiguous && span_first == next) {
      next = static_cast<MonthIndex>(o.last[i] + 1);
    } else {
      contiguous = false;
    }
  }
  out.covered_last = next > first ? static_cast<MonthIndex>(next - 1) : MonthIndex{0};
  return out;
}

DayNumber Snapshot::latest_published(const Visibility& vis) const {
  const auto& days = published_days_[vis.include_sample ? 1 : 0].day;
  const auto after = std::upper_bound(days.begin(), days.end(), vis.as_of);
  return after == days.begin() ? 0 : *std::prev(after);
}

std::size_t Snapshot::visible_observation_count(const Visibility& vis) const {
  const auto& p = published_days_[vis.include_sample ? 1 : 0];
  const auto after = std::upper_bound(p.day.begin(), p.day.end(), vis.as_of);
  return after == p.day.begin() ? 0 : p.published_by[static_cast<std::size_t>(after - p.day.begin()) - 1];
}

// One pass over the figures: a figure published on the usual schedule counts for its month (its
// day follows from it); the few with their own day (published_exceptions) count for that day.
Snapshot::PublicationDays Snapshot::publication_days(bool include_sample) const {
  std::vector<std::size_t> per_month(std::size_t{std::numeric_limits<MonthIndex>::max()} + 1, 0);
  std::vector<std::pair<DayNumber, std::size_t>> per_day;
  const auto hidden = [&](const ObservationColumns& o, std::uint32_t i) {
    return !include_sample && (o.flags[i] & ObservationColumns::kSampleFlag) != 0;
  };
  for (const auto& o : observations) {
    for (std::uint32_t i = 0; i < o.size(); ++i) {
      if ((o.flags[i] & ObservationColumns::kPublishedFlag) == 0 && !hidden(o, i)) ++per_month[o.last[i]];
    }
    for (const auto& [index, day] : o.published_exceptions) {
      if (!hidden(o, index)) per_day.emplace_back(day, 1);
    }
  }
  for (std::size_t m = 0; m < per_month.size(); ++m) {
    if (per_month[m] != 0)
      per_day.emplace_back(default_published_day(static_cast<MonthIndex>(m)), per_month[m]);
  }
  std::sort(per_day.begin(), per_day.end());
  PublicationDays out;
  std::size_t running = 0;
  for (const auto& [day, count] : per_day) {
    running += count;
    if (!out.day.empty() && out.day.back() == day) {
      out.published_by.back() = running;
    } else {
      out.day.push_back(day);
      out.published_by.push_back(running);
    }
  }
  return out;
}

std::size_t Snapshot::observation_count() const {
  std::size_t n = 0;
  for (const auto& o : observations)
    n += o.size();
  return n;
}

}  // namespace atlas
