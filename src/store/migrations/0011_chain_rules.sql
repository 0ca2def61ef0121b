-- How a plan judges its chain links strong, weak or missing (issue 10, docs/chains.md): which makers
-- count, the fewest makers, the anchor firms (named, or by a year's output), the least local-supply
-- share and location quotient (both in millionths), and the fact that states the reference region's
-- total output. Plans stored before keep Cluster Atlas's defaults. A chain link may name the fact
-- that states the reference region's output of that link.
ALTER TABLE plans ADD COLUMN chain_makers TEXT NOT NULL DEFAULT 'all' CHECK (chain_makers IN ('all', 'above-size'));
ALTER TABLE plans ADD COLUMN chain_min_makers INTEGER NOT NULL DEFAULT 2 CHECK (chain_min_makers >= 1);
ALTER TABLE plans ADD COLUMN chain_anchor_output INTEGER CHECK (chain_anchor_output >= 0);
ALTER TABLE plans ADD COLUMN chain_min_local_supply INTEGER NOT NULL DEFAULT 500000
  CHECK (chain_min_local_supply BETWEEN 0 AND 1000000);
ALTER TABLE plans ADD COLUMN chain_min_location_quotient INTEGER NOT NULL DEFAULT 1000000
  CHECK (chain_min_location_quotient >= 0);
ALTER TABLE plans ADD COLUMN chain_reference TEXT NOT NULL DEFAULT '';
ALTER TABLE plans ADD COLUMN chain_rules_provenance TEXT NOT NULL DEFAULT '';

CREATE TABLE plan_chain_anchors (
  plan TEXT NOT NULL REFERENCES plans (id),
  pos INTEGER NOT NULL CHECK (pos >= 0),
  -- Deferred: a plan is written before the enterprises it names (the import writes parents first).
  enterprise TEXT NOT NULL REFERENCES enterprises (id) DEFERRABLE INITIALLY DEFERRED,
  PRIMARY KEY (plan, pos)
) STRICT, WITHOUT ROWID;

ALTER TABLE chain_links ADD COLUMN reference TEXT NOT NULL DEFAULT '';
