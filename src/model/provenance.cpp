#include "model/provenance.hpp"

#include <array>

namespace atlas {
namespace {

struct Prefix {
  std::string_view text;
  ProvenanceKind kind;
};

constexpr std::array<Prefix, 5> kPrefixes{{
    {"plan", ProvenanceKind::kPlan},
    {"public", ProvenanceKind::kPublic},
    {"stats", ProvenanceKind::kStatistics},
    {"user", ProvenanceKind::kUser},
    {"sample", ProvenanceKind::kSample},
}};

}  // namespace

ProvenanceKind provenance_kind(std::string_view provenance) {
  const auto start = provenance.find_first_not_of(' ');
  if (start == std::string_view::npos) return ProvenanceKind::kOther;
  provenance.remove_prefix(start);
  for (const auto& prefix : kPrefixes) {
    if (provenance.starts_with(prefix.text)) return prefix.kind;
  }
  return ProvenanceKind::kOther;
}

}  // namespace atlas
