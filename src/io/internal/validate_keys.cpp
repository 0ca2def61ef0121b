// Validator: building the key sets, and duplicate keys within each table.
#include <algorithm>
#include <functional>
#include <optional>
#include <tuple>

#include <fmt/format.h>

#include "io/internal/suggest.hpp"
#include "io/internal/validator.hpp"

namespace atlas::io::internal {
namespace {

constexpr std::size_t kMaxSuggestionPool = 20'000;

std::size_t mix(std::size_t seed, std::size_t value) {
  return seed ^ (value + 0x9e3779b97f4a7c15ULL + (seed << 6) + (seed >> 2));
}

struct ObservationKey {
  std::string_view enterprise;
  std::string_view metric;
  Period period;
  bool operator==(const ObservationKey&) const = default;
};

struct ObservationKeyHash {
  std::size_t operator()(const ObservationKey& k) const {
    const std::hash<std::string_view> h;
    std::size_t seed = mix(h(k.enterprise), h(k.metric));
    return mix(seed, (std::size_t{k.period.first} << 16) | k.period.last);
  }
};

struct MilestoneKey {
  std::string_view project;
  MilestoneKind kind;
  std::string_view note;
  bool operator==(const MilestoneKey&) const = default;
};

struct SupplyEdgeKey {
  std::string_view supplier;
  std::string_view customer;
  std::string_view product_class;
  bool operator==(const SupplyEdgeKey&) const = default;
};

struct SupplyEdgeKeyHash {
  std::size_t operator()(const SupplyEdgeKey& k) const {
    const std::hash<std::string_view> h;
    return mix(mix(h(k.supplier), h(k.customer)), h(k.product_class));
  }
};

struct MilestoneKeyHash {
  std::size_t operator()(const MilestoneKey& k) const {
    const std::hash<std::string_view> h;
    return mix(mix(h(k.project), static_cast<std::size_t>(k.kind)), h(k.note));
  }
};

/// Reports every live row whose key an earlier live row already has. Rows with an empty key are
/// left to the missing-value errors.
template <class Key, class Hash, class R, class KeyOf, class Describe>
std::size_t report_duplicates(Workspace& ws, TableKind kind, const Table<R>& table, std::string_view field,
                              KeyOf key_of, Describe describe) {
  std::unordered_map<Key, std::uint32_t, Hash> first;
  first.reserve(table.size());
  std::size_t found = 0;
  for (std::size_t i = 0; i < table.size(); ++i) {
    if (!table.live(i)) continue;
    const std::optional<Key> key = key_of(table.rows[i]);
    if (!key) continue;
    const auto [at, inserted] = first.emplace(*key, static_cast<std::uint32_t>(i));
    if (inserted) continue;
    const Location before = ws.locate(table, at->second, field);
    ws.report(
        kind, table, i, ErrorCode::kDuplicateKey, std::string(field),
        fmt::format("duplicate {} (first at {}:{})", describe(table.rows[i]), before.file, before.line));
    ++found;
  }
  return found;
}

/// Dense numbers for strings in order of first appearance; the last hit is cached (rows come in
/// runs of one enterprise).
class Interner {
 public:
  std::uint64_t number(std::string_view text) {
    if (!last_.empty() && text == last_) return last_number_;
    const auto [at, inserted] = numbers_.try_emplace(text, numbers_.size());
    last_ = text;
    last_number_ = at->second;
    return last_number_;
  }
  [[nodiscard]] std::size_t size() const { return numbers_.size(); }

 private:
  std::unordered_map<std::string_view, std::uint64_t> numbers_;
  std::string_view last_;
  std::uint64_t last_number_ = 0;
};

/// True when no two live observations share enterprise, metric and period, checked on packed
/// 64-bit keys (enterprise 34 bits, metric 8, period 22): one pass when the file is in key order,
/// a sort otherwise. nullopt when the keys do not fit (more than 256 metrics).
std::optional<bool> observations_unique(const Table<ObservationRecord>& table) {
  Interner enterprises;
  Interner metrics;
  std::vector<std::uint64_t> keys;
  keys.reserve(table.size());
  for (std::size_t i = 0; i < table.size(); ++i) {
    const ObservationRecord& r = table.rows[i];
    if (!table.live(i) || r.enterprise.empty() || r.metric.empty()) continue;
    const std::uint64_t span = static_cast<std::uint64_t>(r.period.last - r.period.first) & 0xF;
    const std::uint64_t period =
        (std::uint64_t{r.period.first} << 6) | (span << 2) | static_cast<std::uint64_t>(r.period.kind);
    keys.push_back((enterprises.number(r.enterprise) << 30) | (metrics.number(r.metric) << 22) | period);
  }
  if (metrics.size() > 256 || enterprises.size() > (std::uint64_t{1} << 34)) return std::nullopt;
  if (std::ranges::adjacent_find(keys, std::greater_equal<>()) == keys.end()) return true;
  std::ranges::sort(keys);
  return std::ranges::adjacent_find(keys) == keys.end();
}

template <class R, class Member>
std::size_t report_duplicate_ids(Workspace& ws, TableKind kind, const Table<R>& table, std::string_view field,
                                 Member member) {
  const auto key_of = [member](const R& r) -> std::optional<std::string_view> {
    const std::string& id = std::invoke(member, r);
    if (id.empty()) return std::nullopt;
    return std::string_view(id);
  };
  const auto describe = [member, field](const R& r) {
    return fmt::format("{} '{}'", field, std::invoke(member, r));
  };
  return report_duplicates<std::string_view, std::hash<std::string_view>>(ws, kind, table, field, key_of,
                                                                          describe);
}

template <class R, class Member>
void add_keys(KeySet& keys, const Table<R>& table, Member member) {
  for (std::size_t i = 0; i < table.size(); ++i) {
    if (table.live(i)) keys.insert(std::invoke(member, table.rows[i]));
  }
}

template <class R, class Member>
void add_existing(KeySet& keys, const std::vector<R>& rows, Member member) {
  for (const R& r : rows)
    keys.insert(std::invoke(member, r));
}

}  // namespace

std::string KeySet::suggest(std::string_view key) const {
  if (keys_.size() > kMaxSuggestionPool) return {};
  const std::vector<std::string_view> pool(keys_.begin(), keys_.end());
  return did_you_mean(key, pool);
}

Validator::Validator(Workspace& ws, const ReadOptions& options) : ws_(ws), options_(options) {
}

std::size_t Validator::run() {
  found_ = 0;
  build_keys();
  check_duplicates();
  check_plan();
  check_taxonomy();
  check_enterprises();
  check_observations();
  check_facts();
  check_plan_records();
  check_chains();
  check_activity();
  check_vocabularies();
  check_supply_edges();
  check_cycles();
  return found_;
}

void Validator::build_keys() {
  const Dataset* old = options_.existing;
  const auto known = [&](TableKind kind) { return old != nullptr || ws_.was_read(kind); };
  counties_ = {}, taxonomy_ = {}, metrics_ = {}, zones_ = {}, enterprises_ = {}, projects_ = {}, chains_ = {},
  facts_ = {};
  counties_.known = known(TableKind::kCounties);
  taxonomy_.known = known(TableKind::kTaxonomy);
  metrics_.known = known(TableKind::kMetrics) || !options_.metric_units.empty();
  zones_.known = known(TableKind::kZones);
  enterprises_.known = known(TableKind::kEnterprises);
  projects_.known = known(TableKind::kProjects);
  chains_.known = known(TableKind::kChains);
  facts_.known = known(TableKind::kFacts);
  add_keys(counties_, ws_.counties, &CountyRecord::id);
  add_keys(taxonomy_, ws_.taxonomy, &TaxonomyRecord::code);
  add_keys(metrics_, ws_.metrics, &MetricRecord::id);
  add_keys(zones_, ws_.zones, &ZoneRecord::id);
  add_keys(enterprises_, ws_.enterprises, &EnterpriseRecord::id);
  add_keys(projects_, ws_.projects, &ProjectRecord::id);
  add_keys(chains_, ws_.chains, &ChainRecord::id);
  add_keys(facts_, ws_.facts, &FactRecord::id);
  for (const auto& [id, unit] : options_.metric_units)
    metrics_.insert(id);
  terms_ = {};
  for (std::size_t i = 0; i < ws_.terms.size(); ++i) {
    if (!ws_.terms.live(i)) continue;
    KeySet& words = terms_[static_cast<std::size_t>(ws_.terms.rows[i].kind)];
    words.known = true;
    words.insert(ws_.terms.rows[i].id);
  }
  levels_.clear();
  chain_links_.clear();
  all_links_.clear();
  for (std::size_t i = 0; i < ws_.taxonomy.size(); ++i) {
    if (ws_.taxonomy.live(i)) levels_.emplace(ws_.taxonomy.rows[i].code, ws_.taxonomy.rows[i].level);
  }
  const auto add_links = [&](const ChainRecord& chain) {
    auto& links = chain_links_[chain.id];
    for (const ChainLinkRecord& link : chain.links) {
      links.push_back(link.id);
      all_links_.insert(link.id);
    }
  };
  for (std::size_t i = 0; i < ws_.chains.size(); ++i) {
    if (ws_.chains.live(i)) add_links(ws_.chains.rows[i]);
  }
  if (old == nullptr) return;
  add_existing(counties_, old->counties, &CountyRecord::id);
  add_existing(taxonomy_, old->taxonomy, &TaxonomyRecord::code);
  add_existing(metrics_, old->metrics, &MetricRecord::id);
  add_existing(zones_, old->zones, &ZoneRecord::id);
  add_existing(enterprises_, old->enterprises, &EnterpriseRecord::id);
  add_existing(projects_, old->projects, &ProjectRecord::id);
  add_existing(chains_, old->chains, &ChainRecord::id);
  add_existing(facts_, old->facts, &FactRecord::id);
  for (const TaxonomyRecord& t : old->taxonomy)
    levels_.emplace(t.code, t.level);
  for (const ChainRecord& chain : old->chains) {
    if (!chain_links_.contains(chain.id)) add_links(chain);
  }
}

void Validator::check_duplicates() {
  found_ += report_duplicate_ids(ws_, TableKind::kCounties, ws_.counties, "id", &CountyRecord::id);
  found_ += report_duplicate_ids(ws_, TableKind::kTaxonomy, ws_.taxonomy, "code", &TaxonomyRecord::code);
  found_ += report_duplicate_ids(ws_, TableKind::kMetrics, ws_.metrics, "id", &MetricRecord::id);
  found_ += report_duplicate_ids(ws_, TableKind::kZones, ws_.zones, "id", &ZoneRecord::id);
  found_ += report_duplicate_ids(ws_, TableKind::kUnits, ws_.units, "id", &UnitRecord::id);
  found_ += report_duplicate_ids(ws_, TableKind::kTargets, ws_.targets, "id", &TargetRecord::id);
  found_ += report_duplicate_ids(ws_, TableKind::kProjects, ws_.projects, "id", &ProjectRecord::id);
  found_ += report_duplicate_ids(ws_, TableKind::kChains, ws_.chains, "id", &ChainRecord::id);
  found_ += report_duplicate_ids(ws_, TableKind::kEnterprises, ws_.enterprises, "id", &EnterpriseRecord::id);
  found_ += report_duplicate_ids(ws_, TableKind::kFacts, ws_.facts, "id", &FactRecord::id);
  found_ += report_duplicate_ids(ws_, TableKind::kCarriers, ws_.carriers, "id", &CarrierRecord::id);
  found_ += report_duplicate_ids(ws_, TableKind::kSupplierEntries, ws_.supplier_entries, "id",
                                 &SupplierEntryRecord::id);
  found_ += report_duplicate_ids(ws_, TableKind::kCandidates, ws_.candidates, "id", &CandidateRecord::id);
  found_ += report_duplicates<std::string, std::hash<std::string>>(
      ws_, TableKind::kTerms, ws_.terms, "id",
      [](const TermRecord& r) -> std::optional<std::string> {
        return fmt::format("{}:{}", to_string(r.kind), r.id);
      },
      [](const TermRecord& r) { return fmt::format("{} '{}'", to_string(r.kind), r.id); });
  found_ += report_duplicates<MilestoneKey, MilestoneKeyHash>(
      ws_, TableKind::kMilestones, ws_.milestones, "kind",
      [](const MilestoneRecord& r) -> std::optional<MilestoneKey> {
        if (r.project.empty()) return std::nullopt;
        return MilestoneKey{r.project, r.kind, r.note};
      },
      [](const MilestoneRecord& r) {
        return fmt::format("milestone '{}' of project '{}'{}", to_string(r.kind), r.project,
                           r.note.empty() ? std::string() : fmt::format(" ({})", r.note));
      });
  found_ += report_duplicates<SupplyEdgeKey, SupplyEdgeKeyHash>(
      ws_, TableKind::kSupplyEdges, ws_.supply_edges, "class",
      [](const SupplyEdgeRecord& r) -> std::optional<SupplyEdgeKey> {
        if (r.supplier.empty() || r.customer.empty()) return std::nullopt;
        return SupplyEdgeKey{r.supplier, r.customer, r.product_class};
      },
      [](const SupplyEdgeRecord& r) {
        return fmt::format(
            "supply edge {} → {}{}", r.supplier, r.customer,
            r.product_class.empty() ? std::string() : fmt::format(" of class '{}'", r.product_class));
      });
  if (observations_unique(ws_.observations) == true) return;  // the common case, without a hash map
  found_ += report_duplicates<ObservationKey, ObservationKeyHash>(
      ws_, TableKind::kObservations, ws_.observations, "period",
      [](const ObservationRecord& r) -> std::optional<ObservationKey> {
        if (r.enterprise.empty() || r.metric.empty()) return std::nullopt;
        return ObservationKey{r.enterprise, r.metric, r.period};
      },
      [](const ObservationRecord& r) {
        return fmt::format("observation of {} {} for {}", r.enterprise, r.metric, r.period.to_string());
      });
}

void Validator::check_plan() {
  bool seen = false;
  for (std::size_t i = 0; i < ws_.plan.size(); ++i) {
    if (!ws_.plan.live(i)) continue;
    if (seen) {
      ws_.report(TableKind::kPlan, ws_.plan, i, ErrorCode::kDuplicateKey, "id",
                 "a dataset has one [plan]; another plan file was already read");
      ++found_;
    }
    seen = true;
  }
}

}  // namespace atlas::io::internal
