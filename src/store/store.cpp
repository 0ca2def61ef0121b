#include "store/store.hpp"

#include <algorithm>
#include <exception>
#include <tuple>
#include <utility>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "model/plan_set.hpp"
#include "store/internal/apply.hpp"
#include "store/internal/audit.hpp"
#include "store/internal/guarded.hpp"
#include "store/internal/migrations.hpp"
#include "store/internal/sqlite.hpp"
#include "store/internal/tables.hpp"

namespace atlas {
namespace {

using store_internal::Db;
using store_internal::Transaction;

constexpr std::string_view kMemory = ":memory:";

// Runs `body`, turning an exception (out of memory, or thrown by a caller's callback) into an
// error: no exception leaves the store. An open transaction rolls back while unwinding.
using store_internal::guarded;

// The first column of a one-row PRAGMA, as text.
Result<std::string> pragma_text(Db& db, std::string_view sql) {
  auto stmt = db.prepare(sql);
  if (!stmt) return std::unexpected(stmt.error());
  auto row = (*stmt)->step();
  if (!row) return std::unexpected(row.error());
  return *row ? (*stmt)->text(0) : std::string();
}

Result<void> configure(Db& db, bool in_memory, const StoreOptions& options) {
  db.set_busy_timeout(options.busy_timeout_ms);
  // A negative cache_size is in KiB (PRAGMA takes no bound parameters; this is an integer).
  if (auto ok = db.exec(fmt::format("PRAGMA cache_size = -{}", std::max(options.cache_kib, 64))); !ok)
    return ok;
  if (auto ok = db.run("PRAGMA foreign_keys = ON"); !ok) return ok;
  auto foreign_keys = pragma_text(db, "PRAGMA foreign_keys");
  if (!foreign_keys) return std::unexpected(foreign_keys.error());
  if (*foreign_keys != "1") return fail(ErrorCode::kStoreError, "this SQLite cannot enforce foreign keys");
  if (in_memory) return {};
  auto mode = pragma_text(db, "PRAGMA journal_mode = WAL");
  if (!mode) return std::unexpected(mode.error());
  if (*mode != "wal") {
    return fail(ErrorCode::kStoreError, fmt::format("cannot use WAL mode (journal mode is '{}')", *mode));
  }
  // After a checkpoint the WAL is cut back to 64 MiB instead of keeping the size of the largest
  // transaction ever written.
  if (auto ok = db.run("PRAGMA journal_size_limit = 67108864"); !ok) return ok;
  // In WAL mode NORMAL stays consistent after a crash; the last commits may be lost on power loss.
  return db.run("PRAGMA synchronous = NORMAL");
}

std::chrono::sys_seconds system_now() {
  return std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
}

// Sorts each run of observations with equal (enterprise, metric) by period. A load returns them
// grouped by (enterprise, metric) already, so this is cheap on big data.
void sort_observations(std::vector<ObservationRecord>& obs) {
  auto group_key = [](const ObservationRecord& o) { return std::tie(o.enterprise, o.metric); };
  if (!std::ranges::is_sorted(obs, {}, group_key)) std::ranges::stable_sort(obs, {}, group_key);
  for (auto first = obs.begin(); first != obs.end();) {
    auto last = std::find_if(first, obs.end(), [&](const ObservationRecord& o) {
      return o.enterprise != first->enterprise || o.metric != first->metric;
    });
    std::sort(first, last,
              [](const ObservationRecord& a, const ObservationRecord& b) { return a.period < b.period; });
    first = last;
  }
}

// load_all() into each vector in turn, stopping at the first failure.
template <class... Vectors>
Result<void> load_each(Db& db, Vectors&... vectors) {
  Result<void> ok;
  (void)((ok = store_internal::load_all(db, vectors)) && ...);
  return ok;
}

Result<std::vector<PlanInfo>> all_plans(Db& db) {
  std::vector<PlanInfo> plans;
  if (auto ok = store_internal::load_all(db, plans); !ok) return std::unexpected(ok.error());
  return plans;
}

// The plan a read names (model's choose_plan), or "" for a database without plans when none is named.
Result<std::string> resolve_plan(Db& db, std::string_view requested) {
  auto plans = all_plans(db);
  if (!plans) return std::unexpected(plans.error());
  if (plans->empty() && requested.empty()) return std::string();
  std::vector<std::string_view> ids;
  std::string_view default_id;
  for (const PlanInfo& p : *plans) {
    ids.push_back(p.id);
    if (p.is_default) default_id = p.id;
  }
  auto index = choose_plan(ids, default_id, requested);
  if (!index) return std::unexpected(index.error());
  return (*plans)[*index].id;
}

Result<void> load_small(Db& db, Dataset& d, std::string_view requested) {
  auto id = resolve_plan(db, requested);
  if (!id) return std::unexpected(id.error());
  db.set_plan(*id);
  if (!id->empty()) {
    PlanInfo key;
    key.id = *id;
    auto plan = store_internal::fetch(db, key);
    if (!plan) return std::unexpected(plan.error());
    d.plan = plan->value_or(PlanInfo{});
  }
  return load_each(db, d.counties, d.taxonomy, d.metrics, d.zones, d.facts, d.projects, d.milestones,
                   d.chains, d.carriers, d.supplier_entries, d.candidates, d.targets, d.plan_members, d.terms,
                   d.units);
}

// Runs `body()` inside a read transaction, so that everything it reads is one committed state.
// Inside a transaction already open (with_read_transaction), it just runs `body()`.
template <class Body>
auto in_read_transaction(Db& db, Body body) -> decltype(body()) {
  if (!db.autocommit()) return body();
  auto tx = Transaction::begin_read(db);
  if (!tx) return std::unexpected(tx.error());
  auto result = body();
  if (!result) return result;
  if (auto ok = tx->commit(); !ok) return std::unexpected(ok.error());
  return result;
}

}  // namespace

std::string format_utc(std::chrono::sys_seconds time) {
  const auto day = std::chrono::floor<std::chrono::days>(time);
  const std::chrono::year_month_day date{day};
  const std::chrono::hh_mm_ss clock{time - day};
  return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}Z", static_cast<int>(date.year()),
                     static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()),
                     clock.hours().count(), clock.minutes().count(), clock.seconds().count());
}

void normalize_order(Dataset& d) {
  std::ranges::sort(d.counties, {}, &CountyRecord::id);
  std::ranges::sort(d.taxonomy, {}, &TaxonomyRecord::code);
  std::ranges::sort(d.metrics, {}, &MetricRecord::id);
  std::ranges::sort(d.zones, {}, &ZoneRecord::id);
  std::ranges::sort(d.enterprises, {}, &EnterpriseRecord::id);
  sort_observations(d.observations);
  std::ranges::sort(d.facts, {}, &FactRecord::id);
  std::ranges::sort(d.projects, {}, &ProjectRecord::id);
  std::ranges::sort(d.milestones, {},
                    [](const MilestoneRecord& m) { return std::tie(m.project, m.kind, m.note); });
  std::ranges::sort(d.chains, {}, &ChainRecord::id);
  std::ranges::sort(d.carriers, {}, &CarrierRecord::id);
  std::ranges::sort(d.supplier_entries, {}, &SupplierEntryRecord::id);
  std::ranges::sort(d.candidates, {}, &CandidateRecord::id);
  std::ranges::sort(d.plan_members, {}, [](const PlanMemberRecord& m) { return std::tie(m.kind, m.id); });
  std::ranges::sort(d.supply_edges, {}, [](const SupplyEdgeRecord& e) {
    return std::tie(e.supplier, e.customer, e.product_class);
  });
  std::ranges::sort(d.terms, {}, [](const TermRecord& t) { return std::tie(t.kind, t.position, t.id); });
  std::ranges::sort(d.units, {}, [](const UnitRecord& u) { return std::tie(u.position, u.id); });
  // Targets keep the order of their plan file (position), then id.
  std::ranges::sort(d.targets, [](const TargetRecord& a, const TargetRecord& b) {
    return a.position != b.position ? a.position < b.position : a.id < b.id;
  });
}

Store::Store(std::unique_ptr<Db> db, StoreOptions options)
    : db_(std::move(db)), options_(std::move(options)) {
}
Store::Store(Store&&) noexcept = default;
Store& Store::operator=(Store&&) noexcept = default;
Store::~Store() = default;

Result<Store> Store::open(const std::string& path, StoreOptions options) {
  if (path.empty()) return fail(ErrorCode::kInvalidArgument, "the store path is empty", "path");
  return guarded("opening the store", [&]() -> Result<Store> {
    if (!options.clock) options.clock = system_now;
    auto db = Db::open(path);
    if (!db) return std::unexpected(db.error());
    auto handle = std::make_unique<Db>(std::move(*db));
    if (auto ok = configure(*handle, path == kMemory, options); !ok) {
      return std::unexpected(ok.error());
    }
    if (auto ok = store_internal::migrate(*handle, format_utc(options.clock())); !ok) {
      return std::unexpected(ok.error());
    }
    return Store(std::move(handle), std::move(options));
  });
}

std::string Store::now() const {
  return format_utc(options_.clock());
}

Result<ApplySummary> Store::apply(const Dataset& delta, const AuditEvent& event,
                                  const ApplyProgress& progress,
                                  const std::function<Result<void>()>& before_commit) {
  return guarded("apply", [&] {
    return store_internal::apply_delta(*db_, delta, event, now(), progress, before_commit);
  });
}

Result<std::vector<PlanInfo>> Store::plans() {
  return guarded("plans", [&] { return all_plans(*db_); });
}

Result<Dataset> Store::load(std::string_view plan) {
  return guarded("load", [&] {
    return in_read_transaction(*db_, [&]() -> Result<Dataset> {
      Dataset d;
      if (auto ok = load_small(*db_, d, plan); !ok) return std::unexpected(ok.error());
      if (auto ok = load_each(*db_, d.enterprises, d.observations, d.supply_edges); !ok) {
        return std::unexpected(ok.error());
      }
      normalize_order(d);
      return d;
    });
  });
}

Result<Dataset> Store::load_small_tables(std::string_view plan) {
  return guarded("load", [&] {
    return in_read_transaction(*db_, [&]() -> Result<Dataset> {
      Dataset d;
      if (auto ok = load_small(*db_, d, plan); !ok) return std::unexpected(ok.error());
      normalize_order(d);
      return d;
    });
  });
}

Result<void> Store::scan_enterprises(const std::function<Result<void>(const EnterpriseRecord&)>& visit) {
  return guarded("scanning enterprises", [&] {
    return in_read_transaction(*db_, [&] { return store_internal::scan_all(*db_, visit); });
  });
}

Result<void> Store::scan_observations(const std::function<Result<void>(const ObservationRecord&)>& visit) {
  return guarded("scanning observations", [&] {
    return in_read_transaction(*db_, [&] { return store_internal::scan_all(*db_, visit); });
  });
}

Result<void> Store::scan_supply_edges(const std::function<Result<void>(const SupplyEdgeRecord&)>& visit) {
  return guarded("scanning supply edges", [&] {
    return in_read_transaction(*db_, [&] { return store_internal::scan_all(*db_, visit); });
  });
}

Result<void> Store::with_read_transaction(const std::function<Result<void>()>& body) {
  return guarded("read transaction", [&] { return in_read_transaction(*db_, body); });
}

Result<bool> Store::is_empty() {
  return guarded("is_empty", [&]() -> Result<bool> {
    for (std::string_view table : store_internal::kDataTables) {
      auto any = db_->query_int(fmt::format("SELECT EXISTS (SELECT 1 FROM {})", table), 0);
      if (!any) return std::unexpected(any.error());
      if (*any != 0) return false;
    }
    return true;
  });
}

Result<std::vector<AuditEntry>> Store::audit_log(std::size_t limit) {
  return guarded("audit_log", [&] { return store_internal::read_audit_log(*db_, limit); });
}

Result<std::vector<AuditChange>> Store::audit_changes(std::int64_t event_id) {
  return guarded("audit_changes", [&] { return store_internal::read_audit_changes(*db_, event_id); });
}

Result<std::int64_t> Store::data_version() {
  return guarded("data_version",
                 [&] { return db_->query_int("SELECT data_version FROM store_state WHERE slot = 1", 0); });
}

Result<int> Store::schema_version() {
  return guarded("schema_version", [&] { return store_internal::schema_version(*db_); });
}

}  // namespace atlas
