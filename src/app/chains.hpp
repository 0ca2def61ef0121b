// The chains use case behind `atlas gaps` and GET /api/v1/chains/{id}: every link of a chain judged
// strong, weak or missing for the plan's region or one county (engine/chains.hpp), and the answer
// as JSON, one shape for the CLI and the API (docs/api.md, "Chains").
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <boost/json/object.hpp>

#include "engine/chains.hpp"
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

/// Judges chain `chain` (index into Snapshot::chains) for the region (`county` none) or one county.
[[nodiscard]] engine::ChainAssessment assess_chain(const Snapshot& s, const Visibility& vis,
                                                   const OutputColumn& output, std::uint32_t chain,
                                                   CountyId county);

/// How many makers a link's JSON lists (the largest first); `makers_count` says how many there are.
inline constexpr std::size_t kListedMakers = 20;

/// The chain with its links, verdicts, evidence, pipeline and gaps (docs/api.md, "Chains").
/// `output` is the column the assessment read (each maker's own output).
[[nodiscard]] boost::json::object chain_assessment_json(const Snapshot& s,
                                                        const engine::ChainAssessment& assessment,
                                                        const OutputColumn& output);

/// The plan's chain rules as JSON (thresholds in plain numbers: 0.5, not 500000).
[[nodiscard]] boost::json::object chain_rules_json(const ChainRules& rules);

}  // namespace atlas::app
