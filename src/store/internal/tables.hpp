// Per-record codecs: how each record of records.hpp is keyed, read, written and shown in the audit.
// For each record type R (records of a plan's tables: those of the connection's plan, Db::set_plan):
//   kTableName<R>                the SQL table (also the name in audit rows and error messages)
//   fetch(db, r)                 the stored record with r's key, if any
//   load_all(db, out)            every stored record, appended in key order
//   write(db, r)                 insert or replace by key (list fields replaced whole)
//   key_text(r)                  the key for audit rows and errors: the id, or a JSON array
//   to_json(r)                   the whole record as compact JSON
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/error.hpp"
#include "model/records.hpp"
#include "store/internal/sqlite.hpp"

namespace atlas::store_internal {

template <class R>
inline constexpr std::string_view kTableName = "";
template <>
inline constexpr std::string_view kTableName<PlanInfo> = "plans";
template <>
inline constexpr std::string_view kTableName<PlanMemberRecord> = "plan_members";
template <>
inline constexpr std::string_view kTableName<CountyRecord> = "counties";
template <>
inline constexpr std::string_view kTableName<TaxonomyRecord> = "taxonomy";
template <>
inline constexpr std::string_view kTableName<MetricRecord> = "metrics";
template <>
inline constexpr std::string_view kTableName<ZoneRecord> = "zones";
template <>
inline constexpr std::string_view kTableName<EnterpriseRecord> = "enterprises";
template <>
inline constexpr std::string_view kTableName<ObservationRecord> = "observations";
template <>
inline constexpr std::string_view kTableName<FactRecord> = "facts";
template <>
inline constexpr std::string_view kTableName<ProjectRecord> = "projects";
template <>
inline constexpr std::string_view kTableName<MilestoneRecord> = "milestones";
template <>
inline constexpr std::string_view kTableName<ChainRecord> = "chains";
template <>
inline constexpr std::string_view kTableName<CarrierRecord> = "carriers";
template <>
inline constexpr std::string_view kTableName<SupplierEntryRecord> = "supplier_entries";
template <>
inline constexpr std::string_view kTableName<CandidateRecord> = "candidates";
template <>
inline constexpr std::string_view kTableName<TargetRecord> = "targets";
template <>
inline constexpr std::string_view kTableName<SupplyEdgeRecord> = "supply_edges";
template <>
inline constexpr std::string_view kTableName<TermRecord> = "plan_terms";
template <>
inline constexpr std::string_view kTableName<UnitRecord> = "plan_units";

/// Every table that holds dataset records (not the audit, schema or state tables).
inline constexpr std::string_view kDataTables[] = {
    "plans",   "counties",     "taxonomy",   "metrics",   "zones",    "enterprises",      "observations",
    "facts",   "projects",     "milestones", "chains",    "carriers", "supplier_entries", "candidates",
    "targets", "supply_edges", "plan_terms", "plan_units"};

/// Whether the records of R belong to a plan (their rows carry `plan`, their statements keep to
/// the connection's plan: Db::set_plan) rather than to the shared registers.
template <class R>
inline constexpr bool kPlanOwned = false;
template <>
inline constexpr bool kPlanOwned<PlanMemberRecord> = true;
template <>
inline constexpr bool kPlanOwned<ZoneRecord> = true;
template <>
inline constexpr bool kPlanOwned<FactRecord> = true;
template <>
inline constexpr bool kPlanOwned<ProjectRecord> = true;
template <>
inline constexpr bool kPlanOwned<MilestoneRecord> = true;
template <>
inline constexpr bool kPlanOwned<ChainRecord> = true;
template <>
inline constexpr bool kPlanOwned<CandidateRecord> = true;
template <>
inline constexpr bool kPlanOwned<TargetRecord> = true;
template <>
inline constexpr bool kPlanOwned<TermRecord> = true;
template <>
inline constexpr bool kPlanOwned<UnitRecord> = true;

// The codec functions of one record type (see the comment at the top of this file).
#define ATLAS_STORE_CODEC(R)                                          \
  [[nodiscard]] Result<std::optional<R>> fetch(Db& db, const R& key); \
  [[nodiscard]] Result<void> load_all(Db& db, std::vector<R>& out);   \
  [[nodiscard]] Result<void> write(Db& db, const R& record);          \
  [[nodiscard]] std::string key_text(const R& record);                \
  [[nodiscard]] std::string to_json(const R& record);

ATLAS_STORE_CODEC(PlanInfo)
ATLAS_STORE_CODEC(PlanMemberRecord)
ATLAS_STORE_CODEC(CountyRecord)
ATLAS_STORE_CODEC(TaxonomyRecord)
ATLAS_STORE_CODEC(MetricRecord)
ATLAS_STORE_CODEC(ZoneRecord)
ATLAS_STORE_CODEC(EnterpriseRecord)
ATLAS_STORE_CODEC(ObservationRecord)
ATLAS_STORE_CODEC(FactRecord)
ATLAS_STORE_CODEC(ProjectRecord)
ATLAS_STORE_CODEC(MilestoneRecord)
ATLAS_STORE_CODEC(ChainRecord)
ATLAS_STORE_CODEC(CarrierRecord)
ATLAS_STORE_CODEC(SupplierEntryRecord)
ATLAS_STORE_CODEC(CandidateRecord)
ATLAS_STORE_CODEC(TargetRecord)
ATLAS_STORE_CODEC(SupplyEdgeRecord)
ATLAS_STORE_CODEC(TermRecord)
ATLAS_STORE_CODEC(UnitRecord)

#undef ATLAS_STORE_CODEC

/// Streams every enterprise (id order) / observation (key order) without building a vector.
[[nodiscard]] Result<void> scan_all(Db& db,
                                    const std::function<Result<void>(const EnterpriseRecord&)>& visit);
[[nodiscard]] Result<void> scan_all(Db& db,
                                    const std::function<Result<void>(const ObservationRecord&)>& visit);
/// Streams every supply edge in key order (supplier, customer, product class).
[[nodiscard]] Result<void> scan_all(Db& db,
                                    const std::function<Result<void>(const SupplyEdgeRecord&)>& visit);

}  // namespace atlas::store_internal
