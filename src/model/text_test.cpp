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

TEST(ApproximateSubstringDistance, FindsATypoInsideALongerName) {
  EXPECT_EQ(approximate_substring_distance("嘉元科技", "广东嘉元科技股份有限公司", 1), 0u);
  EXPECT_EQ(approximate_substring_distance("嘉园科技", "广东嘉元科技股份有限公司", 1), 1u);
  EXPECT_EQ(approximate_substring_distance("bpx", "BPW（梅州）车轴有限公司", 1), 1u);
  EXPECT_EQ(approximate_substring_distance("卡来梅州", "卡莱（梅州）橡胶制品有限公司", 2), 2u);
  EXPECT_EQ(approximate_substring_distance("嘉园科技", "梅州伟友耐磨材料有限公司", 1), std::nullopt);
}

TEST(ApproximateSubstringDistance, RefusesTextsAboveTheSizeLimit) {
  const std::string huge(kMaxApproximateText + 1, 'a');
  EXPECT_EQ(approximate_substring_distance("a", huge, 5), std::nullopt);
  EXPECT_EQ(approximate_substring_distance(huge, "a", 5000), std::nullopt);
  EXPECT_EQ(approximate_substring_distance("", "abc", 0), 0u);
}

TEST(CheckInputText, AcceptsUnicodeTabsAndLineBreaks) {
  EXPECT_FALSE(check_input_text("梅州市 \"汽车\", 零部件"));
  EXPECT_FALSE(check_input_text("line one\nline two\r\nline three\tend"));
  EXPECT_FALSE(check_input_text("emoji 🚗 and U+00A0\u00a0"));
  EXPECT_FALSE(check_input_text(""));
}

TEST(CheckInputText, RefusesInvalidUtf8AtItsByte) {
  const auto fault = check_input_text(
      "ab\xFF"
      "cd");
  ASSERT_TRUE(fault);
  EXPECT_EQ(fault->offset, 2u);
  EXPECT_EQ(fault->character, 2u);
  EXPECT_EQ(fault->reason, "invalid UTF-8 byte \\xFF");
  // Column counts code points: the bad byte after two CJK characters is the third character.
  const auto after_cjk = check_input_text("梅州\xC0\x80");  // an overlong NUL
  ASSERT_TRUE(after_cjk);
  EXPECT_EQ(after_cjk->offset, 6u);
  EXPECT_EQ(after_cjk->character, 2u);
  EXPECT_TRUE(check_input_text("\xED\xA0\x80"));      // a UTF-16 surrogate
  EXPECT_TRUE(check_input_text("\xF4\x90\x80\x80"));  // above U+10FFFF
  EXPECT_TRUE(check_input_text("\xE6\xA2"));          // cut short
}

TEST(CheckInputText, RefusesControlCharacters) {
  const auto esc = check_input_text("red \x1b[31m");
  ASSERT_TRUE(esc);
  EXPECT_EQ(esc->offset, 4u);
  EXPECT_EQ(esc->reason, "control character U+001B is not allowed");
  EXPECT_TRUE(check_input_text(std::string_view("a\0b", 3)));
  EXPECT_TRUE(check_input_text("a\x7f"));          // DEL
  EXPECT_TRUE(check_input_text("a\xC2\x85"));      // C1 NEL
  EXPECT_TRUE(check_input_text("overwrite\rme"));  // a lone CR rewrites a terminal line
}

TEST(EchoSafe, EscapesControlsAndBadBytesOnly) {
  EXPECT_EQ(echo_safe("梅州 \"quoted\" \\ ok"), "梅州 \"quoted\" \\ ok");
  EXPECT_EQ(echo_safe("a\x1b[31mb"), "a\\u{1B}[31mb");
  EXPECT_EQ(echo_safe(std::string_view("nul\0", 4)), "nul\\u{0}");
  EXPECT_EQ(echo_safe("bad\xFF\xFE"), "bad\\xFF\\xFE");
  EXPECT_EQ(echo_safe("tab\tline\ncr\r"), "tab\\tline\\ncr\\r");
  EXPECT_EQ(echo_safe("c1\xC2\x9B"), "c1\\u{9B}");
  EXPECT_FALSE(check_input_text(echo_safe("\x1b\xFF\x7f")));
}

}  // namespace
}  // namespace atlas
