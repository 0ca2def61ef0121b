-- The append-only audit log: one event per committed apply(), and the before/after images of the
-- records it changed. Triggers refuse every UPDATE and DELETE, so history cannot be rewritten
-- through SQL short of dropping the tables.

CREATE TABLE audit_events (
  id INTEGER PRIMARY KEY,
  at TEXT NOT NULL,                 -- UTC, ISO 8601: 2025-10-31T08:00:00Z
  actor TEXT NOT NULL,
  action TEXT NOT NULL CHECK (action <> ''),
  summary TEXT NOT NULL,            -- JSON: {"table":{"inserted":n,"updated":n,"unchanged":n},…}
  data_version INTEGER NOT NULL     -- store_state.data_version after this event
) STRICT;

-- Written while apply() runs, before its event row (which carries the final summary), hence the
-- deferred foreign key: it is checked at COMMIT.
CREATE TABLE audit_changes (
  event INTEGER NOT NULL REFERENCES audit_events (id) DEFERRABLE INITIALLY DEFERRED,
  seq INTEGER NOT NULL CHECK (seq >= 0),
  table_name TEXT NOT NULL,
  record_key TEXT NOT NULL,
  before TEXT,                      -- compact JSON of the record; NULL when it was new
  after TEXT NOT NULL,              -- compact JSON of the record as written
  PRIMARY KEY (event, seq)
) STRICT, WITHOUT ROWID;

CREATE TRIGGER audit_events_no_update BEFORE UPDATE ON audit_events
BEGIN
  SELECT RAISE(ABORT, 'audit_events is append-only');
END;

CREATE TRIGGER audit_events_no_delete BEFORE DELETE ON audit_events
BEGIN
  SELECT RAISE(ABORT, 'audit_events is append-only');
END;

CREATE TRIGGER audit_changes_no_update BEFORE UPDATE ON audit_changes
BEGIN
  SELECT RAISE(ABORT, 'audit_changes is append-only');
END;

CREATE TRIGGER audit_changes_no_delete BEFORE DELETE ON audit_changes
BEGIN
  SELECT RAISE(ABORT, 'audit_changes is append-only');
END;
