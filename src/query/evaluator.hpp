// Evaluates a CheckedIndicator on its Snapshot, column-wise.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "model/error.hpp"
#include "model/snapshot.hpp"
#include "query/checker.hpp"
#include "query/limits.hpp"

namespace atlas::query {

/// The two parts of a ratio `a / b`, as read.
struct RatioParts {
  std::int64_t numerator = 0;
  bool numerator_has_value = true;
  std::int64_t denominator = 0;
  bool denominator_has_value = true;
  MetricUnit denominator_unit = MetricUnit::kCount;
  std::size_t denominator_contributors = 0;
  bool operator==(const RatioParts&) const = default;
};

/// The value of an indicator and what it rests on.
struct IndicatorResult {
  /// count(): records; sum/min/max: in the field's unit (whole yuan for money); avg: rounded half
  /// away from zero; a ratio: a over b in millionths of the whole (18% is 180000), rounded half
  /// away from zero. 0 when has_value is false.
  std::int64_t value = 0;
  /// False for avg/min/max over no record with a value (count and sum of nothing are 0), and for
  /// a ratio whose divisor is 0 or either part has no value ("no data", not an error).
  bool has_value = true;
  /// The unit of the value; for a ratio, the unit of its numerator (ratio says so).
  MetricUnit unit = MetricUnit::kCount;
  /// Set for a ratio: both parts. records, set and covered_last are then the numerator's
  /// (covered_last lowered by the divisor's).
  std::optional<RatioParts> ratio;
  /// True when a sample record, figure or milestone was used for a contributing record.
  bool includes_sample = false;
  /// The table `records` index (EnterpriseId::value, a project index, a carrier index …).
  RecordSet set = RecordSet::kEnterprises;
  /// Contributing records in ascending order: those counted, or those with a value of the field.
  std::vector<std::uint32_t> records;
  /// The indicator's trailing period, when it has one.
  std::optional<PeriodSpec> period;
  /// When metric figures were read (a metric aggregate, or metric conditions of a count): the
  /// last month for which the figures of every contributing enterprise are complete (minimum of
  /// their SpanValue::covered_last). Empty when no metric was read or nothing contributed.
  std::optional<MonthIndex> covered_last;
  /// figure(METRIC) of "SUBJECT": the fact the figure was read from (a Snapshot::facts index).
  std::optional<std::uint32_t> fact;

  [[nodiscard]] std::size_t contributors() const { return records.size(); }
  /// True when the metric figures cover the whole period (or no metric was read).
  [[nodiscard]] bool complete() const;
  /// The span the figures cover, as a period text: "2025" when complete, "2025-01~09" when
  /// the figures of 2025 run to September, "2021-01..2024-06" across years; empty when unknown.
  [[nodiscard]] std::string coverage_text() const;
};

/// One group of a grouped indicator (`… group by county`): its value as IndicatorResult gives it,
/// without the list of records.
struct GroupValue {
  /// The group's index in GroupedResult::keys; none for the records that have no value of the
  /// field (an enterprise without a segment, a project without a zone).
  std::optional<std::uint32_t> key;
  std::int64_t value = 0;
  bool has_value = true;
  std::size_t contributors = 0;
  bool includes_sample = false;
  std::optional<MonthIndex> covered_last;
  std::optional<RatioParts> ratio;
};

/// One value of the grouping field: the id records use and its names (a county's id and name, a
/// segment word, a taxonomy code …).
struct GroupKey {
  std::string id;
  Names name;
};

/// A grouped indicator's answer: the whole, as evaluate() gives it, and one value per group.
struct GroupedResult {
  IndicatorResult total;
  std::string field;           // as written after "group by"
  std::vector<GroupKey> keys;  // every value of the field the plan knows, in its order
  /// One per key, in keys order (a group without records has 0 or no value), then one without a
  /// key when some contributors have no value of the field. Unless `overlapping`, a count or a sum
  /// over the groups adds up to total's value.
  std::vector<GroupValue> groups;
  /// True when a record may fall in several groups, so that the groups need not add up to the
  /// whole: group by class, subsystem or category (a maker of two classes counts in both), and by
  /// zone when zones nest (a zone's group holds the records of the zones below it, as
  /// `zone = "X"` selects them).
  bool overlapping = false;
};

/// Whether the figures behind `group` cover `period` (IndicatorResult::complete), and the span
/// they cover as a period text (IndicatorResult::coverage_text).
[[nodiscard]] bool group_complete(const GroupValue& group, const std::optional<PeriodSpec>& period);
[[nodiscard]] std::string group_coverage_text(const GroupValue& group,
                                              const std::optional<PeriodSpec>& period);

/// Evaluates `checked` on `snapshot` under `visibility`:
///  - metric fields take Snapshot::sum_span over the indicator's period (or the YearRollup when
///    the period is a calendar year, samples are included and as_of is on or after the day every
///    figure of that year was published); an enterprise without a visible figure has no value;
///  - date fields count a date (by its first day) only when it is on or before as_of;
///  - with include_sample false, records and milestones whose provenance is sample are left out.
/// Fails with kInvalidArgument when `snapshot` is not the one `checked` was checked against, and
/// kInvalidValue when a sum overflows int64, and kLimitExceeded when selecting the records would
/// take more than limits.work_budget(records in the set) steps (it stops there, so one call costs
/// at most a small multiple of one scan of the set). Thread-safe; allocates per call, not per row.
[[nodiscard]] Result<IndicatorResult> evaluate(const CheckedIndicator& checked, const Snapshot& snapshot,
                                               const Visibility& visibility, const Limits& limits = {});

/// Evaluates a grouped indicator (`… group by FIELD`) in one pass over the records the condition
/// selects: each record's value goes to the whole and to its group(s); a ratio divides group by
/// group. The errors of evaluate(), and kInvalidArgument when `checked` has no `group by`.
/// Thread-safe; allocates per call and per group, not per row.
[[nodiscard]] Result<GroupedResult> evaluate_grouped(const CheckedIndicator& checked,
                                                     const Snapshot& snapshot, const Visibility& visibility,
                                                     const Limits& limits = {});

}  // namespace atlas::query
