// The non-handler parts of handler.hpp: problems from errors, query parameters, paging, meta and
// the small JSON pieces every handler shares.
#include <algorithm>
#include <charconv>
#include <limits>

#include <fmt/format.h>

#include "api/internal/handler.hpp"
#include "api/internal/problem_text.hpp"
#include "api/internal/render.hpp"
#include "model/provenance.hpp"
#include "model/text.hpp"

namespace atlas::api::internal {

namespace json = boost::json;

Problem problem_from(const Error& error, int status) {
  Problem p;
  p.status = status != 0 ? status : (error.code == ErrorCode::kNotFound ? 404 : 400);
  p.code = error_code_name(error.code);
  p.detail_en = error.field.empty() || error.message.starts_with(error.field + ":")
                    ? error.message
                    : fmt::format("{}: {}", error.field, error.message);
  p.detail_zh = fmt::format("{}：{}", problem_zh(p.code, error.field), p.detail_en);
  p.field = error.field;
  p.column = error.where.column;
  return p;
}

std::optional<std::string_view> Params::get(std::string_view name) const {
  for (auto it = items_.rbegin(); it != items_.rend(); ++it) {
    if (it->first == name) return std::string_view(it->second);
  }
  return std::nullopt;
}

namespace {

// The allowed name closest to `name`, when it is a plausible typo.
std::string_view closest(std::string_view name, std::initializer_list<std::string_view> names) {
  std::string_view best;
  std::size_t best_distance = std::numeric_limits<std::size_t>::max();
  for (std::string_view n : {std::string_view("as_of"), std::string_view("sample")}) {
    if (const auto d = edit_distance(name, n); d < best_distance) best_distance = d, best = n;
  }
  for (std::string_view n : names) {
    if (const auto d = edit_distance(name, n); d < best_distance) best_distance = d, best = n;
  }
  return best_distance <= std::max<std::size_t>(1, name.size() / 3) ? best : std::string_view();
}

std::string allowed_list(std::initializer_list<std::string_view> names) {
  std::string out;
  for (std::string_view n : names)
    out += fmt::format("{}, ", n);
  return out + "as_of, sample";
}

}  // namespace

Outcome<void> Params::allow(std::initializer_list<std::string_view> names) const {
  for (const auto& [name, value] : items_) {
    if (name == "as_of" || name == "sample" || name == "plan") continue;
    if (std::find(names.begin(), names.end(), name) != names.end()) continue;
    const auto suggestion = closest(name, names);
    const std::string hint = suggestion.empty() ? "" : fmt::format(" (did you mean \"{}\"?)", suggestion);
    return std::unexpected(
        Problem{400, "unknown-field",
                fmt::format("unknown query parameter \"{}\"{}; this endpoint takes: {}", name, hint,
                            allowed_list(names)),
                fmt::format("不支持参数 {}{}；此接口可用的参数：{}", name,
                            suggestion.empty() ? "" : fmt::format("（是否想用 {}？）", suggestion),
                            allowed_list(names)),
                name, 0});
  }
  return {};
}

Outcome<std::size_t> Params::get_size(std::string_view name, std::size_t fallback, std::size_t max) const {
  const auto text = get(name);
  if (!text) return fallback;
  std::size_t value = 0;
  const auto [ptr, ec] = std::from_chars(text->data(), text->data() + text->size(), value);
  if (text->empty() || ec != std::errc{} || ptr != text->data() + text->size()) {
    return std::unexpected(
        Problem{400, "invalid-value", fmt::format("{}: \"{}\" is not a non-negative integer", name, *text),
                fmt::format("参数 {} 须为非负整数，收到“{}”", name, *text), std::string(name), 0});
  }
  if (value > max) {
    return std::unexpected(
        Problem{400, "invalid-value", fmt::format("{}: {} is above the maximum {}", name, value, max),
                fmt::format("参数 {} 的值 {} 超过上限 {}", name, value, max), std::string(name), 0});
  }
  return value;
}

Outcome<bool> Params::get_bool(std::string_view name, bool fallback) const {
  const auto text = get(name);
  if (!text) return fallback;
  if (*text == "true" || *text == "1") return true;
  if (*text == "false" || *text == "0") return false;
  return std::unexpected(
      Problem{400, "invalid-value", fmt::format("{}: \"{}\" is not true, false, 1 or 0", name, *text),
              fmt::format("参数 {} 须为 true、false、1 或 0，收到“{}”", name, *text), std::string(name), 0});
}

Response AccountContext::fail(const Problem& problem) const {
  return problem_response(problem, echo_safe(request.target), prefers_chinese(request.accept_language));
}

bool ReadContext::shows_figures_of(std::string_view id) const {
  return app::may_see_figures(principal, id);
}

bool ReadContext::shows_all_figures() const {
  return app::allowed(principal, app::Resource::kFigures, app::Action::kRead) == app::Scope::kAll;
}

Outcome<Page> ReadContext::page() const {
  auto offset = params.get_size("offset", 0, std::numeric_limits<std::uint32_t>::max());
  if (!offset) return std::unexpected(offset.error());
  auto limit = params.get_size("limit", options.default_page_size, options.max_page_size);
  if (!limit) return std::unexpected(limit.error());
  return Page{*offset, *limit};
}

json::object ReadContext::meta() const {
  json::object m;
  m["snapshot_version"] = snapshot.version;
  m["plan"] = snapshot.plan.id;
  m["as_of"] = date_text(as_of);
  const DayNumber data_as_of = snapshot.latest_published(visibility);
  m["data_as_of"] = data_as_of > 0 ? json::value(date_text(data_as_of)) : json::value(nullptr);
  m["sample"] = visibility.include_sample;
  return m;
}

json::object names_json(const Names& names) {
  return json::object{{"zh", names.zh}, {"en", names.en}};
}

json::object output_metric_json(const Snapshot& s) {
  const std::string& id = s.plan.output_metric;
  const auto metric = s.find_metric(id);
  if (!metric) return json::object{{"id", id}, {"name", nullptr}, {"unit", nullptr}};
  const MetricRecord& m = s.metrics[metric->value];
  return json::object{{"id", id}, {"name", names_json(m.name)}, {"unit", to_string(m.unit)}};
}

json::object unit_json(const UnitRecord& unit) {
  json::array scales;
  for (const UnitScale& scale : unit.scales)
    scales.push_back(json::object{{"factor", scale.factor}, {"name", names_json(scale.name)}});
  return json::object{
      {"id", unit.id},
      {"measure", to_string(unit.measure)},
      {"name", names_json(unit.name)},
      {"scales", std::move(scales)},
      {"provenance", unit.provenance.empty() ? json::value(nullptr) : json::value(unit.provenance)}};
}

json::object names_json(const Snapshot& s, StringId zh, StringId en) {
  return json::object{{"zh", s.strings.view(zh)}, {"en", s.strings.view(en)}};
}

std::string date_text(DayNumber day) {
  return date_of(day).to_string();
}

json::value enterprise_ref(const Snapshot& s, EnterpriseId e) {
  if (!e.valid() || e.value >= s.enterprises.size()) return nullptr;
  const auto& c = s.enterprises;
  return json::object{{"id", s.strings.view(c.slug[e.value])},
                      {"name", names_json(s, c.name_zh[e.value], c.name_en[e.value])}};
}

json::value county_ref(const Snapshot& s, CountyId c) {
  if (!c.valid() || c.value >= s.counties.size()) return nullptr;
  const auto& r = s.counties[c.value];
  return json::object{{"id", r.id}, {"name", names_json(r.name)}};
}

json::value zone_ref(const Snapshot& s, ZoneId z) {
  if (!z.valid() || z.value >= s.zones.size()) return nullptr;
  const auto& r = s.zones[z.value];
  return json::object{{"id", r.id}, {"name", names_json(r.name)}};
}

}  // namespace atlas::api::internal
