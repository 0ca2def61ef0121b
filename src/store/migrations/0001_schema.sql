-- The dataset tables: one per record of src/model/records.hpp, plus one table per list field.
-- Conventions: STRICT tables; money and counts are exact INTEGERs; an optional value or an empty
-- reference is NULL (never ''); enum words are the data-file words of docs/formats.md; dates are
-- text with their precision ('2021', '2021-07', '2021-07-02'); list tables keep the list order in
-- `pos` (0-based). Foreign keys are immediate: apply() writes parents before children.

CREATE TABLE store_state (
  slot INTEGER PRIMARY KEY CHECK (slot = 1),
  data_version INTEGER NOT NULL CHECK (data_version >= 0)
) STRICT;
INSERT INTO store_state (slot, data_version) VALUES (1, 0);

CREATE TABLE plan (
  slot INTEGER PRIMARY KEY CHECK (slot = 1),  -- one plan per database
  id TEXT NOT NULL,
  title_zh TEXT NOT NULL,
  title_en TEXT NOT NULL,
  document TEXT NOT NULL,
  issued TEXT,
  start_year INTEGER NOT NULL,
  end_year INTEGER NOT NULL
) STRICT;

CREATE TABLE counties (
  id TEXT PRIMARY KEY NOT NULL CHECK (id <> ''),
  adcode TEXT NOT NULL,
  name_zh TEXT NOT NULL,
  name_en TEXT NOT NULL,
  provenance TEXT NOT NULL
) STRICT;

CREATE TABLE taxonomy (
  code TEXT PRIMARY KEY NOT NULL CHECK (code <> ''),
  level TEXT NOT NULL CHECK (level IN ('category', 'subsystem', 'class')),
  parent TEXT REFERENCES taxonomy (code) CHECK (parent <> code),
  name_zh TEXT NOT NULL,
  name_en TEXT NOT NULL,
  class_count INTEGER CHECK (class_count >= 0),
  provenance TEXT NOT NULL
) STRICT;

CREATE TABLE taxonomy_hs (
  code TEXT NOT NULL REFERENCES taxonomy (code),
  pos INTEGER NOT NULL CHECK (pos >= 0),
  hs TEXT NOT NULL,
  PRIMARY KEY (code, pos)
) STRICT, WITHOUT ROWID;

CREATE TABLE metrics (
  id TEXT PRIMARY KEY NOT NULL CHECK (id <> ''),
  name_zh TEXT NOT NULL,
  name_en TEXT NOT NULL,
  unit TEXT NOT NULL CHECK (unit IN ('yuan', 'count', 'tce')),
  provenance TEXT NOT NULL
) STRICT;

CREATE TABLE zones (
  id TEXT PRIMARY KEY NOT NULL CHECK (id <> ''),
  name_zh TEXT NOT NULL,
  name_en TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('core-park', 'base', 'functional-zone')),
  parent TEXT REFERENCES zones (id) CHECK (parent <> id),
  provenance TEXT NOT NULL
) STRICT;

CREATE TABLE zone_counties (
  zone TEXT NOT NULL REFERENCES zones (id),
  pos INTEGER NOT NULL CHECK (pos >= 0),
  county TEXT NOT NULL REFERENCES counties (id),
  PRIMARY KEY (zone, pos)
) STRICT, WITHOUT ROWID;

CREATE TABLE enterprises (
  id TEXT PRIMARY KEY NOT NULL CHECK (id <> ''),
  credit_code TEXT CHECK (length(credit_code) = 18),
  name_zh TEXT NOT NULL,
  name_en TEXT NOT NULL,
  county TEXT REFERENCES counties (id),
  zone TEXT REFERENCES zones (id),
  segment TEXT NOT NULL CHECK (segment IN ('passenger', 'trailer', 'nev', 'general')),
  above_size INTEGER CHECK (above_size IN (0, 1)),  -- 规上; NULL = unknown
  high_tech INTEGER CHECK (high_tech IN (0, 1)),    -- 高新技术企业; NULL = unknown
  employees INTEGER CHECK (employees >= 0),
  group_id TEXT REFERENCES enterprises (id),       -- the parent enterprise of its group
  provenance TEXT NOT NULL
) STRICT;
CREATE INDEX enterprises_by_county ON enterprises (county);

CREATE TABLE enterprise_classes (
  enterprise TEXT NOT NULL REFERENCES enterprises (id),
  pos INTEGER NOT NULL CHECK (pos >= 0),
  class TEXT NOT NULL REFERENCES taxonomy (code),
  PRIMARY KEY (enterprise, pos)
) STRICT, WITHOUT ROWID;

CREATE TABLE enterprise_processes (
  enterprise TEXT NOT NULL REFERENCES enterprises (id),
  pos INTEGER NOT NULL CHECK (pos >= 0),
  process TEXT NOT NULL,
  PRIMARY KEY (enterprise, pos)
) STRICT, WITHOUT ROWID;

CREATE TABLE enterprise_certifications (
  enterprise TEXT NOT NULL REFERENCES enterprises (id),
  pos INTEGER NOT NULL CHECK (pos >= 0),
  certification TEXT NOT NULL,
  PRIMARY KEY (enterprise, pos)
) STRICT, WITHOUT ROWID;

CREATE TABLE enterprise_customers (
  enterprise TEXT NOT NULL REFERENCES enterprises (id),
  pos INTEGER NOT NULL CHECK (pos >= 0),
  customer TEXT NOT NULL,
  PRIMARY KEY (enterprise, pos)
) STRICT, WITHOUT ROWID;

-- The big table (tens of millions of rows): WITHOUT ROWID, so the key is the only b-tree.
-- `period` is the canonical text (Period::to_string); kind/first/last are what load() reads.
CREATE TABLE observations (
  enterprise TEXT NOT NULL REFERENCES enterprises (id),
  metric TEXT NOT NULL REFERENCES metrics (id),
  period TEXT NOT NULL,
  period_kind TEXT NOT NULL CHECK (period_kind IN ('year', 'month', 'cumulative')),
  first_month INTEGER NOT NULL CHECK (first_month >= 0),
  last_month INTEGER NOT NULL CHECK (last_month >= first_month AND last_month <= 65535),
  value INTEGER NOT NULL,
  published TEXT,
  provenance TEXT NOT NULL,
  PRIMARY KEY (enterprise, metric, period)
) STRICT, WITHOUT ROWID;

CREATE TABLE facts (
  id TEXT PRIMARY KEY NOT NULL CHECK (id <> ''),
  subject TEXT NOT NULL,  -- "cluster", a zone, enterprise or project id: no foreign key
  metric TEXT NOT NULL,
  period TEXT NOT NULL,
  value TEXT NOT NULL,
  unit TEXT NOT NULL,
  qualifier TEXT NOT NULL CHECK (qualifier IN ('exact', 'about', 'over', 'at-least')),
  quote TEXT NOT NULL,
  note TEXT NOT NULL,
  provenance TEXT NOT NULL
) STRICT;

CREATE TABLE projects (
  id TEXT PRIMARY KEY NOT NULL CHECK (id <> ''),
  name_zh TEXT NOT NULL,
  name_en TEXT NOT NULL,
  type TEXT NOT NULL CHECK (type IN ('expansion', 'retrofit', 'attraction')),
  sponsor TEXT REFERENCES enterprises (id),
  zone TEXT REFERENCES zones (id),
  county TEXT REFERENCES counties (id),
  investment INTEGER CHECK (investment >= 0),            -- yuan
  expected_output INTEGER CHECK (expected_output >= 0),  -- yuan a year at full production
  capacity TEXT NOT NULL,
  quote TEXT NOT NULL,
  provenance TEXT NOT NULL
) STRICT;

CREATE TABLE project_products (
  project TEXT NOT NULL REFERENCES projects (id),
  pos INTEGER NOT NULL CHECK (pos >= 0),
  class TEXT NOT NULL REFERENCES taxonomy (code),
  PRIMARY KEY (project, pos)
) STRICT, WITHOUT ROWID;

CREATE TABLE milestones (
  project TEXT NOT NULL REFERENCES projects (id),
  kind TEXT NOT NULL
    CHECK (kind IN ('signed', 'started', 'commissioned', 'full-production', 'phase')),
  note TEXT NOT NULL,
  planned TEXT,
  actual TEXT,
  provenance TEXT NOT NULL,
  PRIMARY KEY (project, kind, note)
) STRICT;

CREATE TABLE chains (
  id TEXT PRIMARY KEY NOT NULL CHECK (id <> ''),
  name_zh TEXT NOT NULL,
  name_en TEXT NOT NULL,
  provenance TEXT NOT NULL
) STRICT;

-- pos = -1 only transiently inside apply() (links about to be replaced).
CREATE TABLE chain_links (
  chain TEXT NOT NULL REFERENCES chains (id),
  id TEXT NOT NULL CHECK (id <> ''),
  pos INTEGER NOT NULL CHECK (pos >= -1),
  name_zh TEXT NOT NULL,
  name_en TEXT NOT NULL,
  PRIMARY KEY (chain, id)
) STRICT, WITHOUT ROWID;

CREATE TABLE chain_link_classes (
  chain TEXT NOT NULL,
  link TEXT NOT NULL,
  pos INTEGER NOT NULL CHECK (pos >= 0),
  class TEXT NOT NULL REFERENCES taxonomy (code),
  PRIMARY KEY (chain, link, pos),
  FOREIGN KEY (chain, link) REFERENCES chain_links (chain, id)
) STRICT, WITHOUT ROWID;

CREATE TABLE chain_edges (
  chain TEXT NOT NULL,
  pos INTEGER NOT NULL CHECK (pos >= 0),
  from_link TEXT NOT NULL,  -- upstream
  to_link TEXT NOT NULL,    -- downstream
  PRIMARY KEY (chain, pos),
  FOREIGN KEY (chain, from_link) REFERENCES chain_links (chain, id),
  FOREIGN KEY (chain, to_link) REFERENCES chain_links (chain, id)
) STRICT, WITHOUT ROWID;
CREATE INDEX chain_edges_by_from ON chain_edges (chain, from_link);
CREATE INDEX chain_edges_by_to ON chain_edges (chain, to_link);

CREATE TABLE carriers (
  id TEXT PRIMARY KEY NOT NULL CHECK (id <> ''),
  name_zh TEXT NOT NULL,
  name_en TEXT NOT NULL,
  kind TEXT NOT NULL,
  level TEXT NOT NULL CHECK (level IN ('municipal', 'provincial', 'national')),
  enterprise TEXT REFERENCES enterprises (id),
  recognized TEXT,
  provenance TEXT NOT NULL
) STRICT;

CREATE TABLE supplier_entries (
  id TEXT PRIMARY KEY NOT NULL CHECK (id <> ''),
  enterprise TEXT NOT NULL REFERENCES enterprises (id),
  product_class TEXT REFERENCES taxonomy (code),
  oem TEXT NOT NULL,
  tier INTEGER NOT NULL CHECK (tier >= 1),
  entered TEXT,
  provenance TEXT NOT NULL
) STRICT;

CREATE TABLE candidates (
  id TEXT PRIMARY KEY NOT NULL CHECK (id <> ''),
  name_zh TEXT NOT NULL,
  name_en TEXT NOT NULL,
  kind TEXT NOT NULL,
  chain TEXT REFERENCES chains (id),
  link TEXT CHECK (link IS NULL OR chain IS NOT NULL),
  region TEXT NOT NULL,
  provenance TEXT NOT NULL,
  FOREIGN KEY (chain, link) REFERENCES chain_links (chain, id)
) STRICT;
CREATE INDEX candidates_by_link ON candidates (chain, link);

CREATE TABLE targets (
  id TEXT PRIMARY KEY NOT NULL CHECK (id <> ''),
  title_zh TEXT NOT NULL,
  title_en TEXT NOT NULL,
  indicator TEXT NOT NULL,
  goal TEXT NOT NULL,
  deadline INTEGER NOT NULL,
  position INTEGER NOT NULL DEFAULT 0,  -- order in the plan file
  unit TEXT NOT NULL CHECK (unit IN ('yuan', 'count')),
  quote TEXT NOT NULL,
  baseline_period TEXT,  -- the four baseline columns are all NULL (no baseline) or all set
  baseline_value TEXT,
  baseline_quote TEXT,
  baseline_provenance TEXT,
  provenance TEXT NOT NULL,
  CHECK ((baseline_period IS NULL) = (baseline_value IS NULL)
         AND (baseline_period IS NULL) = (baseline_quote IS NULL)
         AND (baseline_period IS NULL) = (baseline_provenance IS NULL))
) STRICT;
