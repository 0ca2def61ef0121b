// Codec of supply_edges: enterprise → enterprise supply relations, keyed by (supplier, customer,
// product class).
#include "store/internal/codec.hpp"
#include "store/internal/tables.hpp"

namespace atlas::store_internal {
namespace {

const Queries& supply_queries() {
  static const Queries queries(
      "SELECT supplier, customer, product_class, since, provenance FROM supply_edges",
      "WHERE supplier = ?1 AND customer = ?2 AND product_class = ?3",
      "ORDER BY supplier, customer, product_class");
  return queries;
}

Result<SupplyEdgeRecord> read_supply_edge(const Stmt& s) {
  auto since = read_date(s, 3, "supply_edges", "since");
  if (!since) return std::unexpected(since.error());
  return SupplyEdgeRecord{s.text(0), s.text(1), s.text(2), *since, s.text(4)};
}

}  // namespace

Result<std::optional<SupplyEdgeRecord>> fetch(Db& db, const SupplyEdgeRecord& key) {
  auto stmt = db.prepare(supply_queries().fetch);
  if (!stmt) return std::unexpected(stmt.error());
  (*stmt)->bind_all(key.supplier, key.customer, key.product_class);
  return read_first<SupplyEdgeRecord>(**stmt, read_supply_edge);
}

Result<void> load_all(Db& db, std::vector<SupplyEdgeRecord>& out) {
  return load_plain(db, out, supply_queries(), read_supply_edge);
}

Result<void> scan_all(Db& db, const std::function<Result<void>(const SupplyEdgeRecord&)>& visit) {
  auto stmt = db.prepare(supply_queries().all);
  if (!stmt) return std::unexpected(stmt.error());
  return read_rows<SupplyEdgeRecord>(**stmt, read_supply_edge,
                                     [&](SupplyEdgeRecord&& record) { return visit(record); });
}

Result<void> write(Db& db, const SupplyEdgeRecord& r) {
  static const std::string sql =
      upsert_sql("supply_edges", {"supplier", "customer", "product_class", "since", "provenance"},
                 {"supplier", "customer", "product_class"});
  const auto since = date_text(r.since);
  return db.run(sql, r.supplier, r.customer, r.product_class, since, r.provenance);
}

std::string key_text(const SupplyEdgeRecord& r) {
  return composite_key({r.supplier, r.customer, r.product_class});
}

std::string to_json(const SupplyEdgeRecord& r) {
  JsonWriter json;
  json.begin_object()
      .field("supplier", r.supplier)
      .field("customer", r.customer)
      .field("product_class", r.product_class);
  date_field(json, "since", r.since);
  return json.field("provenance", r.provenance).end_object().take();
}

}  // namespace atlas::store_internal
