#include "query/evaluator.hpp"

#include <algorithm>
#include <limits>

#include <fmt/format.h>

#include "model/units.hpp"
#include "query/internal/figure.hpp"
#include "query/internal/metric_reader.hpp"
#include "query/internal/program.hpp"
#include "query/internal/selector.hpp"

namespace atlas::query {
namespace {

using internal::Bitmap;
using internal::MetricReader;
using internal::Program;

// Running sum, minimum and maximum of the contributing values.
struct Accumulator {
  std::int64_t sum = 0;
  std::int64_t min = std::numeric_limits<std::int64_t>::max();
  std::int64_t max = std::numeric_limits<std::int64_t>::min();
  bool overflow = false;

  void add(std::int64_t v) {
    overflow = overflow || __builtin_add_overflow(sum, v, &sum);
    min = std::min(min, v);
    max = std::max(max, v);
  }
};

std::int64_t rounded_average(std::int64_t sum, std::int64_t n) {
  std::int64_t q = sum / n;
  const std::int64_t r = sum % n;
  if (2 * (r < 0 ? -r : r) >= n) q += sum < 0 ? -1 : 1;
  return q;
}

Result<void> finish_value(Aggregate aggregate, const Accumulator& acc, IndicatorResult& out) {
  if (acc.overflow && aggregate != Aggregate::kMin && aggregate != Aggregate::kMax) {
    return fail(ErrorCode::kInvalidValue, "the sum does not fit in a 64-bit integer");
  }
  const auto n = static_cast<std::int64_t>(out.records.size());
  out.has_value = n > 0 || aggregate == Aggregate::kSum;
  if (n == 0) return {};
  switch (aggregate) {
    case Aggregate::kSum:
      out.value = acc.sum;
      break;
    case Aggregate::kAvg:
      out.value = rounded_average(acc.sum, n);
      break;
    case Aggregate::kMin:
      out.value = acc.min;
      break;
    case Aggregate::kMax:
      out.value = acc.max;
      break;
    case Aggregate::kCount:
      out.value = n;
      break;
    case Aggregate::kFigure:  // read_figure
      break;
  }
  return {};
}

void lower_coverage(IndicatorResult& out, MonthIndex covered) {
  out.covered_last = out.covered_last ? std::min(*out.covered_last, covered) : covered;
}

// sum/avg/min/max of a metric: contributors are the selected enterprises with a visible figure.
Accumulator aggregate_metric(const Program& p, const Snapshot& s, const Visibility& vis, const Bitmap& rows,
                             IndicatorResult& out) {
  const MetricReader reader(p, s, p.metric, vis);
  Accumulator acc;
  rows.for_each([&](std::size_t i) {
    const SpanValue v = reader.read(static_cast<std::uint32_t>(i));
    if (!v.present) return;
    acc.add(v.value);
    out.records.push_back(static_cast<std::uint32_t>(i));
    lower_coverage(out, v.covered_last);
    out.includes_sample = out.includes_sample || reader.has_sample(static_cast<std::uint32_t>(i));
  });
  return acc;
}

// count(distinct FIELD): the selected records' distinct values of FIELD; each value's first record
// is its contributor (a record without a value adds none).
Accumulator count_distinct(const Program& p, const Bitmap& rows, IndicatorResult& out) {
  std::vector<std::uint8_t> seen(p.key_count, 0);
  rows.for_each([&](std::size_t i) {
    const std::uint32_t key = p.row_key[i];
    if (key >= p.key_count || seen[key] != 0) return;
    seen[key] = 1;
    out.records.push_back(static_cast<std::uint32_t>(i));
  });
  return {};
}

Accumulator aggregate_rows(const Program& p, const Bitmap& rows, IndicatorResult& out) {
  if (!p.row_key.empty()) return count_distinct(p, rows, out);
  Accumulator acc;
  const bool counting = p.indicator.aggregate == Aggregate::kCount;
  rows.for_each([&](std::size_t i) {
    if (!counting && p.row_has_value[i] == 0) return;
    if (!counting) acc.add(p.row_value[i]);
    out.records.push_back(static_cast<std::uint32_t>(i));
  });
  return acc;
}

// Which inputs of the contributors were sample, and how far the metric figures behind the
// condition reach: a second pass over the contributors only.
void annotate(const Program& p, const Snapshot& s, const Visibility& vis, IndicatorResult& out) {
  const std::vector<std::uint8_t>& sample =
      p.set == RecordSet::kEnterprises ? s.enterprises.sample : p.row_sample;
  for (std::uint32_t i : out.records) {
    out.includes_sample = out.includes_sample || (vis.include_sample && sample[i] != 0);
  }
  for (MetricId m : p.condition_metrics) {
    const MetricReader reader(p, s, m, vis);
    for (std::uint32_t i : out.records) {
      const SpanValue v = reader.read(i);
      if (v.present) lower_coverage(out, v.covered_last);
      out.includes_sample = out.includes_sample || reader.has_sample(i);
    }
  }
  if (!vis.include_sample) return;
  for (std::uint32_t column : p.sample_date_columns) {
    for (std::uint32_t i : out.records) {
      const auto& cell = p.date_columns[column][i];
      out.includes_sample = out.includes_sample || cell.day != cell.day_without_sample;
    }
  }
}

std::string month_text(MonthIndex m) {
  return fmt::format("{}-{:02}", year_of(m), month_of(m));
}

// One aggregate (an indicator, or one part of a ratio) on its Snapshot.
Result<IndicatorResult> evaluate_part(const Program& p, const Snapshot& snapshot,
                                      const Visibility& visibility, const Limits& limits) {
  if (p.indicator.aggregate == Aggregate::kFigure) {
    IndicatorResult out;
    out.unit = p.unit;
    out.period = p.period;
    if (auto r = internal::read_figure(p, snapshot, visibility, out); !r) return std::unexpected(r.error());
    return out;
  }
  auto selected = internal::select_rows(p, snapshot, visibility, limits.work_budget(p.rows));
  if (!selected) return std::unexpected(selected.error());
  const Bitmap& rows = *selected;
  IndicatorResult out;
  out.unit = p.unit;
  out.set = p.set;
  out.period = p.period;
  const Accumulator acc =
      p.metric.valid() ? aggregate_metric(p, snapshot, visibility, rows, out) : aggregate_rows(p, rows, out);
  if (auto r = finish_value(p.indicator.aggregate, acc, out); !r) return std::unexpected(r.error());
  annotate(p, snapshot, visibility, out);
  return out;
}

// GCC and Clang's 128-bit integer: a * 10^6 of any int64 fits.
__extension__ using Wide = __int128;

// a / b in millionths, rounded half away from zero; exact for any two int64 values.
std::int64_t millionths(std::int64_t numerator, std::int64_t denominator) {
  const Wide scaled = static_cast<Wide>(numerator) * kPerMillion;
  Wide q = scaled / denominator;
  const Wide r = scaled % denominator;
  const Wide abs_r = r < 0 ? -r : r;
  const Wide abs_d = denominator < 0 ? -static_cast<Wide>(denominator) : denominator;
  if (2 * abs_r >= abs_d) q += (scaled < 0) != (denominator < 0) ? -1 : 1;
  constexpr Wide kMax = std::numeric_limits<std::int64_t>::max();
  return static_cast<std::int64_t>(std::clamp(q, -kMax, kMax));
}

// Turns the numerator's result into the ratio's: its records stay the contributors; the coverage
// and the sample flag take both parts; a zero or missing divisor is no value, not an error.
void divide(IndicatorResult& out, const IndicatorResult& divisor) {
  out.ratio = RatioParts{out.value,         out.has_value, divisor.value,
                         divisor.has_value, divisor.unit,  divisor.contributors()};
  out.includes_sample = out.includes_sample || divisor.includes_sample;
  if (divisor.covered_last) lower_coverage(out, *divisor.covered_last);
  out.has_value = out.has_value && divisor.has_value && divisor.value != 0;
  out.value = out.has_value ? millionths(out.value, divisor.value) : 0;
}

}  // namespace

bool IndicatorResult::complete() const {
  return !covered_last || !period || *covered_last >= period->last;
}

std::string IndicatorResult::coverage_text() const {
  if (!period) return "";
  const MonthIndex first = period->first;
  const MonthIndex last = covered_last ? std::min(*covered_last, period->last) : period->last;
  if (covered_last && *covered_last < first) return "";
  if (last == period->last) return period->text;
  if (year_of(first) == year_of(last)) {
    if (first == last) return month_text(first);
    return fmt::format("{}-{:02}~{:02}", year_of(first), month_of(first), month_of(last));
  }
  return fmt::format("{}..{}", month_text(first), month_text(last));
}

Result<IndicatorResult> evaluate(const CheckedIndicator& checked, const Snapshot& snapshot,
                                 const Visibility& visibility, const Limits& limits) {
  const Program& p = checked.program();
  if (p.snapshot != &snapshot) {
    return fail(ErrorCode::kInvalidArgument,
                "the indicator was checked against another snapshot: check it again");
  }
  auto out = evaluate_part(p, snapshot, visibility, limits);
  if (!out || checked.divisor_program() == nullptr) return out;
  auto divisor = evaluate_part(*checked.divisor_program(), snapshot, visibility, limits);
  if (!divisor) return std::unexpected(divisor.error());
  divide(*out, *divisor);
  return out;
}

}  // namespace atlas::query
