// Writing and reading the append-only audit log (tables audit_events and audit_changes).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/error.hpp"
#include "store/internal/sqlite.hpp"
#include "store/store.hpp"

namespace atlas::store_internal {

/// Writes one audit event inside the caller's write transaction: the changes stream to disk as the
/// apply runs, the event row (with its final summary) comes last. The id is reserved up front,
/// which is safe because the transaction holds the write lock. Not thread-safe.
class AuditWriter {
 public:
  /// Reserves the next event id. Must be called inside a write transaction.
  [[nodiscard]] static Result<AuditWriter> begin(Db& db);

  [[nodiscard]] std::int64_t event_id() const { return event_id_; }

  /// Appends one changed record: `before` is absent for a new record.
  [[nodiscard]] Result<void> change(std::string_view table, std::string_view key,
                                    const std::optional<std::string>& before, const std::string& after);

  /// Writes the event row. Call once, after the last change.
  [[nodiscard]] Result<void> finish(const AuditEvent& event, std::string_view at, std::string_view summary,
                                    std::int64_t data_version);

 private:
  AuditWriter(Db& db, std::int64_t event_id) : db_(&db), event_id_(event_id) {}
  Db* db_;
  std::int64_t event_id_;
  std::int64_t seq_ = 0;
};

/// The latest `limit` events, newest first.
[[nodiscard]] Result<std::vector<AuditEntry>> read_audit_log(Db& db, std::size_t limit);
/// The changes of one event in write order.
[[nodiscard]] Result<std::vector<AuditChange>> read_audit_changes(Db& db, std::int64_t event_id);

/// The summary JSON of an apply: {"table":{"inserted":n,"updated":n,"unchanged":n},…}.
[[nodiscard]] std::string summary_json(const std::vector<TableCounts>& tables);

}  // namespace atlas::store_internal
