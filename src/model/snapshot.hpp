// The immutable, columnar, in-memory copy of the store that every engine and query reads.
// Built once per write (RCU style): readers hold a std::shared_ptr<const Snapshot> and never lock.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <memory>
#include <mutex>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "model/error.hpp"
#include "model/ids.hpp"
#include "model/period.hpp"
#include "model/records.hpp"

namespace atlas {

/// Interned strings: each distinct text stored once, addressed by a dense StringId.
/// Not thread-safe while being filled; immutable (and so thread-safe) inside a Snapshot.
class StringPool {
 public:
  StringId intern(std::string_view text);
  [[nodiscard]] std::string_view view(StringId id) const {
    return id.valid() ? strings_[id.value] : std::string_view();
  }
  [[nodiscard]] std::optional<StringId> find(std::string_view text) const;
  [[nodiscard]] std::size_t size() const { return strings_.size(); }

 private:
  std::vector<std::unique_ptr<std::string>> owned_;  // stable addresses for the views below
  std::vector<std::string_view> strings_;
  std::unordered_map<std::string_view, StringId> index_;
};

/// Compressed sparse rows: row i is values[offsets[i] .. offsets[i+1]).
template <class T>
struct Csr {
  std::vector<std::uint32_t> offsets{0};
  std::vector<T> values;
  [[nodiscard]] std::span<const T> row(std::size_t i) const {
    return {values.data() + offsets[i], values.data() + offsets[i + 1]};
  }
  [[nodiscard]] std::size_t rows() const { return offsets.size() - 1; }
};

/// Enterprise columns (struct of arrays), all indexed by EnterpriseId::value.
struct EnterpriseColumns {
  std::vector<StringId> slug, name_zh, name_en, credit_code, provenance;
  std::vector<CountyId> county;
  std::vector<ZoneId> zone;
  std::vector<std::uint16_t> segment;   // index into vocabularies[kSegment]; kNoTerm when none
  std::vector<std::int8_t> above_size;  // -1 unknown, 0 no, 1 yes
  std::vector<std::int8_t> high_tech;   // -1 unknown, 0 no, 1 yes
  std::vector<std::uint8_t> sample;     // 1 when the record's provenance is sample
  std::vector<EnterpriseId> group;      // parent enterprise or none
  std::vector<std::int64_t> employees;  // -1 unknown
  Csr<ClassId> classes;                 // product classes as given (leaves of the taxonomy)
  Csr<StringId> processes, certifications, customers;
  std::vector<std::uint8_t> outside;  // 1 when the enterprise lies outside the plan's region
  std::vector<StringId> above_size_provenance, aliases_provenance;
  Csr<StringId> aliases;                 // other names, searched like the name
  std::vector<std::uint32_t> name_rank;  // position in name order (Chinese by pinyin), set by finish()
  std::vector<EnterpriseId> by_name;     // every enterprise in name order: by_name[name_rank[e]] == e
  [[nodiscard]] std::size_t size() const { return slug.size(); }
};

/// The day a figure for a span ending in `last` counts as known when no date is given: the last
/// day of the following month (Period::default_published), from a table. Thread-safe.
[[nodiscard]] DayNumber default_published_day(MonthIndex last);

/// Which observations a computation may see.
struct Visibility {
  DayNumber as_of = std::numeric_limits<DayNumber>::max();  // only figures published on or before this day
  bool include_sample = true;                               // sample figures count
};

/// One metric's observations, normalised to non-overlapping month spans, CSR by enterprise and
/// sorted by month within an enterprise. A cumulative report (1–9月累计) becomes the difference to
/// the previous cumulative report of the same year; an annual figure spans its 12 months.
struct ObservationColumns {
  std::vector<std::uint32_t> offsets{0};  // per enterprise
  std::vector<MonthIndex> last;           // last month of the span
  std::vector<std::uint8_t> span;         // months covered (1..12)
  std::vector<std::uint8_t> flags;        // kSampleFlag | kPublishedFlag
  std::vector<std::int64_t> value;
  // Figures whose publication day is not the default (Period::default_published of the span),
  // sorted by index: sparse, because most figures arrive on the usual schedule.
  std::vector<std::pair<std::uint32_t, DayNumber>> published_exceptions;
  std::vector<std::pair<std::uint32_t, StringId>> provenance_runs;  // run-length: (first index, provenance)
  std::vector<StringId> provenances;  // the distinct provenance of the figures, in first-seen order

  static constexpr std::uint8_t kSampleFlag = 1;
  static constexpr std::uint8_t kPublishedFlag = 2;  // has an entry in published_exceptions

  [[nodiscard]] std::size_t size() const { return value.size(); }
  [[nodiscard]] StringId provenance_at(std::uint32_t index) const;
  [[nodiscard]] DayNumber published_at(std::uint32_t index) const;
  /// True when figure `index` may be seen under `vis`: not a hidden sample, published by as_of.
  [[nodiscard]] bool visible(std::uint32_t index, const Visibility& vis) const;
};

/// A metric summed over a span of months for one enterprise.
struct SpanValue {
  std::int64_t value = 0;
  bool present = false;         // at least one visible figure inside the span
  MonthIndex covered_last = 0;  // the last month for which the visible figures are complete
};

/// Per-enterprise annual totals of one metric over every figure (as_of = ∞, samples included),
/// built once per Snapshot: the fast path for "metric in YEAR" with default visibility.
struct YearRollup {
  int first_year = 0;
  int years = 0;
  std::vector<std::int64_t> value;       // [enterprise * years + (year - first_year)]
  std::vector<std::uint8_t> months;      // months covered, 0 = no figure
  std::vector<std::uint8_t> any_sample;  // 1 when a sample figure contributed
  std::vector<DayNumber> published_by;   // [year - first_year]: the day every figure of it is out
};

/// Derived data that a higher layer computes once per Snapshot and keeps beside it: the app's
/// compiled targets (app/internal/compiled_plan.hpp), which this module cannot name, since it
/// depends on neither query nor app. The value is type-erased: one user type per slot (reading it
/// as another type is undefined). Built on first use by whichever reader comes first, then shared
/// by all. A copy or move of the owner starts with an empty slot, because what was derived may
/// refer to the object it was derived from by address. Thread-safe.
class MemoSlot {
 public:
  MemoSlot() = default;
  MemoSlot(const MemoSlot& /*other*/) noexcept {}
  MemoSlot& operator=(const MemoSlot& other) noexcept {
    if (this != &other) {
      const std::lock_guard lock(mutex_);
      value_.reset();
    }
    return *this;
  }
  ~MemoSlot() = default;

  /// The value: on the first call `build()` makes it (a T, constructed in place, so T need not
  /// be movable); concurrent first calls wait for it. `build` must not use this slot.
  template <class T, class Build>
  const T& get_or_build(Build&& build) const {
    const std::lock_guard lock(mutex_);
    if (!value_) value_ = std::make_shared<const Built<T>>(std::in_place, std::forward<Build>(build));
    return static_cast<const Built<T>*>(value_.get())->value;
  }

 private:
  template <class T>
  struct Built {
    template <class Build>
    Built(std::in_place_t /*tag*/, Build&& build) : value(std::forward<Build>(build)()) {}
    T value;
  };

  mutable std::mutex mutex_;
  mutable std::shared_ptr<const void> value_;
};

class Snapshot;
namespace internal {
/// An observation as given, before normalisation (used by SnapshotBuilder only).
struct RawObservation {
  EnterpriseId enterprise;
  Period period;
  std::int64_t value = 0;
  DayNumber published = 0;
  bool explicit_published = false;
  StringId provenance;
  bool sample = false;
};
/// A supply edge resolved to ids, before the adjacency lists are built.
struct RawSupplyEdge {
  EnterpriseId supplier;
  EnterpriseId customer;
  ClassId product_class;
  bool sample = false;
  auto operator<=>(const RawSupplyEdge&) const = default;
};
}  // namespace internal

/// Supply edges (供货关系) as adjacency lists over enterprises. Row e of `suppliers_of` holds the
/// suppliers of customer e, of `customers_of` the customers of supplier e, each sorted by
/// (enterprise, class); an enterprise appears once per product class it supplies (ClassId::none()
/// when the class is not given, sorted last). `*_class` and
/// `*_sample` are parallel to the `values` of their list.
struct SupplyEdges {
  Csr<EnterpriseId> suppliers_of;                 // per customer
  std::vector<ClassId> suppliers_of_class;        // product class of each edge in suppliers_of
  std::vector<std::uint8_t> suppliers_of_sample;  // 1 when the edge's provenance is sample
  Csr<EnterpriseId> customers_of;                 // per supplier
  std::vector<ClassId> customers_of_class;
  std::vector<std::uint8_t> customers_of_sample;
  [[nodiscard]] std::size_t size() const { return suppliers_of.values.size(); }
};

/// Builds a Snapshot row by row, so that a large dataset (a million enterprises, tens of millions
/// of observations) streams from a file or the store without first becoming a Dataset.
/// Order: construct with the small tables, add every enterprise, then every observation and
/// supply edge (in any interleaving), finish.
/// Not thread-safe; single use.
class SnapshotBuilder {
 public:
  /// Takes the reference tables of `small_tables` (its enterprises, observations and supply edges
  /// are ignored).
  SnapshotBuilder(Dataset small_tables, std::uint64_t version);

  /// Adds one enterprise; kDuplicateKey or kUnknownReference (county, zone, class) on failure.
  Result<void> add_enterprise(const EnterpriseRecord& record);
  /// Adds one observation; kUnknownReference for an unknown enterprise or metric.
  Result<void> add_observation(const ObservationRecord& record);
  /// Adds one supply edge; kUnknownReference (field "supplier", "customer" or "class") for an
  /// unknown enterprise or product class, kInvalidValue when supplier and customer are the same.
  /// A repeated key (supplier, customer, class) makes finish() fail with kDuplicateKey.
  Result<void> add_supply_edge(const SupplyEdgeRecord& record);
  /// Whether the enterprise `slug` was added, and if so whether it lies outside the plan's region:
  /// nullopt when it was not added, else its `outside` flag.
  [[nodiscard]] std::optional<bool> enterprise_outside(std::string_view slug) const;
  /// Resolves groups and projects, normalises observations, builds roll-ups, posting lists and the
  /// supply adjacency lists.
  Result<std::shared_ptr<const Snapshot>> finish() &&;

 private:
  Result<void> index_reference_tables();
  /// The code of `word` in the vocabulary of `kind`, appending it (named by itself) when undeclared.
  std::uint32_t term_code(VocabularyKind kind, const std::string& word);
  Result<void> resolve_groups();
  Result<void> resolve_projects();
  void build_postings_lists();
  void rank_names();

  std::shared_ptr<Snapshot> snap_;
  Result<void> status_;
  std::vector<std::string> group_names_;
  std::vector<std::vector<internal::RawObservation>> pending_;  // per metric
  StringId last_provenance_;                                    // of the previous observation added
  bool last_provenance_sample_ = false;
  std::vector<internal::RawSupplyEdge> pending_edges_;
};

/// Small tables keep their row records; ids index these vectors. Enterprises and observations
/// are columns only (the store, not the Snapshot, is what export reads).
/// An enterprise without a segment (EnterpriseColumns::segment).
inline constexpr std::uint16_t kNoTerm = 0xFFFF;

class Snapshot {
 public:
  /// Builds a snapshot from a complete dataset, resolving every reference. Fails with
  /// kUnknownReference / kDuplicateKey naming the record and field at fault.
  static Result<std::shared_ptr<const Snapshot>> build(Dataset data, std::uint64_t version = 0);

  std::uint64_t version = 0;
  StringPool strings;
  PlanInfo plan;

  // Reference tables (small): ids are indices.
  std::vector<CountyRecord> counties;
  std::vector<TaxonomyRecord> taxonomy;
  std::vector<ClassId> taxonomy_parent;  // per taxonomy node, none for categories
  std::vector<MetricRecord> metrics;
  std::vector<ZoneRecord> zones;
  std::vector<ZoneId> zone_parent;
  std::vector<FactRecord> facts;
  std::vector<ProjectRecord> projects;
  std::vector<EnterpriseId> project_sponsor;
  std::vector<ZoneId> project_zone;
  std::vector<CountyId> project_county;
  std::vector<MilestoneRecord> milestones;
  Csr<std::uint32_t> project_milestones;  // milestone indices per project
  std::vector<ChainRecord> chains;
  std::vector<CarrierRecord> carriers;
  std::vector<SupplierEntryRecord> supplier_entries;
  std::vector<CandidateRecord> candidates;
  std::vector<TargetRecord> targets;
  std::vector<UnitRecord> units;  // the plan's declared units ([[unit]]), in its order
  /// The plan's vocabularies per VocabularyKind: the terms it declares, in its order, then the
  /// words its records (or the register's enterprises in its scope) use that it does not declare,
  /// each named by itself. A word's index is its code (EnterpriseColumns::segment).
  std::array<std::vector<TermRecord>, kVocabularyKinds> vocabularies;
  /// Per VocabularyKind, how many of vocabularies[kind] the plan declares (they come first).
  std::array<std::uint32_t, kVocabularyKinds> declared_terms{};

  EnterpriseColumns enterprises;
  std::vector<ObservationColumns> observations;  // per MetricId
  std::vector<YearRollup> rollups;               // per MetricId

  // Posting lists (sorted enterprise ids).
  Csr<EnterpriseId> by_county;    // per CountyId
  Csr<EnterpriseId> by_zone;      // per ZoneId (direct members only)
  Csr<EnterpriseId> by_segment;   // per segment code
  Csr<EnterpriseId> by_taxonomy;  // per taxonomy node: makers of the class or any class below it

  SupplyEdges supply;  // enterprise → enterprise supply relations (supply_edges.csv)

  // Look-ups by slug; none()/nullopt when absent.
  [[nodiscard]] EnterpriseId find_enterprise(std::string_view slug) const;
  [[nodiscard]] std::optional<MetricId> find_metric(std::string_view id) const;
  [[nodiscard]] CountyId find_county(std::string_view id) const;
  [[nodiscard]] ZoneId find_zone(std::string_view id) const;
  [[nodiscard]] ClassId find_class(std::string_view code) const;
  [[nodiscard]] ProjectId find_project(std::string_view id) const;
  /// The code of `word` in the plan's vocabulary of `kind`, nullopt when nothing uses or declares it.
  /// The plan's declared unit `id` (a TargetRecord::unit_id, a fact's unit), nullptr when none.
  [[nodiscard]] const UnitRecord* find_unit(std::string_view id) const;
  [[nodiscard]] std::optional<std::uint32_t> find_term(VocabularyKind kind, std::string_view word) const;
  /// The segment word of enterprise `e`; empty when it has none.
  [[nodiscard]] std::string_view segment_of(EnterpriseId e) const {
    const std::uint16_t code = enterprises.segment[e.value];
    return code == kNoTerm ? std::string_view()
                           : std::string_view(vocabulary(VocabularyKind::kSegment)[code].id);
  }
  [[nodiscard]] const std::vector<TermRecord>& vocabulary(VocabularyKind kind) const {
    return vocabularies[static_cast<std::size_t>(kind)];
  }

  /// Sum of `metric` for enterprise `e` over months [first, last] using only visible figures.
  /// A figure counts only when its whole span lies inside [first, last].
  [[nodiscard]] SpanValue sum_span(MetricId metric, EnterpriseId e, MonthIndex first, MonthIndex last,
                                   const Visibility& vis) const;

  /// The latest day on which any figure was published (0 if none): "data as of".
  [[nodiscard]] DayNumber latest_published(const Visibility& vis) const;

  /// Which enterprises, metrics … exist: counts for `atlas check` and the API.
  [[nodiscard]] std::size_t observation_count() const;
  /// The number of figures visible under `vis` (published by as_of, samples if included).
  [[nodiscard]] std::size_t visible_observation_count(const Visibility& vis) const;

  /// Data derived from this Snapshot once, on first use (MemoSlot): the app's compiled targets.
  /// Snapshots are held as std::shared_ptr<const Snapshot>, so the address it may rely on stays.
  [[nodiscard]] const MemoSlot& memo() const { return memo_; }

 private:
  friend class SnapshotBuilder;
  /// Figures published per day: distinct days ascending, with the running count of figures
  /// published on or before each.
  struct PublicationDays {
    std::vector<DayNumber> day;
    std::vector<std::size_t> published_by;
  };
  [[nodiscard]] PublicationDays publication_days(bool include_sample) const;

  // [include_sample]: the days on which figures were published, so that "data as of" and the
  // number of visible figures at any as_of are a binary search rather than a scan of every figure.
  PublicationDays published_days_[2];
  std::unordered_map<std::string_view, EnterpriseId> enterprise_index_;
  std::unordered_map<std::string_view, std::uint32_t> metric_index_, county_index_, zone_index_, class_index_,
      project_index_;
  std::array<std::unordered_map<std::string, std::uint32_t>, kVocabularyKinds> term_index_;
  // Last, so destroyed first: what it holds may refer to the members above.
  MemoSlot memo_;
};

}  // namespace atlas
