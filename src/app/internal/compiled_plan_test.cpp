#include "app/internal/compiled_plan.hpp"

#include <algorithm>
#include <string>
#include <thread>
#include <vector>

#include <gtest/gtest.h>

#include "app/check.hpp"
#include "app/target_detail.hpp"
#include "io/embedded.hpp"

namespace atlas::app::internal {
namespace {

// A fresh Snapshot of the embedded plan on each call: its memo slot starts empty.
std::shared_ptr<const Snapshot> meizhou() {
  auto read = io::read_embedded_dataset();
  EXPECT_TRUE(read.has_value());
  auto built = Snapshot::build(std::move(read->data), 1);
  EXPECT_TRUE(built.has_value()) << built.error().to_string();
  return *built;
}

CheckOptions end_of_2026() {
  return CheckOptions{day_number(2026, 12, 31), true};
}

std::string check_json(const Snapshot& s) {
  auto report = check_targets(s, end_of_2026());
  EXPECT_TRUE(report.has_value());
  return report ? check_report_json(*report, "en") : std::string();
}

// The first target whose indicator reads a metric in a year (`sum(output_value) in 2025`).
std::size_t first_level_target(const Snapshot& s, const CompiledPlan& plan) {
  for (std::size_t i = 0; i < s.targets.size(); ++i) {
    if (plan.target(i) && plan.target(i)->indicator.period &&
        query::metric_read_by(plan.target(i)->indicator, s))
      return i;
  }
  ADD_FAILURE() << "the embedded plan has no level target";
  return 0;
}

TEST(CompiledPlan, IsBuiltOncePerSnapshot) {
  const auto s = meizhou();
  const auto other = meizhou();
  const std::string first = check_json(*s);
  const CompiledPlan* plan = &compiled_plan(*s);
  EXPECT_EQ(check_json(*s), first);
  EXPECT_EQ(&compiled_plan(*s), plan);
  EXPECT_NE(&compiled_plan(*other), plan);
  EXPECT_TRUE(plan->target(0)->checked.checked_against(*s));
  EXPECT_TRUE(compiled_plan(*other).target(0)->checked.checked_against(*other));
}

TEST(CompiledPlan, ReadingsOfALevelTargetAreCheckedOnceAYear) {
  const auto s = meizhou();
  auto report = check_targets(*s, end_of_2026());
  ASSERT_TRUE(report.has_value());
  const CompiledPlan& plan = compiled_plan(*s);
  const std::size_t target = first_level_target(*s, plan);
  const TargetCheck& row = report->targets[target];
  ASSERT_TRUE(row.latest.has_value()) << row.id;
  const int year = std::stoi(row.latest_period.substr(0, 4));
  const auto metric = query::metric_read_by(plan.target(target)->indicator, *s);
  ASSERT_TRUE(metric.has_value());

  // The entries the check read, checked for that year: the same objects after another check and
  // a target detail, which read the same years.
  const Result<query::CheckedIndicator>* in_year = &plan.in_year(target, year);
  const Result<query::CheckedIndicator>* probe = &plan.probe(*metric, year);
  ASSERT_TRUE(in_year->has_value()) << in_year->error().to_string();
  ASSERT_TRUE(probe->has_value()) << probe->error().to_string();
  EXPECT_EQ((*in_year)->indicator().period->text, std::to_string(year));
  ASSERT_TRUE(check_targets(*s, end_of_2026()).has_value());
  ASSERT_TRUE(target_detail(*s, row.id, end_of_2026()).has_value());
  EXPECT_EQ(&plan.in_year(target, year), in_year);
  EXPECT_EQ(&plan.probe(*metric, year), probe);
  EXPECT_NE(&plan.in_year(target, year - 1), in_year);
}

TEST(CompiledPlan, ConcurrentChecksOfOneSnapshotAgree) {
  const std::string reference = check_json(*meizhou());
  const auto s = meizhou();  // not compiled yet: the threads race to build it
  constexpr std::size_t kThreads = 8;
  std::vector<std::string> reports(kThreads);
  std::vector<const CompiledPlan*> plans(kThreads);
  {
    std::vector<std::jthread> threads;
    for (std::size_t i = 0; i < kThreads; ++i) {
      threads.emplace_back([&, i] {
        reports[i] = check_json(*s);
        plans[i] = &compiled_plan(*s);
      });
    }
  }
  for (std::size_t i = 0; i < kThreads; ++i) {
    EXPECT_EQ(reports[i], reference) << "thread " << i;
    EXPECT_EQ(plans[i], plans[0]) << "thread " << i;
  }
}

TEST(CompiledPlan, KeepsWhyATargetDoesNotCompile) {
  auto read = io::read_embedded_dataset();
  ASSERT_TRUE(read.has_value());
  auto& targets = read->data.targets;
  const auto with_baseline = static_cast<std::size_t>(
      std::ranges::find_if(targets, [](const TargetRecord& t) { return t.baseline.has_value(); }) -
      targets.begin());
  ASSERT_LT(with_baseline + 1, targets.size());
  targets[with_baseline].baseline->period = "soon";
  targets[with_baseline + 1].indicator = "sum(output_valu) in 2025";
  auto s = Snapshot::build(std::move(read->data), 1);
  ASSERT_TRUE(s.has_value());
  const CompiledPlan& plan = compiled_plan(**s);
  ASSERT_FALSE(plan.target(with_baseline).has_value());
  EXPECT_TRUE(plan.target(with_baseline).error().in_baseline);
  EXPECT_EQ(plan.target(with_baseline).error().error.field, "baseline.period");
  ASSERT_FALSE(plan.target(with_baseline + 1).has_value());
  EXPECT_EQ(plan.target(with_baseline + 1).error().error.code, ErrorCode::kUnknownField);
  EXPECT_FALSE(plan.target(with_baseline + 1).error().in_baseline);
}

TEST(TargetProblem, ReadsTheSnapshotsOwnTargetsFromItsPlanAndCompilesAnyOther) {
  const auto s = meizhou();
  const TargetRecord& own = s->targets[0];
  EXPECT_FALSE(target_problem(*s, own).has_value());
  TargetRecord other = own;
  other.indicator = "sum(output_valu) in 2025";
  const auto problem = target_problem(*s, other);
  ASSERT_TRUE(problem.has_value());
  EXPECT_EQ(problem->code, ErrorCode::kUnknownField);
  EXPECT_EQ(problem->where.column, 5U);
  EXPECT_TRUE(compiled_plan(*s).target(0).has_value());
}

}  // namespace
}  // namespace atlas::app::internal
