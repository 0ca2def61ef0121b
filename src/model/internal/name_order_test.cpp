#include "model/internal/name_order.hpp"

#include <string_view>
#include <vector>

#include <gtest/gtest.h>

namespace atlas::internal {
namespace {

TEST(CollationRanks, OrdersChineseNamesByPinyin) {
  // 丰顺 fēng, 广汽 guǎng, 梅州 méi, 云山 yún: byte order would put 丰 (U+4E30) before 云 (U+4E91)
  // before 广 (U+5E7F) before 梅 (U+6885).
  const std::vector<std::string_view> names = {"云山汽车", "梅州广汽华德", "丰顺县培英电声", "广东嘉元科技"};
  const auto rank = collation_ranks(names);
  EXPECT_EQ(rank, (std::vector<std::uint32_t>{3, 2, 0, 1}));
}

TEST(CollationRanks, KeepsTheInputOrderOfEqualNames) {
  // CLDR's zh collation puts Han before Latin.
  const std::vector<std::string_view> names = {"梅州", "BPW", "梅州"};
  EXPECT_EQ(collation_ranks(names), (std::vector<std::uint32_t>{0, 2, 1}));
}

TEST(CollationRanks, HandlesNoNames) {
  EXPECT_TRUE(collation_ranks({}).empty());
}

}  // namespace
}  // namespace atlas::internal
