#include "query/evaluator.hpp"

#include <algorithm>
#include <limits>
#include <tuple>

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

// The aggregate of `n` contributors from their accumulated values, into value and has_value.
template <class Out>
Result<void> finish(Aggregate aggregate, const Accumulator& acc, std::size_t contributors, Out& out) {
  if (acc.overflow && aggregate != Aggregate::kMin && aggregate != Aggregate::kMax) {
    return fail(ErrorCode::kInvalidValue, "the sum does not fit in a 64-bit integer");
  }
  const auto n = static_cast<std::int64_t>(contributors);
  // A count or a sum of nothing is 0; an average, a minimum or a maximum of nothing is no value.
  out.has_value = n > 0 || aggregate == Aggregate::kSum || aggregate == Aggregate::kCount;
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

Result<void> finish_value(Aggregate aggregate, const Accumulator& acc, IndicatorResult& out) {
  return finish(aggregate, acc, out.records.size(), out);
}

template <class Out>
void lower_coverage(Out& out, MonthIndex covered) {
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

// One group while a grouped part is evaluated.
struct GroupAcc {
  Accumulator acc;
  std::size_t contributors = 0;
  bool includes_sample = false;
  std::optional<MonthIndex> covered_last;
};

// A grouped part: the whole, and per group slot (the grouping's labels, then one for the records
// without a group).
struct GroupedPart {
  IndicatorResult total;
  std::vector<GroupAcc> groups;
};

// Calls f(slot) for each group of `row`, or for the last slot when it has none.
template <class F>
void for_each_slot(const internal::Grouping& g, const Snapshot& s, std::uint32_t row, F&& f) {
  bool any = false;
  g.for_each_group(s, row, [&](std::uint32_t group) {
    any = true;
    f(group);
  });
  if (!any) f(static_cast<std::uint32_t>(g.labels.size()));
}

// annotate() per group: `contributions(f)` calls f(slot, record) for each contributor of each group.
template <class Contributions>
void annotate_groups(const Program& p, const Snapshot& s, const Visibility& vis, GroupedPart& out,
                     Contributions contributions) {
  const std::vector<std::uint8_t>& sample =
      p.set == RecordSet::kEnterprises ? s.enterprises.sample : p.row_sample;
  std::vector<MetricReader> readers;
  readers.reserve(p.condition_metrics.size());
  for (MetricId m : p.condition_metrics)
    readers.emplace_back(p, s, m, vis);
  contributions([&](std::uint32_t slot, std::uint32_t i) {
    GroupAcc& g = out.groups[slot];
    g.includes_sample = g.includes_sample || (vis.include_sample && sample[i] != 0);
    for (const MetricReader& reader : readers) {
      const SpanValue v = reader.read(i);
      if (v.present) lower_coverage(g, v.covered_last);
      g.includes_sample = g.includes_sample || reader.has_sample(i);
    }
    if (!vis.include_sample) return;
    for (std::uint32_t column : p.sample_date_columns) {
      const auto& cell = p.date_columns[column][i];
      g.includes_sample = g.includes_sample || cell.day != cell.day_without_sample;
    }
  });
}

// count(distinct FIELD) per group: each group counts its own distinct values, each value's first
// record in the group being its contributor there.
void count_distinct_grouped(const Program& p, const Snapshot& s, const Visibility& vis, const Bitmap& rows,
                            GroupedPart& out) {
  count_distinct(p, rows, out.total);
  struct Seen {
    std::uint32_t slot, key, row;
  };
  std::vector<Seen> seen;
  rows.for_each([&](std::size_t i) {
    const auto row = static_cast<std::uint32_t>(i);
    const std::uint32_t key = p.row_key[i];
    if (key >= p.key_count) return;
    for_each_slot(*p.grouping, s, row, [&](std::uint32_t slot) { seen.push_back({slot, key, row}); });
  });
  std::sort(seen.begin(), seen.end(), [](const Seen& a, const Seen& b) {
    return std::tie(a.slot, a.key, a.row) < std::tie(b.slot, b.key, b.row);
  });
  seen.erase(std::unique(seen.begin(), seen.end(),
                         [](const Seen& a, const Seen& b) { return a.slot == b.slot && a.key == b.key; }),
             seen.end());
  for (const Seen& v : seen)
    ++out.groups[v.slot].contributors;
  annotate_groups(p, s, vis, out, [&](auto f) {
    for (const Seen& v : seen)
      f(v.slot, v.row);
  });
}

// One aggregate grouped: a single pass over the selected rows feeds the whole and every group.
Result<GroupedPart> evaluate_part_grouped(const Program& p, const Snapshot& snapshot,
                                          const Visibility& visibility, const Limits& limits) {
  const internal::Grouping& g = *p.grouping;
  auto selected = internal::select_rows(p, snapshot, visibility, limits.work_budget(p.rows));
  if (!selected) return std::unexpected(selected.error());
  const Bitmap& rows = *selected;
  GroupedPart out;
  out.total.unit = p.unit;
  out.total.set = p.set;
  out.total.period = p.period;
  out.groups.resize(g.labels.size() + 1);
  Accumulator acc;
  if (!p.row_key.empty()) {
    count_distinct_grouped(p, snapshot, visibility, rows, out);
  } else if (p.metric.valid()) {
    const MetricReader reader(p, snapshot, p.metric, visibility);
    rows.for_each([&](std::size_t i) {
      const auto row = static_cast<std::uint32_t>(i);
      const SpanValue v = reader.read(row);
      if (!v.present) return;
      const bool sample = reader.has_sample(row);
      acc.add(v.value);
      out.total.records.push_back(row);
      lower_coverage(out.total, v.covered_last);
      out.total.includes_sample = out.total.includes_sample || sample;
      for_each_slot(g, snapshot, row, [&](std::uint32_t slot) {
        GroupAcc& group = out.groups[slot];
        group.acc.add(v.value);
        ++group.contributors;
        lower_coverage(group, v.covered_last);
        group.includes_sample = group.includes_sample || sample;
      });
    });
  } else {
    const bool counting = p.indicator.aggregate == Aggregate::kCount;
    rows.for_each([&](std::size_t i) {
      if (!counting && p.row_has_value[i] == 0) return;
      const auto row = static_cast<std::uint32_t>(i);
      if (!counting) acc.add(p.row_value[i]);
      out.total.records.push_back(row);
      for_each_slot(g, snapshot, row, [&](std::uint32_t slot) {
        GroupAcc& group = out.groups[slot];
        if (!counting) group.acc.add(p.row_value[i]);
        ++group.contributors;
      });
    });
  }
  if (auto r = finish_value(p.indicator.aggregate, acc, out.total); !r) return std::unexpected(r.error());
  annotate(p, snapshot, visibility, out.total);
  if (p.row_key.empty()) {
    annotate_groups(p, snapshot, visibility, out, [&](auto f) {
      for (std::uint32_t row : out.total.records)
        for_each_slot(g, snapshot, row, [&](std::uint32_t slot) { f(slot, row); });
    });
  }
  return out;
}

// The groups of a grouped part as GroupValues (one per slot).
Result<std::vector<GroupValue>> group_values(const Program& p, const GroupedPart& part) {
  std::vector<GroupValue> out(part.groups.size());
  for (std::size_t slot = 0; slot < part.groups.size(); ++slot) {
    const GroupAcc& g = part.groups[slot];
    GroupValue& v = out[slot];
    if (slot + 1 < part.groups.size()) v.key = static_cast<std::uint32_t>(slot);
    if (auto r = finish(p.indicator.aggregate, g.acc, g.contributors, v); !r)
      return std::unexpected(r.error());
    v.contributors = g.contributors;
    v.includes_sample = g.includes_sample;
    v.covered_last = g.covered_last;
  }
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
template <class Out, class Divisor>
void divide(Out& out, const Divisor& divisor, MetricUnit divisor_unit, std::size_t divisor_contributors) {
  out.ratio = RatioParts{out.value,         out.has_value, divisor.value,
                         divisor.has_value, divisor_unit,  divisor_contributors};
  out.includes_sample = out.includes_sample || divisor.includes_sample;
  if (divisor.covered_last) lower_coverage(out, *divisor.covered_last);
  out.has_value = out.has_value && divisor.has_value && divisor.value != 0;
  out.value = out.has_value ? millionths(out.value, divisor.value) : 0;
}

}  // namespace

namespace {

bool covers(const std::optional<MonthIndex>& covered_last, const std::optional<PeriodSpec>& period) {
  return !covered_last || !period || *covered_last >= period->last;
}

std::string coverage(const std::optional<MonthIndex>& covered_last, const std::optional<PeriodSpec>& period) {
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

}  // namespace

bool IndicatorResult::complete() const {
  return covers(covered_last, period);
}

std::string IndicatorResult::coverage_text() const {
  return coverage(covered_last, period);
}

bool group_complete(const GroupValue& group, const std::optional<PeriodSpec>& period) {
  return covers(group.covered_last, period);
}

std::string group_coverage_text(const GroupValue& group, const std::optional<PeriodSpec>& period) {
  return coverage(group.covered_last, period);
}

namespace {

Result<void> same_snapshot(const Program& p, const Snapshot& snapshot) {
  if (p.snapshot == &snapshot) return {};
  return fail(ErrorCode::kInvalidArgument,
              "the indicator was checked against another snapshot: check it again");
}

}  // namespace

Result<IndicatorResult> evaluate(const CheckedIndicator& checked, const Snapshot& snapshot,
                                 const Visibility& visibility, const Limits& limits) {
  const Program& p = checked.program();
  if (auto same = same_snapshot(p, snapshot); !same) return std::unexpected(same.error());
  auto out = evaluate_part(p, snapshot, visibility, limits);
  if (!out || checked.divisor_program() == nullptr) return out;
  auto divisor = evaluate_part(*checked.divisor_program(), snapshot, visibility, limits);
  if (!divisor) return std::unexpected(divisor.error());
  divide(*out, *divisor, divisor->unit, divisor->contributors());
  return out;
}

Result<GroupedResult> evaluate_grouped(const CheckedIndicator& checked, const Snapshot& snapshot,
                                       const Visibility& visibility, const Limits& limits) {
  const Program& p = checked.program();
  if (auto same = same_snapshot(p, snapshot); !same) return std::unexpected(same.error());
  if (!p.grouping) {
    return fail(ErrorCode::kInvalidArgument, "the indicator has no \"group by\": evaluate it as a whole");
  }
  auto part = evaluate_part_grouped(p, snapshot, visibility, limits);
  if (!part) return std::unexpected(part.error());
  auto values = group_values(p, *part);
  if (!values) return std::unexpected(values.error());
  GroupedResult out;
  out.field = p.grouping->field;
  out.overlapping = p.grouping->overlapping;
  out.keys.reserve(p.grouping->labels.size());
  for (const auto& label : p.grouping->labels)
    out.keys.push_back(GroupKey{label.id, label.name});
  out.total = std::move(part->total);
  bool ungrouped_used = values->back().contributors > 0;
  if (const Program* d = checked.divisor_program()) {
    auto divisor = evaluate_part_grouped(*d, snapshot, visibility, limits);
    if (!divisor) return std::unexpected(divisor.error());
    auto divisor_values = group_values(*d, *divisor);
    if (!divisor_values) return std::unexpected(divisor_values.error());
    divide(out.total, divisor->total, d->unit, divisor->total.contributors());
    for (std::size_t slot = 0; slot < values->size(); ++slot) {
      const GroupValue& b = (*divisor_values)[slot];
      GroupValue& a = (*values)[slot];
      a.includes_sample = a.includes_sample || b.includes_sample;
      if (b.covered_last) lower_coverage(a, *b.covered_last);
      divide(a, b, d->unit, b.contributors);
    }
    ungrouped_used = ungrouped_used || divisor_values->back().contributors > 0;
  }
  if (!ungrouped_used) values->pop_back();
  out.groups = std::move(*values);
  return out;
}

}  // namespace atlas::query
