// figure(METRIC) of "SUBJECT": a figure stated about a region or another aggregate (facts.csv:
// China's output, a province's charging points) rather than added up from records.
#pragma once

#include "model/error.hpp"
#include "model/snapshot.hpp"
#include "query/indicator.hpp"
#include "query/internal/program.hpp"

namespace atlas::query::internal {

/// Checks the figure an indicator names and keeps the facts it may read (p.figure_facts). Errors:
/// kTypeError without a period, with a `where`, or for a figure that is not an amount or a count
/// (a percent: divide the figures it is made of); kUnknownReference for a subject no fact has,
/// kUnknownField for a metric the subject has no figure of — each with the nearest known one.
[[nodiscard]] Result<void> resolve_figure(const Indicator& ind, const Snapshot& s, Program& p);

/// The figure of p's facts stated for exactly p's period and visible under `vis` (a fact counts as
/// known from the end of the month after its period; a sample one only with sample data): its
/// value, in out.value; no value when no such figure is stated.
[[nodiscard]] Result<void> read_figure(const Program& p, const Snapshot& s, const Visibility& vis,
                                       IndicatorResult& out);

}  // namespace atlas::query::internal
