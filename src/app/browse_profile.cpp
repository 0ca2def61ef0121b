// One enterprise's profile: products with their taxonomy path, figures, projects, relations.
#include <algorithm>

#include <fmt/format.h>

#include "app/browse.hpp"
#include "model/provenance.hpp"

namespace atlas::app {

namespace {

std::vector<ProductPath> products_of(const Snapshot& s, EnterpriseId e) {
  std::vector<ProductPath> out;
  for (ClassId cls : s.enterprises.classes.row(e.value)) {
    ProductPath p{cls, {}};
    for (ClassId node = cls; node.valid() && p.path.size() <= s.taxonomy.size();
         node = s.taxonomy_parent[node.value])
      p.path.push_back(node);
    std::ranges::reverse(p.path);
    out.push_back(std::move(p));
  }
  return out;
}

MetricFigures figures_of(const Snapshot& s, const Visibility& vis, MetricId metric, EnterpriseId e) {
  MetricFigures out{metric, {}, {}};
  const ObservationColumns& o = s.observations[metric.value];
  for (std::uint32_t i = o.offsets[e.value]; i < o.offsets[e.value + 1]; ++i) {
    if (!o.visible(i, vis)) continue;
    const auto first = static_cast<MonthIndex>(o.last[i] + 1 - o.span[i]);
    const bool sample = (o.flags[i] & ObservationColumns::kSampleFlag) != 0;
    out.items.push_back(FigureItem{span_text(first, o.last[i]), first, o.last[i], o.value[i],
                                   o.published_at(i), o.provenance_at(i), sample});
    const int year = year_of(o.last[i]);
    if (out.annual.empty() || out.annual.back().year != year)
      out.annual.push_back(YearValue{year, 0, 0, false});
    YearValue& y = out.annual.back();
    y.value += o.value[i];
    y.months = static_cast<std::uint8_t>(y.months + o.span[i]);
    y.sample = y.sample || sample;
  }
  return out;
}

std::vector<SupplyLink> links_of(const Snapshot& s, const Visibility& vis, const Csr<EnterpriseId>& list,
                                 const std::vector<ClassId>& classes,
                                 const std::vector<std::uint8_t>& samples, EnterpriseId e) {
  std::vector<SupplyLink> out;
  for (std::uint32_t k = list.offsets[e.value]; k < list.offsets[e.value + 1]; ++k) {
    const bool sample = samples[k] != 0;
    if (!vis.include_sample && sample) continue;
    if (!enterprise_visible(s, vis, list.values[k])) continue;
    out.push_back(SupplyLink{list.values[k], classes[k], sample});
  }
  return out;
}

template <class Rows>
std::vector<std::uint32_t> rows_naming(const Rows& rows, const Visibility& vis, std::string_view enterprise) {
  std::vector<std::uint32_t> out;
  for (std::uint32_t i = 0; i < rows.size(); ++i) {
    if (rows[i].enterprise != enterprise) continue;
    if (!vis.include_sample && is_sample(rows[i].provenance)) continue;
    out.push_back(i);
  }
  return out;
}

}  // namespace

Result<EnterpriseProfile> enterprise_profile(const Snapshot& s, const Visibility& vis, std::string_view id,
                                             int year) {
  const EnterpriseId e = s.find_enterprise(id);
  if (!e.valid() || !enterprise_visible(s, vis, e)) {
    return fail(ErrorCode::kNotFound, fmt::format("no enterprise \"{}\"", id), "id");
  }
  EnterpriseProfile p;
  p.id = e;
  p.output_value = YearTotals(s, s.find_metric(s.plan.output_metric), year, vis).read(e);
  p.products = products_of(s, e);
  for (std::uint32_t m = 0; m < s.metrics.size(); ++m) {
    MetricFigures f = figures_of(s, vis, MetricId{m}, e);
    if (!f.items.empty()) p.figures.push_back(std::move(f));
  }
  for (std::uint32_t i = 0; i < s.projects.size(); ++i) {
    if (s.project_sponsor[i] == e && project_visible(s, vis, ProjectId{i}))
      p.projects.push_back(project_state(s, vis, ProjectId{i}));
  }
  p.carriers = rows_naming(s.carriers, vis, id);
  p.supplier_entries = rows_naming(s.supplier_entries, vis, id);
  p.facts = facts_about(s, vis, id);
  const SupplyEdges& g = s.supply;
  p.suppliers = links_of(s, vis, g.suppliers_of, g.suppliers_of_class, g.suppliers_of_sample, e);
  p.customers_of = links_of(s, vis, g.customers_of, g.customers_of_class, g.customers_of_sample, e);
  p.chain_links = engine::enterprise_chain_links(s, vis, e);
  for (engine::EnterpriseLink& l : p.chain_links) {
    for (auto* side : {&l.upstream, &l.downstream})
      std::erase_if(*side,
                    [&](const engine::ChainPartner& q) { return !enterprise_visible(s, vis, q.enterprise); });
  }
  const EnterpriseId group = s.enterprises.group[e.value];
  p.group = group.valid() && enterprise_visible(s, vis, group) ? group : EnterpriseId::none();
  return p;
}

}  // namespace atlas::app
