// The plan file (TOML) of a synthetic dataset, with its projects' milestones.csv.
#include <algorithm>
#include <array>
#include <cmath>
#include <span>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "app/internal/synthetic_tables.hpp"
#include "app/internal/synthetic_writer.hpp"
#include "model/units.hpp"

namespace atlas::app::internal {
namespace {

namespace fs = std::filesystem;

constexpr std::array<MilestoneKind, 4> kMilestones = {MilestoneKind::kSigned, MilestoneKind::kStarted,
                                                      MilestoneKind::kCommissioned,
                                                      MilestoneKind::kFullProduction};
// Planned months from one milestone to the next: [min, max].
constexpr std::array<std::pair<int, int>, 4> kLeadMonths = {{{0, 0}, {2, 8}, {8, 20}, {6, 18}}};

// A TOML basic string.
std::string toml_string(std::string_view text) {
  std::string out = "\"";
  for (char c : text) {
    if (c == '"' || c == '\\') out.push_back('\\');
    out.push_back(c);
  }
  out.push_back('"');
  return out;
}

std::string names(const Names& n) {
  return fmt::format("{{ zh = {}, en = {} }}", toml_string(n.zh), toml_string(n.en));
}

std::string string_list(const std::vector<std::string>& items) {
  std::string out = "[";
  for (std::size_t i = 0; i < items.size(); ++i)
    out += (i > 0 ? ", " : "") + toml_string(items[i]);
  return out + "]";
}

// `v` rounded to two significant digits (a whole number), at least `floor`: a goal as a plan
// would state it (570亿, 42, 6).
std::int64_t round_goal(double v, std::int64_t floor) {
  if (v < static_cast<double>(floor)) return floor;
  const auto scale = static_cast<std::int64_t>(std::max(1.0, std::pow(10.0, std::floor(std::log10(v)) - 1)));
  return std::llround(v / static_cast<double>(scale)) * scale;
}

// One target of a synthetic plan: its goal is the first year's figure grown (amounts ×1.8, counts
// ×1.5, as a five-year plan would ask), and for amounts that figure is the baseline.
struct SyntheticTarget {
  std::string id;
  Names title;
  std::string indicator;
  std::int64_t first_year = 0;  // the figure of the first year, when the plan states one
  bool amount = true;
  bool has_baseline = true;
};

// The plan's own unit for counts of enterprises (家), so its counts read "15家" / "15 enterprises".
constexpr std::string_view kEnterpriseUnit = "enterprise";

void write_units(const World& w, BufferedWriter& out) {
  out.print("\n[[unit]]\nid = {}\nmeasure = \"count\"\nname = {}\nprovenance = {}\n",
            toml_string(kEnterpriseUnit), names({"家", "enterprise | enterprises"}),
            toml_string(w.provenance));
}

// The unit a target is written in: money, the plan's enterprise unit, or a plain count.
std::string_view unit_of(const SyntheticTarget& t) {
  if (t.amount) return "yuan";
  return t.indicator.starts_with("count(enterprises)") ? kEnterpriseUnit : std::string_view("count");
}

void write_target(const World& w, const SyntheticTarget& t, BufferedWriter& out) {
  const auto& o = w.options;
  const std::int64_t goal = t.amount ? round_goal(1.8 * static_cast<double>(t.first_year), 10 * kWan)
                                     : round_goal(1.5 * static_cast<double>(t.first_year), 1);
  out.print(
      "\n[[target]]\nid = {}\ntitle = {}\nindicator = {}\ngoal = {}\ndeadline = {}\nunit = {}\nquote = "
      "\"\"\n",
      toml_string(t.id), names(t.title), toml_string(t.indicator),
      toml_string(fmt::format(">= {}", t.amount ? format_amount(goal) : std::to_string(goal))), o.last_year,
      toml_string(unit_of(t)));
  if (t.has_baseline) {
    out.print("baseline = {{ period = \"{}\", value = {}, quote = \"\", provenance = {} }}\n", o.first_year,
              toml_string(t.amount ? format_amount(t.first_year) : std::to_string(t.first_year)),
              toml_string(w.provenance));
  }
  out.print("provenance = {}\n", toml_string(w.provenance));
}

// The plan's own targets (not any real plan's): the same kinds of indicator a cluster plan
// sets — output in total, by segment and in the core park, enterprises over a size, carriers,
// supplier entries and projects — with goals grown from the generated first year.
std::size_t write_targets(const World& w, const Totals& t, BufferedWriter& out) {
  const auto& o = w.options;
  const int last = o.last_year;
  const std::string years = fmt::format("{}..{}", o.first_year, o.last_year);
  const auto seg = [&](SyntheticSegment s) { return t.segment_output[s]; };
  const std::int64_t scaled = std::max<std::int64_t>(1, static_cast<std::int64_t>(o.enterprises / 400));
  const std::vector<SyntheticTarget> targets = {
      {"total-output",
       {"合成集群工业总产值", "Synthetic cluster output"},
       fmt::format("sum(output_value) in {}", last),
       t.first_year_output},
      {"body-output",
       {"合成集群车身及内外饰零部件产值", "Synthetic body and trim parts output"},
       fmt::format("sum(output_value) where segment = \"body\" in {}", last),
       seg(kBodySegment)},
      {"commercial-output",
       {"合成集群商用车及专用车零部件产值", "Synthetic commercial-vehicle parts output"},
       fmt::format("sum(output_value) where segment = \"commercial\" in {}", last),
       seg(kCommercialSegment)},
      {"electric-output",
       {"合成集群电驱动及动力电池零部件产值", "Synthetic electric-drive parts output"},
       fmt::format("sum(output_value) where segment = \"electric\" in {}", last),
       seg(kElectricSegment)},
      {"enterprises-over-20yi",
       {"产值超20亿元的合成企业", "Synthetic enterprises over 2 billion yuan"},
       fmt::format("count(enterprises) where output_value > 20亿 in {}", last),
       static_cast<std::int64_t>(t.over_20yi),
       false},
      {"enterprises-over-10yi",
       {"产值超10亿元的合成企业", "Synthetic enterprises over 1 billion yuan"},
       fmt::format("count(enterprises) where output_value > 10亿 in {}", last),
       static_cast<std::int64_t>(t.over_10yi),
       false},
      {"enterprises-over-1yi",
       {"产值超1亿元的合成企业", "Synthetic enterprises over 100 million yuan"},
       fmt::format("count(enterprises) where output_value > 1亿 in {}", last),
       static_cast<std::int64_t>(t.over_1yi),
       false},
      {"new-provincial-carriers",
       {"新增省级以上创新载体（合成）", "New provincial carriers (synthetic)"},
       fmt::format("count(carriers) where level >= provincial and recognized in {}", years),
       scaled,
       false,
       false},
      {"manufacturing-innovation-center",
       {"制造业创新中心（合成）", "Manufacturing innovation centres (synthetic)"},
       fmt::format(
           "count(carriers) where kind = \"manufacturing-innovation-center\" and level >= provincial and "
           "recognized in {}",
           years),
       1,
       false,
       false},
      {"innovation-alliance",
       {"产业技术创新联盟（合成）", "Innovation alliances (synthetic)"},
       fmt::format("count(carriers) where kind = \"innovation-alliance\" and recognized in {}", years),
       1,
       false,
       false},
      {"cluster-organization",
       {"集群发展促进机构（合成）", "Cluster organisations (synthetic)"},
       fmt::format("count(carriers) where kind = \"cluster-organization\" and recognized in {}", years),
       1,
       false,
       false},
      {"oem-supplier-entries",
       {"进入主机厂供应体系的产品（合成）", "Products entering OEM supply (synthetic)"},
       fmt::format("count(supplier_entries) where tier <= 2 and entered in {}", years),
       4 * scaled,
       false,
       false},
      {"new-projects",
       {"新增签约或投产项目（合成）", "Projects signed or commissioned (synthetic)"},
       fmt::format("count(projects) where signed in {0} or commissioned in {0}", years),
       6 * scaled,
       false,
       false},
      {"park-projects-over-10yi",
       {"龙头园区10亿元级企业（合成）", "Lead-park enterprises over 1 billion (synthetic)"},
       fmt::format("count(enterprises) where zone = \"lead-park\" and output_value >= 10亿 in {}", last),
       static_cast<std::int64_t>(t.core_over_10yi),
       false},
      {"park-projects-over-1yi",
       {"龙头园区亿元级企业（合成）", "Lead-park enterprises of 0.1–1 billion (synthetic)"},
       fmt::format(
           "count(enterprises) where zone = \"lead-park\" and output_value >= 1亿 and output_value < 10亿 "
           "in {}",
           last),
       static_cast<std::int64_t>(t.core_1yi_to_10yi),
       false},
      {"park-output",
       {"龙头园区总产值（合成）", "Lead-park output (synthetic)"},
       fmt::format("sum(output_value) where zone = \"lead-park\" in {}", last),
       t.core_first_year_output},
  };
  for (const auto& target : targets)
    write_target(w, target, out);
  return targets.size();
}

// The plan's vocabularies: [[segment]], [[zone_kind]], [[project_type]], [[carrier_kind]] and
// [[candidate_kind]] tables naming the words its records use.
void write_vocabularies(const World& w, BufferedWriter& out) {
  const auto write = [&](std::string_view table, std::span<const SyntheticTerm> terms) {
    for (const SyntheticTerm& t : terms) {
      out.print("\n[[{}]]\nid = {}\nname = {}\nprovenance = {}\n", table, toml_string(t.id),
                names({t.zh, t.en}), toml_string(w.provenance));
    }
  };
  write("segment", kSyntheticSegments);
  write("zone_kind", kSyntheticZoneKinds);
  write("project_type", kSyntheticProjectTypes);
  write("carrier_kind", synthetic_carrier_kinds());
  write("candidate_kind", kSyntheticCandidateKinds);
}

void write_header(const World& w, BufferedWriter& out) {
  const auto& o = w.options;
  out.print("# Synthetic dataset written by `atlas gen --enterprises {} --seed {}`: illustrative only.\n\n",
            o.enterprises, o.seed);
  out.print("[plan]\nid = {}\n",
            toml_string(fmt::format("synthetic-autoparts-{}-{}", o.first_year, o.last_year)));
  out.print("title = {}\n",
            names({fmt::format("合成汽车零部件产业集群（{}家企业，种子{}）", o.enterprises, o.seed),
                   fmt::format("Synthetic automotive parts cluster ({} enterprises, seed {})", o.enterprises,
                               o.seed)}));
  out.print("document = {}\nissued = {}-07-02\nstart = {}\nend = {}\n", toml_string("atlas gen"),
            o.first_year, o.first_year, o.last_year);
  // With other plans over parts of its counties, this one (over all of them) is the default.
  if (o.plans > 1) out.print("default = true\n");
  write_vocabularies(w, out);
  write_units(w, out);
  for (const auto& z : w.zones) {
    out.print("\n[[zone]]\nid = {}\nname = {}\nkind = {}\ncounties = {}\nparent = {}\nprovenance = {}\n",
              toml_string(z.id), names(z.name), toml_string(z.kind), string_list(z.counties),
              toml_string(z.parent), toml_string(z.provenance));
  }
}

void write_chains(const World& w, BufferedWriter& out) {
  for (const auto& c : chains()) {
    out.print("\n[[chain]]\nid = {}\nname = {}\nprovenance = {}\n", toml_string(c.id), names({c.zh, c.en}),
              toml_string(w.provenance));
    for (const auto& l : c.links) {
      std::vector<std::string> classes;
      for (int k = 1; k <= l.classes; ++k)
        classes.push_back(class_code(l.subsystem, k));
      out.print("  [[chain.link]]\n  id = {}\n  name = {}\n  classes = {}\n", toml_string(l.id),
                names({l.zh, l.en}), string_list(classes));
    }
    for (const auto& [from, to] : c.edges) {
      out.print("  [[chain.edge]]\n  from = {}\n  to = {}\n", toml_string(from), toml_string(to));
    }
  }
}

struct Month {
  int year;
  int month;
  [[nodiscard]] int index() const { return year * 12 + month - 1; }
  [[nodiscard]] Month plus(int months) const {
    return {(index() + months) / 12, (index() + months) % 12 + 1};
  }
};

// Planned dates follow each other; actual dates come with delays, up to the end of the data.
void write_milestones(const World& w, std::uint64_t j, Rng& rng, BufferedWriter& out) {
  Month planned{rng.between(w.options.first_year - 2, w.options.last_year), rng.between(1, 12)};
  const Month end{w.options.last_year, 12};
  bool reached = true;
  int delay = 0;
  for (std::size_t k = 0; k < kMilestones.size(); ++k) {
    planned = planned.plus(rng.between(kLeadMonths[k].first, kLeadMonths[k].second));
    const int day = rng.between(1, 28);
    delay += rng.chance(0.5) ? 0 : rng.between(1, 6);
    const Month actual = planned.plus(delay);
    reached = reached && rng.chance(0.9) && actual.index() <= end.index();
    out.print("p{:05},{},{:04}-{:02}-{:02},", j + 1, to_string(kMilestones[k]), planned.year, planned.month,
              day);
    if (reached) out.print("{:04}-{:02}-{:02}", actual.year, actual.month, day);
    out.print(",,{}", w.provenance);
    out.end_row();
  }
}

void write_project(const World& w, std::uint64_t j, BufferedWriter& plan, BufferedWriter& milestones) {
  Rng rng(mix_seed(w.options.seed, static_cast<std::uint64_t>(Stream::kProject), j));
  const bool park = j < std::min<std::uint64_t>(12, w.core_count);
  const SyntheticTerm& type = kSyntheticProjectTypes[park              ? kNewEntrant
                                                     : rng.chance(0.5) ? kCapacity
                                                     : rng.chance(0.5) ? kUpgrade
                                                                       : kNewEntrant];
  const auto p = enterprise_profile(w, park ? j : rng.below(w.options.enterprises));
  const std::int64_t investment = std::llround(rng.lognormal(std::log(2.0 * kYi / kWan), 0.9)) * kWan;
  const bool has_output = rng.chance(0.7);
  const std::int64_t output =
      std::llround(static_cast<double>(investment) / kWan * rng.lognormal(0.26, 0.4)) * kWan;
  std::vector<std::string> products;
  for (std::size_t c = 0; c < p.class_count; ++c)
    products.push_back(w.taxonomy[p.classes[c]].code);
  const auto sponsor = enterprise_names(w, p.index);
  plan.print("\n[[project]]\nid = \"p{:05}\"\nname = {}\ntype = {}\nsponsor = {}\n", j + 1,
             names({fmt::format("{}{}项目{:05}", sponsor.zh, type.zh, j + 1),
                    fmt::format("Sample project {:05}", j + 1)}),
             toml_string(type.id), toml_string(enterprise_id(p.index)));
  if (p.zone >= 0) plan.print("zone = {}\n", toml_string(w.zones[static_cast<std::size_t>(p.zone)].id));
  plan.print("county = {}\ninvestment = {}\nexpected_output = {}\nproducts = {}\n",
             toml_string(w.counties[p.county].id), toml_string(format_amount(investment)),
             toml_string(has_output ? format_amount(output) : ""), string_list(products));
  plan.print("capacity = {}\nprovenance = {}\n", toml_string(fmt::format("年产{}万件", rng.between(5, 500))),
             toml_string(w.provenance));
  write_milestones(w, j, rng, milestones);
}

// Plan k (2 … K) of `atlas gen --plans K`: a city's plan over the k-1-th of K-1 runs of counties,
// with targets of its own and no zones, projects or chains (those belong to the plan over all).
Result<fs::path> write_city_plan(const World& w, const Totals& t, std::uint64_t k, const fs::path& dir) {
  const auto& o = w.options;
  const std::uint64_t cities = o.plans - 1;
  const std::uint64_t n = w.counties.size();
  const std::uint64_t first = (k - 2) * n / cities;
  const std::uint64_t end = (k - 1) * n / cities;
  std::vector<std::string> scope;
  std::int64_t output = 0;
  std::int64_t over_1yi = 0;
  for (std::uint64_t c = first; c < end; ++c) {
    scope.push_back(w.counties[c].id);
    output += c < t.county_output.size() ? t.county_output[c] : 0;
    over_1yi += c < t.county_over_1yi.size() ? static_cast<std::int64_t>(t.county_over_1yi[c]) : 0;
  }
  const std::string id = fmt::format("synthetic-city-{:02}-{}-{}", k, o.first_year, o.last_year);
  const fs::path file = dir / "more-plans" / (id + ".toml");
  BufferedWriter out(file);
  out.print(
      "# Synthetic plan {} of {} written by `atlas gen --enterprises {} --seed {} --plans {}`: a city's\n"
      "# plan over {} of the counties; illustrative only. Import it after the directory's own plan.\n\n",
      k, o.plans, o.enterprises, o.seed, o.plans, scope.size());
  out.print("[plan]\nid = {}\ntitle = {}\n", toml_string(id),
            names({fmt::format("合成城市{:02}汽车零部件产业规划（种子{}）", k, o.seed),
                   fmt::format("Synthetic city {:02} automotive parts plan (seed {})", k, o.seed)}));
  out.print("document = {}\nissued = {}-07-02\nstart = {}\nend = {}\nscope = {}\n", toml_string("atlas gen"),
            o.first_year, o.first_year, o.last_year, string_list(scope));
  write_units(w, out);
  const int last = o.last_year;
  const std::vector<SyntheticTarget> targets = {
      {"city-output",
       {"合成城市汽车零部件产值", "Synthetic city parts output"},
       fmt::format("sum(output_value) in {}", last),
       output},
      {"city-enterprises-over-1yi",
       {"合成城市产值超1亿元的企业", "Synthetic city enterprises over 100 million"},
       fmt::format("count(enterprises) where output_value > 1亿 in {}", last),
       over_1yi,
       false},
      {"city-high-tech-over-1yi",
       {"合成城市亿元级高新技术企业", "Synthetic city high-tech enterprises over 100 million"},
       fmt::format("count(enterprises) where high_tech and output_value > 1亿 in {}", last),
       over_1yi / 3 + 1,
       false,
       false},
  };
  for (const auto& target : targets)
    write_target(w, target, out);
  if (auto r = out.close(); !r) return std::unexpected(r.error());
  return file;
}

}  // namespace

Result<void> write_plans(const World& w, const Totals& totals, const fs::path& dir,
                         SyntheticSummary& summary) {
  const auto& o = w.options;
  std::error_code ec;
  fs::create_directories(dir / "plans", ec);
  summary.plan_file =
      dir / "plans" / fmt::format("synthetic-autoparts-{}-{}.toml", o.first_year, o.last_year);
  BufferedWriter plan(summary.plan_file);
  write_header(w, plan);
  summary.targets = write_targets(w, totals, plan);
  BufferedWriter milestones(dir / "milestones.csv");
  milestones.write("project,kind,planned,actual,note_en,provenance\n");
  const std::uint64_t projects = project_count(o.enterprises);
  for (std::uint64_t j = 0; j < projects; ++j)
    write_project(w, j, plan, milestones);
  write_chains(w, plan);
  summary.zones = w.zones.size();
  summary.projects = projects;
  summary.chains = chains().size();
  summary.milestones = milestones.rows();
  if (auto r = plan.close(); !r) return r;
  if (auto r = milestones.close(); !r) return r;
  if (o.plans > 1) fs::create_directories(dir / "more-plans", ec);
  for (std::uint64_t k = 2; k <= o.plans; ++k) {
    auto file = write_city_plan(w, totals, k, dir);
    if (!file) return std::unexpected(file.error());
    summary.more_plans.push_back(std::move(*file));
  }
  return {};
}

}  // namespace atlas::app::internal
