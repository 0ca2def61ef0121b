// The reference world of a synthetic dataset (counties, zones, taxonomy, OEMs) and the profile of
// each enterprise, drawn from its own random stream so any enterprise can be regenerated alone.
// Private to app/synthetic.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "app/internal/synthetic_random.hpp"
#include "app/synthetic.hpp"
#include "model/records.hpp"

namespace atlas::app::internal {

inline constexpr int kMaxYears = 20;
inline constexpr std::size_t kMaxClasses = 4;
inline constexpr std::size_t kMaxCustomers = 3;

/// Random stream tags (mix_seed's `stream`): one per kind of entity.
enum class Stream : std::uint64_t {
  kWorld = 1,
  kEnterprise,
  kMonthly,
  kCarrier,
  kSupplierEntry,
  kProject,
  kCandidate,
  kName,
};

/// A chain link template: classes are the first `classes` codes of `subsystem`.
struct LinkTemplate {
  const char* id;
  const char* zh;
  const char* en;
  const char* subsystem;
  int classes;
};

struct Oem {
  const char* slug;
  const char* zh;
};

/// A word of the synthetic plan's own vocabularies with its names, written into its plan file as
/// [[segment]], [[zone_kind]] …: the words of no real plan.
struct SyntheticTerm {
  const char* id;
  const char* zh;
  const char* en;
};

/// Segments by index (EnterpriseProfile::segment).
enum SyntheticSegment : std::uint8_t { kBodySegment, kCommercialSegment, kElectricSegment, kCommonSegment };
inline constexpr std::array<SyntheticTerm, 4> kSyntheticSegments = {{
    {"body", "车身及内外饰零部件", "Body and trim parts"},
    {"commercial", "商用车及专用车零部件", "Commercial and special-vehicle parts"},
    {"electric", "电驱动及动力电池零部件", "Electric drive and battery parts"},
    {"common", "通用件及其他零部件", "Common and other parts"},
}};
/// Zone kinds by index.
enum SyntheticZoneKind : std::uint8_t { kLeadPark, kIndustrialBase, kCorridor };
inline constexpr std::array<SyntheticTerm, 3> kSyntheticZoneKinds = {{
    {"lead-park", "龙头园区", "Lead park"},
    {"industrial-base", "产业基地", "Industrial base"},
    {"corridor", "产业走廊", "Industrial corridor"},
}};
/// Project types by index.
enum SyntheticProjectType : std::uint8_t { kCapacity, kUpgrade, kNewEntrant };
inline constexpr std::array<SyntheticTerm, 3> kSyntheticProjectTypes = {{
    {"capacity", "扩能", "Capacity expansion"},
    {"upgrade", "技术改造", "Technical upgrade"},
    {"new-entrant", "招商新建", "New entrant"},
}};
inline constexpr std::array<SyntheticTerm, 3> kSyntheticCandidateKinds = {{
    {"vehicle-maker", "整车企业", "Vehicle maker"},
    {"parts-maker", "零部件企业", "Parts maker"},
    {"electric-drive", "电驱动企业", "Electric-drive maker"},
}};
/// The carrier kinds the synthetic carriers use (synthetic_records.cpp), with their names.
[[nodiscard]] std::vector<SyntheticTerm> synthetic_carrier_kinds();

/// Everything an enterprise is, before it becomes CSV text.
struct EnterpriseProfile {
  std::uint64_t index = 0;
  std::uint32_t county = 0;                          // index into World::counties
  int zone = -1;                                     // index into World::zones, -1 for none
  std::uint8_t segment = kCommonSegment;             // SyntheticSegment
  std::array<std::uint32_t, kMaxClasses> classes{};  // indices into World::taxonomy
  std::uint8_t class_count = 0;
  std::array<std::uint8_t, kMaxCustomers> customers{};  // indices into oems()
  std::uint8_t customer_count = 0;
  std::uint16_t processes = 0;      // bit i: processes()[i]
  std::uint8_t certifications = 0;  // bit i: certifications()[i]
  bool high_tech = false;
  std::int64_t group = -1;                          // index of the group's head enterprise, -1 for none
  std::array<std::int64_t, kMaxYears> output{};     // yuan, per year from first_year
  std::array<std::int64_t, kMaxYears> employees{};  // persons, per year
};

/// The reference tables of one dataset. Immutable once made.
struct World {
  SyntheticOptions options;
  std::string provenance;  // "sample: atlas gen seed S"
  std::vector<CountyRecord> counties;
  std::vector<ZoneRecord> zones;
  std::vector<std::vector<std::uint32_t>> zone_counties;  // county indices per zone
  std::vector<TaxonomyRecord> taxonomy;
  std::array<std::vector<std::uint32_t>, 4> class_order;  // per segment: taxonomy indices, preferred first
  DiscreteTable county_pick;                              // Zipf over a shuffled county order
  std::vector<std::uint32_t> county_rank;
  DiscreteTable class_pick;      // Zipf over class_order ranks
  std::uint64_t core_count = 0;  // enterprises 0 … core_count-1 sit in the core park
  int core_zone = 0, htz_zone = 0, commercial_zone = 0, electric_zone = 0, first_base_zone = 0;

  [[nodiscard]] int years() const { return options.last_year - options.first_year + 1; }
};

/// Builds the reference tables for `options` (already validated).
[[nodiscard]] World make_world(const SyntheticOptions& options);
/// Draws enterprise `index` (0-based). Pure: the same world and index give the same profile.
[[nodiscard]] EnterpriseProfile enterprise_profile(const World& world, std::uint64_t index);

/// "e0000001" for index 0.
[[nodiscard]] std::string enterprise_id(std::uint64_t index);
/// A valid 18-character unified social credit code for the enterprise, unique per index.
[[nodiscard]] std::string enterprise_credit_code(const World& world, const EnterpriseProfile& p);
/// Chinese and English trade names.
[[nodiscard]] Names enterprise_names(const World& world, std::uint64_t index);

[[nodiscard]] const std::vector<Oem>& oems();
[[nodiscard]] const std::vector<const char*>& processes();
[[nodiscard]] const std::vector<const char*>& certifications();
/// Chains: id, zh, en, then links and edges (from, to) by link id.
struct ChainTemplate {
  const char* id;
  const char* zh;
  const char* en;
  std::vector<LinkTemplate> links;
  std::vector<std::pair<const char*, const char*>> edges;
};
[[nodiscard]] const std::vector<ChainTemplate>& chains();
/// "axle-03": the code of class `number` (1-based) of a subsystem.
[[nodiscard]] std::string class_code(std::string_view subsystem, int number);

}  // namespace atlas::app::internal
