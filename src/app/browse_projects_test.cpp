#include <algorithm>
#include <limits>

#include <gtest/gtest.h>

#include "app/browse.hpp"
#include "app/internal/browse_test_data.hpp"

namespace atlas::app {
namespace {

using testing::at;
using testing::snap;

ProjectState state_of(std::string_view id, const Visibility& vis) {
  return project_state(snap(), vis, snap().find_project(id));
}

TEST(ProjectState, IsTheFurthestMilestoneReachedByAsOf) {
  EXPECT_EQ(state_of("gac-springs", at(2021, 7, 1)).status, ProjectStatus::kPlanned);
  EXPECT_EQ(state_of("gac-springs", at(2021, 9, 1)).status, ProjectStatus::kSigned);
  EXPECT_EQ(state_of("gac-springs", at(2022, 1, 1)).status, ProjectStatus::kStarted);
  EXPECT_EQ(state_of("gac-springs", at(2026, 11, 27)).status, ProjectStatus::kCommissioned);
  // Reached in 2021 (a year-precision date counts from its first day).
  EXPECT_EQ(state_of("bpw-phase8", at(2021, 6, 1)).status, ProjectStatus::kCommissioned);
  EXPECT_EQ(state_of("bpw-phase8", at(2020, 12, 31)).status, ProjectStatus::kPlanned);
  // Nothing reached yet: planned.
  EXPECT_EQ(state_of("oufulai-line", at(2025, 1, 1)).status, ProjectStatus::kPlanned);
}

TEST(ProjectState, LateWhenAPlannedDateIsMissedOrMetLate) {
  // saint-gobain: commissioning planned 2021-03 and never reported.
  EXPECT_FALSE(state_of("saint-gobain-glass", at(2021, 3, 31)).late);
  EXPECT_TRUE(state_of("saint-gobain-glass", at(2021, 4, 1)).late);
  // qingda: commissioned 2022-05, planned 2022-06: early, never late.
  EXPECT_FALSE(state_of("qingda-brake-shoes", at(2026, 11, 27)).late);
  // huayue: signed 2022-01 against 2021-12: not yet late on the last planned day, late after.
  EXPECT_FALSE(state_of("huayue-parts", at(2021, 12, 31)).late);
  EXPECT_TRUE(state_of("huayue-parts", at(2022, 1, 5)).late);
  // hongyu: commissioned in the planned month.
  EXPECT_FALSE(state_of("hongyu-process-upgrade", at(2026, 11, 27)).late);
}

TEST(MilestoneStates, HideActualDatesAfterAsOf) {
  const auto states = milestone_states(snap(), at(2023, 1, 1), snap().find_project("gac-springs"));
  ASSERT_EQ(states.size(), 4U);
  EXPECT_TRUE(states[0].reached);   // signed 2021-08
  EXPECT_TRUE(states[0].late);      // planned 2021-06
  EXPECT_TRUE(states[1].reached);   // started 2021-12
  EXPECT_FALSE(states[2].reached);  // commissioned 2023-05, after as_of
  EXPECT_TRUE(states[2].late);      // planned 2022-12: due 2022-12-31, before as_of
  EXPECT_FALSE(states[3].late);     // full production planned 2025-12
}

TEST(MilestoneStates, SampleFalseLeavesOutSampleMilestones) {
  const Visibility facts_only{std::numeric_limits<DayNumber>::max(), false};
  EXPECT_TRUE(milestone_states(snap(), facts_only, snap().find_project("gac-springs")).empty());
  EXPECT_EQ(state_of("gac-springs", facts_only).status, ProjectStatus::kPlanned);
  EXPECT_FALSE(state_of("gac-springs", facts_only).late);
  EXPECT_EQ(milestone_states(snap(), facts_only, snap().find_project("saint-gobain-glass")).size(), 4U);
}

TEST(ProjectList, FiltersByTypeZoneCountySponsorStatusLateAndText) {
  const Visibility vis = at(2026, 11, 27);
  auto ids = [&](const ProjectFilter& f) {
    ProjectQuery q{f, 0, 500};
    std::vector<std::string> out;
    for (const auto& p : list_projects(snap(), vis, q).items)
      out.push_back(snap().projects[p.id.value].id);
    return out;
  };
  ProjectFilter f;
  EXPECT_EQ(ids(f).size(), snap().projects.size());
  f.type = ProjectType::kAttraction;
  EXPECT_EQ(ids(f).size(), 7U);
  f = {};
  f.zone = snap().find_zone("meizhou-htz");  // the GAC park lies inside it
  EXPECT_EQ(ids(f), (std::vector<std::string>{"gac-springs", "saint-gobain-glass", "hongyuan-seat-covers",
                                              "anwen-parts"}));
  f = {};
  f.county = snap().find_county("meixian");
  EXPECT_EQ(ids(f),
            (std::vector<std::string>{"bpw-phase8", "qingda-brake-shoes", "jiayuan-copper-foil-15kt"}));
  f = {};
  f.sponsor = snap().find_enterprise("fude-metal");
  EXPECT_EQ(ids(f), (std::vector<std::string>{"fude-wheel-hub"}));
  f = {};
  f.status = ProjectStatus::kStarted;
  EXPECT_EQ(ids(f), (std::vector<std::string>{"peiying-car-audio", "saint-gobain-glass"}));
  f = {};
  f.late_only = true;
  f.q = "轮毂";
  EXPECT_EQ(ids(f), (std::vector<std::string>{"fude-wheel-hub"}));  // phase 2 planned 2022-06, unreported
}

TEST(ProjectList, SummaryCoversEveryMatchingProjectNotOnlyThePage) {
  ProjectQuery q;
  q.filter.type = ProjectType::kAttraction;
  q.limit = 2;
  const auto page = list_projects(snap(), at(2026, 11, 27), q);
  EXPECT_EQ(page.total, 7U);
  EXPECT_EQ(page.items.size(), 2U);
  std::size_t projects = 0;
  std::int64_t expected = 0;
  for (const auto& s : page.summary) {
    projects += s.projects;
    expected += s.expected_output;
  }
  EXPECT_EQ(projects, 7U);
  EXPECT_EQ(expected, 500'000'000 + 1'180'000'000);  // gac-springs 5亿 + saint-gobain 11.8亿
  EXPECT_EQ(page.summary[static_cast<std::size_t>(ProjectStatus::kPlanned)].projects, 1U);  // oufulai
}

TEST(ProjectList, PagesInPlanOrder) {
  ProjectQuery q;
  q.offset = 3;
  q.limit = 4;
  const auto page = list_projects(snap(), at(2026, 11, 27), q);
  ASSERT_EQ(page.items.size(), 4U);
  for (std::size_t i = 0; i < 4; ++i)
    EXPECT_EQ(page.items[i].id.value, 3 + i);
}

TEST(ProjectProfile, HasMilestonesAndFactsOrNotFound) {
  auto p = project_profile(snap(), at(2026, 11, 27), "saint-gobain-glass");
  ASSERT_TRUE(p);
  EXPECT_EQ(p->milestones.size(), 4U);
  EXPECT_EQ(p->facts.size(), 7U);
  auto missing = project_profile(snap(), at(2026, 11, 27), "nope");
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().code, ErrorCode::kNotFound);
}

}  // namespace
}  // namespace atlas::app
