#include <boost/json.hpp>

#include "app/check.hpp"
#include "model/units.hpp"

namespace atlas::app {
namespace {

namespace json = boost::json;

json::value optional_int(const std::optional<std::int64_t>& v) {
  return v ? json::value(*v) : json::value(nullptr);
}
json::value optional_double(const std::optional<double>& v) {
  return v ? json::value(*v) : json::value(nullptr);
}

json::array strings(const std::vector<std::string>& items) {
  json::array out;
  for (const auto& s : items)
    out.emplace_back(s);
  return out;
}

json::object target_json(const TargetCheck& t, std::string_view lang) {
  const auto& a = t.assessment;
  json::object o;
  o["id"] = t.id;
  o["title"] = lang == "en" && !t.title.en.empty() ? t.title.en : t.title.zh;
  o["indicator"] = t.indicator;
  o["unit"] = to_string(t.unit);
  o["declared_unit"] = t.declared_unit ? json::value(t.declared_unit->id) : json::value(nullptr);
  o["baseline"] = optional_int(t.baseline);
  o["baseline_qualifier"] = to_string(t.baseline_qualifier);
  o["baseline_period"] = t.baseline_period;
  o["baseline_provenance"] = t.baseline_provenance;
  o["latest"] = optional_int(t.latest);
  o["latest_period"] = t.latest_period;
  o["contributors"] = t.contributors;
  o["goal"] = t.goal_text;
  o["goal_value"] = t.goal.value;
  o["deadline"] = t.deadline;
  o["status"] = engine::to_string(a.status);
  o["final"] = a.final;
  o["projected"] = optional_int(a.projected);
  o["path_value"] = optional_double(a.path_value);
  o["growth_needed_per_year"] = optional_double(a.growth_needed);
  o["count_needed_per_year"] = optional_double(a.count_needed_per_year);
  o["change_needed_per_year"] = optional_double(a.change_needed_per_year);
  o["sample"] = t.uses_sample;
  o["provenance"] = strings(t.provenance);
  o["target_provenance"] = t.target_provenance;
  o["problem"] = t.problem ? json::value(json::object{{"code", error_code_name(t.problem->code)},
                                                      {"message", t.problem->message}})
                           : json::value(nullptr);
  return o;
}

}  // namespace

std::string check_report_json(const CheckReport& report, std::string_view lang) {
  json::object root;
  root["plan"] = report.plan.id;
  root["plan_title"] =
      lang == "en" && !report.plan.title.en.empty() ? report.plan.title.en : report.plan.title.zh;
  root["as_of"] = date_of(report.as_of).to_string();
  root["data_as_of"] =
      report.data_as_of > 0 ? json::value(date_of(report.data_as_of).to_string()) : json::value();
  root["include_sample"] = report.include_sample;
  root["snapshot_version"] = report.snapshot_version;
  json::array rows;
  for (const auto& t : report.targets)
    rows.emplace_back(target_json(t, lang));
  root["targets"] = std::move(rows);
  return json::serialize(root);
}

}  // namespace atlas::app
