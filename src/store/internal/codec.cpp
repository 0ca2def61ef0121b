#include "store/internal/codec.hpp"

#include <algorithm>

#include <fmt/format.h>
#include <fmt/ranges.h>

namespace atlas::store_internal {

std::unexpected<Error> corrupt(std::string_view table, std::string_view column, std::string_view value) {
  return fail(
      ErrorCode::kStoreError,
      fmt::format("{}.{}: stored value '{}' does not decode (corrupt database?)", table, column, value),
      std::string(table));
}

std::optional<std::string> date_text(const std::optional<Date>& date) {
  if (!date) return std::nullopt;
  return date->to_string();
}

Result<std::optional<Date>> read_date(const Stmt& stmt, int column, std::string_view table,
                                      std::string_view name) {
  if (stmt.is_null(column)) return std::optional<Date>();
  const std::string_view text = stmt.text_view(column);
  auto date = parse_date(text);
  if (!date) return corrupt(table, name, text);
  return std::optional<Date>(*date);
}

std::string_view period_kind_word(PeriodKind kind) {
  switch (kind) {
    case PeriodKind::kYear:
      return "year";
    case PeriodKind::kMonth:
      return "month";
    case PeriodKind::kCumulative:
      return "cumulative";
  }
  return "year";
}

std::optional<PeriodKind> parse_period_kind_word(std::string_view word) {
  if (word == "year") return PeriodKind::kYear;
  if (word == "month") return PeriodKind::kMonth;
  if (word == "cumulative") return PeriodKind::kCumulative;
  return std::nullopt;
}

Queries::Queries(std::string_view select, std::string_view key_where, std::string_view order_by)
    : fetch(fmt::format("{} {}", select, key_where)), all(fmt::format("{} {}", select, order_by)) {
}

std::string upsert_sql(std::string_view table, std::initializer_list<std::string_view> columns,
                       std::initializer_list<std::string_view> key, Owner owner) {
  std::vector<std::string_view> names;
  std::vector<std::string> placeholders;
  std::vector<std::string_view> key_names;
  std::vector<std::string> updates;
  if (owner == Owner::kPlan) {
    names.emplace_back("plan");
    placeholders.emplace_back("atlas_plan()");
    key_names.emplace_back("plan");
  }
  std::size_t parameter = 0;
  for (std::string_view column : columns) {
    names.push_back(column);
    placeholders.push_back(fmt::format("?{}", ++parameter));
    if (std::find(key.begin(), key.end(), column) == key.end()) {
      updates.push_back(fmt::format("{0} = excluded.{0}", column));
    }
  }
  key_names.insert(key_names.end(), key.begin(), key.end());
  return fmt::format("INSERT INTO {} ({}) VALUES ({}) ON CONFLICT ({}) DO UPDATE SET {}", table,
                     fmt::join(names, ", "), fmt::join(placeholders, ", "), fmt::join(key_names, ", "),
                     fmt::join(updates, ", "));
}

// ---- list tables ----

ListTable::ListTable(std::string_view table, std::string_view parent, std::string_view value, Owner owner) {
  if (owner == Owner::kRegister) {
    remove = fmt::format("DELETE FROM {} WHERE {} = ?1", table, parent);
    insert = fmt::format("INSERT INTO {} ({}, pos, {}) VALUES (?1, ?2, ?3)", table, parent, value);
    select_one = fmt::format("SELECT {0}, {1} FROM {2} WHERE {0} = ?1 ORDER BY pos", parent, value, table);
    select_all = fmt::format("SELECT {0}, {1} FROM {2} ORDER BY {0}, pos", parent, value, table);
    return;
  }
  remove = fmt::format("DELETE FROM {} WHERE {} AND {} = ?1", table, kThisPlan, parent);
  insert = fmt::format("INSERT INTO {} (plan, {}, pos, {}) VALUES (atlas_plan(), ?1, ?2, ?3)", table, parent,
                       value);
  select_one = fmt::format("SELECT {0}, {1} FROM {2} WHERE {3} AND {0} = ?1 ORDER BY pos", parent, value,
                           table, kThisPlan);
  select_all =
      fmt::format("SELECT {0}, {1} FROM {2} WHERE {3} ORDER BY {0}, pos", parent, value, table, kThisPlan);
}

Result<void> write_list(Db& db, const ListTable& table, std::string_view parent,
                        const std::vector<std::string>& values) {
  if (auto ok = db.run(table.remove, parent); !ok) return ok;
  auto insert = db.prepare(table.insert);
  if (!insert) return std::unexpected(insert.error());
  for (std::size_t pos = 0; pos < values.size(); ++pos) {
    (*insert)->reset();
    (*insert)->bind_all(parent, static_cast<std::int64_t>(pos), values[pos]);
    if (auto ok = (*insert)->run(); !ok) return ok;
  }
  return {};
}

Result<ListReader> ListReader::open(Db& db, const ListTable& table, const std::string* parent) {
  auto stmt = db.prepare(parent != nullptr ? table.select_one : table.select_all);
  if (!stmt) return std::unexpected(stmt.error());
  if (parent != nullptr) (*stmt)->bind_all(*parent);
  ListReader reader(std::move(*stmt));
  if (auto ok = reader.advance(); !ok) return std::unexpected(ok.error());
  return reader;
}

Result<void> ListReader::advance() {
  auto row = stmt_->step();
  if (!row) return std::unexpected(row.error());
  has_row_ = *row;
  return {};
}

Result<std::vector<std::string>> ListReader::take(std::string_view parent) {
  std::vector<std::string> values;
  // Rows of parents never asked for cannot exist (foreign keys), but skip them rather than stall.
  while (has_row_ && stmt_->text_view(0) < parent) {
    if (auto ok = advance(); !ok) return std::unexpected(ok.error());
  }
  while (has_row_ && stmt_->text_view(0) == parent) {
    values.push_back(stmt_->text(1));
    if (auto ok = advance(); !ok) return std::unexpected(ok.error());
  }
  return values;
}

// ---- JSON ----

void names_field(JsonWriter& json, std::string_view key, const Names& names) {
  json.key(key).begin_object().field("zh", names.zh).field("en", names.en).end_object();
}

void list_field(JsonWriter& json, std::string_view key, const std::vector<std::string>& values) {
  json.key(key).begin_array();
  for (const std::string& value : values)
    json.value(value);
  json.end_array();
}

void date_field(JsonWriter& json, std::string_view key, const std::optional<Date>& date) {
  json.field(key, date_text(date));
}

std::string composite_key(std::initializer_list<std::string_view> parts) {
  JsonWriter json;
  json.begin_array();
  for (std::string_view part : parts)
    json.value(part);
  json.end_array();
  return json.take();
}

}  // namespace atlas::store_internal
