// Browsing the cluster: the use cases behind the read API's lists and profiles (enterprises,
// projects, zones and counties, the taxonomy, the industrial chains). Pure functions over an
// immutable Snapshot and a Visibility (as_of, sample); they return plain structs with ids into the
// Snapshot and computed values, never JSON. Every function here is thread-safe: it only reads the
// Snapshot, which must outlive the call.
//
// Scale: the same code serves a million enterprises. Filters intersect the Snapshot's sorted
// posting lists instead of scanning, name search makes one allocation-free pass over the interned
// name columns, annual totals come from the YearRollup whenever it is exact for the visibility, and
// a page is sorted with partial_sort / nth_element, never the whole list.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/chains.hpp"
#include "model/error.hpp"
#include "model/ids.hpp"
#include "model/period.hpp"
#include "model/records.hpp"
#include "model/snapshot.hpp"

namespace atlas::app {

/// The metric that lists and zones total ("工业总产值").

// ---------------------------------------------------------------------------------------------
// References given as text (query parameters). Each returns the resolved value or an Error whose
// `field` is `field` and whose message reads `no county "xx" (did you mean "riverbend-north"?)`:
// kUnknownReference for ids that name nothing, kInvalidValue for words outside a fixed set.

[[nodiscard]] Result<CountyId> resolve_county(const Snapshot& s, std::string_view id,
                                              std::string_view field = "county");
[[nodiscard]] Result<ZoneId> resolve_zone(const Snapshot& s, std::string_view id,
                                          std::string_view field = "zone");
/// Any taxonomy code: category, subsystem or class.
[[nodiscard]] Result<ClassId> resolve_class(const Snapshot& s, std::string_view code,
                                            std::string_view field = "class");
/// An enterprise id. The hint looks among project sponsors only: with a million enterprises a
/// scan of every id would make each typo expensive.
[[nodiscard]] Result<EnterpriseId> resolve_sponsor(const Snapshot& s, std::string_view id,
                                                   std::string_view field = "sponsor");
/// The code of `word` in the plan's vocabulary of `kind` (a word it declares or its records use);
/// kInvalidValue naming the plan's words and the closest one otherwise.
[[nodiscard]] Result<std::uint32_t> resolve_term(const Snapshot& s, VocabularyKind kind,
                                                 std::string_view word, std::string_view field);

/// A calendar year between 1900 and 2200 written as digits; kInvalidValue otherwise.
[[nodiscard]] Result<int> parse_year(std::string_view text, std::string_view field = "year");

/// The year a list shows by default: the last complete calendar year before `as_of`.
[[nodiscard]] int default_year(DayNumber as_of);

// ---------------------------------------------------------------------------------------------
// Annual totals.

/// A metric summed over one calendar year (for one enterprise, or over a group of them).
struct YearValue {
  int year = 0;
  std::int64_t value = 0;
  std::uint8_t months = 0;  // months covered by visible figures (a group: the most any member has)
  bool sample = false;      // a sample figure went into the value
};

/// One metric's annual total per enterprise under a Visibility. Reads the Snapshot's YearRollup
/// when it is exact (samples included and every figure of the year published by as_of, as the
/// indicator evaluator decides), else the enterprise's visible month spans. Cheap to construct,
/// no allocation; the Snapshot must outlive it.
class YearTotals {
 public:
  /// `metric` none: every read is nullopt (a dataset without that metric).
  YearTotals(const Snapshot& s, std::optional<MetricId> metric, int year, const Visibility& vis);
  /// The year's total for `e`, or nullopt when no visible figure of the year exists.
  [[nodiscard]] std::optional<YearValue> read(EnterpriseId e) const;
  /// True when read() uses the YearRollup (for tests).
  [[nodiscard]] bool uses_rollup() const { return rollup_ != nullptr; }

 private:
  const Snapshot& snapshot_;
  std::optional<MetricId> metric_;
  int year_;
  Visibility vis_;
  const YearRollup* rollup_ = nullptr;
  std::size_t slot_ = 0;
};

/// Text of a normalised month span: "2025" (a whole year), "2025-03" (one month), "2025-01~03".
[[nodiscard]] std::string span_text(MonthIndex first, MonthIndex last);

// ---------------------------------------------------------------------------------------------
// Enterprises.

/// name: by Chinese name, then id. -output_value: by the year's output_value descending.
enum class EnterpriseSort : std::uint8_t { kName, kOutputValueDesc };

/// What a listed enterprise must match; every filter given must hold (absent: no condition).
struct EnterpriseFilter {
  std::optional<CountyId> county;
  std::optional<ZoneId> zone;            // the zone and its child zones
  std::optional<std::uint32_t> segment;  // a code of the plan's segment vocabulary
  std::optional<ClassId> taxonomy;       // makers of the node or anything below it
  std::string q;  // substring of name (zh or en), alias, id or credit code; ASCII case-insensitive
  std::optional<bool> outside;  // only enterprises outside (true) or inside (false) the plan's region
};

/// The longest search text (`q`) accepted, in characters: the approximate search of
/// suggest_enterprises() costs q × name length.
inline constexpr std::size_t kMaxSearchText = 64;

/// A "did you mean …?" answer to a search that matched nothing: a name or alias close to q.
struct EnterpriseSuggestion {
  EnterpriseId id;
  std::string text;          // the name or alias that came close
  std::size_t distance = 0;  // approximate-substring edit distance of q in it
};

/// A page request of the enterprise list.
struct EnterpriseQuery {
  EnterpriseFilter filter;
  int year = 0;  // of the output_value shown (and sorted by)
  EnterpriseSort sort = EnterpriseSort::kName;
  std::size_t offset = 0;
  std::size_t limit = 50;
};

/// One listed enterprise: its id (the columns hold the rest) and the year's output_value.
struct EnterpriseRow {
  EnterpriseId id;
  std::optional<YearValue> output_value;
};

/// One page of the enterprise list.
struct EnterprisePage {
  std::size_t total = 0;  // matching enterprises before paging
  std::vector<EnterpriseRow> items;
};

/// The enterprises matching `filter` (sample ones left out unless vis.include_sample), in id order.
[[nodiscard]] std::vector<EnterpriseId> match_enterprises(const Snapshot& s, const Visibility& vis,
                                                          const EnterpriseFilter& filter);

/// Up to `max` enterprises (matching the filter but for q) whose name (zh or en) or alias holds q
/// with a few typos: closest first, then by name. Empty when q is empty or too short to guess.
[[nodiscard]] std::vector<EnterpriseSuggestion> suggest_enterprises(const Snapshot& s, const Visibility& vis,
                                                                    const EnterpriseFilter& filter,
                                                                    std::size_t max = 5);

/// One page of matching enterprises: sorted by Chinese name (then id), or by the year's
/// output_value descending (enterprises without a value last, then by id).
[[nodiscard]] EnterprisePage list_enterprises(const Snapshot& s, const Visibility& vis,
                                              const EnterpriseQuery& query);

/// True when enterprise `e` may be shown under `vis` (not a hidden sample record).
[[nodiscard]] bool enterprise_visible(const Snapshot& s, const Visibility& vis, EnterpriseId e);

// ---------------------------------------------------------------------------------------------
// Projects.

/// How far a project has come: the furthest milestone reached by as_of (a `phase` milestone does
/// not move it).
enum class ProjectStatus : std::uint8_t { kPlanned, kSigned, kStarted, kCommissioned, kFullProduction };
inline constexpr std::size_t kProjectStatusCount = 5;

/// "planned", "signed", "started", "commissioned", "full-production".
[[nodiscard]] const char* to_string(ProjectStatus status);
[[nodiscard]] Result<ProjectStatus> resolve_project_status(std::string_view word,
                                                           std::string_view field = "status");

/// A milestone as known on as_of. Reached: its actual date is known and not after as_of. A date of
/// month or year precision counts from its first day when it is an actual date and is due on its
/// last day when it is a planned one. Overdue (逾期): its planned date has passed (is before
/// as_of) and it was not reached by then. Delay: how many days after its planned date it was
/// reached.
struct MilestoneState {
  std::uint32_t milestone = 0;  // index into Snapshot::milestones
  bool reached = false;
  bool overdue = false;
  /// Reached and planned: actual − planned in days when reached after the plan, else 0. Not
  /// reached or without a planned date: nullopt.
  std::optional<std::int32_t> delay_days;
  /// Overdue: as_of − planned in days (how long it has been outstanding); else nullopt.
  std::optional<std::int32_t> overdue_days;
};

/// How a project keeps to its plan: late (a milestone is overdue now), delayed (not late, but a
/// milestone was reached after its plan), on time (it has a planned date and neither holds), or
/// no data (no visible milestone has a planned date: nothing to judge it by, never "on time").
enum class Schedule : std::uint8_t { kLate, kDelayed, kOnTime, kNoData };

/// "late", "delayed", "on-time", "no-data".
[[nodiscard]] const char* to_string(Schedule schedule);

/// A project's schedule as known on as_of (at most one of the two holds).
struct ProjectState {
  ProjectId id;
  ProjectStatus status = ProjectStatus::kPlanned;
  bool late = false;     // 滞后: a visible milestone is overdue now
  bool delayed = false;  // 延期完成: not late, but a visible milestone was reached after its plan
  Schedule schedule = Schedule::kNoData;
  /// The status rests on sample data: no non-sample reached milestone gives it (false for
  /// kPlanned, which no milestone gives).
  bool status_sample = false;
  /// The schedule rests on sample data: every milestone that makes it late, delayed or on time is
  /// sample (false for kNoData).
  bool schedule_sample = false;
};

/// True when project `p` may be shown under `vis` (not a hidden sample record).
[[nodiscard]] bool project_visible(const Snapshot& s, const Visibility& vis, ProjectId p);
/// The visible milestones of `p` in data order, each judged at vis.as_of.
[[nodiscard]] std::vector<MilestoneState> milestone_states(const Snapshot& s, const Visibility& vis,
                                                           ProjectId p);
/// The project's status, lateness and delay at vis.as_of from its visible milestones.
[[nodiscard]] ProjectState project_state(const Snapshot& s, const Visibility& vis, ProjectId p);

/// What a listed project must match; every filter given must hold (absent: no condition).
struct ProjectFilter {
  std::optional<std::string> type;  // a word of the plan's project_type vocabulary
  std::optional<ZoneId> zone;       // the zone and its child zones
  std::optional<CountyId> county;
  std::optional<EnterpriseId> sponsor;
  std::optional<ProjectStatus> status;
  bool late_only = false;     // only late projects (behind schedule now)
  bool delayed_only = false;  // only delayed projects (both flags: none, as no project is both)
  std::string q;              // substring of the name (zh or en) or id; ASCII case-insensitive
};

/// A page request of the project list.
struct ProjectQuery {
  ProjectFilter filter;
  std::size_t offset = 0;
  std::size_t limit = 50;
};

/// Totals of the matching projects in one status. An amount sums the projects that state it;
/// nullopt when none does (unknown, not 0).
struct StatusSummary {
  ProjectStatus status = ProjectStatus::kPlanned;
  std::size_t projects = 0;
  bool sample = false;  // some project counted here has its status from sample data only
  std::optional<std::int64_t> expected_output;  // yuan a year at full production
  std::optional<std::int64_t> investment;       // yuan
};

/// One page of the project list and the summary over every matching project.
struct ProjectPage {
  std::size_t total = 0;
  std::vector<ProjectState> items;                         // in plan order
  std::array<StatusSummary, kProjectStatusCount> summary;  // every status, in status order
};

/// The matching projects in plan order, paged, with the per-status summary over all of them.
[[nodiscard]] ProjectPage list_projects(const Snapshot& s, const Visibility& vis, const ProjectQuery& query);

/// A project's total investment and where it comes from: the project record's own figure (the
/// plan), else a non-sample fact with metric "investment" about the project (subject its id or
/// "project:<id>") that states an amount. Sample facts never fill it.
struct ProjectInvestment {
  std::int64_t yuan = 0;
  std::string source;  // the provenance of the figure
};
inline constexpr std::string_view kInvestmentMetric = "investment";
[[nodiscard]] std::optional<ProjectInvestment> project_investment(const Snapshot& s, ProjectId p);

/// One project with its milestones (judged at as_of) and the facts about it.
struct ProjectProfile {
  ProjectState state;
  std::vector<MilestoneState> milestones;
  std::vector<std::uint32_t> facts;  // indices into Snapshot::facts whose subject is the project
};

/// kNotFound (field "id") when no visible project has the id.
[[nodiscard]] Result<ProjectProfile> project_profile(const Snapshot& s, const Visibility& vis,
                                                     std::string_view id);

// ---------------------------------------------------------------------------------------------
// One enterprise.

/// A product class with its place in the taxonomy: path runs category → subsystem → class.
struct ProductPath {
  ClassId product;
  std::vector<ClassId> path;
};

/// One visible figure as normalised in the Snapshot (a cumulative report becomes the months it adds).
struct FigureItem {
  std::string period;  // span_text: "2025", "2025-03", "2025-04~06"
  MonthIndex first = 0;
  MonthIndex last = 0;
  std::int64_t value = 0;
  DayNumber published = 0;
  StringId provenance;
  bool sample = false;
};

/// One metric's visible figures of an enterprise: per-year totals and the spans themselves.
struct MetricFigures {
  MetricId metric;
  std::vector<YearValue> annual;  // per year with visible figures, ascending
  std::vector<FigureItem> items;  // ascending by month
};

/// A supply relation seen from one enterprise: the other side, the product class (none when not
/// given) and whether the edge is sample data.
struct SupplyLink {
  EnterpriseId enterprise;
  ClassId product_class;
  bool sample = false;
};

/// Everything the profile page shows about one enterprise beyond its columns.
struct EnterpriseProfile {
  EnterpriseId id;
  std::optional<YearValue> output_value;  // in the requested year
  std::vector<ProductPath> products;
  std::vector<MetricFigures> figures;           // metrics with at least one visible figure, in metric order
  std::vector<ProjectState> projects;           // projects it sponsors
  std::vector<std::uint32_t> carriers;          // indices into Snapshot::carriers
  std::vector<std::uint32_t> supplier_entries;  // indices into Snapshot::supplier_entries
  std::vector<std::uint32_t> facts;             // indices into Snapshot::facts about it
  std::vector<SupplyLink> suppliers;            // who supplies it
  std::vector<SupplyLink> customers_of;         // whom it supplies
  std::vector<engine::EnterpriseLink> chain_links;  // the chain links it makes, with partners along them
  EnterpriseId group;                               // parent enterprise, none when absent or hidden
};

/// Everything about one enterprise. kNotFound (field "id") when no visible enterprise has the id.
[[nodiscard]] Result<EnterpriseProfile> enterprise_profile(const Snapshot& s, const Visibility& vis,
                                                           std::string_view id, int year);

// ---------------------------------------------------------------------------------------------
// Zones, counties, taxonomy, chains, facts.

/// The zone and every zone below it (child zones, their children …), `zone` first.
[[nodiscard]] std::vector<ZoneId> zone_subtree(const Snapshot& s, ZoneId zone);

/// What a zone or county holds.
struct AreaTotals {
  std::size_t enterprises = 0;            // visible enterprises located there
  std::optional<YearValue> output_value;  // their summed output_value; nullopt when none has one
};

/// One zone with its totals, the facts about it and the targets that name it.
struct ZoneSummary {
  ZoneId id;
  AreaTotals totals;                 // over the zone and its child zones
  std::vector<std::uint32_t> facts;  // indices into Snapshot::facts whose subject is the zone
  std::vector<TargetId> targets;     // targets whose indicator names the zone (`zone = "<id>"`)
};

/// One county with its totals.
struct CountySummary {
  CountyId id;
  AreaTotals totals;
};

/// Every zone and county with totals for `year`.
struct ZonesOverview {
  int year = 0;
  std::vector<ZoneSummary> zones;       // in plan order
  std::vector<CountySummary> counties;  // in data order
  /// The visible enterprises with no county recorded (and their output): what the county rows
  /// leave out.
  AreaTotals county_not_recorded;
  /// Share (0..1) of the year's visible output that falls in some county; nullopt when there is
  /// no output at all.
  std::optional<double> county_coverage;
};

/// Totals per zone (child zones included) and county; visible enterprises and figures only.
[[nodiscard]] ZonesOverview zones_overview(const Snapshot& s, const Visibility& vis, int year);

/// The taxonomy as a tree with the number of visible local makers per node.
struct TaxonomyTree {
  std::vector<ClassId> roots;                  // categories, in data order
  std::vector<std::vector<ClassId>> children;  // per node, in data order
  std::vector<std::size_t> enterprises;        // per node: makers of it or anything below it
};

/// The tree in data order; counts leave out sample enterprises unless vis.include_sample.
[[nodiscard]] TaxonomyTree taxonomy_tree(const Snapshot& s, const Visibility& vis);

/// One link of a chain: its classes and how many local enterprises make any of them.
struct ChainLinkSummary {
  std::vector<ClassId> classes;  // the link's classes that exist in the taxonomy
  std::size_t enterprises = 0;   // visible makers of any of them (each counted once)
};

/// Parallel to Snapshot::chains and each chain's links.
struct ChainSummary {
  std::vector<ChainLinkSummary> links;
};

/// One summary per chain of the Snapshot, in data order.
[[nodiscard]] std::vector<ChainSummary> chains_overview(const Snapshot& s, const Visibility& vis);

/// The visible facts whose subject is `subject` (a zone, enterprise or project id), in data order.
[[nodiscard]] std::vector<std::uint32_t> facts_about(const Snapshot& s, const Visibility& vis,
                                                     std::string_view subject);

/// A fact's value as a number where it is one: amounts (亿/万/plain digits) as an exact integer,
/// decimals (percentages) as a double, anything else kept as text.
struct FactValue {
  enum class Kind : std::uint8_t { kInteger, kDecimal, kText };
  Kind kind = Kind::kText;
  std::int64_t integer = 0;
  double decimal = 0;
  std::string text;
};

/// Never fails: a value that is no number stays text (Kind::kText).
[[nodiscard]] FactValue fact_value(const FactRecord& fact);

}  // namespace atlas::app
