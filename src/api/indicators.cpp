// POST /api/v1/indicators: evaluates an indicator expression on the current snapshot.
#include <fmt/format.h>

#include "api/internal/handler.hpp"
#include "api/internal/request.hpp"
#include "app/target_detail.hpp"
#include "query/indicator.hpp"

namespace atlas::api::internal {
namespace {

namespace json = boost::json;

constexpr std::size_t kRecordsShown = 100;

struct IndicatorRequest {
  std::string expression;
  Visibility visibility;
};

Outcome<IndicatorRequest> read_request(const WriteContext& ctx) {
  const json::object* body = ctx.body.if_object();
  if (body == nullptr) {
    return std::unexpected(member_problem("invalid-value", "", "the request body must be a JSON object",
                                          "请求体须为 JSON 对象"));
  }
  IndicatorRequest out{{}, Visibility{ctx.today, true}};
  for (const auto& [key, value] : *body) {
    if (key == "expression") {
      if (!value.is_string()) {
        return std::unexpected(member_problem("invalid-value", "expression", "expression: must be a string",
                                              "成员 expression 须为字符串"));
      }
      out.expression = value.get_string();
    } else if (key == "as_of") {
      auto day = value.is_string() ? parse_day(value.get_string(), "as_of") : parse_day("", "as_of");
      if (!day) return std::unexpected(day.error());
      out.visibility.as_of = *day;
    } else if (key == "sample") {
      if (!value.is_bool()) {
        return std::unexpected(member_problem("invalid-value", "sample", "sample: must be true or false",
                                              "成员 sample 须为 true 或 false"));
      }
      out.visibility.include_sample = value.get_bool();
    } else {
      return std::unexpected(member_problem(
          "unknown-field", key,
          fmt::format("unknown member \"{}\" (the body takes expression, as_of, sample)", key),
          fmt::format("不支持成员 {}（请求体只接受 expression、as_of、sample）", std::string_view(key))));
    }
  }
  if (!body->contains("expression")) {
    return std::unexpected(member_problem("missing-field", "expression", "expression: the member is required",
                                          "缺少必填成员 expression"));
  }
  return out;
}

// What is wrong inside an indicator expression, in Chinese ("unknown-field" is a field name of the
// language here, not a request member).
std::string_view expression_zh(std::string_view code) {
  if (code == "syntax-error") return "指标表达式存在语法错误";
  if (code == "type-error") return "指标表达式存在类型错误";
  if (code == "unknown-field") return "指标表达式中有未知的字段名";
  if (code == "unknown-reference") return "指标表达式引用了不存在的对象";
  if (code == "invalid-amount") return "指标表达式中的金额格式无效";
  if (code == "invalid-period") return "指标表达式中的期间格式无效";
  return "指标表达式有误";
}

// A syntax, type or reference error in the expression: field "expression" and its column.
Problem expression_problem(const Error& e) {
  Problem p = problem_from(e);
  p.field = "expression";
  p.column = e.where.column;
  p.detail_en = e.where.column > 0 ? fmt::format("expression, column {}: {}", e.where.column, e.message)
                                   : fmt::format("expression: {}", e.message);
  p.detail_zh = e.where.column > 0 ? fmt::format("{}（第 {} 个字符处）：{}", expression_zh(p.code),
                                                 e.where.column, e.message)
                                   : fmt::format("{}：{}", expression_zh(p.code), e.message);
  return p;
}

json::value period_json(const query::IndicatorResult& r) {
  if (!r.period) return nullptr;
  const std::string text = r.coverage_text();
  return json::value(text.empty() ? r.period->text : text);
}

json::array records_json(const Snapshot& s, const query::IndicatorResult& r) {
  json::array out;
  for (std::size_t i = 0; i < r.records.size() && i < kRecordsShown; ++i) {
    const app::RecordLabel label = app::record_label(s, r.set, r.records[i]);
    out.emplace_back(json::object{{"id", label.id}, {"name", names_json(label.name)}});
  }
  return out;
}

json::object meta_json(const Snapshot& s, const Visibility& vis) {
  const DayNumber data_as_of = s.latest_published(vis);
  return json::object{
      {"snapshot_version", s.version},
      {"plan", s.plan.id},
      {"as_of", date_text(vis.as_of)},
      {"data_as_of", data_as_of > 0 ? json::value(date_text(data_as_of)) : json::value(nullptr)},
      {"sample", vis.include_sample}};
}

json::value ratio_json(const std::optional<query::RatioParts>& ratio, MetricUnit unit) {
  if (!ratio) return nullptr;
  return json::object{
      {"numerator", ratio->numerator_has_value ? json::value(ratio->numerator) : json::value(nullptr)},
      {"denominator", ratio->denominator_has_value ? json::value(ratio->denominator) : json::value(nullptr)},
      {"unit", to_string(unit)},
      {"denominator_contributors", ratio->denominator_contributors}};
}

// One group of `… group by FIELD`: its key (null for the records without a value of the field)
// and its value as the whole gives it.
json::object group_json(const query::GroupedResult& g, const query::GroupValue& v) {
  json::object o;
  o["key"] =
      v.key ? json::value(json::object{{"id", g.keys[*v.key].id}, {"name", names_json(g.keys[*v.key].name)}})
            : json::value(nullptr);
  o["value"] = v.has_value ? json::value(v.value) : json::value(nullptr);
  o["has_value"] = v.has_value;
  o["ratio"] = ratio_json(v.ratio, g.total.unit);
  const std::string covered = query::group_coverage_text(v, g.total.period);
  o["period"] =
      g.total.period ? json::value(covered.empty() ? g.total.period->text : covered) : json::value(nullptr);
  o["complete"] = query::group_complete(v, g.total.period);
  o["contributors"] = v.contributors;
  o["sample"] = v.includes_sample;
  return o;
}

}  // namespace

Outcome<json::object> evaluate_indicator(const WriteContext& ctx) {
  auto request = read_request(ctx);
  if (!request) return std::unexpected(request.error());
  auto checked = query::compile_indicator(request->expression, ctx.snapshot);
  if (!checked) return std::unexpected(expression_problem(checked.error()));
  std::optional<query::GroupedResult> grouped;
  std::optional<query::IndicatorResult> whole;
  if (checked->is_grouped()) {
    auto g = query::evaluate_grouped(*checked, ctx.snapshot, request->visibility);
    if (!g) return std::unexpected(expression_problem(g.error()));
    grouped = std::move(*g);
  } else {
    auto r = query::evaluate(*checked, ctx.snapshot, request->visibility);
    if (!r) return std::unexpected(expression_problem(r.error()));
    whole = std::move(*r);
  }
  const query::IndicatorResult* r = grouped ? &grouped->total : &*whole;
  json::object o;
  o["meta"] = meta_json(ctx.snapshot, request->visibility);
  o["expression"] = request->expression;
  o["value"] = r->has_value ? json::value(r->value) : json::value(nullptr);
  o["has_value"] = r->has_value;
  // A ratio is a share in millionths of the whole, the unit of percent targets: 180000 is 18%.
  o["unit"] = r->ratio ? "percent" : to_string(r->unit);
  o["ratio"] = ratio_json(r->ratio, r->unit);
  o["period"] = period_json(*r);
  o["complete"] = r->complete();
  o["contributors"] = r->contributors();
  o["sample"] = r->includes_sample;
  o["set"] = query::to_string(r->set);
  o["records"] = records_json(ctx.snapshot, *r);
  o["group_by"] = grouped ? json::value(grouped->field) : json::value(nullptr);
  o["groups_overlap"] = grouped ? json::value(grouped->overlapping) : json::value(nullptr);
  if (grouped) {
    json::array groups;
    for (const auto& v : grouped->groups)
      groups.emplace_back(group_json(*grouped, v));
    o["groups"] = std::move(groups);
  } else {
    o["groups"] = nullptr;
  }
  return o;
}

}  // namespace atlas::api::internal
