// Supply edges in the store: migration 0003, the codec, streaming and the audit.
#include <algorithm>

#include <gtest/gtest.h>

#include "store/store.hpp"
#include "store/store_test_data.hpp"

namespace atlas {
namespace {

using store_test::fixed_clock;
using store_test::normalized;
using store_test::rich_dataset;

Store open_memory() {
  auto store = Store::open(":memory:", fixed_clock());
  EXPECT_TRUE(store) << store.error().to_string();
  return std::move(store).value();
}

AuditEvent event(const char* action) {
  return AuditEvent{"test", action};
}

TEST(StoreSupplyEdges, StreamInKeyOrderAndStayOutOfTheSmallTables) {
  Store store = open_memory();
  ASSERT_TRUE(store.apply(rich_dataset(), event("seed")));
  std::vector<SupplyEdgeRecord> scanned;
  ASSERT_TRUE(store.scan_supply_edges([&](const SupplyEdgeRecord& e) -> Result<void> {
    scanned.push_back(e);
    return {};
  }));
  EXPECT_EQ(scanned, normalized(rich_dataset()).supply_edges);
  ASSERT_EQ(scanned.size(), 3U);
  EXPECT_EQ(scanned[0].supplier, "bpw");
  EXPECT_EQ(scanned[1].product_class, "");  // "" sorts before "axle"
  EXPECT_TRUE(store.load_small_tables().value().supply_edges.empty());
}

TEST(StoreSupplyEdges, ReplaceTheEdgeWithTheSameKeyAndLogTheChange) {
  Store store = open_memory();
  ASSERT_TRUE(store.apply(rich_dataset(), event("seed")));
  Dataset delta;
  delta.supply_edges = {{"bpw-sub", "bpw", "axle", std::nullopt, "statistics: survey 2025"}};
  auto applied = store.apply(delta, event("import"));
  ASSERT_TRUE(applied) << applied.error().to_string();
  const auto loaded = store.load().value().supply_edges;
  ASSERT_EQ(loaded.size(), 3U);
  EXPECT_EQ(loaded[2], delta.supply_edges[0]);
  auto changes = store.audit_changes(applied->event_id).value();
  ASSERT_EQ(changes.size(), 1U);
  EXPECT_EQ(changes[0].table, "supply_edges");
  EXPECT_EQ(changes[0].key, R"(["bpw-sub","bpw","axle"])");
  EXPECT_EQ(changes[0].after, R"({"supplier":"bpw-sub","customer":"bpw","product_class":"axle","since":null,)"
                              R"("provenance":"statistics: survey 2025"})");
  EXPECT_TRUE(changes[0].before.has_value());
}

TEST(StoreSupplyEdges, RefuseAnUnknownEnterpriseOrSelfSupply) {
  Store store = open_memory();
  ASSERT_TRUE(store.apply(rich_dataset(), event("seed")));
  Dataset delta;
  delta.supply_edges = {{"bpw", "ghost", "axle", std::nullopt, "sample"}};
  auto applied = store.apply(delta, event("import"));
  ASSERT_FALSE(applied);
  EXPECT_EQ(applied.error().field, "supply_edges");
  EXPECT_NE(applied.error().message.find("FOREIGN KEY"), std::string::npos) << applied.error().message;
  delta.supply_edges = {{"bpw", "bpw", "axle", std::nullopt, "sample"}};
  applied = store.apply(delta, event("import"));
  ASSERT_FALSE(applied);
  EXPECT_NE(applied.error().message.find("CHECK"), std::string::npos) << applied.error().message;
  EXPECT_TRUE(store_test::same_dataset(store.load().value(), normalized(rich_dataset())));
}

TEST(StoreSupplyEdges, CountNewEdgesWithoutLoggingTheirImages) {
  Store store = open_memory();
  auto applied = store.apply(rich_dataset(), event("seed"));
  ASSERT_TRUE(applied);
  const auto changes = store.audit_changes(applied->event_id).value();
  for (const AuditChange& c : changes)
    EXPECT_NE(c.table, "supply_edges");
  const auto counts = std::ranges::find(applied->tables, std::string("supply_edges"), &TableCounts::table);
  ASSERT_NE(counts, applied->tables.end());
  EXPECT_EQ(counts->inserted, 3U);
}

}  // namespace
}  // namespace atlas
