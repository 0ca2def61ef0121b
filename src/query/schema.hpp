// What an indicator can name: the record sets and, per set, its fields and their types
// (docs/indicator-language.md, "Fields"). Enterprise fields include every metric of the snapshot.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/snapshot.hpp"

namespace atlas::query {

/// The table an indicator counts or sums over; result record ids index it.
enum class RecordSet : std::uint8_t { kEnterprises, kProjects, kCarriers, kSupplierEntries, kCandidates };

/// How a field compares and what literal it takes.
enum class FieldType : std::uint8_t {
  kText,       // = / != a "string": id, name, oem, region
  kReference,  // = / != the "id" of an existing record: county, zone, group, sponsor, chain …
  kTaxonomy,   // = / != a taxonomy "code": makes a product of it or of anything below it
  kEnum,       // = / != a word or "string": segment, type, kind
  kOrdered,    // an enum that also takes < <= > >=: level (municipal < provincial < national)
  kBool,       // bare, or = / != true/false: above_size, high_tech
  kAmount,     // compared with an amount (10亿, 5000万, 2.5e9): yuan
  kCount,      // compared with a plain integer: tier, employees, energy (tce)
  kDate,       // `field in PERIOD`, or bare (known by as_of): signed, recognized, entered …
};

/// One field of a set, as fields_of() lists it.
struct FieldInfo {
  std::string name;
  FieldType type = FieldType::kText;
  bool needs_period = false;  // a metric: valued over the indicator's trailing period
};

/// "enterprises", "projects", "carriers", "supplier_entries", "candidates".
[[nodiscard]] const char* to_string(RecordSet set);
[[nodiscard]] std::optional<RecordSet> parse_record_set(std::string_view name);
/// "text", "reference", "taxonomy", "enum", "ordered enum", "bool", "amount", "count", "date".
[[nodiscard]] const char* to_string(FieldType type);

/// The fields of `set` in documentation order; for enterprises followed by the snapshot's
/// metrics. For help texts and auto-completion. Thread-safe (reads the snapshot only).
[[nodiscard]] std::vector<FieldInfo> fields_of(RecordSet set, const Snapshot& snapshot);

/// True for the date fields (signed, started, commissioned, full_production, recognized,
/// entered): only they take `field in PERIOD` inside a condition, so the parser can tell
/// `where high_tech in 2025` (a flag, then the indicator's period) from `where signed in 2025`.
[[nodiscard]] bool is_date_field(std::string_view name);

}  // namespace atlas::query
