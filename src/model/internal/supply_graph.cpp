#include "model/internal/supply_graph.hpp"

#include <algorithm>
#include <numeric>

#include <fmt/format.h>

namespace atlas::internal {
namespace {

bool same_key(const RawSupplyEdge& a, const RawSupplyEdge& b) {
  return a.supplier == b.supplier && a.customer == b.customer && a.product_class == b.product_class;
}

Error duplicate_error(const RawSupplyEdge& e, const Snapshot& s) {
  return Error{ErrorCode::kDuplicateKey,
               fmt::format("supply edge {} → {} of class \"{}\" appears twice",
                           s.strings.view(s.enterprises.slug[e.supplier.value]),
                           s.strings.view(s.enterprises.slug[e.customer.value]),
                           e.product_class.valid() ? s.taxonomy[e.product_class.value].code : ""),
               {},
               "class"};
}

/// Row offsets of a CSR over `rows` rows whose row of edge i is `row_of(i)`.
template <class RowOf>
std::vector<std::uint32_t> offsets_of(std::size_t rows, std::size_t edges, RowOf row_of) {
  std::vector<std::uint32_t> offsets(rows + 1, 0);
  for (std::size_t i = 0; i < edges; ++i)
    ++offsets[row_of(i) + 1];
  std::partial_sum(offsets.begin(), offsets.end(), offsets.begin());
  return offsets;
}

}  // namespace

Result<SupplyEdges> build_supply_edges(std::vector<RawSupplyEdge> edges, std::size_t enterprise_count,
                                       const Snapshot& snapshot) {
  // Sorted by (supplier, customer, class): the customers_of rows in order, duplicates adjacent.
  std::ranges::sort(edges);
  const auto dup = std::ranges::adjacent_find(edges, same_key);
  if (dup != edges.end()) return std::unexpected(duplicate_error(*dup, snapshot));
  const std::size_t m = edges.size();
  SupplyEdges out;
  out.customers_of.offsets =
      offsets_of(enterprise_count, m, [&](std::size_t i) { return edges[i].supplier.value; });
  out.customers_of.values.reserve(m);
  out.customers_of_class.reserve(m);
  out.customers_of_sample.reserve(m);
  for (const RawSupplyEdge& e : edges) {
    out.customers_of.values.push_back(e.customer);
    out.customers_of_class.push_back(e.product_class);
    out.customers_of_sample.push_back(e.sample ? 1 : 0);
  }
  // A stable counting sort by customer keeps each row in (supplier, class) order.
  out.suppliers_of.offsets =
      offsets_of(enterprise_count, m, [&](std::size_t i) { return edges[i].customer.value; });
  out.suppliers_of.values.resize(m);
  out.suppliers_of_class.resize(m);
  out.suppliers_of_sample.resize(m);
  std::vector<std::uint32_t> next(out.suppliers_of.offsets.begin(), out.suppliers_of.offsets.end() - 1);
  for (const RawSupplyEdge& e : edges) {
    const std::uint32_t at = next[e.customer.value]++;
    out.suppliers_of.values[at] = e.supplier;
    out.suppliers_of_class[at] = e.product_class;
    out.suppliers_of_sample[at] = e.sample ? 1 : 0;
  }
  return out;
}

}  // namespace atlas::internal
