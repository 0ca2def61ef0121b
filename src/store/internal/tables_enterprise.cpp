// Codecs of the two big tables: enterprises (with their four list tables) and observations.
#include "store/internal/codec.hpp"
#include "store/internal/tables.hpp"

namespace atlas::store_internal {
namespace {

// ---- enterprises ----

const Queries& enterprise_queries() {
  static const Queries queries(
      "SELECT id, credit_code, name_zh, name_en, county, zone, segment, above_size, high_tech, employees, "
      "group_id, provenance, outside, above_size_provenance, aliases_provenance FROM enterprises",
      "WHERE id = ?1", "ORDER BY id");
  return queries;
}

// The list fields of EnterpriseRecord and the tables that hold them, in one place.
struct EnterpriseList {
  ListTable table;
  std::vector<std::string> EnterpriseRecord::*field;
};

const std::vector<EnterpriseList>& enterprise_lists() {
  static const std::vector<EnterpriseList> lists{
      {ListTable("enterprise_classes", "enterprise", "class"), &EnterpriseRecord::classes},
      {ListTable("enterprise_processes", "enterprise", "process"), &EnterpriseRecord::processes},
      {ListTable("enterprise_certifications", "enterprise", "certification"),
       &EnterpriseRecord::certifications},
      {ListTable("enterprise_customers", "enterprise", "customer"), &EnterpriseRecord::customers},
      {ListTable("enterprise_aliases", "enterprise", "alias"), &EnterpriseRecord::aliases},
  };
  return lists;
}

Result<EnterpriseRecord> read_enterprise(const Stmt& s) {
  EnterpriseRecord r;
  r.id = s.text(0);
  r.credit_code = s.text(1);
  r.name = {s.text(2), s.text(3)};
  r.county = s.text(4);
  r.zone = s.text(5);
  r.segment = s.text(6);
  r.above_size = s.opt_bool(7);
  r.high_tech = s.opt_bool(8);
  r.employees = s.opt_int64(9);
  r.group = s.text(10);
  r.provenance = s.text(11);
  r.outside = s.int64(12) != 0;
  r.above_size_provenance = s.text(13);
  r.aliases_provenance = s.text(14);
  return r;
}

// Readers of the four list tables, for one enterprise (`key`) or all of them (nullptr).
Result<std::vector<ListReader>> open_list_readers(Db& db, const std::string* key) {
  std::vector<ListReader> readers;
  readers.reserve(enterprise_lists().size());
  for (const EnterpriseList& list : enterprise_lists()) {
    auto reader = ListReader::open(db, list.table, key);
    if (!reader) return std::unexpected(reader.error());
    readers.push_back(std::move(*reader));
  }
  return readers;
}

Result<void> take_lists(std::vector<ListReader>& readers, EnterpriseRecord& record) {
  for (std::size_t i = 0; i < readers.size(); ++i) {
    auto values = readers[i].take(record.id);
    if (!values) return std::unexpected(values.error());
    record.*(enterprise_lists()[i].field) = std::move(*values);
  }
  return {};
}

// Streams every enterprise with its lists, in id order.
Result<void> scan_enterprises(Db& db, const std::function<Result<void>(EnterpriseRecord&&)>& sink) {
  auto stmt = db.prepare(enterprise_queries().all);
  if (!stmt) return std::unexpected(stmt.error());
  auto readers = open_list_readers(db, nullptr);
  if (!readers) return std::unexpected(readers.error());
  return read_rows<EnterpriseRecord>(**stmt, read_enterprise, [&](EnterpriseRecord&& record) -> Result<void> {
    if (auto ok = take_lists(*readers, record); !ok) return ok;
    return sink(std::move(record));
  });
}

// ---- observations ----

constexpr std::string_view kObservationSelect =
    "SELECT enterprise, metric, period_kind, first_month, last_month, value, published, provenance "
    "FROM observations";

const Queries& observation_queries() {
  static const Queries queries(kObservationSelect, "WHERE enterprise = ?1 AND metric = ?2 AND period = ?3",
                               "ORDER BY enterprise, metric, period");
  return queries;
}

Result<ObservationRecord> read_observation(const Stmt& s) {
  auto kind = read_enum(s, 2, parse_period_kind_word, "observations", "period_kind");
  if (!kind) return std::unexpected(kind.error());
  auto published = read_date(s, 6, "observations", "published");
  if (!published) return std::unexpected(published.error());
  // The schema's CHECKs keep both months within MonthIndex.
  const Period period{*kind, static_cast<MonthIndex>(s.int64(3)), static_cast<MonthIndex>(s.int64(4))};
  return ObservationRecord{s.text(0), s.text(1), period, s.int64(5), *published, s.text(7)};
}

}  // namespace

// ---- enterprises ----

Result<std::optional<EnterpriseRecord>> fetch(Db& db, const EnterpriseRecord& key) {
  auto stmt = db.prepare(enterprise_queries().fetch);
  if (!stmt) return std::unexpected(stmt.error());
  (*stmt)->bind_all(key.id);
  auto record = read_first<EnterpriseRecord>(**stmt, read_enterprise);
  if (!record || !*record) return record;
  auto readers = open_list_readers(db, &key.id);
  if (!readers) return std::unexpected(readers.error());
  if (auto ok = take_lists(*readers, **record); !ok) return std::unexpected(ok.error());
  return record;
}

Result<void> scan_all(Db& db, const std::function<Result<void>(const EnterpriseRecord&)>& visit) {
  return scan_enterprises(db, [&visit](EnterpriseRecord&& record) { return visit(record); });
}

Result<void> load_all(Db& db, std::vector<EnterpriseRecord>& out) {
  return scan_enterprises(db, [&out](EnterpriseRecord&& record) -> Result<void> {
    out.push_back(std::move(record));
    return {};
  });
}

Result<void> write(Db& db, const EnterpriseRecord& r) {
  static const std::string sql = upsert_sql(
      "enterprises",
      {"id", "credit_code", "name_zh", "name_en", "county", "zone", "segment", "above_size", "high_tech",
       "employees", "group_id", "provenance", "outside", "above_size_provenance", "aliases_provenance"},
      {"id"});
  auto ok =
      db.run(sql, r.id, Nullable{r.credit_code}, r.name.zh, r.name.en, Nullable{r.county}, Nullable{r.zone},
             r.segment, r.above_size, r.high_tech, r.employees, Nullable{r.group}, r.provenance,
             std::int64_t{r.outside ? 1 : 0}, r.above_size_provenance, r.aliases_provenance);
  if (!ok) return ok;
  for (const EnterpriseList& list : enterprise_lists()) {
    if (auto written = write_list(db, list.table, r.id, r.*(list.field)); !written) return written;
  }
  return {};
}

std::string key_text(const EnterpriseRecord& r) {
  return r.id;
}

std::string to_json(const EnterpriseRecord& r) {
  JsonWriter json;
  json.begin_object().field("id", r.id).field("credit_code", r.credit_code);
  names_field(json, "name", r.name);
  json.field("county", r.county)
      .field("zone", r.zone)
      .field("segment", r.segment)
      .field("above_size", r.above_size)
      .field("high_tech", r.high_tech);
  list_field(json, "classes", r.classes);
  list_field(json, "processes", r.processes);
  list_field(json, "certifications", r.certifications);
  list_field(json, "customers", r.customers);
  json.field("employees", r.employees).field("group", r.group).field("provenance", r.provenance);
  json.field("outside", r.outside).field("above_size_provenance", r.above_size_provenance);
  list_field(json, "aliases", r.aliases);
  json.field("aliases_provenance", r.aliases_provenance);
  return json.end_object().take();
}

// ---- observations ----

Result<std::optional<ObservationRecord>> fetch(Db& db, const ObservationRecord& key) {
  auto stmt = db.prepare(observation_queries().fetch);
  if (!stmt) return std::unexpected(stmt.error());
  const std::string period = key.period.to_string();
  (*stmt)->bind_all(key.enterprise, key.metric, period);
  return read_first<ObservationRecord>(**stmt, read_observation);
}

Result<void> scan_all(Db& db, const std::function<Result<void>(const ObservationRecord&)>& visit) {
  auto stmt = db.prepare(observation_queries().all);
  if (!stmt) return std::unexpected(stmt.error());
  return read_rows<ObservationRecord>(**stmt, read_observation,
                                      [&](ObservationRecord&& record) { return visit(record); });
}

Result<void> load_all(Db& db, std::vector<ObservationRecord>& out) {
  auto stmt = db.prepare(observation_queries().all);
  if (!stmt) return std::unexpected(stmt.error());
  return read_into(**stmt, read_observation, out);
}

Result<void> write(Db& db, const ObservationRecord& r) {
  static const std::string sql = upsert_sql("observations",
                                            {"enterprise", "metric", "period", "period_kind", "first_month",
                                             "last_month", "value", "published", "provenance"},
                                            {"enterprise", "metric", "period"});
  const std::string period = r.period.to_string();
  const auto published = date_text(r.published);
  return db.run(sql, r.enterprise, r.metric, period, period_kind_word(r.period.kind),
                static_cast<std::int64_t>(r.period.first), static_cast<std::int64_t>(r.period.last), r.value,
                published, r.provenance);
}

std::string key_text(const ObservationRecord& r) {
  return composite_key({r.enterprise, r.metric, r.period.to_string()});
}

std::string to_json(const ObservationRecord& r) {
  JsonWriter json;
  json.begin_object()
      .field("enterprise", r.enterprise)
      .field("metric", r.metric)
      .field("period", r.period.to_string())
      .field("value", r.value);
  date_field(json, "published", r.published);
  return json.field("provenance", r.provenance).end_object().take();
}

}  // namespace atlas::store_internal
