-- Outside enterprises (partners and parents elsewhere) belong to the plan whose files name them,
-- as members, so that another plan's view does not hold them (issue 9). A database of one plan
-- gives that plan every outside enterprise it holds; with several plans, which plan read which
-- row is not known, and the next import of each plan claims its own.
INSERT OR IGNORE INTO plan_members (plan, kind, id)
  SELECT p.id, 'enterprise', e.id FROM plans p, enterprises e
  WHERE e.outside = 1 AND (SELECT count(*) FROM plans) = 1;
