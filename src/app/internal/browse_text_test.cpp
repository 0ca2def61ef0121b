#include "app/internal/browse_text.hpp"

#include <gtest/gtest.h>

namespace atlas::app::internal {
namespace {

TEST(TextMatcher, FindsAsciiCaseInsensitively) {
  const TextMatcher m("Axle Co");
  EXPECT_TRUE(m.matches("BPW (Meizhou) AXLE CO., Ltd."));
  EXPECT_TRUE(m.matches("axle co"));
  EXPECT_FALSE(m.matches("Axle"));
  EXPECT_FALSE(m.matches("Axel Co"));
}

TEST(TextMatcher, FindsChineseBytesExactly) {
  const TextMatcher m("车轴");
  EXPECT_TRUE(m.matches("BPW（梅州）车轴有限公司"));
  EXPECT_FALSE(m.matches("盘式车"));
  EXPECT_TRUE(TextMatcher("").matches("anything"));
}

TEST(TextMatcher, ShiftsPastRepeatedPrefixes) {
  EXPECT_TRUE(TextMatcher("aab").matches("aaaab"));
  EXPECT_TRUE(TextMatcher("abcab").matches("abcabdabcab"));
  EXPECT_FALSE(TextMatcher("abcabe").matches("abcabdabcab"));
}

TEST(Suggester, KeepsTheClosestCandidateWithinTheLimit) {
  Suggester s("meixain");
  s.consider("meijiang");
  s.consider("meixian");
  s.consider("dabu");
  EXPECT_EQ(s.hint(), " (did you mean \"meixian\"?)");
  Suggester far("zzzz");
  far.consider("meixian");
  EXPECT_EQ(far.hint(), "");
}

}  // namespace
}  // namespace atlas::app::internal
