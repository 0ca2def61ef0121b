#include "model/records.hpp"

#include <algorithm>
#include <array>
#include <cstddef>
#include <string>

namespace atlas {
namespace {

// The data-file word of each enumerator, in enumerator order.
// The plan-file table of each vocabulary ([[segment]], [[zone_kind]] …), in enumerator order.
constexpr std::array<const char*, kVocabularyKinds> kVocabularyKindWords{
    "segment", "zone_kind", "project_type", "carrier_kind", "candidate_kind"};
constexpr std::array<const char*, 5> kMilestoneKinds{"signed", "started", "commissioned", "full-production",
                                                     "phase"};
constexpr std::array<const char*, 3> kCarrierLevels{"municipal", "provincial", "national"};
constexpr std::array<const char*, 3> kTaxonomyLevels{"category", "subsystem", "class"};
constexpr std::array<const char*, 3> kMetricUnits{"yuan", "count", "tce"};
constexpr std::array<const char*, 4> kFactQualifiers{"exact", "about", "over", "at-least"};
constexpr std::array<const char*, 3> kTargetUnits{"yuan", "count", "percent"};
constexpr std::array<const char*, 2> kMemberKinds{"enterprise", "carrier"};

template <class Enum, std::size_t N>
const char* word_of(const std::array<const char*, N>& words, Enum v) {
  const auto index = static_cast<std::size_t>(v);
  return index < N ? words[index] : "unknown";
}

template <class Enum, std::size_t N>
std::optional<Enum> enum_of(const std::array<const char*, N>& words, std::string_view s) {
  for (std::size_t i = 0; i < N; ++i) {
    if (s == words[i]) return static_cast<Enum>(i);
  }
  return std::nullopt;
}

}  // namespace

const char* to_string(VocabularyKind v) {
  return word_of(kVocabularyKindWords, v);
}
const char* to_string(MilestoneKind v) {
  return word_of(kMilestoneKinds, v);
}
const char* to_string(CarrierLevel v) {
  return word_of(kCarrierLevels, v);
}
const char* to_string(TaxonomyLevel v) {
  return word_of(kTaxonomyLevels, v);
}
const char* to_string(MetricUnit v) {
  return word_of(kMetricUnits, v);
}
const char* unit_phrase(MetricUnit v) {
  switch (v) {
    case MetricUnit::kYuan:
      return "an amount of money";
    case MetricUnit::kCount:
      return "a count";
    case MetricUnit::kTce:
      return "an energy amount (tce)";
  }
  return "a value";
}
const UnitRecord* find_unit(std::span<const UnitRecord> units, std::string_view id) {
  const auto it = std::ranges::find(units, id, &UnitRecord::id);
  return it == units.end() ? nullptr : &*it;
}

std::optional<TargetUnit> unit_measure(std::string_view word, std::span<const UnitRecord> units) {
  if (auto builtin = parse_target_unit(word)) return builtin;
  if (const UnitRecord* declared = find_unit(units, word)) return declared->measure;
  return std::nullopt;
}

std::string_view fact_unit(const FactRecord& fact) {
  if (!fact.unit.empty()) return fact.unit;
  for (std::string_view mark : {"亿", "万", "元"}) {
    if (fact.value.find(mark) != std::string::npos) return "yuan";
  }
  return "count";
}
const char* to_string(FactQualifier v) {
  return word_of(kFactQualifiers, v);
}
const char* to_string(TargetUnit v) {
  return word_of(kTargetUnits, v);
}

const char* to_string(MemberKind v) {
  return word_of(kMemberKinds, v);
}

std::optional<VocabularyKind> parse_vocabulary_kind(std::string_view s) {
  return enum_of<VocabularyKind>(kVocabularyKindWords, s);
}
std::optional<MilestoneKind> parse_milestone_kind(std::string_view s) {
  return enum_of<MilestoneKind>(kMilestoneKinds, s);
}
std::optional<CarrierLevel> parse_carrier_level(std::string_view s) {
  return enum_of<CarrierLevel>(kCarrierLevels, s);
}
std::optional<TaxonomyLevel> parse_taxonomy_level(std::string_view s) {
  return enum_of<TaxonomyLevel>(kTaxonomyLevels, s);
}
std::optional<MetricUnit> parse_metric_unit(std::string_view s) {
  return enum_of<MetricUnit>(kMetricUnits, s);
}
std::optional<FactQualifier> parse_fact_qualifier(std::string_view s) {
  return enum_of<FactQualifier>(kFactQualifiers, s);
}
std::optional<TargetUnit> parse_target_unit(std::string_view s) {
  return enum_of<TargetUnit>(kTargetUnits, s);
}

std::optional<MemberKind> parse_member_kind(std::string_view s) {
  return enum_of<MemberKind>(kMemberKinds, s);
}

}  // namespace atlas
