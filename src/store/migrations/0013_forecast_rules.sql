-- The forecast model's assumptions a plan may set (issue 11, docs/forecast.md; `[plan.forecast]`):
-- the shrinkage k, the ramp-up in months, the cancellation probability and the default correlation
-- within a segment (shares and k in millionths). Plans stored before keep the design defaults.
ALTER TABLE plans ADD COLUMN forecast_shrinkage INTEGER NOT NULL DEFAULT 3000000
  CHECK (forecast_shrinkage BETWEEN 0 AND 100000000);
ALTER TABLE plans ADD COLUMN forecast_ramp_months INTEGER NOT NULL DEFAULT 12
  CHECK (forecast_ramp_months BETWEEN 1 AND 120);
ALTER TABLE plans ADD COLUMN forecast_cancellation INTEGER NOT NULL DEFAULT 100000
  CHECK (forecast_cancellation BETWEEN 0 AND 1000000);
ALTER TABLE plans ADD COLUMN forecast_correlation INTEGER NOT NULL DEFAULT 300000
  CHECK (forecast_correlation BETWEEN 0 AND 900000);
ALTER TABLE plans ADD COLUMN forecast_provenance TEXT NOT NULL DEFAULT '';
