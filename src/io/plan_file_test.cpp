#include "io/plan_file.hpp"

#include <fstream>
#include <sstream>

#include <fmt/format.h>
#include <gtest/gtest.h>

#include "io/internal/test_support.hpp"
#include "model/units.hpp"

namespace atlas::io {
namespace {

using testing::fixture;
using testing::messages;
using testing::slurp;
using Messages = std::vector<std::string>;

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

TEST(PlanFile, ReadsTheVocabulariesInTheirOrder) {
  const Dataset d = read_fixture_plan();
  ASSERT_EQ(d.terms.size(), 3U);
  EXPECT_EQ(d.terms[0],
            (TermRecord{VocabularyKind::kZoneKind, "core-park", {"核心园区", "Core park"}, "plan §6", 0}));
  EXPECT_EQ(d.terms[1], (TermRecord{VocabularyKind::kZoneKind, "base", {"基地", "Base"}, "", 1}));
  EXPECT_EQ(d.terms[2],
            (TermRecord{VocabularyKind::kProjectType, "expansion", {"增资扩产", "Expansion"}, "plan §5", 0}));
  EXPECT_EQ(
      plan_errors(
          "[[segment]]\nid = \"body\"\nname = \"车身\"\n[[segment]]\nid = \"body\"\nname = \"车身件\"\n"),
      (Messages{"p.toml:5:6: vocabulary.id: duplicate segment 'body' (first at p.toml:2)"}));
  EXPECT_EQ(plan_errors("[[segment]]\nid = \"body\"\n"),
            (Messages{"p.toml:1:1: segment.name: a value is required"}));
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

TEST(PlanFile, RefusesTheDeepDottedKeyThatCrashedTheTomlParser) {
  std::string key = "a";
  for (int i = 0; i < 50'000; ++i)
    key += ".a";
  EXPECT_EQ(plan_errors(key + " = 1\n"), (Messages{"p.toml:1:32: a dotted key has more than 16 parts"}));
}

TEST(PlanFile, RefusesADateOrAYearTheStoreCouldNotReadBack) {
  // issued = 0000-01-01 used to import, commit, and leave a database nothing could read.
  EXPECT_EQ(
      plan_errors("[plan]\nid = \"p\"\ntitle = \"规划\"\nissued = 0000-01-01\nstart = 0\nend = 99999\n"),
      (Messages{"p.toml:4:10: plan.issued: \"0000-01-01\" is not a date: year 0000 does not exist",
                "p.toml:5:9: plan.start: year 0 is not between 0001 and 9999",
                "p.toml:6:7: plan.end: year 99999 is not between 0001 and 9999"}));
}

std::string target_with(std::string_view goal, std::string_view unit, std::string_view baseline = "") {
  return fmt::format(
      "[[target]]\nid = \"t\"\ntitle = \"目标\"\nindicator = \"count(enterprises)\"\ngoal = \"{}\"\n"
      "deadline = 2025\nunit = \"{}\"\n{}provenance = \"plan §4\"\n",
      goal, unit, baseline);
}

TEST(PlanFile, RefusesAGoalNoTargetCanHoldAtItsValue) {
  for (const char* goal : {">= 1e400", ">= NaN", ">= -1", ">= 99999999999999亿"}) {
    const Messages m = plan_errors(target_with(goal, "yuan"));
    ASSERT_EQ(m.size(), 1U) << goal;
    EXPECT_TRUE(m[0].starts_with(fmt::format("p.toml:5:8: target.goal: goal \"{}\": ", goal))) << m[0];
  }
  const Messages count = plan_errors(target_with(">= 1.5", "count"));
  ASSERT_EQ(count.size(), 1U);
  EXPECT_TRUE(count[0].starts_with("p.toml:5:8: target.goal: goal \">= 1.5\": ")) << count[0];
  EXPECT_EQ(plan_errors(target_with("100亿", "yuan")),
            (Messages{"p.toml:5:8: target.goal: goal \"100亿\" must start with >=, >, <=, < or = (e.g. \">= "
                      "100亿\")"}));
  EXPECT_EQ(plan_errors(target_with(">= 100亿", "yuan")), Messages{});
  EXPECT_EQ(plan_errors(target_with(">= 15", "count")), Messages{});
}

TEST(PlanFile, RefusesABaselineCheckCouldNotRead) {
  const Messages m =
      plan_errors(target_with(">= 15", "count", "baseline = { period = \"2020-06\", value = \"1.5\" }\n"));
  ASSERT_EQ(m.size(), 2U) << ::testing::PrintToString(m);
  EXPECT_EQ(m[0], "p.toml:8:23: target.baseline.period: \"2020-06\" is not a year between 0001 and 9999");
  EXPECT_TRUE(m[1].starts_with("p.toml:8:42: target.baseline.value: \"1.5\" is not a count")) << m[1];
  EXPECT_EQ(plan_errors(target_with(">= 15", "count", "baseline = { period = 2020, value = \"12\" }\n")),
            Messages{});
}

TEST(PlanFile, ReadsAPlanThatStartsWithAByteOrderMark) {
  auto result = read_plan("\xEF\xBB\xBF[plan]\nid = \"p\"\ntitle = \"规划\"\n", "p.toml");
  ASSERT_TRUE(result.has_value()) << ::testing::PrintToString(messages(result));
  EXPECT_EQ(result->data.plan.id, "p");
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
          "[plan]\nid = \"p\"\ntitle = \"规划\"\nstart = \"2021\"\nissued = \"2021-13\"\n"
          "[[project_type]]\nid = \"expansion\"\nname = \"增资扩产\"\n"
          "[[project]]\nid = \"x\"\nname = \"项目\"\ntype = \"expanson\"\nexpected_output = \"5亿斤\"\n"
          "provenance = \"plan\"\n"),
      (Messages{
          "p.toml:4:9: plan.start: expected an integer, found a string",
          "p.toml:5:10: plan.issued: " + parse_date("2021-13").error().message,
          "p.toml:12:8: project.type: 'expanson' is not a word of the plan's project_type vocabulary (did "
          "you mean 'expansion'?) — declare it with [[project_type]] in the plan file",
          "p.toml:13:19: project.expected_output: " + parse_amount("5亿斤").error().message,
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

TEST(PlanFile, RefusesACycleInAChain) {
  EXPECT_EQ(
      plan_errors("[[chain]]\nid = \"c\"\nname = \"链\"\nprovenance = \"plan\"\n"
                  "[[chain.link]]\nid = \"a\"\nname = \"甲\"\n"
                  "[[chain.link]]\nid = \"b\"\nname = \"乙\"\n"
                  "[[chain.link]]\nid = \"d\"\nname = \"丁\"\n"
                  "[[chain.edge]]\nfrom = \"d\"\nto = \"a\"\n"
                  "[[chain.edge]]\nfrom = \"a\"\nto = \"b\"\n"
                  "[[chain.edge]]\nfrom = \"b\"\nto = \"a\"\n"),
      (Messages{"p.toml:22:6: chain.edge.to: chain 'c' has a cycle: 'a' → 'b' → 'a' (edges run upstream → "
                "downstream)"}));
  EXPECT_EQ(plan_errors("[[chain]]\nid = \"c\"\nname = \"链\"\nprovenance = \"plan\"\n"
                        "[[chain.link]]\nid = \"a\"\nname = \"甲\"\n"
                        "[[chain.edge]]\nfrom = \"a\"\nto = \"a\"\n"),
            (Messages{"p.toml:10:6: chain.edge.to: chain 'c' has a cycle: 'a' → 'a' (edges run upstream → "
                      "downstream)"}));
}

TEST(PlanFile, ReadsAndWritesChainRules) {
  const std::string text =
      "[plan]\nid = \"p\"\ntitle = { zh = \"规划\" }\n[plan.chain_rules]\nmakers = \"above-size\"\n"
      "min_makers = 3\nanchor_output = \"10亿\"\nanchors = [\"bpw\"]\nmin_local_supply = 0.25\n"
      "min_location_quotient = 1.2\nreference = \"gd-output\"\nprovenance = \"design\"\n";
  auto read = read_plan(text, "p.toml");
  ASSERT_TRUE(read.has_value()) << ::testing::PrintToString(messages(read));
  const ChainRules& r = read->data.plan.chain_rules;
  EXPECT_EQ(r.basis, MakerBasis::kAboveSize);
  EXPECT_EQ(r.min_makers, 3);
  EXPECT_EQ(r.anchor_output, std::optional<std::int64_t>(1'000'000'000));
  EXPECT_EQ(r.anchors, std::vector<std::string>{"bpw"});
  EXPECT_EQ(r.min_local_supply, 250'000);
  EXPECT_EQ(r.min_location_quotient, 1'200'000);
  EXPECT_EQ(r.reference, "gd-output");
  const std::string written = write_plan(read->data);
  EXPECT_NE(
      written.find("[plan.chain_rules]\nmakers = \"above-size\"\nmin_makers = 3\nanchor_output = \"10亿\"\n"
                   "anchors = [\"bpw\"]\nmin_local_supply = 0.25\nmin_location_quotient = 1.2\n"),
      std::string::npos)
      << written;
  auto again = read_plan(written, "again.toml");
  ASSERT_TRUE(again.has_value()) << ::testing::PrintToString(messages(again));
  EXPECT_EQ(again->data.plan, read->data.plan);
  // A plan that states no rules keeps the defaults, and writes none.
  auto plain = read_plan("[plan]\nid = \"p\"\ntitle = { zh = \"规划\" }\n", "p.toml");
  ASSERT_TRUE(plain.has_value());
  EXPECT_EQ(plain->data.plan.chain_rules, ChainRules{});
  EXPECT_EQ(write_plan(plain->data).find("chain_rules"), std::string::npos);
}

TEST(PlanFile, ReadsAndWritesTheAttractionWeights) {
  const std::string text =
      "[plan]\nid = \"p\"\ntitle = { zh = \"规划\" }\n[plan.attraction]\nregions = [\"珠三角\"]\n"
      "weights = { gap = 5, ties = 0.5, named = 0 }\nprovenance = \"plan §6(3)\"\n";
  auto read = read_plan(text, "p.toml");
  ASSERT_TRUE(read.has_value()) << ::testing::PrintToString(messages(read));
  const AttractionRules& a = read->data.plan.attraction;
  EXPECT_EQ(a.regions, std::vector<std::string>{"珠三角"});
  EXPECT_EQ(a.weight_gap, 5'000'000);
  EXPECT_EQ(a.weight_ties, 500'000);
  EXPECT_EQ(a.weight_scale, 1'000'000);  // not given: the default
  EXPECT_EQ(a.weight_named, 0);
  auto again = read_plan(write_plan(read->data), "again.toml");
  ASSERT_TRUE(again.has_value()) << ::testing::PrintToString(messages(again));
  EXPECT_EQ(again->data.plan, read->data.plan);
  EXPECT_EQ(
      plan_errors("[plan]\nid = \"p\"\ntitle = { zh = \"规划\" }\n[plan.attraction]\n"
                  "weights = { gap = 0, ties = 0, scale = 0, region = 0, named = 0, size = 1 }\n"
                  "provenance = \"design\"\n"),
      (Messages{"p.toml:5:11: plan.attraction.weights: the weights add up to 0: give at least one feature "
                "a weight above 0",
                "p.toml:5:66: plan.attraction.weights.size: unknown key in plan.attraction.weights"}));
}

TEST(PlanFile, ReadsAndWritesTheForecastAssumptions) {
  const std::string text =
      "[plan]\nid = \"p\"\ntitle = { zh = \"规划\" }\n[plan.forecast]\nshrinkage = 5\nramp_months = 18\n"
      "cancellation = 0.25\nprovenance = \"design: the bureau's own view\"\n";
  auto read = read_plan(text, "p.toml");
  ASSERT_TRUE(read.has_value()) << ::testing::PrintToString(messages(read));
  const ForecastRules& f = read->data.plan.forecast;
  EXPECT_EQ(f.shrinkage, 5'000'000);
  EXPECT_EQ(f.ramp_months, 18);
  EXPECT_EQ(f.cancellation, 250'000);
  EXPECT_EQ(f.correlation, 300'000);  // not given: the default
  auto again = read_plan(write_plan(read->data), "again.toml");
  ASSERT_TRUE(again.has_value()) << ::testing::PrintToString(messages(again));
  EXPECT_EQ(again->data.plan, read->data.plan);
  auto plain = read_plan("[plan]\nid = \"p\"\ntitle = { zh = \"规划\" }\n", "p.toml");
  ASSERT_TRUE(plain.has_value());
  EXPECT_EQ(write_plan(plain->data).find("plan.forecast"), std::string::npos);
  const Messages errors = plan_errors(
      "[plan]\nid = \"p\"\ntitle = { zh = \"规划\" }\n[plan.forecast]\nramp_months = 0\ncancellation = 1.5\n"
      "correlation = 0.95\nprovenance = \"design\"\nseed = 4\n");
  ASSERT_EQ(errors.size(), 4U) << ::testing::PrintToString(errors);
  EXPECT_NE(
      errors[0].find("plan.forecast.ramp_months: ramp_months is a number of months from 1 to 120, not 0"),
      std::string::npos);
  EXPECT_NE(errors[1].find("plan.forecast.cancellation"), std::string::npos);
  EXPECT_NE(errors[2].find("plan.forecast.correlation"), std::string::npos);
  EXPECT_NE(errors[3].find("plan.forecast.seed: unknown key"), std::string::npos);
}

TEST(PlanFile, RefusesChainRulesOutOfRange) {
  EXPECT_EQ(
      plan_errors("[plan]\nid = \"p\"\ntitle = { zh = \"规划\" }\n[plan.chain_rules]\n"
                  "makers = \"big\"\nmin_makers = 0\nmin_local_supply = 1.5\n"
                  "min_location_quotient = \"high\"\nprovenance = \"design\"\n"),
      (Messages{"p.toml:5:10: plan.chain_rules.makers: 'big' is not one of all, above-size",
                "p.toml:6:14: plan.chain_rules.min_makers: min_makers is a count from 1 to 1000, not 0",
                "p.toml:7:20: plan.chain_rules.min_local_supply: min_local_supply must be a number from 0 "
                "to 1 with at most six decimals, not 1.5",
                "p.toml:8:25: plan.chain_rules.min_location_quotient: expected a number such as 0.5, "
                "found a string"}));
}

TEST(PlanFile, WritesKeysInTheDocumentedOrder) {
  const std::string text = write_plan(read_fixture_plan());
  EXPECT_TRUE(
      text.starts_with("[plan]\nid = \"test-plan\"\ntitle = { zh = \"测试规划\", en = \"Test plan\" }\n"
                       "document = \"测试〔2021〕1号\"\nissued = 2021-07-02\nstart = 2021\nend = 2025\n\n"
                       "[[zone_kind]]\nid = \"core-park\"\nname = { zh = \"核心园区\", en = \"Core park\" }\n"
                       "provenance = \"plan §6\"\n\n[[zone_kind]]\nid = \"base\"\n"
                       "name = { zh = \"基地\", en = \"Base\" }\n\n[[project_type]]\nid = \"expansion\"\n"
                       "name = { zh = \"增资扩产\", en = \"Expansion\" }\nprovenance = \"plan §5\"\n\n"
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
  t.quote = "第一行\n第二行\t制表\r\n第三行";
  t.provenance = "plan §4";
  auto again = read_plan(write_plan(d), "again.toml");
  ASSERT_TRUE(again.has_value()) << ::testing::PrintToString(messages(again)) << write_plan(d);
  EXPECT_EQ(again->data, d);
}

TEST(PlanFile, RefusesControlCharactersThatTheWriterWouldHaveToEscape) {
  // A control character other than TAB / LF / CRLF is refused at import, so it never needs writing.
  Dataset d;
  d.plan.id = "p";
  d.plan.title = Names{"标题\x01", ""};
  auto again = read_plan(write_plan(d), "again.toml");
  ASSERT_FALSE(again.has_value());
  EXPECT_EQ(messages(again),
            std::vector<std::string>{
                "again.toml:3:19: escape \\u0001 is a control character, which is not allowed"});
}

TEST(PlanFile, SkipsABadRecordAndKeepsTheOthers) {
  auto result = read_plan(
      "[[zone_kind]]\nid = \"base\"\nname = { zh = \"基地\", en = \"Base\" }\n"
      "[[zone]]\nid = \"a\"\nname = \"甲\"\nkind = \"base\"\nprovenance = \"p\"\n"
      "[[zone]]\nid = \"b\"\nname = \"乙\"\nkind = \"bse\"\nprovenance = \"p\"\n",
      "p.toml", ImportMode::kSkipInvalid);
  ASSERT_TRUE(result.has_value());
  ASSERT_EQ(result->data.zones.size(), 1U);
  EXPECT_EQ(result->data.zones[0].id, "a");
  ASSERT_EQ(result->rejected.size(), 1U);
  EXPECT_EQ(result->rejected[0].table, "zone");
  EXPECT_EQ(result->rejected[0].where.line, 9U);
  ASSERT_EQ(result->rejected[0].errors.size(), 1U);
  EXPECT_EQ(result->rejected[0].errors[0].to_string(),
            "p.toml:12:8: zone.kind: 'bse' is not a word of the plan's zone_kind vocabulary (did you mean "
            "'base'?) — declare it with [[zone_kind]] in the plan file");
  ASSERT_EQ(result->data.terms.size(), 1U);
  EXPECT_EQ(result->data.terms[0].name.en, "Base");
}

}  // namespace
}  // namespace atlas::io
