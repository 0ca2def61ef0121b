#include <algorithm>
#include <limits>

#include <gtest/gtest.h>

#include "app/browse.hpp"
#include "app/internal/browse_test_data.hpp"
#include "model/provenance.hpp"

namespace atlas::app {
namespace {

using testing::at;
using testing::csv_enterprises;
using testing::meizhou;
using testing::snap;

const Visibility kAll{};
const Visibility kFactsOnly{std::numeric_limits<DayNumber>::max(), false};

const ZoneSummary& zone(const ZonesOverview& o, std::string_view id) {
  return o.zones.at(snap().find_zone(id).value);
}

TEST(ZonesOverview, CountsEnterprisesIncludingChildZones) {
  const auto o = zones_overview(snap(), kAll, 2025);
  ASSERT_EQ(o.zones.size(), snap().zones.size());
  EXPECT_EQ(zone(o, "gac-park").totals.enterprises, 10U);
  EXPECT_EQ(zone(o, "meizhou-htz").totals.enterprises, 10U);  // no direct members; the park is its child
  EXPECT_EQ(zone(o, "trailer-belt").totals.enterprises, 4U);
  EXPECT_EQ(zone(o, "nev-zone").totals.enterprises, 2U);
  const auto facts_only = zones_overview(snap(), kFactsOnly, 2025);
  EXPECT_EQ(zone(facts_only, "gac-park").totals.enterprises, 5U);
}

// An outside firm (德国BPW公司 …) is never a local enterprise: even if a data file gave it a county
// and a zone, the county and zone counts leave it out.
TEST(ZonesOverview, NeverCountsAnOutsideFirmAsLocal) {
  Dataset d = meizhou().data;
  auto germany = std::ranges::find(d.enterprises, std::string("bpw-germany"), &EnterpriseRecord::id);
  ASSERT_NE(germany, d.enterprises.end());
  ASSERT_TRUE(germany->outside);
  germany->county = "meixian";
  germany->zone = "gac-park";
  auto built = Snapshot::build(d, 1);
  ASSERT_TRUE(built);
  const Snapshot& s = **built;
  const auto o = zones_overview(s, kAll, 2025);
  const auto base = zones_overview(snap(), kAll, 2025);
  EXPECT_EQ(o.zones.at(s.find_zone("gac-park").value).totals.enterprises,
            zone(base, "gac-park").totals.enterprises);
  EXPECT_EQ(o.counties.at(s.find_county("meixian").value).totals.enterprises,
            base.counties.at(snap().find_county("meixian").value).totals.enterprises);
  // Listed under the county filter all the same (it is a register), and marked outside.
  EnterpriseFilter f;
  f.county = s.find_county("meixian");
  f.outside = true;
  EXPECT_EQ(match_enterprises(s, kAll, f).size(), 1U);
}

TEST(ZonesOverview, OutputIsTheSumOverMemberEnterprises) {
  const auto o = zones_overview(snap(), kAll, 2025);
  const YearTotals output(snap(), snap().find_metric("output_value"), 2025, kAll);
  std::int64_t park = 0;
  for (EnterpriseId e : snap().by_zone.row(snap().find_zone("gac-park").value))
    park += output.read(e) ? output.read(e)->value : 0;
  ASSERT_TRUE(zone(o, "gac-park").totals.output_value);
  EXPECT_EQ(zone(o, "gac-park").totals.output_value->value, park);
  EXPECT_EQ(zone(o, "meizhou-htz").totals.output_value->value, park);
  EXPECT_TRUE(zone(o, "gac-park").totals.output_value->sample);
  EXPECT_FALSE(zone(zones_overview(snap(), kFactsOnly, 2025), "gac-park").totals.output_value);
}

TEST(ZonesOverview, SaysWhatTheCountyRowsLeaveOut) {
  const auto o = zones_overview(snap(), kAll, 2025);
  const YearTotals output(snap(), snap().find_metric("output_value"), 2025, kAll);
  std::size_t enterprises = o.county_not_recorded.enterprises;
  std::int64_t in_counties = 0;
  for (const CountySummary& c : o.counties) {
    enterprises += c.totals.enterprises;
    in_counties += c.totals.output_value ? c.totals.output_value->value : 0;
  }
  // firms outside the plan's region (parents, partners) belong to no county row and are not
  // "county not recorded" either: they are not the region's
  std::int64_t total = 0;
  std::int64_t no_county = 0;
  std::size_t without = 0;
  std::size_t local = 0;
  for (std::uint32_t e = 0; e < snap().enterprises.size(); ++e) {
    if (snap().enterprises.outside[e] != 0) continue;
    ++local;
    const auto v = output.read(EnterpriseId{e});
    total += v ? v->value : 0;
    if (!snap().enterprises.county[e].valid()) {
      ++without;
      no_county += v ? v->value : 0;
    }
  }
  EXPECT_LT(local, snap().enterprises.size());
  EXPECT_EQ(enterprises, local);  // every enterprise of the region in exactly one row
  EXPECT_EQ(o.county_not_recorded.enterprises, without);
  EXPECT_GT(without, 0U);
  ASSERT_TRUE(o.county_not_recorded.output_value);
  EXPECT_EQ(o.county_not_recorded.output_value->value, no_county);
  EXPECT_EQ(in_counties + no_county, total);
  ASSERT_TRUE(o.county_coverage);
  EXPECT_DOUBLE_EQ(*o.county_coverage, static_cast<double>(in_counties) / static_cast<double>(total));
  EXPECT_GT(*o.county_coverage, 0.0);
  EXPECT_LT(*o.county_coverage, 1.0);
  // no output at all (facts only: no visible figure for 2025): no coverage to state
  EXPECT_FALSE(zones_overview(snap(), kFactsOnly, 2025).county_coverage);
}

TEST(ZonesOverview, ListsFactsAndTargetsNamingTheZone) {
  const auto o = zones_overview(snap(), kAll, 2025);
  EXPECT_EQ(zone(o, "gac-park").facts.size(), 6U);
  std::vector<std::string> targets;
  for (TargetId t : zone(o, "gac-park").targets)
    targets.push_back(snap().targets[t.value].id);
  EXPECT_EQ(targets,
            (std::vector<std::string>{"park-projects-over-10yi", "park-projects-over-1yi", "park-output"}));
  EXPECT_TRUE(zone(o, "nev-zone").targets.empty());
}

TEST(ZonesOverview, CountsEnterprisesPerCountyAsTheCsv) {
  const auto o = zones_overview(snap(), kAll, 2025);
  ASSERT_EQ(o.counties.size(), meizhou().data.counties.size());
  for (const CountySummary& c : o.counties) {
    const std::string& id = snap().counties[c.id.value].id;
    EXPECT_EQ(c.totals.enterprises,
              csv_enterprises([&](const EnterpriseRecord& r) { return r.county == id; }).size());
  }
}

TEST(TaxonomyTree, CountsMakersBelowEachNodeAndDropsSamples) {
  const auto all = taxonomy_tree(snap(), kAll);
  const auto facts_only = taxonomy_tree(snap(), kFactsOnly);
  EXPECT_EQ(all.roots.size(), 6U);
  const ClassId chassis = snap().find_class("chassis");
  EXPECT_EQ(all.enterprises[chassis.value], snap().by_taxonomy.row(chassis.value).size());
  const ClassId seat_harness = snap().find_class("seat-harness");
  EXPECT_EQ(all.enterprises[seat_harness.value], 2U);         // anwen and sample-c
  EXPECT_EQ(facts_only.enterprises[seat_harness.value], 1U);  // anwen
  std::size_t nodes = all.roots.size();
  for (const auto& children : all.children)
    nodes += children.size();
  EXPECT_EQ(nodes, snap().taxonomy.size());
}

TEST(ChainsOverview, CountsTheMakersOfEachLinkOnce) {
  const auto chains = chains_overview(snap(), kAll);
  ASSERT_EQ(chains.size(), snap().chains.size());
  const auto& trailer = snap().chains.front();
  ASSERT_EQ(trailer.id, "trailer");
  for (std::size_t l = 0; l < trailer.links.size(); ++l) {
    const auto& link = trailer.links[l];
    const auto expected = csv_enterprises([&](const EnterpriseRecord& r) {
      return std::ranges::any_of(link.classes,
                                 [&](const std::string& c) { return std::ranges::count(r.classes, c) > 0; });
    });
    EXPECT_EQ(chains[0].links[l].enterprises, expected.size()) << link.id;
  }
  // The axle link: bpw-meizhou makes three of its classes and counts once.
  EXPECT_EQ(chains[0].links[6].classes.size(), 3U);
  EXPECT_EQ(chains[0].links[6].enterprises, 1U);
}

TEST(EnterpriseProfile, HasProductPathsFiguresProjectsAndRelations) {
  auto p = enterprise_profile(snap(), kAll, "bpw-meizhou", 2025);
  ASSERT_TRUE(p);
  ASSERT_EQ(p->products.size(), 4U);
  std::vector<std::string> path;
  for (ClassId c : p->products[0].path)
    path.push_back(snap().taxonomy[c.value].code);
  EXPECT_EQ(path, (std::vector<std::string>{"chassis", "chassis-running", "axle"}));
  ASSERT_FALSE(p->figures.empty());
  const MetricFigures& output = p->figures.front();
  EXPECT_EQ(snap().metrics[output.metric.value].id, "output_value");
  EXPECT_EQ(output.annual.front().year, 2020);
  EXPECT_EQ(output.annual.front().value, 1'987'000'000);
  EXPECT_FALSE(output.annual.front().sample);
  EXPECT_EQ(output.items.front().period, "2020");
  ASSERT_TRUE(p->output_value);
  EXPECT_EQ(p->output_value->value, 2'480'000'000);
  ASSERT_EQ(p->projects.size(), 1U);
  EXPECT_EQ(snap().projects[p->projects[0].id.value].id, "bpw-phase8");
  EXPECT_EQ(p->carriers.size(), 2U);
  EXPECT_EQ(p->facts.size(), 4U);
  EXPECT_EQ(snap().strings.view(snap().enterprises.slug[p->group.value]), "bpw-germany");
}

TEST(EnterpriseProfile, AsOfHidesLaterFigures) {
  auto p = enterprise_profile(snap(), at(2025, 6, 30), "bpw-meizhou", 2025);
  ASSERT_TRUE(p);
  for (const MetricFigures& f : p->figures) {
    for (const FigureItem& item : f.items)
      EXPECT_LE(item.published, day_number(2025, 6, 30)) << item.period;
  }
  const auto& items = p->figures.front().items;
  EXPECT_EQ(items.back().period, "2025-05");
  EXPECT_EQ(p->output_value->months, 5);
}

TEST(EnterpriseProfile, SampleEnterprisesAreNotFoundWithoutSamples) {
  EXPECT_TRUE(enterprise_profile(snap(), kAll, "sample-a", 2025));
  auto hidden = enterprise_profile(snap(), kFactsOnly, "sample-a", 2025);
  ASSERT_FALSE(hidden);
  EXPECT_EQ(hidden.error().code, ErrorCode::kNotFound);
  auto bpw = enterprise_profile(snap(), kFactsOnly, "bpw-meizhou", 2025);
  ASSERT_TRUE(bpw);
  ASSERT_EQ(bpw->figures.size(), 1U);
  EXPECT_EQ(bpw->figures[0].items.size(), 1U);  // only the plan's 2020 figure
}

TEST(Resolve, SuggestsTheNearestId) {
  auto county = resolve_county(snap(), "meixain");
  ASSERT_FALSE(county);
  EXPECT_EQ(county.error().code, ErrorCode::kUnknownReference);
  EXPECT_EQ(county.error().field, "county");
  EXPECT_EQ(county.error().message, "no county \"meixain\" (did you mean \"meixian\"?)");
  EXPECT_EQ(resolve_zone(snap(), "gac-prak").error().message,
            "no zone \"gac-prak\" (did you mean \"gac-park\"?)");
  EXPECT_EQ(*resolve_class(snap(), "axle"), snap().find_class("axle"));
  EXPECT_EQ(resolve_class(snap(), "zzzzzzzz").error().message, "no taxonomy code \"zzzzzzzz\"");
  auto segment = resolve_term(snap(), VocabularyKind::kSegment, "trailr", "segment");
  ASSERT_FALSE(segment);
  EXPECT_EQ(segment.error().code, ErrorCode::kInvalidValue);
  EXPECT_NE(segment.error().message.find("did you mean \"trailer\""), std::string::npos)
      << segment.error().message;
  EXPECT_EQ(*resolve_term(snap(), VocabularyKind::kSegment, "trailer", "segment"),
            snap().find_term(VocabularyKind::kSegment, "trailer"));
  EXPECT_EQ(resolve_sponsor(snap(), "fude").error().message, "no enterprise \"fude\"");
  EXPECT_EQ(resolve_sponsor(snap(), "qingdaa").error().message,
            "no enterprise \"qingdaa\" (did you mean \"qingda\"?)");
  EXPECT_EQ(*resolve_project_status("full-production"), ProjectStatus::kFullProduction);
  EXPECT_EQ(*parse_year("2024"), 2024);
  EXPECT_FALSE(parse_year("20x4"));
  EXPECT_FALSE(parse_year("99999"));
}

TEST(FactValue, ReadsAmountsAsYuanAndPercentagesAsDecimals) {
  FactRecord f;
  f.value = "27.19亿";
  f.unit = "yuan";
  EXPECT_EQ(fact_value(f).kind, FactValue::Kind::kInteger);
  EXPECT_EQ(fact_value(f).integer, 2'719'000'000);
  f.value = "68.35";
  f.unit = "percent";
  EXPECT_EQ(fact_value(f).kind, FactValue::Kind::kDecimal);
  EXPECT_DOUBLE_EQ(fact_value(f).decimal, 68.35);
  f.value = "about a dozen";
  f.unit = "";
  EXPECT_EQ(fact_value(f).kind, FactValue::Kind::kText);
}

}  // namespace
}  // namespace atlas::app
