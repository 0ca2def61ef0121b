-- The register (issue 8): enterprises outside the plan's region, where a stated size class comes
-- from, other names (aliases, one row per name as for the other list fields) and their source;
-- Chinese texts of the fact and milestone notes (`note` stays the English text and, for
-- milestones, part of the key). Existing rows keep their data: outside = 0, empty texts.

ALTER TABLE enterprises ADD COLUMN outside INTEGER NOT NULL DEFAULT 0 CHECK (outside IN (0, 1));
ALTER TABLE enterprises ADD COLUMN above_size_provenance TEXT NOT NULL DEFAULT '';
ALTER TABLE enterprises ADD COLUMN aliases_provenance TEXT NOT NULL DEFAULT '';

CREATE TABLE enterprise_aliases (
  enterprise TEXT NOT NULL REFERENCES enterprises (id),
  pos INTEGER NOT NULL CHECK (pos >= 0),
  alias TEXT NOT NULL,
  PRIMARY KEY (enterprise, pos)
) STRICT, WITHOUT ROWID;

ALTER TABLE facts ADD COLUMN note_zh TEXT NOT NULL DEFAULT '';
ALTER TABLE milestones ADD COLUMN note_zh TEXT NOT NULL DEFAULT '';
