// Projects: status, lateness and delay from the milestones known on as_of; the filtered list and
// summary.
#include <algorithm>
#include <cstdint>
#include <optional>

#include <fmt/format.h>

#include "app/browse.hpp"
#include "app/internal/browse_text.hpp"
#include "model/provenance.hpp"
#include "model/units.hpp"

namespace atlas::app {

namespace {

std::optional<ProjectStatus> status_of(MilestoneKind kind) {
  switch (kind) {
    case MilestoneKind::kSigned:
      return ProjectStatus::kSigned;
    case MilestoneKind::kStarted:
      return ProjectStatus::kStarted;
    case MilestoneKind::kCommissioned:
      return ProjectStatus::kCommissioned;
    case MilestoneKind::kFullProduction:
      return ProjectStatus::kFullProduction;
    case MilestoneKind::kPhase:
      return std::nullopt;
  }
  return std::nullopt;
}

MilestoneState judge(const MilestoneRecord& r, std::uint32_t index, DayNumber as_of) {
  MilestoneState m{index, r.actual && r.actual->first_day() <= as_of, false, std::nullopt, std::nullopt};
  if (!r.planned) return m;
  // A planned month or year is due at its end; a reached date counts from its start.
  const DayNumber due = r.planned->last_day();
  if (m.reached) {
    m.delay_days = std::max<std::int32_t>(r.actual->first_day() - due, 0);
  } else if (due < as_of) {
    m.overdue = true;
    m.overdue_days = as_of - due;
  }
  return m;
}

void add_amount(std::optional<std::int64_t>& sum, const std::optional<std::int64_t>& amount) {
  if (amount) sum = sum.value_or(0) + *amount;
}

bool matches(const Snapshot& s, const Visibility& vis, const ProjectFilter& f, const internal::TextMatcher& q,
             const std::vector<ZoneId>& zones, ProjectId p, const ProjectState& state) {
  const ProjectRecord& r = s.projects[p.value];
  if (f.type && r.type != *f.type) return false;
  if (f.zone && std::ranges::find(zones, s.project_zone[p.value]) == zones.end()) return false;
  if (f.county && s.project_county[p.value] != *f.county) return false;
  if (f.sponsor && s.project_sponsor[p.value] != *f.sponsor) return false;
  if (f.status && state.status != *f.status) return false;
  if (f.late_only && !state.late) return false;
  if (f.delayed_only && !state.delayed) return false;
  if (!f.q.empty() && !q.matches(r.name.zh) && !q.matches(r.name.en) && !q.matches(r.id)) return false;
  return project_visible(s, vis, p);
}

}  // namespace

bool project_visible(const Snapshot& s, const Visibility& vis, ProjectId p) {
  return vis.include_sample || !is_sample(s.projects[p.value].provenance);
}

std::vector<MilestoneState> milestone_states(const Snapshot& s, const Visibility& vis, ProjectId p) {
  std::vector<MilestoneState> out;
  for (std::uint32_t m : s.project_milestones.row(p.value)) {
    const MilestoneRecord& r = s.milestones[m];
    if (!vis.include_sample && is_sample(r.provenance)) continue;
    out.push_back(judge(r, m, vis.as_of));
  }
  return out;
}

const char* to_string(Schedule schedule) {
  switch (schedule) {
    case Schedule::kLate:
      return "late";
    case Schedule::kDelayed:
      return "delayed";
    case Schedule::kOnTime:
      return "on-time";
    case Schedule::kNoData:
      return "no-data";
  }
  return "no-data";
}

ProjectState project_state(const Snapshot& s, const Visibility& vis, ProjectId p) {
  ProjectState state;
  state.id = p;
  const std::vector<MilestoneState> milestones = milestone_states(s, vis, p);
  bool reached_late = false;
  bool planned = false;
  for (const MilestoneState& m : milestones) {
    const MilestoneRecord& r = s.milestones[m.milestone];
    state.late = state.late || m.overdue;
    reached_late = reached_late || m.delay_days.value_or(0) > 0;
    planned = planned || r.planned.has_value();
    if (!m.reached) continue;
    if (auto reached = status_of(r.kind)) state.status = std::max(state.status, *reached);
  }
  state.delayed = !state.late && reached_late;
  state.schedule = state.late      ? Schedule::kLate
                   : state.delayed ? Schedule::kDelayed
                   : planned       ? Schedule::kOnTime
                                   : Schedule::kNoData;
  // Which milestones the status and the schedule rest on; sample when none of them is a fact.
  bool status_fact = false;
  bool schedule_basis = false;
  bool schedule_fact = false;
  for (const MilestoneState& m : milestones) {
    const MilestoneRecord& r = s.milestones[m.milestone];
    const bool fact = !is_sample(r.provenance);
    if (m.reached && status_of(r.kind) == state.status) status_fact = status_fact || fact;
    bool basis = false;
    switch (state.schedule) {
      case Schedule::kLate:
        basis = m.overdue;
        break;
      case Schedule::kDelayed:
        basis = m.delay_days.value_or(0) > 0;
        break;
      case Schedule::kOnTime:
        basis = r.planned.has_value();
        break;
      case Schedule::kNoData:
        break;
    }
    schedule_basis = schedule_basis || basis;
    schedule_fact = schedule_fact || (basis && fact);
  }
  state.status_sample = state.status != ProjectStatus::kPlanned && !status_fact;
  state.schedule_sample = schedule_basis && !schedule_fact;
  return state;
}

ProjectPage list_projects(const Snapshot& s, const Visibility& vis, const ProjectQuery& query) {
  const ProjectFilter& f = query.filter;
  const internal::TextMatcher q(f.q);
  const std::vector<ZoneId> zones = f.zone ? zone_subtree(s, *f.zone) : std::vector<ZoneId>{};
  ProjectPage page;
  for (std::size_t i = 0; i < kProjectStatusCount; ++i)
    page.summary[i].status = static_cast<ProjectStatus>(i);
  for (std::uint32_t i = 0; i < s.projects.size(); ++i) {
    const ProjectId p{i};
    const ProjectState state = project_state(s, vis, p);
    if (!matches(s, vis, f, q, zones, p, state)) continue;
    StatusSummary& sum = page.summary[static_cast<std::size_t>(state.status)];
    ++sum.projects;
    sum.sample = sum.sample || state.status_sample;
    add_amount(sum.expected_output, s.projects[i].expected_output);
    const std::optional<ProjectInvestment> investment = project_investment(s, p);
    add_amount(sum.investment, investment ? std::optional<std::int64_t>(investment->yuan) : std::nullopt);
    if (page.total >= query.offset && page.items.size() < query.limit) page.items.push_back(state);
    ++page.total;
  }
  return page;
}

Result<ProjectProfile> project_profile(const Snapshot& s, const Visibility& vis, std::string_view id) {
  const ProjectId p = s.find_project(id);
  if (!p.valid() || !project_visible(s, vis, p)) {
    return fail(ErrorCode::kNotFound, fmt::format("no project \"{}\"", id), "id");
  }
  return ProjectProfile{project_state(s, vis, p), milestone_states(s, vis, p), facts_about(s, vis, id)};
}

std::optional<ProjectInvestment> project_investment(const Snapshot& s, ProjectId p) {
  const ProjectRecord& r = s.projects[p.value];
  if (r.investment) return ProjectInvestment{*r.investment, r.provenance};
  const std::string prefixed = "project:" + r.id;
  for (const FactRecord& f : s.facts) {
    if (f.metric != kInvestmentMetric || is_sample(f.provenance)) continue;
    if (f.subject != r.id && f.subject != prefixed) continue;
    if (auto yuan = parse_amount(f.value)) return ProjectInvestment{*yuan, f.provenance};
  }
  return std::nullopt;
}

}  // namespace atlas::app
