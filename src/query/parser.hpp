// Text → syntax tree for the indicator language (docs/indicator-language.md, "Grammar").
#pragma once

#include <string_view>

#include "model/error.hpp"
#include "query/ast.hpp"
#include "query/limits.hpp"

namespace atlas::query {

/// Parses `text` into an Indicator without looking at any schema. Fails with kSyntaxError and
/// Location::column (1-based, in characters) at the offending token: an unexpected character, an
/// unterminated string, a missing `(` / `)` / value / period, an unknown aggregate (with a
/// suggestion: `cout` → "count"), a malformed period (`2025-13`, `2025..2021`), unexpected end of
/// input (column one past the last character) or trailing tokens. Fails with kLimitExceeded,
/// before reading further, when the text is longer than limits.max_bytes, nests `( … )` / `not`
/// deeper than limits.max_depth or has more than limits.max_conditions conditions (the column is
/// where the limit is crossed). Pure and thread-safe; stack use is bounded by max_depth.
[[nodiscard]] Result<Indicator> parse_indicator(std::string_view text, const Limits& limits = {});

}  // namespace atlas::query
