-- Several plans side by side (issue 9). A plan's own records (zones, facts, projects with their
-- products and milestones, chains with their links and edges, candidates, targets) carry their
-- plan and are keyed within it, so two plans may both have a target "total-output". Counties, the
-- taxonomy, metrics, enterprises, observations, carriers, supplier entries and supply edges stay
-- shared registers that every plan reads through its scope (docs/storage.md, "Plans").
--
-- Zone ids stay unique across plans (enterprises.zone points at one zone), so a zone is keyed by
-- its id and also unique per (plan, id) for the composite references of projects and parents.
-- Enum words that plans will declare themselves (segments, zone kinds, project types) lose their
-- fixed CHECK lists here; the importer checks them against the plan.
--
-- An existing database holds at most one plan: its records move to it, its scope becomes every
-- county, and the enterprises without a county (and carriers without an enterprise) become its
-- members. Plan records stored without a plan row get the plan "unnamed-plan".
-- Runs with foreign keys off (migrate() does, and checks them all before COMMIT).

CREATE TABLE plans (
  id TEXT PRIMARY KEY NOT NULL CHECK (id <> ''),
  title_zh TEXT NOT NULL,
  title_en TEXT NOT NULL,
  document TEXT NOT NULL,
  issued TEXT,
  start_year INTEGER NOT NULL,
  end_year INTEGER NOT NULL,
  is_default INTEGER NOT NULL DEFAULT 0 CHECK (is_default IN (0, 1))
) STRICT;
CREATE UNIQUE INDEX plans_one_default ON plans (is_default) WHERE is_default = 1;

INSERT INTO plans (id, title_zh, title_en, document, issued, start_year, end_year)
  SELECT id, title_zh, title_en, document, issued, start_year, end_year FROM plan;
INSERT INTO plans (id, title_zh, title_en, document, issued, start_year, end_year)
  SELECT 'unnamed-plan', '未命名规划', 'Unnamed plan', '', NULL, 0, 0
  WHERE NOT EXISTS (SELECT 1 FROM plans)
    AND (EXISTS (SELECT 1 FROM zones) OR EXISTS (SELECT 1 FROM facts) OR EXISTS (SELECT 1 FROM projects)
         OR EXISTS (SELECT 1 FROM chains) OR EXISTS (SELECT 1 FROM candidates)
         OR EXISTS (SELECT 1 FROM targets));
DROP TABLE plan;

-- The regions whose enterprises count for the plan, in the plan file's order.
CREATE TABLE plan_scope (
  plan TEXT NOT NULL REFERENCES plans (id),
  pos INTEGER NOT NULL CHECK (pos >= 0),
  county TEXT NOT NULL REFERENCES counties (id),
  PRIMARY KEY (plan, pos)
) STRICT, WITHOUT ROWID;
INSERT INTO plan_scope (plan, pos, county)
  SELECT p.id, row_number() OVER (PARTITION BY p.id ORDER BY c.id) - 1, c.id FROM plans p, counties c;

-- Register records with no region of their own that a plan counts anyway: enterprises without a
-- county and carriers without an enterprise, claimed by the plan they were imported with.
CREATE TABLE plan_members (
  plan TEXT NOT NULL REFERENCES plans (id),
  kind TEXT NOT NULL CHECK (kind IN ('enterprise', 'carrier')),
  id TEXT NOT NULL,
  PRIMARY KEY (plan, kind, id)
) STRICT, WITHOUT ROWID;
INSERT INTO plan_members (plan, kind, id)
  SELECT p.id, 'enterprise', e.id FROM plans p, enterprises e WHERE e.county IS NULL AND e.outside = 0;
INSERT INTO plan_members (plan, kind, id)
  SELECT p.id, 'carrier', c.id FROM plans p, carriers c WHERE c.enterprise IS NULL;

-- ---- zones ----
CREATE TABLE zones_new (
  id TEXT PRIMARY KEY NOT NULL CHECK (id <> ''),
  plan TEXT NOT NULL REFERENCES plans (id),
  name_zh TEXT NOT NULL,
  name_en TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind <> ''),
  parent TEXT CHECK (parent <> id),
  provenance TEXT NOT NULL,
  UNIQUE (plan, id),
  FOREIGN KEY (plan, parent) REFERENCES zones (plan, id)
) STRICT;
INSERT INTO zones_new (id, plan, name_zh, name_en, kind, parent, provenance)
  SELECT id, (SELECT id FROM plans), name_zh, name_en, kind, parent, provenance FROM zones;
DROP TABLE zones;
ALTER TABLE zones_new RENAME TO zones;

-- ---- enterprises: the segment word is the plan's (no fixed list) ----
CREATE TABLE enterprises_new (
  id TEXT PRIMARY KEY NOT NULL CHECK (id <> ''),
  credit_code TEXT CHECK (length(credit_code) = 18),
  name_zh TEXT NOT NULL,
  name_en TEXT NOT NULL,
  county TEXT REFERENCES counties (id),
  zone TEXT REFERENCES zones (id),
  segment TEXT NOT NULL CHECK (segment <> ''),
  above_size INTEGER CHECK (above_size IN (0, 1)),
  high_tech INTEGER CHECK (high_tech IN (0, 1)),
  employees INTEGER CHECK (employees >= 0),
  group_id TEXT REFERENCES enterprises (id),
  provenance TEXT NOT NULL,
  outside INTEGER NOT NULL DEFAULT 0 CHECK (outside IN (0, 1)),
  above_size_provenance TEXT NOT NULL DEFAULT '',
  aliases_provenance TEXT NOT NULL DEFAULT ''
) STRICT;
INSERT INTO enterprises_new
  SELECT id, credit_code, name_zh, name_en, county, zone, segment, above_size, high_tech, employees, group_id,
         provenance, outside, above_size_provenance, aliases_provenance
  FROM enterprises;
DROP TABLE enterprises;
ALTER TABLE enterprises_new RENAME TO enterprises;
CREATE INDEX enterprises_by_county ON enterprises (county);

-- ---- facts ----
CREATE TABLE facts_new (
  plan TEXT NOT NULL REFERENCES plans (id),
  id TEXT NOT NULL CHECK (id <> ''),
  subject TEXT NOT NULL,
  metric TEXT NOT NULL,
  period TEXT NOT NULL,
  value TEXT NOT NULL,
  unit TEXT NOT NULL,
  qualifier TEXT NOT NULL CHECK (qualifier IN ('exact', 'about', 'over', 'at-least')),
  quote TEXT NOT NULL,
  note TEXT NOT NULL,
  provenance TEXT NOT NULL,
  note_zh TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (plan, id)
) STRICT, WITHOUT ROWID;
INSERT INTO facts_new
  SELECT (SELECT id FROM plans), id, subject, metric, period, value, unit, qualifier, quote, note, provenance,
         note_zh
  FROM facts;
DROP TABLE facts;
ALTER TABLE facts_new RENAME TO facts;

-- ---- projects and their products and milestones ----
CREATE TABLE projects_new (
  plan TEXT NOT NULL REFERENCES plans (id),
  id TEXT NOT NULL CHECK (id <> ''),
  name_zh TEXT NOT NULL,
  name_en TEXT NOT NULL,
  type TEXT NOT NULL CHECK (type <> ''),
  sponsor TEXT REFERENCES enterprises (id),
  zone TEXT,
  county TEXT REFERENCES counties (id),
  investment INTEGER CHECK (investment >= 0),
  expected_output INTEGER CHECK (expected_output >= 0),
  capacity TEXT NOT NULL,
  quote TEXT NOT NULL,
  provenance TEXT NOT NULL,
  PRIMARY KEY (plan, id),
  FOREIGN KEY (plan, zone) REFERENCES zones (plan, id)
) STRICT, WITHOUT ROWID;
INSERT INTO projects_new
  SELECT (SELECT id FROM plans), id, name_zh, name_en, type, sponsor, zone, county, investment, expected_output,
         capacity, quote, provenance
  FROM projects;

CREATE TABLE project_products_new (
  plan TEXT NOT NULL,
  project TEXT NOT NULL,
  pos INTEGER NOT NULL CHECK (pos >= 0),
  class TEXT NOT NULL REFERENCES taxonomy (code),
  PRIMARY KEY (plan, project, pos),
  FOREIGN KEY (plan, project) REFERENCES projects (plan, id)
) STRICT, WITHOUT ROWID;
INSERT INTO project_products_new SELECT (SELECT id FROM plans), project, pos, class FROM project_products;

CREATE TABLE milestones_new (
  plan TEXT NOT NULL,
  project TEXT NOT NULL,
  kind TEXT NOT NULL
    CHECK (kind IN ('signed', 'started', 'commissioned', 'full-production', 'phase')),
  note TEXT NOT NULL,
  planned TEXT,
  actual TEXT,
  provenance TEXT NOT NULL,
  note_zh TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (plan, project, kind, note),
  FOREIGN KEY (plan, project) REFERENCES projects (plan, id)
) STRICT, WITHOUT ROWID;
INSERT INTO milestones_new
  SELECT (SELECT id FROM plans), project, kind, note, planned, actual, provenance, note_zh FROM milestones;

DROP TABLE milestones;
DROP TABLE project_products;
DROP TABLE projects;
ALTER TABLE projects_new RENAME TO projects;
ALTER TABLE project_products_new RENAME TO project_products;
ALTER TABLE milestones_new RENAME TO milestones;

-- ---- chains, their links, link classes and edges; candidates ----
CREATE TABLE chains_new (
  plan TEXT NOT NULL REFERENCES plans (id),
  id TEXT NOT NULL CHECK (id <> ''),
  name_zh TEXT NOT NULL,
  name_en TEXT NOT NULL,
  provenance TEXT NOT NULL,
  PRIMARY KEY (plan, id)
) STRICT, WITHOUT ROWID;
INSERT INTO chains_new SELECT (SELECT id FROM plans), id, name_zh, name_en, provenance FROM chains;

-- pos = -1 only transiently inside apply() (links about to be replaced).
CREATE TABLE chain_links_new (
  plan TEXT NOT NULL,
  chain TEXT NOT NULL,
  id TEXT NOT NULL CHECK (id <> ''),
  pos INTEGER NOT NULL CHECK (pos >= -1),
  name_zh TEXT NOT NULL,
  name_en TEXT NOT NULL,
  PRIMARY KEY (plan, chain, id),
  FOREIGN KEY (plan, chain) REFERENCES chains (plan, id)
) STRICT, WITHOUT ROWID;
INSERT INTO chain_links_new SELECT (SELECT id FROM plans), chain, id, pos, name_zh, name_en FROM chain_links;

CREATE TABLE chain_link_classes_new (
  plan TEXT NOT NULL,
  chain TEXT NOT NULL,
  link TEXT NOT NULL,
  pos INTEGER NOT NULL CHECK (pos >= 0),
  class TEXT NOT NULL REFERENCES taxonomy (code),
  PRIMARY KEY (plan, chain, link, pos),
  FOREIGN KEY (plan, chain, link) REFERENCES chain_links (plan, chain, id)
) STRICT, WITHOUT ROWID;
INSERT INTO chain_link_classes_new SELECT (SELECT id FROM plans), chain, link, pos, class FROM chain_link_classes;

CREATE TABLE chain_edges_new (
  plan TEXT NOT NULL,
  chain TEXT NOT NULL,
  pos INTEGER NOT NULL CHECK (pos >= 0),
  from_link TEXT NOT NULL,  -- upstream
  to_link TEXT NOT NULL,    -- downstream
  PRIMARY KEY (plan, chain, pos),
  FOREIGN KEY (plan, chain, from_link) REFERENCES chain_links (plan, chain, id),
  FOREIGN KEY (plan, chain, to_link) REFERENCES chain_links (plan, chain, id)
) STRICT, WITHOUT ROWID;
INSERT INTO chain_edges_new SELECT (SELECT id FROM plans), chain, pos, from_link, to_link FROM chain_edges;

CREATE TABLE candidates_new (
  plan TEXT NOT NULL REFERENCES plans (id),
  id TEXT NOT NULL CHECK (id <> ''),
  name_zh TEXT NOT NULL,
  name_en TEXT NOT NULL,
  kind TEXT NOT NULL,
  chain TEXT,
  link TEXT CHECK (link IS NULL OR chain IS NOT NULL),
  region TEXT NOT NULL,
  provenance TEXT NOT NULL,
  PRIMARY KEY (plan, id),
  FOREIGN KEY (plan, chain) REFERENCES chains (plan, id),
  FOREIGN KEY (plan, chain, link) REFERENCES chain_links (plan, chain, id)
) STRICT, WITHOUT ROWID;
INSERT INTO candidates_new
  SELECT (SELECT id FROM plans), id, name_zh, name_en, kind, chain, link, region, provenance FROM candidates;

DROP TABLE candidates;
DROP TABLE chain_edges;
DROP TABLE chain_link_classes;
DROP TABLE chain_links;
DROP TABLE chains;
ALTER TABLE chains_new RENAME TO chains;
ALTER TABLE chain_links_new RENAME TO chain_links;
ALTER TABLE chain_link_classes_new RENAME TO chain_link_classes;
ALTER TABLE chain_edges_new RENAME TO chain_edges;
ALTER TABLE candidates_new RENAME TO candidates;
CREATE INDEX chain_edges_by_from ON chain_edges (plan, chain, from_link);
CREATE INDEX chain_edges_by_to ON chain_edges (plan, chain, to_link);
CREATE INDEX candidates_by_link ON candidates (plan, chain, link);

-- ---- targets ----
CREATE TABLE targets_new (
  plan TEXT NOT NULL REFERENCES plans (id),
  id TEXT NOT NULL CHECK (id <> ''),
  title_zh TEXT NOT NULL,
  title_en TEXT NOT NULL,
  indicator TEXT NOT NULL,
  goal TEXT NOT NULL,
  deadline INTEGER NOT NULL,
  position INTEGER NOT NULL DEFAULT 0,
  unit TEXT NOT NULL CHECK (unit <> ''),
  quote TEXT NOT NULL,
  baseline_period TEXT,
  baseline_value TEXT,
  baseline_quote TEXT,
  baseline_provenance TEXT,
  provenance TEXT NOT NULL,
  PRIMARY KEY (plan, id),
  CHECK ((baseline_period IS NULL) = (baseline_value IS NULL)
         AND (baseline_period IS NULL) = (baseline_quote IS NULL)
         AND (baseline_period IS NULL) = (baseline_provenance IS NULL))
) STRICT, WITHOUT ROWID;
INSERT INTO targets_new
  SELECT (SELECT id FROM plans), id, title_zh, title_en, indicator, goal, deadline, position, unit, quote,
         baseline_period, baseline_value, baseline_quote, baseline_provenance, provenance
  FROM targets;
DROP TABLE targets;
ALTER TABLE targets_new RENAME TO targets;
