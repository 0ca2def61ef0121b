-- A plan's own boundary map (issue 9): the GeoJSON FeatureCollection imported with its plan file
-- (empty: the plan has none), where it comes from, and its map review number (审图号) when the
-- source states one. Plans stored before this column have no map until their directory is imported
-- again with one.
ALTER TABLE plans ADD COLUMN map TEXT NOT NULL DEFAULT '';
ALTER TABLE plans ADD COLUMN map_source TEXT NOT NULL DEFAULT '';
ALTER TABLE plans ADD COLUMN map_review_number TEXT NOT NULL DEFAULT '';
