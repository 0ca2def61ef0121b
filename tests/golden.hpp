// Golden-file comparison shared by the integration tests: compare `actual` with the file at `path`,
// or rewrite the file when ATLAS_UPDATE_GOLDEN is set (then review the diff before committing).
#pragma once

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>

#include <gtest/gtest.h>

namespace atlas::testing {

inline void expect_golden_file(const std::string& path, const std::string& actual,
                               const std::string& what = {}) {
  if (std::getenv("ATLAS_UPDATE_GOLDEN") != nullptr) {
    std::ofstream(path, std::ios::binary) << actual;
    return;
  }
  std::ifstream in(path, std::ios::binary);
  ASSERT_TRUE(in.good()) << "missing golden file " << path << " (run with ATLAS_UPDATE_GOLDEN=1)";
  std::stringstream expected;
  expected << in.rdbuf();
  EXPECT_EQ(actual, expected.str()) << what << " differs from golden file " << path;
}

}  // namespace atlas::testing
