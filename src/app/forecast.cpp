#include "app/forecast.hpp"

#include <cmath>
#include <utility>

#include <boost/json.hpp>
#include <fmt/format.h>

#include "app/internal/json_parts.hpp"
#include "app/target_detail.hpp"

namespace atlas::app {
namespace {

namespace json = boost::json;

// Growth rates speak of amounts: a sum's. A count over a tier says how many more instead.
bool growth_form(engine::ForecastForm form) {
  return form == engine::ForecastForm::kSum;
}

// What a final target would have taken: the shortfall, and for a level target the yearly growth
// from the baseline (or the plan's first year) to the goal beside the growth the figures show.
WhatItTook what_it_took(const Snapshot& s, const TargetOutlook& o, const Visibility& vis) {
  WhatItTook took;
  const TargetCheck& c = o.check;
  const std::int64_t value = c.latest.value_or(0);
  took.shortfall = satisfies(c.goal, value) ? 0 : std::max<std::int64_t>(0, c.goal.value - value);
  took.missed = o.forecast.missed;
  for (const engine::MissedProject& m : took.missed)
    took.missed_ids.push_back(s.projects[m.project.value].id);
  if (!growth_form(o.forecast.form)) return took;
  std::optional<int> year;
  std::optional<std::int64_t> base;
  if (c.baseline && *c.baseline > 0 && c.baseline_period.size() >= 4) {
    try {
      year = std::stoi(c.baseline_period.substr(0, 4));
      base = c.baseline;
    } catch (const std::exception&) {
      year.reset();
    }
  }
  if (!base) {
    auto parsed = query::parse_indicator(c.indicator);
    if (parsed) {
      auto first = evaluate_in_period(*parsed, calendar_year(s.plan.start_year), s, vis);
      if (first && first->has_value && first->complete() && first->value > 0) {
        year = s.plan.start_year;
        base = first->value;
      }
    }
  }
  if (!base || !year || c.deadline <= *year || c.goal.value <= 0) return took;
  const double years = c.deadline - *year;
  took.from_year = year;
  took.from_value = base;
  took.growth_needed =
      std::pow(static_cast<double>(c.goal.value) / static_cast<double>(*base), 1.0 / years) - 1.0;
  if (value > 0) {
    took.growth_achieved =
        std::pow(static_cast<double>(value) / static_cast<double>(*base), 1.0 / years) - 1.0;
  }
  return took;
}

json::value optional_double(const std::optional<double>& v) {
  return v ? json::value(*v) : json::value(nullptr);
}

json::object change_json(const engine::ForecastChange& c, const std::string& subject) {
  json::object o;
  switch (c.kind) {
    case engine::ForecastChange::Kind::kDelayProject:
      o["kind"] = "delay";
      o["project"] = subject;
      o["months"] = c.months;
      break;
    case engine::ForecastChange::Kind::kCancelProject:
      o["kind"] = "cancel";
      o["project"] = subject;
      break;
    case engine::ForecastChange::Kind::kSegmentGrowth:
      o["kind"] = "growth";
      o["segment"] = subject;
      o["growth"] = c.growth;
      break;
    case engine::ForecastChange::Kind::kAddFirm:  // listed from ForecastReport::firms
      break;
  }
  return o;
}

json::object firm_json(const HypotheticalFirm& firm, const std::vector<std::string>& counted_in) {
  json::object o;
  o["kind"] = "firm";
  if (!firm.name.empty()) o["name"] = firm.name;
  if (!firm.candidate.empty()) o["candidate"] = firm.candidate;
  o["segment"] = firm.fields.segment;
  if (!firm.fields.zone.empty()) o["zone"] = firm.fields.zone;
  if (!firm.fields.county.empty()) o["county"] = firm.fields.county;
  o["output"] = firm.output;
  o["from"] = fmt::format("{}-{:02}", year_of(firm.from), month_of(firm.from));
  json::array ids;
  for (const std::string& id : counted_in)
    ids.emplace_back(id);
  o["counted_in"] = std::move(ids);
  return o;
}

json::array missed_json(const WhatItTook& w) {
  json::array out;
  for (std::size_t i = 0; i < w.missed.size(); ++i) {
    const engine::MissedProject& m = w.missed[i];
    const std::string planned = fmt::format("{}-{:02}", year_of(m.planned), month_of(m.planned));
    out.emplace_back(
        json::object{{"project", w.missed_ids[i]},
                     {"planned", planned},
                     {"commissioned", m.commissioned ? json::value(date_of(*m.commissioned).to_string())
                                                     : json::value(nullptr)},
                     {"output", m.output}});
  }
  return out;
}

json::object outlook_json(const TargetOutlook& t) {
  const TargetCheck& c = t.check;
  const engine::TargetForecast& f = t.forecast;
  json::object o;
  o["id"] = c.id;
  o["title"] = internal::names_json(c.title);
  o["unit"] = to_string(c.unit);
  o["declared_unit"] = c.declared_unit ? json::value(c.declared_unit->id) : json::value(nullptr);
  o["goal"] = c.goal_text;
  o["goal_value"] = c.goal.value;
  o["deadline"] = c.deadline;
  o["status"] = engine::to_string(c.assessment.status);
  o["final"] = c.assessment.final;
  o["latest"] = internal::optional_int(c.latest);
  o["latest_period"] = c.latest_period;
  o["latest_year"] = c.latest_year > 0 ? json::value(c.latest_year) : json::value(nullptr);
  o["form"] = engine::to_string(f.form);
  o["unsupported"] = f.unsupported.empty() ? json::value(nullptr) : json::value(f.unsupported);
  o["probability"] = optional_double(f.probability);
  o["settled"] = f.settled;
  json::array fan;
  for (const engine::FanPoint& p : f.fan) {
    fan.emplace_back(
        json::object{{"year", p.year}, {"p10", p.p10}, {"p50", p.p50}, {"p90", p.p90}, {"mean", p.mean}});
  }
  o["fan"] = std::move(fan);
  o["members"] = f.members;
  o["stopped"] = f.stopped;
  json::array projects;
  for (const std::string& p : t.projects)
    projects.emplace_back(p);
  o["projects"] = std::move(projects);
  o["sample"] = f.uses_sample || c.uses_sample;
  if (t.took) {
    const WhatItTook& w = *t.took;
    o["took"] = json::object{{"from_year", w.from_year ? json::value(*w.from_year) : json::value(nullptr)},
                             {"from_value", internal::optional_int(w.from_value)},
                             {"growth_needed", optional_double(w.growth_needed)},
                             {"growth_achieved", optional_double(w.growth_achieved)},
                             {"shortfall", w.shortfall},
                             {"missed", missed_json(w)}};
  } else {
    o["took"] = nullptr;
  }
  return o;
}

}  // namespace

engine::ForecastSettings forecast_settings(const Snapshot& snapshot) {
  const ForecastRules& r = snapshot.plan.forecast;
  engine::ForecastSettings out;
  out.shrinkage = static_cast<double>(r.shrinkage) / 1e6;
  out.ramp_months = static_cast<int>(r.ramp_months);
  out.cancellation = static_cast<double>(r.cancellation) / 1e6;
  out.correlation = static_cast<double>(r.correlation) / 1e6;
  return out;
}

Result<ForecastReport> forecast_targets(const Snapshot& snapshot, const ForecastOptions& options) {
  auto model = engine::prepare_forecast(
      snapshot, engine::ForecastInput{options.as_of, options.include_sample, forecast_settings(snapshot)});
  if (!model) return std::unexpected(model.error());
  return forecast_targets(*model, options);
}

Result<ForecastReport> forecast_targets(const engine::ForecastModel& model, const ForecastOptions& options) {
  const Snapshot& s = model.snapshot();
  std::vector<engine::ForecastChange> changes = options.changes;
  std::vector<std::pair<HypotheticalFirm, std::vector<std::string>>> firms;
  for (std::size_t i = 0; i < options.firms.size(); ++i) {
    const HypotheticalFirm& firm = options.firms[i];
    auto counted = engine::firm_targets(model, firm.fields);
    if (!counted) {
      Error e = counted.error();
      e.field = fmt::format("firms[{}].{}", i, e.field);
      return std::unexpected(std::move(e));
    }
    engine::ForecastChange& c = changes.emplace_back();
    c.kind = engine::ForecastChange::Kind::kAddFirm;
    c.output = firm.output;
    c.from = firm.from;
    c.counted_in = *counted;
    std::vector<std::string> ids;
    for (std::size_t t = 0; t < counted->size(); ++t) {
      if ((*counted)[t] != 0) ids.push_back(s.targets[t].id);
    }
    firms.emplace_back(firm, std::move(ids));
  }
  auto result = engine::simulate(model, {options.runs, options.seed, changes, options.threads});
  if (!result) return std::unexpected(result.error());
  auto checks = check_targets(s, {model.input().as_of, model.input().include_sample});
  if (!checks) return std::unexpected(checks.error());
  ForecastReport report;
  report.plan = checks->plan;
  report.as_of = model.input().as_of;
  report.include_sample = model.input().include_sample;
  report.runs = result->runs;
  report.seed = result->seed;
  report.settings = model.input().settings;
  report.changes = options.changes;
  for (const engine::ForecastChange& c : report.changes) {
    report.change_subjects.push_back(c.kind == engine::ForecastChange::Kind::kSegmentGrowth
                                         ? s.vocabulary(VocabularyKind::kSegment)[c.segment].id
                                         : s.projects[c.project.value].id);
  }
  report.firms = std::move(firms);
  report.snapshot_version = s.version;
  const Visibility vis{model.input().as_of, model.input().include_sample};
  for (std::size_t i = 0; i < result->targets.size(); ++i) {
    TargetOutlook o;
    o.check = std::move(checks->targets[i]);
    o.forecast = std::move(result->targets[i]);
    for (ProjectId p : o.forecast.projects)
      o.projects.push_back(s.projects[p.value].id);
    if (o.check.assessment.final) o.took = what_it_took(s, o, vis);
    report.targets.push_back(std::move(o));
  }
  return report;
}

std::string forecast_report_json(const ForecastReport& report) {
  return json::serialize(forecast_report_object(report));
}

json::object forecast_report_object(const ForecastReport& report) {
  json::object root;
  root["plan"] = report.plan.id;
  root["as_of"] = date_of(report.as_of).to_string();
  root["include_sample"] = report.include_sample;
  root["runs"] = report.runs;
  root["seed"] = report.seed;
  root["snapshot_version"] = report.snapshot_version;
  root["settings"] = json::object{{"shrinkage", report.settings.shrinkage},
                                  {"ramp_months", report.settings.ramp_months},
                                  {"cancellation", report.settings.cancellation},
                                  {"correlation", report.settings.correlation}};
  json::array changes;
  for (std::size_t i = 0; i < report.changes.size(); ++i) {
    changes.emplace_back(change_json(report.changes[i], report.change_subjects[i]));
  }
  for (const auto& [firm, counted_in] : report.firms)
    changes.emplace_back(firm_json(firm, counted_in));
  root["changes"] = std::move(changes);
  json::array rows;
  for (const TargetOutlook& t : report.targets)
    rows.emplace_back(outlook_json(t));
  root["targets"] = std::move(rows);
  return root;
}

}  // namespace atlas::app
