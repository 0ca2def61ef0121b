#include "io/internal/csv_table.hpp"

#include <algorithm>
#include <string>
#include <thread>

#include <fmt/format.h>

#include "model/text.hpp"

namespace atlas::io::internal {
namespace {

std::vector<std::string_view> column_names(std::span<const ColumnSpec> schema) {
  std::vector<std::string_view> names;
  names.reserve(schema.size());
  for (const ColumnSpec& column : schema)
    names.push_back(column.name);
  return names;
}

Error header_error(ErrorCode code, const std::string& file, std::uint32_t column, std::string field,
                   std::string message) {
  return Error{code, std::move(message), Location{file, 1, column}, std::move(field)};
}

}  // namespace

std::optional<Header> read_header(CsvReader& reader, std::span<const ColumnSpec> schema, Workspace& ws,
                                  TableKind kind, std::uint32_t source) {
  const std::string& file = ws.sources[source].file;
  auto first = reader.next();
  if (!first || !*first) {
    ws.report_file(
        kind, source,
        first ? header_error(ErrorCode::kMalformedCsv, file, 1, {}, "empty file: the header row is missing")
              : std::move(first.error()));
    return std::nullopt;
  }
  const std::vector<std::string_view> names = column_names(schema);
  Header header{std::vector<int>(schema.size(), -1), reader.fields().size()};
  std::vector<std::string>& columns = ws.sources[source].columns;
  bool ok = true;
  for (std::size_t i = 0; i < reader.fields().size(); ++i) {
    const std::string_view name = trim(reader.fields()[i]);
    columns.emplace_back(name);
    const auto column = static_cast<std::uint32_t>(i + 1);
    if (auto fault = check_input_text(reader.fields()[i])) {
      ws.report_file(
          kind, source,
          header_error(ErrorCode::kInvalidValue, file, column, {},
                       fmt::format("column name: {} (character {})", fault->reason, fault->character + 1)));
      ok = false;
      continue;
    }
    const auto known = std::ranges::find(names, name);
    if (known == names.end()) {
      ws.report_file(kind, source,
                     header_error(ErrorCode::kUnknownField, file, column, std::string(name),
                                  fmt::format("unknown column in {}.csv{}", table_name(kind),
                                              did_you_mean(name, names))));
      ok = false;
      continue;
    }
    int& slot = header.field_of_column[static_cast<std::size_t>(known - names.begin())];
    if (slot >= 0) {
      ws.report_file(kind, source,
                     header_error(ErrorCode::kDuplicateKey, file, column, std::string(name),
                                  fmt::format("column repeated (first at column {})", slot + 1)));
      ok = false;
      continue;
    }
    slot = static_cast<int>(i);
  }
  for (std::size_t c = 0; c < schema.size(); ++c) {
    if (!schema[c].required || header.field_of_column[c] >= 0) continue;
    // Column: where the header ends, the place to add the missing name.
    ws.report_file(
        kind, source,
        header_error(ErrorCode::kMissingField, file, static_cast<std::uint32_t>(header.width + 1),
                     std::string(schema[c].name),
                     fmt::format("required column missing from the header of {}.csv", table_name(kind))));
    ok = false;
  }
  if (!ok) return std::nullopt;
  return header;
}

Error field_count_error(const CsvReader& reader, const Header& header) {
  const std::size_t found = reader.fields().size();
  const auto column = static_cast<std::uint32_t>(std::min(found, header.width) + 1);
  // Too few: the column of the first missing field (name_column names it). Too many: the first
  // field beyond the header, which has no name.
  std::string message = fmt::format("expected {} fields (as in the header), found {}", header.width, found);
  if (found > header.width) message += fmt::format(": fields from {} on have no column", header.width + 1);
  return Error{
      ErrorCode::kMalformedCsv, std::move(message), Location{reader.file(), reader.line(), column}, {}};
}

std::vector<Error> text_errors(const CsvReader& reader, const Source& source) {
  std::vector<Error> errors;
  const auto fields = reader.fields();
  for (std::size_t i = 0; i < fields.size(); ++i) {
    const auto fault = check_input_text(fields[i]);
    if (!fault) continue;
    const auto column = static_cast<std::uint32_t>(i + 1);
    errors.push_back(Error{ErrorCode::kInvalidValue,
                           fmt::format("{} (character {} of the value)", fault->reason, fault->character + 1),
                           Location{reader.file(), reader.line(), column},
                           i < source.columns.size() ? source.columns[i] : std::string()});
  }
  return errors;
}

std::size_t estimate_rows(std::string_view bytes) {
  const std::string_view sample = bytes.substr(0, std::size_t{1} << 20);
  const auto lines = static_cast<std::size_t>(std::ranges::count(sample, '\n'));
  if (lines == 0) return 1;
  return static_cast<std::size_t>(static_cast<double>(bytes.size()) / static_cast<double>(sample.size()) *
                                  static_cast<double>(lines) * 1.02) +
         1;
}

std::vector<std::size_t> split_points(std::string_view body, std::size_t parts) {
  std::vector<std::size_t> cuts = {0};
  for (std::size_t p = 1; p < parts; ++p) {
    const std::size_t target = std::max(cuts.back(), body.size() / parts * p);
    const std::size_t newline = body.find('\n', target);
    if (newline == std::string_view::npos || newline + 1 >= body.size()) break;
    if (newline + 1 > cuts.back()) cuts.push_back(newline + 1);
  }
  cuts.push_back(body.size());
  return cuts;
}

std::size_t parallel_parts(std::string_view body) {
  constexpr std::size_t kMinBytesPerPart = std::size_t{4} << 20;
  constexpr std::size_t kMaxParts = 4;
  const std::size_t cores = std::max(1U, std::thread::hardware_concurrency());
  return std::clamp<std::size_t>(body.size() / kMinBytesPerPart, 1, std::min(cores, kMaxParts));
}

void write_header(std::span<const ColumnSpec> schema, CsvWriter& writer) {
  for (const ColumnSpec& column : schema)
    writer.field(column.name);
  writer.end_row();
}

Error name_column(Error error, const Source& source) {
  const std::uint32_t column = error.where.column;
  if (column >= 1 && column <= source.columns.size()) error.field = source.columns[column - 1];
  return error;
}

}  // namespace atlas::io::internal
