// GET /api/v1/enterprises and /api/v1/enterprises/{id} (docs/api.md).
#include <boost/json/array.hpp>
#include <fmt/format.h>

#include "api/internal/browse_json.hpp"
#include "api/internal/handler.hpp"
#include "app/browse.hpp"
#include "model/provenance.hpp"
#include "model/text.hpp"

namespace atlas::api::internal {

namespace {

namespace json = boost::json;

json::value tri_state(std::int8_t v) {
  if (v < 0) return nullptr;
  return json::value(v != 0);
}

json::array strings_json(const Snapshot& s, std::span<const StringId> ids) {
  json::array out;
  for (StringId id : ids)
    out.emplace_back(s.strings.view(id));
  return out;
}

// An enterprise as the register describes it, with its output value when `figures` (the caller
// may see its figures); else "withheld" says the figure exists for others, not for this caller.
json::object enterprise_item(const Snapshot& s, EnterpriseId e, const std::optional<app::YearValue>& output,
                             bool figures) {
  const EnterpriseColumns& c = s.enterprises;
  const std::uint32_t i = e.value;
  json::array classes;
  for (ClassId cls : c.classes.row(i))
    classes.emplace_back(s.taxonomy[cls.value].code);
  return json::object{{"id", s.strings.view(c.slug[i])},
                      {"outside", c.outside[i] != 0},
                      {"aliases", strings_json(s, c.aliases.row(i))},
                      {"aliases_provenance", text_or_null(s.strings.view(c.aliases_provenance[i]))},
                      {"above_size_provenance", text_or_null(s.strings.view(c.above_size_provenance[i]))},
                      {"name", names_json(s, c.name_zh[i], c.name_en[i])},
                      {"credit_code", text_or_null(s.strings.view(c.credit_code[i]))},
                      {"county", county_ref(s, c.county[i])},
                      {"zone", zone_ref(s, c.zone[i])},
                      {"segment", s.segment_of(e)},
                      {"above_size", tri_state(c.above_size[i])},
                      {"high_tech", tri_state(c.high_tech[i])},
                      {"classes", std::move(classes)},
                      {"output_value", figures ? year_value_json(output) : json::value(nullptr)},
                      {"withheld", !figures},
                      {"sample", c.sample[i] != 0},
                      {"provenance", s.strings.view(c.provenance[i])}};
}

Outcome<app::EnterpriseSort> sort_param(const ReadContext& ctx) {
  const auto sort = ctx.params.get("sort");
  if (!sort || *sort == "name") return app::EnterpriseSort::kName;
  if (*sort == "-output_value") {
    // An order by output tells how enterprises' figures compare: only for who sees them all.
    if (!ctx.shows_all_figures()) {
      const bool signed_in = ctx.principal != nullptr;
      return std::unexpected(Problem{signed_in ? 403 : 401, signed_in ? "forbidden" : "sign-in-required",
                                     "sorting by output value needs an analyst or administrator account",
                                     "按产值排序须以分析员或管理员账号登录", "sort", 0});
    }
    return app::EnterpriseSort::kOutputValueDesc;
  }
  return std::unexpected(
      problem_from(Error{ErrorCode::kInvalidValue,
                         "\"" + std::string(*sort) + "\" is not a sort order (name, -output_value)",
                         {},
                         "sort"}));
}

Outcome<app::EnterpriseFilter> filter_params(const ReadContext& ctx) {
  const Snapshot& s = ctx.snapshot;
  app::EnterpriseFilter f;
  auto county = optional_param(ctx, "county", [&](std::string_view t) { return app::resolve_county(s, t); });
  if (!county) return std::unexpected(county.error());
  auto zone = optional_param(ctx, "zone", [&](std::string_view t) { return app::resolve_zone(s, t); });
  if (!zone) return std::unexpected(zone.error());
  auto segment = optional_param(ctx, "segment", [&](std::string_view t) {
    return app::resolve_term(s, VocabularyKind::kSegment, t, "segment");
  });
  if (!segment) return std::unexpected(segment.error());
  auto cls = optional_param(ctx, "class", [&](std::string_view t) { return app::resolve_class(s, t); });
  if (!cls) return std::unexpected(cls.error());
  f.county = *county;
  f.zone = *zone;
  f.segment = *segment;
  f.taxonomy = *cls;
  f.q = std::string(ctx.params.get("q").value_or(""));
  if (character_count(f.q) > app::kMaxSearchText) {
    return std::unexpected(problem_from(Error{ErrorCode::kLimitExceeded,
                                              fmt::format("q holds {} characters, more than the {} allowed",
                                                          character_count(f.q), app::kMaxSearchText),
                                              {},
                                              "q"}));
  }
  if (ctx.params.get("outside")) {
    auto outside = ctx.params.get_bool("outside", false);
    if (!outside) return std::unexpected(outside.error());
    f.outside = *outside;
  }
  return f;
}

json::array products_json(const Snapshot& s, const std::vector<app::ProductPath>& products) {
  json::array out;
  for (const app::ProductPath& p : products) {
    json::array path;
    for (ClassId node : p.path)
      path.emplace_back(taxonomy_ref(s, node));
    const TaxonomyRecord& t = s.taxonomy[p.product.value];
    out.emplace_back(json::object{{"code", t.code}, {"name", names_json(t.name)}, {"path", std::move(path)}});
  }
  return out;
}

json::object metric_figures_json(const Snapshot& s, const app::MetricFigures& f) {
  const MetricRecord& m = s.metrics[f.metric.value];
  json::array annual;
  for (const app::YearValue& y : f.annual)
    annual.emplace_back(
        json::object{{"year", y.year}, {"value", y.value}, {"months", y.months}, {"sample", y.sample}});
  json::array items;
  for (const app::FigureItem& item : f.items) {
    items.emplace_back(json::object{{"period", item.period},
                                    {"value", item.value},
                                    {"published", date_text(item.published)},
                                    {"provenance", s.strings.view(item.provenance)},
                                    {"sample", item.sample}});
  }
  return json::object{{"metric", m.id},
                      {"name", names_json(m.name)},
                      {"unit", to_string(m.unit)},
                      {"annual", std::move(annual)},
                      {"items", std::move(items)}};
}

json::array supply_json(const Snapshot& s, const std::vector<app::SupplyLink>& links) {
  json::array out;
  for (const app::SupplyLink& l : links) {
    const std::uint32_t e = l.enterprise.value;
    out.emplace_back(
        json::object{{"id", s.strings.view(s.enterprises.slug[e])},
                     {"name", names_json(s, s.enterprises.name_zh[e], s.enterprises.name_en[e])},
                     {"class", l.product_class.valid() ? json::value(s.taxonomy[l.product_class.value].code)
                                                       : json::value(nullptr)},
                     {"sample", l.sample}});
  }
  return out;
}

// The chain links it makes with its partners along them (docs/api.md, "chain_links").
json::array chain_links_json(const Snapshot& s, const std::vector<engine::EnterpriseLink>& links) {
  json::array out;
  for (const engine::EnterpriseLink& l : links) {
    const ChainRecord& chain = s.chains[l.chain];
    const auto side = [&](const std::vector<engine::ChainPartner>& partners) {
      json::array items;
      for (const engine::ChainPartner& p : partners) {
        const std::uint32_t e = p.enterprise.value;
        const ChainLinkRecord& link = chain.links[p.link];
        items.emplace_back(json::object{
            {"id", s.strings.view(s.enterprises.slug[e])},
            {"name", names_json(s, s.enterprises.name_zh[e], s.enterprises.name_en[e])},
            {"county", county_ref(s, s.enterprises.county[e])},
            {"class", p.product_class.valid() ? json::value(s.taxonomy[p.product_class.value].code)
                                              : json::value(nullptr)},
            {"link", json::object{{"id", link.id}, {"name", names_json(link.name)}}},
            {"local", p.local},
            {"sample", p.sample}});
      }
      return items;
    };
    const ChainLinkRecord& link = chain.links[l.link];
    out.emplace_back(json::object{{"chain", json::object{{"id", chain.id}, {"name", names_json(chain.name)}}},
                                  {"link", json::object{{"id", link.id}, {"name", names_json(link.name)}}},
                                  {"upstream", side(l.upstream)},
                                  {"downstream", side(l.downstream)}});
  }
  return out;
}

json::array carriers_json(const Snapshot& s, const std::vector<std::uint32_t>& rows) {
  json::array out;
  for (std::uint32_t i : rows) {
    const CarrierRecord& c = s.carriers[i];
    out.emplace_back(json::object{{"id", c.id},
                                  {"name", names_json(c.name)},
                                  {"kind", c.kind},
                                  {"level", to_string(c.level)},
                                  {"recognized", date_json(c.recognized)},
                                  {"sample", atlas::is_sample(c.provenance)},
                                  {"provenance", c.provenance}});
  }
  return out;
}

json::array supplier_entries_json(const Snapshot& s, const std::vector<std::uint32_t>& rows) {
  json::array out;
  for (std::uint32_t i : rows) {
    const SupplierEntryRecord& r = s.supplier_entries[i];
    out.emplace_back(json::object{{"id", r.id},
                                  {"class", text_or_null(r.product_class)},
                                  {"oem", r.oem},
                                  {"tier", r.tier},
                                  {"entered", date_json(r.entered)},
                                  {"sample", atlas::is_sample(r.provenance)},
                                  {"provenance", r.provenance}});
  }
  return out;
}

json::array sponsored_json(const Snapshot& s, const std::vector<app::ProjectState>& projects) {
  json::array out;
  for (const app::ProjectState& p : projects) {
    const ProjectRecord& r = s.projects[p.id.value];
    out.emplace_back(json::object{
        {"id", r.id}, {"name", names_json(r.name)}, {"type", r.type}, {"status", app::to_string(p.status)}});
  }
  return out;
}

void add_profile(const Snapshot& s, const app::EnterpriseProfile& p, json::object& out) {
  const EnterpriseColumns& c = s.enterprises;
  const std::uint32_t i = p.id.value;
  out["products"] = products_json(s, p.products);
  out["processes"] = strings_json(s, c.processes.row(i));
  out["certifications"] = strings_json(s, c.certifications.row(i));
  out["customers"] = strings_json(s, c.customers.row(i));
  out["employees"] = c.employees[i] < 0 ? json::value(nullptr) : json::value(c.employees[i]);
  out["group"] = enterprise_ref(s, p.group);
  json::array figures;
  for (const app::MetricFigures& f : p.figures)
    figures.emplace_back(metric_figures_json(s, f));
  out["figures"] = std::move(figures);
  out["projects"] = sponsored_json(s, p.projects);
  out["carriers"] = carriers_json(s, p.carriers);
  out["supplier_entries"] = supplier_entries_json(s, p.supplier_entries);
  out["suppliers"] = supply_json(s, p.suppliers);
  out["customers_of"] = supply_json(s, p.customers_of);
  out["chain_links"] = chain_links_json(s, p.chain_links);
  json::array facts;
  for (std::uint32_t f : p.facts)
    facts.emplace_back(fact_json(s.facts[f]));
  out["facts"] = std::move(facts);
}

}  // namespace

Outcome<json::object> list_enterprises(const ReadContext& ctx) {
  if (auto ok = ctx.params.allow(
          {"county", "zone", "segment", "class", "q", "outside", "year", "sort", "offset", "limit"});
      !ok)
    return std::unexpected(ok.error());
  auto filter = filter_params(ctx);
  if (!filter) return std::unexpected(filter.error());
  auto year = year_param(ctx);
  if (!year) return std::unexpected(year.error());
  auto sort = sort_param(ctx);
  if (!sort) return std::unexpected(sort.error());
  auto page = ctx.page();
  if (!page) return std::unexpected(page.error());
  const app::EnterpriseQuery query{std::move(*filter), *year, *sort, page->offset, page->limit};
  const app::EnterprisePage result = app::list_enterprises(ctx.snapshot, ctx.visibility, query);
  json::array items;
  items.reserve(result.items.size());
  for (const app::EnterpriseRow& row : result.items)
    items.emplace_back(enterprise_item(
        ctx.snapshot, row.id, row.output_value,
        ctx.shows_figures_of(ctx.snapshot.strings.view(ctx.snapshot.enterprises.slug[row.id.value]))));
  json::object out{{"meta", ctx.meta()},
                   {"total", result.total},
                   {"offset", page->offset},
                   {"limit", page->limit},
                   {"output_metric", output_metric_json(ctx.snapshot)},
                   {"items", std::move(items)}};
  if (result.total == 0 && !query.filter.q.empty()) {
    // Nothing matched the search text: names and aliases that hold it with a few typos.
    const Snapshot& s = ctx.snapshot;
    json::array suggestions;
    for (const app::EnterpriseSuggestion& g : app::suggest_enterprises(s, ctx.visibility, query.filter)) {
      const std::uint32_t i = g.id.value;
      suggestions.emplace_back(
          json::object{{"id", s.strings.view(s.enterprises.slug[i])},
                       {"name", names_json(s, s.enterprises.name_zh[i], s.enterprises.name_en[i])},
                       {"matched", g.text},
                       {"distance", g.distance}});
    }
    out["suggestions"] = std::move(suggestions);
  }
  return out;
}

Outcome<json::object> get_enterprise(const ReadContext& ctx) {
  if (auto ok = ctx.params.allow({"year"}); !ok) return std::unexpected(ok.error());
  auto year = year_param(ctx);
  if (!year) return std::unexpected(year.error());
  const std::string_view id = ctx.path.empty() ? std::string_view() : std::string_view(ctx.path[0]);
  auto profile = lift(app::enterprise_profile(ctx.snapshot, ctx.visibility, id, *year));
  if (!profile) return std::unexpected(profile.error());
  json::object out{{"meta", ctx.meta()}, {"output_metric", output_metric_json(ctx.snapshot)}};
  const bool figures =
      ctx.shows_figures_of(ctx.snapshot.strings.view(ctx.snapshot.enterprises.slug[profile->id.value]));
  json::object item = enterprise_item(ctx.snapshot, profile->id, profile->output_value, figures);
  for (auto& kv : item)
    out[kv.key()] = std::move(kv.value());
  add_profile(ctx.snapshot, *profile, out);
  if (!figures) {  // the register's description only: no employees, no figures
    out["employees"] = nullptr;
    out["figures"] = json::array();
  }
  return out;
}

}  // namespace atlas::api::internal
