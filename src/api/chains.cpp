// GET /api/v1/chains (docs/api.md): the industrial chains, their links and local makers.
#include <boost/json/array.hpp>

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

}  // namespace atlas::api::internal
