#include "app/synthetic.hpp"

#include <algorithm>
#include <fstream>
#include <map>
#include <sstream>
#include <vector>

#include <fmt/format.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include "io/dataset_reader.hpp"
#include "model/credit_code.hpp"
#include "model/provenance.hpp"
#include "model/snapshot.hpp"

namespace atlas::app {
namespace {

namespace fs = std::filesystem;

// A fresh directory under the system temp dir, removed when the test ends.
class TempDir {
 public:
  explicit TempDir(std::string_view name)
      : path_(fs::temp_directory_path() / fmt::format("atlas-synthetic-{}-{}", name, ::getpid())) {
    fs::remove_all(path_);
  }
  ~TempDir() { fs::remove_all(path_); }
  [[nodiscard]] const fs::path& path() const { return path_; }

 private:
  fs::path path_;
};

SyntheticSummary generate(const fs::path& dir, std::uint64_t enterprises, std::uint64_t seed = 7) {
  SyntheticOptions options;
  options.enterprises = enterprises;
  options.seed = seed;
  options.out_dir = dir;
  auto summary = generate_synthetic(options);
  EXPECT_TRUE(summary.has_value()) << (summary ? "" : summary.error().to_string());
  return summary.value_or(SyntheticSummary{});
}

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// Every file under `dir`, by path relative to it.
std::map<std::string, std::string> read_tree(const fs::path& dir) {
  std::map<std::string, std::string> files;
  for (const auto& entry : fs::recursive_directory_iterator(dir)) {
    if (entry.is_regular_file()) files[fs::relative(entry.path(), dir).string()] = read_file(entry.path());
  }
  return files;
}

std::uint64_t data_rows(const fs::path& csv) {
  const auto text = read_file(csv);
  return static_cast<std::uint64_t>(std::count(text.begin(), text.end(), '\n')) - 1;  // minus the header
}

io::ReadOutcome read_back(const fs::path& dir) {
  const std::vector<fs::path> paths{dir};
  auto read = io::read_dataset(paths);
  if (!read) {
    for (const auto& e : read.error())
      ADD_FAILURE() << e.to_string();
    return {};
  }
  return std::move(*read);
}

TEST(GenerateSynthetic, SameSeedGivesByteIdenticalFiles) {
  TempDir a("same-a"), b("same-b");
  generate(a.path(), 300, 11);
  generate(b.path(), 300, 11);
  const auto first = read_tree(a.path());
  const auto second = read_tree(b.path());
  EXPECT_EQ(first.size(), 12u);  // the plan and 11 tables
  EXPECT_TRUE(first == second);
}

TEST(GenerateSynthetic, DifferentSeedsGiveDifferentFigures) {
  TempDir a("seed-a"), b("seed-b");
  generate(a.path(), 100, 1);
  generate(b.path(), 100, 2);
  EXPECT_NE(read_file(a.path() / "observations.csv"), read_file(b.path() / "observations.csv"));
}

TEST(GenerateSynthetic, TwoHundredEnterprisesGiveTheExpectedRowCounts) {
  TempDir dir("counts");
  const auto s = generate(dir.path(), 200);
  EXPECT_EQ(s.enterprises, 200u);
  EXPECT_EQ(s.observations, 200u * 5 * 12);  // 5 years × (11 year-to-date outputs + employees)
  EXPECT_EQ(s.counties, 8u);
  EXPECT_EQ(s.taxonomy, 6u + 41 + 910);
  EXPECT_EQ(s.metrics, 2u);
  EXPECT_EQ(s.projects, 20u);
  EXPECT_EQ(s.milestones, 80u);
  EXPECT_EQ(s.targets, 16u);
  const std::vector<std::pair<const char*, std::uint64_t>> files = {
      {"counties.csv", s.counties},
      {"taxonomy.csv", s.taxonomy},
      {"metrics.csv", s.metrics},
      {"enterprises.csv", s.enterprises},
      {"observations.csv", s.observations},
      {"facts.csv", s.facts},
      {"milestones.csv", s.milestones},
      {"carriers.csv", s.carriers},
      {"supplier_entries.csv", s.supplier_entries},
      {"supply_edges.csv", s.supply_edges},
      {"candidates.csv", s.candidates}};
  for (const auto& [file, rows] : files)
    EXPECT_EQ(data_rows(dir.path() / file), rows) << file;
  EXPECT_EQ(fs::relative(s.plan_file, dir.path()), fs::path("plans/synthetic-autoparts-2021-2025.toml"));
}

// A plan of its own: no county, zone, target title or goal of the Meizhou plan; goals grow from
// the generated first year, which amount targets state as their baseline.
TEST(GenerateSynthetic, WritesAPlanOfItsOwn) {
  TempDir dir("own-plan");
  generate(dir.path(), 600);
  auto read = read_back(dir.path());
  const auto& d = read.data;
  for (const CountyRecord& c : d.counties) {
    EXPECT_FALSE(c.adcode.starts_with("4414")) << c.id << " " << c.adcode;  // Meizhou's prefecture
    EXPECT_TRUE(c.name.zh.starts_with("合成县")) << c.name.zh;
  }
  for (const ZoneRecord& z : d.zones)
    EXPECT_EQ(z.name.zh.find("广汽"), std::string::npos) << z.id;
  ASSERT_EQ(d.targets.size(), 16u);
  for (const TargetRecord& t : d.targets) {
    EXPECT_EQ(t.indicator.find("gac-park"), std::string::npos) << t.id;
    EXPECT_NE(t.goal, ">= 100亿") << t.id;
    if (t.unit == TargetUnit::kYuan) {
      ASSERT_TRUE(t.baseline.has_value()) << t.id;
      EXPECT_EQ(t.baseline->period, "2021") << t.id;
    }
  }
  const std::string plan = read_file(dir.path() / "plans" / "synthetic-autoparts-2021-2025.toml");
  EXPECT_EQ(plan.find("梅"), std::string::npos);
  EXPECT_EQ(plan.find("default"), std::string::npos);  // one plan: no need to name a default
}

// --plans 4: the directory's plan over every county is the default, and three city plans over
// consecutive runs of the counties (together all of them, none twice) go to more-plans/.
TEST(GenerateSynthetic, PlansKWritesCityPlansOverRunsOfTheCounties) {
  TempDir dir("plans");
  SyntheticOptions options;
  options.enterprises = 3000;
  options.seed = 3;
  options.plans = 4;
  options.out_dir = dir.path();
  const auto s = generate_synthetic(options);
  ASSERT_TRUE(s.has_value()) << s.error().to_string();
  ASSERT_EQ(s->more_plans.size(), 3u);
  EXPECT_NE(read_file(s->plan_file).find("\ndefault = true\n"), std::string::npos);
  std::vector<std::string> scope;
  for (const auto& file : s->more_plans) {
    EXPECT_EQ(file.parent_path().filename(), "more-plans");
    const std::vector<fs::path> paths{file, dir.path() / "counties.csv"};  // its scope names them
    auto read = io::read_dataset(paths);
    ASSERT_TRUE(read.has_value()) << file << ": " << read.error().front().to_string();
    EXPECT_FALSE(read->data.plan.scope.empty()) << file;
    EXPECT_EQ(read->data.targets.size(), 3u) << file;
    scope.insert(scope.end(), read->data.plan.scope.begin(), read->data.plan.scope.end());
  }
  const auto main = read_back(dir.path());
  ASSERT_EQ(scope.size(), main.data.counties.size());
  for (std::size_t i = 0; i < scope.size(); ++i)
    EXPECT_EQ(scope[i], main.data.counties[i].id);
  SyntheticOptions too_many = options;
  too_many.plans = 65;
  EXPECT_EQ(generate_synthetic(too_many).error().code, ErrorCode::kInvalidArgument);
}

TEST(GenerateSynthetic, EveryFileReadsBackAndBuildsASnapshot) {
  TempDir dir("read-back");
  const auto s = generate(dir.path(), 200);
  auto read = read_back(dir.path());
  const auto& d = read.data;
  EXPECT_EQ(d.enterprises.size(), s.enterprises);
  EXPECT_EQ(d.observations.size(), s.observations);
  EXPECT_EQ(d.carriers.size(), s.carriers);
  EXPECT_EQ(d.supplier_entries.size(), s.supplier_entries);
  EXPECT_EQ(d.supply_edges.size(), s.supply_edges);
  EXPECT_EQ(d.projects.size(), s.projects);
  EXPECT_EQ(d.milestones.size(), s.milestones);
  EXPECT_EQ(d.chains.size(), s.chains);
  EXPECT_EQ(d.targets.size(), 16u);
  auto snapshot = Snapshot::build(std::move(read.data));
  ASSERT_TRUE(snapshot.has_value()) << snapshot.error().to_string();
  EXPECT_EQ((*snapshot)->enterprises.size(), 200u);
  EXPECT_EQ((*snapshot)->observation_count(), 200u * 5 * 12);
}

TEST(GenerateSynthetic, CumulativeFiguresNeverDecreaseWithinAYear) {
  TempDir dir("cumulative");
  generate(dir.path(), 200);
  const auto d = read_back(dir.path()).data;
  std::map<std::pair<std::string, int>, std::vector<std::pair<MonthIndex, std::int64_t>>> years;
  for (const auto& o : d.observations) {
    if (o.period.kind == PeriodKind::kCumulative)
      years[{o.enterprise, o.period.year()}].emplace_back(o.period.last, o.value);
  }
  EXPECT_EQ(years.size(), 200u * 5);
  for (auto& [key, figures] : years) {
    std::sort(figures.begin(), figures.end());
    ASSERT_EQ(figures.size(), 11u) << key.first << " " << key.second;
    EXPECT_EQ(figures.front().first, month_index(key.second, 2));  // 1–2月 comes first
    for (std::size_t i = 1; i < figures.size(); ++i) {
      EXPECT_GE(figures[i].second, figures[i - 1].second) << key.first << " " << key.second;
    }
  }
}

TEST(GenerateSynthetic, EnterprisesCarryValidCreditCodesAndSampleProvenance) {
  TempDir dir("codes");
  generate(dir.path(), 200, 99);
  const auto d = read_back(dir.path()).data;
  ASSERT_EQ(d.enterprises.size(), 200u);
  for (const auto& e : d.enterprises) {
    EXPECT_TRUE(validate_credit_code(e.credit_code).has_value()) << e.credit_code;
    EXPECT_EQ(e.provenance, "sample: atlas gen seed 99");
  }
  for (const auto& o : d.observations)
    ASSERT_TRUE(is_sample(o.provenance));
  for (const auto& c : d.carriers)
    ASSERT_TRUE(is_sample(c.provenance));
  for (const auto& p : d.projects)
    ASSERT_TRUE(is_sample(p.provenance));
}

TEST(GenerateSynthetic, OutputIsHeavyTailed) {
  TempDir dir("tail");
  generate(dir.path(), 2000);
  const auto d = read_back(dir.path()).data;
  std::vector<std::int64_t> annual;
  for (const auto& o : d.observations) {
    if (o.metric == "output_value" && o.period.kind == PeriodKind::kCumulative &&
        o.period.last == month_index(2025, 12)) {
      annual.push_back(o.value);
    }
  }
  ASSERT_EQ(annual.size(), 2000u);
  std::sort(annual.begin(), annual.end());
  const std::int64_t median = annual[annual.size() / 2];
  std::int64_t total = 0;
  for (auto v : annual)
    total += v;
  EXPECT_GT(annual.back(), 100 * median);                      // a few firms dwarf the typical one
  EXPECT_GT(total / std::int64_t(annual.size()), 2 * median);  // the mean sits far above the median
}

TEST(GenerateSynthetic, RejectsOptionsOutOfRange) {
  SyntheticOptions options;
  options.out_dir = fs::temp_directory_path() / "atlas-synthetic-never-written";
  options.enterprises = 0;
  EXPECT_EQ(generate_synthetic(options).error().code, ErrorCode::kInvalidArgument);
  options.enterprises = 10;
  options.first_year = 2025;
  options.last_year = 2021;
  EXPECT_EQ(generate_synthetic(options).error().code, ErrorCode::kInvalidArgument);
  EXPECT_FALSE(fs::exists(options.out_dir));
}

TEST(GenerateSynthetic, SupplyEdgesAverageAboutThreeWithHeavyTailedCustomers) {
  TempDir dir("supply");
  const auto s = generate(dir.path(), 1000);
  EXPECT_GE(s.supply_edges, 2500u);
  EXPECT_LE(s.supply_edges, 3200u);
  auto read = read_back(dir.path());
  ASSERT_EQ(read.data.supply_edges.size(), s.supply_edges);
  for (const auto& e : read.data.supply_edges) {
    ASSERT_NE(e.supplier, e.customer);
    ASSERT_TRUE(e.provenance.starts_with("sample: atlas gen seed")) << e.provenance;
  }
  auto snapshot = Snapshot::build(std::move(read.data));
  ASSERT_TRUE(snapshot.has_value()) << snapshot.error().to_string();
  const auto& suppliers = (*snapshot)->supply.suppliers_of;
  std::size_t most = 0;
  for (std::size_t e = 0; e < suppliers.rows(); ++e)
    most = std::max(most, suppliers.row(e).size());
  EXPECT_GE(most, 100u);  // a few big customers; the mean is about 3
}

}  // namespace
}  // namespace atlas::app
