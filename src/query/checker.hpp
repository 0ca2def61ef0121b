// Syntax tree → a CheckedIndicator: names, types and literals checked against one Snapshot and
// resolved to ids, ready to evaluate any number of times.
#pragma once

#include <memory>
#include <optional>

#include "model/error.hpp"
#include "model/snapshot.hpp"
#include "query/ast.hpp"
#include "query/schema.hpp"

namespace atlas::query {

namespace internal {
struct Program;
}

/// An indicator checked against one Snapshot. Immutable: evaluate() may run concurrently from
/// any number of threads. It refers to the Snapshot it was checked against (not owned), which
/// must outlive it; after a new Snapshot is published, check the Indicator again.
class CheckedIndicator {
 public:
  CheckedIndicator(CheckedIndicator&&) noexcept;
  CheckedIndicator& operator=(CheckedIndicator&&) noexcept;
  ~CheckedIndicator();

  /// The syntax tree it was checked from.
  [[nodiscard]] const Indicator& indicator() const;
  /// The set whose records are counted or whose field is aggregated.
  [[nodiscard]] RecordSet set() const;
  /// The unit of the value: kCount for count() and count fields, kYuan for money, kTce for energy.
  /// For a ratio, the unit of its numerator (the ratio itself is in millionths).
  [[nodiscard]] MetricUnit unit() const;
  /// True for `a / b`.
  [[nodiscard]] bool is_ratio() const { return divisor_ != nullptr; }
  /// True for `… group by FIELD` (evaluate_grouped answers per group).
  [[nodiscard]] bool is_grouped() const;
  /// True when it was checked against exactly this Snapshot (object identity).
  [[nodiscard]] bool checked_against(const Snapshot& snapshot) const;

  /// For the evaluator: the compiled form (of the numerator, for a ratio). Never null.
  [[nodiscard]] const internal::Program& program() const { return *program_; }
  /// For the evaluator: the compiled divisor of a ratio, or null.
  [[nodiscard]] const internal::Program* divisor_program() const { return divisor_.get(); }

 private:
  friend Result<CheckedIndicator> check_indicator(Indicator indicator, const Snapshot& snapshot);
  CheckedIndicator(std::unique_ptr<const internal::Program> program,
                   std::unique_ptr<const internal::Program> divisor);

  std::unique_ptr<const internal::Program> program_;
  std::unique_ptr<const internal::Program> divisor_;
};

/// Checks `indicator` against `snapshot`'s schema and data. Errors carry Location::column of the
/// offending token:
///  - kUnknownField: an unknown set (`count(enterprize)`) or field (`segmnt`), with a suggestion
///    by edit distance: `unknown field "segmnt" — did you mean "segment"?`;
///  - kTypeError: an operator or literal that does not fit the field (`segment > 5`,
///    `output_value = "x"`, `tier <= 2亿`), an enum word that is not one of the field's values
///    (`level >= provinical` — did you mean "provincial"?), a metric used without the trailing
///    `in PERIOD`, a non-boolean field used as a condition, count() of a field or sum() of a set;
///  - kUnknownReference: an id that names nothing (`zone = "gac-prak"`), with a suggestion;
///  - kSyntaxError: a malformed amount (`1.2.3亿`).
/// Cost: linear in the small tables and, for `metric in YEAR`, one pass over that metric's
/// month column. Thread-safe (reads the snapshot only).
[[nodiscard]] Result<CheckedIndicator> check_indicator(Indicator indicator, const Snapshot& snapshot);

}  // namespace atlas::query
