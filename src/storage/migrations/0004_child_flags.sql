-- Warning flags on a child's record (issue 4; children/flag.h). A flag is ended, never deleted.
CREATE TABLE child_flags (
  id TEXT PRIMARY KEY,
  child_id TEXT NOT NULL REFERENCES children (id),
  kind TEXT NOT NULL,
  start_date TEXT NOT NULL,
  end_date TEXT,
  panel_reference TEXT NOT NULL,
  added_by TEXT NOT NULL REFERENCES users (id),
  added_at TEXT NOT NULL,
  ended_by TEXT REFERENCES users (id),
  ended_at TEXT
);
CREATE INDEX child_flags_child ON child_flags (child_id, end_date);
