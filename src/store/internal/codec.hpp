// Helpers shared by the per-table codecs: dates, enums and list tables to and from SQL, JSON bits.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "model/error.hpp"
#include "model/period.hpp"
#include "model/records.hpp"
#include "store/internal/json.hpp"
#include "store/internal/sqlite.hpp"

namespace atlas::store_internal {

/// kStoreError for a stored value that does not decode (a database edited by hand, or a bug).
[[nodiscard]] std::unexpected<Error> corrupt(std::string_view table, std::string_view column,
                                             std::string_view value);

/// A date as stored ("2021", "2021-07", "2021-07-02"), or nullopt for NULL.
[[nodiscard]] std::optional<std::string> date_text(const std::optional<Date>& date);
/// Reads a date column written by date_text.
[[nodiscard]] Result<std::optional<Date>> read_date(const Stmt& stmt, int column, std::string_view table,
                                                    std::string_view name);

/// Reads an enum column stored as its data-file word (to_string of the model).
template <class E>
[[nodiscard]] Result<E> read_enum(const Stmt& stmt, int column, std::optional<E> (*parse)(std::string_view),
                                  std::string_view table, std::string_view name) {
  const std::string_view word = stmt.text_view(column);
  if (auto value = parse(word)) return *value;
  return corrupt(table, name, word);
}

/// Storage words of PeriodKind ("year", "month", "cumulative").
[[nodiscard]] std::string_view period_kind_word(PeriodKind kind);
[[nodiscard]] std::optional<PeriodKind> parse_period_kind_word(std::string_view word);

/// Whether a table belongs to a plan: its rows carry a `plan` column, and its statements read and
/// write only the rows of the connection's plan (Db::set_plan, `atlas_plan()` in SQL).
enum class Owner : std::uint8_t { kRegister, kPlan };

/// A list field stored as rows (parent, pos, value) of its own table ((plan, parent, pos, value)
/// for a plan's table).
struct ListTable {
  ListTable(std::string_view table, std::string_view parent, std::string_view value,
            Owner owner = Owner::kRegister);
  std::string remove;      // DELETE FROM t WHERE parent = ?1
  std::string insert;      // INSERT INTO t (parent, pos, value) VALUES (?1, ?2, ?3)
  std::string select_one;  // SELECT parent, value FROM t WHERE parent = ?1 ORDER BY pos
  std::string select_all;  // SELECT parent, value FROM t ORDER BY parent, pos
};

/// Replaces the stored list of `parent` with `values`.
[[nodiscard]] Result<void> write_list(Db& db, const ListTable& table, std::string_view parent,
                                      const std::vector<std::string>& values);

/// Streams a list table ordered by (parent, pos) and hands out each parent's list. Parents must
/// be asked for in ascending byte order (the order of a `ORDER BY id` scan of the owner table).
class ListReader {
 public:
  /// Reads the list of one parent (`parent` given) or of every parent (nullptr).
  [[nodiscard]] static Result<ListReader> open(Db& db, const ListTable& table, const std::string* parent);
  /// The values stored for `parent`, in list order (empty when none).
  [[nodiscard]] Result<std::vector<std::string>> take(std::string_view parent);

 private:
  explicit ListReader(StmtRef stmt) : stmt_(std::move(stmt)) {}
  [[nodiscard]] Result<void> advance();
  StmtRef stmt_;
  bool has_row_ = false;
};

/// Writes `"key":{"zh":…,"en":…}`.
void names_field(JsonWriter& json, std::string_view key, const Names& names);
/// Writes `"key":[…]` of strings.
void list_field(JsonWriter& json, std::string_view key, const std::vector<std::string>& values);
/// Writes `"key":"2021-07"` or `"key":null`.
void date_field(JsonWriter& json, std::string_view key, const std::optional<Date>& date);

/// The two SELECTs of a table: one record by key, and every record in key order.
struct Queries {
  Queries(std::string_view select, std::string_view key_where, std::string_view order_by);
  std::string fetch;  // select + key_where
  std::string all;    // select + order_by
};

/// "INSERT INTO table (c1, c2 …) VALUES (?1, ?2 …) ON CONFLICT (key …) DO UPDATE SET c = excluded.c …"
/// for every non-key column: an upsert that never deletes the row (children keep their parent).
/// A plan's table (Owner::kPlan) also writes `plan` = atlas_plan() and has it first in its key.
[[nodiscard]] std::string upsert_sql(std::string_view table, std::initializer_list<std::string_view> columns,
                                     std::initializer_list<std::string_view> key,
                                     Owner owner = Owner::kRegister);

/// The WHERE condition that keeps a plan's table to the connection's plan.
inline constexpr std::string_view kThisPlan = "plan = atlas_plan()";

/// A composite key as a compact JSON array of strings: ["a","b","c"].
[[nodiscard]] std::string composite_key(std::initializer_list<std::string_view> parts);

// ---- reading records: generic over the record type ----

/// Reads the rows of a prepared SELECT with `read_row`, one record per row.
template <class R, class ReadRow>
[[nodiscard]] Result<void> read_rows(Stmt& stmt, ReadRow read_row,
                                     const std::function<Result<void>(R&&)>& sink) {
  for (;;) {
    auto row = stmt.step();
    if (!row) return std::unexpected(row.error());
    if (!*row) return {};
    Result<R> record = read_row(stmt);
    if (!record) return std::unexpected(record.error());
    if (auto ok = sink(std::move(*record)); !ok) return ok;
  }
}

/// The first row of a prepared SELECT, read with `read_row`, or nullopt.
template <class R, class ReadRow>
[[nodiscard]] Result<std::optional<R>> read_first(Stmt& stmt, ReadRow read_row) {
  auto row = stmt.step();
  if (!row) return std::unexpected(row.error());
  if (!*row) return std::optional<R>();
  Result<R> record = read_row(stmt);
  if (!record) return std::unexpected(record.error());
  return std::optional<R>(std::move(*record));
}

/// Appends every row of a prepared SELECT to `out`.
template <class R, class ReadRow>
[[nodiscard]] Result<void> read_into(Stmt& stmt, ReadRow read_row, std::vector<R>& out) {
  return read_rows<R>(stmt, read_row, [&out](R&& record) -> Result<void> {
    out.push_back(std::move(record));
    return {};
  });
}

/// Fills the list field `field` of each record (in ascending `key` order) from a list table: of one
/// parent (`parent` given) or streaming the whole table (nullptr).
template <class R>
[[nodiscard]] Result<void> attach_lists(Db& db, const ListTable& table, const std::string* parent,
                                        std::span<R> records, std::vector<std::string> R::*field,
                                        std::string R::*key) {
  auto reader = ListReader::open(db, table, parent);
  if (!reader) return std::unexpected(reader.error());
  for (R& record : records) {
    auto values = reader->take(record.*key);
    if (!values) return std::unexpected(values.error());
    record.*field = std::move(*values);
  }
  return {};
}

/// fetch() of a table keyed by one text column whose records have one list field.
template <class R, class ReadRow>
[[nodiscard]] Result<std::optional<R>> fetch_with_list(Db& db, const std::string& key, const Queries& queries,
                                                       ReadRow read_row, const ListTable& list,
                                                       std::vector<std::string> R::*field,
                                                       std::string R::*key_field) {
  auto stmt = db.prepare(queries.fetch);
  if (!stmt) return std::unexpected(stmt.error());
  (*stmt)->bind_all(key);
  auto record = read_first<R>(**stmt, read_row);
  if (!record || !*record) return record;
  auto ok = attach_lists(db, list, &key, std::span<R>(&**record, 1), field, key_field);
  if (!ok) return std::unexpected(ok.error());
  return record;
}

/// load_all() of a table whose records have one list field.
template <class R, class ReadRow>
[[nodiscard]] Result<void> load_with_list(Db& db, std::vector<R>& out, const Queries& queries,
                                          ReadRow read_row, const ListTable& list,
                                          std::vector<std::string> R::*field, std::string R::*key_field) {
  auto stmt = db.prepare(queries.all);
  if (!stmt) return std::unexpected(stmt.error());
  const std::size_t first = out.size();
  if (auto ok = read_into(**stmt, read_row, out); !ok) return ok;
  return attach_lists(db, list, nullptr, std::span<R>(out).subspan(first), field, key_field);
}

/// fetch() of a table keyed by one text column, without list fields.
template <class R, class ReadRow>
[[nodiscard]] Result<std::optional<R>> fetch_plain(Db& db, const std::string& key, const Queries& queries,
                                                   ReadRow read_row) {
  auto stmt = db.prepare(queries.fetch);
  if (!stmt) return std::unexpected(stmt.error());
  (*stmt)->bind_all(key);
  return read_first<R>(**stmt, read_row);
}

/// load_all() of a table without list fields.
template <class R, class ReadRow>
[[nodiscard]] Result<void> load_plain(Db& db, std::vector<R>& out, const Queries& queries, ReadRow read_row) {
  auto stmt = db.prepare(queries.all);
  if (!stmt) return std::unexpected(stmt.error());
  return read_into(**stmt, read_row, out);
}

/// fetch() of a table keyed by one text column whose records have parts in tables of their own
/// (a chain's links and edges, a unit's scales): the row, then `read_parts(db, record)`.
template <class R, class ReadRow, class ReadParts>
[[nodiscard]] Result<std::optional<R>> fetch_with_parts(Db& db, const std::string& key,
                                                        const Queries& queries, ReadRow read_row,
                                                        ReadParts read_parts) {
  auto record = fetch_plain<R>(db, key, queries, read_row);
  if (!record || !*record) return record;
  if (auto ok = read_parts(db, **record); !ok) return std::unexpected(ok.error());
  return record;
}

/// load_all() of such a table: every row, then the parts of each.
template <class R, class ReadRow, class ReadParts>
[[nodiscard]] Result<void> load_with_parts(Db& db, std::vector<R>& out, const Queries& queries,
                                           ReadRow read_row, ReadParts read_parts) {
  const std::size_t first = out.size();
  if (auto ok = load_plain(db, out, queries, read_row); !ok) return ok;
  for (std::size_t i = first; i < out.size(); ++i) {
    if (auto ok = read_parts(db, out[i]); !ok) return ok;
  }
  return {};
}

}  // namespace atlas::store_internal
