#include "io/dataset_writer.hpp"

#include <fstream>
#include <sstream>

#include <gtest/gtest.h>

#include "io/dataset_reader.hpp"
#include "io/internal/test_support.hpp"

namespace atlas::io {
namespace {

using testing::fixture;
using testing::messages;
using testing::slurp;
using testing::TempDir;

Dataset read_dir(const std::filesystem::path& dir) {
  const std::vector<std::filesystem::path> paths = {dir};
  auto result = read_dataset(paths);
  EXPECT_TRUE(result.has_value()) << ::testing::PrintToString(messages(result));
  return result ? std::move(result->data) : Dataset{};
}

TEST(DatasetWriter, ReadingWhatItWroteGivesTheSameDataset) {
  const Dataset original = read_dir(fixture("small"));
  ASSERT_FALSE(original.enterprises.empty());
  TempDir dir;
  ASSERT_TRUE(write_dataset(original, dir.path()));
  EXPECT_EQ(read_dir(dir.path()), original);
}

// A plan that totals another metric than output_value says so in the plan file it is written to.
TEST(DatasetWriter, WritesThePlansOutputMetric) {
  Dataset original = read_dir(fixture("small"));
  original.metrics.push_back({"revenue", {"营业收入", "Operating revenue"}, MetricUnit::kYuan, "sample"});
  original.plan.output_metric = "revenue";
  TempDir dir;
  ASSERT_TRUE(write_dataset(original, dir.path()));
  EXPECT_NE(slurp(dir.path() / "plans" / "test-plan.toml").find("output_metric = \"revenue\"\n"),
            std::string::npos);
  EXPECT_EQ(read_dir(dir.path()), original);
}

TEST(DatasetWriter, WritesThePlanUnderPlansAndEveryTableBesideIt) {
  TempDir dir;
  ASSERT_TRUE(write_dataset(read_dir(fixture("small")), dir.path()));
  EXPECT_TRUE(std::filesystem::is_regular_file(dir.path() / "plans/test-plan.toml"));
  for (std::string_view name : table_file_names()) {
    EXPECT_TRUE(std::filesystem::is_regular_file(dir.path() / name)) << name;
  }
  std::size_t files = 0;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(dir.path())) {
    files += entry.is_regular_file() ? 1 : 0;
    EXPECT_EQ(entry.path().string().find(".tmp-"), std::string::npos) << entry.path();
  }
  EXPECT_EQ(files, table_file_names().size() + 1);
}

TEST(DatasetWriter, WritesYuanInThePlansUnitsAndCountsAsIntegers) {
  TempDir dir;
  ASSERT_TRUE(write_dataset(read_dir(fixture("small")), dir.path()));
  const std::string observations = slurp(dir.path() / "observations.csv");
  EXPECT_EQ(observations,
            "enterprise,metric,period,value,published,provenance\n"
            "axle-co,output_value,2020,19.87亿,,plan §3(1)2\n"
            "axle-co,output_value,2021-01~02,30649万,2021-03-20,sample\n"
            "axle-co,employees,2021,850,,sample\n"
            "drum-co,output_value,2021-03,1234.5万,,sample\n");
}

TEST(DatasetWriter, QuotesCellsThatNeedItAndJoinsLists) {
  const Dataset d = read_dir(fixture("small"));
  auto text = write_table(d, "enterprises.csv");
  ASSERT_TRUE(text);
  EXPECT_NE(text->find(
                "\n"
                "axle-co,91441400MA4UJ1234Y,梅州车轴有限公司,\"Meizhou Axle Co., Ltd.\",meixian,trailer-belt,"
                "trailer,true,true,axle;brake-drum,casting;machining,IATF 16949,\"BPW;\"\"Big\"\" OEM\",850,,"
                "sample,false,,,\n"),
            std::string::npos)
      << *text;
}

TEST(DatasetWriter, RoundTripsAwkwardText) {
  Dataset d;
  CountyRecord& c = d.counties.emplace_back();
  c.id = "x";
  c.adcode = "441400";
  c.name = Names{"梅州, \"市\"", "Line one\nline two"};
  c.provenance = "user: a,b";
  MetricRecord& m = d.metrics.emplace_back();
  m.id = "energy";
  m.name.zh = "能耗";
  m.unit = MetricUnit::kTce;
  m.provenance = "sample";
  TempDir dir;
  ASSERT_TRUE(write_dataset(d, dir.path()));
  EXPECT_FALSE(std::filesystem::exists(dir.path() / "plans"));  // no plan part, no plan file
  EXPECT_EQ(read_dir(dir.path()), d);
}

TEST(DatasetWriter, ReplacesAnExistingFileWhole) {
  TempDir dir;
  std::ofstream(dir.path() / "counties.csv") << "stale";
  ASSERT_TRUE(write_dataset(Dataset{}, dir.path()));
  EXPECT_EQ(slurp(dir.path() / "counties.csv"), "id,adcode,name_zh,name_en,provenance\n");
}

TEST(DatasetWriter, ReportsAFolderItCannotCreate) {
  TempDir dir;
  std::ofstream(dir.path() / "file") << "x";
  auto written = write_dataset(Dataset{}, dir.path() / "file" / "sub");
  ASSERT_FALSE(written);
  EXPECT_EQ(written.error().code, ErrorCode::kIo);
}

TEST(DatasetWriter, RejectsAnUnknownTableName) {
  auto text = write_table(Dataset{}, "zones.csv");
  ASSERT_FALSE(text);
  EXPECT_EQ(text.error().code, ErrorCode::kInvalidArgument);
}

TEST(DatasetWriter, RoundTripsSupplyEdges) {
  Dataset original = read_dir(fixture("small"));
  ASSERT_GE(original.enterprises.size(), 2U);
  ASSERT_FALSE(original.taxonomy.empty());
  const std::string& a = original.enterprises[0].id;
  const std::string& b = original.enterprises[1].id;
  original.supply_edges = {
      {a, b, original.taxonomy[0].code, Date{2021, 6, 0, DatePrecision::kMonth}, "sample"},
      {b, a, "", std::nullopt, "statistics: survey, 2024"}};
  TempDir dir;
  ASSERT_TRUE(write_dataset(original, dir.path()));
  EXPECT_NE(slurp(dir.path() / "supply_edges.csv").find("supplier,customer,class,since,provenance\n"),
            std::string::npos);
  EXPECT_EQ(read_dir(dir.path()).supply_edges, original.supply_edges);
  EXPECT_EQ(read_dir(dir.path()), original);
}

}  // namespace
}  // namespace atlas::io
