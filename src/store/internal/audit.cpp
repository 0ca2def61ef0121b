#include "store/internal/audit.hpp"

#include <algorithm>
#include <limits>

#include "store/internal/codec.hpp"
#include "store/internal/json.hpp"

namespace atlas::store_internal {

Result<AuditWriter> AuditWriter::begin(Db& db) {
  auto last = db.query_int("SELECT max(id) FROM audit_events", 0);
  if (!last) return std::unexpected(last.error());
  return AuditWriter(db, *last + 1);
}

Result<void> AuditWriter::change(std::string_view table, std::string_view key,
                                 const std::optional<std::string>& before, const std::string& after) {
  constexpr std::string_view sql =
      "INSERT INTO audit_changes (event, seq, table_name, record_key, before, after) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6)";
  return db_->run(sql, event_id_, seq_++, table, key, before, after);
}

Result<void> AuditWriter::finish(const AuditEvent& event, std::string_view at, std::string_view summary,
                                 std::int64_t data_version) {
  constexpr std::string_view sql =
      "INSERT INTO audit_events (id, at, actor, action, summary, data_version) VALUES (?1, ?2, ?3, ?4, ?5, "
      "?6)";
  return db_->run(sql, event_id_, at, event.actor, event.action, summary, data_version);
}

Result<std::vector<AuditEntry>> read_audit_log(Db& db, std::size_t limit) {
  auto stmt = db.prepare(
      "SELECT id, at, actor, action, summary, data_version FROM audit_events ORDER BY id DESC LIMIT ?1");
  if (!stmt) return std::unexpected(stmt.error());
  const auto capped = static_cast<std::int64_t>(
      std::min<std::size_t>(limit, static_cast<std::size_t>(std::numeric_limits<std::int64_t>::max())));
  (*stmt)->bind_all(capped);
  std::vector<AuditEntry> entries;
  auto read = [](const Stmt& s) -> Result<AuditEntry> {
    return AuditEntry{s.int64(0), s.text(1), s.text(2), s.text(3), s.text(4), s.int64(5)};
  };
  if (auto ok = read_into(**stmt, read, entries); !ok) return std::unexpected(ok.error());
  return entries;
}

Result<std::vector<AuditChange>> read_audit_changes(Db& db, std::int64_t event_id) {
  auto stmt = db.prepare(
      "SELECT table_name, record_key, before, after FROM audit_changes WHERE event = ?1 ORDER BY seq");
  if (!stmt) return std::unexpected(stmt.error());
  (*stmt)->bind_all(event_id);
  std::vector<AuditChange> changes;
  auto read = [](const Stmt& s) -> Result<AuditChange> {
    return AuditChange{s.text(0), s.text(1), s.opt_text(2), s.text(3)};
  };
  if (auto ok = read_into(**stmt, read, changes); !ok) return std::unexpected(ok.error());
  return changes;
}

std::string summary_json(const std::vector<TableCounts>& tables) {
  JsonWriter json;
  json.begin_object();
  for (const TableCounts& t : tables) {
    json.key(t.table)
        .begin_object()
        .field("inserted", t.inserted)
        .field("updated", t.updated)
        .field("unchanged", t.unchanged)
        .end_object();
  }
  return json.end_object().take();
}

}  // namespace atlas::store_internal
