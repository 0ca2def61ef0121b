// Candidate scores (docs/chains.md, "Candidates"): five features in [0, 1] weighted by the plan.
#include "engine/candidates.hpp"

#include <algorithm>
#include <cmath>
#include <string>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "model/provenance.hpp"
#include "model/units.hpp"

namespace atlas::engine {

const char* to_string(Feature feature) {
  switch (feature) {
    case Feature::kGap:
      return "gap";
    case Feature::kTies:
      return "ties";
    case Feature::kScale:
      return "scale";
    case Feature::kRegion:
      return "region";
    case Feature::kNamed:
      return "named";
  }
  return "gap";
}

namespace {

bool covers(const Snapshot& s, const ChainLinkRecord& link, std::string_view code) {
  for (ClassId c = s.find_class(code); c.valid(); c = s.taxonomy_parent[c.value]) {
    const std::string& at = s.taxonomy[c.value].code;
    if (std::ranges::find(link.classes, at) != link.classes.end()) return true;
  }
  return false;
}

double verdict_factor(Verdict v) {
  switch (v) {
    case Verdict::kMissing:
      return 1.0;
    case Verdict::kWeak:
      return 0.5;
    case Verdict::kStrong:
      return 0.0;
  }
  return 0.0;
}

FeatureScore gap_feature(const Snapshot& s, const ChainAssessment& a,
                         const std::vector<std::uint32_t>& links) {
  FeatureScore f{Feature::kGap, 0, 0, 0, {"未对应本产业链的任何环节", "makes no link of the chain"}};
  if (links.empty()) return f;
  std::size_t most = 0;
  for (const LinkAssessment& l : a.links)
    most = std::max(most, l.downstream.size());
  const ChainRecord& chain = s.chains[a.chain];
  // The link it would do most for: the largest verdict factor × importance (first in the chain's
  // order on a tie).
  std::uint32_t best = links.front();
  f.value = -1;
  for (std::uint32_t l : links) {
    const LinkAssessment& x = a.links[l];
    const double importance = static_cast<double>(1 + x.downstream.size()) / static_cast<double>(1 + most);
    const double value = verdict_factor(x.verdict) * importance;
    if (value > f.value) {
      f.value = value;
      best = l;
    }
  }
  const LinkAssessment& x = a.links[best];
  const ChainLinkRecord& link = chain.links[best];
  const std::size_t n = x.downstream.size();
  const std::string en_name = link.name.en.empty() ? link.name.zh : link.name.en;
  if (n == 0) {
    f.text = {fmt::format("生产{}（{}，链条末端）", link.name.zh, to_string_zh(x.verdict)),
              fmt::format("makes {} (a {} link at the end of the chain)", en_name, to_string(x.verdict))};
    return f;
  }
  f.text = {fmt::format("生产{}（{}，下游{}个环节依赖）", link.name.zh, to_string_zh(x.verdict), n),
            fmt::format("makes {} (a {} link; {} link{} downstream depend{} on it)", en_name,
                        to_string(x.verdict), n, n == 1 ? "" : "s", n == 1 ? "s" : "")};
  return f;
}

FeatureScore ties_feature(const Snapshot& s, const CandidateRecord& c) {
  FeatureScore f{
      Feature::kTies, 0, 0, 0, {"未记录与本地企业的配套或关联", "no tie to a local enterprise recorded"}};
  std::vector<std::string> zh;
  std::vector<std::string> en;
  for (const std::string& id : c.ties) {
    const EnterpriseId e = s.find_enterprise(id);
    if (!e.valid()) continue;
    const bool local = s.enterprises.outside[e.value] == 0;
    f.value = std::max(f.value, local ? 1.0 : 0.5);
    const std::string_view name_zh = s.strings.view(s.enterprises.name_zh[e.value]);
    const std::string_view name_en = s.strings.view(s.enterprises.name_en[e.value]);
    zh.push_back(fmt::format("{}{}", name_zh, local ? "（本地）" : "（外地）"));
    en.push_back(fmt::format("{}{}", name_en.empty() ? name_zh : name_en, local ? " (local)" : " (outside)"));
  }
  if (!zh.empty()) {
    f.text = {fmt::format("已配套或关联：{}", fmt::join(zh, "、")),
              fmt::format("tied to: {}", fmt::join(en, "; "))};
  }
  return f;
}

FeatureScore scale_feature(const CandidateRecord& c) {
  FeatureScore f{Feature::kScale, 0, 0, 0, {"规模未录入", "scale not recorded"}};
  if (!c.scale) return f;
  // 1亿 → 0, 10亿 → 1/3, 100亿 → 2/3, 1000亿 and more → 1.
  const double yi = static_cast<double>(*c.scale) / 1e8;
  f.value = yi <= 1 ? 0.0 : std::min(1.0, std::log10(yi) / 3.0);
  const double bn = static_cast<double>(*c.scale) / 1e9;
  f.text = {fmt::format("营业收入{}元", format_amount(*c.scale)), fmt::format("revenue {:.2f} bn yuan", bn)};
  return f;
}

FeatureScore region_feature(const AttractionRules& rules, const CandidateRecord& c) {
  FeatureScore f{Feature::kRegion, 0, 0, 0, {"总部所在地未录入", "head office not recorded"}};
  if (c.region.empty()) return f;
  const bool courted = std::ranges::find(rules.regions, c.region) != rules.regions.end();
  f.value = courted ? 1.0 : 0.0;
  f.text = courted ? Names{fmt::format("总部位于{}，规划重点对接的地区", c.region),
                           fmt::format("head office in {}, a region the plan courts", c.region)}
                   : Names{fmt::format("总部位于{}，不在规划重点对接的地区", c.region),
                           fmt::format("head office in {}, not a region the plan courts", c.region)};
  return f;
}

FeatureScore named_feature(const CandidateRecord& c) {
  const bool named = c.provenance.starts_with("plan §");
  return FeatureScore{Feature::kNamed, named ? 1.0 : 0.0, 0, 0,
                      named ? Names{fmt::format("规划点名（{}）", c.provenance),
                                    fmt::format("named by the plan ({})", c.provenance)}
                            : Names{"规划未点名", "not named by the plan"}};
}

CandidateScore score(const Snapshot& s, const ChainAssessment* a, std::uint32_t candidate) {
  const CandidateRecord& c = s.candidates[candidate];
  const AttractionRules& rules = s.plan.attraction;
  CandidateScore out;
  out.candidate = candidate;
  out.sample = is_sample(c.provenance);
  if (a != nullptr) {
    const ChainRecord& chain = s.chains[a->chain];
    for (std::uint32_t l = 0; l < chain.links.size(); ++l) {
      if (makes_link(s, c, chain, l)) out.links.push_back(l);
    }
    out.features.push_back(gap_feature(s, *a, out.links));
  } else {
    out.features.push_back(
        {Feature::kGap, 0, 0, 0, {"未对应规划的任何产业链", "makes no link of the plan's chains"}});
  }
  out.features.push_back(ties_feature(s, c));
  out.features.push_back(scale_feature(c));
  out.features.push_back(region_feature(rules, c));
  out.features.push_back(named_feature(c));
  const std::int64_t weights[] = {rules.weight_gap, rules.weight_ties, rules.weight_scale,
                                  rules.weight_region, rules.weight_named};
  std::int64_t total = 0;
  for (std::int64_t w : weights)
    total += w;
  for (std::size_t k = 0; k < out.features.size(); ++k) {
    FeatureScore& f = out.features[k];
    f.weight = static_cast<double>(weights[k]) / 1e6;
    f.points =
        total > 0 ? 100.0 * static_cast<double>(weights[k]) * f.value / static_cast<double>(total) : 0.0;
    out.score += f.points;
  }
  return out;
}

void order(const Snapshot& s, std::vector<CandidateScore>& scores) {
  std::ranges::sort(scores, [&](const CandidateScore& x, const CandidateScore& y) {
    // Compare scores rounded to a millionth, so that sums of equal parts in another order tie.
    const auto rx = std::llround(x.score * 1e6);
    const auto ry = std::llround(y.score * 1e6);
    if (rx != ry) return rx > ry;
    const CandidateRecord& a = s.candidates[x.candidate];
    const CandidateRecord& b = s.candidates[y.candidate];
    if (a.name.zh != b.name.zh) return a.name.zh < b.name.zh;
    return a.id < b.id;
  });
}

}  // namespace

bool makes_link(const Snapshot& s, const CandidateRecord& c, const ChainRecord& chain, std::uint32_t link) {
  const ChainLinkRecord& l = chain.links[link];
  if (c.chain == chain.id && c.link == l.id) return true;
  return std::ranges::any_of(c.classes, [&](const std::string& code) { return covers(s, l, code); });
}

std::vector<CandidateScore> rank_candidates(const Snapshot& s, const ChainAssessment& chain,
                                            std::uint32_t link, const Visibility& vis) {
  std::vector<CandidateScore> out;
  const ChainRecord& record = s.chains[chain.chain];
  for (std::uint32_t c = 0; c < s.candidates.size(); ++c) {
    if (!vis.include_sample && is_sample(s.candidates[c].provenance)) continue;
    if (!makes_link(s, s.candidates[c], record, link)) continue;
    out.push_back(score(s, &chain, c));
  }
  order(s, out);
  return out;
}

std::vector<CandidateScore> rank_all_candidates(const Snapshot& s, std::span<const ChainAssessment> chains,
                                                const Visibility& vis) {
  std::vector<CandidateScore> out;
  for (std::uint32_t c = 0; c < s.candidates.size(); ++c) {
    const CandidateRecord& candidate = s.candidates[c];
    if (!vis.include_sample && is_sample(candidate.provenance)) continue;
    const ChainAssessment* found = nullptr;
    for (const ChainAssessment& a : chains) {
      if (s.chains[a.chain].id == candidate.chain) found = &a;
    }
    for (const ChainAssessment& a : chains) {
      if (found != nullptr) break;
      const ChainRecord& chain = s.chains[a.chain];
      for (std::uint32_t l = 0; l < chain.links.size() && found == nullptr; ++l) {
        if (makes_link(s, candidate, chain, l)) found = &a;
      }
    }
    out.push_back(score(s, found, c));
  }
  order(s, out);
  return out;
}

}  // namespace atlas::engine
