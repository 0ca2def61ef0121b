#include "io/sheet.hpp"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <sstream>
#include <system_error>

#include <fmt/format.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include "io/csv.hpp"

namespace atlas::io {

namespace {

namespace fs = std::filesystem;

constexpr std::size_t kMaxSheetName = 31;  // Excel's limit, in characters
constexpr std::size_t kWidthSample = 200;  // rows read to size a column
constexpr double kMinWidth = 6;
constexpr double kMaxWidth = 60;

std::string formula_safe(std::string_view text) {
  if (!text.empty() && (text[0] == '=' || text[0] == '+' || text[0] == '-' || text[0] == '@' ||
                        text[0] == '\t' || text[0] == '\r')) {
    return "'" + std::string(text);
  }
  return std::string(text);
}

std::string cell_text(const Cell& cell) {
  if (const auto* s = std::get_if<std::string>(&cell)) return formula_safe(*s);
  if (const auto* i = std::get_if<std::int64_t>(&cell)) return fmt::to_string(*i);
  if (const auto* d = std::get_if<double>(&cell)) return fmt::format("{}", *d);
  return {};
}

// Characters of UTF-8 text, a wide (CJK) one counting two: what a spreadsheet column needs.
double display_width(std::string_view text) {
  double width = 0;
  for (std::size_t i = 0; i < text.size();) {
    const auto byte = static_cast<unsigned char>(text[i]);
    const std::size_t len = byte < 0x80 ? 1 : byte < 0xE0 ? 2 : byte < 0xF0 ? 3 : 4;
    width += len >= 3 ? 2 : 1;  // three-byte and longer sequences: CJK, full-width punctuation
    i += len;
  }
  return width;
}

std::size_t characters(std::string_view text) {
  return static_cast<std::size_t>(
      std::ranges::count_if(text, [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

Result<void> check_sheet(const Sheet& sheet) {
  if (sheet.name.empty() || characters(sheet.name) > kMaxSheetName ||
      sheet.name.find_first_of("[]:*?/\\") != std::string::npos) {
    return fail(
        ErrorCode::kInvalidArgument,
        fmt::format("sheet name \"{}\": 1 to {} characters, none of []:*?/\\", sheet.name, kMaxSheetName),
        "sheet");
  }
  for (std::size_t r = 0; r < sheet.rows.size(); ++r) {
    for (std::size_t c = 0; c < sheet.rows[r].size(); ++c) {
      const auto* text = std::get_if<std::string>(&sheet.rows[r][c]);
      if (text != nullptr && text->size() > kMaxCellText) {
        return fail(ErrorCode::kInvalidArgument,
                    fmt::format("sheet \"{}\" row {} column {}: {} bytes of text, a cell holds at most {}",
                                sheet.name, r + 2, c + 1, text->size(), kMaxCellText),
                    "cell");
      }
    }
  }
  return {};
}

double column_width(const Sheet& sheet, std::size_t c) {
  if (c < sheet.widths.size() && sheet.widths[c] > 0) return sheet.widths[c];
  double width = c < sheet.header.size() ? display_width(sheet.header[c]) : 0;
  for (std::size_t r = 0; r < std::min(sheet.rows.size(), kWidthSample); ++r) {
    if (c < sheet.rows[r].size()) width = std::max(width, display_width(cell_text(sheet.rows[r][c])));
  }
  return std::clamp(width + 2, kMinWidth, kMaxWidth);
}

lxw_error write_sheet(lxw_workbook* book, lxw_format* bold, const Sheet& sheet) {
  lxw_worksheet* ws = workbook_add_worksheet(book, sheet.name.c_str());
  if (ws == nullptr) return LXW_ERROR_SHEETNAME_ALREADY_USED;
  std::size_t columns = sheet.header.size();
  for (const auto& row : sheet.rows)
    columns = std::max(columns, row.size());
  for (std::size_t c = 0; c < columns; ++c) {
    const auto col = static_cast<lxw_col_t>(c);
    if (auto err = worksheet_set_column(ws, col, col, column_width(sheet, c), nullptr)) return err;
  }
  for (std::size_t c = 0; c < sheet.header.size(); ++c) {
    if (auto err = worksheet_write_string(ws, 0, static_cast<lxw_col_t>(c), sheet.header[c].c_str(), bold))
      return err;
  }
  for (std::size_t r = 0; r < sheet.rows.size(); ++r) {
    const auto row = static_cast<lxw_row_t>(r + 1);
    for (std::size_t c = 0; c < sheet.rows[r].size(); ++c) {
      const auto col = static_cast<lxw_col_t>(c);
      const Cell& cell = sheet.rows[r][c];
      lxw_error err = LXW_NO_ERROR;
      // A text cell is text in a workbook: never read as a formula, so it needs no ' in front.
      if (const auto* s = std::get_if<std::string>(&cell)) {
        if (!s->empty()) err = worksheet_write_string(ws, row, col, s->c_str(), nullptr);
      } else if (const auto* i = std::get_if<std::int64_t>(&cell)) {
        err = worksheet_write_number(ws, row, col, static_cast<double>(*i), nullptr);
      } else if (const auto* d = std::get_if<double>(&cell)) {
        err = worksheet_write_number(ws, row, col, *d, nullptr);
      }
      if (err != LXW_NO_ERROR) return err;
    }
  }
  if (columns > 0) {
    worksheet_freeze_panes(ws, 1, 0);
    if (auto err = worksheet_autofilter(ws, 0, 0, static_cast<lxw_row_t>(sheet.rows.size()),
                                        static_cast<lxw_col_t>(columns - 1)))
      return err;
  }
  return LXW_NO_ERROR;
}

// Writes the workbook to `path` as it is (no temporary name).
Result<void> write_workbook(const fs::path& path, std::span<const Sheet> sheets) {
  for (const Sheet& sheet : sheets) {
    if (auto ok = check_sheet(sheet); !ok) return ok;
  }
  lxw_workbook* book = workbook_new(path.c_str());
  if (book == nullptr) return fail(ErrorCode::kIo, fmt::format("{}: cannot start a workbook", path.string()));
  lxw_format* bold = workbook_add_format(book);
  format_set_bold(bold);
  lxw_error err = LXW_NO_ERROR;
  for (const Sheet& sheet : sheets) {
    err = write_sheet(book, bold, sheet);
    if (err != LXW_NO_ERROR) break;
  }
  const lxw_error closed = workbook_close(book);  // writes the file, frees the workbook
  if (err == LXW_NO_ERROR) err = closed;
  if (err != LXW_NO_ERROR) {
    std::error_code ignored;
    fs::remove(path, ignored);
    return fail(ErrorCode::kIo, fmt::format("{}: {}", path.string(), lxw_strerror(err)));
  }
  return {};
}

// A new empty file named after `stem` with a unique suffix; its path.
Result<fs::path> unique_file(const std::string& stem) {
  std::string name = stem + ".XXXXXX";
  const int fd = ::mkstemp(name.data());
  if (fd < 0) {
    return fail(ErrorCode::kIo, fmt::format("{}: cannot create a temporary file: {}", name,
                                            std::generic_category().message(errno)));
  }
  ::close(fd);
  return fs::path(name);
}

}  // namespace

std::string sheet_csv(const Sheet& sheet) {
  std::string out = "\xEF\xBB\xBF";
  CsvWriter w(out);
  for (const std::string& h : sheet.header)
    w.field(formula_safe(h));
  w.end_row();
  for (const auto& row : sheet.rows) {
    for (const Cell& cell : row)
      w.field(cell_text(cell));
    w.end_row();
  }
  return out;
}

Result<void> write_xlsx(const fs::path& path, std::span<const Sheet> sheets) {
  auto tmp = unique_file(path.string());
  if (!tmp) return std::unexpected(tmp.error());
  if (auto ok = write_workbook(*tmp, sheets); !ok) {
    std::error_code ignored;
    fs::remove(*tmp, ignored);
    return ok;
  }
  std::error_code ec;
  fs::rename(*tmp, path, ec);
  if (ec) {
    std::error_code ignored;
    fs::remove(*tmp, ignored);
    return fail(ErrorCode::kIo, fmt::format("{}: {}", path.string(), ec.message()));
  }
  return {};
}

Result<std::string> xlsx_bytes(std::span<const Sheet> sheets) {
  auto tmp = unique_file((fs::temp_directory_path() / "atlas-sheet").string());
  if (!tmp) return std::unexpected(tmp.error());
  auto written = write_workbook(*tmp, sheets);
  std::string bytes;
  if (written) {
    std::ifstream in(*tmp, std::ios::binary);
    bytes.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    if (!in.good() && !in.eof())
      written = fail(ErrorCode::kIo, fmt::format("{}: cannot read back", tmp->string()));
  }
  std::error_code ignored;
  fs::remove(*tmp, ignored);
  if (!written) return std::unexpected(written.error());
  return bytes;
}

}  // namespace atlas::io
