#include "model/provenance.hpp"

#include <gtest/gtest.h>

namespace atlas {
namespace {

TEST(ProvenanceKind, ClassifiesEachDocumentedPrefix) {
  EXPECT_EQ(provenance_kind("plan §3(1)2"), ProvenanceKind::kPlan);
  EXPECT_EQ(provenance_kind("public: 梅州日报 2021-07-02"), ProvenanceKind::kPublic);
  EXPECT_EQ(provenance_kind("stats: 规上工业企业月报"), ProvenanceKind::kStatistics);
  EXPECT_EQ(provenance_kind("user: li.wei"), ProvenanceKind::kUser);
  EXPECT_EQ(provenance_kind("sample"), ProvenanceKind::kSample);
  EXPECT_EQ(provenance_kind("sample: generated enterprise"), ProvenanceKind::kSample);
}

TEST(ProvenanceKind, IgnoresLeadingSpaces) {
  EXPECT_EQ(provenance_kind("   sample"), ProvenanceKind::kSample);
  EXPECT_EQ(provenance_kind(" plan §4"), ProvenanceKind::kPlan);
}

TEST(ProvenanceKind, IsCaseSensitive) {
  EXPECT_EQ(provenance_kind("Sample"), ProvenanceKind::kOther);
  EXPECT_EQ(provenance_kind("PLAN §4"), ProvenanceKind::kOther);
}

TEST(ProvenanceKind, CallsAnythingElseOther) {
  EXPECT_EQ(provenance_kind(""), ProvenanceKind::kOther);
  EXPECT_EQ(provenance_kind("   "), ProvenanceKind::kOther);
  EXPECT_EQ(provenance_kind("news"), ProvenanceKind::kOther);
  EXPECT_EQ(provenance_kind("a sample"), ProvenanceKind::kOther);
  EXPECT_EQ(provenance_kind("\tsample"), ProvenanceKind::kOther);
}

TEST(IsSample, MarksOnlySampleProvenance) {
  EXPECT_TRUE(is_sample("sample"));
  EXPECT_TRUE(is_sample("sample: illustrative"));
  EXPECT_FALSE(is_sample("stats: table 3"));
  EXPECT_FALSE(is_sample(""));
}

}  // namespace
}  // namespace atlas
