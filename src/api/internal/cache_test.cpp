#include "api/internal/cache.hpp"

#include <string>

#include <gtest/gtest.h>

namespace atlas::api::internal {
namespace {

Response body(std::string text) {
  Response r;
  r.body = std::move(text);
  return r;
}

TEST(ResponseCache, FindsWhatWasInsertedUnderTheSameVersion) {
  ResponseCache cache(64);
  cache.insert(1, "GET /a", body("a"));
  ASSERT_TRUE(cache.find(1, "GET /a").has_value());
  EXPECT_EQ(cache.find(1, "GET /a")->body, "a");
  EXPECT_FALSE(cache.find(1, "GET /b").has_value());
}

TEST(ResponseCache, DropsEntriesWhenTheVersionChanges) {
  ResponseCache cache(64);
  for (int i = 0; i < 20; ++i)
    cache.insert(1, "GET /" + std::to_string(i), body("x"));
  EXPECT_EQ(cache.size(), 20U);
  for (int i = 0; i < 20; ++i)
    EXPECT_FALSE(cache.find(2, "GET /" + std::to_string(i)).has_value());
  EXPECT_EQ(cache.size(), 0U);
  cache.insert(1, "GET /late", body("old"));  // a slow request of the old snapshot
  EXPECT_FALSE(cache.find(2, "GET /late").has_value());
}

TEST(ResponseCache, HoldsAtMostItsCapacity) {
  ResponseCache cache(32);
  for (int i = 0; i < 1000; ++i)
    cache.insert(1, "GET /" + std::to_string(i), body("x"));
  EXPECT_LE(cache.size(), 32U);
  EXPECT_GT(cache.size(), 0U);
}

TEST(ResponseCache, ZeroCapacityKeepsNothing) {
  ResponseCache cache(0);
  cache.insert(1, "GET /a", body("a"));
  EXPECT_FALSE(cache.find(1, "GET /a").has_value());
}

TEST(ContentHash, DiffersForDifferentBytes) {
  EXPECT_NE(content_hash("a"), content_hash("b"));
  EXPECT_EQ(content_hash("abc"), content_hash("abc"));
}

}  // namespace
}  // namespace atlas::api::internal
