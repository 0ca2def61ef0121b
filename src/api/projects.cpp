// GET /api/v1/projects and /api/v1/projects/{id} (docs/api.md).
#include <boost/json/array.hpp>

#include "api/internal/browse_json.hpp"
#include "api/internal/handler.hpp"
#include "app/browse.hpp"
#include "model/provenance.hpp"

namespace atlas::api::internal {

namespace {

namespace json = boost::json;

json::value amount_json(const std::optional<std::int64_t>& yuan) {
  if (!yuan) return nullptr;
  return json::value(*yuan);
}

json::value days_json(const std::optional<std::int32_t>& days) {
  if (!days) return nullptr;
  return json::value(*days);
}

json::array milestones_json(const Snapshot& s, const std::vector<app::MilestoneState>& states) {
  json::array out;
  for (const app::MilestoneState& m : states) {
    const MilestoneRecord& r = s.milestones[m.milestone];
    out.emplace_back(json::object{{"kind", to_string(r.kind)},
                                  {"planned", date_json(r.planned)},
                                  {"actual", m.reached ? date_json(r.actual) : json::value(nullptr)},
                                  {"note", note_json(r.note_zh, r.note)},
                                  {"overdue", m.overdue},
                                  {"overdue_days", days_json(m.overdue_days)},
                                  {"delay_days", days_json(m.delay_days)},
                                  {"sample", atlas::is_sample(r.provenance)},
                                  {"provenance", r.provenance}});
  }
  return out;
}

// A project as listed: its record, status, schedule flags and milestones (judged at vis.as_of).
json::object project_item(const Snapshot& s, const Visibility& vis, const app::ProjectState& state,
                          const std::vector<app::MilestoneState>& milestones) {
  const std::uint32_t i = state.id.value;
  const ProjectRecord& r = s.projects[i];
  const EnterpriseId sponsor = s.project_sponsor[i];
  json::array products;
  for (const std::string& code : r.products)
    products.emplace_back(code);
  const std::optional<app::ProjectInvestment> investment = app::project_investment(s, state.id);
  return json::object{
      {"id", r.id},
      {"name", names_json(r.name)},
      {"type", r.type},
      {"sponsor", sponsor.valid() && app::enterprise_visible(s, vis, sponsor) ? enterprise_ref(s, sponsor)
                                                                              : json::value(nullptr)},
      {"zone", zone_ref(s, s.project_zone[i])},
      {"county", county_ref(s, s.project_county[i])},
      {"investment", investment ? json::value(investment->yuan) : json::value(nullptr)},
      {"investment_source", investment ? json::value(investment->source) : json::value(nullptr)},
      {"expected_output", amount_json(r.expected_output)},
      {"products", std::move(products)},
      {"capacity", r.capacity},
      {"status", app::to_string(state.status)},
      {"status_sample", state.status_sample},
      {"late", state.late},
      {"delayed", state.delayed},
      {"schedule", app::to_string(state.schedule)},
      {"schedule_sample", state.schedule_sample},
      {"sample", atlas::is_sample(r.provenance)},
      {"provenance", r.provenance},
      {"quote", r.quote},
      {"milestones", milestones_json(s, milestones)}};
}

Outcome<app::ProjectFilter> filter_params(const ReadContext& ctx) {
  const Snapshot& s = ctx.snapshot;
  auto type = optional_param(ctx, "type", [&](std::string_view t) -> Result<std::string> {
    auto code = app::resolve_term(s, VocabularyKind::kProjectType, t, "type");
    if (!code) return std::unexpected(code.error());
    return std::string(t);
  });
  if (!type) return std::unexpected(type.error());
  auto zone = optional_param(ctx, "zone", [&](std::string_view t) { return app::resolve_zone(s, t); });
  if (!zone) return std::unexpected(zone.error());
  auto county = optional_param(ctx, "county", [&](std::string_view t) { return app::resolve_county(s, t); });
  if (!county) return std::unexpected(county.error());
  auto sponsor =
      optional_param(ctx, "sponsor", [&](std::string_view t) { return app::resolve_sponsor(s, t); });
  if (!sponsor) return std::unexpected(sponsor.error());
  auto status =
      optional_param(ctx, "status", [](std::string_view t) { return app::resolve_project_status(t); });
  if (!status) return std::unexpected(status.error());
  auto late = ctx.params.get_bool("late", false);
  if (!late) return std::unexpected(late.error());
  auto delayed = ctx.params.get_bool("delayed", false);
  if (!delayed) return std::unexpected(delayed.error());
  return app::ProjectFilter{*type,   *zone, *county,  *sponsor,
                            *status, *late, *delayed, std::string(ctx.params.get("q").value_or(""))};
}

json::array summary_json(const app::ProjectPage& page) {
  json::array out;
  for (const app::StatusSummary& sum : page.summary) {
    out.emplace_back(json::object{{"status", app::to_string(sum.status)},
                                  {"projects", sum.projects},
                                  {"sample", sum.sample},
                                  {"expected_output", amount_json(sum.expected_output)},
                                  {"investment", amount_json(sum.investment)}});
  }
  return out;
}

}  // namespace

Outcome<json::object> list_projects(const ReadContext& ctx) {
  if (auto ok = ctx.params.allow(
          {"type", "zone", "county", "sponsor", "status", "late", "delayed", "q", "offset", "limit"});
      !ok)
    return std::unexpected(ok.error());
  auto filter = filter_params(ctx);
  if (!filter) return std::unexpected(filter.error());
  auto page = ctx.page();
  if (!page) return std::unexpected(page.error());
  const app::ProjectPage result = app::list_projects(
      ctx.snapshot, ctx.visibility, app::ProjectQuery{std::move(*filter), page->offset, page->limit});
  json::array items;
  for (const app::ProjectState& p : result.items)
    items.emplace_back(project_item(ctx.snapshot, ctx.visibility, p,
                                    app::milestone_states(ctx.snapshot, ctx.visibility, p.id)));
  return json::object{{"meta", ctx.meta()},   {"total", result.total},     {"offset", page->offset},
                      {"limit", page->limit}, {"items", std::move(items)}, {"summary", summary_json(result)}};
}

Outcome<json::object> get_project(const ReadContext& ctx) {
  if (auto ok = ctx.params.allow({}); !ok) return std::unexpected(ok.error());
  const std::string_view id = ctx.path.empty() ? std::string_view() : std::string_view(ctx.path[0]);
  auto profile = lift(app::project_profile(ctx.snapshot, ctx.visibility, id));
  if (!profile) return std::unexpected(profile.error());
  json::object out{{"meta", ctx.meta()}};
  json::object item = project_item(ctx.snapshot, ctx.visibility, profile->state, profile->milestones);
  for (auto& kv : item)
    out[kv.key()] = std::move(kv.value());
  json::array facts;
  for (std::uint32_t f : profile->facts)
    facts.emplace_back(fact_json(ctx.snapshot.facts[f]));
  out["facts"] = std::move(facts);
  return out;
}

}  // namespace atlas::api::internal
