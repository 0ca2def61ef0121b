#include "model/text.hpp"

#include <gtest/gtest.h>

namespace atlas {
namespace {

TEST(EditDistance, CountsOneForEachTypoKind) {
  EXPECT_EQ(edit_distance("segmnt", "segment"), 1u);  // a letter left out
  EXPECT_EQ(edit_distance("segmennt", "segment"), 1u);
  EXPECT_EQ(edit_distance("sgement", "segment"), 1u);  // two letters swapped
  EXPECT_EQ(edit_distance("segmant", "segment"), 1u);
  EXPECT_EQ(edit_distance("", "abc"), 3u);
  EXPECT_EQ(edit_distance("same", "same"), 0u);
}

TEST(EditDistance, CountsChineseCharactersNotBytes) {
  EXPECT_EQ(edit_distance("产值", "产量"), 1u);
  EXPECT_EQ(edit_distance("梅县区", "梅江区"), 1u);
  EXPECT_EQ(character_count("梅县区"), 3u);
}

}  // namespace
}  // namespace atlas
