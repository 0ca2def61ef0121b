// supply_edges.csv of a synthetic dataset: who supplies whom, streamed supplier by supplier.
#include <algorithm>
#include <array>
#include <cmath>
#include <set>
#include <string_view>
#include <utility>

#include "app/internal/synthetic_tables.hpp"
#include "app/internal/synthetic_writer.hpp"

namespace atlas::app::internal {
namespace {

namespace fs = std::filesystem;

// A random stream tag of its own, far from the Stream values, so that adding supply edges changes
// no other file of a seed.
constexpr std::uint64_t kSupplyStream = 0x5eed'0001;
constexpr int kCandidates = 2;                     // customers drawn per edge; the better placed one wins
constexpr double kCustomerSkew = 3.0;              // rank = n·u^3: the top customer gets about n^(2/3) draws
constexpr std::uint64_t kPermute = 2'654'435'761;  // a prime above the largest n: rank → index bijection
constexpr std::size_t kMaxEdgesPerSupplier = 24;

/// (upstream subsystem, downstream subsystem) pairs from the chain templates' edges.
using SubsystemPairs = std::set<std::pair<std::string_view, std::string_view>>;

SubsystemPairs downstream_pairs() {
  SubsystemPairs pairs;
  for (const ChainTemplate& chain : chains()) {
    const auto subsystem = [&](std::string_view link) -> std::string_view {
      for (const LinkTemplate& l : chain.links) {
        if (link == l.id) return l.subsystem;
      }
      return {};
    };
    for (const auto& [from, to] : chain.edges)
      pairs.emplace(subsystem(from), subsystem(to));
  }
  return pairs;
}

/// How many customers a supplier has: 1 + geometric, mean about 3, at most kMaxEdgesPerSupplier.
std::size_t out_degree(Rng& rng) {
  std::size_t d = 1;
  while (d < kMaxEdgesPerSupplier && rng.chance(2.0 / 3.0))
    ++d;
  return d;
}

/// A heavy-tailed customer draw: low ranks are drawn far more often; ranks map to scattered indices.
std::uint64_t draw_customer(Rng& rng, std::uint64_t n) {
  const auto rank = std::min(
      n - 1, static_cast<std::uint64_t>(static_cast<double>(n) * std::pow(rng.uniform(), kCustomerSkew)));
  return rank * kPermute % n;  // below 2^24 · 2^32: no overflow
}

struct Choice {
  std::uint64_t customer = 0;
  std::uint32_t product_class = 0;  // index into World::taxonomy
  int score = -1;
};

/// How well `customer` fits `supplier`: same county, same prefecture, a class downstream of one
/// the supplier makes (that class is then the product supplied).
Choice score(const World& w, const SubsystemPairs& pairs, const EnterpriseProfile& supplier,
             const EnterpriseProfile& customer, Rng& rng) {
  Choice c{customer.index, supplier.classes[rng.below(supplier.class_count)], 0};
  const auto& a = w.counties[supplier.county].adcode;
  const auto& b = w.counties[customer.county].adcode;
  if (supplier.county == customer.county) {
    c.score += 3;
  } else if (a.compare(0, 4, b, 0, 4) == 0) {
    c.score += 2;
  }
  for (std::size_t i = 0; i < supplier.class_count; ++i) {
    const std::string_view from = w.taxonomy[supplier.classes[i]].parent;
    for (std::size_t j = 0; j < customer.class_count; ++j) {
      if (pairs.contains({from, w.taxonomy[customer.classes[j]].parent})) {
        c.product_class = supplier.classes[i];
        c.score += 2;
        return c;
      }
    }
  }
  return c;
}

void write_supplier_edges(const World& w, const SubsystemPairs& pairs, std::uint64_t index,
                          BufferedWriter& out) {
  const std::uint64_t n = w.options.enterprises;
  if (n < 2) return;
  Rng rng(mix_seed(w.options.seed, kSupplyStream, index));
  const EnterpriseProfile supplier = enterprise_profile(w, index);
  std::array<std::pair<std::uint64_t, std::uint32_t>, kMaxEdgesPerSupplier> written{};
  std::size_t count = 0;
  for (std::size_t e = out_degree(rng); e > 0; --e) {
    Choice best;
    for (int k = 0; k < kCandidates; ++k) {
      const std::uint64_t customer = draw_customer(rng, n);
      if (customer == index) continue;
      const Choice c = score(w, pairs, supplier, enterprise_profile(w, customer), rng);
      if (c.score > best.score) best = c;
    }
    const std::pair key{best.customer, best.product_class};
    if (best.score < 0 || std::find(written.begin(), written.begin() + count, key) != written.begin() + count)
      continue;
    written[count++] = key;
    const int year = rng.between(w.options.first_year - 8, w.options.last_year);
    out.print("{},{},{},{:04}-{:02},{}", enterprise_id(index), enterprise_id(best.customer),
              w.taxonomy[best.product_class].code, year, rng.between(1, 12), w.provenance);
    out.end_row();
  }
}

}  // namespace

Result<void> write_supply_edges(const World& w, const fs::path& dir, SyntheticSummary& summary) {
  const SubsystemPairs pairs = downstream_pairs();
  BufferedWriter out(dir / "supply_edges.csv");
  out.write("supplier,customer,class,since,provenance\n");
  for (std::uint64_t i = 0; i < w.options.enterprises; ++i)
    write_supplier_edges(w, pairs, i, out);
  summary.supply_edges = out.rows();
  return out.close();
}

}  // namespace atlas::app::internal
