// The static field table behind query/schema.hpp, with the keys the checker compiles from.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include "model/snapshot.hpp"
#include "query/schema.hpp"

namespace atlas::query::internal {

enum class FieldKey : std::uint8_t {
  kId,
  kName,
  kCounty,
  kZone,
  kSegment,
  kAboveSize,
  kHighTech,
  kClass,
  kSubsystem,
  kCategory,
  kGroup,
  kMetric,
  kType,
  kSponsor,
  kInvestment,
  kExpectedOutput,
  kSigned,
  kStarted,
  kCommissioned,
  kFullProduction,
  kKind,
  kLevel,
  kEnterprise,
  kOem,
  kTier,
  kRecognized,
  kEntered,
  kChain,
  kLink,
  kRegion,
};

struct FieldSpec {
  std::string_view name;
  FieldKey key = FieldKey::kId;
  FieldType type = FieldType::kText;
};

/// A field found by name: its spec and, for a metric, which one.
struct ResolvedField {
  FieldSpec spec;
  MetricId metric;
  [[nodiscard]] bool is_metric() const { return spec.key == FieldKey::kMetric; }
};

inline constexpr std::size_t kRecordSetCount = 5;

/// The fields every snapshot has, per set (metrics excluded).
[[nodiscard]] std::span<const FieldSpec> static_fields(RecordSet set);

/// Looks `name` up among `set`'s fields and, for enterprises, the snapshot's metrics.
[[nodiscard]] std::optional<ResolvedField> find_field(RecordSet set, std::string_view name,
                                                      const Snapshot& snapshot);

/// All names of `set`'s fields (metrics included), for suggestions and messages.
[[nodiscard]] std::vector<std::string_view> field_names(RecordSet set, const Snapshot& snapshot);

/// The words an enum field accepts, in order (for kOrdered: lowest first). Segments, project types,
/// carrier and candidate kinds are the plan's vocabulary (Snapshot::vocabulary), in code order: the
/// words it declares, then those its records use undeclared.
[[nodiscard]] std::vector<std::string_view> enum_words(RecordSet set, FieldKey key, const Snapshot& snapshot);

}  // namespace atlas::query::internal
