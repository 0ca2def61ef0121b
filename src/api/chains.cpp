// GET /api/v1/chains (docs/api.md): the industrial chains, their links and local makers.
// GET /api/v1/chains/{id}: one chain's links judged strong, weak or missing, with their evidence.
// GET /api/v1/catalogues/{kind}: the key-development or target-enterprise catalogue as XLSX or CSV.
#include "app/chains.hpp"

#include <cctype>
#include <span>

#include <boost/json/array.hpp>
#include <fmt/format.h>

#include "api/internal/browse_json.hpp"
#include "api/internal/handler.hpp"
#include "app/browse.hpp"
#include "model/provenance.hpp"

namespace atlas::api::internal {

namespace {

namespace json = boost::json;

json::object chain_json(const Snapshot& s, const ChainRecord& chain, const app::ChainSummary& summary) {
  json::array links;
  for (std::size_t l = 0; l < chain.links.size(); ++l) {
    json::array classes;
    for (ClassId cls : summary.links[l].classes) {
      const TaxonomyRecord& t = s.taxonomy[cls.value];
      classes.emplace_back(json::object{{"code", t.code}, {"name", names_json(t.name)}});
    }
    links.emplace_back(json::object{{"id", chain.links[l].id},
                                    {"name", names_json(chain.links[l].name)},
                                    {"classes", std::move(classes)},
                                    {"enterprises", summary.links[l].enterprises}});
  }
  json::array edges;
  for (const ChainEdgeRecord& e : chain.edges)
    edges.emplace_back(json::object{{"from", e.from}, {"to", e.to}});
  return json::object{{"id", chain.id},
                      {"name", names_json(chain.name)},
                      {"sample", atlas::is_sample(chain.provenance)},
                      {"provenance", chain.provenance},
                      {"links", std::move(links)},
                      {"edges", std::move(edges)}};
}

}  // namespace

Outcome<json::object> list_chains(const ReadContext& ctx) {
  if (auto ok = ctx.params.allow({}); !ok) return std::unexpected(ok.error());
  const std::vector<app::ChainSummary> summaries = app::chains_overview(ctx.snapshot, ctx.visibility);
  json::array chains;
  for (std::size_t c = 0; c < ctx.snapshot.chains.size(); ++c)
    chains.emplace_back(chain_json(ctx.snapshot, ctx.snapshot.chains[c], summaries[c]));
  return json::object{{"meta", ctx.meta()}, {"chains", std::move(chains)}};
}

namespace {

// A path id that names nothing: not found (404), not a bad parameter.
Problem not_found(Error e) {
  e.code = ErrorCode::kNotFound;
  return problem_from(e);
}

// The chain of path[0] judged for ?county= in ?year=, with the output column it read.
struct Judged {
  std::uint32_t chain = 0;
  app::OutputColumn output;
  engine::ChainAssessment assessment;
};

// ?county= (none: the region) and ?year= (default: the last complete year before as_of).
struct Area {
  CountyId county;
  int year = 0;
};

Outcome<Area> area_of(const ReadContext& ctx) {
  const Snapshot& s = ctx.snapshot;
  auto county =
      optional_param(ctx, "county", [&](std::string_view text) { return app::resolve_county(s, text); });
  if (!county) return std::unexpected(county.error());
  Area area{county->value_or(CountyId{}), app::default_year(ctx.as_of)};
  if (const auto text = ctx.params.get("year")) {
    auto parsed = lift(app::parse_year(*text));
    if (!parsed) return std::unexpected(parsed.error());
    area.year = *parsed;
  }
  return area;
}

Outcome<Judged> judge(const ReadContext& ctx) {
  const Snapshot& s = ctx.snapshot;
  const std::string_view id = ctx.path.empty() ? std::string_view() : std::string_view(ctx.path[0]);
  auto chain = app::resolve_chain(s, id, "id");
  if (!chain) return std::unexpected(not_found(chain.error()));
  auto area = area_of(ctx);
  if (!area) return std::unexpected(area.error());
  Judged out;
  out.chain = *chain;
  out.output = app::output_column(s, ctx.visibility, area->year);
  out.assessment = app::assess_chain(s, ctx.visibility, out.output, *chain, area->county);
  return out;
}

// A file name for a download: the parts joined by '-', anything but [A-Za-z0-9._] made '-'.
std::string file_name(std::initializer_list<std::string_view> parts, std::string_view extension) {
  std::string out;
  for (std::string_view part : parts) {
    if (part.empty()) continue;
    if (!out.empty()) out += '-';
    for (char c : part)
      out += std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '.' || c == '_' ? c : '-';
  }
  return out + "." + std::string(extension);
}

}  // namespace

Outcome<json::object> get_chain(const ReadContext& ctx) {
  if (auto ok = ctx.params.allow({"county", "year"}); !ok) return std::unexpected(ok.error());
  auto judged = judge(ctx);
  if (!judged) return std::unexpected(judged.error());
  const auto fed = app::targets_fed_by_projects(ctx.snapshot, ctx.visibility);
  return json::object{
      {"meta", ctx.meta()},
      {"chain", app::chain_assessment_json(ctx.snapshot, judged->assessment, judged->output, &fed)}};
}

Outcome<json::object> list_chain_counties(const ReadContext& ctx) {
  if (auto ok = ctx.params.allow({"year"}); !ok) return std::unexpected(ok.error());
  const Snapshot& s = ctx.snapshot;
  auto chain =
      app::resolve_chain(s, ctx.path.empty() ? std::string_view() : std::string_view(ctx.path[0]), "id");
  if (!chain) return std::unexpected(not_found(chain.error()));
  int year = app::default_year(ctx.as_of);
  if (const auto text = ctx.params.get("year")) {
    auto parsed = lift(app::parse_year(*text));
    if (!parsed) return std::unexpected(parsed.error());
    year = *parsed;
  }
  json::object out{{"meta", ctx.meta()}};
  for (auto& kv :
       app::chain_counties_json(s, ctx.visibility, app::output_column(s, ctx.visibility, year), *chain))
    out[kv.key()] = std::move(kv.value());
  return out;
}

Outcome<json::object> list_link_candidates(const ReadContext& ctx) {
  if (auto ok = ctx.params.allow({"county", "year"}); !ok) return std::unexpected(ok.error());
  const Snapshot& s = ctx.snapshot;
  auto judged = judge(ctx);
  if (!judged) return std::unexpected(judged.error());
  const std::string_view id = ctx.path.size() < 2 ? std::string_view() : std::string_view(ctx.path[1]);
  auto link = app::resolve_link_of(s, judged->chain, id, "link");
  if (!link) return std::unexpected(not_found(link.error()));
  const auto ranked = engine::rank_candidates(s, judged->assessment, *link, ctx.visibility);
  json::object out{{"meta", ctx.meta()}};
  for (auto& kv : app::candidates_json(s, judged->assessment, *link, ranked))
    out[kv.key()] = std::move(kv.value());
  return out;
}

Outcome<Download> get_catalogue(const ReadContext& ctx) {
  if (auto ok = ctx.params.allow({"county", "year", "format"}); !ok) return std::unexpected(ok.error());
  const Snapshot& s = ctx.snapshot;
  const std::string_view kind = ctx.path.empty() ? std::string_view() : std::string_view(ctx.path[0]);
  const std::string format(ctx.params.get("format").value_or("xlsx"));
  if (format != "xlsx" && format != "csv") {
    return std::unexpected(
        problem_from(Error{ErrorCode::kInvalidValue,
                           fmt::format("format \"{}\": a catalogue downloads as xlsx or csv", format),
                           {},
                           "format"}));
  }
  auto area = area_of(ctx);
  if (!area) return std::unexpected(area.error());
  auto sheet = app::catalogue_sheet(s, ctx.visibility, app::output_column(s, ctx.visibility, area->year),
                                    area->county, kind);
  if (!sheet) return std::unexpected(not_found(sheet.error()));
  const std::string county = area->county.valid() ? s.counties[area->county.value].id : std::string();
  Download out;
  out.filename = file_name({s.plan.id, kind, county}, format);
  if (format == "csv") {
    out.content_type = "text/csv; charset=utf-8";
    out.body = io::sheet_csv(*sheet);
    return out;
  }
  auto bytes = io::xlsx_bytes(std::span(&*sheet, 1));
  if (!bytes) return std::unexpected(problem_from(bytes.error()));
  out.content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  out.body = std::move(*bytes);
  return out;
}

}  // namespace atlas::api::internal
