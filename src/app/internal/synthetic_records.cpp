// carriers.csv, supplier_entries.csv, candidates.csv of a synthetic dataset.
#include <array>

#include <fmt/format.h>

#include "app/internal/synthetic_tables.hpp"
#include "app/internal/synthetic_writer.hpp"

namespace atlas::app::internal {
namespace {

namespace fs = std::filesystem;

struct CarrierKind {
  const char* id;
  const char* zh;
  const char* en;
  double share;
  bool has_enterprise;
};

constexpr std::array<CarrierKind, 8> kCarrierKinds = {{
    {"enterprise-tech-center", "企业技术中心", "Enterprise technology centre", 0.35, true},
    {"engineering-center", "工程技术研究中心", "Engineering technology research centre", 0.25, true},
    {"rd-center", "研发中心", "R&D centre", 0.15, true},
    {"key-lab", "重点实验室", "Key laboratory", 0.08, true},
    {"test-platform", "检测公共服务平台", "Public testing platform", 0.07, true},
    {"manufacturing-innovation-center", "制造业创新中心", "Manufacturing innovation centre", 0.04, true},
    {"innovation-alliance", "产业技术创新联盟", "Industrial technology innovation alliance", 0.03, false},
    {"cluster-organization", "集群发展促进机构", "Cluster development organisation", 0.03, false},
}};
constexpr std::array<double, 3> kLevelShares = {0.60, 0.32, 0.08};  // municipal, provincial, national

// The first carriers are the kinds the synthetic plan's targets count, so that even a small dataset
// has one of each: kind index, level, recognised inside the plan period.
constexpr std::array<std::pair<std::size_t, CarrierLevel>, 4> kSeededCarriers = {{
    {5, CarrierLevel::kProvincial},
    {6, CarrierLevel::kProvincial},
    {7, CarrierLevel::kMunicipal},
    {1, CarrierLevel::kProvincial},
}};

constexpr std::array<const char*, 10> kRegions = {"广东", "江苏", "浙江", "上海", "山东",
                                                  "湖北", "重庆", "安徽", "福建", "吉林"};

std::string date(int year, int month, int day) {
  return fmt::format("{:04}-{:02}-{:02}", year, month, day);
}

void write_carrier(const World& w, std::uint64_t k, BufferedWriter& out) {
  Rng rng(mix_seed(w.options.seed, static_cast<std::uint64_t>(Stream::kCarrier), k));
  std::size_t kind = 0;
  CarrierLevel level = CarrierLevel::kMunicipal;
  int year = 0;
  if (k < kSeededCarriers.size()) {
    std::tie(kind, level) = kSeededCarriers[k];
    year = rng.between(w.options.first_year, w.options.last_year);
  } else {
    double u = rng.uniform();
    while (kind + 1 < kCarrierKinds.size() && (u -= kCarrierKinds[kind].share) >= 0)
      ++kind;
    double v = rng.uniform();
    std::size_t l = 0;
    while (l + 1 < kLevelShares.size() && (v -= kLevelShares[l]) >= 0)
      ++l;
    level = static_cast<CarrierLevel>(l);
    year = rng.between(w.options.first_year - 6, w.options.last_year);
  }
  const auto& kd = kCarrierKinds[kind];
  const std::string enterprise = kd.has_enterprise ? enterprise_id(rng.below(w.options.enterprises)) : "";
  out.print("carrier-{0:05},合成{1}{0:05},Sample {2} {0:05},{2},{3},{4},{5},{6}", k + 1, kd.zh, kd.id,
            to_string(level), enterprise, date(year, rng.between(1, 12), rng.between(1, 28)), w.provenance);
  out.end_row();
}

void write_supplier_entry(const World& w, std::uint64_t k, BufferedWriter& out) {
  Rng rng(mix_seed(w.options.seed, static_cast<std::uint64_t>(Stream::kSupplierEntry), k));
  const auto p = enterprise_profile(w, rng.below(w.options.enterprises));
  const auto cls = p.classes[rng.below(p.class_count)];
  const auto oem = p.customer_count > 0 ? p.customers[rng.below(p.customer_count)] : rng.below(oems().size());
  const int tier = rng.chance(0.35) ? 1 : 2;
  const int year = rng.between(w.options.first_year - 4, w.options.last_year);
  out.print("se-{:06},{},{},{},{},{:04}-{:02},{}", k + 1, enterprise_id(p.index), w.taxonomy[cls].code,
            oems()[oem].slug, tier, year, rng.between(1, 12), w.provenance);
  out.end_row();
}

void write_candidate(const World& w, std::uint64_t k, BufferedWriter& out) {
  Rng rng(mix_seed(w.options.seed, static_cast<std::uint64_t>(Stream::kCandidate), k));
  const auto& chain = chains()[rng.below(chains().size())];
  const auto& link = chain.links[rng.below(chain.links.size())];
  const bool electric = std::string_view(chain.id) == "electric";
  const char* kind = kSyntheticCandidateKinds[rng.chance(0.15) ? 0 : electric ? 2 : 1].id;
  out.print("cand-{0:05},候选企业{0:05},Candidate {0:05},{1},{2},{3},{4},{5}", k + 1, kind, chain.id, link.id,
            kRegions[rng.below(kRegions.size())], w.provenance);
  out.end_row();
}

}  // namespace

std::vector<SyntheticTerm> synthetic_carrier_kinds() {
  std::vector<SyntheticTerm> terms;
  for (const CarrierKind& k : kCarrierKinds)
    terms.push_back({k.id, k.zh, k.en});
  return terms;
}

std::uint64_t carrier_count(std::uint64_t n) {
  return std::max<std::uint64_t>(8, n / 250);
}
std::uint64_t supplier_entry_count(std::uint64_t n) {
  return std::max<std::uint64_t>(12, n / 40);
}
std::uint64_t project_count(std::uint64_t n) {
  return std::max<std::uint64_t>(20, n / 400);
}
std::uint64_t candidate_count(std::uint64_t n) {
  return std::max<std::uint64_t>(10, n / 2000);
}

Result<void> write_records(const World& w, const fs::path& dir, SyntheticSummary& summary) {
  BufferedWriter carriers(dir / "carriers.csv");
  carriers.write("id,name_zh,name_en,kind,level,enterprise,recognized,provenance\n");
  for (std::uint64_t k = 0; k < carrier_count(w.options.enterprises); ++k)
    write_carrier(w, k, carriers);
  BufferedWriter entries(dir / "supplier_entries.csv");
  entries.write("id,enterprise,class,oem,tier,entered,provenance\n");
  for (std::uint64_t k = 0; k < supplier_entry_count(w.options.enterprises); ++k) {
    write_supplier_entry(w, k, entries);
  }
  BufferedWriter candidates(dir / "candidates.csv");
  candidates.write("id,name_zh,name_en,kind,chain,link,region,provenance\n");
  for (std::uint64_t k = 0; k < candidate_count(w.options.enterprises); ++k)
    write_candidate(w, k, candidates);
  summary.carriers = carriers.rows();
  summary.supplier_entries = entries.rows();
  summary.candidates = candidates.rows();
  for (auto* out : {&carriers, &entries, &candidates}) {
    if (auto r = out->close(); !r) return r;
  }
  return {};
}

}  // namespace atlas::app::internal
