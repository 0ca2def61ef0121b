-- The metric a plan's zones, counties and enterprise lists total (issue 9): a plan of revenue
-- (营业收入) names it in its plan file; every plan written before this column means output_value.
ALTER TABLE plans ADD COLUMN output_metric TEXT NOT NULL DEFAULT 'output_value';
