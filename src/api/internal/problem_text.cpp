#include "api/internal/problem_text.hpp"

#include <array>

#include <fmt/format.h>

namespace atlas::api::internal {
namespace {

struct ProblemText {
  std::string_view code;
  std::string_view title_en;
  std::string_view title_zh;
  std::string_view zh_field;  // with "{}" for the field name
  std::string_view zh_plain;  // without a field
};

constexpr std::array<ProblemText, 41> kTexts{{
    {"invalid-amount", "Invalid amount", "金额无效", "参数 {} 的金额格式无效", "金额格式无效"},
    {"invalid-period", "Invalid period", "期间无效", "参数 {} 的期间格式无效", "期间格式无效"},
    {"invalid-date", "Invalid date", "日期无效", "参数 {} 不是有效日期（应为 YYYY-MM-DD）", "日期格式无效"},
    {"invalid-credit-code", "Invalid credit code", "统一社会信用代码无效",
     "参数 {} 不是有效的统一社会信用代码", "统一社会信用代码无效"},
    {"invalid-value", "Invalid value", "取值无效", "参数 {} 的取值无效", "取值无效"},
    {"missing-field", "Missing field", "缺少字段", "缺少必填参数 {}", "缺少必填字段"},
    {"unknown-field", "Unknown field", "未知字段", "不支持参数 {}", "请求含有不支持的字段"},
    {"unknown-reference", "Unknown reference", "引用不存在", "参数 {} 引用了不存在的对象",
     "引用了不存在的对象"},
    {"duplicate-key", "Duplicate key", "键重复", "参数 {} 的键重复", "记录键重复"},
    {"malformed-csv", "Malformed CSV", "CSV 格式错误", "{} 列的 CSV 格式错误", "CSV 格式错误"},
    {"malformed-plan", "Malformed plan file", "规划文件格式错误", "规划文件的 {} 项格式错误",
     "规划文件格式错误"},
    {"syntax-error", "Syntax error", "语法错误", "参数 {} 存在语法错误", "指标表达式存在语法错误"},
    {"type-error", "Type error", "类型错误", "参数 {} 存在类型错误", "指标表达式存在类型错误"},
    {"store-error", "Store error", "存储错误", "读写 {} 时数据存储出错", "数据存储出错"},
    {"not-found", "Not found", "未找到", "参数 {} 指向的对象不存在", "请求的资源不存在"},
    {"io-error", "I/O error", "读写错误", "读写 {} 时出错", "文件读写出错"},
    {"invalid-argument", "Invalid argument", "参数无效", "参数 {} 无效", "请求参数无效"},
    {"limit-exceeded", "Limit exceeded", "超出限制", "参数 {} 超出允许的上限", "请求超出允许的上限"},
    {"malformed-json", "Malformed JSON", "JSON 格式错误", "成员 {} 不是合法的 JSON", "请求体不是合法的 JSON"},
    {"body-too-large", "Request body too large", "请求体过大", "成员 {} 过大", "请求体超过大小上限"},
    {"json-too-deep", "JSON nested too deeply", "JSON 嵌套过深", "成员 {} 嵌套过深",
     "请求体 JSON 嵌套层数超过上限"},
    {"method-not-allowed", "Method not allowed", "不允许的请求方法", "该路径不支持 {} 请求方法",
     "该路径不支持此请求方法"},
    {"unsupported-media-type", "Unsupported media type", "不支持的媒体类型", "{} 不是支持的媒体类型",
     "请求体的类型须为 application/json"},
    // Transport codes: the server's own problems (docs/server.md), built through Api::problem.
    {"invalid-path", "Invalid path", "路径无效", "路径 {} 无效", "请求路径无效"},
    {"web-app-not-built", "Web app not built", "网页应用尚未构建", "{} 中没有构建好的网页应用",
     "网页应用尚未构建"},
    {"malformed-request", "Malformed request", "请求格式错误", "请求的 {} 格式错误", "HTTP 请求格式错误"},
    {"header-too-large", "Request headers too large", "请求头过大", "请求头 {} 过大", "请求头超过大小上限"},
    {"internal", "Internal error", "内部错误", "处理 {} 时服务器内部出错", "服务器内部错误"},
    {"overloaded", "Server busy", "服务器繁忙", "处理 {} 的请求过多，请稍后重试", "服务器繁忙，请稍后重试"},
    // Sessions and writes (docs/security.md).
    {"wrong-credentials", "Wrong user name or password", "用户名或密码错误", "{} 不正确", "用户名或密码错误"},
    {"account-disabled", "Account disabled", "账号已停用", "账号 {} 已停用", "账号已停用"},
    {"locked-out", "Account locked", "账号已锁定", "账号 {} 因多次登录失败已锁定",
     "账号因多次登录失败已锁定"},
    {"too-many-attempts", "Too many sign-in attempts", "登录尝试过于频繁", "{} 的登录尝试过于频繁",
     "登录尝试过于频繁，请稍后再试"},
    {"setup-closed", "Setup link not valid", "初始化链接无效", "{} 无效或已使用",
     "首个管理员链接无效或已使用"},
    {"session-expired", "Signed out", "登录已失效", "{} 已失效，请重新登录", "登录已失效，请重新登录"},
    {"csrf-token-missing", "CSRF token missing", "缺少 CSRF 令牌", "缺少请求头 {}", "写请求缺少 CSRF 令牌"},
    {"csrf-token-invalid", "CSRF token invalid", "CSRF 令牌无效", "请求头 {} 无效", "写请求的 CSRF 令牌无效"},
    {"cross-site-write", "Cross-site write refused", "拒绝跨站写入", "拒绝来自 {} 的写请求",
     "拒绝来自其他站点的写请求"},
    {"sign-in-required", "Sign-in required", "需要登录", "访问 {} 需要登录", "需要登录后访问"},
    {"forbidden", "Forbidden", "无权访问", "当前账号无权访问 {}", "当前账号无权执行此操作"},
    {"store-unavailable", "Store unavailable", "数据存储暂不可用", "读取 {} 时数据存储不可用",
     "数据存储暂不可用，请稍后重试"},
}};

constexpr auto kCodes = [] {
  std::array<std::string_view, kTexts.size()> out{};
  for (std::size_t i = 0; i < kTexts.size(); ++i)
    out[i] = kTexts[i].code;
  return out;
}();

const ProblemText* find(std::string_view code) {
  for (const auto& t : kTexts) {
    if (t.code == code) return &t;
  }
  return nullptr;
}

}  // namespace

std::span<const std::string_view> problem_codes() {
  return kCodes;
}

std::string_view problem_title(std::string_view code, bool chinese) {
  const ProblemText* t = find(code);
  if (t == nullptr) return chinese ? "请求出错" : "Request failed";
  return chinese ? t->title_zh : t->title_en;
}

std::string problem_zh(std::string_view code, std::string_view field) {
  const ProblemText* t = find(code);
  if (t == nullptr) return field.empty() ? "请求出错" : fmt::format("参数 {} 有误", field);
  if (field.empty()) return std::string(t->zh_plain);
  return fmt::format(fmt::runtime(t->zh_field), field);
}

}  // namespace atlas::api::internal
