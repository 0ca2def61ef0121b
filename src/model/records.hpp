// Row records: what io/ parses, store/ persists and build_snapshot() turns into columns.
// References between records are by slug id (`county = "riverbend-north"`); the Snapshot resolves them.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "model/period.hpp"

namespace atlas {

/// A name in Chinese (first) and English (may be empty).
struct Names {
  std::string zh;
  std::string en;
  bool operator==(const Names&) const = default;
};

/// The metric a plan's pages mean by "output" unless its plan file names another (`output_metric`).
inline constexpr std::string_view kOutputValueMetric = "output_value";

/// Which local makers of a link count: every enterprise, or those above designated size (规上).
enum class MakerBasis : std::uint8_t { kAll, kAboveSize };

/// A plan's thresholds for the verdicts on its chain links (docs/chains.md, `[plan.chain_rules]` in
/// the plan file). Shares and quotients are held in millionths (0.5 is 500000) so that the record
/// compares exactly and round-trips through the store and the plan file. The defaults are Cluster
/// Atlas's design, used when a plan states none.
struct ChainRules {
  MakerBasis basis = MakerBasis::kAll;
  std::int64_t min_makers = 2;  // fewer local makers: a single point of failure (weak)
  /// A maker whose year output (the plan's output metric) is at least this is an anchor firm; none:
  /// only the named anchors are.
  std::optional<std::int64_t> anchor_output;
  std::vector<std::string> anchors;                // enterprise ids the plan names as anchors (龙头)
  std::int64_t min_local_supply = 500'000;         // millionths: local buyers locally supplied, at least
  std::int64_t min_location_quotient = 1'000'000;  // millionths
  /// A fact of the plan stating the reference region's total output (the denominator of the
  /// reference share); empty: no location quotient.
  std::string reference;
  std::string provenance;
  bool operator==(const ChainRules&) const = default;
};

/// How a plan ranks the outside firms it may court (docs/chains.md, "Candidates"): the weight of
/// each feature of a candidate's score, in millionths (4.0 is 4000000), and the regions it courts.
/// How the forecast models a plan's targets (docs/forecast.md; `[plan.forecast]` in the plan file).
/// Shares and the shrinkage in millionths (0.1 is 100000); the defaults are design values.
struct ForecastRules {
  std::int64_t shrinkage = 3'000'000;   // k: an enterprise's own trend weighs n / (n + k)
  std::int64_t ramp_months = 12;        // commissioning → full production when the milestones do not say
  std::int64_t cancellation = 100'000;  // a project not yet commissioned never is, with this probability
  std::int64_t correlation = 300'000;   // within a segment, when its history cannot estimate it
  std::string provenance;
  bool operator==(const ForecastRules&) const = default;
};

struct AttractionRules {
  std::vector<std::string> regions;        // the regions the plan courts (a candidate's region matches one)
  std::int64_t weight_gap = 4'000'000;     // it makes a weak or missing link, by the link's importance
  std::int64_t weight_ties = 2'000'000;    // it already supplies or belongs with a local enterprise
  std::int64_t weight_scale = 1'000'000;   // its size
  std::int64_t weight_region = 2'000'000;  // its head office lies in a region the plan courts
  std::int64_t weight_named = 1'000'000;   // the plan names it
  std::string provenance;
  bool operator==(const AttractionRules&) const = default;
};

struct PlanInfo {
  std::string id;
  Names title;
  std::string document;  // the document number (文号) as issued: "河湾县府〔2024〕1号"
  std::optional<Date> issued;
  int start_year = 0;
  int end_year = 0;
  /// The regions (county ids) whose enterprises count for the plan, in the plan file's order.
  std::vector<std::string> scope;
  /// The plan that readers get when they name none (at most one per database).
  bool is_default = false;
  /// The money metric its zones, counties and enterprise lists total and sort by (工业总产值 for a
  /// plan of industrial output, 营业收入 for one of revenue …).
  std::string output_metric{kOutputValueMetric};
  /// Its boundary map: a GeoJSON FeatureCollection (DataV GeoAtlas layout, features matched to
  /// counties by properties.adcode), compact; empty when the plan has none. Its source (shown under
  /// the map) and map review number (审图号, empty when the source states none).
  std::string map;
  std::string map_source;
  std::string map_review_number;
  /// How its chain links are judged strong, weak or missing (docs/chains.md).
  ChainRules chain_rules;
  /// How it ranks the outside firms to court (docs/chains.md, "Candidates").
  AttractionRules attraction;
  ForecastRules forecast;
  bool operator==(const PlanInfo&) const = default;
};

enum class MemberKind : std::uint8_t { kEnterprise, kCarrier };

/// A register record with no region of its own (an enterprise without a county, a carrier
/// without an enterprise) that a plan counts: the plan it was imported with claims it.
struct PlanMemberRecord {
  MemberKind kind = MemberKind::kEnterprise;
  std::string id;
  bool operator==(const PlanMemberRecord&) const = default;
};

struct CountyRecord {
  std::string id;
  std::string adcode;
  Names name;
  std::string provenance;
  bool operator==(const CountyRecord&) const = default;
};

enum class TaxonomyLevel : std::uint8_t { kCategory, kSubsystem, kClass };

struct TaxonomyRecord {
  std::string code;
  TaxonomyLevel level = TaxonomyLevel::kClass;
  std::string parent;  // empty for a category
  Names name;
  std::optional<std::int64_t> class_count;  // categories: the plan's count of product classes
  std::vector<std::string> hs;              // HS 2022 codes
  std::string provenance;
  bool operator==(const TaxonomyRecord&) const = default;
};

enum class MetricUnit : std::uint8_t { kYuan, kCount, kTce };

struct MetricRecord {
  std::string id;  // output_value, revenue, employees …
  Names name;
  MetricUnit unit = MetricUnit::kYuan;
  std::string provenance;
  bool operator==(const MetricRecord&) const = default;
};

/// The vocabularies a plan declares (docs/formats.md, "Vocabularies"): the words its records use
/// for an enterprise's segment, a zone's kind, a project's type, a carrier's kind and a candidate's
/// kind. None is built in: a plan names its own words, and a plan that declares none of a kind
/// takes the words its records use, each named by itself.
enum class VocabularyKind : std::uint8_t { kSegment, kZoneKind, kProjectType, kCarrierKind, kCandidateKind };
inline constexpr std::size_t kVocabularyKinds = 5;

/// One word of a plan's vocabulary. Plan-owned; its order in the plan file is the order users see.
struct TermRecord {
  VocabularyKind kind = VocabularyKind::kSegment;
  std::string id;  // the word records use: "body-parts", "core-park" …
  Names name;
  std::string provenance;
  int position = 0;  // order among the plan's terms of its kind
  bool operator==(const TermRecord&) const = default;
};

struct EnterpriseRecord {
  std::string id;
  std::string credit_code;  // empty when unknown; validated when present
  Names name;
  std::string county;   // county id or empty
  std::string zone;     // zone id or empty
  std::string segment;  // a word of the plan's segment vocabulary (required by the CSV and the store)
  std::optional<bool> above_size;  // 规上; empty = unknown
  std::optional<bool> high_tech;   // 高新技术企业
  std::vector<std::string> classes;
  std::vector<std::string> processes;
  std::vector<std::string> certifications;
  std::vector<std::string> customers;
  std::optional<std::int64_t> employees;
  std::string group;  // parent enterprise id or empty
  std::string provenance;
  bool outside = false;               // outside the plan's region (a parent or partner elsewhere)
  std::string above_size_provenance;  // where above_size comes from (may be empty)
  std::vector<std::string> aliases;   // other names the sources use (short forms, brands)
  std::string aliases_provenance;     // where the aliases come from
  bool operator==(const EnterpriseRecord&) const = default;
};

struct ObservationRecord {
  std::string enterprise;
  std::string metric;
  Period period;
  std::int64_t value = 0;  // in the metric's base unit (yuan, count, tce)
  std::optional<Date> published;
  std::string provenance;
  bool operator==(const ObservationRecord&) const = default;
};

enum class FactQualifier : std::uint8_t { kExact, kAbout, kOver, kAtLeast };

/// A figure stated about an aggregate (the cluster, a zone …) rather than one enterprise record.
struct FactRecord {
  std::string id;
  std::string subject;  // "cluster", a zone, enterprise or project id
  std::string metric;
  std::string period;  // as written (a year, a period, or free text such as "2020Q1-Q3")
  std::string value;   // as written in the data file (an amount, a count or a percentage)
  std::string unit;    // yuan | count | percent | rank | … (may be empty)
  FactQualifier qualifier = FactQualifier::kExact;
  std::string quote;  // the source's words, verbatim
  std::string note;   // what the figure covers, in our words (English)
  std::string provenance;
  std::string note_zh;  // the note in Chinese
  bool operator==(const FactRecord&) const = default;
};

struct ZoneRecord {
  std::string id;
  Names name;
  std::string kind;  // a word of the plan's zone_kind vocabulary
  std::vector<std::string> counties;
  std::string parent;
  std::string provenance;
  bool operator==(const ZoneRecord&) const = default;
};

struct ProjectRecord {
  std::string id;
  Names name;
  std::string type;     // a word of the plan's project_type vocabulary
  std::string sponsor;  // enterprise id
  std::string zone;
  std::string county;
  std::optional<std::int64_t> investment;       // yuan
  std::optional<std::int64_t> expected_output;  // yuan a year at full production
  std::vector<std::string> products;            // class codes
  std::string capacity;                         // free text as the plan gives it
  std::string quote;
  std::string provenance;
  bool operator==(const ProjectRecord&) const = default;
};

enum class MilestoneKind : std::uint8_t { kSigned, kStarted, kCommissioned, kFullProduction, kPhase };

struct MilestoneRecord {
  std::string project;
  MilestoneKind kind = MilestoneKind::kSigned;
  std::optional<Date> planned;
  std::optional<Date> actual;
  std::string note;  // English; part of the key
  std::string provenance;
  std::string note_zh;  // the note in Chinese
  bool operator==(const MilestoneRecord&) const = default;
};

struct ChainLinkRecord {
  std::string id;
  Names name;
  std::vector<std::string> classes;
  /// A fact of the plan stating the reference region's output of this link (the numerator of the
  /// reference share in the location quotient, docs/chains.md); empty when none is loaded.
  std::string reference;
  bool operator==(const ChainLinkRecord&) const = default;
};

struct ChainEdgeRecord {
  std::string from;  // upstream link id
  std::string to;    // downstream link id
  bool operator==(const ChainEdgeRecord&) const = default;
};

struct ChainRecord {
  std::string id;
  Names name;
  std::vector<ChainLinkRecord> links;
  std::vector<ChainEdgeRecord> edges;
  std::string provenance;
  bool operator==(const ChainRecord&) const = default;
};

enum class CarrierLevel : std::uint8_t { kMunicipal, kProvincial, kNational };

struct CarrierRecord {
  std::string id;
  Names name;
  std::string kind;  // a word of the plan's carrier_kind vocabulary
  CarrierLevel level = CarrierLevel::kMunicipal;
  std::string enterprise;
  std::optional<Date> recognized;
  std::string provenance;
  bool operator==(const CarrierRecord&) const = default;
};

struct SupplierEntryRecord {
  std::string id;
  std::string enterprise;
  std::string product_class;
  std::string oem;
  std::int64_t tier = 1;
  std::optional<Date> entered;
  std::string provenance;
  bool operator==(const SupplierEntryRecord&) const = default;
};

/// An outside firm considered for targeted attraction (精准招商): the link it would fill, where it
/// is, what it makes, how large it is and whom it already supplies. Plan-owned.
struct CandidateRecord {
  std::string id;
  Names name;
  std::string kind;  // a word of the plan's candidate_kind vocabulary
  std::string chain;
  std::string link;
  std::string region;  // where its head office is ("粤港澳大湾区", "珠三角" …)
  std::string provenance;
  std::vector<std::string> classes;   // taxonomy codes it makes (beyond its link's)
  std::optional<std::int64_t> scale;  // yuan: its revenue (or output) in a recent year
  std::vector<std::string> ties;      // enterprises it supplies or belongs with (local OEMs, anchors)
  bool operator==(const CandidateRecord&) const = default;
};

struct BaselineRecord {
  std::string period;  // "2020"
  std::string value;   // as written: "27.19亿", "5"
  std::string quote;
  std::string provenance;
  bool operator==(const BaselineRecord&) const = default;
};

/// What a target's goal, baseline and readings are in: whole yuan, a count, or a percent (held in
/// millionths of the whole, so 18% is 180000; its indicator is a ratio).
enum class TargetUnit : std::uint8_t { kYuan, kCount, kPercent };

/// One display scale of a plan's unit: a value of `factor` or more is shown divided by it, with
/// `name` after it (万辆 for 10000 vehicles). A language whose name is empty does not use the scale.
struct UnitScale {
  std::int64_t factor = 1;
  Names name;
  bool operator==(const UnitScale&) const = default;
};

/// A unit a plan declares for its targets and stated figures (docs/formats.md, "Units"): what its
/// values measure (how they are written and held: yuan, count or percent) and how users read them.
/// Plan-owned; the built-in units yuan, count and percent need no declaration.
struct UnitRecord {
  std::string id;  // the word targets and facts use: "vehicle", "enterprise"
  TargetUnit measure = TargetUnit::kCount;
  Names name;  // the word after a number: {zh="辆", en="vehicle | vehicles"} (singular | plural)
  std::vector<UnitScale> scales;  // by ascending factor
  std::string provenance;
  int position = 0;  // order among the plan's units
  bool operator==(const UnitRecord&) const = default;
};

struct TargetRecord {
  std::string id;
  Names title;
  std::string indicator;                // indicator-language text
  std::string goal;                     // ">= 100亿"
  int deadline = 0;                     // year
  int position = 0;                     // order of the target in its plan file: the order users see
  TargetUnit unit = TargetUnit::kYuan;  // what its values measure (the declared unit's measure)
  std::string quote;
  std::optional<BaselineRecord> baseline;
  std::string provenance;
  std::string unit_id;  // the plan's [[unit]] its values are in; empty for a built-in unit (`unit`)
  bool operator==(const TargetRecord&) const = default;
};

/// A supply relation between two enterprises (供货关系): `supplier` delivers products of
/// `product_class` to `customer`. Key: supplier + customer + product_class.
struct SupplyEdgeRecord {
  std::string supplier;       // enterprise id
  std::string customer;       // enterprise id, not the supplier itself
  std::string product_class;  // taxonomy code
  std::optional<Date> since;
  std::string provenance;
  bool operator==(const SupplyEdgeRecord&) const = default;
};

/// Everything one plan's dataset holds. A value type: io/ fills it, store/ persists it. The
/// plan-owned records (zones, facts, projects, milestones, chains, candidates, targets) belong to
/// `plan`; the rest are shared registers (counties, taxonomy, metrics, enterprises, observations,
/// carriers, supplier entries, supply edges) that every plan reads through its scope.
struct Dataset {
  PlanInfo plan;
  std::vector<CountyRecord> counties;
  std::vector<TaxonomyRecord> taxonomy;
  std::vector<MetricRecord> metrics;
  std::vector<ZoneRecord> zones;
  std::vector<EnterpriseRecord> enterprises;
  std::vector<ObservationRecord> observations;
  std::vector<FactRecord> facts;
  std::vector<ProjectRecord> projects;
  std::vector<MilestoneRecord> milestones;
  std::vector<ChainRecord> chains;
  std::vector<CarrierRecord> carriers;
  std::vector<SupplierEntryRecord> supplier_entries;
  std::vector<CandidateRecord> candidates;
  std::vector<TargetRecord> targets;
  std::vector<SupplyEdgeRecord> supply_edges;
  std::vector<TermRecord> terms;  // the plan's vocabularies, in plan-file order
  std::vector<UnitRecord> units;  // the plan's declared units, in plan-file order
  /// Members of `plan` (written with it; ignored when the dataset has no plan id).
  std::vector<PlanMemberRecord> plan_members;
  bool operator==(const Dataset&) const = default;
};

/// Enum ↔ text, as written in data files ("full-production", "provincial", "segment" …).
/// The parse functions return std::nullopt for an unknown word.
[[nodiscard]] const char* to_string(VocabularyKind v);
[[nodiscard]] const char* to_string(MilestoneKind v);
[[nodiscard]] const char* to_string(CarrierLevel v);
[[nodiscard]] const char* to_string(TaxonomyLevel v);
[[nodiscard]] const char* to_string(MetricUnit v);
/// What a metric of this unit measures, for messages: "an amount of money", "a count" ….
[[nodiscard]] const char* unit_phrase(MetricUnit v);
/// The unit of a fact's figure: its `unit`, or when empty (docs/formats.md, facts.csv) "yuan" for a
/// value written with 亿, 万 or 元, else "count".
[[nodiscard]] std::string_view fact_unit(const FactRecord& fact);
/// The declared unit `id` among a plan's `units`, nullptr when none.
[[nodiscard]] const UnitRecord* find_unit(std::span<const UnitRecord> units, std::string_view id);
/// What values in the unit named `word` measure: a built-in unit's own measure (yuan, count,
/// percent), or the measure of the unit among `units` so named; nullopt for any other word (t, rank).
[[nodiscard]] std::optional<TargetUnit> unit_measure(std::string_view word,
                                                     std::span<const UnitRecord> units);
[[nodiscard]] const char* to_string(FactQualifier v);
[[nodiscard]] const char* to_string(TargetUnit v);
[[nodiscard]] const char* to_string(MemberKind v);
[[nodiscard]] std::optional<VocabularyKind> parse_vocabulary_kind(std::string_view s);
[[nodiscard]] std::optional<MilestoneKind> parse_milestone_kind(std::string_view s);
[[nodiscard]] std::optional<CarrierLevel> parse_carrier_level(std::string_view s);
[[nodiscard]] std::optional<TaxonomyLevel> parse_taxonomy_level(std::string_view s);
[[nodiscard]] std::optional<MetricUnit> parse_metric_unit(std::string_view s);
[[nodiscard]] std::optional<FactQualifier> parse_fact_qualifier(std::string_view s);
[[nodiscard]] std::optional<TargetUnit> parse_target_unit(std::string_view s);
[[nodiscard]] std::optional<MemberKind> parse_member_kind(std::string_view s);

}  // namespace atlas
