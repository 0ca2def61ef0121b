// The plan file (TOML) of a synthetic dataset, with its projects' milestones.csv.
#include <array>

#include <fmt/format.h>

#include "app/internal/synthetic_tables.hpp"
#include "app/internal/synthetic_writer.hpp"
#include "io/embedded.hpp"
#include "model/units.hpp"

namespace atlas::app::internal {
namespace {

namespace fs = std::filesystem;

struct TargetDef {
  const char* id;
  const char* zh;
  const char* en;
  const char* indicator;
  const char* goal;
  const char* unit;
};

constexpr std::string_view kMeizhouPlan = "data/plans/meizhou-autoparts-2021-2025.toml";

// The 16 targets of the Meizhou plan (§4, §6(1)), as in data/plans/meizhou-autoparts-2021-2025.toml:
// used only when the embedded plan file is missing or holds no target.
constexpr std::array<TargetDef, 16> kTargets = {{
    {"total-output", "汽车零部件工业总产值", "Total output of automotive parts", "sum(output_value) in 2025",
     ">= 100亿", "yuan"},
    {"passenger-output", "乘用车零部件总产值", "Output of passenger-car parts",
     "sum(output_value) where segment = \"passenger\" in 2025", ">= 50亿", "yuan"},
    {"trailer-output", "挂车等专用车零部件总产值", "Output of trailer and other special-vehicle parts",
     "sum(output_value) where segment = \"trailer\" in 2025", ">= 35亿", "yuan"},
    {"nev-output", "新能源“三电”类专用零部件总产值", "Output of NEV \"three-electric\" parts",
     "sum(output_value) where segment = \"nev\" in 2025", ">= 15亿", "yuan"},
    {"enterprises-over-20yi", "产值超20亿元的企业", "Enterprises with output over 2 billion yuan",
     "count(enterprises) where output_value > 20亿 in 2025", ">= 1", "count"},
    {"enterprises-over-10yi", "产值超10亿元的企业", "Enterprises with output over 1 billion yuan",
     "count(enterprises) where output_value > 10亿 in 2025", ">= 4", "count"},
    {"enterprises-over-1yi", "产值超1亿元的企业", "Enterprises with output over 100 million yuan",
     "count(enterprises) where output_value > 1亿 in 2025", ">= 15", "count"},
    {"new-provincial-carriers", "新增省级以上创新载体",
     "New innovation carriers at provincial level or above",
     "count(carriers) where level >= provincial and recognized in 2021..2025", ">= 2", "count"},
    {"manufacturing-innovation-center", "省级制造业创新中心", "Provincial manufacturing innovation centre",
     "count(carriers) where kind = \"manufacturing-innovation-center\" and level >= provincial and "
     "recognized in "
     "2021..2025",
     ">= 1", "count"},
    {"innovation-alliance", "产业技术创新联盟", "Industrial technology innovation alliance",
     "count(carriers) where kind = \"innovation-alliance\" and recognized in 2021..2025", ">= 1", "count"},
    {"cluster-organization", "产业集群发展促进机构", "Cluster development promotion organisation",
     "count(carriers) where kind = \"cluster-organization\" and recognized in 2021..2025", ">= 1", "count"},
    {"oem-supplier-entries", "新增进入主机厂一级/二级供应商体系高端产品数量",
     "New high-end products entering OEM tier-1/tier-2 supplier systems",
     "count(supplier_entries) where tier <= 2 and entered in 2021..2025", ">= 10", "count"},
    {"new-projects", "新增签约/投产项目", "New projects signed or put into production",
     "count(projects) where signed in 2021..2025 or commissioned in 2021..2025", ">= 15", "count"},
    {"park-projects-over-10yi", "入园10亿元产值规模项目",
     "Park projects with output of 1 billion yuan or more",
     "count(enterprises) where zone = \"gac-park\" and output_value >= 10亿 in 2025", ">= 2", "count"},
    {"park-projects-over-1yi", "入园1亿元产值规模项目",
     "Park projects with output between 100 million and 1 billion yuan",
     "count(enterprises) where zone = \"gac-park\" and output_value >= 1亿 and output_value < 10亿 in 2025",
     ">= 10", "count"},
    {"park-output", "广汽零部件产业园园区总产值", "Total output of the GAC parts park",
     "sum(output_value) where zone = \"gac-park\" in 2025", ">= 40亿", "yuan"},
}};

constexpr std::array<const char*, 3> kProjectTypeZh = {"增资扩产", "优化调整", "招商引资"};
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

// The [[target]] blocks of the embedded Meizhou plan file, verbatim (comments inside a block kept,
// comment lines that trail it dropped). Empty when the file is not embedded.
std::vector<std::string_view> embedded_target_blocks() {
  std::vector<std::string_view> blocks;
  for (const auto& file : io::embedded_files()) {
    if (file.name != kMeizhouPlan) continue;
    std::string_view text = file.bytes;
    std::size_t begin = std::string_view::npos, end = 0;  // the current block and its last content line
    for (std::size_t pos = 0; pos < text.size();) {
      const std::size_t eol = std::min(text.find('\n', pos), text.size());
      const std::string_view line = text.substr(pos, eol - pos);
      if (line.starts_with("[")) {
        if (begin != std::string_view::npos) blocks.push_back(text.substr(begin, end - begin));
        begin = line.starts_with("[[target]]") ? pos : std::string_view::npos;
      }
      if (begin != std::string_view::npos && !line.empty() && !line.starts_with("#")) end = eol;
      pos = eol + 1;
    }
    if (begin != std::string_view::npos) blocks.push_back(text.substr(begin, end - begin));
  }
  return blocks;
}

// The Meizhou plan's targets, copied from the embedded plan file when it is there.
std::size_t write_targets(const World& w, BufferedWriter& out) {
  const auto blocks = embedded_target_blocks();
  for (const auto block : blocks)
    out.print("\n{}\n", block);
  if (!blocks.empty()) return blocks.size();
  for (const auto& t : kTargets) {
    out.print("\n[[target]]\nid = {}\ntitle = {}\nindicator = {}\ngoal = {}\ndeadline = 2025\nunit = {}\n",
              toml_string(t.id), names({t.zh, t.en}), toml_string(t.indicator), toml_string(t.goal),
              toml_string(t.unit));
    out.print("provenance = {}\n", toml_string(w.provenance));
  }
  return kTargets.size();
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
  for (const auto& z : w.zones) {
    out.print("\n[[zone]]\nid = {}\nname = {}\nkind = {}\ncounties = {}\nparent = {}\nprovenance = {}\n",
              toml_string(z.id), names(z.name), toml_string(to_string(z.kind)), string_list(z.counties),
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
  const bool park = j < std::min<std::uint64_t>(12, w.gac_count);
  const auto type = park ? ProjectType::kAttraction
                         : static_cast<ProjectType>(rng.chance(0.5)   ? 0
                                                    : rng.chance(0.5) ? 1
                                                                      : 2);
  const auto p = enterprise_profile(w, park ? j : rng.below(w.options.enterprises));
  const std::int64_t investment = std::llround(rng.lognormal(std::log(2.0 * kYi / kWan), 0.9)) * kWan;
  const bool has_output = rng.chance(0.7);
  const std::int64_t output =
      std::llround(static_cast<double>(investment) / kWan * rng.lognormal(0.26, 0.4)) * kWan;
  std::vector<std::string> products;
  for (std::size_t c = 0; c < p.class_count; ++c)
    products.push_back(w.taxonomy[p.classes[c]].code);
  const auto sponsor = enterprise_names(w, p.index);
  plan.print(
      "\n[[project]]\nid = \"p{:05}\"\nname = {}\ntype = {}\nsponsor = {}\n", j + 1,
      names({fmt::format("{}{}项目{:05}", sponsor.zh, kProjectTypeZh[static_cast<std::size_t>(type)], j + 1),
             fmt::format("Sample project {:05}", j + 1)}),
      toml_string(to_string(type)), toml_string(enterprise_id(p.index)));
  if (p.zone >= 0) plan.print("zone = {}\n", toml_string(w.zones[static_cast<std::size_t>(p.zone)].id));
  plan.print("county = {}\ninvestment = {}\nexpected_output = {}\nproducts = {}\n",
             toml_string(w.counties[p.county].id), toml_string(format_amount(investment)),
             toml_string(has_output ? format_amount(output) : ""), string_list(products));
  plan.print("capacity = {}\nprovenance = {}\n", toml_string(fmt::format("年产{}万件", rng.between(5, 500))),
             toml_string(w.provenance));
  write_milestones(w, j, rng, milestones);
}

}  // namespace

Result<void> write_plan(const World& w, const fs::path& dir, SyntheticSummary& summary) {
  const auto& o = w.options;
  std::error_code ec;
  fs::create_directories(dir / "plans", ec);
  summary.plan_file =
      dir / "plans" / fmt::format("synthetic-autoparts-{}-{}.toml", o.first_year, o.last_year);
  BufferedWriter plan(summary.plan_file);
  write_header(w, plan);
  summary.targets = write_targets(w, plan);
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
  return milestones.close();
}

}  // namespace atlas::app::internal
