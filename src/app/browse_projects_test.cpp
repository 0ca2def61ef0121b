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

TEST(ProjectState, LateOnlyWhileAPlannedDateHasPassedUnreached) {
  // saint-gobain: commissioning planned 2021-03 and never reported.
  EXPECT_FALSE(state_of("saint-gobain-glass", at(2021, 3, 31)).late);
  EXPECT_TRUE(state_of("saint-gobain-glass", at(2021, 4, 1)).late);
  EXPECT_TRUE(state_of("saint-gobain-glass", at(2026, 11, 27)).late);
  // gac-springs: signing planned 2021-06, reached 2021-08: late in between, not after.
  EXPECT_TRUE(state_of("gac-springs", at(2021, 7, 15)).late);
  EXPECT_FALSE(state_of("gac-springs", at(2021, 9, 1)).late);
  // huayue: signed 2022-01 against 2021-12: not yet late on the last planned day.
  EXPECT_FALSE(state_of("huayue-parts", at(2021, 12, 31)).late);
  EXPECT_FALSE(state_of("huayue-parts", at(2021, 12, 31)).delayed);
}

TEST(ProjectState, DelayedWhenAMilestoneWasReachedLateAndNothingIsOverdue) {
  // xionghui: started and commissioned months after plan, both long done.
  const ProjectState xionghui = state_of("xionghui-precision-casting", at(2026, 11, 27));
  EXPECT_FALSE(xionghui.late);
  EXPECT_TRUE(xionghui.delayed);
  // huayue: signed 2022-01 against 2021-12, so delayed from the day it is known.
  EXPECT_TRUE(state_of("huayue-parts", at(2022, 1, 5)).delayed);
  // gac-springs: signed late, but full production (2025-12) is overdue now: late, not delayed.
  const ProjectState gac = state_of("gac-springs", at(2026, 11, 27));
  EXPECT_TRUE(gac.late);
  EXPECT_FALSE(gac.delayed);
  // qingda: commissioned 2022-05 against 2022-06 (early); hongyu: in the planned month.
  for (const char* id : {"qingda-brake-shoes", "hongyu-process-upgrade"}) {
    EXPECT_FALSE(state_of(id, at(2026, 11, 27)).late) << id;
    EXPECT_FALSE(state_of(id, at(2026, 11, 27)).delayed) << id;
  }
}

TEST(ProjectState, SplitsTheMeizhouProjectsIntoLateDelayedAndOnTime) {
  std::size_t late = 0;
  std::size_t delayed = 0;
  for (std::uint32_t i = 0; i < snap().projects.size(); ++i) {
    const ProjectState st = project_state(snap(), at(2026, 11, 27), ProjectId{i});
    EXPECT_FALSE(st.late && st.delayed) << snap().projects[i].id;
    late += st.late ? 1 : 0;
    delayed += st.delayed ? 1 : 0;
  }
  // Overdue on 2026-11-27: saint-gobain, fude, jiayuan, weiyou, peiying, gac-springs, oufulai.
  EXPECT_EQ(late, 7U);
  EXPECT_EQ(delayed, 9U);
  EXPECT_EQ(snap().projects.size() - late - delayed, 3U);  // bpw, qingda, hongyu
}

TEST(ProjectState, ScheduleIsNoDataWithoutAPlannedDate) {
  // bpw-phase8: one public milestone, reached, with no planned date: nothing to judge by.
  const ProjectState bpw = state_of("bpw-phase8", at(2026, 11, 27));
  EXPECT_EQ(bpw.schedule, Schedule::kNoData);
  EXPECT_FALSE(bpw.schedule_sample);
  // xionghui has sample milestones only: without sample data it has none, so no data (never on time).
  const ProjectState bare = state_of("xionghui-precision-casting", at(2026, 11, 27, false));
  EXPECT_EQ(bare.status, ProjectStatus::kPlanned);
  EXPECT_EQ(bare.schedule, Schedule::kNoData);
  EXPECT_STREQ(to_string(Schedule::kNoData), "no-data");
  EXPECT_EQ(state_of("qingda-brake-shoes", at(2026, 11, 27)).schedule, Schedule::kOnTime);
  EXPECT_EQ(state_of("xionghui-precision-casting", at(2026, 11, 27)).schedule, Schedule::kDelayed);
  EXPECT_EQ(state_of("saint-gobain-glass", at(2026, 11, 27)).schedule, Schedule::kLate);
  std::size_t on_time = 0;
  for (std::uint32_t i = 0; i < snap().projects.size(); ++i)
    on_time += project_state(snap(), at(2026, 11, 27), ProjectId{i}).schedule == Schedule::kOnTime ? 1 : 0;
  EXPECT_EQ(on_time, 2U);  // qingda, hongyu (bpw has no planned date)
}

TEST(ProjectState, SaysWhenStatusAndScheduleRestOnSampleMilestones) {
  // gac-springs: commissioned and late by sample milestones only.
  const ProjectState gac = state_of("gac-springs", at(2026, 11, 27));
  EXPECT_TRUE(gac.status_sample);
  EXPECT_TRUE(gac.schedule_sample);
  // xionghui: delayed by sample milestones.
  EXPECT_TRUE(state_of("xionghui-precision-casting", at(2026, 11, 27)).schedule_sample);
  // saint-gobain: started (public 2020-06-23) and late by its public planned 2021-03.
  const ProjectState glass = state_of("saint-gobain-glass", at(2026, 11, 27));
  EXPECT_EQ(glass.status, ProjectStatus::kStarted);
  EXPECT_FALSE(glass.status_sample);
  EXPECT_FALSE(glass.schedule_sample);
  // bpw-phase8: commissioned by a public record.
  EXPECT_FALSE(state_of("bpw-phase8", at(2026, 11, 27)).status_sample);
  // planned is never sample, whatever the data
  EXPECT_FALSE(state_of("oufulai-line", at(2026, 11, 27)).status_sample);
  // without sample data nothing rests on it
  for (std::uint32_t i = 0; i < snap().projects.size(); ++i) {
    const ProjectState st = project_state(snap(), at(2026, 11, 27, false), ProjectId{i});
    EXPECT_FALSE(st.status_sample || st.schedule_sample) << snap().projects[i].id;
  }
}

TEST(ListProjects, SummaryBucketsSayWhenTheyCountSampleStatuses) {
  const ProjectPage page = list_projects(snap(), at(2026, 11, 27), ProjectQuery{});
  EXPECT_TRUE(page.summary[static_cast<std::size_t>(ProjectStatus::kCommissioned)].sample);
  EXPECT_FALSE(page.summary[static_cast<std::size_t>(ProjectStatus::kPlanned)].sample);
  const ProjectPage facts = list_projects(snap(), at(2026, 11, 27, false), ProjectQuery{});
  for (const StatusSummary& sum : facts.summary)
    EXPECT_FALSE(sum.sample) << to_string(sum.status);
}

TEST(MilestoneStates, HideActualDatesAfterAsOf) {
  const auto states = milestone_states(snap(), at(2023, 1, 1), snap().find_project("gac-springs"));
  ASSERT_EQ(states.size(), 4U);
  EXPECT_TRUE(states[0].reached);   // signed 2021-08
  EXPECT_FALSE(states[0].overdue);  // planned 2021-06, reached
  EXPECT_TRUE(states[1].reached);   // started 2021-12
  EXPECT_FALSE(states[2].reached);  // commissioned 2023-05, after as_of
  EXPECT_TRUE(states[2].overdue);   // planned 2022-12: due 2022-12-31, before as_of
  EXPECT_FALSE(states[3].overdue);  // full production planned 2025-12
}

TEST(MilestoneStates, CountDelayFromTheEndOfThePlannedPeriodToTheStartOfTheActualOne) {
  const auto states = milestone_states(snap(), at(2023, 1, 1), snap().find_project("gac-springs"));
  ASSERT_EQ(states.size(), 4U);
  EXPECT_EQ(states[0].delay_days, 32);            // planned 2021-06 (due 06-30), reached 2021-08 (from 08-01)
  EXPECT_EQ(states[1].delay_days, 31);            // planned 2021-10 (due 10-31), reached 2021-12 (from 12-01)
  EXPECT_EQ(states[2].delay_days, std::nullopt);  // not reached yet
  EXPECT_EQ(states[2].overdue_days, 1);           // due 2022-12-31, as_of 2023-01-01
  EXPECT_EQ(states[0].overdue_days, std::nullopt);
  // Reached early or on time: no delay.
  const auto qingda = milestone_states(snap(), at(2026, 11, 27), snap().find_project("qingda-brake-shoes"));
  ASSERT_EQ(qingda.size(), 1U);
  EXPECT_EQ(qingda[0].delay_days, 0);
  // Reached without a planned date: nothing to be late against.
  const auto bpw = milestone_states(snap(), at(2026, 11, 27), snap().find_project("bpw-phase8"));
  ASSERT_EQ(bpw.size(), 1U);
  EXPECT_TRUE(bpw[0].reached);
  EXPECT_EQ(bpw[0].delay_days, std::nullopt);
  EXPECT_FALSE(bpw[0].overdue);
}

TEST(MilestoneStates, SampleFalseLeavesOutSampleMilestones) {
  const Visibility facts_only{std::numeric_limits<DayNumber>::max(), false};
  EXPECT_TRUE(milestone_states(snap(), facts_only, snap().find_project("gac-springs")).empty());
  EXPECT_EQ(state_of("gac-springs", facts_only).status, ProjectStatus::kPlanned);
  EXPECT_FALSE(state_of("gac-springs", facts_only).late);
  EXPECT_FALSE(state_of("gac-springs", facts_only).delayed);
  EXPECT_EQ(milestone_states(snap(), facts_only, snap().find_project("saint-gobain-glass")).size(), 4U);
}

TEST(ProjectList, FiltersByTypeZoneCountySponsorStatusScheduleAndText) {
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
  f.type = "attraction";
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
  f = {};
  f.delayed_only = true;
  f.county = snap().find_county("meixian");
  EXPECT_TRUE(ids(f).empty());  // bpw and qingda on time, jiayuan late (full production 2023-12)
  f = {};
  f.delayed_only = true;
  f.type = "attraction";
  EXPECT_EQ(ids(f), (std::vector<std::string>{"hongyuan-seat-covers", "huayue-parts", "anwen-parts",
                                              "hengyusheng-nev-parts"}));
  f.late_only = true;
  EXPECT_TRUE(ids(f).empty());  // no project is both
}

TEST(ProjectList, SummaryCoversEveryMatchingProjectNotOnlyThePage) {
  ProjectQuery q;
  q.filter.type = "attraction";
  q.limit = 2;
  const auto page = list_projects(snap(), at(2026, 11, 27), q);
  EXPECT_EQ(page.total, 7U);
  EXPECT_EQ(page.items.size(), 2U);
  std::size_t projects = 0;
  std::int64_t expected = 0;
  for (const auto& s : page.summary) {
    projects += s.projects;
    expected += s.expected_output.value_or(0);
  }
  EXPECT_EQ(projects, 7U);
  EXPECT_EQ(expected, 500'000'000 + 1'180'000'000);  // gac-springs 5亿 + saint-gobain 11.8亿
  EXPECT_EQ(page.summary[static_cast<std::size_t>(ProjectStatus::kPlanned)].projects, 1U);  // oufulai
}

TEST(ProjectList, SummaryAmountsAreUnknownWhenNoProjectStatesThem) {
  const auto page = list_projects(snap(), at(2026, 11, 27), ProjectQuery{});
  auto of = [&](ProjectStatus st) { return page.summary[static_cast<std::size_t>(st)]; };
  // weiyou and oufulai (planned) state no expected output: unknown, not 0.
  EXPECT_EQ(of(ProjectStatus::kPlanned).projects, 2U);
  EXPECT_EQ(of(ProjectStatus::kPlanned).expected_output, std::nullopt);
  // gac-springs (commissioned) states 5亿; the other commissioned projects state nothing.
  EXPECT_EQ(of(ProjectStatus::kCommissioned).expected_output, 500'000'000);
  // The plan gives no project's investment; public facts give three (Saint-Gobain 6.2亿, BPW
  // phase 8 5.4亿, Fude 4亿): the summary sums those, and a status with none stays unknown.
  std::int64_t invested = 0;
  for (const auto& s : page.summary)
    invested += s.investment.value_or(0);
  EXPECT_EQ(invested, 620'000'000 + 540'000'000 + 400'000'000);
  EXPECT_EQ(of(ProjectStatus::kPlanned).investment, std::nullopt);
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
