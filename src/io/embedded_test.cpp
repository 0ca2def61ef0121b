#include "io/embedded.hpp"

#include <algorithm>
#include <fstream>
#include <sstream>

#include <gtest/gtest.h>

#include "io/dataset_writer.hpp"
#include "io/internal/test_support.hpp"

namespace atlas::io {
namespace {

using testing::messages;
using testing::TempDir;

bool embedded(std::string_view name) {
  return std::ranges::any_of(embedded_files(), [&](const EmbeddedFile& f) { return f.name == name; });
}

TEST(EmbeddedDataset, HoldsThePlanFileAndTheMeizhouTables) {
  EXPECT_TRUE(embedded("data/plans/meizhou-autoparts-2021-2025.toml"));
  EXPECT_TRUE(embedded("data/meizhou/enterprises.csv"));
  EXPECT_TRUE(embedded("data/meizhou/observations.csv"));
}

TEST(EmbeddedDataset, MatchesTheDataFilesOnDisk) {
  // Fails when data/ changed but the build did not regenerate the embedded copy.
  for (const EmbeddedFile& file : embedded_files()) {
    std::ifstream in(std::filesystem::path(ATLAS_SOURCE_DIR) / file.name, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    EXPECT_TRUE(text.str() == file.bytes) << file.name;
  }
}

TEST(EmbeddedDataset, ParsesWithoutErrors) {
  auto result = read_embedded_dataset();
  ASSERT_TRUE(result.has_value()) << ::testing::PrintToString(messages(result));
  EXPECT_FALSE(result->data.plan.id.empty());
  EXPECT_FALSE(result->data.enterprises.empty());
  EXPECT_FALSE(result->data.targets.empty());
}

TEST(EmbeddedDataset, RoundTripsThroughWriteAndRead) {
  auto original = read_embedded_dataset();
  ASSERT_TRUE(original.has_value()) << ::testing::PrintToString(messages(original));
  TempDir dir;
  ASSERT_TRUE(write_dataset(original->data, dir.path()));
  const std::vector<std::filesystem::path> paths = {dir.path()};
  auto again = read_dataset(paths);
  ASSERT_TRUE(again.has_value()) << ::testing::PrintToString(messages(again));
  EXPECT_TRUE(again->data == original->data);
}

}  // namespace
}  // namespace atlas::io
