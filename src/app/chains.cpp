// Chains: the output column the verdicts read, the chain look-up, and the JSON of an assessment.
#include "app/chains.hpp"

#include <algorithm>
#include <cmath>

#include <boost/json.hpp>
#include <fmt/format.h>

#include "app/browse.hpp"
#include "app/internal/browse_text.hpp"
#include "app/internal/compiled_plan.hpp"
#include "app/internal/json_parts.hpp"
#include "model/provenance.hpp"

namespace atlas::app {

namespace json = boost::json;

OutputColumn output_column(const Snapshot& s, const Visibility& vis, int year) {
  OutputColumn out;
  out.year = year;
  const std::size_t n = s.enterprises.slug.size();
  out.value.assign(n, engine::kNoOutput);
  out.sample.assign(n, 0);
  const YearTotals totals(s, s.find_metric(s.plan.output_metric), year, vis);
  for (std::uint32_t e = 0; e < n; ++e) {
    if (auto v = totals.read(EnterpriseId{e})) {
      out.value[e] = v->value;
      out.sample[e] = v->sample ? 1 : 0;
    }
  }
  return out;
}

Result<std::uint32_t> resolve_chain(const Snapshot& s, std::string_view id, std::string_view field) {
  for (std::uint32_t c = 0; c < s.chains.size(); ++c) {
    if (s.chains[c].id == id) return c;
  }
  internal::Suggester suggester(id);
  std::string known;
  for (const ChainRecord& chain : s.chains) {
    suggester.consider(chain.id);
    known += known.empty() ? "" : ", ";
    known += chain.id;
  }
  return fail(
      ErrorCode::kUnknownReference,
      fmt::format("no chain \"{}\" in plan {} ({}){}", id, s.plan.id,
                  known.empty() ? std::string("it has none") : "its chains: " + known, suggester.hint()),
      std::string(field));
}

Result<std::uint32_t> resolve_link_of(const Snapshot& s, std::uint32_t chain, std::string_view id,
                                      std::string_view field) {
  const ChainRecord& c = s.chains[chain];
  for (std::uint32_t l = 0; l < c.links.size(); ++l) {
    if (c.links[l].id == id) return l;
  }
  internal::Suggester suggester(id);
  std::string known;
  for (const ChainLinkRecord& link : c.links) {
    suggester.consider(link.id);
    known += known.empty() ? "" : ", ";
    known += link.id;
  }
  return fail(ErrorCode::kUnknownReference,
              fmt::format("no link \"{}\" in chain {} (its links: {}){}", id, c.id, known, suggester.hint()),
              std::string(field));
}

Result<LinkRef> resolve_link(const Snapshot& s, std::string_view text, std::string_view field) {
  if (const auto slash = text.find('/'); slash != std::string_view::npos) {
    auto chain = resolve_chain(s, text.substr(0, slash), field);
    if (!chain) return std::unexpected(chain.error());
    auto link = resolve_link_of(s, *chain, text.substr(slash + 1), field);
    if (!link) return std::unexpected(link.error());
    return LinkRef{*chain, *link};
  }
  std::vector<LinkRef> found;
  internal::Suggester suggester(text);
  for (std::uint32_t c = 0; c < s.chains.size(); ++c) {
    for (std::uint32_t l = 0; l < s.chains[c].links.size(); ++l) {
      if (s.chains[c].links[l].id == text) found.push_back({c, l});
      suggester.consider(s.chains[c].links[l].id);
    }
  }
  if (found.size() == 1) return found.front();
  if (found.empty()) {
    return fail(ErrorCode::kUnknownReference,
                fmt::format("no link \"{}\" in the chains of plan {}{}", text, s.plan.id, suggester.hint()),
                std::string(field));
  }
  std::string options;
  for (const LinkRef& r : found) {
    options += options.empty() ? "" : ", ";
    options += s.chains[r.chain].id + "/" + std::string(text);
  }
  return fail(ErrorCode::kInvalidValue,
              fmt::format("link \"{}\" is in several chains: write CHAIN/LINK ({})", text, options),
              std::string(field));
}

std::vector<std::vector<std::uint32_t>> targets_fed_by_projects(const Snapshot& s, const Visibility& vis) {
  std::vector<std::vector<std::uint32_t>> fed(s.projects.size());
  const internal::CompiledPlan& plan = internal::compiled_plan(s);
  for (std::uint32_t t = 0; t < s.targets.size(); ++t) {
    const internal::CompileResult& compiled = plan.target(t);
    if (!compiled) continue;
    auto reading = query::evaluate(compiled->checked, s, vis);
    if (!reading) continue;
    const std::vector<std::uint32_t>& records = reading->records;  // ascending
    for (std::uint32_t p = 0; p < s.projects.size(); ++p) {
      bool feeds = false;
      if (reading->set == query::RecordSet::kProjects) {
        feeds = std::ranges::binary_search(records, p);
      } else if (reading->set == query::RecordSet::kEnterprises && s.project_sponsor[p].valid()) {
        feeds = std::ranges::binary_search(records, s.project_sponsor[p].value);
      }
      if (feeds) fed[p].push_back(t);
    }
  }
  return fed;
}

engine::ChainAssessment assess_chain(const Snapshot& s, const Visibility& vis, const OutputColumn& output,
                                     std::uint32_t chain, CountyId county) {
  return engine::assess_chain(engine::ChainInput{s, vis, output.year, output.value, output.sample}, chain,
                              county);
}

namespace {

using internal::names_json;
using internal::optional_int;

// A ratio rounded to four decimals, so that answers compare across platforms.
json::value optional_ratio(const std::optional<double>& v) {
  return v ? json::value(std::round(*v * 1e4) / 1e4) : json::value(nullptr);
}

json::value date_json(const std::optional<Date>& d) {
  return d ? json::value(d->to_string()) : json::value(nullptr);
}

json::object enterprise_json(const Snapshot& s, EnterpriseId e, std::int64_t output, bool anchor) {
  const auto& c = s.enterprises;
  return json::object{{"id", s.strings.view(c.slug[e.value])},
                      {"name", json::object{{"zh", s.strings.view(c.name_zh[e.value])},
                                            {"en", s.strings.view(c.name_en[e.value])}}},
                      {"output", output == engine::kNoOutput ? json::value(nullptr) : json::value(output)},
                      {"anchor", anchor},
                      {"sample", c.sample[e.value] != 0}};
}

json::object evidence_json(const engine::Evidence& ev) {
  return json::object{{"measure", engine::to_string(ev.measure)},
                      {"state", engine::to_string(ev.state)},
                      {"decided", ev.decided},
                      {"value", optional_ratio(ev.value)},
                      {"threshold", optional_ratio(ev.threshold)},
                      {"text", names_json(ev.text)}};
}

json::object link_json(const Snapshot& s, const ChainRecord& chain, const engine::LinkAssessment& a,
                       const OutputColumn& output, const std::vector<std::vector<std::uint32_t>>* fed) {
  const ChainLinkRecord& link = chain.links[a.link];
  json::array classes;
  for (const std::string& code : link.classes) {
    const ClassId c = s.find_class(code);
    classes.emplace_back(json::object{
        {"code", code},
        {"name", c.valid() ? json::value(names_json(s.taxonomy[c.value].name)) : json::value(nullptr)}});
  }
  json::array makers;
  for (std::size_t i = 0; i < a.makers.size() && i < kListedMakers; ++i) {
    const EnterpriseId e = a.makers[i];
    const bool anchor = std::ranges::find(a.anchors, e) != a.anchors.end();
    makers.emplace_back(enterprise_json(s, e, output.value[e.value], anchor));
  }
  json::array downstream;
  for (std::uint32_t d : a.downstream)
    downstream.emplace_back(chain.links[d].id);
  json::array pipeline;
  for (const engine::PipelineProject& p : a.pipeline) {
    const ProjectRecord& project = s.projects[p.project.value];
    json::array targets;
    if (fed != nullptr) {
      for (std::uint32_t t : (*fed)[p.project.value])
        targets.emplace_back(
            json::object{{"id", s.targets[t].id}, {"title", names_json(s.targets[t].title)}});
    }
    pipeline.emplace_back(json::object{{"project", project.id},
                                       {"targets", std::move(targets)},
                                       {"name", names_json(project.name)},
                                       {"adds_maker", p.adds_maker},
                                       {"due", date_json(p.due)},
                                       {"done", p.done},
                                       {"overdue", p.overdue},
                                       {"sample", is_sample(project.provenance)}});
  }
  json::array evidence;
  for (const engine::Evidence& ev : a.evidence)
    evidence.emplace_back(evidence_json(ev));
  return json::object{
      {"id", link.id},
      {"name", names_json(link.name)},
      {"classes", std::move(classes)},
      {"verdict", engine::to_string(a.verdict)},
      {"verdict_zh", engine::to_string_zh(a.verdict)},
      {"makers_count", a.makers.size()},
      {"makers", std::move(makers)},
      {"output", optional_int(a.output)},
      {"anchors", a.anchors.size()},
      {"local_supply", json::object{{"buyers", a.buyers},
                                    {"known", a.buyers_known},
                                    {"local", a.buyers_local},
                                    {"share", optional_ratio(a.local_supply)}}},
      {"location_quotient", optional_ratio(a.location_quotient)},
      {"downstream", std::move(downstream)},
      {"downstream_output", optional_int(a.downstream_output)},
      {"pipeline", std::move(pipeline)},
      {"closes", date_json(a.closes)},
      {"evidence", std::move(evidence)},
      {"measures_known", a.measures_known},
      {"sample", a.sample},
  };
}

json::object feature_json(const engine::FeatureScore& f) {
  return json::object{{"feature", engine::to_string(f.feature)},
                      {"value", std::round(f.value * 1e4) / 1e4},
                      {"weight", f.weight},
                      {"points", std::round(f.points * 100) / 100},
                      {"text", names_json(f.text)}};
}

}  // namespace

json::object candidates_json(const Snapshot& s, const engine::ChainAssessment& a, std::uint32_t link,
                             const std::vector<engine::CandidateScore>& ranked) {
  const ChainRecord& chain = s.chains[a.chain];
  const engine::LinkAssessment& l = a.links[link];
  json::array items;
  int rank = 0;
  for (const engine::CandidateScore& c : ranked) {
    const CandidateRecord& r = s.candidates[c.candidate];
    json::array links;
    for (std::uint32_t x : c.links)
      links.emplace_back(chain.links[x].id);
    json::array features;
    for (const engine::FeatureScore& f : c.features)
      features.emplace_back(feature_json(f));
    items.emplace_back(json::object{{"rank", ++rank},
                                    {"id", r.id},
                                    {"name", names_json(r.name)},
                                    {"kind", r.kind},
                                    {"region", r.region},
                                    {"scale", r.scale ? json::value(*r.scale) : json::value(nullptr)},
                                    {"score", std::round(c.score * 100) / 100},
                                    {"links", std::move(links)},
                                    {"features", std::move(features)},
                                    {"provenance", r.provenance},
                                    {"sample", c.sample}});
  }
  const AttractionRules& w = s.plan.attraction;
  json::array regions;
  for (const std::string& r : w.regions)
    regions.emplace_back(r);
  return json::object{{"chain", json::object{{"id", chain.id}, {"name", names_json(chain.name)}}},
                      {"link", json::object{{"id", chain.links[link].id},
                                            {"name", names_json(chain.links[link].name)},
                                            {"verdict", engine::to_string(l.verdict)},
                                            {"verdict_zh", engine::to_string_zh(l.verdict)}}},
                      {"rules", json::object{{"gap", static_cast<double>(w.weight_gap) / 1e6},
                                             {"ties", static_cast<double>(w.weight_ties) / 1e6},
                                             {"scale", static_cast<double>(w.weight_scale) / 1e6},
                                             {"region", static_cast<double>(w.weight_region) / 1e6},
                                             {"named", static_cast<double>(w.weight_named) / 1e6},
                                             {"regions", std::move(regions)},
                                             {"provenance", w.provenance}}},
                      {"candidates", std::move(items)}};
}

json::object chain_rules_json(const ChainRules& r) {
  json::array anchors;
  for (const std::string& a : r.anchors)
    anchors.emplace_back(a);
  return json::object{{"makers", r.basis == MakerBasis::kAboveSize ? "above-size" : "all"},
                      {"min_makers", r.min_makers},
                      {"anchor_output", optional_int(r.anchor_output)},
                      {"anchors", std::move(anchors)},
                      {"min_local_supply", static_cast<double>(r.min_local_supply) / 1e6},
                      {"min_location_quotient", static_cast<double>(r.min_location_quotient) / 1e6},
                      {"reference", r.reference.empty() ? json::value(nullptr) : json::value(r.reference)},
                      {"provenance", r.provenance}};
}

json::object chain_assessment_json(const Snapshot& s, const engine::ChainAssessment& a,
                                   const OutputColumn& output,
                                   const std::vector<std::vector<std::uint32_t>>* fed) {
  const ChainRecord& chain = s.chains[a.chain];
  json::array links;
  for (const engine::LinkAssessment& l : a.links)
    links.emplace_back(link_json(s, chain, l, output, fed));
  json::array edges;
  for (const ChainEdgeRecord& e : chain.edges)
    edges.emplace_back(json::object{{"from", e.from}, {"to", e.to}});
  json::array gaps;
  for (std::uint32_t g : a.gaps)
    gaps.emplace_back(chain.links[g].id);
  json::object verdicts{{"strong", 0}, {"weak", 0}, {"missing", 0}};
  for (const engine::LinkAssessment& l : a.links)
    verdicts[engine::to_string(l.verdict)] = verdicts[engine::to_string(l.verdict)].as_int64() + 1;
  json::value county = nullptr;
  if (a.county.valid()) {
    const CountyRecord& c = s.counties[a.county.value];
    county = json::object{{"id", c.id}, {"name", names_json(c.name)}};
  }
  return json::object{{"id", chain.id},
                      {"name", names_json(chain.name)},
                      {"provenance", chain.provenance},
                      {"sample", is_sample(chain.provenance)},
                      {"county", std::move(county)},
                      {"year", a.year},
                      {"area_output", optional_int(a.area_output)},
                      {"present", a.present},
                      {"verdicts", std::move(verdicts)},
                      {"rules", chain_rules_json(s.plan.chain_rules)},
                      {"links", std::move(links)},
                      {"edges", std::move(edges)},
                      {"gaps", std::move(gaps)}};
}

json::object chain_counties_json(const Snapshot& s, const Visibility& vis, const OutputColumn& output,
                                 std::uint32_t chain) {
  const ChainRecord& record = s.chains[chain];
  // Verdicts, counts and gaps only: the evidence's words are not read.
  const auto every = engine::assess_chain_every_county(
      engine::ChainInput{s, vis, output.year, output.value, output.sample, /*texts=*/false}, chain);
  json::array links;
  for (const ChainLinkRecord& l : record.links)
    links.emplace_back(json::object{{"id", l.id}, {"name", names_json(l.name)}});
  json::array counties;
  for (const engine::ChainAssessment& a : every) {
    std::array<std::int64_t, 3> counts{};
    json::array verdicts;
    bool sample = false;
    for (const engine::LinkAssessment& l : a.links) {
      ++counts[static_cast<std::size_t>(l.verdict)];
      verdicts.emplace_back(engine::to_string(l.verdict));
      sample = sample || l.sample;
    }
    json::array gaps;
    for (std::uint32_t g : a.gaps)
      gaps.emplace_back(record.links[g].id);
    const CountyRecord& county = s.counties[a.county.value];
    counties.emplace_back(
        json::object{{"county", json::object{{"id", county.id}, {"name", names_json(county.name)}}},
                     {"present", a.present},
                     {"strong", counts[static_cast<std::size_t>(engine::Verdict::kStrong)]},
                     {"weak", counts[static_cast<std::size_t>(engine::Verdict::kWeak)]},
                     {"missing", counts[static_cast<std::size_t>(engine::Verdict::kMissing)]},
                     {"area_output", optional_int(a.area_output)},
                     {"sample", sample},
                     {"verdicts", std::move(verdicts)},
                     {"gaps", std::move(gaps)}});
  }
  return json::object{{"chain", json::object{{"id", record.id}, {"name", names_json(record.name)}}},
                      {"year", output.year},
                      {"links", std::move(links)},
                      {"counties", std::move(counties)}};
}

}  // namespace atlas::app
