#include "query/internal/suggest.hpp"

#include <array>

#include <gtest/gtest.h>

namespace atlas::query::internal {
namespace {

TEST(EditDistance, CountsInsertionsDeletionsAndSubstitutions) {
  EXPECT_EQ(edit_distance("segmnt", "segment"), 1u);
  EXPECT_EQ(edit_distance("segment", "segment"), 0u);
  EXPECT_EQ(edit_distance("enterprize", "enterprises"), 2u);
  EXPECT_EQ(edit_distance("", "abc"), 3u);
}

TEST(EditDistance, CountsASwapOfNeighboursAsOneEdit) {
  EXPECT_EQ(edit_distance("provinical", "provincial"), 1u);
}

TEST(EditDistance, CountsChineseCharactersAsOneEditEach) {
  EXPECT_EQ(edit_distance("产值", "产量"), 1u);
}

TEST(Suggester, PicksTheClosestCandidateWithinReach) {
  Suggester s("segmnt");
  const std::array<std::string_view, 4> fields{"county", "segment", "zone", "sample"};
  s.consider_all(fields);
  ASSERT_TRUE(s.best().has_value());
  EXPECT_EQ(*s.best(), "segment");
  EXPECT_EQ(s.hint(), " — did you mean \"segment\"?");
}

TEST(Suggester, SuggestsNothingWhenEveryCandidateIsFar) {
  Suggester s("xyz");
  s.consider("output_value");
  s.consider("segment");
  EXPECT_FALSE(s.best().has_value());
  EXPECT_EQ(s.hint(), "");
}

}  // namespace
}  // namespace atlas::query::internal
