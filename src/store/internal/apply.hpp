// apply(): upsert a delta Dataset in one transaction with its audit event.
#pragma once

#include <functional>
#include <string_view>

#include "model/error.hpp"
#include "model/records.hpp"
#include "store/internal/sqlite.hpp"
#include "store/store.hpp"

namespace atlas::store_internal {

/// The body of Store::apply (see its contract): BEGIN IMMEDIATE, upsert every table of `delta`
/// parents first, bump data_version, append the audit event stamped `at`, COMMIT. On any error
/// the transaction is rolled back and nothing is written.
[[nodiscard]] Result<ApplySummary> apply_delta(Db& db, const Dataset& delta, const AuditEvent& event,
                                               std::string_view at, const ApplyProgress& progress,
                                               const std::function<Result<void>()>& before_commit = {});

}  // namespace atlas::store_internal
