// The indicator language in one include: parse → check → evaluate
// (docs/indicator-language.md). `sum(output_value) where segment = "electric" in 2025`.
#pragma once

#include <optional>
#include <string_view>

#include "model/error.hpp"
#include "model/snapshot.hpp"
#include "query/ast.hpp"
#include "query/checker.hpp"
#include "query/evaluator.hpp"
#include "query/limits.hpp"
#include "query/parser.hpp"
#include "query/schema.hpp"

namespace atlas::query {

/// parse_indicator then check_indicator: the errors of both. Thread-safe.
[[nodiscard]] Result<CheckedIndicator> compile_indicator(std::string_view text, const Snapshot& snapshot,
                                                         const Limits& limits = {});

/// compile_indicator then evaluate, for one-off use; cache the CheckedIndicator to evaluate the
/// same text repeatedly. Thread-safe.
[[nodiscard]] Result<IndicatorResult> evaluate_indicator(std::string_view text, const Snapshot& snapshot,
                                                         const Visibility& visibility = {},
                                                         const Limits& limits = {});

/// The metric an indicator reads: the aggregated field (`sum(output_value)`), else the first metric
/// compared in its conditions (`count(enterprises) where output_value > 1亿`), else (a ratio) the
/// metric its divisor reads; nullopt when it reads none (counts of carriers, projects …).
/// Thread-safe.
[[nodiscard]] std::optional<MetricId> metric_read_by(const Indicator& indicator, const Snapshot& snapshot);

}  // namespace atlas::query
