#include "query/internal/metric_reader.hpp"

#include <algorithm>
#include <limits>

namespace atlas::query::internal {

RollupGate rollup_gate(const Snapshot& snapshot, MetricId metric, int year) {
  // The Snapshot keeps, per metric and year, the day by which every figure of the year was out.
  const YearRollup& rollup = snapshot.rollups[metric.value];
  RollupGate gate{metric, year, std::numeric_limits<DayNumber>::min()};
  const int slot = year - rollup.first_year;
  if (slot >= 0 && slot < rollup.years)
    gate.all_visible_from = rollup.published_by[static_cast<std::size_t>(slot)];
  return gate;
}

MetricReader::MetricReader(const Program& program, const Snapshot& snapshot, MetricId metric,
                           const Visibility& visibility)
    : snapshot_(snapshot),
      metric_(metric),
      first_(program.period ? program.period->first : MonthIndex{0}),
      last_(program.period ? program.period->last : MonthIndex{0}),
      visibility_(visibility) {
  if (!visibility.include_sample) return;
  const auto gate = std::find_if(program.rollup_gates.begin(), program.rollup_gates.end(),
                                 [&](const RollupGate& g) { return g.metric == metric; });
  if (gate == program.rollup_gates.end() || visibility.as_of < gate->all_visible_from) return;
  rollup_ = &snapshot.rollups[metric.value];
  const int offset = gate->year - rollup_->first_year;
  year_in_rollup_ = offset >= 0 && offset < rollup_->years;
  year_slot_ = year_in_rollup_ ? static_cast<std::size_t>(offset) : 0;
}

SpanValue MetricReader::read(std::uint32_t enterprise) const {
  if (rollup_ == nullptr)
    return snapshot_.sum_span(metric_, EnterpriseId{enterprise}, first_, last_, visibility_);
  if (!year_in_rollup_) return {};
  const std::size_t cell = enterprise * static_cast<std::size_t>(rollup_->years) + year_slot_;
  const std::uint8_t months = rollup_->months[cell];
  if (months == 0) return {};
  // Normalised figures run on from January, so the months held end at January + months − 1.
  return SpanValue{rollup_->value[cell], true, static_cast<MonthIndex>(first_ + months - 1)};
}

bool MetricReader::has_sample(std::uint32_t enterprise) const {
  if (!visibility_.include_sample) return false;
  if (rollup_ != nullptr) {
    return year_in_rollup_ &&
           rollup_->any_sample[enterprise * static_cast<std::size_t>(rollup_->years) + year_slot_] != 0;
  }
  const ObservationColumns& o = snapshot_.observations[metric_.value];
  for (std::uint32_t i = o.offsets[enterprise]; i < o.offsets[enterprise + 1]; ++i) {
    const auto span_first = static_cast<MonthIndex>(o.last[i] + 1 - o.span[i]);
    if (span_first < first_ || o.last[i] > last_) continue;
    if ((o.flags[i] & ObservationColumns::kSampleFlag) == 0) continue;
    if (o.published_at(i) <= visibility_.as_of) return true;
  }
  return false;
}

}  // namespace atlas::query::internal
