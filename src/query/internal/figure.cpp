#include "query/internal/figure.hpp"

#include <algorithm>
#include <string_view>
#include <vector>

#include <fmt/format.h>

#include "model/provenance.hpp"
#include "model/units.hpp"
#include "query/internal/literal_values.hpp"
#include "query/internal/suggest.hpp"

namespace atlas::query::internal {
namespace {

// The unit a fact's figure is read in (fact_unit, or the measure of the plan's declared unit it
// names); nullopt for a figure that is neither money nor a count.
std::optional<MetricUnit> unit_of(const FactRecord& f, const Snapshot& s) {
  const auto measure = unit_measure(fact_unit(f), s.units);
  if (measure == TargetUnit::kYuan) return MetricUnit::kYuan;
  if (measure == TargetUnit::kCount) return MetricUnit::kCount;
  return std::nullopt;
}

}  // namespace

Result<void> resolve_figure(const Indicator& ind, const Snapshot& s, Program& p) {
  if (!ind.period) {
    return error_at(ErrorCode::kTypeError, ind.subject_pos,
                    "a figure is stated for a period: end the indicator with \"in 2025\" (or 2025-09, "
                    "2025-01~09)");
  }
  if (ind.where) {
    return error_at(ErrorCode::kTypeError, ind.conditions[*ind.where].pos,
                    "a figure is stated whole: it takes no where (write the condition into its subject's "
                    "figures, or add up records with sum)");
  }
  std::vector<std::string_view> subjects;
  std::vector<std::string_view> metrics;
  for (std::uint32_t i = 0; i < s.facts.size(); ++i) {
    const FactRecord& f = s.facts[i];
    if (std::ranges::find(subjects, f.subject) == subjects.end()) subjects.emplace_back(f.subject);
    if (f.subject != ind.figure_of) continue;
    if (std::ranges::find(metrics, f.metric) == metrics.end()) metrics.emplace_back(f.metric);
    if (f.metric == ind.subject) p.figure_facts.push_back(i);
  }
  if (metrics.empty()) {
    Suggester suggester(ind.figure_of);
    suggester.consider_all(subjects);
    return error_at(ErrorCode::kUnknownReference, ind.figure_of_pos,
                    fmt::format("no figure is stated about \"{}\"{}", ind.figure_of, suggester.hint()));
  }
  if (p.figure_facts.empty()) {
    Suggester suggester(ind.subject);
    suggester.consider_all(metrics);
    std::string known;
    for (std::string_view m : metrics)
      known += (known.empty() ? "" : ", ") + std::string(m);
    return error_at(ErrorCode::kUnknownField, ind.subject_pos,
                    fmt::format("no figure of {} is stated about \"{}\"{} (its figures: {})", ind.subject,
                                ind.figure_of, suggester.hint(), known));
  }
  const FactRecord& first = s.facts[p.figure_facts.front()];
  const auto unit = unit_of(first, s);
  if (!unit) {
    return error_at(ErrorCode::kTypeError, ind.subject_pos,
                    fmt::format("the figures of {} about \"{}\" are in {}, not an amount or a count: divide "
                                "the figures it is made of",
                                ind.subject, ind.figure_of, first.unit.empty() ? "no unit" : first.unit));
  }
  p.unit = *unit;
  return {};
}

Result<void> read_figure(const Program& p, const Snapshot& s, const Visibility& vis, IndicatorResult& out) {
  out.has_value = false;
  for (std::uint32_t i : p.figure_facts) {
    const FactRecord& f = s.facts[i];
    const auto period = parse_period(f.period);
    if (!period || period->first != p.period->first || period->last != p.period->last) continue;
    const bool sample = is_sample(f.provenance);
    if ((sample && !vis.include_sample) || period->default_published() > vis.as_of) continue;
    if (unit_of(f, s) != p.unit) continue;
    auto value = p.unit == MetricUnit::kYuan ? parse_amount(f.value) : parse_count(f.value);
    if (!value) {
      return fail(ErrorCode::kInvalidValue,
                  fmt::format("fact {}: its value \"{}\" is not {}: {}", f.id, f.value,
                              p.unit == MetricUnit::kYuan ? "an amount" : "a count", value.error().message));
    }
    out.value = *value;
    out.has_value = true;
    out.fact = i;
    out.includes_sample = sample;
    return {};
  }
  return {};
}

}  // namespace atlas::query::internal
