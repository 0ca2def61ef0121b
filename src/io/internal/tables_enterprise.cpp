// enterprises.csv, observations.csv, facts.csv.
#include <array>

#include <fmt/format.h>

#include "io/internal/csv_table.hpp"
#include "io/internal/tables.hpp"
#include "model/credit_code.hpp"
#include "model/units.hpp"

namespace atlas::io::internal {
namespace {

namespace enterprise {
constexpr std::size_t kId = 0, kCreditCode = 1, kNameZh = 2, kNameEn = 3, kCounty = 4, kZone = 5,
                      kSegment = 6, kAboveSize = 7, kHighTech = 8, kClasses = 9, kProcesses = 10,
                      kCertifications = 11, kCustomers = 12, kEmployees = 13, kGroup = 14, kProvenance = 15,
                      kOutside = 16, kAboveSizeProvenance = 17, kAliases = 18, kAliasesProvenance = 19;
constexpr std::array<ColumnSpec, 20> kSchema = {{
    {"id", true},         {"credit_code", false},
    {"name_zh", true},    {"name_en", false},
    {"county", false},    {"zone", false},
    {"segment", true},    {"above_size", false},
    {"high_tech", false}, {"classes", false},
    {"processes", false}, {"certifications", false},
    {"customers", false}, {"employees", false},
    {"group", false},     {"provenance", true},
    {"outside", false},   {"above_size_provenance", false},
    {"aliases", false},   {"aliases_provenance", false},
}};
}  // namespace enterprise

namespace observation {
constexpr std::size_t kEnterprise = 0, kMetric = 1, kPeriod = 2, kValue = 3, kPublished = 4, kProvenance = 5;
constexpr std::array<ColumnSpec, 6> kSchema = {{
    {"enterprise", true},
    {"metric", true},
    {"period", true},
    {"value", true},
    {"published", false},
    {"provenance", true},
}};
}  // namespace observation

namespace fact {
constexpr std::size_t kId = 0, kSubject = 1, kMetric = 2, kPeriod = 3, kValue = 4, kUnit = 5, kQualifier = 6,
                      kQuote = 7, kNoteZh = 8, kNoteEn = 9, kProvenance = 10;
constexpr std::array<ColumnSpec, 11> kSchema = {{
    {"id", true},
    {"subject", true},
    {"metric", true},
    {"period", true},
    {"value", true},
    {"unit", false},
    {"qualifier", false},
    {"quote", false},
    {"note_zh", false},
    {"note_en", false},
    {"provenance", true},
}};
constexpr std::array<std::string_view, 4> kQualifiers = {"exact", "about", "over", "at-least"};
}  // namespace fact

void parse_enterprise(Cells& cells, EnterpriseRecord& r) {
  using namespace enterprise;
  r.id = cells.slug(kId);
  if (!cells.view(kCreditCode).empty()) {
    auto code = validate_credit_code(cells.view(kCreditCode));
    if (code) {
      r.credit_code = std::move(*code);
    } else {
      cells.fail(kCreditCode, code.error());
      r.credit_code = std::string(cells.view(kCreditCode));
    }
  }
  r.name.zh = cells.text(kNameZh);
  r.name.en = cells.text(kNameEn);
  r.county = cells.slug(kCounty);
  r.zone = cells.slug(kZone);
  r.segment = cells.slug(kSegment);  // a word of the plan's segment vocabulary, or empty
  r.above_size = cells.flag(kAboveSize);
  r.high_tech = cells.flag(kHighTech);
  r.classes = cells.list(kClasses);
  r.processes = cells.list(kProcesses);
  r.certifications = cells.list(kCertifications);
  r.customers = cells.list(kCustomers);
  r.employees = cells.count(kEmployees);
  r.group = cells.slug(kGroup);
  r.provenance = cells.text(kProvenance);
  r.outside = cells.flag(kOutside).value_or(false);
  r.above_size_provenance = cells.text(kAboveSizeProvenance);
  r.aliases = cells.list(kAliases);
  r.aliases_provenance = cells.text(kAliasesProvenance);
}

struct ObservationParser {
  MetricUnits units;  // a copy per parsing thread: its look-up cache is not thread-safe
  bool metrics_known;

  void operator()(Cells& cells, ObservationRecord& r) const {
    using namespace observation;
    r.enterprise = cells.slug(kEnterprise);
    r.metric = cells.code(kMetric);
    if (!cells.missing(kPeriod)) {
      auto period = parse_period(cells.view(kPeriod));
      if (period) {
        r.period = *period;
      } else {
        cells.fail(kPeriod, period.error());
      }
    }
    r.value = value(cells, r.metric).value_or(0);
    r.published = cells.date(kPublished);
    r.provenance = cells.text(kProvenance);
  }

  [[nodiscard]] std::optional<std::int64_t> value(Cells& cells, std::string_view metric) const {
    using namespace observation;
    const std::optional<MetricUnit> unit = units.find(metric);
    if (unit == MetricUnit::kCount) return cells.count(kValue);
    if (unit) return cells.amount(kValue);
    if (!metric.empty() && !metrics_known) {
      cells.fail(kMetric, ErrorCode::kUnknownReference,
                 fmt::format("unknown metric '{}': its unit is not known (list it in metrics.csv)", metric));
    }
    cells.missing(kValue);
    return std::nullopt;
  }
};

void parse_fact(Cells& cells, FactRecord& r) {
  using namespace fact;
  r.id = cells.slug(kId);
  r.subject = cells.text(kSubject);  // a reference, checked by the validator
  r.metric = cells.code(kMetric);
  r.period = cells.text(kPeriod);
  r.value = cells.text(kValue);
  r.unit = cells.text(kUnit);
  r.qualifier = cells.choice(kQualifier, parse_fact_qualifier, kQualifiers, FactQualifier::kExact);
  r.quote = cells.text(kQuote);
  r.note_zh = cells.text(kNoteZh);
  r.note = cells.text(kNoteEn);
  r.provenance = cells.text(kProvenance);
}

MetricUnits units_of(const Dataset& data) {
  MetricUnits units;
  for (const MetricRecord& m : data.metrics)
    units.add(m.id, m.unit);
  units.add_defaults();
  return units;
}

}  // namespace

void read_enterprises(Workspace& ws, std::uint32_t source, std::string_view bytes) {
  read_csv_table(ws, TableKind::kEnterprises, source, bytes, enterprise::kSchema, ws.enterprises,
                 parse_enterprise);
}

void read_observations(Workspace& ws, std::uint32_t source, std::string_view bytes, const MetricUnits& units,
                       bool metrics_known) {
  read_csv_table(ws, TableKind::kObservations, source, bytes, observation::kSchema, ws.observations,
                 ObservationParser{units, metrics_known});
}

void read_facts(Workspace& ws, std::uint32_t source, std::string_view bytes) {
  read_csv_table(ws, TableKind::kFacts, source, bytes, fact::kSchema, ws.facts, parse_fact);
}

void write_enterprises(const Dataset& data, CsvWriter& w) {
  write_header(enterprise::kSchema, w);
  for (const EnterpriseRecord& r : data.enterprises) {
    w.field(r.id);
    w.field(r.credit_code);
    w.field(r.name.zh);
    w.field(r.name.en);
    w.field(r.county);
    w.field(r.zone);
    w.field(r.segment);
    w.field(bool_text(r.above_size));
    w.field(bool_text(r.high_tech));
    w.field(join_list(r.classes));
    w.field(join_list(r.processes));
    w.field(join_list(r.certifications));
    w.field(join_list(r.customers));
    w.field(count_text(r.employees));
    w.field(r.group);
    w.field(r.provenance);
    w.field(bool_text(std::optional<bool>(r.outside)));
    w.field(r.above_size_provenance);
    w.field(join_list(r.aliases));
    w.field(r.aliases_provenance);
    w.end_row();
  }
}

void write_observations(const Dataset& data, CsvWriter& w) {
  const MetricUnits units = units_of(data);
  write_header(observation::kSchema, w);
  for (const ObservationRecord& r : data.observations) {
    w.field(r.enterprise);
    w.field(r.metric);
    w.field(r.period.to_string());
    w.field(units.find(r.metric) == MetricUnit::kYuan ? format_amount(r.value) : std::to_string(r.value));
    w.field(date_text(r.published));
    w.field(r.provenance);
    w.end_row();
  }
}

void write_facts(const Dataset& data, CsvWriter& w) {
  write_header(fact::kSchema, w);
  for (const FactRecord& r : data.facts) {
    w.field(r.id);
    w.field(r.subject);
    w.field(r.metric);
    w.field(r.period);
    w.field(r.value);
    w.field(r.unit);
    w.field(to_string(r.qualifier));
    w.field(r.quote);
    w.field(r.note_zh);
    w.field(r.note);
    w.field(r.provenance);
    w.end_row();
  }
}

}  // namespace atlas::io::internal
