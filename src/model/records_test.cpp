#include "model/records.hpp"

#include <string>
#include <utility>
#include <vector>

#include <gtest/gtest.h>

namespace atlas {
namespace {

// Every enumerator with its data-file word (docs/formats.md), and the parse/print pair under test.
template <class Enum>
void expect_words(const std::vector<std::pair<Enum, std::string>>& words,
                  std::optional<Enum> (*parse)(std::string_view)) {
  for (const auto& [value, word] : words) {
    EXPECT_EQ(std::string(to_string(value)), word);
    EXPECT_EQ(parse(word), value) << word;
  }
}

TEST(EnumWords, MatchTheDataFormats) {
  expect_words<VocabularyKind>({{VocabularyKind::kSegment, "segment"},
                                {VocabularyKind::kZoneKind, "zone_kind"},
                                {VocabularyKind::kProjectType, "project_type"},
                                {VocabularyKind::kCarrierKind, "carrier_kind"},
                                {VocabularyKind::kCandidateKind, "candidate_kind"}},
                               parse_vocabulary_kind);
  expect_words<MilestoneKind>({{MilestoneKind::kSigned, "signed"},
                               {MilestoneKind::kStarted, "started"},
                               {MilestoneKind::kCommissioned, "commissioned"},
                               {MilestoneKind::kFullProduction, "full-production"},
                               {MilestoneKind::kPhase, "phase"}},
                              parse_milestone_kind);
  expect_words<CarrierLevel>({{CarrierLevel::kMunicipal, "municipal"},
                              {CarrierLevel::kProvincial, "provincial"},
                              {CarrierLevel::kNational, "national"}},
                             parse_carrier_level);
  expect_words<TaxonomyLevel>({{TaxonomyLevel::kCategory, "category"},
                               {TaxonomyLevel::kSubsystem, "subsystem"},
                               {TaxonomyLevel::kClass, "class"}},
                              parse_taxonomy_level);
  expect_words<MetricUnit>(
      {{MetricUnit::kYuan, "yuan"}, {MetricUnit::kCount, "count"}, {MetricUnit::kTce, "tce"}},
      parse_metric_unit);
  expect_words<FactQualifier>({{FactQualifier::kExact, "exact"},
                               {FactQualifier::kAbout, "about"},
                               {FactQualifier::kOver, "over"},
                               {FactQualifier::kAtLeast, "at-least"}},
                              parse_fact_qualifier);
  expect_words<TargetUnit>({{TargetUnit::kYuan, "yuan"}, {TargetUnit::kCount, "count"}}, parse_target_unit);
}

TEST(FactUnit, IsTheStatedUnitElseYuanForAnAmountWrittenInChineseElseACount) {
  FactRecord f;
  f.value = "2613.70亿";
  EXPECT_EQ(fact_unit(f), "yuan");
  f.value = "5000万元";
  EXPECT_EQ(fact_unit(f), "yuan");
  f.value = "15";
  EXPECT_EQ(fact_unit(f), "count");
  f.unit = "percent";
  EXPECT_EQ(fact_unit(f), "percent");
}

TEST(EnumWords, ParseReturnsNothingForAnUnknownWord) {
  EXPECT_EQ(parse_vocabulary_kind("Segment"), std::nullopt);
  EXPECT_EQ(parse_vocabulary_kind(""), std::nullopt);
  EXPECT_EQ(parse_vocabulary_kind("zone-kind"), std::nullopt);
  EXPECT_EQ(parse_milestone_kind("full_production"), std::nullopt);
  EXPECT_EQ(parse_carrier_level("county"), std::nullopt);
  EXPECT_EQ(parse_taxonomy_level("product"), std::nullopt);
  EXPECT_EQ(parse_metric_unit("percent"), std::nullopt);
  EXPECT_EQ(parse_fact_qualifier("at least"), std::nullopt);
  EXPECT_EQ(parse_target_unit("tce"), std::nullopt);
}

TEST(EnumWords, CarrierLevelsAreOrderedFromMunicipalToNational) {
  EXPECT_LT(*parse_carrier_level("municipal"), *parse_carrier_level("provincial"));
  EXPECT_LT(*parse_carrier_level("provincial"), *parse_carrier_level("national"));
}

}  // namespace
}  // namespace atlas
