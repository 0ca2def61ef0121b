// supply_edges.csv: which enterprise supplies which product class to which enterprise.
#include <array>

#include "io/internal/csv_table.hpp"
#include "io/internal/tables.hpp"

namespace atlas::io::internal {
namespace {

namespace supply {
constexpr std::size_t kSupplier = 0, kCustomer = 1, kClass = 2, kSince = 3, kProvenance = 4;
constexpr std::array<ColumnSpec, 5> kSchema = {{
    {"supplier", true},
    {"customer", true},
    {"class", false},
    {"since", false},
    {"provenance", true},
}};
}  // namespace supply

void parse_supply_edge(Cells& cells, SupplyEdgeRecord& r) {
  using namespace supply;
  r.supplier = cells.slug(kSupplier);
  r.customer = cells.slug(kCustomer);
  r.product_class = cells.code(kClass);
  r.since = cells.date(kSince);
  r.provenance = cells.text(kProvenance);
}

}  // namespace

void read_supply_edges(Workspace& ws, std::uint32_t source, std::string_view bytes) {
  read_csv_table(ws, TableKind::kSupplyEdges, source, bytes, supply::kSchema, ws.supply_edges,
                 parse_supply_edge);
}

void write_supply_edges(const Dataset& data, CsvWriter& w) {
  write_header(supply::kSchema, w);
  for (const SupplyEdgeRecord& r : data.supply_edges) {
    w.field(r.supplier);
    w.field(r.customer);
    w.field(r.product_class);
    w.field(date_text(r.since));
    w.field(r.provenance);
    w.end_row();
  }
}

}  // namespace atlas::io::internal
