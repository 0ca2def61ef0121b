#include <atomic>
#include <stdexcept>

#include "api/internal/core_test_support.hpp"

namespace atlas::api {
namespace {

namespace json = boost::json;
using coretest::answer;
using coretest::get;
using coretest::post;

TEST(Router, UnknownPathIsANotFoundProblem) {
  const auto a = get("/api/v1/nothing-here?x=1");
  EXPECT_EQ(a.status(), 404);
  EXPECT_EQ(a.response.content_type, "application/problem+json");
  EXPECT_EQ(a.body.at("type").as_string(), "/problems/not-found");
  EXPECT_EQ(a.body.at("title").as_string(), "Not found");
  EXPECT_EQ(a.body.at("status").as_int64(), 404);
  EXPECT_EQ(a.body.at("instance").as_string(), "/api/v1/nothing-here?x=1");
  EXPECT_EQ(a.body.at("code").as_string(), "not-found");
  EXPECT_EQ(a.body.at("message").at("en").as_string(), a.body.at("detail").as_string());
  EXPECT_EQ(get("/api/v1/targets/total-output/extra").status(), 404);
  EXPECT_EQ(get("/api/v2/plan").status(), 404);
}

TEST(Router, WrongMethodIs405WithAllow) {
  const auto a =
      answer(coretest::shared_api(), coretest::request("POST", "/api/v1/targets", "{}", "application/json"));
  EXPECT_EQ(a.status(), 405);
  EXPECT_EQ(a.body.at("code").as_string(), "method-not-allowed");
  EXPECT_EQ(a.header("Allow"), "GET, HEAD");
  const auto b = get("/api/v1/indicators");
  EXPECT_EQ(b.status(), 405);
  EXPECT_EQ(b.header("Allow"), "POST");
  const auto c = answer(coretest::shared_api(), coretest::request("DELETE", "/api/v1/targets/total-output"));
  EXPECT_EQ(c.status(), 405);
}

TEST(Router, HeadIsAnsweredLikeGet) {
  const auto head = answer(coretest::shared_api(), coretest::request("HEAD", "/api/v1/plan"));
  const auto plain = get("/api/v1/plan");
  EXPECT_EQ(head.status(), 200);
  EXPECT_EQ(head.response.body, plain.response.body);
  EXPECT_EQ(head.header("ETag"), plain.header("ETag"));
}

TEST(Router, PercentDecodesThePathAndTheQuery) {
  const auto a = get("/api/v1/targets/total%2Doutput?as%5Fof=2023%2D06%2D30");
  ASSERT_EQ(a.status(), 200) << a.response.body;
  EXPECT_EQ(a.body.at("id").as_string(), "total-output");
  EXPECT_EQ(a.body.at("meta").at("as_of").as_string(), "2023-06-30");
}

TEST(Router, MalformedTargetIsABadRequest) {
  const auto a = get("/api/v1/plan?as_of=%zz");
  EXPECT_EQ(a.status(), 400);
  EXPECT_EQ(a.response.content_type, "application/problem+json");
  EXPECT_EQ(get("not a target").status(), 400);
}

TEST(Router, UnknownQueryParameterIsUnknownField) {
  const auto a = get("/api/v1/targets/total-output?limt=5");
  EXPECT_EQ(a.status(), 400);
  EXPECT_EQ(a.body.at("code").as_string(), "unknown-field");
  EXPECT_EQ(a.body.at("field").as_string(), "limt");
  EXPECT_NE(a.body.at("detail").as_string().find("did you mean \"limit\""), json::string::npos);
  EXPECT_EQ(get("/api/v1/plan?verbose=1").body.at("code").as_string(), "unknown-field");
}

TEST(Router, BadAsOfIsInvalidDateNamingTheField) {
  for (const char* target : {"/api/v1/targets?as_of=2023-02-30", "/api/v1/targets?as_of=2023-6-30",
                             "/api/v1/plan?as_of=2023", "/api/v1/targets?as_of="}) {
    const auto a = get(target);
    EXPECT_EQ(a.status(), 400) << target;
    EXPECT_EQ(a.body.at("code").as_string(), "invalid-date") << target;
    EXPECT_EQ(a.body.at("field").as_string(), "as_of") << target;
  }
}

TEST(Router, BadSampleIsInvalidValue) {
  const auto a = get("/api/v1/targets?sample=maybe");
  EXPECT_EQ(a.status(), 400);
  EXPECT_EQ(a.body.at("code").as_string(), "invalid-value");
  EXPECT_EQ(a.body.at("field").as_string(), "sample");
}

TEST(Router, ProblemMessageIsChineseAndTitleFollowsAcceptLanguage) {
  const auto a = answer(coretest::shared_api(),
                        coretest::request("GET", "/api/v1/plan?as_of=x", "", "", "zh-CN,zh;q=0.9"));
  EXPECT_EQ(a.body.at("title").as_string(), "日期无效");
  const std::string zh(a.body.at("message").at("zh").as_string());
  EXPECT_NE(zh, std::string(a.body.at("message").at("en").as_string()));
  EXPECT_NE(zh.find("as_of"), std::string::npos);
  EXPECT_NE(zh.find("日期"), std::string::npos);
}

TEST(Router, UnexpectedExceptionIsAnInternalProblem) {
  const Api api(ApiContext{atlas::api::single_plan([]() -> std::shared_ptr<const Snapshot> {
                             throw std::runtime_error("store gone");
                           }),
                           [] { return coretest::today(); }, nullptr,
                           atlas::app::Principal{"test", atlas::Role::kAnalyst, {}}},
                ApiOptions{});
  const auto a = answer(api, coretest::request("GET", "/api/v1/plan"));
  EXPECT_EQ(a.status(), 500);
  EXPECT_EQ(a.body.at("code").as_string(), "internal");
  EXPECT_EQ(a.body.at("type").as_string(), "/problems/internal");
}

TEST(Router, BodyTooLargeIs413) {
  ApiOptions options;
  options.max_body_bytes = 64;
  const Api api(ApiContext{atlas::api::single_plan([] { return coretest::shared_snapshot(); }),
                           [] { return coretest::today(); }, nullptr,
                           atlas::app::Principal{"test", atlas::Role::kAnalyst, {}}},
                options);
  const Request request{"POST", "/api/v1/indicators", std::string(100, ' '), "application/json", "", ""};
  const auto a = answer(api, request);
  EXPECT_EQ(a.status(), 413);
  EXPECT_EQ(a.body.at("code").as_string(), "body-too-large");
  const Response b = api.body_too_large(request);
  EXPECT_EQ(b.status, 413);
  EXPECT_EQ(b.content_type, "application/problem+json");
}

TEST(Router, StaticProblemIsAProblemDocument) {
  const Response r = Api::problem(404, "not-found", "no file /x.js", "文件 /x.js 不存在");
  EXPECT_EQ(r.status, 404);
  EXPECT_EQ(r.content_type, "application/problem+json");
  const auto body = json::parse(r.body);
  EXPECT_EQ(body.at("type").as_string(), "/problems/not-found");
  EXPECT_EQ(body.at("message").at("zh").as_string(), "文件 /x.js 不存在");
}

TEST(RoutePattern, NamesTheEndpointOfATargetNeverItsIds) {
  EXPECT_EQ(Api::route_pattern("/api/v1/enterprises/some-id-123?limit=5"), "/api/v1/enterprises/{id}");
  EXPECT_EQ(Api::route_pattern("/api/v1/plan"), "/api/v1/plan");
  EXPECT_EQ(Api::route_pattern("/api/v1/projects?late=true"), "/api/v1/projects");
  EXPECT_EQ(Api::route_pattern("/api/v1/targets/total%2Doutput"), "/api/v1/targets/{id}");
  EXPECT_EQ(Api::route_pattern("/api/v1/indicators"), "/api/v1/indicators");
  EXPECT_EQ(Api::route_pattern("/api/v1/openapi.json"), "/api/v1/openapi.json");
}

TEST(RoutePattern, IsEmptyWhereHandleFindsNoEndpoint) {
  for (const char* target : {"/api/v1/nothing-here", "/api/v1/targets/total-output/extra", "/api/v2/plan",
                             "/api/v1/targets/", "/api/", "/healthz", "/api/v1/plan?as_of=%zz", ""}) {
    EXPECT_EQ(Api::route_pattern(target), "") << target;
    if (std::string_view(target).starts_with("/api/")) {
      EXPECT_GE(get(target).status(), 400) << target;  // 404, or 400 for a target that does not parse
    }
  }
}

TEST(RoutePattern, ComesFromTheRoutersTableEachPatternOnce) {
  const auto patterns = Api::route_patterns();
  ASSERT_EQ(patterns.size(),
            25U);  // /api/v1/indicators and /forecast/what-if are one pattern each (POST only)
  for (std::size_t i = 0; i < patterns.size(); ++i) {
    for (std::size_t j = i + 1; j < patterns.size(); ++j)
      EXPECT_NE(patterns[i], patterns[j]);
    std::string path(patterns[i]);
    for (auto brace = path.find('{'); brace != std::string::npos; brace = path.find('{'))
      path.replace(brace, path.find('}', brace) - brace + 1, "x");
    const std::string_view found = Api::route_pattern(path);
    EXPECT_EQ(found, patterns[i]);
    EXPECT_EQ(found.data(), patterns[i].data()) << "the view must be the table's static storage";
  }
}

TEST(Router, TransportProblemsHaveTheirOwnTitles) {
  const std::pair<const char*, const char*> cases[] = {{"invalid-path", "Invalid path"},
                                                       {"web-app-not-built", "Web app not built"},
                                                       {"malformed-request", "Malformed request"},
                                                       {"header-too-large", "Request headers too large"}};
  for (const auto& [code, title] : cases) {
    const auto body = json::parse(Api::problem(400, code, "x", "x").body);
    EXPECT_EQ(body.at("title").as_string(), title) << code;
  }
}

TEST(PlanApi, AnswersThePlanAndItsCounts) {
  const auto a = get("/api/v1/plan");
  ASSERT_EQ(a.status(), 200) << a.response.body;
  EXPECT_EQ(a.body.at("id").as_string(), "meizhou-autoparts-2021-2025");
  EXPECT_EQ(a.body.at("document").as_string(), "梅市府办〔2021〕14号");
  EXPECT_EQ(a.body.at("issued").as_string(), "2021-07-02");
  EXPECT_EQ(a.body.at("start_year").as_int64(), 2021);
  EXPECT_EQ(a.body.at("end_year").as_int64(), 2025);
  const auto& counts = a.body.at("counts");
  EXPECT_EQ(counts.at("targets").as_int64(), 16);
  EXPECT_EQ(counts.at("enterprises").as_int64(), 44);
  EXPECT_EQ(counts.at("sample_enterprises").as_int64(), 12);
  EXPECT_EQ(counts.at("observations").as_int64(), 2184);
  EXPECT_EQ(a.body.at("meta").at("data_as_of").as_string(), "2026-10-31");
}

TEST(PlanApi, SampleFalseCountsOnlyFactualRecords) {
  const auto a = get("/api/v1/plan?sample=false");
  const auto& counts = a.body.at("counts");
  EXPECT_EQ(counts.at("enterprises").as_int64(), 32);
  EXPECT_EQ(counts.at("sample_enterprises").as_int64(), 0);
  EXPECT_LT(counts.at("observations").as_int64(), 2184);
}

// An Api whose snapshot the test replaces, counting how often the handlers ran (through the
// snapshot being asked for).
struct SwitchingApi {
  std::shared_ptr<const Snapshot> current = coretest::shared_snapshot();
  Api api{ApiContext{atlas::api::single_plan([this] { return current; }), [] { return coretest::today(); },
                     nullptr, atlas::app::Principal{"test", atlas::Role::kAnalyst, {}}},
          ApiOptions{}};
};

TEST(ResponseCacheBehaviour, RepeatsTheSameBodyAndETag) {
  SwitchingApi s;
  const auto a = answer(s.api, coretest::request("GET", "/api/v1/targets?sample=true&as_of=2026-11-27"));
  const auto b = answer(s.api, coretest::request("GET", "/api/v1/targets?as_of=2026-11-27&sample=true"));
  const auto c = answer(s.api, coretest::request("GET", "/api/v1/targets"));
  ASSERT_EQ(a.status(), 200);
  EXPECT_EQ(a.response.body, b.response.body);
  EXPECT_EQ(a.response.body, c.response.body);
  EXPECT_EQ(a.header("ETag"), b.header("ETag"));
  EXPECT_TRUE(a.header("ETag").starts_with("\"v3-"));
  EXPECT_EQ(a.header("Cache-Control"), "no-cache");
}

TEST(ResponseCacheBehaviour, IfNoneMatchWithTheETagIsNotModified) {
  SwitchingApi s;
  const auto a = answer(s.api, coretest::request("GET", "/api/v1/plan"));
  const auto b =
      answer(s.api, coretest::request("GET", "/api/v1/plan", "", "", "", "W/\"x\", " + a.header("ETag")));
  EXPECT_EQ(b.status(), 304);
  EXPECT_TRUE(b.response.body.empty());
  EXPECT_EQ(b.header("ETag"), a.header("ETag"));
  EXPECT_EQ(answer(s.api, coretest::request("GET", "/api/v1/plan", "", "", "", "\"v3-0\"")).status(), 200);
}

TEST(ResponseCacheBehaviour, NewSnapshotVersionIsNotAnsweredFromTheOldEntries) {
  SwitchingApi s;
  const auto a = answer(s.api, coretest::request("GET", "/api/v1/plan"));
  s.current = coretest::embedded_snapshot(4);
  const auto b = answer(s.api, coretest::request("GET", "/api/v1/plan"));
  EXPECT_EQ(a.body.at("meta").at("snapshot_version").as_int64(), 3);
  EXPECT_EQ(b.body.at("meta").at("snapshot_version").as_int64(), 4);
  EXPECT_TRUE(b.header("ETag").starts_with("\"v4-"));
  EXPECT_NE(a.header("ETag"), b.header("ETag"));
}

TEST(Api, RefusesATargetThatIsNotTextAndAnswersInUtf8) {
  // Found by the api fuzzer: bytes that are not UTF-8, as sent or once percent-decoded, were echoed
  // into the problem, so the JSON answer was not UTF-8 (issue 7, item 4).
  const Api& api = coretest::shared_api();
  for (const char* target : {"/api/v1/\xFF", "/api/v1/enterprises?county=%B9", "/api/v1/\xC7%BF",
                             "/api/v1/enterprises?q=%1B%5B2J"}) {
    const Response r = api.handle(coretest::request("GET", target));
    EXPECT_EQ(r.status, 400) << target;
    EXPECT_EQ(r.content_type, "application/problem+json") << target;
    boost::system::error_code ec;
    const auto body = boost::json::parse(r.body, ec);  // Boost.JSON refuses invalid UTF-8
    ASSERT_FALSE(ec) << target << ": " << r.body;
    EXPECT_EQ(body.at("type").as_string(), "/problems/invalid-argument") << target;
    EXPECT_EQ(r.body.find('\x1b'), std::string::npos) << target;
  }
}

}  // namespace
}  // namespace atlas::api
