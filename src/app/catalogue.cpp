// The catalogues of §6(1) (重点发展目录, 引进企业目录) as CSV for a spreadsheet.
#include <string>

#include <fmt/format.h>

#include "app/chains.hpp"
#include "io/csv.hpp"

namespace atlas::app {

namespace {

// A text cell a spreadsheet would run as a formula (= + - @, tab, CR first) starts with ' instead.
std::string cell(std::string_view text) {
  if (!text.empty() && (text[0] == '=' || text[0] == '+' || text[0] == '-' || text[0] == '@' ||
                        text[0] == '\t' || text[0] == '\r')) {
    return "'" + std::string(text);
  }
  return std::string(text);
}

void row(io::CsvWriter& w, std::initializer_list<std::string> fields) {
  for (const std::string& f : fields)
    w.field(cell(f));
  w.end_row();
}

std::string join(const std::vector<std::string>& parts, std::string_view sep) {
  std::string out;
  for (const std::string& p : parts) {
    if (!out.empty()) out += sep;
    out += p;
  }
  return out;
}

}  // namespace

std::string key_development_csv(const Snapshot& s, std::span<const engine::ChainAssessment> chains) {
  std::string out = "\xEF\xBB\xBF";  // UTF-8 byte-order mark: spreadsheets then read the Chinese right
  io::CsvWriter w(out);
  row(w,
      {"rank", "chain", "chain_zh", "link", "link_zh", "link_en", "verdict", "verdict_zh", "classes",
       "makers", "downstream_links", "why_zh", "why_en", "projects_zh", "projects_en", "closes", "sample"});
  for (const engine::ChainAssessment& a : chains) {
    const ChainRecord& chain = s.chains[a.chain];
    int rank = 0;
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
      row(w, {std::to_string(++rank), chain.id, chain.name.zh, link.id, link.name.zh, link.name.en,
              engine::to_string(l.verdict), engine::to_string_zh(l.verdict), join(link.classes, ";"),
              std::to_string(l.makers.size()), std::to_string(l.downstream.size()), join(why_zh, "；"),
              join(why_en, "; "), projects_zh, projects_en, l.closes ? l.closes->to_string() : std::string(),
              l.sample ? "true" : "false"});
    }
  }
  return out;
}

std::string target_enterprise_csv(const Snapshot& s, const std::vector<engine::CandidateScore>& ranked) {
  std::string out = "\xEF\xBB\xBF";
  io::CsvWriter w(out);
  row(w, {"rank", "id", "name_zh", "name_en", "kind", "region", "chain", "link", "score", "reasons_zh",
          "reasons_en", "provenance", "sample"});
  int rank = 0;
  for (const engine::CandidateScore& c : ranked) {
    const CandidateRecord& r = s.candidates[c.candidate];
    std::vector<std::string> zh;
    std::vector<std::string> en;
    for (const engine::FeatureScore& f : c.features) {
      if (f.points <= 0) continue;
      zh.push_back(fmt::format("{}（+{:.1f}）", f.text.zh, f.points));
      en.push_back(fmt::format("{} (+{:.1f})", f.text.en, f.points));
    }
    row(w, {std::to_string(++rank), r.id, r.name.zh, r.name.en, r.kind, r.region, r.chain, r.link,
            fmt::format("{:.1f}", c.score), join(zh, "；"), join(en, "; "), r.provenance,
            c.sample ? "true" : "false"});
  }
  return out;
}

}  // namespace atlas::app
