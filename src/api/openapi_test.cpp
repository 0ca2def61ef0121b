// The OpenAPI document against the router and against real answers: every route documented and
// nothing documented that is not routed; every answer of the embedded dataset fits its schema.
#include <set>
#include <string>

#include "api/internal/core_test_support.hpp"
#include "api/internal/problem_text.hpp"
#include "api/internal/router.hpp"

namespace atlas::api {
namespace {

namespace json = boost::json;

const json::value& document_value() {
  static const json::value doc = json::parse(internal::openapi_document());
  return doc;
}

const json::object& document() {
  return document_value().as_object();
}

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

const json::object& resolve(const json::object& schema) {
  const json::object* s = &schema;
  while (const auto* r = s->if_contains("$ref")) {
    std::string_view path = r->as_string();
    path.remove_prefix(2);  // "#/"
    const json::value* node = &document_value();
    while (!path.empty()) {
      const auto slash = path.find('/');
      node = &node->at(path.substr(0, slash));
      path = slash == std::string_view::npos ? std::string_view() : path.substr(slash + 1);
    }
    s = &node->as_object();
  }
  return *s;
}

bool has_type(const json::value& v, std::string_view type) {
  if (type == "object") return v.is_object();
  if (type == "array") return v.is_array();
  if (type == "string") return v.is_string();
  if (type == "boolean") return v.is_bool();
  if (type == "null") return v.is_null();
  if (type == "integer") return v.is_int64() || v.is_uint64();
  if (type == "number") return v.is_number();
  return false;
}

// A small JSON Schema check (type, enum, properties, required, additionalProperties, items,
// anyOf, $ref): the first mismatch as "path: what", or "" when `v` fits.
std::string check(const json::value& v, const json::object& raw, const std::string& at) {
  const json::object& schema = resolve(raw);
  if (const auto* any = schema.if_contains("anyOf")) {
    for (const auto& option : any->as_array()) {
      if (check(v, option.as_object(), at).empty()) return "";
    }
    return at + ": fits no anyOf option";
  }
  if (const auto* type = schema.if_contains("type")) {
    bool fits = false;
    if (type->is_string()) fits = has_type(v, type->as_string());
    for (const auto& t : type->is_array() ? type->as_array() : json::array())
      fits = fits || has_type(v, t.as_string());
    if (!fits) return at + ": not of type " + json::serialize(*type) + ": " + json::serialize(v);
  }
  if (const auto* values = schema.if_contains("enum")) {
    bool found = false;
    for (const auto& e : values->as_array())
      found = found || e == v;
    if (!found) return at + ": " + json::serialize(v) + " is not in the enum";
  }
  if (v.is_object()) {
    const json::object empty;
    const auto* props = schema.if_contains("properties");
    const json::object& properties = props ? props->as_object() : empty;
    for (const auto& name : schema.contains("required") ? schema.at("required").as_array() : json::array()) {
      if (!v.as_object().contains(name.as_string())) return at + ": missing " + std::string(name.as_string());
    }
    const auto* additional = schema.if_contains("additionalProperties");
    for (const auto& [key, value] : v.as_object()) {
      const std::string here = at + "." + std::string(key);
      if (const auto* p = properties.if_contains(key)) {
        if (auto e = check(value, p->as_object(), here); !e.empty()) return e;
      } else if (additional && additional->is_bool() && !additional->as_bool()) {
        return here + ": not in the schema";
      }
    }
  }
  if (v.is_array() && schema.contains("items")) {
    for (std::size_t i = 0; i < v.as_array().size(); ++i) {
      if (auto e = check(v.as_array()[i], schema.at("items").as_object(), at + "[" + std::to_string(i) + "]");
          !e.empty())
        return e;
    }
  }
  return "";
}

const json::object& response_schema(std::string_view path, std::string_view method, std::string_view status,
                                    std::string_view media) {
  const auto& op = document().at("paths").at(path).at(lower(method)).as_object();
  const auto& response = resolve(op.at("responses").at(status).as_object());
  return response.at("content").at(media).at("schema").as_object();
}

TEST(OpenApi, IsAnOpenApi31Document) {
  EXPECT_EQ(document().at("openapi").as_string(), "3.1.0");
  EXPECT_TRUE(document().at("components").at("schemas").as_object().contains("Problem"));
}

TEST(OpenApi, DocumentsEveryRouteAndNothingElseUnderApiV1) {
  const auto& paths = document().at("paths").as_object();
  std::set<std::pair<std::string, std::string>> routed;
  for (const internal::Route& r : internal::routes()) {
    routed.emplace(std::string(r.path), lower(r.method));
    ASSERT_TRUE(paths.contains(r.path)) << r.path;
    EXPECT_TRUE(paths.at(r.path).as_object().contains(lower(r.method))) << r.path << " " << r.method;
  }
  for (const auto& [path, item] : paths) {
    if (!std::string_view(path).starts_with("/api/")) continue;
    for (const auto& [method, op] : item.as_object())
      EXPECT_TRUE(routed.contains({std::string(path), std::string(method)})) << path << " " << method;
  }
  EXPECT_TRUE(paths.contains("/healthz"));
  EXPECT_TRUE(paths.contains("/metrics"));
}

TEST(OpenApi, EveryReferenceResolves) {
  std::vector<const json::value*> stack{&document().at("paths"), &document().at("components")};
  std::size_t refs = 0;
  while (!stack.empty()) {
    const json::value* v = stack.back();
    stack.pop_back();
    if (v->is_array()) {
      for (const auto& x : v->as_array())
        stack.push_back(&x);
    } else if (v->is_object()) {
      if (v->as_object().contains("$ref")) {
        EXPECT_NO_THROW((void)resolve(v->as_object())) << v->at("$ref").as_string();
        ++refs;
      }
      for (const auto& [key, x] : v->as_object())
        stack.push_back(&x);
    }
  }
  EXPECT_GT(refs, 50U);
}

TEST(OpenApi, ProblemCodesAreTheOnesTheApiEmits) {
  std::set<std::string> documented;
  for (const auto& c : resolve(document().at("components").at("schemas").at("Problem").as_object())
                           .at("properties")
                           .at("code")
                           .at("enum")
                           .as_array())
    documented.emplace(c.as_string());
  std::set<std::string> emitted;
  for (std::string_view c : internal::problem_codes())
    emitted.emplace(c);
  EXPECT_EQ(documented, emitted);
}

TEST(OpenApi, SchemaCheckRejectsWhatDoesNotFit) {
  const auto& names = document().at("components").at("schemas").at("Names").as_object();
  EXPECT_EQ(check(json::parse(R"({"zh": "梅县区", "en": ""})"), names, "$"), "");
  EXPECT_NE(check(json::parse(R"({"zh": "梅县区"})"), names, "$"), "");
  EXPECT_NE(check(json::parse(R"({"zh": "梅县区", "en": "", "fr": ""})"), names, "$"), "");
  EXPECT_NE(check(json::parse(R"({"zh": 1, "en": ""})"), names, "$"), "");
}

TEST(OpenApi, IsServedAtItsPath) {
  const auto a = coretest::get("/api/v1/openapi.json");
  ASSERT_EQ(a.status(), 200);
  EXPECT_EQ(a.body.at("openapi").as_string(), "3.1.0");
}

TEST(OpenApi, EveryReadAnswerFitsItsSchema) {
  const std::pair<const char*, const char*> cases[] = {
      {"/api/v1/plan", "/api/v1/plan"},
      {"/api/v1/map", "/api/v1/map"},
      {"/api/v1/targets", "/api/v1/targets"},
      {"/api/v1/targets?as_of=2023-06-30&sample=false", "/api/v1/targets"},
      {"/api/v1/targets/total-output", "/api/v1/targets/{id}"},
      {"/api/v1/targets/new-projects", "/api/v1/targets/{id}"},
      {"/api/v1/targets/oem-supplier-entries", "/api/v1/targets/{id}"},
      {"/api/v1/targets/park-output?as_of=2022-03-01", "/api/v1/targets/{id}"},
      {"/api/v1/targets/total-output/groups", "/api/v1/targets/{id}/groups"},
      {"/api/v1/chains/trailer/counties", "/api/v1/chains/{id}/counties"},
      {"/api/v1/targets/new-projects/groups?as_of=2024-12-31", "/api/v1/targets/{id}/groups"},
      {"/api/v1/targets/enterprises-over-1yi/groups?by=subsystem", "/api/v1/targets/{id}/groups"},
      {"/api/v1/enterprises", "/api/v1/enterprises"},
      {"/api/v1/enterprises/bpw-meizhou", "/api/v1/enterprises/{id}"},
      {"/api/v1/projects", "/api/v1/projects"},
      {"/api/v1/projects/bpw-phase8", "/api/v1/projects/{id}"},
      {"/api/v1/zones", "/api/v1/zones"},
      {"/api/v1/taxonomy", "/api/v1/taxonomy"},
      {"/api/v1/chains", "/api/v1/chains"},
      {"/api/v1/chains/trailer", "/api/v1/chains/{id}"},
      {"/api/v1/chains/nev-three-electric?county=meixian&year=2024", "/api/v1/chains/{id}"},
      {"/api/v1/chains/nev-three-electric/links/power-battery/candidates",
       "/api/v1/chains/{id}/links/{link}/candidates"},
      {"/api/v1/chains/passenger/links/oem/candidates?county=meixian",
       "/api/v1/chains/{id}/links/{link}/candidates"},
      {"/api/v1/forecast?runs=500", "/api/v1/forecast"},
      {"/api/v1/forecast?runs=500&as_of=2023-06-30", "/api/v1/forecast"},
  };
  for (const auto& [target, path] : cases) {
    const auto a = coretest::get(target);
    ASSERT_EQ(a.status(), 200) << target << ": " << a.response.body;
    EXPECT_EQ(check(a.body, response_schema(path, "GET", "200", "application/json"), "$"), "") << target;
  }
}

TEST(OpenApi, WhatIfAnswersFitTheirSchema) {
  const auto ok = coretest::post("/api/v1/forecast/what-if",
                                 R"j({"as_of": "2023-06-30", "runs": 300,
                                      "changes": [{"kind": "delay", "project": "saint-gobain-glass", "months": 12},
                                                  {"kind": "growth", "segment": "nev", "growth": 0.2}]})j");
  ASSERT_EQ(ok.status(), 200) << ok.response.body;
  EXPECT_EQ(
      check(ok.body, response_schema("/api/v1/forecast/what-if", "POST", "200", "application/json"), "$"),
      "");
}

TEST(OpenApi, IndicatorAnswersAndProblemsFitTheirSchemas) {
  const auto ok =
      coretest::post("/api/v1/indicators", R"j({"expression": "count(enterprises) where high_tech"})j");
  ASSERT_EQ(ok.status(), 200) << ok.response.body;
  EXPECT_EQ(check(ok.body, response_schema("/api/v1/indicators", "POST", "200", "application/json"), "$"),
            "");
  const auto& problem = document().at("components").at("schemas").at("Problem").as_object();
  for (const auto& a : {coretest::post("/api/v1/indicators", R"j({"expression": "count(enterprize)"})j"),
                        coretest::get("/api/v1/nowhere"), coretest::get("/api/v1/targets?x=1"),
                        coretest::get("/api/v1/indicators")}) {
    EXPECT_EQ(a.response.content_type, "application/problem+json");
    EXPECT_EQ(check(a.body, problem, "$"), "") << a.response.body;
  }
}

}  // namespace
}  // namespace atlas::api
