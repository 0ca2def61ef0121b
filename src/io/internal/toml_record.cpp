#include "io/internal/toml_record.hpp"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "io/internal/cells.hpp"
#include "model/text.hpp"
#include "model/units.hpp"

namespace atlas::io::internal {
namespace {

constexpr std::array<std::string_view, 2> kNameKeys = {"zh", "en"};

std::string_view type_name(const toml::node& node) {
  switch (node.type()) {
    case toml::node_type::string:
      return "a string";
    case toml::node_type::integer:
      return "an integer";
    case toml::node_type::floating_point:
      return "a number";
    case toml::node_type::boolean:
      return "a boolean";
    case toml::node_type::date:
      return "a date";
    case toml::node_type::time:
      return "a time";
    case toml::node_type::date_time:
      return "a date-time";
    case toml::node_type::array:
      return "an array";
    case toml::node_type::table:
      return "a table";
    default:
      return "nothing";
  }
}

}  // namespace

Location location_of(const toml::source_region& region, const std::string& file) {
  return Location{file, region.begin.line, region.begin.column};
}

TomlRecord::TomlRecord(const toml::table& table, std::string path, std::string at_prefix,
                       std::span<const std::string_view> keys, const std::string& file,
                       std::vector<Error>& errors, std::vector<FieldPos>& positions)
    : table_(table),
      path_(std::move(path)),
      at_prefix_(std::move(at_prefix)),
      file_(file),
      errors_(errors),
      positions_(positions) {
  for (auto&& [key, node] : table_) {
    if (std::ranges::find(keys, key.str()) != keys.end()) continue;
    fail(key.str(), key.source(), ErrorCode::kUnknownField,
         fmt::format("unknown key in {}{}", path_, did_you_mean(key.str(), keys)));
  }
}

void TomlRecord::fail(std::string_view key, const toml::source_region& where, ErrorCode code,
                      std::string message) {
  errors_.push_back(
      Error{code, std::move(message), location_of(where, file_), fmt::format("{}.{}", path_, key)});
}

void TomlRecord::wrong_type(std::string_view key, const toml::node& node, std::string_view expected) {
  fail(key, node.source(), ErrorCode::kInvalidValue,
       fmt::format("expected {}, found {}", expected, type_name(node)));
}

void TomlRecord::reject(std::string_view key, const Error& error) {
  const toml::node* node = table_.get(key);
  fail(key, node != nullptr ? node->source() : table_.source(), error.code, error.message);
}

bool TomlRecord::acceptable(std::string_view key, const toml::node& node, std::string_view value) {
  // The pre-scan (toml_prescan.hpp) already refuses bad bytes and escapes at their column; this
  // keeps the rule for any other way a table reaches here.
  const auto fault = check_input_text(value);
  if (!fault) return true;
  fail(key, node.source(), ErrorCode::kInvalidValue, fault->reason);
  return false;
}

RowOrigin TomlRecord::origin(std::uint32_t source) const {
  const auto& begin = table_.source().begin;
  return RowOrigin{source, begin.line, begin.column};
}

const toml::node* TomlRecord::get(std::string_view key, bool required) {
  const toml::node* node = table_.get(key);
  if (node == nullptr) {
    if (required) fail(key, table_.source(), ErrorCode::kMissingField, "a value is required");
    return nullptr;
  }
  const auto& begin = node->source().begin;
  positions_.push_back(FieldPos{at_prefix_ + std::string(key), begin.line, begin.column});
  return node;
}

std::string TomlRecord::text(std::string_view key, bool required) {
  const toml::node* node = get(key, required);
  if (node == nullptr) return {};
  const std::optional<std::string_view> value = node->value<std::string_view>();
  if (!value) {
    wrong_type(key, *node, "a string");
    return {};
  }
  if (!acceptable(key, *node, *value)) return {};
  if (required && trim(*value).empty())
    fail(key, node->source(), ErrorCode::kMissingField, "a value is required");
  return std::string(*value);
}

std::string TomlRecord::slug(std::string_view key, bool required) {
  std::string value = text(key, required);
  if (!value.empty() && !is_slug(value)) {
    fail(key, table_.get(key)->source(), ErrorCode::kInvalidValue,
         "'" + value + "' is not an id (lowercase letters, digits and '-', not starting with '-')");
  }
  return value;
}

Names TomlRecord::names(std::string_view key, bool required) {
  const toml::node* node = get(key, required);
  if (node == nullptr) return {};
  if (auto zh = node->value<std::string_view>()) return Names{std::string(*zh), {}};
  const toml::table* inner = node->as_table();
  if (inner == nullptr) {
    wrong_type(key, *node, "a table { zh = \"…\", en = \"…\" }");
    return {};
  }
  TomlRecord names(*inner, fmt::format("{}.{}", path_, key), at_prefix_ + std::string(key) + ".", kNameKeys,
                   file_, errors_, positions_);
  return Names{names.text("zh", required), names.text("en")};
}

std::vector<std::string> TomlRecord::strings(std::string_view key) {
  const toml::node* node = get(key, false);
  if (node == nullptr) return {};
  std::vector<std::string> out;
  if (const toml::array* items = node->as_array()) {
    for (const toml::node& item : *items) {
      if (auto text = item.value<std::string_view>()) {
        if (acceptable(key, item, *text)) out.emplace_back(*text);
      } else {
        wrong_type(key, item, "a string");
      }
    }
    return out;
  }
  wrong_type(key, *node, "an array of strings");
  return out;
}

std::optional<Date> TomlRecord::date(std::string_view key) {
  const toml::node* node = get(key, false);
  if (node == nullptr) return std::nullopt;
  if (const auto* d = node->as_date()) {
    // toml++ accepts 0000-01-01; the one date rule (model/period.hpp) does not, nor the store.
    const toml::date& v = d->get();
    auto date = make_date(v.year, v.month, v.day, DatePrecision::kDay);
    if (date) return *date;
    reject(key, date.error());
    return std::nullopt;
  }
  std::string text;
  if (auto s = node->value<std::string_view>()) {
    text = std::string(*s);
  } else if (const auto* year = node->as_integer()) {
    text = std::to_string(year->get());
  } else {
    wrong_type(key, *node, "a date (2021-07-02, \"2021-07\" or 2021)");
    return std::nullopt;
  }
  auto parsed = parse_date(text);
  if (parsed) return *parsed;
  fail(key, node->source(), parsed.error().code, parsed.error().message);
  return std::nullopt;
}

std::optional<std::int64_t> TomlRecord::integer(std::string_view key, bool required) {
  const toml::node* node = get(key, required);
  if (node == nullptr) return std::nullopt;
  if (const auto* value = node->as_integer()) return value->get();
  wrong_type(key, *node, "an integer");
  return std::nullopt;
}

bool TomlRecord::boolean(std::string_view key) {
  const toml::node* node = get(key, false);
  if (node == nullptr) return false;
  if (const auto* value = node->as_boolean()) return value->get();
  wrong_type(key, *node, "true or false");
  return false;
}

int TomlRecord::year(std::string_view key, bool required) {
  const std::optional<std::int64_t> value = integer(key, required);
  if (!value) return 0;
  auto year = check_year(*value);
  if (year) return *year;
  reject(key, year.error());
  return 0;
}

std::optional<std::int64_t> TomlRecord::amount(std::string_view key) {
  const toml::node* node = get(key, false);
  if (node == nullptr) return std::nullopt;
  if (const auto* value = node->as_integer()) {
    if (value->get() >= 0) return value->get();
    fail(key, node->source(), ErrorCode::kInvalidAmount, "an amount cannot be negative");
    return std::nullopt;
  }
  const std::optional<std::string_view> text = node->value<std::string_view>();
  if (!text) {
    wrong_type(key, *node, "an amount (\"5亿\", \"5000万\" or an integer number of yuan)");
    return std::nullopt;
  }
  if (trim(*text).empty()) return std::nullopt;
  auto parsed = parse_amount(trim(*text));
  if (parsed) return *parsed;
  fail(key, node->source(), parsed.error().code, parsed.error().message);
  return std::nullopt;
}

std::optional<std::int64_t> TomlRecord::millionths(std::string_view key, double max) {
  const toml::node* node = get(key, false);
  if (node == nullptr) return std::nullopt;
  const std::optional<double> value = node->value<double>();  // an integer or a float
  if (!value || node->is_boolean()) {
    wrong_type(key, *node, "a number such as 0.5");
    return std::nullopt;
  }
  const double scaled = *value * 1e6;
  if (!(*value >= 0 && *value <= max) || std::abs(scaled - std::round(scaled)) > 1e-6) {
    fail(key, node->source(), ErrorCode::kInvalidValue,
         fmt::format("{} must be a number from 0 to {} with at most six decimals, not {}", key, max, *value));
    return std::nullopt;
  }
  return static_cast<std::int64_t>(std::llround(scaled));
}

std::string TomlRecord::text_or_integer(std::string_view key, bool required) {
  const toml::node* node = get(key, required);
  if (node == nullptr) return {};
  if (auto text = node->value<std::string_view>()) {
    if (!acceptable(key, *node, *text)) return {};
    if (required && trim(*text).empty())
      fail(key, node->source(), ErrorCode::kMissingField, "a value is required");
    return std::string(*text);
  }
  if (const auto* value = node->as_integer()) return std::to_string(value->get());
  wrong_type(key, *node, "a string or an integer");
  return {};
}

const toml::array* TomlRecord::tables(std::string_view key) {
  const toml::node* node = get(key, false);
  if (node == nullptr) return nullptr;
  const toml::array* array = node->as_array();
  if (array != nullptr && array->is_array_of_tables()) return array;
  wrong_type(key, *node, fmt::format("an array of tables [[{}.{}]]", path_, key));
  return nullptr;
}

const toml::table* TomlRecord::table(std::string_view key) {
  const toml::node* node = get(key, false);
  if (node == nullptr) return nullptr;
  if (const toml::table* inner = node->as_table()) return inner;
  wrong_type(key, *node, "a table");
  return nullptr;
}

}  // namespace atlas::io::internal
