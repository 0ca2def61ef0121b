-- Sign-in sessions and failed sign-ins (issue 12, docs/security.md). A session is known by the
-- BLAKE2b hash of its token (hex): the token itself lives only in the user's cookie, so a copy of
-- the database signs no one in. Times are Unix seconds (UTC). Neither table is plan data nor
-- audited change by change: sign-ins and lock-outs go to the server log.
CREATE TABLE sessions (
  token_hash TEXT PRIMARY KEY CHECK (length(token_hash) = 64),
  user TEXT NOT NULL REFERENCES users (name) ON DELETE CASCADE,
  created INTEGER NOT NULL,
  last_seen INTEGER NOT NULL,
  expires INTEGER NOT NULL,          -- the absolute end, whatever the activity
  remote TEXT NOT NULL DEFAULT ''    -- the address it was opened from, for the administrator
) STRICT;
CREATE INDEX sessions_by_user ON sessions (user);

-- Consecutive failed sign-ins of an account, and until when it is locked out after too many.
CREATE TABLE sign_in_failures (
  user TEXT PRIMARY KEY REFERENCES users (name) ON DELETE CASCADE,
  failures INTEGER NOT NULL CHECK (failures >= 0),
  locked_until INTEGER NOT NULL DEFAULT 0
) STRICT;
