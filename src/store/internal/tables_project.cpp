// Codecs of projects (with products), milestones and chains (with links, link classes and edges).
#include <fmt/format.h>

#include "store/internal/codec.hpp"
#include "store/internal/tables.hpp"

namespace atlas::store_internal {
namespace {

// ---- projects ----

const Queries& project_queries() {
  static const Queries queries(
      "SELECT id, name_zh, name_en, type, sponsor, zone, county, investment, expected_output, capacity, "
      "quote, "
      "provenance FROM projects WHERE plan = atlas_plan()",
      "AND id = ?1", "ORDER BY id");
  return queries;
}

const ListTable& project_products() {
  static const ListTable table("project_products", "project", "class", Owner::kPlan);
  return table;
}

Result<ProjectRecord> read_project(const Stmt& s) {
  ProjectRecord r;
  r.id = s.text(0);
  r.name = {s.text(1), s.text(2)};
  r.type = s.text(3);
  r.sponsor = s.text(4);
  r.zone = s.text(5);
  r.county = s.text(6);
  r.investment = s.opt_int64(7);
  r.expected_output = s.opt_int64(8);
  r.capacity = s.text(9);
  r.quote = s.text(10);
  r.provenance = s.text(11);
  return r;
}

// ---- milestones ----

const Queries& milestone_queries() {
  static const Queries queries(
      "SELECT project, kind, note, planned, actual, provenance, note_zh FROM milestones WHERE plan = "
      "atlas_plan()",
      "AND project = ?1 AND kind = ?2 AND note = ?3", "ORDER BY project, kind, note");
  return queries;
}

Result<MilestoneRecord> read_milestone(const Stmt& s) {
  auto kind = read_enum(s, 1, parse_milestone_kind, "milestones", "kind");
  if (!kind) return std::unexpected(kind.error());
  auto planned = read_date(s, 3, "milestones", "planned");
  if (!planned) return std::unexpected(planned.error());
  auto actual = read_date(s, 4, "milestones", "actual");
  if (!actual) return std::unexpected(actual.error());
  return MilestoneRecord{s.text(0), *kind, *planned, *actual, s.text(2), s.text(5), s.text(6)};
}

// ---- chains ----

const Queries& chain_queries() {
  static const Queries queries(
      "SELECT id, name_zh, name_en, provenance FROM chains WHERE plan = atlas_plan()", "AND id = ?1",
      "ORDER BY id");
  return queries;
}

Result<ChainRecord> read_chain(const Stmt& s) {
  return ChainRecord{s.text(0), {s.text(1), s.text(2)}, {}, {}, s.text(3)};
}

Result<std::vector<std::string>> read_link_classes(Db& db, const std::string& chain,
                                                   const std::string& link) {
  auto stmt = db.prepare(
      "SELECT class FROM chain_link_classes WHERE plan = atlas_plan() AND chain = ?1 AND link = ?2 ORDER BY "
      "pos");
  if (!stmt) return std::unexpected(stmt.error());
  (*stmt)->bind_all(chain, link);
  std::vector<std::string> classes;
  auto ok = read_rows<std::string>(
      **stmt, [](const Stmt& s) -> Result<std::string> { return s.text(0); },
      [&classes](std::string&& c) -> Result<void> {
        classes.push_back(std::move(c));
        return {};
      });
  if (!ok) return std::unexpected(ok.error());
  return classes;
}

// Reads the links (with their classes) and edges of a chain whose own row is already read.
Result<void> read_chain_parts(Db& db, ChainRecord& chain) {
  auto links = db.prepare(
      "SELECT id, name_zh, name_en, reference FROM chain_links WHERE plan = atlas_plan() AND chain = ?1 "
      "ORDER "
      "BY pos");
  if (!links) return std::unexpected(links.error());
  (*links)->bind_all(chain.id);
  auto read_link = [](const Stmt& s) -> Result<ChainLinkRecord> {
    return ChainLinkRecord{s.text(0), {s.text(1), s.text(2)}, {}, s.text(3)};
  };
  if (auto ok = read_into(**links, read_link, chain.links); !ok) return ok;
  for (ChainLinkRecord& link : chain.links) {
    auto classes = read_link_classes(db, chain.id, link.id);
    if (!classes) return std::unexpected(classes.error());
    link.classes = std::move(*classes);
  }
  auto edges = db.prepare(
      "SELECT from_link, to_link FROM chain_edges WHERE plan = atlas_plan() AND chain = ?1 ORDER BY pos");
  if (!edges) return std::unexpected(edges.error());
  (*edges)->bind_all(chain.id);
  auto read_edge = [](const Stmt& s) -> Result<ChainEdgeRecord> {
    return ChainEdgeRecord{s.text(0), s.text(1)};
  };
  return read_into(**edges, read_edge, chain.edges);
}

// Upserts one link of a chain at `pos`. Links still at pos -1 are the previous version's; a link
// already placed in this write is a duplicate id.
Result<void> write_link(Db& db, const std::string& chain, const ChainLinkRecord& link, std::int64_t pos) {
  constexpr std::string_view kSql =
      "INSERT INTO chain_links (plan, chain, id, pos, name_zh, name_en, reference) VALUES (atlas_plan(), ?1, "
      "?2, ?3, ?4, ?5, ?6) "
      "ON CONFLICT (plan, chain, id) DO UPDATE SET pos = excluded.pos, name_zh = excluded.name_zh, "
      "name_en = excluded.name_en, reference = excluded.reference WHERE chain_links.pos = -1";
  if (auto ok = db.run(kSql, chain, link.id, pos, link.name.zh, link.name.en, link.reference); !ok) return ok;
  if (db.changes() == 0) {
    return fail(ErrorCode::kDuplicateKey, fmt::format("link '{}' appears twice", link.id));
  }
  constexpr std::string_view kInsertClass =
      "INSERT INTO chain_link_classes (plan, chain, link, pos, class) VALUES (atlas_plan(), ?1, ?2, ?3, ?4)";
  for (std::size_t i = 0; i < link.classes.size(); ++i) {
    auto ok = db.run(kInsertClass, chain, link.id, static_cast<std::int64_t>(i), link.classes[i]);
    if (!ok) return ok;
  }
  return {};
}

// Replaces the links and edges of a chain. Links are updated in place rather than deleted and
// re-inserted, so candidates that point at a link that stays keep a valid reference; a link that
// disappears while a candidate still points at it fails the foreign key.
Result<void> write_chain_parts(Db& db, const ChainRecord& r) {
  if (auto ok = db.run("DELETE FROM chain_edges WHERE plan = atlas_plan() AND chain = ?1", r.id); !ok)
    return ok;
  if (auto ok = db.run("DELETE FROM chain_link_classes WHERE plan = atlas_plan() AND chain = ?1", r.id); !ok)
    return ok;
  if (auto ok = db.run("UPDATE chain_links SET pos = -1 WHERE plan = atlas_plan() AND chain = ?1", r.id); !ok)
    return ok;
  for (std::size_t i = 0; i < r.links.size(); ++i) {
    if (auto ok = write_link(db, r.id, r.links[i], static_cast<std::int64_t>(i)); !ok) return ok;
  }
  if (auto ok = db.run("DELETE FROM chain_links WHERE plan = atlas_plan() AND chain = ?1 AND pos = -1", r.id);
      !ok)
    return ok;
  constexpr std::string_view kInsertEdge =
      "INSERT INTO chain_edges (plan, chain, pos, from_link, to_link) VALUES (atlas_plan(), ?1, ?2, ?3, ?4)";
  for (std::size_t i = 0; i < r.edges.size(); ++i) {
    const ChainEdgeRecord& edge = r.edges[i];
    if (auto ok = db.run(kInsertEdge, r.id, static_cast<std::int64_t>(i), edge.from, edge.to); !ok) return ok;
  }
  return {};
}

}  // namespace

// ---- projects ----

Result<std::optional<ProjectRecord>> fetch(Db& db, const ProjectRecord& key) {
  return fetch_with_list<ProjectRecord>(db, key.id, project_queries(), read_project, project_products(),
                                        &ProjectRecord::products, &ProjectRecord::id);
}

Result<void> load_all(Db& db, std::vector<ProjectRecord>& out) {
  return load_with_list(db, out, project_queries(), read_project, project_products(),
                        &ProjectRecord::products, &ProjectRecord::id);
}

Result<void> write(Db& db, const ProjectRecord& r) {
  static const std::string sql =
      upsert_sql("projects",
                 {"id", "name_zh", "name_en", "type", "sponsor", "zone", "county", "investment",
                  "expected_output", "capacity", "quote", "provenance"},
                 {"id"}, Owner::kPlan);
  auto ok = db.run(sql, r.id, r.name.zh, r.name.en, r.type, Nullable{r.sponsor}, Nullable{r.zone},
                   Nullable{r.county}, r.investment, r.expected_output, r.capacity, r.quote, r.provenance);
  if (!ok) return ok;
  return write_list(db, project_products(), r.id, r.products);
}

std::string key_text(const ProjectRecord& r) {
  return r.id;
}

std::string to_json(const ProjectRecord& r) {
  JsonWriter json;
  json.begin_object().field("id", r.id);
  names_field(json, "name", r.name);
  json.field("type", r.type)
      .field("sponsor", r.sponsor)
      .field("zone", r.zone)
      .field("county", r.county)
      .field("investment", r.investment)
      .field("expected_output", r.expected_output);
  list_field(json, "products", r.products);
  json.field("capacity", r.capacity).field("quote", r.quote).field("provenance", r.provenance);
  return json.end_object().take();
}

// ---- milestones ----

Result<std::optional<MilestoneRecord>> fetch(Db& db, const MilestoneRecord& key) {
  auto stmt = db.prepare(milestone_queries().fetch);
  if (!stmt) return std::unexpected(stmt.error());
  (*stmt)->bind_all(key.project, to_string(key.kind), key.note);
  return read_first<MilestoneRecord>(**stmt, read_milestone);
}

Result<void> load_all(Db& db, std::vector<MilestoneRecord>& out) {
  auto stmt = db.prepare(milestone_queries().all);
  if (!stmt) return std::unexpected(stmt.error());
  return read_into(**stmt, read_milestone, out);
}

Result<void> write(Db& db, const MilestoneRecord& r) {
  static const std::string sql =
      upsert_sql("milestones", {"project", "kind", "note", "planned", "actual", "provenance", "note_zh"},
                 {"project", "kind", "note"}, Owner::kPlan);
  const auto planned = date_text(r.planned);
  const auto actual = date_text(r.actual);
  return db.run(sql, Nullable{r.project}, to_string(r.kind), r.note, planned, actual, r.provenance,
                r.note_zh);
}

std::string key_text(const MilestoneRecord& r) {
  return composite_key({r.project, to_string(r.kind), r.note});
}

std::string to_json(const MilestoneRecord& r) {
  JsonWriter json;
  json.begin_object().field("project", r.project).field("kind", to_string(r.kind));
  date_field(json, "planned", r.planned);
  date_field(json, "actual", r.actual);
  json.field("note", r.note).field("note_zh", r.note_zh).field("provenance", r.provenance);
  return json.end_object().take();
}

// ---- chains ----

Result<std::optional<ChainRecord>> fetch(Db& db, const ChainRecord& key) {
  return fetch_with_parts<ChainRecord>(db, key.id, chain_queries(), read_chain, read_chain_parts);
}

Result<void> load_all(Db& db, std::vector<ChainRecord>& out) {
  return load_with_parts(db, out, chain_queries(), read_chain, read_chain_parts);
}

Result<void> write(Db& db, const ChainRecord& r) {
  static const std::string sql =
      upsert_sql("chains", {"id", "name_zh", "name_en", "provenance"}, {"id"}, Owner::kPlan);
  if (auto ok = db.run(sql, r.id, r.name.zh, r.name.en, r.provenance); !ok) return ok;
  return write_chain_parts(db, r);
}

std::string key_text(const ChainRecord& r) {
  return r.id;
}

std::string to_json(const ChainRecord& r) {
  JsonWriter json;
  json.begin_object().field("id", r.id);
  names_field(json, "name", r.name);
  json.key("links").begin_array();
  for (const ChainLinkRecord& link : r.links) {
    json.begin_object().field("id", link.id);
    names_field(json, "name", link.name);
    list_field(json, "classes", link.classes);
    if (!link.reference.empty()) json.field("reference", link.reference);
    json.end_object();
  }
  json.end_array().key("edges").begin_array();
  for (const ChainEdgeRecord& edge : r.edges) {
    json.begin_object().field("from", edge.from).field("to", edge.to).end_object();
  }
  json.end_array().field("provenance", r.provenance);
  return json.end_object().take();
}

}  // namespace atlas::store_internal
