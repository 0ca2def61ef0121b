#include "server/internal/gzip.hpp"

#include <string>

#include <gtest/gtest.h>
#include <zlib.h>

namespace atlas::server::internal {
namespace {

std::string gunzip(const std::string& data) {
  z_stream z{};
  EXPECT_EQ(inflateInit2(&z, 15 + 16), Z_OK);
  std::string out(1 << 20, '\0');
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  z.avail_in = static_cast<uInt>(data.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(out.size());
  EXPECT_EQ(inflate(&z, Z_FINISH), Z_STREAM_END);
  out.resize(z.total_out);
  inflateEnd(&z);
  return out;
}

TEST(Gzip, WritesAGzipMemberThatInflatesToTheInput) {
  std::string json = "[";
  for (int i = 0; i < 2000; ++i)
    json += R"({"id":"enterprise-)" + std::to_string(i) + R"(","name":"梅州市某汽车零部件有限公司"},)";
  json += "{}]";
  const auto packed = gzip(json);
  ASSERT_TRUE(packed);
  ASSERT_GE(packed->size(), 2u);
  EXPECT_EQ(static_cast<unsigned char>((*packed)[0]), 0x1f);  // the gzip magic
  EXPECT_EQ(static_cast<unsigned char>((*packed)[1]), 0x8b);
  EXPECT_LT(packed->size() * 10, json.size());
  EXPECT_EQ(gunzip(*packed), json);
}

TEST(Gzip, HandlesEmptyAndIncompressibleInput) {
  const auto empty = gzip("");
  ASSERT_TRUE(empty);
  EXPECT_EQ(gunzip(*empty), "");
  std::string noise;
  unsigned x = 12345;
  for (int i = 0; i < 5000; ++i) {
    x = x * 1103515245u + 12345u;
    noise += static_cast<char>(x >> 24);
  }
  const auto packed = gzip(noise);
  ASSERT_TRUE(packed);
  EXPECT_EQ(gunzip(*packed), noise);
}

}  // namespace
}  // namespace atlas::server::internal
