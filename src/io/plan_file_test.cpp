#include "io/plan_file.hpp"

#include <fstream>
#include <sstream>

#include <gtest/gtest.h>

#include "io/internal/test_support.hpp"
#include "model/units.hpp"

namespace atlas::io {
namespace {

using testing::fixture;
using testing::messages;
using Messages = std::vector<std::string>;

std::string slurp(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

Dataset read_fixture_plan() {
  auto result = read_plan(slurp(fixture("small/plans/test-plan.toml")), "test-plan.toml");
  EXPECT_TRUE(result.has_value()) << ::testing::PrintToString(messages(result));
  return result ? std::move(result->data) : Dataset{};
}

Messages plan_errors(const std::string& text) {
  return messages(read_plan(text, "p.toml"));
}

TEST(PlanFile, ReadsThePlanTable) {
  const Dataset d = read_fixture_plan();
  EXPECT_EQ(d.plan.id, "test-plan");
  EXPECT_EQ(d.plan.title, (Names{"测试规划", "Test plan"}));
  EXPECT_EQ(d.plan.document, "测试〔2021〕1号");
  ASSERT_TRUE(d.plan.issued.has_value());
  EXPECT_EQ(d.plan.issued->to_string(), "2021-07-02");
  EXPECT_EQ(d.plan.start_year, 2021);
  EXPECT_EQ(d.plan.end_year, 2025);
}

TEST(PlanFile, ReadsZonesTargetsProjectsAndChains) {
  const Dataset d = read_fixture_plan();
  ASSERT_EQ(d.zones.size(), 2U);
  EXPECT_EQ(d.zones[1].parent, "core-park");
  EXPECT_EQ(d.zones[1].name, (Names{"挂车带", ""}));
  ASSERT_EQ(d.targets.size(), 1U);
  ASSERT_TRUE(d.targets[0].baseline.has_value());
  EXPECT_EQ(d.targets[0].baseline->period, "2020");  // written as the integer 2020
  EXPECT_EQ(d.targets[0].baseline->value, "27.19亿");
  EXPECT_EQ(d.targets[0].deadline, 2025);
  ASSERT_EQ(d.projects.size(), 1U);
  EXPECT_EQ(d.projects[0].investment, 540'000'000);
  EXPECT_EQ(d.projects[0].expected_output, 500'000'000);
  EXPECT_EQ(d.projects[0].products, (std::vector<std::string>{"axle"}));
  ASSERT_EQ(d.chains.size(), 1U);
  ASSERT_EQ(d.chains[0].links.size(), 2U);
  EXPECT_EQ(d.chains[0].links[1].classes, (std::vector<std::string>{"axle"}));
  EXPECT_EQ(d.chains[0].edges, (std::vector<ChainEdgeRecord>{{"castings", "axles"}}));
}

TEST(PlanFile, ReportsATomlSyntaxErrorWithItsPosition) {
  EXPECT_EQ(plan_errors("[plan]\nid = \n"),
            (Messages{"p.toml:2:6: Error while parsing key-value pair: expected value, saw '\\n'"}));
}

TEST(PlanFile, ReportsAnUnknownKeyWithTheClosestKnownOne) {
  EXPECT_EQ(plan_errors("[[zone]]\nid = \"z\"\nname = \"区\"\nprovenance = \"plan\"\n  kidn = \"base\"\n"),
            (Messages{"p.toml:1:1: zone.kind: a value is required",
                      "p.toml:5:3: zone.kidn: unknown key in zone (did you mean 'kind'?)"}));
}

TEST(PlanFile, ReportsUnknownKeysInsideInlineTables) {
  EXPECT_EQ(plan_errors("[plan]\nid = \"p\"\ntitle = { zh = \"规划\", fr = \"plan\" }\n"),
            (Messages{"p.toml:3:22: plan.title.fr: unknown key in plan.title"}));
}

TEST(PlanFile, ReportsAnUnknownTopLevelKey) {
  EXPECT_EQ(plan_errors("[[zones]]\nid = \"z\"\n"),
            (Messages{"p.toml:1:3: unknown top-level key 'zones' (did you mean 'zone'?)"}));
}

TEST(PlanFile, ReportsATableWhereAnArrayOfTablesBelongs) {
  EXPECT_EQ(plan_errors("[zone]\nid = \"z\"\n"),
            (Messages{"p.toml:1:1: 'zone' must be an array of tables: write [[zone]]"}));
}

TEST(PlanFile, ReportsWrongTypesAndBadValuesAtTheValue) {
  EXPECT_EQ(
      plan_errors(
          "[plan]\nid = \"p\"\ntitle = \"规划\"\nstart = \"2021\"\nissued = \"2021-13\"\n\n"
          "[[project]]\nid = \"x\"\nname = \"项目\"\ntype = \"expanson\"\nexpected_output = \"5亿斤\"\n"
          "provenance = \"plan\"\n"),
      (Messages{
          "p.toml:4:9: plan.start: expected an integer, found a string",
          "p.toml:5:10: plan.issued: " + parse_date("2021-13").error().message,
          "p.toml:10:8: project.type: 'expanson' is not one of expansion, retrofit, attraction (did you mean "
          "'expansion'?)",
          "p.toml:11:19: project.expected_output: " + parse_amount("5亿斤").error().message,
      }));
}

TEST(PlanFile, ChecksChainEdgesAndDuplicateIds) {
  EXPECT_EQ(plan_errors("[[chain]]\nid = \"c\"\nname = \"链\"\nprovenance = \"plan\"\n"
                        "[[chain.link]]\nid = \"a\"\nname = \"甲\"\n"
                        "[[chain.link]]\nid = \"a\"\nname = \"乙\"\n"
                        "[[chain.edge]]\nfrom = \"a\"\nto = \"b\"\n"
                        "[[chain]]\nid = \"c\"\nname = \"链\"\nprovenance = \"plan\"\n"),
            (Messages{"p.toml:9:6: chain.link.id: duplicate link 'a' in chain 'c'",
                      "p.toml:13:6: chain.edge.to: unknown link 'b'",
                      "p.toml:15:6: chain.id: duplicate id 'c' (first at p.toml:2)"}));
}

TEST(PlanFile, WritesKeysInTheDocumentedOrder) {
  const std::string text = write_plan(read_fixture_plan());
  EXPECT_TRUE(
      text.starts_with("[plan]\nid = \"test-plan\"\ntitle = { zh = \"测试规划\", en = \"Test plan\" }\n"
                       "document = \"测试〔2021〕1号\"\nissued = 2021-07-02\nstart = 2021\nend = 2025\n\n"
                       "[[zone]]\nid = \"core-park\"\n"))
      << text;
  EXPECT_NE(
      text.find("[[chain.link]]\nid = \"castings\"\nname = { zh = \"铸件\" }\nclasses = [\"brake-drum\"]\n"),
      std::string::npos)
      << text;
  EXPECT_NE(text.find("investment = \"5.4亿\"\n"), std::string::npos) << text;
}

TEST(PlanFile, ReadsBackWhatItWrites) {
  const Dataset d = read_fixture_plan();
  auto again = read_plan(write_plan(d), "again.toml");
  ASSERT_TRUE(again.has_value()) << ::testing::PrintToString(messages(again));
  EXPECT_EQ(again->data, d);
}

TEST(PlanFile, EscapesQuotesBackslashesAndLineBreaks) {
  Dataset d;
  d.plan.id = "p";
  d.plan.title = Names{"标题 \"引号\"", "back\\slash"};
  d.plan.issued = parse_date("2021-07").value();
  TargetRecord& t = d.targets.emplace_back();
  t.id = "t";
  t.title.zh = "目标";
  t.indicator = "count(enterprises) where segment = \"nev\" in 2025";
  t.goal = ">= 5";
  t.unit = TargetUnit::kCount;
  t.quote = "第一行\n第二行\t制表\x01";
  t.provenance = "plan §4";
  auto again = read_plan(write_plan(d), "again.toml");
  ASSERT_TRUE(again.has_value()) << ::testing::PrintToString(messages(again)) << write_plan(d);
  EXPECT_EQ(again->data, d);
}

TEST(PlanFile, SkipsABadRecordAndKeepsTheOthers) {
  auto result = read_plan(
      "[[zone]]\nid = \"a\"\nname = \"甲\"\nkind = \"base\"\nprovenance = \"p\"\n"
      "[[zone]]\nid = \"b\"\nname = \"乙\"\nkind = \"bse\"\nprovenance = \"p\"\n",
      "p.toml", ImportMode::kSkipInvalid);
  ASSERT_TRUE(result.has_value());
  ASSERT_EQ(result->data.zones.size(), 1U);
  EXPECT_EQ(result->data.zones[0].id, "a");
  ASSERT_EQ(result->rejected.size(), 1U);
  EXPECT_EQ(result->rejected[0].table, "zone");
  EXPECT_EQ(result->rejected[0].where.line, 6U);
}

}  // namespace
}  // namespace atlas::io
