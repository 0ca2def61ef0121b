// Text → syntax tree for the indicator language (docs/indicator-language.md, "Grammar").
#pragma once

#include <string_view>

#include "model/error.hpp"
#include "query/ast.hpp"

namespace atlas::query {

/// Parses `text` into an Indicator without looking at any schema. Fails with kSyntaxError and
/// Location::column (1-based, in characters) at the offending token: an unexpected character, an
/// unterminated string, a missing `(` / `)` / value / period, an unknown aggregate (with a
/// suggestion: `cout` → "count"), a malformed period (`2025-13`, `2025..2021`), unexpected end of
/// input (column one past the last character) or trailing tokens. Pure and thread-safe.
[[nodiscard]] Result<Indicator> parse_indicator(std::string_view text);

}  // namespace atlas::query
