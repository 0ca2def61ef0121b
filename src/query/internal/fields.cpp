#include "query/internal/fields.hpp"

#include <algorithm>
#include <array>

namespace atlas::query::internal {
namespace {

using enum FieldKey;
using T = FieldType;

constexpr std::array kEnterpriseFields{
    FieldSpec{"id", kId, T::kReference},
    FieldSpec{"name", kName, T::kText},
    FieldSpec{"county", kCounty, T::kReference},
    FieldSpec{"zone", kZone, T::kReference},
    FieldSpec{"segment", kSegment, T::kEnum},
    FieldSpec{"above_size", kAboveSize, T::kBool},
    FieldSpec{"high_tech", kHighTech, T::kBool},
    FieldSpec{"class", kClass, T::kTaxonomy},
    FieldSpec{"subsystem", kSubsystem, T::kTaxonomy},
    FieldSpec{"category", kCategory, T::kTaxonomy},
    FieldSpec{"group", kGroup, T::kReference},
};
constexpr std::array kProjectFields{
    FieldSpec{"id", kId, T::kReference},
    FieldSpec{"type", kType, T::kEnum},
    FieldSpec{"zone", kZone, T::kReference},
    FieldSpec{"county", kCounty, T::kReference},
    FieldSpec{"sponsor", kSponsor, T::kReference},
    FieldSpec{"investment", kInvestment, T::kAmount},
    FieldSpec{"expected_output", kExpectedOutput, T::kAmount},
    FieldSpec{"signed", kSigned, T::kDate},
    FieldSpec{"started", kStarted, T::kDate},
    FieldSpec{"commissioned", kCommissioned, T::kDate},
    FieldSpec{"full_production", kFullProduction, T::kDate},
};
constexpr std::array kCarrierFields{
    FieldSpec{"id", kId, T::kText},
    FieldSpec{"kind", kKind, T::kEnum},
    FieldSpec{"level", kLevel, T::kOrdered},
    FieldSpec{"enterprise", kEnterprise, T::kReference},
    FieldSpec{"recognized", kRecognized, T::kDate},
};
constexpr std::array kSupplierEntryFields{
    FieldSpec{"id", kId, T::kText},           FieldSpec{"enterprise", kEnterprise, T::kReference},
    FieldSpec{"class", kClass, T::kTaxonomy}, FieldSpec{"oem", kOem, T::kText},
    FieldSpec{"tier", kTier, T::kCount},      FieldSpec{"entered", kEntered, T::kDate},
};
constexpr std::array kCandidateFields{
    FieldSpec{"id", kId, T::kText},
    FieldSpec{"kind", kKind, T::kEnum},
    FieldSpec{"chain", kChain, T::kReference},
    FieldSpec{"link", kLink, T::kReference},
    FieldSpec{"region", kRegion, T::kText},
};

// The words of the plan's vocabulary of `kind`, in code order (declared, then used undeclared).
std::vector<std::string_view> words_of(const Snapshot& snapshot, VocabularyKind kind) {
  std::vector<std::string_view> words;
  for (const TermRecord& t : snapshot.vocabulary(kind))
    words.emplace_back(t.id);
  return words;
}

template <class Enum, std::size_t N>
std::vector<std::string_view> words_of_enum() {
  std::vector<std::string_view> words;
  for (std::size_t i = 0; i < N; ++i)
    words.emplace_back(to_string(static_cast<Enum>(i)));
  return words;
}

}  // namespace

std::span<const FieldSpec> static_fields(RecordSet set) {
  switch (set) {
    case RecordSet::kEnterprises:
      return kEnterpriseFields;
    case RecordSet::kProjects:
      return kProjectFields;
    case RecordSet::kCarriers:
      return kCarrierFields;
    case RecordSet::kSupplierEntries:
      return kSupplierEntryFields;
    case RecordSet::kCandidates:
      return kCandidateFields;
  }
  return {};
}

std::optional<ResolvedField> find_field(RecordSet set, std::string_view name, const Snapshot& snapshot) {
  for (const auto& spec : static_fields(set)) {
    if (spec.name == name) return ResolvedField{spec, MetricId::none()};
  }
  if (set != RecordSet::kEnterprises) return std::nullopt;
  auto metric = snapshot.find_metric(name);
  if (!metric) return std::nullopt;
  const auto& record = snapshot.metrics[metric->value];
  const FieldType type = record.unit == MetricUnit::kYuan ? FieldType::kAmount : FieldType::kCount;
  return ResolvedField{FieldSpec{record.id, FieldKey::kMetric, type}, *metric};
}

std::vector<std::string_view> field_names(RecordSet set, const Snapshot& snapshot) {
  std::vector<std::string_view> names;
  for (const auto& spec : static_fields(set))
    names.push_back(spec.name);
  if (set == RecordSet::kEnterprises) {
    for (const auto& m : snapshot.metrics)
      names.push_back(m.id);
  }
  return names;
}

std::vector<std::string_view> enum_words(RecordSet set, FieldKey key, const Snapshot& snapshot) {
  switch (key) {
    case FieldKey::kSegment:
      return words_of(snapshot, VocabularyKind::kSegment);
    case FieldKey::kType:
      return words_of(snapshot, VocabularyKind::kProjectType);
    case FieldKey::kLevel:
      return words_of_enum<CarrierLevel, 3>();
    case FieldKey::kKind:
      break;
    default:
      return {};
  }
  if (set == RecordSet::kCarriers) return words_of(snapshot, VocabularyKind::kCarrierKind);
  if (set == RecordSet::kCandidates) return words_of(snapshot, VocabularyKind::kCandidateKind);
  return {};
}

}  // namespace atlas::query::internal
