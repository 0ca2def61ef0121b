#include "io/internal/csv_table.hpp"

#include <string>

#include <gtest/gtest.h>

#include "io/internal/test_support.hpp"

namespace atlas::io::internal {
namespace {

using testing::Inputs;
using testing::messages;

constexpr std::size_t kRows = 300'000;  // about 10 MB: large enough to be parsed in slices

std::string observation_row(std::size_t i) {
  return "e" + std::to_string(i / 60) + ",output_value," + std::to_string(2000 + (i % 60) / 12) + "-" +
         (i % 12 < 9 ? "0" : "") + std::to_string(i % 12 + 1) + "," + std::to_string(i % 997 + 1) +
         "万,,stats\n";
}

std::string many_observations(std::size_t bad_row) {
  std::string text = "enterprise,metric,period,value,published,provenance\n";
  for (std::size_t i = 0; i < kRows; ++i)
    text += i == bad_row ? "e0,output_value,2020,oops,,stats\n" : observation_row(i);
  return text;
}

TEST(CsvTable, CutsLargeInputsAtLineStarts) {
  const std::string body = "aa\nbbbb\ncc\ndddddd\n";
  EXPECT_EQ(split_points(body, 1), (std::vector<std::size_t>{0, body.size()}));
  EXPECT_EQ(split_points(body, 2), (std::vector<std::size_t>{0, 11, body.size()}));
  EXPECT_EQ(split_points("no newline", 3), (std::vector<std::size_t>{0, 10}));
}

TEST(CsvTable, ParsesLargeInputsInSlicesInFileOrder) {
  const std::string text = many_observations(kRows - 10);
  ASSERT_GT(parallel_parts(text), std::thread::hardware_concurrency() > 1 ? 1U : 0U);
  Inputs in{{"observations.csv", text}};
  ReadOptions options;
  options.mode = ImportMode::kSkipInvalid;
  auto result = in.read(options);
  ASSERT_TRUE(result) << ::testing::PrintToString(messages(result));
  ASSERT_EQ(result->data.observations.size(), kRows - 1);
  EXPECT_EQ(result->data.observations[kRows / 2].enterprise, "e" + std::to_string(kRows / 2 / 60));
  ASSERT_EQ(result->rejected.size(), 1U);
  EXPECT_EQ(result->rejected[0].where.line, kRows - 10 + 2);  // header, then 1-based rows
  EXPECT_TRUE(result->rejected[0].errors[0].to_string().starts_with(
      "observations.csv:" + std::to_string(kRows - 8) + ":4: value: "));
}

TEST(CsvTable, ReadsAQuotedFieldThatSpansTheCut) {
  // One huge multi-line cell in the middle: the cut lands inside quotes, the slices are redone
  // as one, and every row and line number comes out as in a sequential read.
  std::string text = "enterprise,metric,period,value,published,provenance\n";
  for (std::size_t i = 0; i < kRows / 2; ++i)
    text += observation_row(i);
  std::string cell;
  for (int i = 0; i < 200'000; ++i)
    cell += "line\n";
  text += "big,output_value,2020,1亿,,\"" + cell + "\"\n";
  for (std::size_t i = kRows / 2; i < kRows; ++i)
    text += i == kRows - 1 ? "last,output_value,2020,x,,s\n" : observation_row(i);
  Inputs in{{"observations.csv", text}};
  const std::vector<std::string> m = messages(in.read());
  ASSERT_EQ(m.size(), 1U);
  EXPECT_TRUE(m[0].starts_with("observations.csv:" + std::to_string(kRows + 2 + 200'000) + ":4: value: "))
      << m[0];
}

}  // namespace
}  // namespace atlas::io::internal
