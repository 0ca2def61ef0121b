// Chain-link verdicts (docs/chains.md). Each measure is computed from the Snapshot's posting lists
// (makers by taxonomy node), its supply relations (CSR by customer) and the caller's output column;
// the work is linear in the makers and relations of the chain's links, not in the enterprises.
#include "engine/chains.hpp"

#include <algorithm>
#include <cmath>
#include <string>
#include <string_view>
#include <tuple>
#include <utility>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "model/provenance.hpp"
#include "model/units.hpp"

namespace atlas::engine {

const char* to_string(Verdict verdict) {
  switch (verdict) {
    case Verdict::kMissing:
      return "missing";
    case Verdict::kWeak:
      return "weak";
    case Verdict::kStrong:
      return "strong";
  }
  return "missing";
}

const char* to_string_zh(Verdict verdict) {
  switch (verdict) {
    case Verdict::kMissing:
      return "缺链";
    case Verdict::kWeak:
      return "弱链";
    case Verdict::kStrong:
      return "强链";
  }
  return "缺链";
}

const char* to_string(Measure measure) {
  switch (measure) {
    case Measure::kMakers:
      return "makers";
    case Measure::kAnchor:
      return "anchor";
    case Measure::kLocalSupply:
      return "local-supply";
    case Measure::kLocationQuotient:
      return "location-quotient";
    case Measure::kPipeline:
      return "pipeline";
  }
  return "makers";
}

const char* to_string(MeasureState state) {
  switch (state) {
    case MeasureState::kMet:
      return "met";
    case MeasureState::kNotMet:
      return "not-met";
    case MeasureState::kUnknown:
      return "unknown";
    case MeasureState::kNotApplicable:
      return "not-applicable";
    case MeasureState::kInfo:
      return "info";
  }
  return "unknown";
}

namespace {

double from_millionths(std::int64_t v) {
  return static_cast<double>(v) / 1e6;
}

// "27.19亿元" / "2.72 bn yuan".
Names amount_names(std::int64_t yuan) {
  std::string en;
  const double v = static_cast<double>(yuan);
  if (std::abs(v) >= 1e9) {
    en = fmt::format("{:.2f} bn yuan", v / 1e9);
  } else if (std::abs(v) >= 1e6) {
    en = fmt::format("{:.1f} m yuan", v / 1e6);
  } else {
    en = fmt::format("{} yuan", yuan);
  }
  return {format_amount(yuan) + "元", std::move(en)};
}

std::string percent_text(double share) {
  return fmt::format("{:.0f}%", share * 100);
}

std::string enterprise_zh(const Snapshot& s, EnterpriseId e) {
  return std::string(s.strings.view(s.enterprises.name_zh[e.value]));
}
std::string enterprise_en(const Snapshot& s, EnterpriseId e) {
  const std::string_view en = s.strings.view(s.enterprises.name_en[e.value]);
  return std::string(en.empty() ? s.strings.view(s.enterprises.name_zh[e.value]) : en);
}

// The product classes of a link, and whether a class (or one above it) is one of them.
class LinkClasses {
 public:
  LinkClasses(const Snapshot& s, const ChainLinkRecord& link) : snapshot_(s), covered_(s.taxonomy.size()) {
    for (const std::string& code : link.classes) {
      const ClassId c = s.find_class(code);
      if (c.valid()) classes_.push_back(c);
    }
    std::ranges::sort(classes_);
    // Each node of the taxonomy once: covered when it or a node above it is one of the classes.
    for (std::uint32_t t = 0; t < covered_.size(); ++t) {
      for (ClassId c{t}; c.valid(); c = s.taxonomy_parent[c.value]) {
        if (std::ranges::binary_search(classes_, c)) {
          covered_[t] = 1;
          break;
        }
      }
    }
  }
  [[nodiscard]] const std::vector<ClassId>& classes() const { return classes_; }
  [[nodiscard]] bool covers(ClassId c) const { return c.valid() && covered_[c.value] != 0; }
  // True when `e` makes a class of the link (its own product list, whatever its region).
  [[nodiscard]] bool made_by(EnterpriseId e) const {
    return std::ranges::any_of(snapshot_.enterprises.classes.row(e.value),
                               [&](ClassId c) { return covers(c); });
  }

 private:
  const Snapshot& snapshot_;
  std::vector<ClassId> classes_;
  std::vector<std::uint8_t> covered_;  // per taxonomy node
};

struct Area {
  const Snapshot& s;
  const Visibility& vis;
  CountyId county;
  [[nodiscard]] bool local(EnterpriseId e) const {
    if (!vis.include_sample && s.enterprises.sample[e.value] != 0) return false;
    if (s.enterprises.outside[e.value] != 0) return false;
    return !county.valid() || s.enterprises.county[e.value] == county;
  }
};

// Whether a project lies in the area: its county, else its zone's counties; the whole region takes all.
bool project_in_area(const Snapshot& s, std::size_t p, CountyId county) {
  if (!county.valid()) return true;
  if (s.project_county[p].valid()) return s.project_county[p] == county;
  const ZoneId zone = s.project_zone[p];
  if (!zone.valid()) return false;
  const auto& counties = s.zones[zone.value].counties;
  const std::string& id = s.counties[county.value].id;
  return std::ranges::find(counties, id) != counties.end();
}

// The milestone at which a project first produces: commissioning, else full production.
std::pair<std::optional<Date>, bool> first_production(const Snapshot& s, const std::string& project,
                                                      DayNumber as_of) {
  std::optional<Date> due;
  bool done = false;
  int rank = 3;
  for (const MilestoneRecord& m : s.milestones) {
    if (m.project != project) continue;
    const int r = m.kind == MilestoneKind::kCommissioned     ? 0
                  : m.kind == MilestoneKind::kFullProduction ? 1
                                                             : 3;
    if (r >= rank) continue;
    const bool known = m.actual && m.actual->first_day() <= as_of;
    const std::optional<Date> date = known ? m.actual : m.planned;
    if (!date) continue;
    rank = r;
    due = date;
    done = known;
  }
  return {due, done};
}

std::optional<std::int64_t> fact_amount(const Snapshot& s, std::string_view id) {
  if (id.empty()) return std::nullopt;
  for (const FactRecord& f : s.facts) {
    if (f.id != id) continue;
    auto amount = parse_amount(f.value);
    if (amount && *amount > 0) return *amount;
    return std::nullopt;
  }
  return std::nullopt;
}

// What a chain's links are, computed once per chain (not per county): each link's classes, the
// links it supplies directly and every link reachable downstream of it (a chain is acyclic: the
// import refuses a cycle; the walk still visits each link once).
struct ChainShape {
  std::vector<LinkClasses> classes;
  std::vector<std::vector<std::uint32_t>> direct;
  std::vector<std::vector<std::uint32_t>> downstream;
};

ChainShape chain_shape(const Snapshot& s, const ChainRecord& chain) {
  const std::size_t n = chain.links.size();
  std::vector<std::vector<std::uint32_t>> next(n);
  const auto index = [&](const std::string& id) {
    for (std::uint32_t i = 0; i < n; ++i) {
      if (chain.links[i].id == id) return i;
    }
    return static_cast<std::uint32_t>(n);
  };
  for (const ChainEdgeRecord& e : chain.edges) {
    const std::uint32_t from = index(e.from);
    const std::uint32_t to = index(e.to);
    if (from < n && to < n) next[from].push_back(to);
  }
  std::vector<std::vector<std::uint32_t>> out(n);
  std::vector<std::uint8_t> seen(n);
  std::vector<std::uint32_t> stack;
  for (std::uint32_t l = 0; l < n; ++l) {
    std::ranges::fill(seen, 0);
    seen[l] = 1;
    stack.assign(next[l].begin(), next[l].end());
    while (!stack.empty()) {
      const std::uint32_t d = stack.back();
      stack.pop_back();
      if (seen[d] != 0) continue;
      seen[d] = 1;
      out[l].push_back(d);
      stack.insert(stack.end(), next[d].begin(), next[d].end());
    }
    std::ranges::sort(out[l]);
  }
  ChainShape shape{{}, std::move(next), std::move(out)};
  shape.classes.reserve(n);
  for (const ChainLinkRecord& link : chain.links)
    shape.classes.emplace_back(s, link);
  return shape;
}

// What a pass over every county computes once for all of them: per link, the region's makers of
// it bucketed by county, and the projects that make its classes.
struct ChainPools {
  ChainShape shape;
  std::vector<std::vector<std::vector<EnterpriseId>>> makers;  // [link][county]
  std::vector<std::vector<std::uint32_t>> projects;            // [link]: project indices
};

class LinkJudge {
 public:
  LinkJudge(const ChainInput& in, const ChainRules& rules, const Area& area)
      : in_(in), s_(in.snapshot), rules_(rules), area_(area) {
    for (const std::string& id : rules.anchors) {
      const EnterpriseId e = s_.find_enterprise(id);
      if (e.valid()) named_anchors_.push_back(e);
    }
    std::ranges::sort(named_anchors_);
  }

  [[nodiscard]] std::optional<std::int64_t> output_of(EnterpriseId e) const {
    const std::int64_t v = in_.output[e.value];
    return v == kNoOutput ? std::nullopt : std::optional<std::int64_t>(v);
  }

  // Local makers of the link in the area that count under the plan's basis.
  // `pool`: when given, the candidates (the region's makers of the link in the area's county) instead
  // of the classes' posting lists.
  void find_makers(const LinkClasses& classes, LinkAssessment& a,
                   const std::vector<EnterpriseId>* pool = nullptr) const {
    const auto consider = [&](EnterpriseId e) {
      if (!area_.local(e)) return;
      if (rules_.basis == MakerBasis::kAboveSize && s_.enterprises.above_size[e.value] != 1) return;
      a.makers.push_back(e);
    };
    if (pool != nullptr) {
      std::ranges::for_each(*pool, consider);
    } else {
      for (ClassId c : classes.classes())
        std::ranges::for_each(s_.by_taxonomy.row(c.value), consider);
    }
    std::ranges::sort(a.makers);
    a.makers.erase(std::unique(a.makers.begin(), a.makers.end()), a.makers.end());
    for (EnterpriseId e : a.makers) {
      if (s_.enterprises.sample[e.value] != 0 || in_.output_sample[e.value] != 0) a.sample = true;
      if (auto v = output_of(e)) a.output = a.output.value_or(0) + *v;
    }
    std::ranges::sort(a.makers, [&](EnterpriseId x, EnterpriseId y) {
      const std::int64_t ox = in_.output[x.value];
      const std::int64_t oy = in_.output[y.value];
      if (ox != oy) return ox > oy;
      return s_.enterprises.name_rank[x.value] < s_.enterprises.name_rank[y.value];
    });
  }

  Evidence makers_evidence(const ChainLinkRecord& link, const LinkAssessment& a) const {
    Evidence ev{Measure::kMakers,
                MeasureState::kMet,
                false,
                static_cast<double>(a.makers.size()),
                static_cast<double>(rules_.min_makers),
                {}};
    const std::size_t n = a.makers.size();
    const std::string basis_zh = rules_.basis == MakerBasis::kAboveSize ? "规上" : "";
    const std::string basis_en = rules_.basis == MakerBasis::kAboveSize ? "above-size " : "";
    if (n == 0) {
      ev.state = MeasureState::kNotMet;
      if (!in_.texts) return ev;
      ev.text = link.classes.empty()
                    ? Names{"该环节未列产品类别，无法识别本地生产企业",
                            "the link lists no product class, so no local maker can be found"}
                    : Names{fmt::format("本地无{}生产企业", basis_zh),
                            fmt::format("no local {}maker of its classes", basis_en)};
      return ev;
    }
    ev.state = std::cmp_greater_equal(n, rules_.min_makers) ? MeasureState::kMet : MeasureState::kNotMet;
    if (!in_.texts) return ev;
    std::string output_zh;
    std::string output_en;
    if (a.output) {
      const Names amount = amount_names(*a.output);
      output_zh = fmt::format("，{}年产值合计{}", in_.year, amount.zh);
      output_en = fmt::format(", {} output {} together", in_.year, amount.en);
    }
    ev.text = {fmt::format("本地{}生产企业{}家（至少需{}家）{}", basis_zh, n, rules_.min_makers, output_zh),
               fmt::format("{} local {}maker{} (at least {} wanted){}", n, basis_en, n == 1 ? "" : "s",
                           rules_.min_makers, output_en)};
    if (ev.state == MeasureState::kNotMet && n == 1) {
      ev.text.zh += "：仅一家，单点依赖";
      ev.text.en += ": a single point of failure";
    }
    return ev;
  }

  Evidence anchor_evidence(LinkAssessment& a) const {
    Evidence ev{Measure::kAnchor, MeasureState::kUnknown, false, {}, {}, {}};
    if (rules_.anchors.empty() && !rules_.anchor_output) {
      if (!in_.texts) return ev;
      ev.text = {"规划未点名龙头企业，也未设产值门槛",
                 "the plan names no anchor firm and sets no output threshold"};
      return ev;
    }
    std::vector<std::string> zh;
    std::vector<std::string> en;
    for (EnterpriseId e : a.makers) {
      const bool named = std::ranges::binary_search(named_anchors_, e);
      const auto v = output_of(e);
      const bool large = rules_.anchor_output && v && *v >= *rules_.anchor_output;
      if (!named && !large) continue;
      a.anchors.push_back(e);
      if (!in_.texts) continue;
      if (named) {
        zh.push_back(enterprise_zh(s_, e) + "（规划点名）");
        en.push_back(enterprise_en(s_, e) + " (named by the plan)");
      } else {
        const Names amount = amount_names(*v);
        zh.push_back(fmt::format("{}（{}年产值{}）", enterprise_zh(s_, e), in_.year, amount.zh));
        en.push_back(fmt::format("{} ({} output {})", enterprise_en(s_, e), in_.year, amount.en));
      }
    }
    ev.value = static_cast<double>(a.anchors.size());
    ev.threshold = 1;
    if (!a.anchors.empty()) {
      ev.state = MeasureState::kMet;
      if (!in_.texts) return ev;
      ev.text = {fmt::format("龙头企业：{}", fmt::join(zh, "、")),
                 fmt::format("anchor firm: {}", fmt::join(en, "; "))};
      return ev;
    }
    ev.state = MeasureState::kNotMet;
    if (!in_.texts) return ev;
    const bool named = !rules_.anchors.empty();
    if (rules_.anchor_output) {
      const Names amount = amount_names(*rules_.anchor_output);
      ev.text = {
          fmt::format("无龙头企业（{}，也无{}年产值达{}的企业）",
                      named ? "规划点名的龙头企业均不生产该环节" : "规划未点名龙头企业", in_.year, amount.zh),
          fmt::format("no anchor firm ({}, none with a {} output of {} or more)",
                      named ? "none of the plan's named anchors makes it" : "the plan names none", in_.year,
                      amount.en)};
    } else {
      ev.text = {"无龙头企业（规划点名的龙头企业均不生产该环节）",
                 "no anchor firm (none of the plan's named anchors makes it)"};
    }
    return ev;
  }

  // Of the local makers of the links this one supplies directly, how many buy it from a local maker,
  // among those whose suppliers of it are recorded at all.
  Evidence supply_evidence(std::span<const std::uint32_t> direct, const LinkClasses& classes,
                           const std::vector<LinkAssessment>& links, LinkAssessment& a) const {
    Evidence ev{Measure::kLocalSupply,
                MeasureState::kUnknown,
                false,
                {},
                from_millionths(rules_.min_local_supply),
                {}};
    std::vector<EnterpriseId> buyers;
    const bool has_downstream = !direct.empty();
    for (std::uint32_t d : direct)
      buyers.insert(buyers.end(), links[d].makers.begin(), links[d].makers.end());
    std::ranges::sort(buyers);
    buyers.erase(std::unique(buyers.begin(), buyers.end()), buyers.end());
    a.buyers = static_cast<std::uint32_t>(buyers.size());
    if (!has_downstream) {
      ev.state = MeasureState::kNotApplicable;
      if (!in_.texts) return ev;
      ev.text = {"链条末端环节，无下游环节", "the chain's last link: nothing downstream buys it"};
      return ev;
    }
    if (buyers.empty()) {
      ev.state = MeasureState::kNotApplicable;
      if (!in_.texts) return ev;
      ev.text = {"下游环节无本地企业，无本地需求可配套",
                 "no local maker downstream: no local demand to supply"};
      return ev;
    }
    const auto& sup = s_.supply;
    for (EnterpriseId b : buyers) {
      bool known = false;
      bool local = false;
      const std::uint32_t first = sup.suppliers_of.offsets[b.value];
      const auto row = sup.suppliers_of.row(b.value);
      for (std::size_t k = 0; k < row.size(); ++k) {
        const EnterpriseId supplier = row[k];
        const std::uint8_t edge_sample = sup.suppliers_of_sample[first + k];
        if (edge_sample != 0 && !in_.vis.include_sample) continue;
        const ClassId cls = sup.suppliers_of_class[first + k];
        if (cls.valid() ? !classes.covers(cls) : !classes.made_by(supplier)) continue;
        known = true;
        if (edge_sample != 0) a.sample = true;
        if (area_.local(supplier)) local = true;
      }
      a.buyers_known += known ? 1 : 0;
      a.buyers_local += local ? 1 : 0;
    }
    if (a.buyers_known == 0) {
      if (!in_.texts) return ev;
      ev.text = {fmt::format("下游本地企业{}家，其该环节供货关系均未录入", a.buyers),
                 fmt::format("{} local buyer{} downstream, none with its suppliers of this link recorded",
                             a.buyers, a.buyers == 1 ? "" : "s")};
      return ev;
    }
    const double share = static_cast<double>(a.buyers_local) / static_cast<double>(a.buyers_known);
    a.local_supply = share;
    ev.value = share;
    ev.state = share * 1e6 >= static_cast<double>(rules_.min_local_supply) ? MeasureState::kMet
                                                                           : MeasureState::kNotMet;
    if (!in_.texts) return ev;
    ev.text = {
        fmt::format("已录入供货关系的下游本地企业{}家中，{}家由本地企业配套（{}，至少需{}）", a.buyers_known,
                    a.buyers_local, percent_text(share), percent_text(*ev.threshold)),
        fmt::format("{} of {} local buyers with recorded suppliers buy it locally ({}, at least {} wanted)",
                    a.buyers_local, a.buyers_known, percent_text(share), percent_text(*ev.threshold))};
    return ev;
  }

  Evidence quotient_evidence(const ChainLinkRecord& link, std::optional<std::int64_t> area_output,
                             LinkAssessment& a) const {
    Evidence ev{Measure::kLocationQuotient,
                MeasureState::kUnknown,
                false,
                {},
                from_millionths(rules_.min_location_quotient),
                {}};
    const auto ref_total = fact_amount(s_, rules_.reference);
    const auto ref_link = fact_amount(s_, link.reference);
    if (!ref_total || !ref_link) {
      if (!in_.texts) return ev;
      ev.text = {"未载入参照地区该环节及总量数据，区位熵无法计算",
                 "no reference-region figures loaded for this link and the total: no location quotient"};
      return ev;
    }
    if (!a.output || !area_output || *area_output <= 0) {
      if (!in_.texts) return ev;
      ev.text = {fmt::format("本地{}年产值数据不全，区位熵无法计算", in_.year),
                 fmt::format("local {} output not known: no location quotient", in_.year)};
      return ev;
    }
    const double local_share = static_cast<double>(*a.output) / static_cast<double>(*area_output);
    const double ref_share = static_cast<double>(*ref_link) / static_cast<double>(*ref_total);
    const double lq = local_share / ref_share;
    a.location_quotient = lq;
    ev.value = lq;
    ev.state = lq * 1e6 >= static_cast<double>(rules_.min_location_quotient) ? MeasureState::kMet
                                                                             : MeasureState::kNotMet;
    if (!in_.texts) return ev;
    ev.text = {
        fmt::format("区位熵{:.2f}（本地占比{}，参照地区占比{}；至少需{:.2f}）", lq, percent_text(local_share),
                    percent_text(ref_share), *ev.threshold),
        fmt::format("location quotient {:.2f} (local share {}, reference share {}; at least {:.2f} wanted)",
                    lq, percent_text(local_share), percent_text(ref_share), *ev.threshold)};
    return ev;
  }

  // The projects (indices) that make any of the link's classes, in project order.
  [[nodiscard]] std::vector<std::uint32_t> projects_making(const LinkClasses& classes) const {
    std::vector<std::uint32_t> out;
    for (std::size_t p = 0; p < s_.projects.size(); ++p) {
      const bool makes = std::ranges::any_of(s_.projects[p].products, [&](const std::string& code) {
        return classes.covers(s_.find_class(code));
      });
      if (makes) out.push_back(static_cast<std::uint32_t>(p));
    }
    return out;
  }

  // `pool`: when given, projects_making(classes), computed once for every county.
  Evidence pipeline_evidence(const LinkClasses& classes, LinkAssessment& a,
                             const std::vector<std::uint32_t>* pool = nullptr) const {
    std::vector<std::uint32_t> own;
    if (pool == nullptr) own = projects_making(classes);
    for (const std::uint32_t p : pool != nullptr ? *pool : own) {
      const ProjectRecord& project = s_.projects[p];
      if (!in_.vis.include_sample && is_sample(project.provenance)) continue;
      if (!project_in_area(s_, p, area_.county)) continue;
      PipelineProject pp;
      pp.project = ProjectId{static_cast<std::uint32_t>(p)};
      const EnterpriseId sponsor = s_.project_sponsor[p];
      pp.adds_maker = !sponsor.valid() || std::ranges::find(a.makers, sponsor) == a.makers.end();
      std::tie(pp.due, pp.done) = first_production(s_, project.id, in_.vis.as_of);
      pp.overdue = !pp.done && pp.due && pp.due->last_day() < in_.vis.as_of;
      if (is_sample(project.provenance)) a.sample = true;
      a.pipeline.push_back(pp);
    }
    std::ranges::stable_sort(a.pipeline, [](const PipelineProject& x, const PipelineProject& y) {
      if (x.due.has_value() != y.due.has_value()) return x.due.has_value();
      return x.due && *x.due < *y.due;
    });
    for (const PipelineProject& pp : a.pipeline) {
      if (pp.adds_maker && pp.due && (!a.closes || *pp.due < *a.closes)) a.closes = pp.due;
    }
    Evidence ev{
        Measure::kPipeline, MeasureState::kInfo, false, static_cast<double>(a.pipeline.size()), {}, {}};
    if (!in_.texts) return ev;
    if (a.pipeline.empty()) {
      ev.text = {"无重点项目涉及该环节", "no key project makes its classes"};
      return ev;
    }
    std::vector<std::string> zh;
    std::vector<std::string> en;
    for (const PipelineProject& pp : a.pipeline) {
      const ProjectRecord& project = s_.projects[pp.project.value];
      const std::string when = pp.due ? pp.due->to_string() : std::string();
      const std::string en_name = project.name.en.empty() ? project.name.zh : project.name.en;
      zh.push_back(pp.due
                       ? fmt::format("{}（{}{}）", project.name.zh, pp.done ? "已于" : "计划", when + "投产")
                       : fmt::format("{}（投产时间未定）", project.name.zh));
      en.push_back(
          pp.due ? fmt::format("{} ({} {})", en_name, pp.done ? "producing since" : "due to produce", when)
                 : fmt::format("{} (no production date)", en_name));
    }
    ev.text = {fmt::format("重点项目：{}", fmt::join(zh, "；")),
               fmt::format("key projects: {}", fmt::join(en, "; "))};
    return ev;
  }

 private:
  const ChainInput& in_;
  const Snapshot& s_;
  const ChainRules& rules_;
  const Area& area_;
  std::vector<EnterpriseId> named_anchors_;
};

void decide(LinkAssessment& a) {
  a.measures_known = 0;
  bool short_of_any = false;
  for (Evidence& ev : a.evidence) {
    if (ev.measure == Measure::kPipeline) continue;
    if (ev.state == MeasureState::kMet || ev.state == MeasureState::kNotMet) ++a.measures_known;
    if (ev.state == MeasureState::kNotMet) short_of_any = true;
  }
  if (a.makers.empty()) {
    a.verdict = Verdict::kMissing;
    a.evidence.front().decided = true;
    return;
  }
  a.verdict = short_of_any ? Verdict::kWeak : Verdict::kStrong;
  const MeasureState deciding = short_of_any ? MeasureState::kNotMet : MeasureState::kMet;
  for (Evidence& ev : a.evidence) {
    if (ev.measure != Measure::kPipeline && ev.state == deciding) ev.decided = true;
  }
}

}  // namespace

namespace {

ChainAssessment assess(const ChainInput& input, std::uint32_t chain_index, CountyId county,
                       const ChainPools* pools) {
  const Snapshot& s = input.snapshot;
  const ChainRecord& chain = s.chains[chain_index];
  const ChainRules& rules = s.plan.chain_rules;
  const Area area{s, input.vis, county};
  const LinkJudge judge(input, rules, area);

  ChainAssessment out;
  out.chain = chain_index;
  out.county = county;
  out.year = input.year;
  const std::span<const EnterpriseId> in_area =
      county.valid() ? s.by_county.row(county.value) : std::span<const EnterpriseId>();
  const auto add_area = [&](EnterpriseId e) {
    if (!area.local(e)) return;
    if (auto v = judge.output_of(e)) out.area_output = out.area_output.value_or(0) + *v;
  };
  if (county.valid()) {
    std::ranges::for_each(in_area, add_area);
  } else {
    for (std::uint32_t e = 0; e < s.enterprises.slug.size(); ++e)
      add_area(EnterpriseId{e});
  }

  const std::size_t n = chain.links.size();
  std::optional<ChainShape> own;
  if (pools == nullptr) own = chain_shape(s, chain);
  const ChainShape& shape = pools != nullptr ? pools->shape : *own;
  const std::vector<LinkClasses>& classes = shape.classes;
  out.links.resize(n);
  for (std::uint32_t l = 0; l < n; ++l) {
    out.links[l].link = l;
    judge.find_makers(classes[l], out.links[l], pools != nullptr ? &pools->makers[l][county.value] : nullptr);
    if (!out.links[l].makers.empty()) ++out.present;
  }
  for (std::uint32_t l = 0; l < n; ++l) {
    LinkAssessment& a = out.links[l];
    a.downstream = shape.downstream[l];
    std::vector<EnterpriseId> below;
    for (std::uint32_t d : a.downstream)
      below.insert(below.end(), out.links[d].makers.begin(), out.links[d].makers.end());
    std::ranges::sort(below);
    below.erase(std::unique(below.begin(), below.end()), below.end());
    for (EnterpriseId e : below) {
      if (auto v = judge.output_of(e)) a.downstream_output = a.downstream_output.value_or(0) + *v;
    }
    a.evidence.push_back(judge.makers_evidence(chain.links[l], a));
    if (a.makers.empty()) {
      const Names none =
          input.texts ? Names{"无本地生产企业，不适用", "no local maker: not applicable"} : Names{};
      a.evidence.push_back({Measure::kAnchor, MeasureState::kNotApplicable, false, {}, {}, none});
      a.evidence.push_back({Measure::kLocalSupply, MeasureState::kNotApplicable, false, {}, {}, none});
      a.evidence.push_back({Measure::kLocationQuotient, MeasureState::kNotApplicable, false, {}, {}, none});
    } else {
      a.evidence.push_back(judge.anchor_evidence(a));
      a.evidence.push_back(judge.supply_evidence(shape.direct[l], classes[l], out.links, a));
      a.evidence.push_back(judge.quotient_evidence(chain.links[l], out.area_output, a));
    }
    a.evidence.push_back(
        judge.pipeline_evidence(classes[l], a, pools != nullptr ? &pools->projects[l] : nullptr));
    decide(a);
  }
  for (std::uint32_t l = 0; l < n; ++l) {
    if (out.links[l].verdict != Verdict::kStrong) out.gaps.push_back(l);
  }
  std::ranges::stable_sort(out.gaps, [&](std::uint32_t x, std::uint32_t y) {
    const LinkAssessment& a = out.links[x];
    const LinkAssessment& b = out.links[y];
    if (a.verdict != b.verdict) return a.verdict < b.verdict;  // missing before weak
    if (a.downstream.size() != b.downstream.size()) return a.downstream.size() > b.downstream.size();
    const std::int64_t da = a.downstream_output.value_or(0);
    const std::int64_t db = b.downstream_output.value_or(0);
    if (da != db) return da > db;
    return x < y;
  });
  return out;
}

}  // namespace

ChainAssessment assess_chain(const ChainInput& input, std::uint32_t chain, CountyId county) {
  return assess(input, chain, county, nullptr);
}

std::vector<ChainAssessment> assess_chain_every_county(const ChainInput& input, std::uint32_t chain_index) {
  const Snapshot& s = input.snapshot;
  const ChainRecord& chain = s.chains[chain_index];
  const Area region{s, input.vis, CountyId{}};
  const LinkJudge judge(input, s.plan.chain_rules, region);
  // One pass over each link's posting lists buckets its makers by county (an enterprise in two of
  // the link's classes appears twice in the bucket; find_makers removes the duplicate).
  ChainPools pools{chain_shape(s, chain), {}, {}};
  pools.makers.resize(chain.links.size());
  pools.projects.resize(chain.links.size());
  for (std::size_t l = 0; l < chain.links.size(); ++l) {
    const LinkClasses& classes = pools.shape.classes[l];
    pools.makers[l].resize(s.counties.size());
    for (ClassId c : classes.classes()) {
      for (EnterpriseId e : s.by_taxonomy.row(c.value)) {
        const CountyId county = s.enterprises.county[e.value];
        if (county.valid() && region.local(e)) pools.makers[l][county.value].push_back(e);
      }
    }
    pools.projects[l] = judge.projects_making(classes);
  }
  std::vector<ChainAssessment> out;
  out.reserve(s.counties.size());
  for (std::uint32_t c = 0; c < s.counties.size(); ++c)
    out.push_back(assess(input, chain_index, CountyId{c}, &pools));
  return out;
}

namespace {

// The links of `chain` directly upstream (`upstream` true) or downstream of link `l`.
std::vector<std::uint32_t> neighbours(const ChainRecord& chain, std::uint32_t l, bool upstream) {
  std::vector<std::uint32_t> out;
  for (const ChainEdgeRecord& edge : chain.edges) {
    const std::string& self = upstream ? edge.to : edge.from;
    const std::string& other = upstream ? edge.from : edge.to;
    if (self != chain.links[l].id) continue;
    for (std::uint32_t k = 0; k < chain.links.size(); ++k) {
      if (chain.links[k].id == other) out.push_back(k);
    }
  }
  return out;
}

// The partners along one direction: the relations of `e` in `list` (suppliers_of or customers_of)
// whose class lies in the product link (`product`: the partner's link upstream, this link
// downstream), with the partner making one of `partner_links`.
std::vector<ChainPartner> partners(const Snapshot& s, const Visibility& vis, EnterpriseId e,
                                   const Csr<EnterpriseId>& list, const std::vector<ClassId>& classes,
                                   const std::vector<std::uint8_t>& samples,
                                   const std::vector<LinkClasses>& links,
                                   std::span<const std::uint32_t> partner_links, const LinkClasses* product) {
  std::vector<ChainPartner> out;
  for (std::uint32_t k = list.offsets[e.value]; k < list.offsets[e.value + 1]; ++k) {
    const EnterpriseId other = list.values[k];
    const bool sample = samples[k] != 0 || s.enterprises.sample[other.value] != 0;
    if (sample && !vis.include_sample) continue;
    const ClassId cls = classes[k];
    for (std::uint32_t l : partner_links) {
      const LinkClasses& supplied = product != nullptr ? *product : links[l];
      const bool of_link =
          cls.valid() ? supplied.covers(cls) : supplied.made_by(product != nullptr ? e : other);
      if (!of_link || !links[l].made_by(other)) continue;
      if (std::ranges::any_of(out,
                              [&](const ChainPartner& p) { return p.enterprise == other && p.link == l; }))
        continue;
      out.push_back(ChainPartner{other, cls, l, s.enterprises.outside[other.value] == 0, sample});
    }
  }
  std::ranges::stable_sort(out, [&](const ChainPartner& a, const ChainPartner& b) {
    if (a.local != b.local) return a.local;
    return s.enterprises.name_rank[a.enterprise.value] < s.enterprises.name_rank[b.enterprise.value];
  });
  return out;
}

}  // namespace

std::vector<EnterpriseLink> enterprise_chain_links(const Snapshot& s, const Visibility& vis, EnterpriseId e) {
  std::vector<EnterpriseLink> out;
  const SupplyEdges& g = s.supply;
  for (std::uint32_t c = 0; c < s.chains.size(); ++c) {
    const ChainRecord& chain = s.chains[c];
    std::vector<LinkClasses> links;
    links.reserve(chain.links.size());
    for (const ChainLinkRecord& link : chain.links)
      links.emplace_back(s, link);
    for (std::uint32_t l = 0; l < chain.links.size(); ++l) {
      if (!links[l].made_by(e)) continue;
      EnterpriseLink el{c, l, {}, {}};
      el.upstream = partners(s, vis, e, g.suppliers_of, g.suppliers_of_class, g.suppliers_of_sample, links,
                             neighbours(chain, l, true), nullptr);
      el.downstream = partners(s, vis, e, g.customers_of, g.customers_of_class, g.customers_of_sample, links,
                               neighbours(chain, l, false), &links[l]);
      out.push_back(std::move(el));
    }
  }
  return out;
}

}  // namespace atlas::engine
