// Period literals: `2025`, `2025-09`, `2025-01~09`, and ranges `A..B` of those.
#pragma once

#include <cstddef>
#include <vector>

#include "model/error.hpp"
#include "query/ast.hpp"
#include "query/internal/lexer.hpp"

namespace atlas::query::internal {

/// Reads a period starting at tokens[pos] and advances pos past it. kSyntaxError at the
/// offending token for anything else: not a period, a year outside 1000..5000, a month outside
/// 1..12, a day (`2025-09-30`), months or a range that run backwards.
[[nodiscard]] Result<PeriodSpec> parse_period_literal(const std::vector<Token>& tokens, std::size_t& pos);

}  // namespace atlas::query::internal
