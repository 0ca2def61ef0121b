// GET /api/v1/zones (docs/api.md): zones and counties with their enterprises and output.
#include <boost/json/array.hpp>

#include "api/internal/browse_json.hpp"
#include "api/internal/handler.hpp"
#include "app/browse.hpp"
#include "model/provenance.hpp"

namespace atlas::api::internal {

namespace {

namespace json = boost::json;

json::object zone_json(const Snapshot& s, const app::ZoneSummary& z) {
  const ZoneRecord& r = s.zones[z.id.value];
  json::array counties;
  for (const std::string& c : r.counties)
    counties.emplace_back(c);
  json::array facts;
  for (std::uint32_t f : z.facts)
    facts.emplace_back(fact_json(s.facts[f]));
  json::array targets;
  for (TargetId t : z.targets)
    targets.emplace_back(s.targets[t.value].id);
  return json::object{{"id", r.id},
                      {"name", names_json(r.name)},
                      {"kind", r.kind},
                      {"parent", text_or_null(r.parent)},
                      {"counties", std::move(counties)},
                      {"enterprises", z.totals.enterprises},
                      {"output_value", year_value_json(z.totals.output_value)},
                      {"facts", std::move(facts)},
                      {"targets", std::move(targets)},
                      {"sample", atlas::is_sample(r.provenance)},
                      {"provenance", r.provenance}};
}

json::object county_json(const Snapshot& s, const app::CountySummary& c) {
  const CountyRecord& r = s.counties[c.id.value];
  return json::object{{"id", r.id},
                      {"adcode", r.adcode},
                      {"name", names_json(r.name)},
                      {"enterprises", c.totals.enterprises},
                      {"output_value", year_value_json(c.totals.output_value)},
                      {"sample", atlas::is_sample(r.provenance)},
                      {"provenance", r.provenance}};
}

}  // namespace

Outcome<json::object> list_zones(const ReadContext& ctx) {
  if (auto ok = ctx.params.allow({"year"}); !ok) return std::unexpected(ok.error());
  auto year = year_param(ctx);
  if (!year) return std::unexpected(year.error());
  const app::ZonesOverview overview = app::zones_overview(ctx.snapshot, ctx.visibility, *year);
  json::array zones;
  for (const app::ZoneSummary& z : overview.zones)
    zones.emplace_back(zone_json(ctx.snapshot, z));
  json::array counties;
  for (const app::CountySummary& c : overview.counties)
    counties.emplace_back(county_json(ctx.snapshot, c));
  const app::AreaTotals& none = overview.county_not_recorded;
  return json::object{
      {"meta", ctx.meta()},
      {"output_metric", output_metric_json(ctx.snapshot)},
      {"zones", std::move(zones)},
      {"counties", std::move(counties)},
      {"county_not_recorded",
       json::object{{"enterprises", none.enterprises}, {"output_value", year_value_json(none.output_value)}}},
      {"county_coverage",
       overview.county_coverage ? json::value(*overview.county_coverage) : json::value(nullptr)}};
}

}  // namespace atlas::api::internal
