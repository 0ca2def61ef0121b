#include "api/internal/request.hpp"

#include <algorithm>
#include <cctype>

#include <boost/json/error.hpp>
#include <boost/json/parse_options.hpp>
#include <boost/json/stream_parser.hpp>
#include <fmt/format.h>

namespace atlas::api::internal {

namespace json = boost::json;

namespace {

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

// Line and column (1-based, bytes) of `offset` in `text`.
std::pair<std::size_t, std::size_t> line_column(std::string_view text, std::size_t offset) {
  offset = std::min(offset, text.size());
  const std::string_view before = text.substr(0, offset);
  const std::size_t line = 1 + static_cast<std::size_t>(std::count(before.begin(), before.end(), '\n'));
  const auto last_newline = before.rfind('\n');
  const std::size_t column = last_newline == std::string_view::npos ? offset + 1 : offset - last_newline;
  return {line, column};
}

}  // namespace

Outcome<DayNumber> parse_day(std::string_view text, std::string_view field) {
  const bool shaped = text.size() == 10 && text[4] == '-' && text[7] == '-' &&
                      std::all_of(text.begin(), text.begin() + 4, is_digit) && is_digit(text[5]) &&
                      is_digit(text[6]) && is_digit(text[8]) && is_digit(text[9]);
  if (shaped) {
    if (auto date = parse_date(text); date && date->precision == DatePrecision::kDay)
      return date->first_day();
  }
  return std::unexpected(Problem{
      400, "invalid-date", fmt::format("{}: \"{}\" is not a date written YYYY-MM-DD", field, text),
      fmt::format("参数 {} 须为 YYYY-MM-DD 格式的有效日期，收到“{}”", field, text), std::string(field), 0});
}

Outcome<json::value> parse_json_body(std::string_view body, std::size_t max_depth) {
  json::parse_options options;
  options.max_depth = max_depth;
  json::stream_parser parser({}, options);
  json::error_code ec;
  const std::size_t consumed = parser.write(body.data(), body.size(), ec);
  if (!ec) parser.finish(ec);
  if (!ec) return parser.release();
  if (ec == json::error::too_deep) {
    return std::unexpected(Problem{400,
                                   "json-too-deep",
                                   fmt::format("the request body nests deeper than {} levels", max_depth),
                                   fmt::format("请求体 JSON 的嵌套层数超过上限 {}", max_depth),
                                   {},
                                   0});
  }
  const std::size_t offset = ec == json::error::incomplete ? body.size() : consumed;
  const auto [line, column] = line_column(body, offset);
  return std::unexpected(
      Problem{400,
              "malformed-json",
              fmt::format("the request body is not valid JSON: {} at byte {} (line {}, column {})",
                          ec.message(), offset, line, column),
              fmt::format("请求体不是合法的 JSON：第 {} 行第 {} 列（字节 {}）出错", line, column, offset),
              {},
              0});
}

bool is_json_media_type(std::string_view content_type) {
  std::string_view type = content_type.substr(0, content_type.find(';'));
  while (!type.empty() && (type.front() == ' ' || type.front() == '\t'))
    type.remove_prefix(1);
  while (!type.empty() && (type.back() == ' ' || type.back() == '\t'))
    type.remove_suffix(1);
  constexpr std::string_view kJson = "application/json";
  return type.size() == kJson.size() &&
         std::equal(type.begin(), type.end(), kJson.begin(),
                    [](char a, char b) { return std::tolower(static_cast<unsigned char>(a)) == b; });
}

}  // namespace atlas::api::internal
