#include "api/internal/browse_json.hpp"

#include <fmt/format.h>

#include "model/provenance.hpp"

namespace atlas::api::internal {

namespace json = boost::json;

Outcome<int> year_param(const ReadContext& ctx) {
  const auto text = ctx.params.get("year");
  if (!text) return app::default_year(ctx.as_of);
  return lift(app::parse_year(*text));
}

json::value year_value_json(const std::optional<app::YearValue>& v) {
  if (!v) return nullptr;
  // The months the figures cover: the whole year, or January to the last month reported so far.
  const std::string period = v->months == 0 || v->months >= 12
                                 ? std::to_string(v->year)
                                 : fmt::format("{}-01~{:02}", v->year, v->months);
  return json::object{{"year", v->year}, {"period", period}, {"value", v->value}, {"sample", v->sample}};
}

json::value date_json(const std::optional<Date>& date) {
  if (!date) return nullptr;
  return json::value(date->to_string());
}

json::object fact_json(const FactRecord& fact) {
  const app::FactValue v = app::fact_value(fact);
  json::value value;
  switch (v.kind) {
    case app::FactValue::Kind::kInteger:
      value = v.integer;
      break;
    case app::FactValue::Kind::kDecimal:
      value = v.decimal;
      break;
    case app::FactValue::Kind::kText:
      value = v.text;
      break;
  }
  return json::object{{"id", fact.id},
                      {"metric", fact.metric},
                      {"period", fact.period},
                      {"value", std::move(value)},
                      {"unit", fact_unit(fact)},
                      {"qualifier", to_string(fact.qualifier)},
                      {"quote", fact.quote},
                      {"note", note_json(fact.note_zh, fact.note)},
                      {"sample", atlas::is_sample(fact.provenance)},
                      {"provenance", fact.provenance}};
}

json::object taxonomy_ref(const Snapshot& s, ClassId node) {
  const TaxonomyRecord& t = s.taxonomy[node.value];
  return json::object{{"code", t.code}, {"level", to_string(t.level)}, {"name", names_json(t.name)}};
}

json::object note_json(std::string_view zh, std::string_view en) {
  return json::object{{"zh", zh}, {"en", en}};
}

json::value text_or_null(std::string_view text) {
  if (text.empty()) return nullptr;
  return json::value(text);
}

}  // namespace atlas::api::internal
