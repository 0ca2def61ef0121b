// milestones.csv, carriers.csv, supplier_entries.csv, candidates.csv.
#include <algorithm>
#include <array>

#include "io/internal/csv_table.hpp"
#include "io/internal/tables.hpp"

namespace atlas::io::internal {
namespace {

namespace milestone {
constexpr std::size_t kProject = 0, kKind = 1, kPlanned = 2, kActual = 3, kNoteZh = 4, kNoteEn = 5,
                      kProvenance = 6;
constexpr std::array<ColumnSpec, 7> kSchema = {{
    {"project", true},
    {"kind", true},
    {"planned", false},
    {"actual", false},
    {"note_zh", false},
    {"note_en", false},
    {"provenance", true},
}};
constexpr std::array<std::string_view, 5> kKinds = {"signed", "started", "commissioned", "full-production",
                                                    "phase"};
}  // namespace milestone

namespace carrier {
constexpr std::size_t kId = 0, kNameZh = 1, kNameEn = 2, kKind = 3, kLevel = 4, kEnterprise = 5,
                      kRecognized = 6, kProvenance = 7;
constexpr std::array<ColumnSpec, 8> kSchema = {{
    {"id", true},
    {"name_zh", true},
    {"name_en", false},
    {"kind", true},
    {"level", true},
    {"enterprise", false},
    {"recognized", false},
    {"provenance", true},
}};
constexpr std::array<std::string_view, 3> kLevels = {"municipal", "provincial", "national"};
}  // namespace carrier

namespace supplier {
constexpr std::size_t kId = 0, kEnterprise = 1, kClass = 2, kOem = 3, kTier = 4, kEntered = 5,
                      kProvenance = 6;
constexpr std::array<ColumnSpec, 7> kSchema = {{
    {"id", true},
    {"enterprise", true},
    {"class", false},
    {"oem", true},
    {"tier", true},
    {"entered", false},
    {"provenance", true},
}};
}  // namespace supplier

namespace candidate {
constexpr std::size_t kId = 0, kNameZh = 1, kNameEn = 2, kKind = 3, kChain = 4, kLink = 5, kRegion = 6,
                      kProvenance = 7, kClasses = 8, kScale = 9, kTies = 10;
constexpr std::array<ColumnSpec, 11> kSchema = {{
    {"id", true},
    {"name_zh", true},
    {"name_en", false},
    {"kind", true},
    {"chain", false},
    {"link", false},
    {"region", false},
    {"provenance", true},
    {"classes", false},
    {"scale", false},
    {"ties", false},
}};
}  // namespace candidate

void parse_milestone(Cells& cells, MilestoneRecord& r) {
  using namespace milestone;
  r.project = cells.slug(kProject);
  r.kind = cells.choice(kKind, parse_milestone_kind, kKinds, MilestoneKind::kSigned);
  r.planned = cells.date(kPlanned);
  r.actual = cells.date(kActual);
  r.note_zh = cells.text(kNoteZh);
  r.note = cells.text(kNoteEn);
  r.provenance = cells.text(kProvenance);
}

void parse_carrier(Cells& cells, CarrierRecord& r) {
  using namespace carrier;
  r.id = cells.slug(kId);
  r.name.zh = cells.text(kNameZh);
  r.name.en = cells.text(kNameEn);
  r.kind = cells.slug(kKind);  // a word of the plan's carrier_kind vocabulary
  r.level = cells.choice(kLevel, parse_carrier_level, kLevels, CarrierLevel::kMunicipal);
  r.enterprise = cells.slug(kEnterprise);
  r.recognized = cells.date(kRecognized);
  r.provenance = cells.text(kProvenance);
}

void parse_supplier_entry(Cells& cells, SupplierEntryRecord& r) {
  using namespace supplier;
  r.id = cells.slug(kId);
  r.enterprise = cells.slug(kEnterprise);
  r.product_class = cells.code(kClass);
  r.oem = cells.text(kOem);
  const std::string_view tier = cells.view(kTier);
  if (!cells.missing(kTier)) {
    if (tier == "1" || tier == "2") {
      r.tier = tier[0] - '0';
    } else {
      cells.fail(kTier, ErrorCode::kInvalidValue, "'" + std::string(tier) + "' is not a tier (1 or 2)");
    }
  }
  r.entered = cells.date(kEntered);
  r.provenance = cells.text(kProvenance);
}

void parse_candidate(Cells& cells, CandidateRecord& r) {
  using namespace candidate;
  r.id = cells.slug(kId);
  r.name.zh = cells.text(kNameZh);
  r.name.en = cells.text(kNameEn);
  r.kind = cells.slug(kKind);  // a word of the plan's candidate_kind vocabulary
  r.chain = cells.slug(kChain);
  r.link = cells.slug(kLink);
  r.region = cells.text(kRegion);
  r.provenance = cells.text(kProvenance);
  r.classes = cells.list(kClasses);
  r.scale = cells.amount(kScale);
  r.ties = cells.list(kTies);
}

}  // namespace

void read_milestones(Workspace& ws, std::uint32_t source, std::string_view bytes) {
  read_csv_table(ws, TableKind::kMilestones, source, bytes, milestone::kSchema, ws.milestones,
                 parse_milestone);
}

void read_carriers(Workspace& ws, std::uint32_t source, std::string_view bytes) {
  read_csv_table(ws, TableKind::kCarriers, source, bytes, carrier::kSchema, ws.carriers, parse_carrier);
}

void read_supplier_entries(Workspace& ws, std::uint32_t source, std::string_view bytes) {
  read_csv_table(ws, TableKind::kSupplierEntries, source, bytes, supplier::kSchema, ws.supplier_entries,
                 parse_supplier_entry);
}

void read_candidates(Workspace& ws, std::uint32_t source, std::string_view bytes) {
  read_csv_table(ws, TableKind::kCandidates, source, bytes, candidate::kSchema, ws.candidates,
                 parse_candidate);
}

void write_milestones(const Dataset& data, CsvWriter& w) {
  write_header(milestone::kSchema, w);
  for (const MilestoneRecord& r : data.milestones) {
    w.field(r.project);
    w.field(to_string(r.kind));
    w.field(date_text(r.planned));
    w.field(date_text(r.actual));
    w.field(r.note_zh);
    w.field(r.note);
    w.field(r.provenance);
    w.end_row();
  }
}

void write_carriers(const Dataset& data, CsvWriter& w) {
  write_header(carrier::kSchema, w);
  for (const CarrierRecord& r : data.carriers) {
    w.field(r.id);
    w.field(r.name.zh);
    w.field(r.name.en);
    w.field(r.kind);
    w.field(to_string(r.level));
    w.field(r.enterprise);
    w.field(date_text(r.recognized));
    w.field(r.provenance);
    w.end_row();
  }
}

void write_supplier_entries(const Dataset& data, CsvWriter& w) {
  write_header(supplier::kSchema, w);
  for (const SupplierEntryRecord& r : data.supplier_entries) {
    w.field(r.id);
    w.field(r.enterprise);
    w.field(r.product_class);
    w.field(r.oem);
    w.field(std::to_string(r.tier));
    w.field(date_text(r.entered));
    w.field(r.provenance);
    w.end_row();
  }
}

void write_candidates(const Dataset& data, CsvWriter& w) {
  write_header(candidate::kSchema, w);
  for (const CandidateRecord& r : data.candidates) {
    w.field(r.id);
    w.field(r.name.zh);
    w.field(r.name.en);
    w.field(r.kind);
    w.field(r.chain);
    w.field(r.link);
    w.field(r.region);
    w.field(r.provenance);
    w.field(join_list(r.classes));
    w.field(amount_text(r.scale));
    w.field(join_list(r.ties));
    w.end_row();
  }
}

}  // namespace atlas::io::internal
