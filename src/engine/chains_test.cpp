#include "engine/chains.hpp"

#include <gtest/gtest.h>

#include "engine/candidates.hpp"

namespace atlas::engine {
namespace {

// A small hand-made chain: moulds → castings → axle → trailer, and tyre → trailer. Each test
// adds the enterprises, relations and projects its rule needs.
struct World {
  Dataset d;
  std::vector<std::int64_t> output;  // per enterprise id in the order added; filled by snapshot()
  std::vector<std::pair<std::string, std::int64_t>> outputs;

  World() {
    d.plan.id = "p";
    d.plan.scope = {"north", "south"};
    d.plan.chain_rules.provenance = "design";
    d.counties = {{"north", "", {"北县", "North"}, "t"}, {"south", "", {"南县", "South"}, "t"}};
    for (const char* code : {"mould", "castings", "axle", "trailer", "tyre"})
      d.taxonomy.push_back({code, TaxonomyLevel::kClass, "", {code, code}, {}, {}, "t"});
    ChainRecord chain;
    chain.id = "trailer";
    chain.name = {"挂车产业链", "Trailer chain"};
    chain.provenance = "t";
    for (const char* id : {"moulds", "castings", "axle", "assembly", "tyre"}) {
      std::string cls = std::string(id) == "moulds"     ? "mould"
                        : std::string(id) == "assembly" ? "trailer"
                                                        : id;
      chain.links.push_back({id, {id, id}, {cls}, ""});
    }
    chain.edges = {{"moulds", "castings"}, {"castings", "axle"}, {"axle", "assembly"}, {"tyre", "assembly"}};
    d.chains.push_back(chain);
  }

  void firm(const std::string& id, const std::string& county, const std::string& cls, std::int64_t out,
            bool above = true, bool outside = false) {
    EnterpriseRecord e;
    e.id = id;
    e.name = {id + "公司", id + " Co."};
    e.county = county;
    e.segment = "parts";
    e.above_size = above;
    e.classes = {cls};
    e.outside = outside;
    e.provenance = "t";
    d.enterprises.push_back(e);
    outputs.emplace_back(id, out);
  }
  void supplies(const std::string& from, const std::string& to, const std::string& cls = "",
                const std::string& provenance = "t") {
    d.supply_edges.push_back({from, to, cls, {}, provenance});
  }

  std::shared_ptr<const Snapshot> snapshot() {
    auto s = Snapshot::build(d, 1);
    EXPECT_TRUE(s.has_value()) << (s ? "" : s.error().to_string());
    output.assign((*s)->enterprises.slug.size(), kNoOutput);
    for (const auto& [id, v] : outputs) {
      const EnterpriseId e = (*s)->find_enterprise(id);
      if (e.valid() && v >= 0) output[e.value] = v;
    }
    sample.assign(output.size(), 0);
    return *s;
  }

  ChainAssessment assess(CountyId county = {}, bool include_sample = true) {
    snap = snapshot();
    Visibility vis;
    vis.include_sample = include_sample;
    return assess_chain(ChainInput{*snap, vis, 2024, output, sample}, 0, county);
  }

  const LinkAssessment& link(const ChainAssessment& a, std::string_view id) const {
    for (const LinkAssessment& l : a.links) {
      if (d.chains[0].links[l.link].id == id) return l;
    }
    throw std::runtime_error("no link");
  }

  std::shared_ptr<const Snapshot> snap;
  std::vector<std::uint8_t> sample;
};

const Evidence& evidence(const LinkAssessment& l, Measure m) {
  for (const Evidence& e : l.evidence) {
    if (e.measure == m) return e;
  }
  throw std::runtime_error("no evidence");
}

TEST(ChainVerdicts, ALinkWithNoLocalMakerIsMissing) {
  World w;
  w.firm("outside-mould", "", "mould", 100, true, /*outside=*/true);
  const auto a = w.assess();
  const auto& moulds = w.link(a, "moulds");
  EXPECT_EQ(moulds.verdict, Verdict::kMissing);
  EXPECT_TRUE(moulds.makers.empty());  // an outside firm is never a local maker
  const Evidence& makers = evidence(moulds, Measure::kMakers);
  EXPECT_TRUE(makers.decided);
  EXPECT_EQ(makers.state, MeasureState::kNotMet);
  EXPECT_EQ(makers.text.en, "no local maker of its classes");
  EXPECT_EQ(evidence(moulds, Measure::kAnchor).state, MeasureState::kNotApplicable);
  EXPECT_EQ(a.present, 0U);
}

TEST(ChainVerdicts, OneMakerIsWeakAsASinglePointOfFailure) {
  World w;
  w.firm("cast", "north", "castings", 5'000'000);
  const auto a = w.assess();
  const auto& castings = w.link(a, "castings");
  EXPECT_EQ(castings.verdict, Verdict::kWeak);
  const Evidence& makers = evidence(castings, Measure::kMakers);
  EXPECT_TRUE(makers.decided);
  EXPECT_EQ(makers.text.en,
            "1 local maker (at least 2 wanted), 2024 output 5.0 m yuan together: a single point of failure");
  EXPECT_EQ(makers.text.zh, "本地生产企业1家（至少需2家），2024年产值合计500万元：仅一家，单点依赖");
  // No downstream maker: nothing to supply locally; no reference figures: no quotient.
  EXPECT_EQ(evidence(castings, Measure::kLocalSupply).state, MeasureState::kNotApplicable);
  EXPECT_EQ(evidence(castings, Measure::kLocationQuotient).state, MeasureState::kUnknown);
  EXPECT_FALSE(evidence(castings, Measure::kLocationQuotient).decided);
}

TEST(ChainVerdicts, StrongWhenEveryComputableMeasureMeetsItsThreshold) {
  World w;
  w.d.plan.chain_rules.anchors = {"cast-a"};
  w.firm("cast-a", "north", "castings", 900);
  w.firm("cast-b", "south", "castings", 100);
  w.firm("axle-maker", "north", "axle", 2000);
  w.supplies("cast-a", "axle-maker");  // no class: cast-a makes castings, so it counts for the link
  const auto a = w.assess();
  const auto& castings = w.link(a, "castings");
  EXPECT_EQ(castings.verdict, Verdict::kStrong);
  ASSERT_EQ(castings.makers.size(), 2U);
  EXPECT_EQ(w.snap->strings.view(w.snap->enterprises.slug[castings.makers[0].value]),
            "cast-a");  // larger first
  EXPECT_EQ(castings.output, std::optional<std::int64_t>(1000));
  EXPECT_EQ(castings.anchors.size(), 1U);
  EXPECT_EQ(castings.buyers, 1U);
  EXPECT_EQ(castings.buyers_local, 1U);
  EXPECT_EQ(castings.local_supply, std::optional<double>(1.0));
  EXPECT_EQ(castings.measures_known, 3);  // makers, anchor, local supply; the quotient is unknown
  EXPECT_EQ(evidence(castings, Measure::kAnchor).text.en, "anchor firm: cast-a Co. (named by the plan)");
  EXPECT_TRUE(evidence(castings, Measure::kLocalSupply).decided);
  EXPECT_FALSE(evidence(castings, Measure::kLocationQuotient).decided);
}

TEST(ChainVerdicts, NoAnchorMakesALinkWeak) {
  World w;
  w.d.plan.chain_rules.anchor_output = 1000;
  w.firm("cast-a", "north", "castings", 900);
  w.firm("cast-b", "south", "castings", 100);
  const auto a = w.assess();
  const auto& castings = w.link(a, "castings");
  EXPECT_EQ(castings.verdict, Verdict::kWeak);
  const Evidence& anchor = evidence(castings, Measure::kAnchor);
  EXPECT_TRUE(anchor.decided);
  EXPECT_EQ(anchor.text.en,
            "no anchor firm (the plan names none, none with a 2024 output of 1000 yuan or more)");
  EXPECT_FALSE(evidence(castings, Measure::kMakers).decided);  // two makers meet the threshold
}

TEST(ChainVerdicts, LocalSupplyCountsBuyersWithRecordedSuppliersOnly) {
  World w;
  w.firm("cast-a", "north", "castings", 900);
  w.firm("cast-b", "north", "castings", 800);
  w.firm("cast-far", "", "castings", 800, true, /*outside=*/true);
  w.firm("axle-1", "north", "axle", 100);
  w.firm("axle-2", "north", "axle", 100);
  w.firm("axle-3", "north", "axle", 100);
  w.supplies("cast-a", "axle-1", "castings");
  w.supplies("cast-far", "axle-2", "castings");
  w.supplies("cast-far", "axle-1", "castings");
  // axle-3's suppliers are not recorded: it is left out rather than counted as supplied from afar.
  const auto a = w.assess();
  const auto& castings = w.link(a, "castings");
  EXPECT_EQ(castings.buyers, 3U);
  EXPECT_EQ(castings.buyers_known, 2U);
  EXPECT_EQ(castings.buyers_local, 1U);
  EXPECT_EQ(castings.local_supply, std::optional<double>(0.5));
  EXPECT_EQ(castings.verdict, Verdict::kStrong);  // 50% meets the default 50%
  EXPECT_EQ(evidence(castings, Measure::kLocalSupply).text.en,
            "1 of 2 local buyers with recorded suppliers buy it locally (50%, at least 50% wanted)");
  w.d.plan.chain_rules.min_local_supply = 600'000;
  const auto stricter = w.assess();
  EXPECT_EQ(w.link(stricter, "castings").verdict, Verdict::kWeak);
  EXPECT_TRUE(evidence(w.link(stricter, "castings"), Measure::kLocalSupply).decided);
}

TEST(ChainVerdicts, LocalSupplyIsUnknownWhenNoRelationIsRecorded) {
  World w;
  w.firm("cast-a", "north", "castings", 900);
  w.firm("cast-b", "north", "castings", 800);
  w.firm("axle-1", "north", "axle", 100);
  const auto a = w.assess();
  const Evidence& supply = evidence(w.link(a, "castings"), Measure::kLocalSupply);
  EXPECT_EQ(supply.state, MeasureState::kUnknown);
  EXPECT_EQ(w.link(a, "castings").local_supply, std::nullopt);  // never zero
  EXPECT_EQ(w.link(a, "castings").verdict, Verdict::kStrong);
  EXPECT_EQ(w.link(a, "castings").measures_known, 1);
}

TEST(ChainVerdicts, ACountyCountsOnlyItsOwnMakers) {
  World w;
  w.firm("cast-a", "north", "castings", 900);
  w.firm("cast-b", "south", "castings", 100);
  auto region = w.assess();
  EXPECT_EQ(w.link(region, "castings").makers.size(), 2U);
  const CountyId south = w.snap->find_county("south");
  const auto a = w.assess(south);
  EXPECT_EQ(a.county, south);
  EXPECT_EQ(w.link(a, "castings").makers.size(), 1U);
  EXPECT_EQ(w.link(a, "castings").verdict, Verdict::kWeak);
  EXPECT_EQ(a.area_output, std::optional<std::int64_t>(100));
}

TEST(ChainVerdicts, AboveSizeBasisLeavesSmallFirmsOut) {
  World w;
  w.firm("cast-a", "north", "castings", 900);
  w.firm("cast-small", "north", "castings", 10, /*above=*/false);
  EXPECT_EQ(w.link(w.assess(), "castings").makers.size(), 2U);
  w.d.plan.chain_rules.basis = MakerBasis::kAboveSize;
  const auto a = w.assess();
  EXPECT_EQ(w.link(a, "castings").makers.size(), 1U);
  EXPECT_EQ(evidence(w.link(a, "castings"), Measure::kMakers).text.zh,
            "本地规上生产企业1家（至少需2家），2024年产值合计900元：仅一家，单点依赖");
}

TEST(ChainVerdicts, LocationQuotientAgainstTheReferenceFigures) {
  World w;
  w.firm("cast-a", "north", "castings", 300);
  w.firm("cast-b", "north", "castings", 100);
  w.firm("other", "north", "tyre", 600);
  w.d.facts.push_back({"ref-total", "region:province", "output_value", "2024", "10000", "yuan",
                       FactQualifier::kExact, "", "", "t", ""});
  w.d.facts.push_back({"ref-castings", "region:province", "output_value", "2024", "2000", "yuan",
                       FactQualifier::kExact, "", "", "t", ""});
  w.d.plan.chain_rules.reference = "ref-total";
  w.d.chains[0].links[1].reference = "ref-castings";
  w.d.plan.chain_rules.min_location_quotient = 2'500'000;
  const auto a = w.assess();
  const auto& castings = w.link(a, "castings");
  // local share 400 / 1000 = 40 %, reference share 2000 / 10000 = 20 %: LQ 2.
  ASSERT_TRUE(castings.location_quotient.has_value());
  EXPECT_DOUBLE_EQ(*castings.location_quotient, 2.0);
  EXPECT_EQ(castings.verdict, Verdict::kWeak);
  const Evidence& lq = evidence(castings, Measure::kLocationQuotient);
  EXPECT_TRUE(lq.decided);
  EXPECT_EQ(lq.text.en,
            "location quotient 2.00 (local share 40%, reference share 20%; at least 2.50 wanted)");
}

TEST(ChainVerdicts, APipelineProjectClosesAMissingLinkOnItsCommissioningDate) {
  World w;
  w.firm("axle-maker", "north", "axle", 100);
  ProjectRecord p;
  p.id = "mould-plant";
  p.name = {"模具厂项目", "Mould plant"};
  p.type = "attraction";
  p.county = "north";
  p.products = {"mould"};
  p.provenance = "t";
  w.d.projects.push_back(p);
  w.d.milestones.push_back({"mould-plant",
                            MilestoneKind::kCommissioned,
                            Date{2026, 6, 0, DatePrecision::kMonth},
                            {},
                            "",
                            "t",
                            ""});
  const auto a = w.assess();
  const auto& moulds = w.link(a, "moulds");
  EXPECT_EQ(moulds.verdict, Verdict::kMissing);
  ASSERT_EQ(moulds.pipeline.size(), 1U);
  EXPECT_TRUE(moulds.pipeline[0].adds_maker);
  EXPECT_FALSE(moulds.pipeline[0].done);
  ASSERT_TRUE(moulds.closes.has_value());
  EXPECT_EQ(moulds.closes->to_string(), "2026-06");
  EXPECT_EQ(evidence(moulds, Measure::kPipeline).text.en,
            "key projects: Mould plant (due to produce 2026-06)");
  // In the other county the project is not in the area.
  EXPECT_TRUE(w.link(w.assess(w.snap->find_county("south")), "moulds").pipeline.empty());
}

TEST(ChainVerdicts, GapsPutMissingBeforeWeakAndTheMostDependedOnFirst) {
  World w;
  w.firm("axle-maker", "north", "axle", 100);  // axle: weak (one maker)
  const auto a = w.assess();
  std::vector<std::string> order;
  for (std::uint32_t g : a.gaps)
    order.push_back(w.d.chains[0].links[g].id);
  // missing: moulds (3 links below), castings (2), tyre (1), assembly (0); then weak: axle.
  EXPECT_EQ(order, (std::vector<std::string>{"moulds", "castings", "tyre", "assembly", "axle"}));
  EXPECT_EQ(w.link(a, "moulds").downstream.size(), 3U);
  EXPECT_EQ(w.link(a, "moulds").downstream_output, 100);
  // Nothing depends on the assembly: no output to sum is unknown, not 0.
  EXPECT_FALSE(w.link(a, "assembly").downstream_output.has_value());
}

TEST(ChainVerdicts, SampleRecordsLeaveTheVerdictWhenSamplesAreHidden) {
  World w;
  w.firm("cast-a", "north", "castings", 900);
  w.firm("cast-b", "north", "castings", 800);
  w.d.enterprises.back().provenance = "sample";
  const auto with = w.assess();
  EXPECT_TRUE(w.link(with, "castings").sample);
  EXPECT_EQ(w.link(with, "castings").verdict, Verdict::kStrong);
  const auto without = w.assess({}, /*include_sample=*/false);
  EXPECT_EQ(w.link(without, "castings").makers.size(), 1U);
  EXPECT_EQ(w.link(without, "castings").verdict, Verdict::kWeak);
  EXPECT_FALSE(w.link(without, "castings").sample);
}

CandidateRecord candidate(const std::string& id, const std::string& link, const std::string& region,
                          const std::string& provenance) {
  CandidateRecord c;
  c.id = id;
  c.name = {id, id};
  c.kind = "parts";
  c.chain = link.empty() ? "" : "trailer";
  c.link = link;
  c.region = region;
  c.provenance = provenance;
  return c;
}

// Every county in one call gives, county by county, what assess_chain gives for that county: the
// same verdicts, makers, evidence, projects and gap order.
TEST(ChainVerdicts, EveryCountyInOnePassEqualsOneCountyAtATime) {
  World w;
  w.firm("cast-a", "north", "castings", 900);
  w.firm("cast-b", "south", "castings", 100);
  w.firm("cast-c", "south", "castings", 50, false);
  w.firm("axle-a", "north", "axle", 2000);
  w.firm("axle-b", "north", "axle", 10);
  w.firm("trailer-a", "south", "trailer", 5000);
  w.firm("tyre-far", "north", "tyre", 70, true, true);  // outside the region
  w.d.enterprises.back().classes.push_back("castings");
  w.supplies("cast-a", "axle-a", "castings");
  w.supplies("cast-b", "axle-b", "castings");
  w.supplies("axle-a", "trailer-a", "axle");
  w.d.plan.chain_rules.anchors = {"axle-a"};
  ProjectRecord p;
  p.id = "mould-plant";
  p.name = {"模具厂项目", "Mould plant"};
  p.type = "attraction";
  p.county = "south";
  p.products = {"mould", "tyre"};
  p.provenance = "sample";
  w.d.projects.push_back(p);
  for (const bool include_sample : {true, false}) {
    w.snap = w.snapshot();
    Visibility vis;
    vis.include_sample = include_sample;
    const ChainInput input{*w.snap, vis, 2024, w.output, w.sample};
    // Without words (what the every-county view reads): the same verdicts, states and numbers.
    ChainInput wordless = input;
    wordless.texts = false;
    const auto every = assess_chain_every_county(input, 0);
    const auto bare = assess_chain_every_county(wordless, 0);
    ASSERT_EQ(every.size(), w.snap->counties.size());
    ASSERT_EQ(bare.size(), every.size());
    for (std::uint32_t c = 0; c < every.size(); ++c) {
      const auto one = assess_chain(input, 0, CountyId{c});
      for (std::size_t l = 0; l < one.links.size(); ++l) {
        const LinkAssessment& x = bare[c].links[l];
        EXPECT_EQ(x.verdict, one.links[l].verdict);
        EXPECT_EQ(x.makers, one.links[l].makers);
        EXPECT_EQ(x.anchors, one.links[l].anchors);
        EXPECT_EQ(x.buyers_known, one.links[l].buyers_known);
        EXPECT_EQ(x.buyers_local, one.links[l].buyers_local);
        EXPECT_EQ(x.closes, one.links[l].closes);
        ASSERT_EQ(x.evidence.size(), one.links[l].evidence.size());
        for (std::size_t k = 0; k < x.evidence.size(); ++k) {
          EXPECT_EQ(x.evidence[k].state, one.links[l].evidence[k].state);
          EXPECT_EQ(x.evidence[k].decided, one.links[l].evidence[k].decided);
          EXPECT_EQ(x.evidence[k].value, one.links[l].evidence[k].value);
          EXPECT_TRUE(x.evidence[k].text.zh.empty() && x.evidence[k].text.en.empty());
        }
      }
      EXPECT_EQ(bare[c].gaps, one.gaps);
      SCOPED_TRACE(w.snap->counties[c].id);
      EXPECT_EQ(every[c].county, CountyId{c});
      EXPECT_EQ(every[c].area_output, one.area_output);
      EXPECT_EQ(every[c].present, one.present);
      EXPECT_EQ(every[c].gaps, one.gaps);
      ASSERT_EQ(every[c].links.size(), one.links.size());
      for (std::size_t l = 0; l < one.links.size(); ++l) {
        const LinkAssessment& x = every[c].links[l];
        const LinkAssessment& y = one.links[l];
        EXPECT_EQ(x.verdict, y.verdict);
        EXPECT_EQ(x.makers, y.makers);
        EXPECT_EQ(x.anchors, y.anchors);
        EXPECT_EQ(x.output, y.output);
        EXPECT_EQ(x.sample, y.sample);
        EXPECT_EQ(x.pipeline.size(), y.pipeline.size());
        ASSERT_EQ(x.evidence.size(), y.evidence.size());
        for (std::size_t k = 0; k < y.evidence.size(); ++k) {
          EXPECT_EQ(x.evidence[k].state, y.evidence[k].state);
          EXPECT_EQ(x.evidence[k].decided, y.evidence[k].decided);
          EXPECT_EQ(x.evidence[k].text.en, y.evidence[k].text.en);
        }
      }
    }
    // And it is not trivially so: the two counties differ.
    EXPECT_NE(every[0].links[1].makers, every[1].links[1].makers);
  }
}

TEST(CandidateRanking, ScoresEachFeatureWithThePlansWeightsAndExplainsIt) {
  World w;
  w.firm("axle-maker", "north", "axle", 100);  // axle: weak; moulds, castings: missing
  w.d.plan.attraction.regions = {"湾区"};
  w.d.candidates.push_back(candidate("mould-firm", "moulds", "湾区", "plan §6(1)"));
  CandidateRecord axle = candidate("axle-firm", "", "北方", "public: news");
  axle.classes = {"axle"};  // no link named: its classes put it in the axle link
  axle.scale = 10'000'000'000;
  axle.ties = {"axle-maker"};
  w.d.candidates.push_back(axle);
  const ChainAssessment a = w.assess();
  const auto mould = rank_candidates(*w.snap, a, 0, Visibility{});
  ASSERT_EQ(mould.size(), 1U);
  // Missing link with 3 of 3 links below it: gap 1 × 4; region 1 × 2; named 1 × 1; of 10.
  EXPECT_DOUBLE_EQ(mould[0].score, 70.0);
  EXPECT_EQ(mould[0].features[0].text.en, "makes moulds (a missing link; 3 links downstream depend on it)");
  EXPECT_DOUBLE_EQ(mould[0].features[0].points, 40.0);
  EXPECT_EQ(mould[0].features[3].text.zh, "总部位于湾区，规划重点对接的地区");
  EXPECT_EQ(mould[0].features[4].text.en, "named by the plan (plan §6(1))");
  const auto axles = rank_candidates(*w.snap, a, 2, Visibility{});
  ASSERT_EQ(axles.size(), 1U);
  // Weak link (0.5) with 1 of 3 links below: importance 2/4 → gap 0.25 × 4 = 1; a local tie 1 × 2;
  // 100亿 → 2/3 × 1; region and name 0: (1 + 2 + 2/3) / 10.
  EXPECT_NEAR(axles[0].score, 36.6667, 1e-4);
  EXPECT_EQ(axles[0].features[1].text.en, "tied to: axle-maker Co. (local)");
  EXPECT_EQ(axles[0].features[2].text.zh, "营业收入100亿元");
  EXPECT_EQ(axles[0].features[3].text.en, "head office in 北方, not a region the plan courts");
  // The whole catalogue: best first.
  const auto all = rank_all_candidates(*w.snap, std::span<const ChainAssessment>(&a, 1), Visibility{});
  ASSERT_EQ(all.size(), 2U);
  EXPECT_EQ(w.snap->candidates[all[0].candidate].id, "mould-firm");
}

TEST(CandidateRanking, WeightsChangeTheOrderAndTiesGoByName) {
  World w;
  w.d.plan.attraction.regions = {"湾区"};
  w.d.candidates.push_back(candidate("b-firm", "moulds", "湾区", "public: x"));
  w.d.candidates.push_back(candidate("a-firm", "moulds", "湾区", "public: x"));
  CandidateRecord big = candidate("c-firm", "moulds", "", "public: x");
  big.scale = 100'000'000'000;
  w.d.candidates.push_back(big);
  const ChainAssessment a = w.assess();
  auto ids = [&](const std::vector<CandidateScore>& scores) {
    std::vector<std::string> out;
    for (const CandidateScore& c : scores)
      out.push_back(w.snap->candidates[c.candidate].id);
    return out;
  };
  // a-firm and b-firm score the same: name order decides.
  EXPECT_EQ(ids(rank_candidates(*w.snap, a, 0, Visibility{})),
            (std::vector<std::string>{"a-firm", "b-firm", "c-firm"}));
  w.d.plan.attraction.weight_region = 0;
  w.d.plan.attraction.weight_scale = 5'000'000;
  const ChainAssessment b = w.assess();
  EXPECT_EQ(ids(rank_candidates(*w.snap, b, 0, Visibility{})),
            (std::vector<std::string>{"c-firm", "a-firm", "b-firm"}));
}

TEST(CandidateRanking, SampleCandidatesStayOutWhenSamplesAreHidden) {
  World w;
  w.d.candidates.push_back(candidate("real", "moulds", "", "plan §6(2)"));
  w.d.candidates.push_back(candidate("made-up", "moulds", "", "sample"));
  const ChainAssessment a = w.assess();
  Visibility hidden;
  hidden.include_sample = false;
  EXPECT_EQ(rank_candidates(*w.snap, a, 0, Visibility{}).size(), 2U);
  EXPECT_EQ(rank_candidates(*w.snap, a, 0, hidden).size(), 1U);
  EXPECT_TRUE(rank_candidates(*w.snap, a, 0, Visibility{})[1].sample);
}

}  // namespace
}  // namespace atlas::engine

namespace atlas::engine {
namespace {

// Its partners along the chain: who supplies it the upstream link, whom it supplies downstream.
TEST(EnterpriseChainLinks, ListsUpstreamAndDownstreamPartnersPerLinkItMakes) {
  World w;
  w.firm("axle-maker", "north", "axle", 0);
  w.firm("cast-local", "south", "castings", 0);
  w.firm("cast-far", "", "castings", 0, true, /*outside=*/true);
  w.firm("mould-shop", "north", "mould", 0);
  w.firm("assembler", "north", "trailer", 0);
  w.firm("tyre-co", "north", "tyre", 0);
  w.supplies("cast-far", "axle-maker", "castings");
  w.supplies("cast-local", "axle-maker");           // no class: it makes castings, so castings
  w.supplies("mould-shop", "axle-maker", "mould");  // moulds are not directly upstream of axles
  w.supplies("axle-maker", "assembler", "axle");
  w.supplies("axle-maker", "tyre-co", "axle");  // tyre-co makes no downstream link of axles
  w.firm("axle-two", "south", "axle", 0);
  w.supplies("cast-local", "axle-two", "castings", "sample: t");
  w.supplies("cast-local", "assembler", "castings");  // assemblers are not directly downstream of castings
  const auto s = w.snapshot();
  const auto links = enterprise_chain_links(*s, Visibility{}, s->find_enterprise("axle-maker"));
  ASSERT_EQ(links.size(), 1U);
  EXPECT_EQ(s->chains[0].links[links[0].link].id, "axle");
  const auto ids = [&](const std::vector<ChainPartner>& ps) {
    std::vector<std::string> out;
    for (const ChainPartner& p : ps)
      out.push_back(std::string(s->strings.view(s->enterprises.slug[p.enterprise.value])) + "@" +
                    s->chains[0].links[p.link].id + (p.local ? "" : "(outside)"));
    return out;
  };
  // Local partners first.
  EXPECT_EQ(ids(links[0].upstream),
            (std::vector<std::string>{"cast-local@castings", "cast-far@castings(outside)"}));
  EXPECT_FALSE(links[0].upstream[0].product_class.valid());
  EXPECT_EQ(ids(links[0].downstream), (std::vector<std::string>{"assembler@assembly"}));

  // The castings firm: its customers downstream; the sample relation only while sample data shows.
  const auto cast = enterprise_chain_links(*s, Visibility{}, s->find_enterprise("cast-local"));
  ASSERT_EQ(cast.size(), 1U);
  EXPECT_EQ(ids(cast[0].downstream), (std::vector<std::string>{"axle-maker@axle", "axle-two@axle"}));
  EXPECT_TRUE(cast[0].downstream[1].sample);
  Visibility no_sample;
  no_sample.include_sample = false;
  EXPECT_EQ(enterprise_chain_links(*s, no_sample, s->find_enterprise("cast-local"))[0].downstream.size(), 1U);
  EXPECT_TRUE(
      enterprise_chain_links(*s, Visibility{}, s->find_enterprise("mould-shop"))[0].downstream.empty());
}

}  // namespace
}  // namespace atlas::engine
