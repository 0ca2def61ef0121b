-- Accounts (issue 12, docs/security.md): who may sign in, in which role, bound to which enterprise.
-- The password is kept only as libsodium's crypto_pwhash_str (Argon2id) string; the audit log
-- records that it changed, never the hash. Users are not plan data: no data_version bump.
CREATE TABLE users (
  name TEXT PRIMARY KEY CHECK (length(name) BETWEEN 2 AND 64),
  role TEXT NOT NULL CHECK (role IN ('admin', 'analyst', 'enterprise')),
  enterprise TEXT REFERENCES enterprises (id),
  password_hash TEXT NOT NULL CHECK (password_hash LIKE '$argon2id$%'),
  disabled INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
  created TEXT NOT NULL,            -- UTC, ISO 8601
  password_changed TEXT NOT NULL,   -- UTC, ISO 8601
  CHECK ((role = 'enterprise') = (enterprise IS NOT NULL))
) STRICT;
