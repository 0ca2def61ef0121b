// Where a record comes from. Every record carries one; sample data is always marked.
#pragma once

#include <cstdint>
#include <string_view>

namespace atlas {

enum class ProvenanceKind : std::uint8_t {
  kPlan,        // "plan §3(1)2": a section of the plan text
  kPublic,      // "public: <source>": a public report (news, government work report)
  kStatistics,  // "stats: <table>": a statistics bureau table
  kUser,        // "user: <who>": entered by a user
  kSample,      // "sample" or "sample: <note>": illustrative, never a fact
  kOther,
};

/// Classifies a provenance string by its prefix. Never fails: an unrecognised text is kOther.
[[nodiscard]] ProvenanceKind provenance_kind(std::string_view provenance);

[[nodiscard]] inline bool is_sample(std::string_view provenance) {
  return provenance_kind(provenance) == ProvenanceKind::kSample;
}

}  // namespace atlas
