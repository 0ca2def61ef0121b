// Codecs of the flat tables: facts, carriers, supplier entries, candidates, targets (facts,
// candidates and targets belong to a plan: their statements keep to atlas_plan()).
#include "store/internal/codec.hpp"
#include "store/internal/tables.hpp"

namespace atlas::store_internal {
namespace {

const Queries& fact_queries() {
  static const Queries queries(
      "SELECT id, subject, metric, period, value, unit, qualifier, quote, note, provenance, note_zh FROM "
      "facts WHERE plan = atlas_plan()",
      "AND id = ?1", "ORDER BY id");
  return queries;
}

Result<FactRecord> read_fact(const Stmt& s) {
  auto qualifier = read_enum(s, 6, parse_fact_qualifier, "facts", "qualifier");
  if (!qualifier) return std::unexpected(qualifier.error());
  FactRecord r;
  r.id = s.text(0);
  r.subject = s.text(1);
  r.metric = s.text(2);
  r.period = s.text(3);
  r.value = s.text(4);
  r.unit = s.text(5);
  r.qualifier = *qualifier;
  r.quote = s.text(7);
  r.note = s.text(8);
  r.provenance = s.text(9);
  r.note_zh = s.text(10);
  return r;
}

const Queries& carrier_queries() {
  static const Queries queries(
      "SELECT id, name_zh, name_en, kind, level, enterprise, recognized, provenance FROM carriers",
      "WHERE id = ?1", "ORDER BY id");
  return queries;
}

Result<CarrierRecord> read_carrier(const Stmt& s) {
  auto level = read_enum(s, 4, parse_carrier_level, "carriers", "level");
  if (!level) return std::unexpected(level.error());
  auto recognized = read_date(s, 6, "carriers", "recognized");
  if (!recognized) return std::unexpected(recognized.error());
  return CarrierRecord{s.text(0), {s.text(1), s.text(2)}, s.text(3), *level, s.text(5), *recognized,
                       s.text(7)};
}

const Queries& supplier_queries() {
  static const Queries queries(
      "SELECT id, enterprise, product_class, oem, tier, entered, provenance FROM supplier_entries",
      "WHERE id = ?1", "ORDER BY id");
  return queries;
}

Result<SupplierEntryRecord> read_supplier(const Stmt& s) {
  auto entered = read_date(s, 5, "supplier_entries", "entered");
  if (!entered) return std::unexpected(entered.error());
  return SupplierEntryRecord{s.text(0), s.text(1), s.text(2), s.text(3), s.int64(4), *entered, s.text(6)};
}

const Queries& candidate_queries() {
  static const Queries queries(
      "SELECT id, name_zh, name_en, kind, chain, link, region, provenance, scale FROM candidates WHERE plan "
      "= "
      "atlas_plan()",
      "AND id = ?1", "ORDER BY id");
  return queries;
}

Result<CandidateRecord> read_candidate(const Stmt& s) {
  return CandidateRecord{
      s.text(0), {s.text(1), s.text(2)}, s.text(3), s.text(4), s.text(5), s.text(6), s.text(7),
      {},        s.opt_int64(8),         {}};
}

const ListTable& candidate_classes() {
  static const ListTable table("candidate_classes", "candidate", "class", Owner::kPlan);
  return table;
}

const ListTable& candidate_ties() {
  static const ListTable table("candidate_ties", "candidate", "enterprise", Owner::kPlan);
  return table;
}

// The classes and ties of candidates read in id order (one candidate: `key` its id).
Result<void> attach_candidate_lists(Db& db, std::span<CandidateRecord> records, const std::string* key) {
  if (auto ok = attach_lists(db, candidate_classes(), key, records, &CandidateRecord::classes,
                             &CandidateRecord::id);
      !ok)
    return ok;
  return attach_lists(db, candidate_ties(), key, records, &CandidateRecord::ties, &CandidateRecord::id);
}

const Queries& target_queries() {
  static const Queries queries(
      "SELECT id, title_zh, title_en, indicator, goal, deadline, coalesce((SELECT measure FROM plan_units u "
      "WHERE u.plan = targets.plan AND u.id = targets.unit), unit), quote, baseline_period, baseline_value, "
      "baseline_quote, baseline_provenance, provenance, position, unit FROM targets WHERE plan = "
      "atlas_plan()",
      "AND id = ?1", "ORDER BY position, id");
  return queries;
}

// The word a target's `unit` column holds: its declared unit's id, else its built-in unit.
std::string_view unit_word(const TargetRecord& r) {
  return r.unit_id.empty() ? std::string_view(to_string(r.unit)) : std::string_view(r.unit_id);
}

Result<TargetRecord> read_target(const Stmt& s) {
  auto unit = read_enum(s, 6, parse_target_unit, "targets", "unit");
  if (!unit) return std::unexpected(unit.error());
  TargetRecord r;
  r.id = s.text(0);
  r.title = {s.text(1), s.text(2)};
  r.indicator = s.text(3);
  r.goal = s.text(4);
  r.deadline = static_cast<int>(s.int64(5));
  r.unit = *unit;
  // A declared unit's id; a built-in unit is its measure's word.
  if (std::string word = s.text(14); word != to_string(r.unit)) r.unit_id = std::move(word);
  r.quote = s.text(7);
  if (!s.is_null(8)) r.baseline = BaselineRecord{s.text(8), s.text(9), s.text(10), s.text(11)};
  r.provenance = s.text(12);
  r.position = static_cast<int>(s.int64(13));
  return r;
}

}  // namespace

// ---- facts ----

Result<std::optional<FactRecord>> fetch(Db& db, const FactRecord& key) {
  return fetch_plain<FactRecord>(db, key.id, fact_queries(), read_fact);
}

Result<void> load_all(Db& db, std::vector<FactRecord>& out) {
  return load_plain(db, out, fact_queries(), read_fact);
}

Result<void> write(Db& db, const FactRecord& r) {
  static const std::string sql = upsert_sql("facts",
                                            {"id", "subject", "metric", "period", "value", "unit",
                                             "qualifier", "quote", "note", "provenance", "note_zh"},
                                            {"id"}, Owner::kPlan);
  return db.run(sql, r.id, r.subject, r.metric, r.period, r.value, r.unit, to_string(r.qualifier), r.quote,
                r.note, r.provenance, r.note_zh);
}

std::string key_text(const FactRecord& r) {
  return r.id;
}

std::string to_json(const FactRecord& r) {
  JsonWriter json;
  json.begin_object()
      .field("id", r.id)
      .field("subject", r.subject)
      .field("metric", r.metric)
      .field("period", r.period)
      .field("value", r.value)
      .field("unit", r.unit)
      .field("qualifier", to_string(r.qualifier))
      .field("quote", r.quote)
      .field("note", r.note)
      .field("note_zh", r.note_zh)
      .field("provenance", r.provenance);
  return json.end_object().take();
}

// ---- carriers ----

Result<std::optional<CarrierRecord>> fetch(Db& db, const CarrierRecord& key) {
  return fetch_plain<CarrierRecord>(db, key.id, carrier_queries(), read_carrier);
}

Result<void> load_all(Db& db, std::vector<CarrierRecord>& out) {
  return load_plain(db, out, carrier_queries(), read_carrier);
}

Result<void> write(Db& db, const CarrierRecord& r) {
  static const std::string sql = upsert_sql(
      "carriers", {"id", "name_zh", "name_en", "kind", "level", "enterprise", "recognized", "provenance"},
      {"id"});
  const auto recognized = date_text(r.recognized);
  return db.run(sql, r.id, r.name.zh, r.name.en, r.kind, to_string(r.level), Nullable{r.enterprise},
                recognized, r.provenance);
}

std::string key_text(const CarrierRecord& r) {
  return r.id;
}

std::string to_json(const CarrierRecord& r) {
  JsonWriter json;
  json.begin_object().field("id", r.id);
  names_field(json, "name", r.name);
  json.field("kind", r.kind).field("level", to_string(r.level)).field("enterprise", r.enterprise);
  date_field(json, "recognized", r.recognized);
  return json.field("provenance", r.provenance).end_object().take();
}

// ---- supplier entries ----

Result<std::optional<SupplierEntryRecord>> fetch(Db& db, const SupplierEntryRecord& key) {
  return fetch_plain<SupplierEntryRecord>(db, key.id, supplier_queries(), read_supplier);
}

Result<void> load_all(Db& db, std::vector<SupplierEntryRecord>& out) {
  return load_plain(db, out, supplier_queries(), read_supplier);
}

Result<void> write(Db& db, const SupplierEntryRecord& r) {
  static const std::string sql =
      upsert_sql("supplier_entries",
                 {"id", "enterprise", "product_class", "oem", "tier", "entered", "provenance"}, {"id"});
  const auto entered = date_text(r.entered);
  return db.run(sql, r.id, Nullable{r.enterprise}, Nullable{r.product_class}, r.oem, r.tier, entered,
                r.provenance);
}

std::string key_text(const SupplierEntryRecord& r) {
  return r.id;
}

std::string to_json(const SupplierEntryRecord& r) {
  JsonWriter json;
  json.begin_object()
      .field("id", r.id)
      .field("enterprise", r.enterprise)
      .field("product_class", r.product_class)
      .field("oem", r.oem)
      .field("tier", r.tier);
  date_field(json, "entered", r.entered);
  return json.field("provenance", r.provenance).end_object().take();
}

// ---- candidates ----

Result<std::optional<CandidateRecord>> fetch(Db& db, const CandidateRecord& key) {
  auto record = fetch_plain<CandidateRecord>(db, key.id, candidate_queries(), read_candidate);
  if (!record || !*record) return record;
  if (auto ok = attach_candidate_lists(db, std::span<CandidateRecord>(&**record, 1), &key.id); !ok)
    return std::unexpected(ok.error());
  return record;
}

Result<void> load_all(Db& db, std::vector<CandidateRecord>& out) {
  const std::size_t first = out.size();
  if (auto ok = load_plain(db, out, candidate_queries(), read_candidate); !ok) return ok;
  return attach_candidate_lists(db, std::span<CandidateRecord>(out).subspan(first), nullptr);
}

Result<void> write(Db& db, const CandidateRecord& r) {
  static const std::string sql = upsert_sql(
      "candidates", {"id", "name_zh", "name_en", "kind", "chain", "link", "region", "provenance", "scale"},
      {"id"}, Owner::kPlan);
  auto ok = db.run(sql, r.id, r.name.zh, r.name.en, r.kind, Nullable{r.chain}, Nullable{r.link}, r.region,
                   r.provenance, r.scale);
  if (!ok) return ok;
  if (auto listed = write_list(db, candidate_classes(), r.id, r.classes); !listed) return listed;
  return write_list(db, candidate_ties(), r.id, r.ties);
}

std::string key_text(const CandidateRecord& r) {
  return r.id;
}

std::string to_json(const CandidateRecord& r) {
  JsonWriter json;
  json.begin_object().field("id", r.id);
  names_field(json, "name", r.name);
  json.field("kind", r.kind).field("chain", r.chain).field("link", r.link).field("region", r.region);
  json.field("provenance", r.provenance);
  if (!r.classes.empty()) list_field(json, "classes", r.classes);
  if (r.scale) json.field("scale", *r.scale);
  if (!r.ties.empty()) list_field(json, "ties", r.ties);
  return json.end_object().take();
}

// ---- targets ----

Result<std::optional<TargetRecord>> fetch(Db& db, const TargetRecord& key) {
  return fetch_plain<TargetRecord>(db, key.id, target_queries(), read_target);
}

Result<void> load_all(Db& db, std::vector<TargetRecord>& out) {
  return load_plain(db, out, target_queries(), read_target);
}

Result<void> write(Db& db, const TargetRecord& r) {
  static const std::string sql = upsert_sql(
      "targets",
      {"id", "title_zh", "title_en", "indicator", "goal", "deadline", "unit", "quote", "baseline_period",
       "baseline_value", "baseline_quote", "baseline_provenance", "provenance", "position"},
      {"id"}, Owner::kPlan);
  std::optional<std::string> period, value, quote, provenance;
  if (r.baseline) {
    period = r.baseline->period;
    value = r.baseline->value;
    quote = r.baseline->quote;
    provenance = r.baseline->provenance;
  }
  return db.run(sql, r.id, r.title.zh, r.title.en, r.indicator, r.goal, r.deadline, unit_word(r), r.quote,
                period, value, quote, provenance, r.provenance, r.position);
}

std::string key_text(const TargetRecord& r) {
  return r.id;
}

std::string to_json(const TargetRecord& r) {
  JsonWriter json;
  json.begin_object().field("id", r.id);
  names_field(json, "title", r.title);
  json.field("indicator", r.indicator)
      .field("goal", r.goal)
      .field("deadline", r.deadline)
      .field("position", r.position)
      .field("unit", unit_word(r))
      .field("quote", r.quote)
      .key("baseline");
  if (r.baseline) {
    json.begin_object()
        .field("period", r.baseline->period)
        .field("value", r.baseline->value)
        .field("quote", r.baseline->quote)
        .field("provenance", r.baseline->provenance)
        .end_object();
  } else {
    json.null();
  }
  return json.field("provenance", r.provenance).end_object().take();
}

}  // namespace atlas::store_internal
