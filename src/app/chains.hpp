// The chains use case behind `atlas gaps` and GET /api/v1/chains/{id}: every link of a chain judged
// strong, weak or missing for the plan's region or one county (engine/chains.hpp), and the answer
// as JSON, one shape for the CLI and the API (docs/api.md, "Chains").
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <boost/json/object.hpp>

#include "engine/candidates.hpp"
#include "engine/chains.hpp"
#include "io/sheet.hpp"
#include "model/error.hpp"
#include "model/snapshot.hpp"

namespace atlas::app {

/// Each enterprise's output in `year` (the plan's output metric, under `vis`), computed once for
/// any number of chains and counties.
struct OutputColumn {
  int year = 0;
  std::vector<std::int64_t> value;   // engine::kNoOutput: no visible figure of the year
  std::vector<std::uint8_t> sample;  // 1 when a sample figure went in
};
[[nodiscard]] OutputColumn output_column(const Snapshot& s, const Visibility& vis, int year);

/// A chain of the Snapshot by id; kUnknownReference naming the plan's chains and the closest one.
[[nodiscard]] Result<std::uint32_t> resolve_chain(const Snapshot& s, std::string_view id,
                                                  std::string_view field = "chain");

/// A link given as `LINK` (its id, when only one chain has it) or `CHAIN/LINK`: (chain, link)
/// indices. kUnknownReference naming the closest link; kInvalidValue when several chains have it.
struct LinkRef {
  std::uint32_t chain = 0;
  std::uint32_t link = 0;
};
[[nodiscard]] Result<LinkRef> resolve_link(const Snapshot& s, std::string_view text,
                                           std::string_view field = "link");
/// Link `id` of chain `chain`; kUnknownReference naming the chain's links and the closest one.
[[nodiscard]] Result<std::uint32_t> resolve_link_of(const Snapshot& s, std::uint32_t chain,
                                                    std::string_view id, std::string_view field = "link");

/// Judges chain `chain` (index into Snapshot::chains) for the region (`county` none) or one county.
[[nodiscard]] engine::ChainAssessment assess_chain(const Snapshot& s, const Visibility& vis,
                                                   const OutputColumn& output, std::uint32_t chain,
                                                   CountyId county);

/// For each project of the plan (Snapshot::projects order), the targets (Snapshot::targets
/// indices) it feeds: those whose reading under `vis` rests on the project itself (a target that
/// counts projects) or on its sponsor (a target over enterprises). A target that does not compile
/// or evaluate feeds from none.
[[nodiscard]] std::vector<std::vector<std::uint32_t>> targets_fed_by_projects(const Snapshot& s,
                                                                              const Visibility& vis);

/// How many makers a link's JSON lists (the largest first); `makers_count` says how many there are.
inline constexpr std::size_t kListedMakers = 20;

/// The chain with its links, verdicts, evidence, pipeline and gaps (docs/api.md, "Chains").
/// `output` is the column the assessment read (each maker's own output); `fed`, when given, the
/// targets each project feeds (targets_fed_by_projects), listed with the pipeline.
[[nodiscard]] boost::json::object chain_assessment_json(
    const Snapshot& s, const engine::ChainAssessment& assessment, const OutputColumn& output,
    const std::vector<std::vector<std::uint32_t>>* fed = nullptr);

/// The ranked candidates for link `link` of the assessed chain: {chain, link: {id, name, verdict,
/// verdict_zh}, weights, candidates: [{rank, id, name, kind, region, score, links, features: [{feature,
/// value, weight, points, text}], provenance, sample}]} (docs/api.md).
[[nodiscard]] boost::json::object candidates_json(const Snapshot& s,
                                                  const engine::ChainAssessment& assessment,
                                                  std::uint32_t link,
                                                  const std::vector<engine::CandidateScore>& ranked);

/// The two catalogues the plan asks for (§6(1): 重点发展目录 and 引进企业目录), as one sheet each for a
/// spreadsheet (io::sheet_csv, io::write_xlsx). key-development: every weak and missing link of the
/// chains by importance, why, and the projects that fill it. target-enterprise: every candidate by
/// score, with the reasons.
[[nodiscard]] io::Sheet key_development_sheet(const Snapshot& s,
                                              std::span<const engine::ChainAssessment> chains);
[[nodiscard]] io::Sheet target_enterprise_sheet(const Snapshot& s,
                                                const std::vector<engine::CandidateScore>& ranked);

/// The catalogue kinds: `atlas catalogue --kind`, GET /api/v1/catalogues/{kind}.
inline constexpr std::array<std::string_view, 2> kCatalogueKinds = {"key-development", "target-enterprise"};

/// Catalogue `kind` for the region (`county` none) or one county: every chain judged, then
/// key_development_sheet or target_enterprise_sheet. kUnknownReference naming the kinds otherwise.
[[nodiscard]] Result<io::Sheet> catalogue_sheet(const Snapshot& s, const Visibility& vis,
                                                const OutputColumn& output, CountyId county,
                                                std::string_view kind);

/// The plan's chain rules as JSON (thresholds in plain numbers: 0.5, not 500000).
[[nodiscard]] boost::json::object chain_rules_json(const ChainRules& rules);

/// Every county's verdicts for one chain in one pass (engine::assess_chain_every_county) as JSON:
/// {chain: {id, name}, year, links: [{id, name}], counties: [{county: {id, name}, present, strong,
/// weak, missing, area_output, sample, verdicts: [per link, in links order], gaps: [link ids by
/// importance]}]} — the per-county overview of GET /api/v1/chains/{id}/counties.
[[nodiscard]] boost::json::object chain_counties_json(const Snapshot& s, const Visibility& vis,
                                                      const OutputColumn& output, std::uint32_t chain);

}  // namespace atlas::app
