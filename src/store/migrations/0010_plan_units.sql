-- A plan's units (issue 9): the units its targets and stated figures are in beyond the built-in
-- yuan, count and percent, each with what it measures, its name after a number and its display
-- scales (万辆 for 10000 vehicles), in the plan file's order. A target's `unit` names either a
-- built-in unit or one of these. Plans stored before declare none.
CREATE TABLE plan_units (
  plan TEXT NOT NULL REFERENCES plans (id),
  id TEXT NOT NULL CHECK (id <> '' AND id NOT IN ('yuan', 'count', 'percent')),
  measure TEXT NOT NULL CHECK (measure IN ('yuan', 'count', 'percent')),
  name_zh TEXT NOT NULL,
  name_en TEXT NOT NULL,
  provenance TEXT NOT NULL,
  position INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (plan, id)
) STRICT, WITHOUT ROWID;

CREATE TABLE plan_unit_scales (
  plan TEXT NOT NULL,
  unit TEXT NOT NULL,
  pos INTEGER NOT NULL CHECK (pos >= 0),
  factor INTEGER NOT NULL CHECK (factor > 1),
  name_zh TEXT NOT NULL,
  name_en TEXT NOT NULL,
  PRIMARY KEY (plan, unit, pos),
  FOREIGN KEY (plan, unit) REFERENCES plan_units (plan, id)
) STRICT, WITHOUT ROWID;
