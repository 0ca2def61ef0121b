// Validator: references between records (county, zone, class, enterprise, project, chain link …).
#include <algorithm>

#include <fmt/format.h>

#include "io/internal/validator.hpp"
#include "model/units.hpp"

namespace atlas::io::internal {

template <class R>
void Validator::reference(TableKind kind, const Table<R>& table, std::size_t row, std::string_view field,
                          std::string_view value, const KeySet& target, std::string_view what,
                          std::string_view at) {
  if (value.empty() || !target.known || target.contains(value)) return;
  ws_.report(kind, table, row, ErrorCode::kUnknownReference, std::string(field),
             fmt::format("unknown {} '{}'{}", what, value, target.suggest(value)), at);
  ++found_;
}

void Validator::check_taxonomy() {
  const auto& t = ws_.taxonomy;
  for (std::size_t i = 0; i < t.size(); ++i) {
    if (!t.live(i)) continue;
    const TaxonomyRecord& r = t.rows[i];
    const bool category = r.level == TaxonomyLevel::kCategory;
    if (category != r.parent.empty()) {
      ws_.report(
          TableKind::kTaxonomy, t, i, category ? ErrorCode::kInvalidValue : ErrorCode::kMissingField,
          "parent",
          category ? "a category has no parent" : fmt::format("a {} needs a parent", to_string(r.level)));
      ++found_;
      continue;
    }
    reference(TableKind::kTaxonomy, t, i, "parent", r.parent, taxonomy_, "taxonomy code");
    const auto parent = levels_.find(r.parent);
    if (parent != levels_.end() && parent->second >= r.level) {
      ws_.report(TableKind::kTaxonomy, t, i, ErrorCode::kInvalidValue, "parent",
                 fmt::format("parent '{}' is a {}, not a level above this {}", r.parent,
                             to_string(parent->second), to_string(r.level)));
      ++found_;
    }
  }
}

void Validator::check_enterprises() {
  const auto& t = ws_.enterprises;
  for (std::size_t i = 0; i < t.size(); ++i) {
    if (!t.live(i)) continue;
    const EnterpriseRecord& r = t.rows[i];
    reference(TableKind::kEnterprises, t, i, "county", r.county, counties_, "county");
    reference(TableKind::kEnterprises, t, i, "zone", r.zone, zones_, "zone");
    references(TableKind::kEnterprises, t, i, "classes", r.classes, taxonomy_, "taxonomy code");
    if (!r.group.empty() && r.group == r.id) {
      ws_.report(TableKind::kEnterprises, t, i, ErrorCode::kInvalidValue, "group",
                 "an enterprise cannot be its own group");
      ++found_;
      continue;
    }
    reference(TableKind::kEnterprises, t, i, "group", r.group, enterprises_, "enterprise");
  }
}

void Validator::check_observations() {
  const auto& t = ws_.observations;
  for (std::size_t i = 0; i < t.size(); ++i) {
    if (!t.live(i)) continue;
    reference(TableKind::kObservations, t, i, "enterprise", t.rows[i].enterprise, enterprises_, "enterprise");
    reference(TableKind::kObservations, t, i, "metric", t.rows[i].metric, metrics_, "metric");
  }
}

void Validator::check_facts() {
  check_fact_values();
  if (!zones_.known || !enterprises_.known || !projects_.known) return;
  const auto& t = ws_.facts;
  for (std::size_t i = 0; i < t.size(); ++i) {
    const std::string& subject = t.rows[i].subject;
    // `region:<name>`: context figures about a wider region (China, Guangdong …) the plan cites.
    if (!t.live(i) || subject.empty() || subject == "cluster" || subject.starts_with("region:")) continue;
    if (zones_.contains(subject) || enterprises_.contains(subject) || projects_.contains(subject)) continue;
    ws_.report(TableKind::kFacts, t, i, ErrorCode::kUnknownReference, "subject",
               fmt::format(
                   "unknown subject '{}': not 'cluster', 'region:<name>', a zone, an enterprise or a project",
                   subject));
    ++found_;
  }
}

// A figure in money or a count (its unit yuan or count, or a unit of the plan read with it measured
// in one of them) must read as one, so figure() never meets a value it cannot read. Figures in other
// units (percent as a decimal, t, rank, year) are kept as written.
void Validator::check_fact_values() {
  const auto& t = ws_.facts;
  for (std::size_t i = 0; i < t.size(); ++i) {
    if (!t.live(i)) continue;
    const FactRecord& r = t.rows[i];
    const std::string_view unit = fact_unit(r);
    const auto measure = unit_measure(unit, ws_.units.rows);
    if (measure != TargetUnit::kYuan && measure != TargetUnit::kCount) continue;
    const bool money = measure == TargetUnit::kYuan;
    auto value = money ? parse_amount(r.value) : parse_count(r.value);
    if (value) continue;
    ws_.report(TableKind::kFacts, t, i, ErrorCode::kInvalidValue, "value",
               fmt::format("'{}' is not {} (unit {}): {}", r.value, money ? "an amount" : "a count", unit,
                           value.error().message));
    ++found_;
  }
}

void Validator::check_plan_records() {
  const auto& plan = ws_.plan;
  for (std::size_t i = 0; i < plan.size(); ++i) {
    if (!plan.live(i)) continue;
    references(TableKind::kPlan, plan, i, "scope", plan.rows[i].scope, counties_, "county");
    check_output_metric(i);
    check_chain_rules(i);
  }
  const auto& zones = ws_.zones;
  for (std::size_t i = 0; i < zones.size(); ++i) {
    if (!zones.live(i)) continue;
    const ZoneRecord& r = zones.rows[i];
    references(TableKind::kZones, zones, i, "counties", r.counties, counties_, "county");
    if (!r.parent.empty() && r.parent == r.id) {
      ws_.report(TableKind::kZones, zones, i, ErrorCode::kInvalidValue, "parent",
                 "a zone cannot be its own parent");
      ++found_;
      continue;
    }
    reference(TableKind::kZones, zones, i, "parent", r.parent, zones_, "zone");
  }
  const auto& projects = ws_.projects;
  for (std::size_t i = 0; i < projects.size(); ++i) {
    if (!projects.live(i)) continue;
    const ProjectRecord& r = projects.rows[i];
    reference(TableKind::kProjects, projects, i, "sponsor", r.sponsor, enterprises_, "enterprise");
    reference(TableKind::kProjects, projects, i, "zone", r.zone, zones_, "zone");
    reference(TableKind::kProjects, projects, i, "county", r.county, counties_, "county");
    references(TableKind::kProjects, projects, i, "products", r.products, taxonomy_, "taxonomy code");
  }
}

// The output metric a plan names is a metric the dataset has (read now or stored), measured in yuan:
// the pages total it as money. The default (output_value) may be absent: the pages then show no totals.
void Validator::check_output_metric(std::size_t row) {
  const auto& plan = ws_.plan;
  const std::string& id = plan.rows[row].output_metric;
  if (!metrics_.known || id == kOutputValueMetric) return;
  if (!metrics_.contains(id)) {
    reference(TableKind::kPlan, plan, row, "output_metric", id, metrics_, "metric");
    return;
  }
  std::optional<MetricUnit> unit;
  for (std::size_t i = 0; i < ws_.metrics.size() && !unit; ++i) {
    if (ws_.metrics.live(i) && ws_.metrics.rows[i].id == id) unit = ws_.metrics.rows[i].unit;
  }
  if (!unit) {
    if (const auto it = options_.metric_units.find(id); it != options_.metric_units.end()) unit = it->second;
  }
  if (!unit || *unit == MetricUnit::kYuan) return;
  ws_.report(
      TableKind::kPlan, plan, row, ErrorCode::kInvalidValue, "output_metric",
      fmt::format("metric '{}' measures {}, but a plan's output metric is an amount of money (unit yuan), "
                  "such as output_value or revenue",
                  id, to_string(*unit)));
  ++found_;
}

void Validator::check_chain_rules(std::size_t row) {
  const auto& plan = ws_.plan;
  const ChainRules& rules = plan.rows[row].chain_rules;
  references(TableKind::kPlan, plan, row, "chain_rules.anchors", rules.anchors, enterprises_, "enterprise");
  reference(TableKind::kPlan, plan, row, "chain_rules.reference", rules.reference, facts_, "fact");
}

void Validator::check_chains() {
  const auto& t = ws_.chains;
  for (std::size_t i = 0; i < t.size(); ++i) {
    if (!t.live(i)) continue;
    const ChainRecord& r = t.rows[i];
    KeySet links;
    links.known = true;
    for (std::size_t l = 0; l < r.links.size(); ++l) {
      const std::string& id = r.links[l].id;
      if (!id.empty() && links.contains(id)) {
        ws_.report(TableKind::kChains, t, i, ErrorCode::kDuplicateKey, "link.id",
                   fmt::format("duplicate link '{}' in chain '{}'", id, r.id), fmt::format("link.{}.id", l));
        ++found_;
      }
      links.insert(id);
      references(TableKind::kChains, t, i, "link.classes", r.links[l].classes, taxonomy_, "taxonomy code",
                 fmt::format("link.{}.classes", l));
    }
    check_stored_candidates(i, links);
    const std::size_t before = found_;
    for (std::size_t l = 0; l < r.links.size(); ++l) {
      reference(TableKind::kChains, t, i, "link.reference", r.links[l].reference, facts_, "fact",
                fmt::format("link.{}.reference", l));
    }
    for (std::size_t e = 0; e < r.edges.size(); ++e) {
      reference(TableKind::kChains, t, i, "edge.from", r.edges[e].from, links, "link",
                fmt::format("edge.{}.from", e));
      reference(TableKind::kChains, t, i, "edge.to", r.edges[e].to, links, "link",
                fmt::format("edge.{}.to", e));
    }
    if (found_ == before) check_chain_cycles(i);
  }
}

void Validator::check_stored_candidates(std::size_t chain_row, const KeySet& links) {
  // A chain read replaces the stored one whole: a stored candidate (not read again) that points at a
  // link the new chain no longer has would break the store's foreign key.
  if (options_.existing == nullptr) return;
  const ChainRecord& chain = ws_.chains.rows[chain_row];
  std::unordered_set<std::string_view> read_candidates;
  for (std::size_t i = 0; i < ws_.candidates.size(); ++i)
    read_candidates.insert(ws_.candidates.rows[i].id);
  for (const CandidateRecord& c : options_.existing->candidates) {
    if (c.chain != chain.id || c.link.empty() || links.contains(c.link) || read_candidates.contains(c.id))
      continue;
    ws_.report(TableKind::kChains, ws_.chains, chain_row, ErrorCode::kUnknownReference, "link",
               fmt::format("chain '{}' has no link '{}' any more, but stored candidate '{}' points at it",
                           chain.id, c.link, c.id));
    ++found_;
  }
}

void Validator::term(TableKind kind, auto& table, std::size_t row, std::string_view field,
                     std::string_view word, VocabularyKind vocabulary) {
  const KeySet& words = terms_[static_cast<std::size_t>(vocabulary)];
  if (word.empty() || !words.known || words.contains(word)) return;
  ws_.report(
      kind, table, row, ErrorCode::kUnknownReference, std::string(field),
      fmt::format("'{}' is not a word of the plan's {} vocabulary{} — declare it with [[{}]] in the plan "
                  "file",
                  word, to_string(vocabulary), words.suggest(word), to_string(vocabulary)));
  ++found_;
}

void Validator::check_vocabularies() {
  using enum VocabularyKind;
  for (std::size_t i = 0; i < ws_.enterprises.size(); ++i) {
    if (ws_.enterprises.live(i))
      term(TableKind::kEnterprises, ws_.enterprises, i, "segment", ws_.enterprises.rows[i].segment, kSegment);
  }
  for (std::size_t i = 0; i < ws_.zones.size(); ++i) {
    if (ws_.zones.live(i)) term(TableKind::kZones, ws_.zones, i, "kind", ws_.zones.rows[i].kind, kZoneKind);
  }
  for (std::size_t i = 0; i < ws_.projects.size(); ++i) {
    if (ws_.projects.live(i))
      term(TableKind::kProjects, ws_.projects, i, "type", ws_.projects.rows[i].type, kProjectType);
  }
  for (std::size_t i = 0; i < ws_.carriers.size(); ++i) {
    if (ws_.carriers.live(i))
      term(TableKind::kCarriers, ws_.carriers, i, "kind", ws_.carriers.rows[i].kind, kCarrierKind);
  }
  for (std::size_t i = 0; i < ws_.candidates.size(); ++i) {
    if (ws_.candidates.live(i))
      term(TableKind::kCandidates, ws_.candidates, i, "kind", ws_.candidates.rows[i].kind, kCandidateKind);
  }
}

void Validator::check_activity() {
  const auto& milestones = ws_.milestones;
  for (std::size_t i = 0; i < milestones.size(); ++i) {
    if (milestones.live(i)) {
      reference(TableKind::kMilestones, milestones, i, "project", milestones.rows[i].project, projects_,
                "project");
    }
  }
  const auto& carriers = ws_.carriers;
  for (std::size_t i = 0; i < carriers.size(); ++i) {
    if (carriers.live(i)) {
      reference(TableKind::kCarriers, carriers, i, "enterprise", carriers.rows[i].enterprise, enterprises_,
                "enterprise");
    }
  }
  const auto& entries = ws_.supplier_entries;
  for (std::size_t i = 0; i < entries.size(); ++i) {
    if (!entries.live(i)) continue;
    reference(TableKind::kSupplierEntries, entries, i, "enterprise", entries.rows[i].enterprise, enterprises_,
              "enterprise");
    reference(TableKind::kSupplierEntries, entries, i, "class", entries.rows[i].product_class, taxonomy_,
              "taxonomy code");
  }
  const auto& candidates = ws_.candidates;
  for (std::size_t i = 0; i < candidates.size(); ++i) {
    if (!candidates.live(i)) continue;
    const CandidateRecord& r = candidates.rows[i];
    reference(TableKind::kCandidates, candidates, i, "chain", r.chain, chains_, "chain");
    references(TableKind::kCandidates, candidates, i, "classes", r.classes, taxonomy_, "taxonomy code");
    references(TableKind::kCandidates, candidates, i, "ties", r.ties, enterprises_, "enterprise");
    if (!r.link.empty() && r.chain.empty()) {
      ws_.report(TableKind::kCandidates, candidates, i, ErrorCode::kMissingField, "chain",
                 fmt::format("link '{}' needs its chain", r.link));
      ++found_;
      continue;
    }
    if (r.link.empty() || !chains_.known) continue;
    const auto chain = chain_links_.find(r.chain);
    const bool found = chain == chain_links_.end()
                           ? all_links_.contains(r.link)
                           : std::ranges::find(chain->second, r.link) != chain->second.end();
    if (found || (chain == chain_links_.end() && !r.chain.empty())) continue;
    ws_.report(TableKind::kCandidates, candidates, i, ErrorCode::kUnknownReference, "link",
               r.chain.empty() ? fmt::format("unknown link '{}' (in no chain)", r.link)
                               : fmt::format("unknown link '{}' in chain '{}'", r.link, r.chain));
    ++found_;
  }
}

void Validator::check_supply_edges() {
  const auto& t = ws_.supply_edges;
  for (std::size_t i = 0; i < t.size(); ++i) {
    if (!t.live(i)) continue;
    const SupplyEdgeRecord& r = t.rows[i];
    if (!r.supplier.empty() && r.supplier == r.customer) {
      ws_.report(TableKind::kSupplyEdges, t, i, ErrorCode::kInvalidValue, "customer",
                 "an enterprise cannot supply itself");
      ++found_;
      continue;
    }
    reference(TableKind::kSupplyEdges, t, i, "supplier", r.supplier, enterprises_, "enterprise");
    reference(TableKind::kSupplyEdges, t, i, "customer", r.customer, enterprises_, "enterprise");
    reference(TableKind::kSupplyEdges, t, i, "class", r.product_class, taxonomy_, "taxonomy code");
  }
}

}  // namespace atlas::io::internal
