#include "io/dataset_reader.hpp"

#include <algorithm>

#include <gtest/gtest.h>

#include "io/internal/test_support.hpp"
#include "model/units.hpp"

namespace atlas::io {
namespace {

using testing::fixture;
using testing::Inputs;
using testing::messages;
using Messages = std::vector<std::string>;

constexpr const char* kEnterpriseHeader =
    "id,credit_code,name_zh,name_en,county,zone,segment,above_size,high_tech,classes,processes,"
    "certifications,customers,employees,group,provenance\n";
constexpr const char* kObservationHeader = "enterprise,metric,period,value,published,provenance\n";

Dataset read_small() {
  const std::vector<std::filesystem::path> paths = {fixture("small")};
  auto result = read_dataset(paths);
  EXPECT_TRUE(result.has_value()) << ::testing::PrintToString(messages(result));
  return result ? std::move(result->data) : Dataset{};
}

TEST(DatasetReader, ReadsEveryTableOfAFolderWithItsPlan) {
  const Dataset d = read_small();
  EXPECT_EQ(d.plan.id, "test-plan");
  EXPECT_EQ(d.counties.size(), 2U);
  EXPECT_EQ(d.taxonomy.size(), 4U);
  EXPECT_EQ(d.metrics.size(), 2U);
  EXPECT_EQ(d.enterprises.size(), 2U);
  EXPECT_EQ(d.observations.size(), 4U);
  EXPECT_EQ(d.facts.size(), 2U);
  EXPECT_EQ(d.milestones.size(), 2U);
  EXPECT_EQ(d.carriers.size(), 1U);
  EXPECT_EQ(d.supplier_entries.size(), 1U);
  EXPECT_EQ(d.candidates.size(), 1U);
  EXPECT_EQ(d.zones.size(), 2U);
  EXPECT_EQ(d.targets.size(), 1U);
  EXPECT_EQ(d.projects.size(), 1U);
  EXPECT_EQ(d.chains.size(), 1U);
}

TEST(DatasetReader, ParsesEnterpriseCells) {
  const Dataset d = read_small();
  ASSERT_EQ(d.enterprises.size(), 2U);
  const EnterpriseRecord& axle = d.enterprises[0];
  EXPECT_EQ(axle.id, "axle-co");  // after the byte order mark
  EXPECT_EQ(axle.credit_code, "91441400MA4UJ1234Y");
  EXPECT_EQ(axle.name.en, "Meizhou Axle Co., Ltd.");
  EXPECT_EQ(axle.segment, "trailer");
  EXPECT_EQ(axle.above_size, true);
  EXPECT_EQ(axle.classes, (std::vector<std::string>{"axle", "brake-drum"}));
  EXPECT_EQ(axle.customers, (std::vector<std::string>{"BPW", "\"Big\" OEM"}));
  EXPECT_EQ(axle.employees, 850);
  const EnterpriseRecord& drum = d.enterprises[1];
  EXPECT_EQ(drum.above_size, false);  // 否
  EXPECT_EQ(drum.high_tech, std::nullopt);
  EXPECT_EQ(drum.group, "axle-co");
}

TEST(DatasetReader, ValuesObservationsInTheirMetricsUnit) {
  const Dataset d = read_small();
  ASSERT_EQ(d.observations.size(), 4U);
  EXPECT_EQ(d.observations[0].value, 1'987'000'000);  // 19.87亿
  EXPECT_EQ(d.observations[1].value, 306'490'000);    // 30649万
  EXPECT_EQ(d.observations[1].period.kind, PeriodKind::kCumulative);
  EXPECT_EQ(d.observations[1].published->to_string(), "2021-03-20");
  EXPECT_EQ(d.observations[2].value, 850);         // employees: a count
  EXPECT_EQ(d.observations[3].value, 12'345'000);  // "1,234.5万"
}

TEST(DatasetReader, KeepsLineBreaksInsideQuotedCells) {
  const Dataset d = read_small();
  ASSERT_EQ(d.facts.size(), 2U);
  EXPECT_EQ(d.facts[1].quote, "一期投产后\n年产值约5亿元");
  EXPECT_EQ(d.facts[1].qualifier, FactQualifier::kAbout);
}

TEST(DatasetReader, SuggestsTheClosestColumnForAnUnknownOne) {
  Inputs in{{"counties.csv", "id,adcode,nmae_zh,provenance\nx,441402,X,sample\n"}};
  EXPECT_EQ(messages(in.read()),
            (Messages{"counties.csv:1:3: nmae_zh: unknown column in counties.csv (did you mean 'name_zh'?)",
                      "counties.csv:1:5: name_zh: required column missing from the header of counties.csv"}));
}

TEST(DatasetReader, ReportsARepeatedColumn) {
  Inputs in{{"metrics.csv", "id,name_zh,unit,provenance,unit\n"}};
  EXPECT_EQ(messages(in.read()), (Messages{"metrics.csv:1:5: unit: column repeated (first at column 3)"}));
}

TEST(DatasetReader, ReportsEveryBadCellOfARowAtItsColumn) {
  Inputs in{{"enterprises.csv", std::string(kEnterpriseHeader) + "good,,好,,,,nev,,,,,,,,,sample\n"
                                                                 "Bad Id,123,坏,,,,N E V,maybe,,,,,,-3,,\n"}};
  const Messages m = messages(in.read());
  ASSERT_EQ(m.size(), 6U) << ::testing::PrintToString(m);
  EXPECT_EQ(
      m[0],
      "enterprises.csv:3:1: id: 'Bad Id' is not an id (lowercase letters, digits and '-', not starting with "
      "'-')");
  EXPECT_TRUE(m[1].starts_with("enterprises.csv:3:2: credit_code: ")) << m[1];
  EXPECT_EQ(m[2],
            "enterprises.csv:3:7: segment: 'N E V' is not an id (lowercase letters, digits and '-', "
            "not starting with '-')");
  EXPECT_EQ(m[3], "enterprises.csv:3:8: above_size: 'maybe' is not a bool (true/false, 1/0, 是/否)");
  EXPECT_TRUE(m[4].starts_with("enterprises.csv:3:14: employees: ")) << m[4];
  EXPECT_EQ(m[5], "enterprises.csv:3:16: provenance: a value is required");
}

TEST(DatasetReader, ReportsAWrongFieldCountAtTheFirstMissingField) {
  Inputs in{{"observations.csv", std::string(kObservationHeader) +
                                     "a,output_value,2020,1亿,,sample\n"
                                     "a,output_value,2021\n"
                                     "a,output_value,2022,1亿,,sample,extra\n"}};
  EXPECT_EQ(messages(in.read()),
            (Messages{"observations.csv:3:4: value: expected 6 fields (as in the header), found 3",
                      "observations.csv:4:7: expected 6 fields (as in the header), found 7: fields from 7 on "
                      "have no column"}));
}

TEST(DatasetReader, NamesTheColumnOfMalformedQuoting) {
  Inputs in{{"observations.csv", std::string(kObservationHeader) + "a,output_value,2020,\"1亿\nsample\n"}};
  EXPECT_EQ(
      messages(in.read()),
      (Messages{"observations.csv:2:4: value: unterminated quoted field (no closing quote before the end of "
                "the file)"}));
}

TEST(DatasetReader, ReadsCountMetricsAsCountsAndYuanMetricsAsAmounts) {
  Inputs in{{"observations.csv", std::string(kObservationHeader) + "a,employees,2020,1.5,,sample\n"
                                                                   "a,output_value,2020,abc,,sample\n"}};
  const Messages m = messages(in.read());
  ASSERT_EQ(m.size(), 2U);
  EXPECT_TRUE(m[0].starts_with("observations.csv:2:4: value: ")) << m[0];
  EXPECT_TRUE(m[1].starts_with("observations.csv:3:4: value: ")) << m[1];
}

TEST(DatasetReader, AsksForTheUnitOfAMetricFoundNowhere) {
  Inputs in{{"observations.csv", std::string(kObservationHeader) + "a,energy,2020,12,,sample\n"}};
  EXPECT_EQ(
      messages(in.read()),
      (Messages{"observations.csv:2:2: metric: unknown metric 'energy': its unit is not known (list it in "
                "metrics.csv)"}));
}

TEST(DatasetReader, TakesMetricUnitsFromTheCaller) {
  Inputs in{{"observations.csv", std::string(kObservationHeader) + "a,energy,2020,12万,,sample\n"}};
  ReadOptions options;
  options.metric_units = {{"energy", MetricUnit::kTce}};
  auto result = in.read(options);
  ASSERT_TRUE(result) << ::testing::PrintToString(messages(result));
  EXPECT_EQ(result->data.observations[0].value, 120'000);
}

TEST(DatasetReader, ChecksReferencesAmongTheFilesRead) {
  Inputs in{
      {"enterprises.csv",
       std::string(kEnterpriseHeader) + "axle-co,,车轴,,meixain,,trailer,,,,,,,,,sample\n"},
      {"counties.csv", "id,adcode,name_zh,provenance\nmeixian,441403,梅县区,sample\n"},
      {"observations.csv", std::string(kObservationHeader) + "axel-co,output_value,2020,1亿,,sample\n"}};
  EXPECT_EQ(
      messages(in.read()),
      (Messages{"enterprises.csv:2:5: county: unknown county 'meixain' (did you mean 'meixian'?)",
                "observations.csv:2:1: enterprise: unknown enterprise 'axel-co' (did you mean 'axle-co'?)"}));
}

TEST(DatasetReader, LeavesReferencesToTablesNotReadUnchecked) {
  Inputs in{{"observations.csv", std::string(kObservationHeader) + "anyone,output_value,2020,1亿,,sample\n"}};
  EXPECT_TRUE(in.read().has_value());
}

TEST(DatasetReader, ResolvesReferencesAgainstAnExistingDataset) {
  Dataset existing;
  existing.enterprises.emplace_back().id = "axle-co";
  existing.metrics.emplace_back().id = "output_value";
  ReadOptions options;
  options.existing = &existing;
  Inputs good{
      {"observations.csv", std::string(kObservationHeader) + "axle-co,output_value,2020,1亿,,sample\n"}};
  auto result = good.read(options);
  ASSERT_TRUE(result) << ::testing::PrintToString(messages(result));
  EXPECT_TRUE(result->data.enterprises.empty());  // the existing records are not returned
  Inputs bad{
      {"observations.csv", std::string(kObservationHeader) + "drum-co,output_value,2020,1亿,,sample\n"}};
  EXPECT_EQ(messages(bad.read(options)),
            (Messages{"observations.csv:2:1: enterprise: unknown enterprise 'drum-co'"}));
}

TEST(DatasetReader, ReportsDuplicateKeysWithTheFirstOccurrence) {
  Inputs in{
      {"observations.csv", std::string(kObservationHeader) + "a,output_value,2020,1亿,,sample\n"
                                                             "a,output_value,2021,1亿,,sample\n"
                                                             "a,output_value,2020,2亿,,sample\n"},
      {"counties.csv", "id,adcode,name_zh,provenance\nm,441403,梅县区,sample\nm,441402,梅江区,sample\n"}};
  EXPECT_EQ(
      messages(in.read()),
      (Messages{"counties.csv:3:1: id: duplicate id 'm' (first at counties.csv:2)",
                "observations.csv:4:3: period: duplicate observation of a output_value for 2020 (first at "
                "observations.csv:2)"}));
}

TEST(DatasetReader, ChecksTaxonomyLevels) {
  Inputs in{{"taxonomy.csv",
             "code,level,parent,name_zh,provenance\n"
             "chassis,category,,底盘,plan\n"
             "axle,class,,车轴,plan\n"
             "drum,class,axle,制动鼓,plan\n"
             "brake,subsystem,chasis,制动,plan\n"}};
  EXPECT_EQ(messages(in.read()),
            (Messages{"taxonomy.csv:3:3: parent: a class needs a parent",
                      "taxonomy.csv:4:3: parent: parent 'axle' is a class, not a level above this class",
                      "taxonomy.csv:5:3: parent: unknown taxonomy code 'chasis' (did you mean 'chassis'?)"}));
}

TEST(DatasetReader, RejectsAFileNameThatIsNoTable) {
  Inputs in{{"dir/enterprise.csv", "id\n"}};
  const Messages m = messages(in.read());
  ASSERT_EQ(m.size(), 1U);
  EXPECT_TRUE(m[0].starts_with("dir/enterprise.csv: 'enterprise.csv' is not a dataset file")) << m[0];
  EXPECT_TRUE(m[0].ends_with("(did you mean 'enterprises.csv'?)")) << m[0];
}

TEST(DatasetReader, ReportsAPathThatCannotBeRead) {
  const std::vector<std::filesystem::path> paths = {fixture("no-such-dir/observations.csv")};
  auto result = read_dataset(paths);
  ASSERT_FALSE(result);
  EXPECT_EQ(result.error()[0].code, ErrorCode::kIo);
  EXPECT_TRUE(
      result.error()[0].to_string().ends_with("observations.csv: cannot read: No such file or directory"));
}

TEST(DatasetReader, CollectsErrorsFromEveryFileSortedByPosition) {
  Inputs in{
      {"observations.csv", std::string(kObservationHeader) + "a,output_value,20x0,1亿,,sample\n"},
      {"metrics.csv", "id,name_zh,unit,provenance\noutput_value,产值,yuan,\nrevenue,收入,rmb,sample\n"}};
  const Messages m = messages(in.read());
  ASSERT_EQ(m.size(), 3U) << ::testing::PrintToString(m);
  EXPECT_EQ(m[0], "metrics.csv:2:4: provenance: a value is required");
  EXPECT_EQ(m[1], "metrics.csv:3:3: unit: 'rmb' is not one of yuan, count, tce");
  EXPECT_TRUE(m[2].starts_with("observations.csv:2:3: period: ")) << m[2];
}

TEST(DatasetReader, SkipsInvalidRowsAndListsThemWithTheirErrors) {
  Inputs in{{"enterprises.csv", std::string(kEnterpriseHeader) + "good,,好,,,,nev,,,,,,,,,sample\n"
                                                                 "bad,,坏,,,,N E V,,,,,,,,,sample\n"},
            {"observations.csv", std::string(kObservationHeader) + "good,output_value,2020,1亿,,sample\n"
                                                                   "bad,output_value,2020,1亿,,sample\n"
                                                                   "good,output_value,2021,x,,sample\n"
                                                                   "good,output_value\n"}};
  ReadOptions options;
  options.mode = ImportMode::kSkipInvalid;
  auto result = in.read(options);
  ASSERT_TRUE(result) << ::testing::PrintToString(messages(result));
  ASSERT_EQ(result->data.enterprises.size(), 1U);
  EXPECT_EQ(result->data.enterprises[0].id, "good");
  ASSERT_EQ(result->data.observations.size(), 1U);
  EXPECT_EQ(result->data.observations[0].period.to_string(), "2020");
  ASSERT_EQ(result->rejected.size(), 4U);
  std::vector<std::string> rejected;
  for (const RejectedRow& row : result->rejected) {
    rejected.push_back(row.table + " " + std::to_string(row.where.line) + ": " +
                       row.errors.at(0).to_string());
  }
  EXPECT_EQ(rejected,
            (Messages{
                "enterprises 3: enterprises.csv:3:7: segment: 'N E V' is not an id (lowercase letters, "
                "digits and '-', "
                "not starting with '-')",
                "observations 3: observations.csv:3:1: enterprise: unknown enterprise 'bad'",
                "observations 4: " + result->rejected[2].errors[0].to_string(),
                "observations 5: observations.csv:5:3: period: expected 6 fields (as in the header), found 2",
            }));
  EXPECT_TRUE(result->rejected[2].errors[0].to_string().starts_with("observations.csv:4:4: value: "));
}

TEST(DatasetReader, FailsEvenWhenSkippingForAFileItCannotUse) {
  Inputs in{{"counties.csv", "id,adcode,name,provenance\n"}};
  ReadOptions options;
  options.mode = ImportMode::kSkipInvalid;
  EXPECT_EQ(messages(in.read(options)),
            (Messages{"counties.csv:1:3: name: unknown column in counties.csv",
                      "counties.csv:1:5: name_zh: required column missing from the header of counties.csv"}));
}

TEST(DatasetReader, RefusesInvalidUtf8AndControlCharactersInCells) {
  Inputs in{{"counties.csv", std::string("id,adcode,name_zh,name_en,provenance\n"
                                         "ok,441402,梅江区,\"tab\tand\nline\",sample\n"
                                         "esc,441403,梅县\x1b[31m区,,sample\n"
                                         "bad,441404,\xE6\xA2\x85\xFF,\"x") +
                                 std::string(1, '\0') + "y\",sample\n"}};
  const Messages m = messages(in.read());
  // Column is the field's index (as for every CSV error); the reason names the character.
  EXPECT_EQ(
      m, (Messages{
             "counties.csv:4:3: name_zh: control character U+001B is not allowed (character 3 of the value)",
             "counties.csv:5:3: name_zh: invalid UTF-8 byte \\xFF (character 2 of the value)",
             "counties.csv:5:4: name_en: control character U+0000 is not allowed (character 2 of the value)",
         }));
}

TEST(DatasetReader, RefusesABadByteInAColumnName) {
  Inputs in{{"counties.csv",
             "id,adcode,name_zh,provenance,\x9b"
             "31m\n"}};
  EXPECT_EQ(messages(in.read()),
            (Messages{"counties.csv:1:5: column name: invalid UTF-8 byte \\x9B (character 1)"}));
}

TEST(DatasetReader, ReadsACsvThatStartsWithAByteOrderMark) {
  Inputs in{{"counties.csv", "\xEF\xBB\xBFid,adcode,name_zh,provenance\nmeijiang,441402,梅江区,sample\n"}};
  auto result = in.read();
  ASSERT_TRUE(result) << ::testing::PrintToString(messages(result));
  ASSERT_EQ(result->data.counties.size(), 1U);
  EXPECT_EQ(result->data.counties[0].id, "meijiang");
}

TEST(DatasetReader, RefusesACycleOfZoneParents) {
  Inputs in{{"p.toml",
             "[[zone]]\nid = \"a\"\nname = \"甲\"\nkind = \"base\"\nparent = \"b\"\nprovenance = \"p\"\n"
             "[[zone]]\nid = \"b\"\nname = \"乙\"\nkind = \"base\"\nparent = \"c\"\nprovenance = \"p\"\n"
             "[[zone]]\nid = \"c\"\nname = \"丙\"\nkind = \"base\"\nparent = \"a\"\nprovenance = \"p\"\n"
             "[[zone]]\nid = \"d\"\nname = \"丁\"\nkind = \"base\"\nparent = \"a\"\nprovenance = \"p\"\n"}};
  EXPECT_EQ(messages(in.read()),
            (Messages{"p.toml:5:10: zone.parent: zone parent cycle: 'a' → 'b' → 'c' → 'a'",
                      "p.toml:11:10: zone.parent: zone parent cycle: 'b' → 'c' → 'a' → 'b'",
                      "p.toml:17:10: zone.parent: zone parent cycle: 'c' → 'a' → 'b' → 'c'"}));
}

TEST(DatasetReader, RefusesAGroupCycleThroughAnExistingEnterprise) {
  // The stored 'parent' names 'child' as its group; the import makes 'child' point back at it.
  Dataset existing;
  existing.enterprises.push_back(EnterpriseRecord{});
  existing.enterprises.back().id = "parent";
  existing.enterprises.back().group = "child";
  existing.enterprises.push_back(EnterpriseRecord{});
  existing.enterprises.back().id = "child";
  ReadOptions options;
  options.existing = &existing;
  Inputs in{
      {"enterprises.csv", std::string(kEnterpriseHeader) + "child,,子,,,,trailer,,,,,,,,parent,sample\n"}};
  EXPECT_EQ(messages(in.read(options)),
            (Messages{"enterprises.csv:2:15: group: enterprise group cycle: 'child' → 'parent' → 'child'"}));
}

TEST(DatasetReader, RefusesACandidateLinkWithoutItsChain) {
  Inputs in{{"p.toml",
             "[[chain]]\nid = \"trailer\"\nname = \"挂车\"\nprovenance = \"plan\"\n"
             "[[chain.link]]\nid = \"axles\"\nname = \"车轴\"\n"},
            {"candidates.csv", "id,name_zh,kind,chain,link,provenance\nc1,甲,parts,,axles,sample\n"}};
  EXPECT_EQ(messages(in.read()), (Messages{"candidates.csv:2:4: chain: link 'axles' needs its chain"}));
}

TEST(DatasetReader, RefusesAChainThatDropsALinkAStoredCandidateUses) {
  Dataset existing;
  existing.chains.push_back(
      ChainRecord{"trailer", {"挂车", ""}, {{"axles", {"车轴", ""}, {}, ""}}, {}, "plan"});
  existing.candidates.push_back(
      CandidateRecord{"c1", {"甲", ""}, "parts", "trailer", "axles", "", "sample", {}, {}, {}});
  ReadOptions options;
  options.existing = &existing;
  Inputs in{{"p.toml",
             "[[chain]]\nid = \"trailer\"\nname = \"挂车\"\nprovenance = \"plan\"\n"
             "[[chain.link]]\nid = \"castings\"\nname = \"铸件\"\n"}};
  const Messages m = messages(in.read(options));
  ASSERT_EQ(m.size(), 1U) << ::testing::PrintToString(m);
  EXPECT_TRUE(m[0].starts_with("p.toml:")) << m[0];
  EXPECT_TRUE(m[0].ends_with(
      "chain.link: chain 'trailer' has no link 'axles' any more, but stored candidate 'c1' points at it"))
      << m[0];
}

TEST(DatasetReader, ChecksPlanReferencesAgainstTheTables) {
  Inputs in{{"p.toml",
             "[[project]]\nid = \"p1\"\nname = \"项目\"\ntype = \"expansion\"\nsponsor = \"axel-co\"\n"
             "products = [\"axel\"]\nprovenance = \"plan\"\n"},
            {"enterprises.csv", std::string(kEnterpriseHeader) + "axle-co,,车轴,,,,trailer,,,,,,,,,sample\n"},
            {"taxonomy.csv", "code,level,parent,name_zh,provenance\naxle,category,,车轴,plan\n"}};
  EXPECT_EQ(messages(in.read()),
            (Messages{"p.toml:5:11: project.sponsor: unknown enterprise 'axel-co' (did you mean 'axle-co'?)",
                      "p.toml:6:12: project.products: unknown taxonomy code 'axel' (did you mean 'axle'?)"}));
}

// A plan that names its output metric names one the data have, measured in yuan; the default
// (output_value) may be absent, and a plan's own metrics count.
TEST(DatasetReader, ChecksThePlansOutputMetric) {
  const std::string plan = "[plan]\nid = \"p\"\ntitle = \"规划\"\nstart = 2024\nend = 2027\n";
  const std::string metrics =
      "id,name_zh,name_en,unit,provenance\nrevenue,营业收入,,yuan,x\nstaff,人数,,count,x\n";
  Inputs unknown{{"p.toml", plan + "output_metric = \"revenu\"\n"}, {"metrics.csv", metrics}};
  EXPECT_EQ(messages(unknown.read()),
            (Messages{"p.toml:6:17: plan.output_metric: unknown metric 'revenu' (did you mean 'revenue'?)"}));
  Inputs count{{"p.toml", plan + "output_metric = \"staff\"\n"}, {"metrics.csv", metrics}};
  EXPECT_EQ(messages(count.read()),
            (Messages{"p.toml:6:17: plan.output_metric: metric 'staff' measures count, but a plan's output "
                      "metric is an amount of money (unit yuan), such as output_value or revenue"}));
  Inputs revenue{{"p.toml", plan + "output_metric = \"revenue\"\n"}, {"metrics.csv", metrics}};
  auto read = revenue.read();
  ASSERT_TRUE(read) << ::testing::PrintToString(messages(read));
  EXPECT_EQ(read->data.plan.output_metric, "revenue");
  Inputs absent{{"p.toml", plan}, {"metrics.csv", metrics}};
  read = absent.read();
  ASSERT_TRUE(read) << ::testing::PrintToString(messages(read));
  EXPECT_EQ(read->data.plan.output_metric, "output_value");
}

// A plan's boundary map: a GeoJSON FeatureCollection beside its plan file, whose source the plan
// names and whose features' adcodes are the plan's counties'.
namespace map_inputs {
const std::string kPlan = "[plan]\nid = \"p\"\ntitle = \"规划\"\nstart = 2024\nend = 2027\n";
const std::string kSourced = kPlan + "map = { source = \"测绘局\", review_number = \"GS(2024)1号\" }\n";
const std::string kCounties =
    "id,adcode,name_zh,name_en,provenance\nnorth,990101,北区,,x\nsouth,990102,南区,,x\n";
std::string feature(const std::string& adcode, const std::string& geometry = "") {
  return R"({"type":"Feature","properties":{"adcode":)" + adcode + R"(,"name":"区"},"geometry":)" +
         (geometry.empty() ? R"({"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,0]]]})" : geometry) +
         "}";
}
std::string collection(const std::string& features) {
  return R"({"type":"FeatureCollection","features":[)" + features + "]}";
}
}  // namespace map_inputs

TEST(DatasetReader, ReadsAPlansBoundaryMapCompactWithItsSource) {
  using namespace map_inputs;
  const std::string text =
      "\xEF\xBB\xBF" + collection(feature("990101") + ",\n  " + feature("\"990102\"")) + "\n";
  Inputs in{{"plans/p.toml", kSourced}, {"counties.csv", kCounties}, {"plans/p.geojson", text}};
  auto read = in.read();
  ASSERT_TRUE(read) << ::testing::PrintToString(messages(read));
  EXPECT_EQ(read->data.plan.map_source, "测绘局");
  EXPECT_EQ(read->data.plan.map_review_number, "GS(2024)1号");
  EXPECT_EQ(read->data.plan.map, collection(feature("990101") + "," + feature("\"990102\"")));
}

TEST(DatasetReader, RefusesAMapThatIsNotACountyFeatureCollection) {
  using namespace map_inputs;
  const auto refused = [](const std::string& geojson) {
    Inputs in{{"p.toml", kSourced}, {"counties.csv", kCounties}, {"m.geojson", geojson}};
    return messages(in.read());
  };
  EXPECT_EQ(refused("{\"type\": \"FeatureCollection\",\n \"features\": [1,]}"),
            (Messages{"m.geojson:2:17: map: not JSON: syntax error"}));  // at the "]"
  EXPECT_EQ(refused(R"({"type":"Feature"})"),
            (Messages{"m.geojson:1:1: map: not a GeoJSON FeatureCollection: the file must be an object with "
                      "\"type\": \"FeatureCollection\" and its \"features\" (the DataV GeoAtlas layout)"}));
  EXPECT_EQ(refused(collection(R"({"type":"Feature","properties":{"name":"区"},"geometry":null})")),
            (Messages{"m.geojson: map: features[0].properties has no adcode (the county's 6-digit "
                      "administrative code)"}));
  EXPECT_EQ(
      refused(collection(feature("990101", R"({"type":"Point","coordinates":[0,0]})"))),
      (Messages{"m.geojson: map: features[0].geometry is not a Polygon or MultiPolygon with coordinates"}));
  EXPECT_EQ(refused(collection(feature("990101", R"({"type":"Polygon","coordinates":[[[0,0],[1]]]})"))),
            (Messages{"m.geojson: map: features[0].geometry.coordinates[0][1] is not a position "
                      "[longitude, latitude]"}));
  EXPECT_EQ(
      refused(collection(feature("990101", R"({"type":"Polygon","coordinates":[[[0,0],[8e853,2]]]})"))),
      (Messages{"m.geojson: map: features[0].geometry.coordinates[0][1] is not longitude and latitude in "
                "degrees (WGS 84): [Infinity, 2]"}));
  EXPECT_EQ(refused(std::string(40, '[') + std::string(40, ']')).size(), 1U);  // deeper than any map
  EXPECT_NE(refused(std::string(40, '[') + std::string(40, ']')).front().find("not JSON"), std::string::npos);
  EXPECT_EQ(refused(collection(feature("441402"))),
            (Messages{"m.geojson: map: no feature's adcode (441402) is the adcode of a county: the map's "
                      "counties must be the plan's (counties.csv, column adcode)"}));
}

TEST(DatasetReader, RefusesAMapWithoutItsPlanOrItsSource) {
  using namespace map_inputs;
  const std::string map = collection(map_inputs::feature("990101"));
  Inputs alone{{"counties.csv", kCounties}, {"m.geojson", map}};
  EXPECT_EQ(messages(alone.read()),
            (Messages{"m.geojson: map: a boundary map is imported with its plan: put the plan's .toml file "
                      "beside it"}));
  Inputs unsourced{{"p.toml", kPlan}, {"counties.csv", kCounties}, {"m.geojson", map}};
  EXPECT_EQ(messages(unsourced.read()),
            (Messages{"m.geojson: map: the plan file (p.toml) does not say where this map comes from: add "
                      "map = { source = \"…\" } to its [plan]"}));
  Inputs two{{"p.toml", kSourced}, {"counties.csv", kCounties}, {"a.geojson", map}, {"b.geojson", map}};
  EXPECT_EQ(messages(two.read()),
            (Messages{"b.geojson: map: a second boundary map: one import takes one plan's map (the first is "
                      "a.geojson)"}));
}

TEST(DatasetReader, ChecksCandidateLinksAgainstTheirChain) {
  Inputs in{{"p.toml",
             "[[chain]]\nid = \"trailer\"\nname = \"挂车\"\nprovenance = \"plan\"\n"
             "[[chain.link]]\nid = \"axles\"\nname = \"车轴\"\n"},
            {"candidates.csv",
             "id,name_zh,kind,chain,link,provenance\n"
             "c1,甲,parts,trailer,axles,sample\n"
             "c2,乙,parts,trailer,axle,sample\n"
             "c3,丙,parts,trailr,axles,sample\n"}};
  EXPECT_EQ(messages(in.read()),
            (Messages{"candidates.csv:3:5: link: unknown link 'axle' in chain 'trailer'",
                      "candidates.csv:4:4: chain: unknown chain 'trailr' (did you mean 'trailer'?)"}));
}

TEST(DatasetReader, ChecksACandidatesClassesTiesAndScale) {
  Inputs in{{"taxonomy.csv", "code,level,parent,name_zh,provenance\naxle,category,,车轴,t\n"},
            {"enterprises.csv", std::string(kEnterpriseHeader) + "axle-co,,车轴,,,,trailer,,,,,,,,,sample\n"},
            {"candidates.csv",
             "id,name_zh,kind,provenance,classes,scale,ties\n"
             "c1,甲,parts,sample,axle,30亿,axle-co\n"
             "c2,乙,parts,sample,axel;axle,3x亿,axle-coo\n"}};
  EXPECT_EQ(messages(in.read()),
            (Messages{"candidates.csv:3:5: classes: unknown taxonomy code 'axel' (did you mean 'axle'?)",
                      "candidates.csv:3:6: scale: " + parse_amount("3x亿").error().message,
                      "candidates.csv:3:7: ties: unknown enterprise 'axle-coo' (did you mean 'axle-co'?)"}));
}

constexpr const char* kSupplyHeader = "supplier,customer,class,since,provenance\n";

TEST(DatasetReader, ReadsSupplyEdgesBetweenEnterprises) {
  Inputs in{
      {"enterprises.csv", std::string(kEnterpriseHeader) + "axle-co,,车轴,,,,trailer,,,,,,,,,sample\n"
                                                           "oem-co,,主机厂,,,,trailer,,,,,,,,,sample\n"},
      {"taxonomy.csv", "code,level,parent,name_zh,provenance\naxle,category,,车轴,sample\n"},
      {"supply_edges.csv", std::string(kSupplyHeader) + "axle-co,oem-co,axle,2021-06,sample: test\n"
                                                        "axle-co,oem-co,,,sample: test\n"}};
  auto result = in.read();
  ASSERT_TRUE(result) << ::testing::PrintToString(messages(result));
  ASSERT_EQ(result->data.supply_edges.size(), 2U);
  const SupplyEdgeRecord& edge = result->data.supply_edges[0];
  EXPECT_EQ(edge.supplier, "axle-co");
  EXPECT_EQ(edge.customer, "oem-co");
  EXPECT_EQ(edge.product_class, "axle");
  ASSERT_TRUE(edge.since.has_value());
  EXPECT_EQ(edge.since->to_string(), "2021-06");
  EXPECT_EQ(edge.provenance, "sample: test");
  EXPECT_EQ(result->data.supply_edges[1].product_class, "");
}

TEST(DatasetReader, ChecksSupplyEdgeReferencesSelfSupplyAndRepeatedKeys) {
  Inputs in{
      {"enterprises.csv", std::string(kEnterpriseHeader) + "axle-co,,车轴,,,,trailer,,,,,,,,,sample\n"
                                                           "oem-co,,主机厂,,,,trailer,,,,,,,,,sample\n"},
      {"taxonomy.csv", "code,level,parent,name_zh,provenance\naxle,category,,车轴,sample\n"},
      {"supply_edges.csv", std::string(kSupplyHeader) + "axle-co,oem-co,axle,,sample\n"
                                                        "axel-co,oem-co,axle,,sample\n"
                                                        "axle-co,oem-co,axel,,sample\n"
                                                        "oem-co,oem-co,axle,,sample\n"
                                                        "axle-co,oem-co,axle,,sample\n"}};
  EXPECT_EQ(
      messages(in.read()),
      (Messages{
          "supply_edges.csv:3:1: supplier: unknown enterprise 'axel-co' (did you mean 'axle-co'?)",
          "supply_edges.csv:4:3: class: unknown taxonomy code 'axel' (did you mean 'axle'?)",
          "supply_edges.csv:5:2: customer: an enterprise cannot supply itself",
          "supply_edges.csv:6:3: class: duplicate supply edge axle-co → oem-co of class 'axle' (first at "
          "supply_edges.csv:2)"}));
}

TEST(DatasetReader, ListsSupplyEdgesAmongTheTableFilesAfterEnterprises) {
  const auto names = table_file_names();
  const auto enterprises = std::ranges::find(names, "enterprises.csv");
  ASSERT_NE(enterprises, names.end());
  ASSERT_NE(enterprises + 1, names.end());
  EXPECT_EQ(*(enterprises + 1), "supply_edges.csv");
}

}  // namespace
}  // namespace atlas::io
