#include "query/internal/literal_values.hpp"

#include <fmt/format.h>

#include "model/units.hpp"
#include "query/internal/suggest.hpp"

namespace atlas::query::internal {
namespace {

bool is_equality(CompareOp op) {
  return op == CompareOp::kEqual || op == CompareOp::kNotEqual;
}

bool takes_order(FieldType type) {
  return type == FieldType::kOrdered || type == FieldType::kAmount || type == FieldType::kCount;
}

std::string literal_as_written(const Literal& l) {
  return l.kind == LiteralKind::kString ? fmt::format("the string \"{}\"", l.text)
                                        : fmt::format("\"{}\"", l.text);
}

std::string joined(std::span<const std::string_view> words) {
  std::string out;
  for (auto w : words)
    out += (out.empty() ? "" : ", ") + std::string(w);
  return out;
}

}  // namespace

std::unexpected<Error> error_at(ErrorCode code, const SourcePos& pos, std::string message) {
  return fail(code, std::move(message), {}, Location{{}, 0, pos.column});
}

Result<void> check_operator(const Condition& c, const FieldSpec& field) {
  if (is_equality(c.op) ? field.type != FieldType::kDate : takes_order(field.type)) return {};
  if (field.type == FieldType::kDate) {
    return error_at(ErrorCode::kTypeError, c.op_pos,
                    fmt::format("{} is a date: write \"{} in 2021..2025\"", field.name, field.name));
  }
  return error_at(
      ErrorCode::kTypeError, c.op_pos,
      fmt::format("{} is {} {} and takes only = or !=, not {}", field.name,
                  field.type == FieldType::kEnum ? "an" : "a", to_string(field.type), to_string(c.op)));
}

Result<std::int64_t> number_value(const Condition& c, const FieldSpec& field) {
  const Literal& l = c.literal;
  const bool amount = field.type == FieldType::kAmount;
  const char* example = amount ? "such as 10亿, 5000万 or 2.5e9" : "such as 2, 150 or 530万";
  if (l.kind != LiteralKind::kNumber) {
    return error_at(ErrorCode::kTypeError, l.pos,
                    fmt::format("{} is {} and compares with a number {}, not {}", field.name,
                                amount ? "an amount" : "a count", example, literal_as_written(l)));
  }
  if (amount) {
    auto yuan = parse_amount(l.text);
    if (!yuan) return error_at(ErrorCode::kSyntaxError, l.pos, yuan.error().message);
    return *yuan;
  }
  auto count = parse_count(l.text);
  if (!count) {
    return error_at(ErrorCode::kTypeError, l.pos,
                    fmt::format("{} is a count and compares with a whole number {}, not \"{}\"", field.name,
                                example, l.text));
  }
  return *count;
}

Result<std::string_view> text_value(const Condition& c, const FieldSpec& field) {
  const Literal& l = c.literal;
  if (l.kind == LiteralKind::kString) return std::string_view(l.text);
  return error_at(ErrorCode::kTypeError, l.pos,
                  fmt::format("{} compares with a quoted string: write {} {} \"{}\"", field.name, field.name,
                              to_string(c.op), l.text));
}

Result<std::size_t> enum_value(const Condition& c, const FieldSpec& field,
                               std::span<const std::string_view> words) {
  const Literal& l = c.literal;
  if (l.kind != LiteralKind::kNumber) {
    for (std::size_t i = 0; i < words.size(); ++i) {
      if (words[i] == l.text) return i;
    }
  }
  Suggester suggester(l.text);
  suggester.consider_all(words);
  return error_at(ErrorCode::kTypeError, l.pos,
                  fmt::format("{} is not a {} value{} (values: {})", literal_as_written(l), field.name,
                              suggester.hint(), joined(words)));
}

Result<bool> bool_value(const Condition& c, const FieldSpec& field) {
  if (c.kind == ConditionKind::kFlag) return true;
  const Literal& l = c.literal;
  if (l.kind == LiteralKind::kWord && (l.text == "true" || l.text == "false")) {
    return (l.text == "true") == (c.op == CompareOp::kEqual);
  }
  return error_at(ErrorCode::kTypeError, l.pos,
                  fmt::format("{} is true or false: write \"{}\" or \"not {}\", not {}", field.name,
                              field.name, field.name, literal_as_written(l)));
}

std::unexpected<Error> unknown_reference(const Condition& c, std::string_view what,
                                         std::span<const std::string_view> known) {
  Suggester suggester(c.literal.text);
  suggester.consider_all(known);
  return error_at(ErrorCode::kUnknownReference, c.literal.pos,
                  fmt::format("unknown {} \"{}\"{}", what, c.literal.text, suggester.hint()));
}

}  // namespace atlas::query::internal
