#include "api/internal/render.hpp"

#include <boost/json/serialize.hpp>

#include "api/internal/problem_text.hpp"

namespace atlas::api::internal {

namespace json = boost::json;

bool prefers_chinese(std::string_view accept_language) {
  const auto start = accept_language.find_first_not_of(" \t");
  if (start == std::string_view::npos) return false;
  const std::string_view first = accept_language.substr(start, 2);
  return first == "zh" || first == "ZH" || first == "Zh";
}

Response problem_response(const Problem& problem, std::string_view instance, bool chinese) {
  const std::string zh = problem.detail_zh.empty()
                             ? problem_zh(problem.code, problem.field) + "：" + problem.detail_en
                             : problem.detail_zh;
  json::object o;
  o["type"] = "/problems/" + problem.code;
  o["title"] = problem_title(problem.code, chinese);
  o["status"] = problem.status;
  o["detail"] = problem.detail_en;
  o["instance"] = instance;
  o["code"] = problem.code;
  o["field"] = problem.field;
  o["column"] = problem.column;
  o["message"] = json::object{{"zh", zh}, {"en", problem.detail_en}};
  Response r;
  r.status = problem.status;
  r.content_type = "application/problem+json";
  r.body = json::serialize(o);
  return r;
}

Response json_response(const json::object& body) {
  Response r;
  r.status = 200;
  r.content_type = "application/json";
  r.body = json::serialize(body);
  return r;
}

}  // namespace atlas::api::internal
