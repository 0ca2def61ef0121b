// GET /api/v1/taxonomy (docs/api.md): the product taxonomy with local maker counts.
#include <boost/json/array.hpp>

#include "api/internal/browse_json.hpp"
#include "api/internal/handler.hpp"
#include "app/browse.hpp"
#include "model/provenance.hpp"

namespace atlas::api::internal {

namespace {

namespace json = boost::json;

// The taxonomy has three levels; the depth bound guards a broken parent chain.
json::object node_json(const Snapshot& s, const app::TaxonomyTree& tree, ClassId node, int depth) {
  const TaxonomyRecord& t = s.taxonomy[node.value];
  json::array hs;
  for (const std::string& code : t.hs)
    hs.emplace_back(code);
  json::array children;
  if (depth < 8) {
    for (ClassId child : tree.children[node.value])
      children.emplace_back(node_json(s, tree, child, depth + 1));
  }
  return json::object{{"code", t.code},
                      {"level", to_string(t.level)},
                      {"name", names_json(t.name)},
                      {"class_count", t.class_count ? json::value(*t.class_count) : json::value(nullptr)},
                      {"hs", std::move(hs)},
                      {"enterprises", tree.enterprises[node.value]},
                      {"sample", atlas::is_sample(t.provenance)},
                      {"provenance", t.provenance},
                      {"children", std::move(children)}};
}

}  // namespace

Outcome<json::object> get_taxonomy(const ReadContext& ctx) {
  if (auto ok = ctx.params.allow({}); !ok) return std::unexpected(ok.error());
  const app::TaxonomyTree tree = app::taxonomy_tree(ctx.snapshot, ctx.visibility);
  json::array categories;
  for (ClassId root : tree.roots)
    categories.emplace_back(node_json(ctx.snapshot, tree, root, 0));
  return json::object{{"meta", ctx.meta()}, {"categories", std::move(categories)}};
}

}  // namespace atlas::api::internal
