#include "cli/table.hpp"

#include <gtest/gtest.h>

namespace atlas::cli {
namespace {

TEST(DisplayWidth, CountsChineseCharactersAsTwoCells) {
  EXPECT_EQ(display_width("abc"), 3u);
  EXPECT_EQ(display_width("产值"), 4u);
  EXPECT_EQ(display_width("27.19亿"), 7u);
  EXPECT_EQ(display_width("（2021—2025年）"), 2u + 8u + 1u + 2u + 2u);  // — is narrow
}

TEST(FormatTable, AlignsColumnsOfMixedScripts) {
  const auto text = format_table({{"目标", "值"}, {"total", "100亿"}, {"园区总产值", "5"}}, {false, true});
  EXPECT_EQ(text,
            "目标           值\n"
            "total       100亿\n"
            "园区总产值      5\n");
}

}  // namespace
}  // namespace atlas::cli
