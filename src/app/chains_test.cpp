#include "app/chains.hpp"

#include <gtest/gtest.h>

namespace atlas::app {
namespace {

TEST(Catalogue, QuotesACellThatASpreadsheetWouldRunAsAFormula) {
  Dataset d;
  d.plan.id = "p";
  CandidateRecord c;
  c.id = "evil";
  c.name = {"=HYPERLINK(\"http://x\")", "@SUM(1)"};
  c.kind = "parts";
  c.region = "-2+3";
  c.provenance = "sample";
  d.candidates.push_back(c);
  auto s = Snapshot::build(d, 1);
  ASSERT_TRUE(s.has_value());
  const std::string csv =
      io::sheet_csv(target_enterprise_sheet(**s, engine::rank_all_candidates(**s, {}, Visibility{})));
  EXPECT_NE(csv.find(",\"'=HYPERLINK(\"\"http://x\"\")\",'@SUM(1),parts,'-2+3,"), std::string::npos) << csv;
}

TEST(ChainLookup, ALinkIdInSeveralChainsAsksForTheChain) {
  Dataset d;
  d.plan.id = "p";
  for (const char* id : {"a", "b"}) {
    ChainRecord chain;
    chain.id = id;
    chain.provenance = "t";
    chain.links.push_back({"oem", {"整车", ""}, {}, ""});
    d.chains.push_back(chain);
  }
  auto s = Snapshot::build(d, 1);
  ASSERT_TRUE(s.has_value());
  const auto both = resolve_link(**s, "oem");
  ASSERT_FALSE(both.has_value());
  EXPECT_EQ(both.error().message, "link \"oem\" is in several chains: write CHAIN/LINK (a/oem, b/oem)");
  const auto one = resolve_link(**s, "b/oem");
  ASSERT_TRUE(one.has_value());
  EXPECT_EQ(one->chain, 1U);
}

}  // namespace
}  // namespace atlas::app
