#include "io/internal/cells.hpp"

#include <algorithm>

#include "model/units.hpp"

namespace atlas::io::internal {

std::string_view trim(std::string_view text) {
  // A plain loop: find_first_not_of calls memchr once per character.
  const auto blank = [](char c) { return c == ' ' || c == '\t'; };
  std::size_t first = 0;
  std::size_t last = text.size();
  while (first < last && blank(text[first]))
    ++first;
  while (last > first && blank(text[last - 1]))
    --last;
  return text.substr(first, last - first);
}

bool is_slug(std::string_view text) {
  const auto lower_or_digit = [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); };
  if (text.empty() || !lower_or_digit(text.front())) return false;
  return std::ranges::all_of(text, [&](char c) { return lower_or_digit(c) || c == '-'; });
}

std::vector<std::string> split_list(std::string_view text) {
  std::vector<std::string> items;
  while (!text.empty()) {
    const auto semicolon = text.find(';');
    const std::string_view item = trim(text.substr(0, semicolon));
    if (!item.empty()) items.emplace_back(item);
    if (semicolon == std::string_view::npos) break;
    text.remove_prefix(semicolon + 1);
  }
  return items;
}

std::optional<bool> parse_bool(std::string_view text) {
  if (text == "true" || text == "1" || text == "是") return true;
  if (text == "false" || text == "0" || text == "否") return false;
  return std::nullopt;
}

std::string join_list(const std::vector<std::string>& items) {
  std::string out;
  for (const std::string& item : items) {
    if (!out.empty()) out += ';';
    out += item;
  }
  return out;
}

std::string date_text(const std::optional<Date>& date) {
  return date ? date->to_string() : std::string();
}

std::string_view bool_text(const std::optional<bool>& value) {
  if (!value) return {};
  return *value ? "true" : "false";
}

std::string count_text(const std::optional<std::int64_t>& value) {
  return value ? std::to_string(*value) : std::string();
}

std::string amount_text(const std::optional<std::int64_t>& value) {
  return value ? format_amount(*value) : std::string();
}

Cells::Cells(std::span<const ColumnSpec> schema, std::span<const int> field_of_column,
             const std::string& file)
    : schema_(schema), field_of_column_(field_of_column), file_(file) {
}

void Cells::reset(std::span<const std::string_view> fields, std::uint32_t line) {
  fields_ = fields;
  line_ = line;
  errors_.clear();
}

std::string_view Cells::view(std::size_t c) const {
  const int field = field_of_column_[c];
  return field < 0 ? std::string_view() : trim(fields_[static_cast<std::size_t>(field)]);
}

void Cells::fail(std::size_t c, ErrorCode code, std::string message) {
  const int field = field_of_column_[c];
  const auto column = field < 0 ? 0U : static_cast<std::uint32_t>(field) + 1;
  errors_.push_back(
      Error{code, std::move(message), Location{file_, line_, column}, std::string(schema_[c].name)});
}

void Cells::fail(std::size_t c, const Error& error) {
  fail(c, error.code, error.message);
}

bool Cells::missing(std::size_t c) {
  if (!view(c).empty()) return false;
  if (schema_[c].required) fail(c, ErrorCode::kMissingField, "a value is required");
  return true;
}

std::string Cells::text(std::size_t c) {
  missing(c);
  return std::string(view(c));
}

std::string Cells::slug(std::size_t c) {
  const std::string_view cell = view(c);
  if (missing(c)) return {};
  if (!is_slug(cell)) {
    fail(c, ErrorCode::kInvalidValue,
         "'" + std::string(cell) +
             "' is not an id (lowercase letters, digits and '-', not starting with '-')");
  }
  return std::string(cell);
}

std::string Cells::code(std::size_t c) {
  const std::string_view cell = view(c);
  if (missing(c)) return {};
  if (std::ranges::any_of(cell, [](char c) { return c == ' ' || c == '\t' || c == ',' || c == ';'; })) {
    fail(c, ErrorCode::kInvalidValue, "'" + std::string(cell) + "' is not a code (no spaces, ',' or ';')");
  }
  return std::string(cell);
}

std::optional<Date> Cells::date(std::size_t c) {
  if (missing(c)) return std::nullopt;
  auto parsed = parse_date(view(c));
  if (parsed) return *parsed;
  fail(c, parsed.error());
  return std::nullopt;
}

std::optional<bool> Cells::flag(std::size_t c) {
  if (missing(c)) return std::nullopt;
  if (auto parsed = parse_bool(view(c))) return parsed;
  fail(c, ErrorCode::kInvalidValue, "'" + std::string(view(c)) + "' is not a bool (true/false, 1/0, 是/否)");
  return std::nullopt;
}

std::optional<std::int64_t> Cells::count(std::size_t c) {
  if (missing(c)) return std::nullopt;
  auto parsed = parse_count(view(c));
  if (parsed) return *parsed;
  fail(c, parsed.error());
  return std::nullopt;
}

std::optional<std::int64_t> Cells::amount(std::size_t c) {
  if (missing(c)) return std::nullopt;
  auto parsed = parse_amount(view(c));
  if (parsed) return *parsed;
  fail(c, parsed.error());
  return std::nullopt;
}

std::vector<std::string> Cells::list(std::size_t c) {
  if (missing(c)) return {};
  return split_list(view(c));
}

}  // namespace atlas::io::internal
