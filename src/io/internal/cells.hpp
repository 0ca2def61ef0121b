// Typed access to the cells of one CSV row: each getter records an error (file:line:column,
// field = column name) instead of failing, so one row reports everything wrong with it.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "io/internal/suggest.hpp"
#include "model/error.hpp"
#include "model/period.hpp"

namespace atlas::io::internal {

/// A column of a table's schema. Required columns must be in the header and non-empty in a row.
struct ColumnSpec {
  std::string_view name;
  bool required = false;
};

/// Leading and trailing ASCII spaces and tabs removed.
[[nodiscard]] std::string_view trim(std::string_view text);

/// `[a-z0-9][a-z0-9-]*`, the id of most records.
[[nodiscard]] bool is_slug(std::string_view text);

/// Splits a `;` list, trimming items and dropping empty ones.
[[nodiscard]] std::vector<std::string> split_list(std::string_view text);

/// Parses true/false, 1/0, 是/否.
[[nodiscard]] std::optional<bool> parse_bool(std::string_view text);

/// Writing counterparts: the text a getter below reads back to the same value ("" for nullopt).
[[nodiscard]] std::string join_list(const std::vector<std::string>& items);
[[nodiscard]] std::string date_text(const std::optional<Date>& date);
[[nodiscard]] std::string_view bool_text(const std::optional<bool>& value);
[[nodiscard]] std::string count_text(const std::optional<std::int64_t>& value);
[[nodiscard]] std::string amount_text(const std::optional<std::int64_t>& value);

/// One row's cells by schema column. Reused from row to row (reset), so a table read allocates
/// only what its records keep. Not thread-safe.
class Cells {
 public:
  /// `field_of_column[c]` is the field index in the row for schema column `c`, or -1 when the
  /// header lacks it. Both spans and `file` must outlive the Cells.
  Cells(std::span<const ColumnSpec> schema, std::span<const int> field_of_column, const std::string& file);

  void reset(std::span<const std::string_view> fields, std::uint32_t line);

  /// The trimmed cell ("" when the column is absent); no required check.
  [[nodiscard]] std::string_view view(std::size_t c) const;
  /// The cell as text; a required column's cell must be non-empty.
  [[nodiscard]] std::string text(std::size_t c);
  /// A slug id (`[a-z0-9][a-z0-9-]*`).
  [[nodiscard]] std::string slug(std::size_t c);
  /// A code: no spaces, commas or `;` (taxonomy codes, metric ids).
  [[nodiscard]] std::string code(std::size_t c);
  [[nodiscard]] std::optional<Date> date(std::size_t c);
  [[nodiscard]] std::optional<bool> flag(std::size_t c);
  [[nodiscard]] std::optional<std::int64_t> count(std::size_t c);
  [[nodiscard]] std::optional<std::int64_t> amount(std::size_t c);
  [[nodiscard]] std::vector<std::string> list(std::size_t c);

  /// A word out of `words`, parsed by `parse`; `fallback` when empty or wrong (the error names
  /// the words and the closest one).
  template <class E, class Parse>
  E choice(std::size_t c, Parse parse, std::span<const std::string_view> words, E fallback);

  /// Records an error at column `c`.
  void fail(std::size_t c, ErrorCode code, std::string message);
  /// Records an error from a model parser at column `c` (its code and message kept).
  void fail(std::size_t c, const Error& error);

  /// True (and an error recorded) when a required column's cell is empty.
  bool missing(std::size_t c);

  [[nodiscard]] std::vector<Error>& errors() { return errors_; }
  [[nodiscard]] std::uint32_t line() const { return line_; }

 private:
  std::span<const ColumnSpec> schema_;
  std::span<const int> field_of_column_;
  const std::string& file_;
  std::span<const std::string_view> fields_;
  std::uint32_t line_ = 0;
  std::vector<Error> errors_;
};

template <class E, class Parse>
E Cells::choice(std::size_t c, Parse parse, std::span<const std::string_view> words, E fallback) {
  const std::string_view cell = view(c);
  if (cell.empty()) {
    missing(c);
    return fallback;
  }
  if (auto parsed = parse(cell)) return *parsed;
  fail(c, ErrorCode::kInvalidValue,
       "'" + std::string(cell) + "' is not one of " + join_words(words) + did_you_mean(cell, words));
  return fallback;
}

}  // namespace atlas::io::internal
