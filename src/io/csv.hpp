// RFC 4180 CSV: a streaming reader over bytes in memory and a writer that quotes as needed.
#pragma once

#include <cstdint>
#include <functional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "model/error.hpp"

namespace atlas::io {

/// Streams the records of one CSV text (RFC 4180): quoted fields with `""` escapes and line breaks
/// inside quotes, LF or CRLF line ends, a leading UTF-8 byte order mark skipped, empty lines skipped.
/// Fields are views into the input; only quoted fields that contain `""` are copied (into a buffer
/// reused from record to record), so reading allocates nothing per field once warmed up.
/// Not thread-safe; the input must outlive the reader and the views it hands out.
class CsvReader {
 public:
  /// `text` is the whole input; `file` names it in errors. A reader may also start inside an input,
  /// at a line start: `first_line` is then that line's number (a byte order mark is skipped only
  /// when `first_line` is 1).
  CsvReader(std::string_view text, std::string file, std::uint32_t first_line = 1);

  /// Advances to the next record: true when one was read, false at the end of the input.
  /// Fails with kMalformedCsv at file:line:column (column = 1-based field index) for an
  /// unterminated quoted field (line of its opening quote; the rest of the input is consumed), a
  /// quote inside an unquoted field or text after a closing quote (the reader resumes at the next
  /// line, so a caller may report and continue).
  [[nodiscard]] Result<bool> next();

  /// The current record's fields, exactly as written (unquoted, `""` → `"`, nothing trimmed).
  /// Valid until the next call to next().
  [[nodiscard]] std::span<const std::string_view> fields() const { return fields_; }

  /// Physical line (1-based) on which the current record starts.
  [[nodiscard]] std::uint32_t line() const { return record_line_; }

  [[nodiscard]] const std::string& file() const { return file_; }

  /// Bytes of the input consumed so far, and the line the next record would start on.
  [[nodiscard]] std::size_t offset() const { return static_cast<std::size_t>(pos_ - begin_); }
  [[nodiscard]] std::uint32_t next_line() const { return line_; }

  /// True when the input ended inside a quoted field (an unterminated quote was reported).
  [[nodiscard]] bool ended_in_quotes() const { return ended_in_quotes_; }

 private:
  struct Escaped {
    std::size_t field;
    std::size_t offset;
    std::size_t size;
  };

  void skip_empty_lines();
  [[nodiscard]] Result<void> read_plain();
  [[nodiscard]] Result<void> read_quoted();
  [[nodiscard]] bool at_line_end() const;
  void skip_rest_of_line();
  [[nodiscard]] std::unexpected<Error> malformed(std::uint32_t line, std::string message) const;

  const char* begin_;
  const char* pos_;
  const char* end_;
  std::string file_;
  std::uint32_t line_ = 1;
  bool ended_in_quotes_ = false;
  std::uint32_t record_line_ = 0;
  std::vector<std::string_view> fields_;
  std::vector<Escaped> escaped_;
  std::string scratch_;
};

/// Appends `value` as one CSV field, quoted (with `""` escapes) when it holds a comma, a quote, a
/// CR or an LF. Reading the result with CsvReader gives `value` back.
void append_csv_field(std::string& out, std::string_view value);

/// Builds CSV text row by row into a caller-owned string (LF line ends). With a `flush` function,
/// the text is handed to it (and the string cleared) whenever a row ends with the string above
/// about a megabyte, and once more by finish(): large tables stream. Not thread-safe.
class CsvWriter {
 public:
  using Flush = std::function<void(std::string_view)>;

  explicit CsvWriter(std::string& out, Flush flush = {}) : out_(out), flush_(std::move(flush)) {}

  /// Appends one field to the current row.
  void field(std::string_view value);
  /// Ends the current row.
  void end_row();
  /// Hands what is left to `flush` (no-op without one).
  void finish();

 private:
  static constexpr std::size_t kFlushBytes = std::size_t{1} << 20;

  std::string& out_;
  Flush flush_;
  bool row_started_ = false;
};

}  // namespace atlas::io
