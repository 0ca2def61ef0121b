// The embedded Meizhou plan equals the plan's text: targets, baselines, taxonomy counts, facts.
// The expected values below were transcribed from the plan (梅市府办〔2021〕14号) independently of
// data/, so a slip in either shows up here.
#include <algorithm>
#include <fstream>
#include <map>
#include <sstream>
#include <string_view>

#include <gtest/gtest.h>

#include "io/embedded.hpp"
#include "model/records.hpp"
#include "model/units.hpp"

namespace atlas {
namespace {

std::string source_text() {
  std::ifstream in(std::string(ATLAS_SOURCE_DIR) + "/data/plans/meizhou-autoparts-2021-2025.source.txt");
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

const Dataset& embedded() {
  static const Dataset data = [] {
    auto read = io::read_embedded_dataset();
    if (!read) {
      for (const auto& e : read.error())
        ADD_FAILURE() << e.to_string();
      return Dataset{};
    }
    return read->data;
  }();
  return data;
}

struct ExpectedTarget {
  const char* id;
  const char* goal;
  const char* provenance;
  const char* words;  // the plan's words that state the goal
};

// §4 (13 targets) and §6(1) (3 targets of the GAC parts park).
const ExpectedTarget kTargets[] = {
    {"total-output", ">= 100亿", "plan §4", "汽车零部件工业总产值力争达到100亿元以上"},
    {"passenger-output", ">= 50亿", "plan §4", "乘用车零部件总产值产值达到50亿元以上"},
    {"trailer-output", ">= 35亿", "plan §4", "挂车等专用车零部件总产值达到35亿元以上"},
    {"nev-output", ">= 15亿", "plan §4", "新能源“三电”类专用零部件总产值达到15亿以上"},
    {"enterprises-over-20yi", ">= 1", "plan §4", "超20亿元的企业达到1家以上"},
    {"enterprises-over-10yi", ">= 4", "plan §4", "产值超10亿元的企业达到4家以上"},
    {"enterprises-over-1yi", ">= 15", "plan §4", "产值超1亿元的企业达到15家以上"},
    {"new-provincial-carriers", ">= 2", "plan §4", "新增省级以上创新载体2—3个"},
    {"manufacturing-innovation-center", ">= 1", "plan §4", "力争培育1个省级制造业创新中心"},
    {"innovation-alliance", ">= 1", "plan §4", "组建产业技术创新联盟1个"},
    {"cluster-organization", ">= 1", "plan §4", "培育形成1个产业集群发展促进机构"},
    {"oem-supplier-entries", ">= 10", "plan §4", "一级/二级供应商体系高端产品数量不少于10个"},
    {"new-projects", ">= 15", "plan §4", "新增签约/投产项目不少于15个"},
    {"park-projects-over-10yi", ">= 2", "plan §6(1)", "不少于2个10亿元产值规模"},
    {"park-projects-over-1yi", ">= 10", "plan §6(1)", "10个1亿元产值规模项目入园"},
    {"park-output", ">= 40亿", "plan §6(1)", "园区总产值不低于40亿元"},
};

TEST(EmbeddedPlan, HasTheSixteenQuantitativeTargetsOfThePlan) {
  const auto& targets = embedded().targets;
  ASSERT_EQ(targets.size(), std::size(kTargets));
  for (const auto& want : kTargets) {
    auto it = std::find_if(targets.begin(), targets.end(), [&](const auto& t) { return t.id == want.id; });
    ASSERT_NE(it, targets.end()) << want.id;
    EXPECT_EQ(it->goal, want.goal) << want.id;
    EXPECT_EQ(it->deadline, 2025) << want.id;
    EXPECT_EQ(it->provenance, want.provenance) << want.id;
    EXPECT_NE(it->quote.find(want.words), std::string::npos) << want.id << ": " << it->quote;
  }
}

TEST(EmbeddedPlan, EveryQuoteIsTheVerbatimTextOfThePlan) {
  const std::string text = source_text();
  ASSERT_GT(text.size(), 30000u);
  const auto& d = embedded();
  for (const auto& t : d.targets) {
    EXPECT_NE(text.find(t.quote), std::string::npos) << "target " << t.id;
    if (t.baseline) {
      EXPECT_NE(text.find(t.baseline->quote), std::string::npos) << "baseline of " << t.id;
    }
  }
  for (const auto& p : d.projects)
    EXPECT_NE(text.find(p.quote), std::string::npos) << "project " << p.id;
  for (const auto& f : d.facts) {
    if (f.provenance.starts_with("plan")) {
      EXPECT_NE(text.find(f.quote), std::string::npos) << "fact " << f.id;
    }
  }
}

TEST(EmbeddedPlan, TotalOutputBaselineIs2719MillionIn2020) {
  const auto& targets = embedded().targets;
  auto it =
      std::find_if(targets.begin(), targets.end(), [](const auto& t) { return t.id == "total-output"; });
  ASSERT_NE(it, targets.end());
  ASSERT_TRUE(it->baseline.has_value());
  EXPECT_EQ(it->baseline->period, "2020");
  EXPECT_EQ(parse_amount(it->baseline->value).value_or(-1), 2'719'000'000);
  EXPECT_EQ(it->baseline->provenance, "plan §3(1)1");
}

TEST(EmbeddedPlan, FactsCarryThePlansFiguresExactly) {
  // (metric, period) → value as written, stated by §3(1).
  auto fact = [](std::string_view metric, std::string_view period) {
    for (const auto& f : embedded().facts) {
      if (f.subject == "cluster" && f.metric == metric && f.period == period) return f.value;
    }
    return std::string("(none)");
  };
  EXPECT_EQ(parse_amount(fact("output_value", "2015")).value_or(-1), 1'615'000'000);
  EXPECT_EQ(parse_amount(fact("output_value", "2020")).value_or(-1), 2'719'000'000);
  EXPECT_EQ(fact("employees", "2020"), "6300");
}

TEST(EmbeddedPlan, BpwOutputIn2020IsThePlansFigure) {
  const auto& obs = embedded().observations;
  auto it = std::find_if(obs.begin(), obs.end(), [](const auto& o) {
    return o.enterprise == "bpw-meizhou" && o.metric == "output_value" && o.period.to_string() == "2020";
  });
  ASSERT_NE(it, obs.end());
  EXPECT_EQ(it->value, 1'987'000'000);
  EXPECT_EQ(it->provenance, "plan §3(1)2");
}

TEST(EmbeddedPlan, TaxonomyHasTheSixCategoriesWithThePlansClassCounts) {
  const std::map<std::string, std::pair<std::int64_t, std::size_t>> want = {
      // category → (product classes, subsystems named). §1(1) says 电子电气系统 has "3类子系统"
      // but names four (娱乐设备、智能控制系统、传感器、电器件); the data keeps all four.
      {"powertrain", {196, 8}}, {"chassis", {146, 6}}, {"body", {280, 12}},
      {"electrical", {141, 4}}, {"general", {91, 8}},  {"nev", {56, 3}}};
  const auto& tax = embedded().taxonomy;
  for (const auto& [code, counts] : want) {
    auto it = std::find_if(tax.begin(), tax.end(), [&](const auto& t) { return t.code == code; });
    ASSERT_NE(it, tax.end()) << code;
    EXPECT_EQ(it->level, TaxonomyLevel::kCategory);
    EXPECT_EQ(it->class_count.value_or(-1), counts.first) << code;
    const auto subsystems = std::count_if(tax.begin(), tax.end(), [&](const auto& t) {
      return t.level == TaxonomyLevel::kSubsystem && t.parent == code;
    });
    EXPECT_EQ(static_cast<std::size_t>(subsystems), counts.second) << code;
  }
}

TEST(EmbeddedPlan, NamesEveryProductThePlanCallsLeading) {
  // §1(2): competitive, potential, traditional and newly introduced high-end products.
  const char* products[] = {"起动机", "发电机", "齿轮",     "车轴",   "制动鼓",  "铜箔", "传动带",
                            "轮胎",   "音响",   "离合器",   "轮毂",   "玻璃",    "磁性", "弹簧",
                            "稳定杆", "制动蹄", "座椅面套", "安全带", "座椅加热"};
  const auto& tax = embedded().taxonomy;
  for (const char* p : products) {
    const bool found = std::any_of(tax.begin(), tax.end(), [&](const auto& t) {
      return t.level == TaxonomyLevel::kClass && t.name.zh.find(p) != std::string::npos;
    });
    EXPECT_TRUE(found) << p;
  }
}

TEST(EmbeddedPlan, NoRealEnterpriseCarriesAnInventedCreditCode) {
  for (const auto& e : embedded().enterprises) {
    if (!e.provenance.starts_with("sample")) {
      EXPECT_TRUE(e.credit_code.empty()) << e.id;
    }
  }
}

TEST(EmbeddedPlan, EveryKeyProjectOfSection5IsThere) {
  const char* sponsors[] = {"BPW",  "福德", "雄辉", "庆达",   "捷松", "卡莱", "鸿荣", "伟友",   "嘉元",
                            "培英", "洪裕", "弹簧", "圣戈班", "宏原", "华悦", "安闻", "欧富来", "恒裕燊"};
  const auto& projects = embedded().projects;
  for (const char* s : sponsors) {
    const bool found = std::any_of(projects.begin(), projects.end(), [&](const auto& p) {
      return p.provenance.starts_with("plan §5") && p.quote.find(s) != std::string::npos;
    });
    EXPECT_TRUE(found) << s;
  }
}

}  // namespace
}  // namespace atlas
