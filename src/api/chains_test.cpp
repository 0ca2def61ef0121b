#include <algorithm>

#include <boost/json.hpp>
#include <gtest/gtest.h>

#include "api/internal/browse_test_api.hpp"

namespace atlas::api {
namespace {

namespace json = boost::json;
using testing::get;

TEST(ChainsApi, ListsChainsWithLinksClassesMakersAndEdges) {
  const auto a = get("/api/v1/chains");
  ASSERT_EQ(a.status, 200) << json::serialize(a.body);
  const auto& chains = a.body.at("chains").as_array();
  ASSERT_EQ(chains.size(), 3U);
  const auto& trailer = chains[0].as_object();
  EXPECT_EQ(trailer.at("id").as_string(), "trailer");
  EXPECT_EQ(trailer.at("provenance").as_string(), "plan §6(2)");
  const auto& axle = trailer.at("links").at(6).as_object();
  EXPECT_EQ(axle.at("id").as_string(), "axle");
  EXPECT_EQ(axle.at("classes").as_array().size(), 3U);
  EXPECT_EQ(axle.at("classes").at(0).at("code").as_string(), "axle");
  EXPECT_EQ(axle.at("classes").at(0).at("name").at("zh").as_string(), "车轴");
  EXPECT_EQ(axle.at("enterprises").as_int64(), 1);
  EXPECT_EQ(trailer.at("edges").at(0).at("from").as_string(), "moulds");
  EXPECT_EQ(trailer.at("edges").at(0).at("to").as_string(), "castings");
}

TEST(ChainsApi, SampleFalseLeavesOutSampleMakers) {
  // brake-drum: fude-metal and sample-f.
  EXPECT_EQ(get("/api/v1/chains").body.at("chains").at(0).at("links").at(2).at("enterprises").as_int64(), 2);
  EXPECT_EQ(get("/api/v1/chains?sample=false")
                .body.at("chains")
                .at(0)
                .at("links")
                .at(2)
                .at("enterprises")
                .as_int64(),
            1);
  EXPECT_EQ(get("/api/v1/chains?link=axle").status, 400);
}

const json::object& link_of(const json::value& chain, std::string_view id) {
  for (const auto& l : chain.at("links").as_array()) {
    if (l.at("id").as_string() == id) return l.as_object();
  }
  throw std::runtime_error("no link");
}

const json::object& evidence_of(const json::object& link, std::string_view measure) {
  for (const auto& e : link.at("evidence").as_array()) {
    if (e.at("measure").as_string() == measure) return e.as_object();
  }
  throw std::runtime_error("no evidence");
}

TEST(ChainsApi, JudgesEachLinkOfAChainWithItsEvidence) {
  const auto a = get("/api/v1/chains/trailer?as_of=2026-12-01");
  ASSERT_EQ(a.status, 200) << json::serialize(a.body);
  const auto& chain = a.body.at("chain");
  EXPECT_EQ(chain.at("county"), json::value(nullptr));
  EXPECT_EQ(chain.at("year").as_int64(), 2025);
  EXPECT_EQ(chain.at("rules").at("anchors").at(0).as_string(), "bpw-meizhou");
  // Kingpins and landing legs: §6(2) asks to cultivate and attract them; no local maker.
  const auto& kingpin = link_of(chain, "kingpin");
  EXPECT_EQ(kingpin.at("verdict").as_string(), "missing");
  EXPECT_EQ(kingpin.at("verdict_zh").as_string(), "缺链");
  EXPECT_TRUE(evidence_of(kingpin, "makers").at("decided").as_bool());
  // Axles: BPW alone, an anchor the plan names, a single point of failure.
  const auto& axle = link_of(chain, "axle");
  EXPECT_EQ(axle.at("verdict").as_string(), "weak");
  EXPECT_EQ(axle.at("makers").at(0).at("id").as_string(), "bpw-meizhou");
  EXPECT_TRUE(axle.at("makers").at(0).at("anchor").as_bool());
  EXPECT_EQ(evidence_of(axle, "anchor").at("state").as_string(), "met");
  EXPECT_EQ(evidence_of(axle, "makers").at("state").as_string(), "not-met");
  // Castings: Hongyu supplies BPW (plan §3(1)3, §6(2)): BPW's castings come from a local maker.
  const auto& castings = link_of(chain, "castings");
  EXPECT_EQ(castings.at("local_supply").at("local").as_int64(), 1);
  EXPECT_EQ(castings.at("local_supply").at("known").as_int64(), 1);
  EXPECT_EQ(evidence_of(castings, "local-supply").at("state").as_string(), "met");
  // No reference figures loaded: the quotient is unknown, not zero.
  EXPECT_EQ(evidence_of(castings, "location-quotient").at("state").as_string(), "unknown");
  EXPECT_EQ(castings.at("location_quotient"), json::value(nullptr));
  // BPW's phase-8 expansion makes axles; it feeds the targets its sponsor's output counts in.
  const auto& pipeline = axle.at("pipeline").as_array();
  ASSERT_FALSE(pipeline.empty());
  EXPECT_EQ(pipeline[0].at("project").as_string(), "bpw-phase8");
  std::vector<std::string> fed;
  for (const auto& t : pipeline[0].at("targets").as_array())
    fed.emplace_back(t.at("id").as_string());
  EXPECT_NE(std::ranges::find(fed, "trailer-output"), fed.end());
  EXPECT_NE(std::ranges::find(fed, "new-projects"), fed.end());
  // Gaps: missing links first.
  const auto& gaps = chain.at("gaps").as_array();
  ASSERT_GE(gaps.size(), 2U);
  EXPECT_EQ(link_of(chain, gaps[0].as_string()).at("verdict").as_string(), "missing");
}

TEST(ChainsApi, JudgesACountyOnItsOwnMakers) {
  const auto region = get("/api/v1/chains/trailer");
  const auto county = get("/api/v1/chains/trailer?county=pingyuan");
  ASSERT_EQ(county.status, 200) << json::serialize(county.body);
  EXPECT_EQ(county.body.at("chain").at("county").at("id").as_string(), "pingyuan");
  EXPECT_LT(county.body.at("chain").at("present").as_int64(),
            region.body.at("chain").at("present").as_int64());
  EXPECT_EQ(link_of(county.body.at("chain"), "axle").at("verdict").as_string(), "missing");
}

TEST(ChainsApi, NamesAnUnknownChainOrCountyWithASuggestion) {
  const auto chain = get("/api/v1/chains/trailr");
  EXPECT_EQ(chain.status, 404);
  EXPECT_NE(json::serialize(chain.body).find("did you mean \\\"trailer\\\"?"), std::string::npos)
      << json::serialize(chain.body);
  const auto county = get("/api/v1/chains/trailer?county=meixia");
  EXPECT_EQ(county.status, 400);
  EXPECT_EQ(county.body.at("field").as_string(), "county");
  EXPECT_EQ(get("/api/v1/chains/trailer?year=20x5").status, 400);
  EXPECT_EQ(get("/api/v1/chains/trailer?link=axle").status, 400);
}

TEST(ChainsApi, RanksTheCandidatesOfALinkWithTheReasonsForEachScore) {
  const auto a = get("/api/v1/chains/nev-three-electric/links/power-battery/candidates");
  ASSERT_EQ(a.status, 200) << json::serialize(a.body);
  EXPECT_EQ(a.body.at("link").at("verdict").as_string(), "missing");
  const auto& candidates = a.body.at("candidates").as_array();
  // §6(3) names 比克电池 and 亿纬锂能 for power batteries; both in the Pearl River Delta the plan courts.
  ASSERT_EQ(candidates.size(), 2U);
  EXPECT_EQ(candidates[0].at("score"), candidates[1].at("score"));  // equal parts: name order decides
  for (const auto& c : candidates) {
    double sum = 0;
    for (const auto& f : c.at("features").as_array())
      sum += f.at("points").to_number<double>();
    EXPECT_NEAR(sum, c.at("score").to_number<double>(), 0.02) << json::serialize(c);
    EXPECT_EQ(c.at("features").at(3).at("text").at("en").as_string(),
              "head office in 珠三角, a region the plan courts");
  }
  EXPECT_EQ(get("/api/v1/chains/nev-three-electric/links/power-batery/candidates").status, 404);
  EXPECT_EQ(get("/api/v1/chains/nev/links/power-battery/candidates").status, 404);
}

// Every county in one call: each county's verdicts are those GET /chains/{id}?county= gives.
TEST(ChainCountiesApi, GivesEveryCountysVerdictsAsTheOneCountyViewDoes) {
  const auto all = testing::get("/api/v1/chains/trailer/counties?year=2024");
  ASSERT_EQ(all.status, 200) << json::serialize(all.body);
  const auto& links = all.body.at("links").as_array();
  const auto& counties = all.body.at("counties").as_array();
  ASSERT_EQ(counties.size(), 8U);
  std::size_t with_makers = 0;
  for (const auto& c : counties) {
    const std::string id(c.at("county").at("id").as_string());
    const auto one = testing::get("/api/v1/chains/trailer?year=2024&county=" + id);
    ASSERT_EQ(one.status, 200) << json::serialize(one.body);
    const auto& judged = one.body.at("chain");
    EXPECT_EQ(c.at("present"), judged.at("present")) << id;
    EXPECT_EQ(c.at("gaps"), judged.at("gaps")) << id;
    const auto& verdicts = c.at("verdicts").as_array();
    ASSERT_EQ(verdicts.size(), links.size());
    for (std::size_t l = 0; l < links.size(); ++l)
      EXPECT_EQ(verdicts[l], judged.at("links").at(l).at("verdict")) << id << " " << links[l].at("id");
    with_makers += c.at("present").as_int64() > 0 ? 1 : 0;
  }
  EXPECT_GE(with_makers, 1U);
  EXPECT_EQ(testing::get("/api/v1/chains/trailr/counties").status, 404);
  EXPECT_EQ(testing::get("/api/v1/chains/trailer/counties?county=meixian").status, 400);
}

}  // namespace
}  // namespace atlas::api

namespace atlas::api {
namespace {

// The raw answer of a download (not JSON).
Response fetch(const std::string& target) {
  Request request;
  request.method = "GET";
  request.target = target;
  return testing::api().handle(request);
}

std::string header(const Response& r, std::string_view name) {
  for (const auto& [key, value] : r.headers) {
    if (key == name) return value;
  }
  return {};
}

TEST(CataloguesApi, DownloadsTheKeyDevelopmentCatalogueAsAWorkbookByDefault) {
  const Response r = fetch("/api/v1/catalogues/key-development?as_of=2026-11-27");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.content_type, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  EXPECT_TRUE(r.body.starts_with(std::string("PK\x03\x04", 4)));
  EXPECT_EQ(header(r, "Content-Disposition"),
            "attachment; filename=\"meizhou-autoparts-2021-2025-key-development.xlsx\"");
  EXPECT_FALSE(header(r, "ETag").empty());
}

TEST(CataloguesApi, CsvForOneCountyHasTheSameRowsAsTheCli) {
  const Response r = fetch("/api/v1/catalogues/target-enterprise?format=csv&county=meixian");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.content_type, "text/csv; charset=utf-8");
  EXPECT_EQ(header(r, "Content-Disposition"),
            "attachment; filename=\"meizhou-autoparts-2021-2025-target-enterprise-meixian.csv\"");
  EXPECT_TRUE(r.body.starts_with("\xEF\xBB\xBFrank,id,name_zh,name_en,kind,region,chain,link,score,"));
  EXPECT_EQ(std::ranges::count(r.body, '\n'), 17);  // the header and the plan's 16 candidates
  const Response links = fetch("/api/v1/catalogues/key-development?format=csv&as_of=2026-11-27");
  EXPECT_NE(links.body.find("1,trailer,挂车产业链,kingpin,牵引销,Kingpins,missing,缺链,kingpin,0,1,"),
            std::string::npos)
      << links.body;
}

TEST(CataloguesApi, AnUnknownKindFormatOrCountyNamesIt) {
  const auto kind = testing::get("/api/v1/catalogues/target-enterprises");
  EXPECT_EQ(kind.status, 404);
  EXPECT_NE(json::serialize(kind.body).find("key-development and target-enterprise"), std::string::npos)
      << json::serialize(kind.body);
  const auto format = testing::get("/api/v1/catalogues/key-development?format=pdf");
  EXPECT_EQ(format.status, 400);
  EXPECT_EQ(format.body.at("field").as_string(), "format");
  const auto county = testing::get("/api/v1/catalogues/key-development?county=meixan");
  EXPECT_EQ(county.status, 400);
  EXPECT_NE(json::serialize(county.body).find("meixian"), std::string::npos);
  EXPECT_EQ(testing::get("/api/v1/catalogues/key-development?link=x").status, 400);
}

}  // namespace
}  // namespace atlas::api
