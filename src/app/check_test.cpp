#include "app/check.hpp"

#include <gtest/gtest.h>

#include "io/embedded.hpp"

namespace atlas::app {
namespace {

template <class Edit>
std::shared_ptr<const Snapshot> meizhou_with(Edit edit) {
  auto read = io::read_embedded_dataset();
  EXPECT_TRUE(read.has_value());
  edit(read->data);
  auto built = Snapshot::build(std::move(read->data), 1);
  EXPECT_TRUE(built.has_value()) << built.error().to_string();
  return *built;
}

const CheckOptions kEndOf2026{day_number(2026, 12, 31), true};

// A report is made per request: it names its plan without the boundary map, and one target's row
// (GET /targets/{id}) is the row the whole check gives it.
TEST(CheckTargets, ReportsThePlanWithoutItsMapAndOneTargetAsTheWholeCheckDoes) {
  const auto s = meizhou_with([](Dataset&) {});
  ASSERT_FALSE(s->plan.map.empty());
  const auto report = check_targets(*s, kEndOf2026);
  ASSERT_TRUE(report.has_value());
  EXPECT_TRUE(report->plan.map.empty());
  EXPECT_EQ(report->plan.id, s->plan.id);
  EXPECT_EQ(report->plan.map_source, s->plan.map_source);
  ASSERT_EQ(report->targets.size(), s->targets.size());
  for (std::size_t i = 0; i < s->targets.size(); ++i) {
    const TargetCheck one = check_target(*s, i, kEndOf2026);
    const TargetCheck& all = report->targets[i];
    EXPECT_EQ(one.id, all.id);
    EXPECT_EQ(one.assessment.status, all.assessment.status) << all.id;
    EXPECT_EQ(one.latest, all.latest) << all.id;
    EXPECT_EQ(one.latest_period, all.latest_period) << all.id;
    EXPECT_EQ(one.contributors, all.contributors) << all.id;
  }
}

TEST(CheckTargets, IsolatesATargetThatCannotBeEvaluated) {
  const auto whole = meizhou_with([](Dataset&) {});
  const std::string third = whole->targets[2].id;  // in plan order
  const auto snapshot = meizhou_with([&](Dataset& d) {
    for (auto& t : d.targets) {
      if (t.id == third) t.indicator = "sum(output_valu) in 2025";
    }
  });
  auto report = check_targets(*snapshot, kEndOf2026);
  auto reference = check_targets(*whole, kEndOf2026);
  ASSERT_TRUE(report.has_value());
  ASSERT_TRUE(reference.has_value());
  ASSERT_EQ(report->targets.size(), reference->targets.size());

  const TargetCheck& broken = report->targets[2];
  EXPECT_EQ(broken.assessment.status, engine::TargetStatus::kError);
  ASSERT_TRUE(broken.problem.has_value());
  EXPECT_EQ(broken.problem->code, ErrorCode::kUnknownField);
  EXPECT_NE(broken.problem->message.find("target " + broken.id), std::string::npos)
      << broken.problem->message;
  EXPECT_NE(broken.problem->message.find("did you mean"), std::string::npos) << broken.problem->message;
  EXPECT_FALSE(broken.latest.has_value());
  EXPECT_EQ(broken.goal_text, reference->targets[2].goal_text);

  for (std::size_t i = 0; i < report->targets.size(); ++i) {
    if (i == 2) continue;
    EXPECT_FALSE(report->targets[i].problem.has_value()) << i;
    EXPECT_EQ(report->targets[i].latest, reference->targets[i].latest) << i;
    EXPECT_EQ(report->targets[i].assessment.status, reference->targets[i].assessment.status) << i;
  }
}

TEST(CheckTargets, IsolatesAGoalThatDoesNotParse) {
  const auto snapshot = meizhou_with([](Dataset& d) { d.targets[0].goal = ">= lots"; });
  auto report = check_targets(*snapshot, kEndOf2026);
  ASSERT_TRUE(report.has_value());
  EXPECT_EQ(report->targets[0].assessment.status, engine::TargetStatus::kError);
  ASSERT_TRUE(report->targets[0].problem.has_value());
  EXPECT_NE(report->targets[1].assessment.status, engine::TargetStatus::kError);
}

TEST(CheckTargets, ReportsAnIndicatorBeyondTheLimitsAsThatTargetsProblem) {
  const auto snapshot = meizhou_with([](Dataset& d) {
    d.targets[0].indicator =
        "count(enterprises) where " + std::string(40, '(') + "high_tech" + std::string(40, ')');
  });
  auto report = check_targets(*snapshot, kEndOf2026);
  ASSERT_TRUE(report.has_value());
  ASSERT_TRUE(report->targets[0].problem.has_value());
  EXPECT_EQ(report->targets[0].problem->code, ErrorCode::kLimitExceeded);
}

}  // namespace
}  // namespace atlas::app
