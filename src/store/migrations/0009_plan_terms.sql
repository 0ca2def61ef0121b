-- A plan's vocabularies (issue 9): the words its records use for enterprise segments, zone kinds,
-- project types, carrier kinds and candidate kinds, each with its names, in the plan file's order.
-- Plans stored before declare none: their records' words are shown as written (each named by
-- itself) until their plan file, with its [[segment]], [[zone_kind]] … tables, is imported again.
CREATE TABLE plan_terms (
  plan TEXT NOT NULL REFERENCES plans (id),
  kind TEXT NOT NULL CHECK (kind IN ('segment', 'zone_kind', 'project_type', 'carrier_kind', 'candidate_kind')),
  id TEXT NOT NULL CHECK (id <> ''),
  name_zh TEXT NOT NULL,
  name_en TEXT NOT NULL,
  provenance TEXT NOT NULL,
  position INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (plan, kind, id)
) STRICT, WITHOUT ROWID;
