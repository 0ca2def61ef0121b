// Reading one CSV table: header checks, then each row through a table's row parser.
#pragma once

#include <algorithm>
#include <iterator>
#include <optional>
#include <span>
#include <string_view>
#include <thread>
#include <utility>
#include <vector>

#include "io/csv.hpp"
#include "io/internal/cells.hpp"
#include "io/internal/workspace.hpp"

namespace atlas::io::internal {

struct Header {
  std::vector<int> field_of_column;  // per schema column: field index, -1 when absent
  std::size_t width = 0;             // fields per row
};

/// Reads the header row and checks it against `schema`: unknown columns (with the closest known
/// name), repeated columns and missing required columns become kFile issues (nullopt then).
/// Stores the column names in the source for locating errors later.
[[nodiscard]] std::optional<Header> read_header(CsvReader& reader, std::span<const ColumnSpec> schema,
                                                Workspace& ws, TableKind kind, std::uint32_t source);

/// The kMalformedCsv error for a row with the wrong number of fields.
[[nodiscard]] Error field_count_error(const CsvReader& reader, const Header& header);

/// The input-text rule (model/text.hpp: UTF-8, no control characters but TAB, LF, CRLF) on every
/// field of the reader's current record: one kInvalidValue error per bad field, at
/// file:line:column (column = the field's index, as for every CSV error) naming the column and
/// the character at fault. Empty when every field is acceptable.
[[nodiscard]] std::vector<Error> text_errors(const CsvReader& reader, const Source& source);

/// Names the column of a CSV error after its header (`field`), when the header is known.
[[nodiscard]] Error name_column(Error error, const Source& source);

/// Writes the header row: the schema's column names in order.
void write_header(std::span<const ColumnSpec> schema, CsvWriter& writer);

/// About how many rows `bytes` holds, from the line length of its first megabyte.
[[nodiscard]] std::size_t estimate_rows(std::string_view bytes);

/// Offsets that cut `body` into about `parts` slices, each cut just after a newline: the first
/// is 0 and the last is body.size().
[[nodiscard]] std::vector<std::size_t> split_points(std::string_view body, std::size_t parts);

/// How many slices to parse `body` in: one per core (at most 4) for large inputs, else 1.
[[nodiscard]] std::size_t parallel_parts(std::string_view body);

template <class R>
void reserve_rows(Table<R>& table, std::size_t rows) {
  table.rows.reserve(table.rows.size() + rows);
  table.origins.reserve(table.origins.size() + rows);
  table.dropped.reserve(table.dropped.size() + rows);
}

/// The rows of one slice of a table and their issues (row numbers relative to the slice).
template <class R>
struct Chunk {
  Table<R> table;
  std::vector<Issue> issues;
  bool ended_in_quotes = false;
};

struct ChunkContext {
  const Header& header;
  std::span<const ColumnSpec> schema;
  const Source& source;
  std::uint32_t source_index;
  TableKind kind;
};

/// Parses the rows of `bytes` (which starts at a record start on `first_line`), with room reserved
/// for `expected_rows`.
template <class R, class Parse>
void parse_chunk(std::string_view bytes, std::uint32_t first_line, std::size_t expected_rows,
                 const ChunkContext& ctx, Parse& parse_row, Chunk<R>& out) {
  CsvReader reader(bytes, ctx.source.file, first_line);
  reserve_rows(out.table, expected_rows);
  Cells cells(ctx.schema, ctx.header.field_of_column, ctx.source.file);
  for (;;) {
    auto more = reader.next();
    if (!more) {
      out.issues.push_back(Issue{ctx.kind, IssueScope::kLine, 0, ctx.source_index,
                                 name_column(std::move(more.error()), ctx.source)});
      continue;
    }
    if (!*more) break;
    if (reader.fields().size() != ctx.header.width) {
      out.issues.push_back(Issue{ctx.kind, IssueScope::kLine, 0, ctx.source_index,
                                 name_column(field_count_error(reader, ctx.header), ctx.source)});
      continue;
    }
    if (std::vector<Error> bad = text_errors(reader, ctx.source); !bad.empty()) {
      // A record with bytes no value may hold gives no record: nothing else of it is trusted.
      for (Error& e : bad)
        out.issues.push_back(Issue{ctx.kind, IssueScope::kLine, 0, ctx.source_index, std::move(e)});
      continue;
    }
    cells.reset(reader.fields(), reader.line());
    R record{};
    parse_row(cells, record);
    const auto row = static_cast<std::uint32_t>(out.table.rows.size());
    out.table.rows.push_back(std::move(record));
    out.table.origins.push_back(RowOrigin{ctx.source_index, reader.line(), 0});
    out.table.dropped.push_back(0);
    for (Error& e : cells.errors()) {
      out.issues.push_back(Issue{ctx.kind, IssueScope::kRecord, row, ctx.source_index, std::move(e)});
    }
  }
  out.ended_in_quotes = reader.ended_in_quotes();
}

/// Appends a chunk's rows to `table` and its issues (renumbered) to the workspace.
template <class R>
void merge_chunk(Workspace& ws, Table<R>& table, Chunk<R>& chunk) {
  const auto offset = static_cast<std::uint32_t>(table.rows.size());
  if (offset == 0) {
    table = std::move(chunk.table);
  } else {
    table.rows.insert(table.rows.end(), std::make_move_iterator(chunk.table.rows.begin()),
                      std::make_move_iterator(chunk.table.rows.end()));
    table.origins.insert(table.origins.end(), chunk.table.origins.begin(), chunk.table.origins.end());
    table.dropped.insert(table.dropped.end(), chunk.table.dropped.begin(), chunk.table.dropped.end());
  }
  for (Issue& issue : chunk.issues) {
    if (issue.scope == IssueScope::kRecord) issue.row += offset;
    ws.issues.push_back(std::move(issue));
  }
}

/// Parses the slices of `body` on one thread each. A slice cut inside a quoted field shows as the
/// slice before it ending inside quotes: then the whole body is parsed again in one piece.
template <class R, class Parse>
std::vector<Chunk<R>> parse_body(std::string_view body, std::uint32_t first_line, const ChunkContext& ctx,
                                 Parse& parse_row) {
  const std::vector<std::size_t> cuts = split_points(body, parallel_parts(body));
  std::vector<Chunk<R>> chunks(cuts.size() - 1);
  std::vector<std::uint32_t> lines = {first_line};
  for (std::size_t c = 1; c < chunks.size(); ++c) {
    const std::string_view before = body.substr(cuts[c - 1], cuts[c] - cuts[c - 1]);
    lines.push_back(lines.back() + static_cast<std::uint32_t>(std::ranges::count(before, '\n')));
  }
  {
    std::vector<Parse> parsers(chunks.size(), parse_row);  // row parsers may cache: one each
    std::vector<std::jthread> threads;
    const auto parse = [&](std::size_t c) {
      const std::string_view slice = body.substr(cuts[c], cuts[c + 1] - cuts[c]);
      // The first slice makes room for every row, so that merging the others moves only theirs.
      parse_chunk(slice, lines[c], estimate_rows(c == 0 ? body : slice), ctx, parsers[c], chunks[c]);
    };
    for (std::size_t c = 1; c < chunks.size(); ++c)
      threads.emplace_back(parse, c);
    parse(0);
  }
  const bool clean = std::ranges::none_of(chunks.begin(), chunks.end() - 1,
                                          [](const Chunk<R>& c) { return c.ended_in_quotes; });
  if (clean) return chunks;
  chunks = std::vector<Chunk<R>>(1);
  parse_chunk(body, first_line, estimate_rows(body), ctx, parse_row, chunks[0]);
  return chunks;
}

/// Reads `bytes` as table `kind`: every row goes through `parse_row(Cells&, R&)` and lands in
/// `table` with its origin and its errors (as issues). Large inputs are parsed in slices on
/// several threads; rows keep the order of the file. `parse_row` must be copyable.
template <class R, class Parse>
void read_csv_table(Workspace& ws, TableKind kind, std::uint32_t source, std::string_view bytes,
                    std::span<const ColumnSpec> schema, Table<R>& table, Parse parse_row) {
  CsvReader reader(bytes, ws.sources[source].file);
  const std::optional<Header> header = read_header(reader, schema, ws, kind, source);
  if (!header) return;  // the table stays unknown: references to it are not checked
  ws.mark_read(kind);
  const ChunkContext ctx{*header, schema, ws.sources[source], source, kind};
  std::vector<Chunk<R>> chunks =
      parse_body<R>(bytes.substr(reader.offset()), reader.next_line(), ctx, parse_row);
  for (Chunk<R>& chunk : chunks)
    merge_chunk(ws, table, chunk);
}

}  // namespace atlas::io::internal
