// Targeted attraction (精准招商): the outside firms a plan may court for a chain link, ranked by a
// score whose every part is explained (docs/chains.md, "Candidates"). Score = 100 × Σ weight ×
// feature / Σ weight, each feature in [0, 1], the weights the plan's ([plan.attraction]); ties go by
// name, so the ranking is reproducible. Pure functions over a Snapshot and a chain's assessment.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "engine/chains.hpp"
#include "model/records.hpp"
#include "model/snapshot.hpp"

namespace atlas::engine {

/// gap: it makes a weak or missing link (by the link's importance). ties: it already supplies or
/// belongs with a local enterprise. scale: its size. region: its head office lies in a region the
/// plan courts. named: the plan names it.
enum class Feature : std::uint8_t { kGap, kTies, kScale, kRegion, kNamed };

/// "gap", "ties", "scale", "region", "named".
[[nodiscard]] const char* to_string(Feature feature);

struct FeatureScore {
  Feature feature = Feature::kGap;
  double value = 0;   // in [0, 1]
  double weight = 0;  // the plan's weight
  double points = 0;  // its part of the score: 100 × weight × value / Σ weights
  Names text;         // why, in words and numbers
};

struct CandidateScore {
  std::uint32_t candidate = 0;         // index into Snapshot::candidates
  double score = 0;                    // 0–100
  std::vector<std::uint32_t> links;    // links of the chain it makes (indices into its links)
  std::vector<FeatureScore> features;  // in Feature order
  bool sample = false;
};

/// Whether candidate `c` makes link `link` of `chain`: it names that link, or one of its classes is
/// one of the link's classes (or lies below one).
[[nodiscard]] bool makes_link(const Snapshot& s, const CandidateRecord& c, const ChainRecord& chain,
                              std::uint32_t link);

/// The candidates for link `link` of the assessed chain, best first. Only candidates the
/// visibility shows (sample ones when it includes samples).
[[nodiscard]] std::vector<CandidateScore> rank_candidates(const Snapshot& s, const ChainAssessment& chain,
                                                          std::uint32_t link, const Visibility& vis);

/// Every candidate of the plan scored against the chain it makes (its `chain`, else the first
/// chain with a link it makes; none: no gap feature), best first: the target-enterprise catalogue.
[[nodiscard]] std::vector<CandidateScore> rank_all_candidates(const Snapshot& s,
                                                              std::span<const ChainAssessment> chains,
                                                              const Visibility& vis);

}  // namespace atlas::engine
