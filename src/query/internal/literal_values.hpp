// Typing a comparison: which operators a field takes and what its literal means.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>

#include "model/error.hpp"
#include "query/ast.hpp"
#include "query/internal/fields.hpp"

namespace atlas::query::internal {

/// An error of `code` at `pos`.
[[nodiscard]] std::unexpected<Error> error_at(ErrorCode code, const SourcePos& pos, std::string message);

/// kTypeError at the operator when `field`'s type does not take `c.op` (`segment > 5`).
[[nodiscard]] Result<void> check_operator(const Condition& c, const FieldSpec& field);

/// The integer of a number literal: an amount for kAmount fields (parse_amount: 10亿, 2.5e9), a
/// plain integer for kCount fields. kTypeError for a string or word, or an amount with a unit
/// given to a count; kSyntaxError for a malformed number.
[[nodiscard]] Result<std::int64_t> number_value(const Condition& c, const FieldSpec& field);

/// The text of a "string" literal; kTypeError for a number or word (`zone = lead-park`).
[[nodiscard]] Result<std::string_view> text_value(const Condition& c, const FieldSpec& field);

/// The index in `words` of a word or "string" literal; kTypeError (with a suggestion) for a value
/// that is not one of them, naming them all.
[[nodiscard]] Result<std::size_t> enum_value(const Condition& c, const FieldSpec& field,
                                             std::span<const std::string_view> words);

/// The boolean a condition on a bool field asks for: a bare field is true; `= false` is false;
/// `!=` inverts. kTypeError for anything but the words true and false.
[[nodiscard]] Result<bool> bool_value(const Condition& c, const FieldSpec& field);

/// kUnknownReference: `unknown zone "lead-prak" — did you mean "lead-park"?` at the literal.
[[nodiscard]] std::unexpected<Error> unknown_reference(const Condition& c, std::string_view what,
                                                       std::span<const std::string_view> known);

/// Whether `lhs op rhs` holds.
[[nodiscard]] constexpr bool compare(std::int64_t lhs, CompareOp op, std::int64_t rhs) {
  switch (op) {
    case CompareOp::kEqual:
      return lhs == rhs;
    case CompareOp::kNotEqual:
      return lhs != rhs;
    case CompareOp::kLess:
      return lhs < rhs;
    case CompareOp::kLessEqual:
      return lhs <= rhs;
    case CompareOp::kGreater:
      return lhs > rhs;
    case CompareOp::kGreaterEqual:
      return lhs >= rhs;
  }
  return false;
}

}  // namespace atlas::query::internal
