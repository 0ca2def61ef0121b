// Which links of an industrial chain are strong, weak or missing in a region (or one county of it),
// and why: the measures and rules of docs/chains.md, with the plan's thresholds (ChainRules, the
// plan file's [plan.chain_rules]). Pure functions over an immutable Snapshot; every verdict carries
// the evidence that decided it, in words (zh and en) and numbers, so nothing is a black box.
#pragma once

#include <cstdint>
#include <limits>
#include <optional>
#include <span>
#include <vector>

#include "model/ids.hpp"
#include "model/period.hpp"
#include "model/records.hpp"
#include "model/snapshot.hpp"

namespace atlas::engine {

/// kMissing 缺链: no local maker. kWeak 弱链: makers, but a measure falls short. kStrong 强链: every
/// measure that could be computed meets its threshold.
enum class Verdict : std::uint8_t { kMissing, kWeak, kStrong };

/// "missing", "weak", "strong".
[[nodiscard]] const char* to_string(Verdict verdict);
/// 缺链, 弱链, 强链.
[[nodiscard]] const char* to_string_zh(Verdict verdict);

/// What a piece of evidence measures (docs/chains.md, "Measures per link").
enum class Measure : std::uint8_t { kMakers, kAnchor, kLocalSupply, kLocationQuotient, kPipeline };

/// "makers", "anchor", "local-supply", "location-quotient", "pipeline".
[[nodiscard]] const char* to_string(Measure measure);

/// kMet / kNotMet: computed and compared with its threshold. kUnknown: the data to compute it is
/// not loaded (never read as zero). kNotApplicable: it means nothing here (a link with no maker has
/// no local supply to judge; the chain's last link has no downstream buyer). kInfo: stated, not
/// compared (the pipeline).
enum class MeasureState : std::uint8_t { kMet, kNotMet, kUnknown, kNotApplicable, kInfo };

/// "met", "not-met", "unknown", "not-applicable", "info".
[[nodiscard]] const char* to_string(MeasureState state);

struct Evidence {
  Measure measure = Measure::kMakers;
  MeasureState state = MeasureState::kUnknown;
  bool decided = false;  // the verdict rests on it
  std::optional<double> value;
  std::optional<double> threshold;
  Names text;  // "2 local makers (at least 2 wanted)" / "本地生产企业2家（至少需2家）"
};

/// A key project that makes a class of the link.
struct PipelineProject {
  ProjectId project;
  bool adds_maker = false;  // its sponsor is not yet a local maker of the link (it fills, not strengthens)
  std::optional<Date> due;  // first production: commissioning (else full production), actual else planned
  bool done = false;        // that milestone's actual date is known by as_of
  bool overdue = false;     // not done, and its planned date is past by as_of
};

inline constexpr std::int64_t kNoOutput = std::numeric_limits<std::int64_t>::min();

/// What the verdicts read besides the Snapshot: each enterprise's output in `year` (the plan's
/// output metric under `vis`; kNoOutput when it has no visible figure), which the caller computes
/// once for any number of chains and counties.
struct ChainInput {
  const Snapshot& snapshot;
  Visibility vis;
  int year = 0;
  std::span<const std::int64_t> output;         // per EnterpriseId
  std::span<const std::uint8_t> output_sample;  // per EnterpriseId: 1 when a sample figure went in
  /// false: the evidence carries its states and numbers but no words (Evidence::text empty), for a
  /// view that shows verdicts only (every county at once); the verdicts are the same.
  bool texts = true;
};

struct LinkAssessment {
  std::uint32_t link = 0;  // index into the chain's links
  Verdict verdict = Verdict::kMissing;
  std::vector<EnterpriseId> makers;    // local makers in the area, by output (descending), then name
  std::optional<std::int64_t> output;  // the makers' output in the year (whole-enterprise figures)
  std::vector<EnterpriseId> anchors;   // makers that are anchor firms
  std::uint32_t buyers = 0;            // local makers of the links it supplies directly
  std::uint32_t buyers_known = 0;      // … whose suppliers of this link are recorded
  std::uint32_t buyers_local = 0;      // … of which buy it from a local maker
  std::optional<double> local_supply;  // buyers_local / buyers_known
  std::optional<double> location_quotient;
  std::vector<PipelineProject> pipeline;  // by due date (none last), then project order
  std::optional<Date> closes;             // a missing link: the earliest due of a project that adds a maker
  std::vector<std::uint32_t> downstream;  // links that depend on it, directly or further down
  std::optional<std::int64_t> downstream_output;  // their makers' output (each once); none without a figure
  std::vector<Evidence> evidence;                 // makers, anchor, local supply, location quotient, pipeline
  int measures_known = 0;                         // of the four measures, how many could be computed
  bool sample = false;                            // a sample record or figure went into it
};

struct ChainAssessment {
  std::uint32_t chain = 0;  // index into Snapshot::chains
  CountyId county;          // none: the plan's whole region
  int year = 0;
  std::vector<LinkAssessment> links;  // in the chain's order
  /// The weak and missing links by importance: missing before weak, then by how many links depend
  /// on them, the output of those links' makers, and the chain's order.
  std::vector<std::uint32_t> gaps;
  std::uint32_t present = 0;                // links with at least one local maker
  std::optional<std::int64_t> area_output;  // every local enterprise of the area in the year
};

/// Judges every link of chain `chain` for the plan's region (`county` none) or one county.
[[nodiscard]] ChainAssessment assess_chain(const ChainInput& input, std::uint32_t chain, CountyId county);

/// The same for every county of the plan, in county order: each element equals
/// assess_chain(input, chain, that county), but the links' makers are found in one pass over their
/// posting lists, bucketed by county, and the projects that make each link's classes once, instead
/// of once per county. Cost: the region's makers of the chain plus, per county, its own makers,
/// enterprises and projects.
[[nodiscard]] std::vector<ChainAssessment> assess_chain_every_county(const ChainInput& input,
                                                                     std::uint32_t chain);

/// A partner of an enterprise along a chain (its supply relations, docs/chains.md).
struct ChainPartner {
  EnterpriseId enterprise;
  ClassId product_class;   // the class the relation names; none when it names none
  std::uint32_t link = 0;  // the partner's link (index into the chain's links)
  bool local = false;      // in the plan's region (not marked outside)
  bool sample = false;     // the relation or the partner is sample data
};

/// A link of a chain that an enterprise makes, with its recorded partners along the chain.
struct EnterpriseLink {
  std::uint32_t chain = 0;  // index into Snapshot::chains
  std::uint32_t link = 0;   // index into the chain's links
  /// Who supplies it a class of a link directly upstream of this one (a relation naming no class
  /// counts when the supplier makes that link), local partners first, then by name.
  std::vector<ChainPartner> upstream;
  /// Whom it supplies a class of this link (or a relation naming no class), who make a link
  /// directly downstream of it; in the same order.
  std::vector<ChainPartner> downstream;
};

/// Every chain link `e` makes (one of its classes, or a class above one, is the link's), in the
/// plan's chain and link order, with its upstream and downstream partners. Under `vis` sample
/// relations and sample partners are left out when sample data is hidden. A partner making several
/// upstream (or downstream) links is listed once per link.
[[nodiscard]] std::vector<EnterpriseLink> enterprise_chain_links(const Snapshot& s, const Visibility& vis,
                                                                 EnterpriseId e);

}  // namespace atlas::engine
