// `… group by FIELD`: one pass, one value per group, each equal to the indicator restricted to the
// group, and the groups adding up to the whole.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include "query/indicator.hpp"
#include "query/internal/test_dataset.hpp"

namespace atlas::query {
namespace {

using testing::yi;

class GroupedEvaluation : public ::testing::Test {
 protected:
  GroupedResult run(std::string_view text, const Visibility& vis = {}) {
    auto checked = compile_indicator(text, *snapshot_);
    EXPECT_TRUE(checked.has_value()) << text << ": " << (checked ? "" : checked.error().to_string());
    if (!checked) return {};
    auto result = evaluate_grouped(*checked, *snapshot_, vis);
    EXPECT_TRUE(result.has_value()) << text << ": " << (result ? "" : result.error().to_string());
    return result ? *result : GroupedResult{};
  }
  Error error(std::string_view text) {
    auto checked = compile_indicator(text, *snapshot_);
    EXPECT_FALSE(checked.has_value()) << text;
    return checked ? Error{} : checked.error();
  }
  static std::map<std::string, std::int64_t> values(const GroupedResult& r) {
    std::map<std::string, std::int64_t> out;
    for (const auto& g : r.groups)
      out[g.key ? r.keys[*g.key].id : "(none)"] = g.value;
    return out;
  }

  std::shared_ptr<const Snapshot> snapshot_ = testing::query_test_snapshot();
};

TEST_F(GroupedEvaluation, SumsOutputPerCountyAndTheCountiesAddUpToTheRegion) {
  const auto r = run("sum(output_value) in 2025 group by county");
  EXPECT_EQ(r.field, "county");
  ASSERT_EQ(r.keys.size(), 3u);
  EXPECT_EQ(r.keys[0].id, "meijiang");
  EXPECT_EQ(r.keys[0].name.zh, "梅江区");
  EXPECT_EQ(values(r), (std::map<std::string, std::int64_t>{
                           {"meijiang", yi(18.5)}, {"meixian", yi(9)}, {"xingning", yi(0.5)}}));
  EXPECT_EQ(r.total.value, yi(28));
  EXPECT_FALSE(r.overlapping);
  std::int64_t sum = 0;
  for (const auto& g : r.groups)
    sum += g.value;
  EXPECT_EQ(sum, r.total.value);
  // Coverage and samples per group: xingning rests on one sample figure, meijiang runs to September.
  EXPECT_TRUE(r.groups[2].includes_sample);
  EXPECT_FALSE(r.groups[0].includes_sample);
  EXPECT_EQ(r.groups[0].contributors, 2u);
  EXPECT_EQ(group_coverage_text(r.groups[0], r.total.period), "2025-01~09");
  EXPECT_FALSE(group_complete(r.groups[0], r.total.period));
}

TEST_F(GroupedEvaluation, ListsEveryGroupOfTheFieldEvenWithoutRecords) {
  const auto r = run("avg(output_value) where segment = \"trailer\" in 2024 group by county");
  ASSERT_EQ(r.groups.size(), 3u);
  EXPECT_EQ(r.groups[1].value, yi(12));
  EXPECT_TRUE(r.groups[1].has_value);
  EXPECT_FALSE(r.groups[0].has_value);  // no trailer maker in meijiang: no average, not 0
  EXPECT_EQ(r.groups[0].contributors, 0u);
}

TEST_F(GroupedEvaluation, RecordsWithoutAValueOfTheFieldFormTheirOwnGroup) {
  const auto r = run("count(projects) group by county");
  EXPECT_EQ(values(r), (std::map<std::string, std::int64_t>{
                           {"meijiang", 2}, {"meixian", 1}, {"xingning", 1}, {"(none)", 1}}));
  EXPECT_EQ(r.total.value, 5);
  EXPECT_FALSE(r.groups.back().key.has_value());
  // Without a sample: the sample project (the one without a county) is left out, and so is its group.
  const auto no_sample =
      run("count(projects) group by county", {std::numeric_limits<DayNumber>::max(), false});
  EXPECT_EQ(no_sample.groups.size(), 3u);
  EXPECT_EQ(no_sample.total.value, 4);
}

// Each group's value is the indicator with `FIELD = "KEY"` added to its condition: the same value,
// contributors, sample flag and coverage, for every field and aggregate.
TEST_F(GroupedEvaluation, EachGroupEqualsTheIndicatorRestrictedToIt) {
  const std::vector<std::pair<std::string, std::string>> cases{
      {"sum(output_value)", "in 2025"},
      {"sum(output_value)", "in 2024"},
      {"count(enterprises) where output_value > 1亿", "in 2024"},
      {"avg(output_value)", "in 2025"},
      {"max(output_value)", "in 2025-01~06"},
      {"min(employees)", "in 2025"},
      {"count(enterprises) where above_size", ""},
      {"sum(output_value) / sum(output_value) where high_tech", "in 2025"},
  };
  for (const std::string field : {"county", "zone", "segment", "class", "subsystem", "category"}) {
    for (const auto& [head, period] : cases) {
      for (const Visibility vis : {Visibility{}, Visibility{day_number(2025, 11, 1), false}}) {
        const std::string text = fmt::format("{} {} group by {}", head, period, field);
        const auto grouped = run(text, vis);
        for (const auto& g : grouped.groups) {
          if (!g.key) continue;
          const std::string& key = grouped.keys[*g.key].id;
          // Restrict both parts of a ratio, as the grouped ratio divides group by group.
          std::string restricted = head;
          const std::string where = fmt::format("{} = \"{}\"", field, key);
          auto restrict_part = [&](std::string part) {
            const auto w = part.find(" where ");
            return w == std::string::npos
                       ? part + " where " + where
                       : part.substr(0, w) + " where " + where + " and (" + part.substr(w + 7) + ")";
          };
          const auto slash = head.find(" / ");
          restricted = slash == std::string::npos ? restrict_part(head)
                                                  : restrict_part(head.substr(0, slash)) + " / " +
                                                        restrict_part(head.substr(slash + 3));
          const std::string one = fmt::format("{} {}", restricted, period);
          auto alone = evaluate_indicator(one, *snapshot_, vis);
          ASSERT_TRUE(alone.has_value()) << one << ": " << alone.error().to_string();
          SCOPED_TRACE(text + " — " + one);
          EXPECT_EQ(g.has_value, alone->has_value);
          EXPECT_EQ(g.value, alone->value);
          EXPECT_EQ(g.contributors, alone->contributors());
          EXPECT_EQ(g.includes_sample, alone->includes_sample);
          EXPECT_EQ(g.covered_last, alone->covered_last);
          EXPECT_EQ(g.ratio, alone->ratio);
        }
      }
    }
  }
}

TEST_F(GroupedEvaluation, TheWholeIsTheUngroupedIndicator) {
  for (const std::string text : {"sum(output_value) in 2025", "count(carriers) where level >= provincial",
                                 "count(distinct enterprise) of supplier_entries"}) {
    auto whole = evaluate_indicator(text, *snapshot_);
    ASSERT_TRUE(whole.has_value());
    const std::string field = text.starts_with("count(carriers)")  ? "level"
                              : text.starts_with("count(distinct") ? "class"
                                                                   : "segment";
    const auto grouped = run(text + " group by " + field);
    EXPECT_EQ(grouped.total.value, whole->value) << text;
    EXPECT_EQ(grouped.total.records, whole->records) << text;
    EXPECT_EQ(grouped.total.includes_sample, whole->includes_sample) << text;
  }
}

TEST_F(GroupedEvaluation, ZonesHoldTheirSubZonesAndSayTheyOverlap) {
  const auto r = run("count(enterprises) group by zone");
  EXPECT_TRUE(r.overlapping);
  // nev-pack lies in gac-park-east, which is part of gac-park.
  EXPECT_EQ(values(r),
            (std::map<std::string, std::int64_t>{
                {"gac-park", 2}, {"gac-park-east", 1}, {"meixian-trailer-belt", 1}, {"(none)", 2}}));
}

TEST_F(GroupedEvaluation, GroupsSmallTablesByTheirOwnFields) {
  EXPECT_EQ(values(run("count(carriers) group by level")),
            (std::map<std::string, std::int64_t>{{"municipal", 1}, {"provincial", 3}, {"national", 1}}));
  EXPECT_EQ(values(run("count(distinct oem) of supplier_entries group by class")),
            (std::map<std::string, std::int64_t>{{"axle", 1}, {"suspension", 1}, {"battery-pack", 1}}));
  EXPECT_EQ(values(run("count(candidates) group by chain")),
            (std::map<std::string, std::int64_t>{{"trailer", 1}, {"nev", 1}}));
  EXPECT_EQ(values(run("sum(expected_output) group by type"))["attraction"], yi(22));
}

TEST_F(GroupedEvaluation, EvaluateAnswersTheWholeOfAGroupedIndicator) {
  auto whole = evaluate_indicator("sum(output_value) in 2025 group by county", *snapshot_);
  ASSERT_TRUE(whole.has_value());
  EXPECT_EQ(whole->value, yi(28));
  auto checked = compile_indicator("sum(output_value) in 2025", *snapshot_);
  ASSERT_TRUE(checked.has_value());
  EXPECT_FALSE(checked->is_grouped());
  auto refused = evaluate_grouped(*checked, *snapshot_, {});
  ASSERT_FALSE(refused.has_value());
  EXPECT_EQ(refused.error().code, ErrorCode::kInvalidArgument);
}

TEST_F(GroupedEvaluation, RefusesWhatCannotBeGroupedAtItsColumn) {
  auto e = error("sum(output_value) in 2025 group by cuonty");
  EXPECT_EQ(e.code, ErrorCode::kUnknownField);
  EXPECT_NE(e.message.find("did you mean \"county\""), std::string::npos) << e.message;
  EXPECT_EQ(e.where.column, 36u);
  e = error("sum(output_value) in 2025 group by name");
  EXPECT_EQ(e.code, ErrorCode::kTypeError);
  EXPECT_NE(e.message.find("group by county, zone, segment, class, subsystem or category"), std::string::npos)
      << e.message;
  e = error("count(projects) group by segment");
  EXPECT_EQ(e.code, ErrorCode::kUnknownField);
  EXPECT_NE(e.message.find("group by county, zone or type"), std::string::npos) << e.message;
  e = error("figure(output_value) of \"region:china\" in 2024 group by county");
  EXPECT_EQ(e.code, ErrorCode::kTypeError);
  e = error("count(carriers) / count(candidates) group by kind");
  EXPECT_EQ(e.code, ErrorCode::kTypeError);
  EXPECT_NE(e.message.find("different values"), std::string::npos) << e.message;
  e = error("sum(output_value) in 2025 group county");
  EXPECT_EQ(e.code, ErrorCode::kSyntaxError);
  e = error("sum(output_value) group by county in 2025");
  EXPECT_EQ(e.code, ErrorCode::kSyntaxError);
  EXPECT_NE(e.message.find("\"group by\" comes last"), std::string::npos) << e.message;
}

TEST_F(GroupedEvaluation, ParsesGroupByAfterThePeriodOrTheCondition) {
  auto a = parse_indicator("sum(output_value) where high_tech in 2025 group by county");
  ASSERT_TRUE(a.has_value());
  EXPECT_EQ(to_string(*a), "(sum output_value high_tech 2025 (group county))");
  EXPECT_EQ(a->group_by_pos.column, 52u);
  auto b = parse_indicator("count(enterprises) where group = \"bpw\" group by county");
  ASSERT_TRUE(b.has_value());
  EXPECT_EQ(to_string(*b), "(count enterprises (= group \"bpw\") (group county))");
}

}  // namespace
}  // namespace atlas::query
