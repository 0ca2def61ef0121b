// The catalogues of §6(1) (重点发展目录, 引进企业目录) as tables for a spreadsheet (CSV or XLSX:
// io/sheet.hpp writes them).
#include <algorithm>
#include <cmath>
#include <string>

#include <fmt/format.h>

#include "app/chains.hpp"

namespace atlas::app {

namespace {

std::string join(const std::vector<std::string>& parts, std::string_view sep) {
  std::string out;
  for (const std::string& p : parts) {
    if (!out.empty()) out += sep;
    out += p;
  }
  return out;
}

io::Cell text(std::string value) {
  return value.empty() ? io::Cell{} : io::Cell{std::move(value)};
}

}  // namespace

io::Sheet key_development_sheet(const Snapshot& s, std::span<const engine::ChainAssessment> chains) {
  io::Sheet sheet{
      "重点发展目录",
      {"rank", "chain", "chain_zh", "link", "link_zh", "link_en", "verdict", "verdict_zh", "classes",
       "makers", "downstream_links", "why_zh", "why_en", "projects_zh", "projects_en", "closes", "sample"},
      {},
      {}};
  for (const engine::ChainAssessment& a : chains) {
    const ChainRecord& chain = s.chains[a.chain];
    std::int64_t rank = 0;
    for (std::uint32_t g : a.gaps) {
      const engine::LinkAssessment& l = a.links[g];
      const ChainLinkRecord& link = chain.links[g];
      std::vector<std::string> why_zh;
      std::vector<std::string> why_en;
      std::string projects_zh;
      std::string projects_en;
      for (const engine::Evidence& ev : l.evidence) {
        if (ev.measure == engine::Measure::kPipeline) {
          if (!l.pipeline.empty()) {
            projects_zh = ev.text.zh;
            projects_en = ev.text.en;
          }
        } else if (ev.decided) {
          why_zh.push_back(ev.text.zh);
          why_en.push_back(ev.text.en);
        }
      }
      sheet.rows.push_back(
          {++rank, chain.id, chain.name.zh, link.id, link.name.zh, text(link.name.en),
           std::string(engine::to_string(l.verdict)), std::string(engine::to_string_zh(l.verdict)),
           text(join(link.classes, ";")), static_cast<std::int64_t>(l.makers.size()),
           static_cast<std::int64_t>(l.downstream.size()), text(join(why_zh, "；")), text(join(why_en, "; ")),
           text(projects_zh), text(projects_en), text(l.closes ? l.closes->to_string() : std::string()),
           std::string(l.sample ? "true" : "false")});
    }
  }
  return sheet;
}

io::Sheet target_enterprise_sheet(const Snapshot& s, const std::vector<engine::CandidateScore>& ranked) {
  io::Sheet sheet{"引进企业目录",
                  {"rank", "id", "name_zh", "name_en", "kind", "region", "chain", "link", "score",
                   "reasons_zh", "reasons_en", "provenance", "sample"},
                  {},
                  {}};
  std::int64_t rank = 0;
  for (const engine::CandidateScore& c : ranked) {
    const CandidateRecord& r = s.candidates[c.candidate];
    std::vector<std::string> zh;
    std::vector<std::string> en;
    for (const engine::FeatureScore& f : c.features) {
      if (f.points <= 0) continue;
      zh.push_back(fmt::format("{}（+{:.1f}）", f.text.zh, f.points));
      en.push_back(fmt::format("{} (+{:.1f})", f.text.en, f.points));
    }
    // The score as shown everywhere: one decimal.
    sheet.rows.push_back({++rank, r.id, r.name.zh, text(r.name.en), r.kind, text(r.region), text(r.chain),
                          text(r.link), std::round(c.score * 10) / 10, text(join(zh, "；")),
                          text(join(en, "; ")), r.provenance, std::string(c.sample ? "true" : "false")});
  }
  return sheet;
}

Result<io::Sheet> catalogue_sheet(const Snapshot& s, const Visibility& vis, const OutputColumn& output,
                                  CountyId county, std::string_view kind) {
  if (std::ranges::find(kCatalogueKinds, kind) == kCatalogueKinds.end()) {
    return fail(
        ErrorCode::kUnknownReference,
        fmt::format("no catalogue \"{}\": the catalogues are key-development and target-enterprise", kind),
        "kind");
  }
  std::vector<engine::ChainAssessment> chains;
  for (std::uint32_t c = 0; c < s.chains.size(); ++c)
    chains.push_back(assess_chain(s, vis, output, c, county));
  return kind == "key-development" ? key_development_sheet(s, chains)
                                   : target_enterprise_sheet(s, engine::rank_all_candidates(s, chains, vis));
}

}  // namespace atlas::app
