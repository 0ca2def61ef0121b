// A table to hand to a spreadsheet (a catalogue, an export): a header and rows of typed cells,
// written as CSV (UTF-8 with a byte-order mark, formula-safe) or as an Office Open XML workbook
// (.xlsx, through libxlsxwriter).
#pragma once

#include <cstdint>
#include <filesystem>
#include <span>
#include <string>
#include <variant>
#include <vector>

#include "model/error.hpp"

namespace atlas::io {

/// Empty, text, a whole number or a number. Text is UTF-8.
using Cell = std::variant<std::monostate, std::string, std::int64_t, double>;

/// One worksheet: `name` (at most 31 characters, none of []:*?/\), the column heads and the rows.
struct Sheet {
  std::string name;
  std::vector<std::string> header;
  std::vector<std::vector<Cell>> rows;
  std::vector<double> widths;  // column widths in characters; missing ones are sized from the text
};

/// The longest text a cell may hold (Excel's limit): a longer one is refused, not cut.
inline constexpr std::size_t kMaxCellText = 32767;

/// The sheet as CSV for a spreadsheet: a UTF-8 byte-order mark (so Chinese reads right), the
/// header, the rows; a text cell that a spreadsheet would run as a formula (= + - @, tab or CR
/// first) starts with ' instead. Numbers are written as the shortest text that reads back the same.
[[nodiscard]] std::string sheet_csv(const Sheet& sheet);

/// Writes the sheets as one workbook to `path`: the header bold and frozen, an autofilter over the
/// table, numbers as numbers. The file is written whole under a temporary name beside `path` and
/// renamed, so a failure leaves no half file. kInvalidArgument for a bad sheet name or a text over
/// kMaxCellText (naming the sheet, row and column), kIo when the file cannot be written.
[[nodiscard]] Result<void> write_xlsx(const std::filesystem::path& path, std::span<const Sheet> sheets);

/// The same workbook as bytes (for an HTTP answer); libxlsxwriter writes files only, so it goes
/// through a temporary file that is removed afterwards.
[[nodiscard]] Result<std::string> xlsx_bytes(std::span<const Sheet> sheets);

}  // namespace atlas::io
