// Codecs of the reference tables: plans (with scope and members), counties, taxonomy, metrics, zones.
#include <fmt/format.h>

#include "store/internal/codec.hpp"
#include "store/internal/tables.hpp"

namespace atlas::store_internal {
namespace {

// ---- plans ----

const Queries& plan_queries() {
  static const Queries queries(
      "SELECT id, title_zh, title_en, document, issued, start_year, end_year, is_default, output_metric, "
      "map, map_source, map_review_number, chain_makers, chain_min_makers, chain_anchor_output, "
      "chain_min_local_supply, chain_min_location_quotient, chain_reference, chain_rules_provenance, "
      "attraction_weight_gap, attraction_weight_ties, attraction_weight_scale, attraction_weight_region, "
      "attraction_weight_named, attraction_provenance, forecast_shrinkage, forecast_ramp_months, "
      "forecast_cancellation, forecast_correlation, forecast_provenance FROM plans",
      "WHERE id = ?1", "ORDER BY id");
  return queries;
}

const ListTable& plan_scope() {
  static const ListTable table("plan_scope", "plan", "county");
  return table;
}

const ListTable& plan_regions() {
  static const ListTable table("plan_attraction_regions", "plan", "region");
  return table;
}

const ListTable& plan_anchors() {
  static const ListTable table("plan_chain_anchors", "plan", "enterprise");
  return table;
}

std::optional<MakerBasis> parse_maker_basis(std::string_view word) {
  if (word == "all") return MakerBasis::kAll;
  if (word == "above-size") return MakerBasis::kAboveSize;
  return std::nullopt;
}

const char* maker_basis_text(MakerBasis basis) {
  return basis == MakerBasis::kAboveSize ? "above-size" : "all";
}

// The anchors of plans read in id order (one plan: `parent` its id).
Result<void> attach_anchors(Db& db, std::span<PlanInfo> plans, const std::string* parent) {
  auto reader = ListReader::open(db, plan_anchors(), parent);
  if (!reader) return std::unexpected(reader.error());
  for (PlanInfo& p : plans) {
    auto anchors = reader->take(p.id);
    if (!anchors) return std::unexpected(anchors.error());
    p.chain_rules.anchors = std::move(*anchors);
  }
  auto regions = ListReader::open(db, plan_regions(), parent);
  if (!regions) return std::unexpected(regions.error());
  for (PlanInfo& p : plans) {
    auto listed = regions->take(p.id);
    if (!listed) return std::unexpected(listed.error());
    p.attraction.regions = std::move(*listed);
  }
  return {};
}

Result<PlanInfo> read_plan(const Stmt& s) {
  auto issued = read_date(s, 4, "plans", "issued");
  if (!issued) return std::unexpected(issued.error());
  auto basis = read_enum(s, 12, parse_maker_basis, "plans", "chain_makers");
  if (!basis) return std::unexpected(basis.error());
  ChainRules rules{.basis = *basis,
                   .min_makers = s.int64(13),
                   .anchor_output = s.opt_int64(14),
                   .anchors = {},
                   .min_local_supply = s.int64(15),
                   .min_location_quotient = s.int64(16),
                   .reference = s.text(17),
                   .provenance = s.text(18)};
  return PlanInfo{.id = s.text(0),
                  .title = {s.text(1), s.text(2)},
                  .document = s.text(3),
                  .issued = *issued,
                  .start_year = static_cast<int>(s.int64(5)),
                  .end_year = static_cast<int>(s.int64(6)),
                  .scope = {},
                  .is_default = s.int64(7) != 0,
                  .output_metric = s.text(8),
                  .map = s.text(9),
                  .map_source = s.text(10),
                  .map_review_number = s.text(11),
                  .chain_rules = std::move(rules),
                  .attraction = AttractionRules{.regions = {},
                                                .weight_gap = s.int64(19),
                                                .weight_ties = s.int64(20),
                                                .weight_scale = s.int64(21),
                                                .weight_region = s.int64(22),
                                                .weight_named = s.int64(23),
                                                .provenance = s.text(24)},
                  .forecast = ForecastRules{.shrinkage = s.int64(25),
                                            .ramp_months = s.int64(26),
                                            .cancellation = s.int64(27),
                                            .correlation = s.int64(28),
                                            .provenance = s.text(29)}};
}

// ---- plan members ----

const Queries& member_queries() {
  static const Queries queries("SELECT kind, id FROM plan_members WHERE plan = atlas_plan()",
                               "AND kind = ?1 AND id = ?2", "ORDER BY kind, id");
  return queries;
}

Result<PlanMemberRecord> read_member(const Stmt& s) {
  auto kind = read_enum(s, 0, parse_member_kind, "plan_members", "kind");
  if (!kind) return std::unexpected(kind.error());
  return PlanMemberRecord{*kind, s.text(1)};
}

const Queries& term_queries() {
  static const Queries queries(
      "SELECT kind, id, name_zh, name_en, provenance, position FROM plan_terms WHERE plan = atlas_plan()",
      "AND kind = ?1 AND id = ?2", "ORDER BY kind, position, id");
  return queries;
}

Result<TermRecord> read_term(const Stmt& s) {
  auto kind = read_enum(s, 0, parse_vocabulary_kind, "plan_terms", "kind");
  if (!kind) return std::unexpected(kind.error());
  return TermRecord{*kind, s.text(1), {s.text(2), s.text(3)}, s.text(4), static_cast<int>(s.int64(5))};
}

const Queries& unit_queries() {
  static const Queries queries(
      "SELECT id, measure, name_zh, name_en, provenance, position FROM plan_units WHERE plan = atlas_plan()",
      "AND id = ?1", "ORDER BY position, id");
  return queries;
}

Result<UnitRecord> read_unit(const Stmt& s) {
  auto measure = read_enum(s, 1, parse_target_unit, "plan_units", "measure");
  if (!measure) return std::unexpected(measure.error());
  return UnitRecord{s.text(0), *measure, {s.text(2), s.text(3)}, {}, s.text(4), static_cast<int>(s.int64(5))};
}

// Reads the display scales of a unit whose own row is already read.
Result<void> read_unit_scales(Db& db, UnitRecord& unit) {
  auto stmt = db.prepare(
      "SELECT factor, name_zh, name_en FROM plan_unit_scales WHERE plan = atlas_plan() AND unit = ?1 ORDER "
      "BY "
      "pos");
  if (!stmt) return std::unexpected(stmt.error());
  (*stmt)->bind_all(unit.id);
  auto read_scale = [](const Stmt& s) -> Result<UnitScale> {
    return UnitScale{s.int64(0), {s.text(1), s.text(2)}};
  };
  return read_into(**stmt, read_scale, unit.scales);
}

// ---- counties ----

const Queries& county_queries() {
  static const Queries queries("SELECT id, adcode, name_zh, name_en, provenance FROM counties",
                               "WHERE id = ?1", "ORDER BY id");
  return queries;
}

Result<CountyRecord> read_county(const Stmt& s) {
  return CountyRecord{s.text(0), s.text(1), {s.text(2), s.text(3)}, s.text(4)};
}

// ---- taxonomy ----

const Queries& taxonomy_queries() {
  static const Queries queries(
      "SELECT code, level, parent, name_zh, name_en, class_count, provenance FROM taxonomy",
      "WHERE code = ?1", "ORDER BY code");
  return queries;
}

const ListTable& taxonomy_hs() {
  static const ListTable table("taxonomy_hs", "code", "hs");
  return table;
}

Result<TaxonomyRecord> read_taxonomy(const Stmt& s) {
  auto level = read_enum(s, 1, parse_taxonomy_level, "taxonomy", "level");
  if (!level) return std::unexpected(level.error());
  return TaxonomyRecord{.code = s.text(0),
                        .level = *level,
                        .parent = s.text(2),
                        .name = {s.text(3), s.text(4)},
                        .class_count = s.opt_int64(5),
                        .hs = {},
                        .provenance = s.text(6)};
}

// ---- metrics ----

const Queries& metric_queries() {
  static const Queries queries("SELECT id, name_zh, name_en, unit, provenance FROM metrics", "WHERE id = ?1",
                               "ORDER BY id");
  return queries;
}

Result<MetricRecord> read_metric(const Stmt& s) {
  auto unit = read_enum(s, 3, parse_metric_unit, "metrics", "unit");
  if (!unit) return std::unexpected(unit.error());
  return MetricRecord{s.text(0), {s.text(1), s.text(2)}, *unit, s.text(4)};
}

// ---- zones ----

const Queries& zone_queries() {
  static const Queries queries(
      "SELECT id, name_zh, name_en, kind, parent, provenance FROM zones WHERE plan = atlas_plan()",
      "AND id = ?1", "ORDER BY id");
  return queries;
}

const ListTable& zone_counties() {
  static const ListTable table("zone_counties", "zone", "county");
  return table;
}

Result<ZoneRecord> read_zone(const Stmt& s) {
  return ZoneRecord{.id = s.text(0),
                    .name = {s.text(1), s.text(2)},
                    .kind = s.text(3),
                    .counties = {},
                    .parent = s.text(4),
                    .provenance = s.text(5)};
}

}  // namespace

// ---- plans ----

Result<std::optional<PlanInfo>> fetch(Db& db, const PlanInfo& key) {
  auto plan = fetch_with_list<PlanInfo>(db, key.id, plan_queries(), read_plan, plan_scope(), &PlanInfo::scope,
                                        &PlanInfo::id);
  if (!plan || !*plan) return plan;
  if (auto ok = attach_anchors(db, std::span<PlanInfo>(&**plan, 1), &key.id); !ok)
    return std::unexpected(ok.error());
  return plan;
}

Result<void> load_all(Db& db, std::vector<PlanInfo>& out) {
  const std::size_t first = out.size();
  auto ok = load_with_list(db, out, plan_queries(), read_plan, plan_scope(), &PlanInfo::scope, &PlanInfo::id);
  if (!ok) return ok;
  return attach_anchors(db, std::span<PlanInfo>(out).subspan(first), nullptr);
}

Result<void> write(Db& db, const PlanInfo& p) {
  static const std::string sql = upsert_sql("plans",
                                            {"id",
                                             "title_zh",
                                             "title_en",
                                             "document",
                                             "issued",
                                             "start_year",
                                             "end_year",
                                             "is_default",
                                             "output_metric",
                                             "map",
                                             "map_source",
                                             "map_review_number",
                                             "chain_makers",
                                             "chain_min_makers",
                                             "chain_anchor_output",
                                             "chain_min_local_supply",
                                             "chain_min_location_quotient",
                                             "chain_reference",
                                             "chain_rules_provenance",
                                             "attraction_weight_gap",
                                             "attraction_weight_ties",
                                             "attraction_weight_scale",
                                             "attraction_weight_region",
                                             "attraction_weight_named",
                                             "attraction_provenance",
                                             "forecast_shrinkage",
                                             "forecast_ramp_months",
                                             "forecast_cancellation",
                                             "forecast_correlation",
                                             "forecast_provenance"},
                                            {"id"});
  // At most one default plan: a plan that becomes the default takes the mark from the other.
  if (p.is_default) {
    if (auto ok = db.run("UPDATE plans SET is_default = 0 WHERE is_default = 1 AND id <> ?1", p.id); !ok) {
      return ok;
    }
  }
  const auto issued = date_text(p.issued);
  const ChainRules& r = p.chain_rules;
  auto ok = db.run(
      sql, p.id, p.title.zh, p.title.en, p.document, issued, p.start_year, p.end_year, p.is_default,
      p.output_metric, p.map, p.map_source, p.map_review_number, maker_basis_text(r.basis), r.min_makers,
      r.anchor_output, r.min_local_supply, r.min_location_quotient, r.reference, r.provenance,
      p.attraction.weight_gap, p.attraction.weight_ties, p.attraction.weight_scale,
      p.attraction.weight_region, p.attraction.weight_named, p.attraction.provenance, p.forecast.shrinkage,
      p.forecast.ramp_months, p.forecast.cancellation, p.forecast.correlation, p.forecast.provenance);
  if (!ok) return ok;
  if (auto listed = write_list(db, plan_anchors(), p.id, r.anchors); !listed) return listed;
  if (auto listed = write_list(db, plan_regions(), p.id, p.attraction.regions); !listed) return listed;
  return write_list(db, plan_scope(), p.id, p.scope);
}

std::string key_text(const PlanInfo& p) {
  return p.id;
}

std::string to_json(const PlanInfo& p) {
  JsonWriter json;
  json.begin_object().field("id", p.id);
  names_field(json, "title", p.title);
  json.field("document", p.document);
  date_field(json, "issued", p.issued);
  json.field("start_year", p.start_year).field("end_year", p.end_year);
  list_field(json, "scope", p.scope);
  json.field("output_metric", p.output_metric);
  // The map itself is too large for an audit line: its size says whether it changed.
  json.field("map_bytes", static_cast<std::int64_t>(p.map.size()));
  json.field("map_source", p.map_source).field("map_review_number", p.map_review_number);
  if (p.chain_rules != ChainRules{}) {
    const ChainRules& r = p.chain_rules;
    json.key("chain_rules").begin_object().field("makers", maker_basis_text(r.basis));
    json.field("min_makers", r.min_makers);
    if (r.anchor_output) json.field("anchor_output", *r.anchor_output);
    list_field(json, "anchors", r.anchors);
    json.field("min_local_supply", r.min_local_supply)
        .field("min_location_quotient", r.min_location_quotient);
    json.field("reference", r.reference).field("provenance", r.provenance).end_object();
  }
  if (p.attraction != AttractionRules{}) {
    const AttractionRules& a = p.attraction;
    json.key("attraction").begin_object();
    list_field(json, "regions", a.regions);
    json.field("weight_gap", a.weight_gap)
        .field("weight_ties", a.weight_ties)
        .field("weight_scale", a.weight_scale);
    json.field("weight_region", a.weight_region).field("weight_named", a.weight_named);
    json.field("provenance", a.provenance).end_object();
  }
  if (p.forecast != ForecastRules{}) {
    const ForecastRules& f = p.forecast;
    json.key("forecast").begin_object().field("shrinkage", f.shrinkage).field("ramp_months", f.ramp_months);
    json.field("cancellation", f.cancellation).field("correlation", f.correlation);
    json.field("provenance", f.provenance).end_object();
  }
  json.field("default", p.is_default).end_object();
  return json.take();
}

// ---- plan members ----

Result<std::optional<PlanMemberRecord>> fetch(Db& db, const PlanMemberRecord& key) {
  auto stmt = db.prepare(member_queries().fetch);
  if (!stmt) return std::unexpected(stmt.error());
  (*stmt)->bind_all(to_string(key.kind), key.id);
  return read_first<PlanMemberRecord>(**stmt, read_member);
}

Result<void> load_all(Db& db, std::vector<PlanMemberRecord>& out) {
  return load_plain(db, out, member_queries(), read_member);
}

Result<void> write(Db& db, const PlanMemberRecord& r) {
  return db.run("INSERT OR IGNORE INTO plan_members (plan, kind, id) VALUES (atlas_plan(), ?1, ?2)",
                to_string(r.kind), r.id);
}

std::string key_text(const PlanMemberRecord& r) {
  return composite_key({to_string(r.kind), r.id});
}

std::string to_json(const PlanMemberRecord& r) {
  JsonWriter json;
  json.begin_object().field("kind", to_string(r.kind)).field("id", r.id).end_object();
  return json.take();
}

// ---- plan terms ----

Result<std::optional<TermRecord>> fetch(Db& db, const TermRecord& key) {
  auto stmt = db.prepare(term_queries().fetch);
  if (!stmt) return std::unexpected(stmt.error());
  (*stmt)->bind_all(to_string(key.kind), key.id);
  return read_first<TermRecord>(**stmt, read_term);
}

Result<void> load_all(Db& db, std::vector<TermRecord>& out) {
  return load_plain(db, out, term_queries(), read_term);
}

Result<void> write(Db& db, const TermRecord& r) {
  static const std::string sql =
      upsert_sql("plan_terms", {"kind", "id", "name_zh", "name_en", "provenance", "position"}, {"kind", "id"},
                 Owner::kPlan);
  return db.run(sql, to_string(r.kind), r.id, r.name.zh, r.name.en, r.provenance, r.position);
}

std::string key_text(const TermRecord& r) {
  return composite_key({to_string(r.kind), r.id});
}

std::string to_json(const TermRecord& r) {
  JsonWriter json;
  json.begin_object().field("kind", to_string(r.kind)).field("id", r.id);
  names_field(json, "name", r.name);
  json.field("provenance", r.provenance).field("position", r.position).end_object();
  return json.take();
}

// ---- plan units ----

Result<std::optional<UnitRecord>> fetch(Db& db, const UnitRecord& key) {
  return fetch_with_parts<UnitRecord>(db, key.id, unit_queries(), read_unit, read_unit_scales);
}

Result<void> load_all(Db& db, std::vector<UnitRecord>& out) {
  return load_with_parts(db, out, unit_queries(), read_unit, read_unit_scales);
}

Result<void> write(Db& db, const UnitRecord& r) {
  static const std::string sql = upsert_sql(
      "plan_units", {"id", "measure", "name_zh", "name_en", "provenance", "position"}, {"id"}, Owner::kPlan);
  if (auto ok = db.run(sql, r.id, to_string(r.measure), r.name.zh, r.name.en, r.provenance, r.position); !ok)
    return ok;
  if (auto ok = db.run("DELETE FROM plan_unit_scales WHERE plan = atlas_plan() AND unit = ?1", r.id); !ok)
    return ok;
  constexpr std::string_view kInsertScale =
      "INSERT INTO plan_unit_scales (plan, unit, pos, factor, name_zh, name_en) VALUES (atlas_plan(), ?1, "
      "?2, "
      "?3, ?4, ?5)";
  for (std::size_t i = 0; i < r.scales.size(); ++i) {
    const UnitScale& scale = r.scales[i];
    auto ok =
        db.run(kInsertScale, r.id, static_cast<std::int64_t>(i), scale.factor, scale.name.zh, scale.name.en);
    if (!ok) return ok;
  }
  return {};
}

std::string key_text(const UnitRecord& r) {
  return r.id;
}

std::string to_json(const UnitRecord& r) {
  JsonWriter json;
  json.begin_object().field("id", r.id).field("measure", to_string(r.measure));
  names_field(json, "name", r.name);
  json.key("scales").begin_array();
  for (const UnitScale& scale : r.scales) {
    json.begin_object().field("factor", scale.factor);
    names_field(json, "name", scale.name);
    json.end_object();
  }
  json.end_array().field("provenance", r.provenance).field("position", r.position).end_object();
  return json.take();
}

// ---- counties ----

Result<std::optional<CountyRecord>> fetch(Db& db, const CountyRecord& key) {
  return fetch_plain<CountyRecord>(db, key.id, county_queries(), read_county);
}

Result<void> load_all(Db& db, std::vector<CountyRecord>& out) {
  return load_plain(db, out, county_queries(), read_county);
}

Result<void> write(Db& db, const CountyRecord& r) {
  static const std::string sql =
      upsert_sql("counties", {"id", "adcode", "name_zh", "name_en", "provenance"}, {"id"});
  return db.run(sql, r.id, r.adcode, r.name.zh, r.name.en, r.provenance);
}

std::string key_text(const CountyRecord& r) {
  return r.id;
}

std::string to_json(const CountyRecord& r) {
  JsonWriter json;
  json.begin_object().field("id", r.id).field("adcode", r.adcode);
  names_field(json, "name", r.name);
  json.field("provenance", r.provenance).end_object();
  return json.take();
}

// ---- taxonomy ----

Result<std::optional<TaxonomyRecord>> fetch(Db& db, const TaxonomyRecord& key) {
  return fetch_with_list<TaxonomyRecord>(db, key.code, taxonomy_queries(), read_taxonomy, taxonomy_hs(),
                                         &TaxonomyRecord::hs, &TaxonomyRecord::code);
}

Result<void> load_all(Db& db, std::vector<TaxonomyRecord>& out) {
  return load_with_list(db, out, taxonomy_queries(), read_taxonomy, taxonomy_hs(), &TaxonomyRecord::hs,
                        &TaxonomyRecord::code);
}

Result<void> write(Db& db, const TaxonomyRecord& r) {
  static const std::string sql = upsert_sql(
      "taxonomy", {"code", "level", "parent", "name_zh", "name_en", "class_count", "provenance"}, {"code"});
  auto ok = db.run(sql, r.code, to_string(r.level), Nullable{r.parent}, r.name.zh, r.name.en, r.class_count,
                   r.provenance);
  if (!ok) return ok;
  return write_list(db, taxonomy_hs(), r.code, r.hs);
}

std::string key_text(const TaxonomyRecord& r) {
  return r.code;
}

std::string to_json(const TaxonomyRecord& r) {
  JsonWriter json;
  json.begin_object().field("code", r.code).field("level", to_string(r.level)).field("parent", r.parent);
  names_field(json, "name", r.name);
  json.field("class_count", r.class_count);
  list_field(json, "hs", r.hs);
  json.field("provenance", r.provenance).end_object();
  return json.take();
}

// ---- metrics ----

Result<std::optional<MetricRecord>> fetch(Db& db, const MetricRecord& key) {
  return fetch_plain<MetricRecord>(db, key.id, metric_queries(), read_metric);
}

Result<void> load_all(Db& db, std::vector<MetricRecord>& out) {
  return load_plain(db, out, metric_queries(), read_metric);
}

Result<void> write(Db& db, const MetricRecord& r) {
  static const std::string sql =
      upsert_sql("metrics", {"id", "name_zh", "name_en", "unit", "provenance"}, {"id"});
  return db.run(sql, r.id, r.name.zh, r.name.en, to_string(r.unit), r.provenance);
}

std::string key_text(const MetricRecord& r) {
  return r.id;
}

std::string to_json(const MetricRecord& r) {
  JsonWriter json;
  json.begin_object().field("id", r.id);
  names_field(json, "name", r.name);
  json.field("unit", to_string(r.unit)).field("provenance", r.provenance).end_object();
  return json.take();
}

// ---- zones ----

Result<std::optional<ZoneRecord>> fetch(Db& db, const ZoneRecord& key) {
  return fetch_with_list<ZoneRecord>(db, key.id, zone_queries(), read_zone, zone_counties(),
                                     &ZoneRecord::counties, &ZoneRecord::id);
}

Result<void> load_all(Db& db, std::vector<ZoneRecord>& out) {
  return load_with_list(db, out, zone_queries(), read_zone, zone_counties(), &ZoneRecord::counties,
                        &ZoneRecord::id);
}

Result<void> write(Db& db, const ZoneRecord& r) {
  static const std::string sql =
      upsert_sql("zones", {"id", "name_zh", "name_en", "kind", "parent", "provenance"}, {"id"}, Owner::kPlan);
  // Zone ids are unique across plans (an enterprise's zone names one place).
  auto owner = db.prepare("SELECT plan FROM zones WHERE id = ?1 AND plan <> atlas_plan()");
  if (!owner) return std::unexpected(owner.error());
  (*owner)->bind_all(r.id);
  auto taken = (*owner)->step();
  if (!taken) return std::unexpected(taken.error());
  if (*taken) {
    return fail(ErrorCode::kDuplicateKey,
                fmt::format("zone '{}' belongs to plan '{}': zone ids are unique across plans", r.id,
                            (*owner)->text(0)));
  }
  auto ok = db.run(sql, r.id, r.name.zh, r.name.en, r.kind, Nullable{r.parent}, r.provenance);
  if (!ok) return ok;
  return write_list(db, zone_counties(), r.id, r.counties);
}

std::string key_text(const ZoneRecord& r) {
  return r.id;
}

std::string to_json(const ZoneRecord& r) {
  JsonWriter json;
  json.begin_object().field("id", r.id);
  names_field(json, "name", r.name);
  json.field("kind", r.kind);
  list_field(json, "counties", r.counties);
  json.field("parent", r.parent).field("provenance", r.provenance).end_object();
  return json.take();
}

}  // namespace atlas::store_internal
