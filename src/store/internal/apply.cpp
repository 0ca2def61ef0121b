#include "store/internal/apply.hpp"

#include <algorithm>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include <fmt/format.h>

#include "store/internal/audit.hpp"
#include "store/internal/codec.hpp"
#include "store/internal/tables.hpp"

namespace atlas::store_internal {
namespace {

// Whether a new record's image goes into the audit log, or it is only counted.
enum class NewRecords { kLogged, kCounted };

struct ApplyContext {
  Db& db;
  std::string plan;  // the plan of the delta's plan-owned records (empty: it has none)
  AuditWriter& audit;
  const ApplyProgress& progress;
  std::uint64_t done = 0;
  std::vector<TableCounts> tables;

  void tick(std::string_view table) {
    ++done;
    if (progress && done % kProgressInterval == 0) progress(table, done);
  }
};

// What a constraint error of SQLite means for the record, in words (its raw text is kept after).
std::string_view constraint_meaning(std::string_view message) {
  if (message.find("FOREIGN KEY constraint failed") != std::string_view::npos) {
    return "it refers to a record that does not exist (or a record that still refers to it would be left "
           "dangling)";
  }
  if (message.find("CHECK constraint failed") != std::string_view::npos) {
    return "a value is outside what the table allows";
  }
  if (message.find("UNIQUE constraint failed") != std::string_view::npos) return "its key is already taken";
  if (message.find("NOT NULL constraint failed") != std::string_view::npos)
    return "a required value is missing";
  return {};
}

// Names the record being written in an error: the table as its field, the key in the message, and
// what a constraint error means (never SQLite's text alone).
Error name_record(Error error, std::string_view table, std::string_view key) {
  const std::string_view meaning = constraint_meaning(error.message);
  error.message = meaning.empty() ? fmt::format("record {}: {}", key, error.message)
                                  : fmt::format("record {}: {} ({})", key, meaning, error.message);
  error.field = std::string(table);
  return error;
}

// Refuses a value the store could not read back: a date is written as Date::to_string and read
// with parse_date, so it must be one make_date accepts (a Date built by hand may hold year 0).
Result<void> storable_date(const std::optional<Date>& date, std::string_view column) {
  if (!date) return {};
  auto checked = make_date(date->year, date->month, date->day, date->precision);
  if (checked) return {};
  return fail(checked.error().code, fmt::format("{}: {}", column, checked.error().message));
}

template <class R>
Result<void> storable(const R&) {
  return {};
}
Result<void> storable(const PlanInfo& r) {
  return storable_date(r.issued, "issued");
}
Result<void> storable(const ObservationRecord& r) {
  return storable_date(r.published, "published");
}
Result<void> storable(const MilestoneRecord& r) {
  if (auto ok = storable_date(r.planned, "planned"); !ok) return ok;
  return storable_date(r.actual, "actual");
}
Result<void> storable(const CarrierRecord& r) {
  return storable_date(r.recognized, "recognized");
}
Result<void> storable(const SupplierEntryRecord& r) {
  return storable_date(r.entered, "entered");
}
Result<void> storable(const SupplyEdgeRecord& r) {
  return storable_date(r.since, "since");
}

// The key of a record in the audit log and in errors: a plan's record names its plan too.
template <class R>
std::string audit_key(const ApplyContext& ctx, const R& record) {
  if constexpr (kPlanOwned<R>) {
    return composite_key({ctx.plan, key_text(record)});
  } else {
    return key_text(record);
  }
}

template <class R>
Result<void> apply_record(ApplyContext& ctx, TableCounts& counts, const R& record, NewRecords new_records) {
  if (auto ok = storable(record); !ok) return ok;
  auto before = fetch(ctx.db, record);
  if (!before) return std::unexpected(before.error());
  if (*before && **before == record) {
    ++counts.unchanged;
    return {};
  }
  if (auto ok = write(ctx.db, record); !ok) return ok;
  if (*before) {
    ++counts.updated;
    return ctx.audit.change(kTableName<R>, audit_key(ctx, record), to_json(**before), to_json(record));
  }
  ++counts.inserted;
  if (new_records == NewRecords::kCounted) return {};
  return ctx.audit.change(kTableName<R>, audit_key(ctx, record), std::nullopt, to_json(record));
}

template <class R>
const R& deref(const R& record) {
  return record;
}
template <class R>
const R& deref(const R* record) {
  return *record;
}

// Applies `items` (records or pointers to records) of one table in order.
template <class R, class Items>
Result<void> apply_table(ApplyContext& ctx, const Items& items,
                         NewRecords new_records = NewRecords::kLogged) {
  if (items.empty()) return {};
  TableCounts& counts = ctx.tables.emplace_back(TableCounts{.table = std::string(kTableName<R>)});
  for (const auto& item : items) {
    const R& record = deref(item);
    if (auto ok = apply_record(ctx, counts, record, new_records); !ok) {
      return std::unexpected(name_record(ok.error(), kTableName<R>, audit_key(ctx, record)));
    }
    ctx.tick(kTableName<R>);
  }
  if (ctx.progress) ctx.progress(kTableName<R>, ctx.done);
  return {};
}

// The records in an order where a parent in the same table (taxonomy parent, zone parent,
// enterprise group) comes before its children, so immediate foreign keys hold. Otherwise the
// given order is kept. A cycle is left as it is: its foreign key then fails, naming a record.
template <class R>
std::vector<const R*> parents_first(const std::vector<R>& records, std::string R::*key,
                                    std::string R::*parent) {
  std::unordered_map<std::string_view, std::size_t> index;
  for (std::size_t i = 0; i < records.size(); ++i)
    index[records[i].*key] = i;
  std::vector<std::uint8_t> placed(records.size(), 0);
  std::vector<const R*> order;
  order.reserve(records.size());
  std::vector<std::size_t> chain;
  for (std::size_t i = 0; i < records.size(); ++i) {
    // Walk up from record i through parents not yet placed, then place them top-down.
    for (std::size_t at = i; !placed[at];) {
      placed[at] = 1;
      chain.push_back(at);
      auto up = index.find(records[at].*parent);
      if (up == index.end()) break;
      at = up->second;
    }
    for (auto it = chain.rbegin(); it != chain.rend(); ++it)
      order.push_back(&records[*it]);
    chain.clear();
  }
  return order;
}

template <class R>
std::vector<const R*> as_given(const std::vector<R>& records) {
  std::vector<const R*> order;
  order.reserve(records.size());
  for (const R& record : records)
    order.push_back(&record);
  return order;
}

// A delta whose plan holds only an id names the plan its records belong to without writing it.
bool names_plan_only(const PlanInfo& plan) {
  PlanInfo id_only;
  id_only.id = plan.id;
  return plan == id_only;
}

Result<void> apply_plan(ApplyContext& ctx, const PlanInfo& plan) {
  if (names_plan_only(plan)) return {};
  return apply_table<PlanInfo>(ctx, std::vector<const PlanInfo*>{&plan});
}

bool has_plan_records(const Dataset& d) {
  return !d.zones.empty() || !d.facts.empty() || !d.projects.empty() || !d.milestones.empty() ||
         !d.chains.empty() || !d.candidates.empty() || !d.targets.empty() || !d.plan_members.empty() ||
         !d.terms.empty() || !d.units.empty();
}

// The plan of the delta's plan-owned records: the delta's plan, else the database's only plan.
Result<std::string> owning_plan(Db& db, const Dataset& d) {
  if (!d.plan.id.empty()) {
    if (!names_plan_only(d.plan)) return d.plan.id;
    auto known = db.query_int("SELECT count(*) FROM plans WHERE id = ?1", 0, d.plan.id);
    if (!known) return std::unexpected(known.error());
    if (*known == 0) {
      return fail(ErrorCode::kUnknownReference, fmt::format("plan '{}' is not in the database", d.plan.id),
                  "plan");
    }
    return d.plan.id;
  }
  if (!has_plan_records(d)) return std::string();
  auto plans = db.query_int("SELECT count(*) FROM plans", 0);
  if (!plans) return std::unexpected(plans.error());
  if (*plans == 1) {
    auto stmt = db.prepare("SELECT id FROM plans");
    if (!stmt) return std::unexpected(stmt.error());
    auto row = (*stmt)->step();
    if (!row) return std::unexpected(row.error());
    return (*stmt)->text(0);
  }
  return fail(ErrorCode::kInvalidArgument,
              *plans == 0
                  ? std::string("zones, facts, projects, chains, candidates and targets belong to a plan, "
                                "and the database holds none: import the plan file with them")
                  : fmt::format("zones, facts, projects, chains, candidates and targets belong to a plan, "
                                "and the database holds {}: say which one",
                                *plans),
              "plan");
}

// Parents before children across tables: the order of the foreign keys in the schema.
Result<void> apply_tables(ApplyContext& ctx, const Dataset& d) {
  using Step = Result<void> (*)(ApplyContext&, const Dataset&);
  static constexpr Step kSteps[] = {
      // Counties first: the plan's scope refers to them; then the plan, which every plan-owned record refers
      // to.
      [](ApplyContext& c, const Dataset& s) { return apply_table<CountyRecord>(c, s.counties); },
      [](ApplyContext& c, const Dataset& s) { return apply_plan(c, s.plan); },
      [](ApplyContext& c, const Dataset& s) {
        return apply_table<TaxonomyRecord>(
            c, parents_first(s.taxonomy, &TaxonomyRecord::code, &TaxonomyRecord::parent));
      },
      [](ApplyContext& c, const Dataset& s) { return apply_table<MetricRecord>(c, s.metrics); },
      [](ApplyContext& c, const Dataset& s) {
        return apply_table<ZoneRecord>(c, parents_first(s.zones, &ZoneRecord::id, &ZoneRecord::parent));
      },
      [](ApplyContext& c, const Dataset& s) {
        return apply_table<EnterpriseRecord>(
            c, parents_first(s.enterprises, &EnterpriseRecord::id, &EnterpriseRecord::group));
      },
      [](ApplyContext& c, const Dataset& s) {
        return apply_table<SupplyEdgeRecord>(c, s.supply_edges, NewRecords::kCounted);
      },
      [](ApplyContext& c, const Dataset& s) {
        return apply_table<ObservationRecord>(c, s.observations, NewRecords::kCounted);
      },
      [](ApplyContext& c, const Dataset& s) { return apply_table<FactRecord>(c, s.facts); },
      [](ApplyContext& c, const Dataset& s) { return apply_table<ProjectRecord>(c, s.projects); },
      [](ApplyContext& c, const Dataset& s) { return apply_table<MilestoneRecord>(c, s.milestones); },
      [](ApplyContext& c, const Dataset& s) { return apply_table<ChainRecord>(c, s.chains); },
      [](ApplyContext& c, const Dataset& s) { return apply_table<CarrierRecord>(c, s.carriers); },
      [](ApplyContext& c, const Dataset& s) {
        return apply_table<SupplierEntryRecord>(c, s.supplier_entries);
      },
      [](ApplyContext& c, const Dataset& s) { return apply_table<CandidateRecord>(c, s.candidates); },
      [](ApplyContext& c, const Dataset& s) { return apply_table<UnitRecord>(c, s.units); },
      [](ApplyContext& c, const Dataset& s) { return apply_table<TargetRecord>(c, s.targets); },
      [](ApplyContext& c, const Dataset& s) { return apply_table<PlanMemberRecord>(c, s.plan_members); },
      [](ApplyContext& c, const Dataset& s) { return apply_table<TermRecord>(c, s.terms); },
  };
  for (Step step : kSteps) {
    if (auto ok = step(ctx, d); !ok) return ok;
  }
  return {};
}

bool changes_anything(const std::vector<TableCounts>& tables) {
  return std::ranges::any_of(tables, [](const TableCounts& t) { return t.inserted + t.updated > 0; });
}

Result<std::int64_t> bump_data_version(Db& db) {
  if (auto ok = db.run("UPDATE store_state SET data_version = data_version + 1 WHERE slot = 1"); !ok) {
    return std::unexpected(ok.error());
  }
  return db.query_int("SELECT data_version FROM store_state WHERE slot = 1", 0);
}

}  // namespace

Result<ApplySummary> apply_delta(Db& db, const Dataset& delta, const AuditEvent& event, std::string_view at,
                                 const ApplyProgress& progress,
                                 const std::function<Result<void>()>& before_commit) {
  if (event.action.empty())
    return fail(ErrorCode::kInvalidArgument, "an audit event needs an action", "action");
  auto tx = Transaction::begin(db);
  if (!tx) return std::unexpected(tx.error());
  auto audit = AuditWriter::begin(db);
  if (!audit) return std::unexpected(audit.error());
  auto plan = owning_plan(db, delta);
  if (!plan) return std::unexpected(plan.error());
  db.set_plan(*plan);
  ApplyContext ctx{.db = db, .plan = *plan, .audit = *audit, .progress = progress, .done = 0, .tables = {}};
  if (auto ok = apply_tables(ctx, delta); !ok) return std::unexpected(ok.error());
  if (!changes_anything(ctx.tables)) {
    // Every record was already stored as it is: no new version, no audit event (tx rolls back).
    auto version = db.query_int("SELECT data_version FROM store_state WHERE slot = 1", 0);
    if (!version) return std::unexpected(version.error());
    return ApplySummary{0, *version, std::move(ctx.tables)};
  }
  auto version = bump_data_version(db);
  if (!version) return std::unexpected(version.error());
  if (auto ok = audit->finish(event, at, summary_json(ctx.tables), *version); !ok) {
    return std::unexpected(ok.error());
  }
  if (before_commit) {
    auto checked = before_commit();
    db.set_plan(*plan);                                     // the check may have read another plan
    if (!checked) return std::unexpected(checked.error());  // tx rolls back
  }
  if (auto ok = tx->commit(); !ok) return std::unexpected(ok.error());
  return ApplySummary{audit->event_id(), *version, std::move(ctx.tables)};
}

}  // namespace atlas::store_internal
