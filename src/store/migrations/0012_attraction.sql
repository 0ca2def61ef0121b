-- How a plan ranks the outside firms it may court (issue 10, docs/chains.md "Candidates"): the
-- weight of each feature of a candidate's score (millionths), the regions it courts, and what a
-- candidate makes, how large it is and whom it is tied to. Plans and candidates stored before keep
-- the default weights and have no classes, scale or ties.
ALTER TABLE plans ADD COLUMN attraction_weight_gap INTEGER NOT NULL DEFAULT 4000000 CHECK (attraction_weight_gap >= 0);
ALTER TABLE plans ADD COLUMN attraction_weight_ties INTEGER NOT NULL DEFAULT 2000000 CHECK (attraction_weight_ties >= 0);
ALTER TABLE plans ADD COLUMN attraction_weight_scale INTEGER NOT NULL DEFAULT 1000000 CHECK (attraction_weight_scale >= 0);
ALTER TABLE plans ADD COLUMN attraction_weight_region INTEGER NOT NULL DEFAULT 2000000 CHECK (attraction_weight_region >= 0);
ALTER TABLE plans ADD COLUMN attraction_weight_named INTEGER NOT NULL DEFAULT 1000000 CHECK (attraction_weight_named >= 0);
ALTER TABLE plans ADD COLUMN attraction_provenance TEXT NOT NULL DEFAULT '';

CREATE TABLE plan_attraction_regions (
  plan TEXT NOT NULL REFERENCES plans (id),
  pos INTEGER NOT NULL CHECK (pos >= 0),
  region TEXT NOT NULL,
  PRIMARY KEY (plan, pos)
) STRICT, WITHOUT ROWID;

ALTER TABLE candidates ADD COLUMN scale INTEGER CHECK (scale IS NULL OR scale >= 0);

CREATE TABLE candidate_classes (
  plan TEXT NOT NULL,
  candidate TEXT NOT NULL,
  pos INTEGER NOT NULL CHECK (pos >= 0),
  class TEXT NOT NULL REFERENCES taxonomy (code),
  PRIMARY KEY (plan, candidate, pos),
  FOREIGN KEY (plan, candidate) REFERENCES candidates (plan, id)
) STRICT, WITHOUT ROWID;

CREATE TABLE candidate_ties (
  plan TEXT NOT NULL,
  candidate TEXT NOT NULL,
  pos INTEGER NOT NULL CHECK (pos >= 0),
  enterprise TEXT NOT NULL REFERENCES enterprises (id),
  PRIMARY KEY (plan, candidate, pos),
  FOREIGN KEY (plan, candidate) REFERENCES candidates (plan, id)
) STRICT, WITHOUT ROWID;
