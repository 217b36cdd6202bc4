-- Disruption activity and business engagement (issue 5; disruption/activity.h; DOMAIN.md §10).
-- Same conventions as 0001: TEXT ids, TEXT UTC instants (RFC 3339), YYYY-MM-DD dates, 0/1
-- INTEGER booleans, portable SQL.

-- A measure against a person of concern, a place or a vehicle (subject_type 'person' | 'place' |
-- 'vehicle', subject_id the row in people_of_concern, places or vehicles). expiry is NULL for
-- measures that never expire and for orders made "until further order".
CREATE TABLE disruptions (
  id TEXT PRIMARY KEY,
  measure TEXT NOT NULL,
  subject_type TEXT NOT NULL,
  subject_id TEXT NOT NULL,
  child_id TEXT REFERENCES children (id),
  date TEXT NOT NULL,
  by_agency TEXT NOT NULL REFERENCES agencies (id),
  officer TEXT NOT NULL,
  outcome TEXT NOT NULL DEFAULT '',
  expiry TEXT,
  notes TEXT NOT NULL DEFAULT '',
  recorded_by TEXT NOT NULL REFERENCES users (id),
  recorded_by_agency TEXT NOT NULL REFERENCES agencies (id),
  recorded_at TEXT NOT NULL
);
CREATE INDEX disruptions_subject ON disruptions (subject_type, subject_id, date);
CREATE INDEX disruptions_expiry ON disruptions (expiry);
CREATE INDEX disruptions_recorded ON disruptions (recorded_at);

-- Visits to business premises (hotels, B&Bs, taxi firms, takeaways, licensed premises).
CREATE TABLE business_visits (
  id TEXT PRIMARY KEY,
  place_id TEXT NOT NULL REFERENCES places (id),
  date TEXT NOT NULL,
  awareness_pack_given INTEGER NOT NULL,
  staff_spoken_to TEXT NOT NULL DEFAULT '',
  concerns_raised TEXT NOT NULL DEFAULT '',
  follow_up TEXT NOT NULL DEFAULT '',
  recorded_by TEXT NOT NULL REFERENCES users (id),
  recorded_by_agency TEXT NOT NULL REFERENCES agencies (id),
  recorded_at TEXT NOT NULL
);
CREATE INDEX business_visits_place ON business_visits (place_id, date);
CREATE INDEX business_visits_date ON business_visits (date);

CREATE TABLE business_visit_agencies (
  visit_id TEXT NOT NULL REFERENCES business_visits (id),
  agency_id TEXT NOT NULL REFERENCES agencies (id),
  position INTEGER NOT NULL,
  PRIMARY KEY (visit_id, agency_id)
);

-- A disruption's expiry reminder is a task for its recorder about no child (unless the measure
-- protects one), so tasks.child_id becomes optional. SQLite cannot drop NOT NULL in place: the
-- table is rebuilt with the same columns and indexes (no table references tasks).
-- @sqlite
CREATE TABLE tasks_rebuilt (
  id TEXT PRIMARY KEY,
  child_id TEXT REFERENCES children (id),
  source_type TEXT NOT NULL,
  source_id TEXT NOT NULL,
  title TEXT NOT NULL,
  who TEXT NOT NULL,
  assigned_user TEXT REFERENCES users (id),
  assigned_role TEXT,
  assigned_agency TEXT REFERENCES agencies (id),
  due_at TEXT NOT NULL,
  status TEXT NOT NULL,
  outcome TEXT NOT NULL DEFAULT '',
  completed_by TEXT REFERENCES users (id),
  completed_at TEXT,
  created_by TEXT NOT NULL REFERENCES users (id),
  created_at TEXT NOT NULL
);
-- @sqlite
INSERT INTO tasks_rebuilt (id, child_id, source_type, source_id, title, who, assigned_user,
                           assigned_role, assigned_agency, due_at, status, outcome, completed_by,
                           completed_at, created_by, created_at)
SELECT id, child_id, source_type, source_id, title, who, assigned_user, assigned_role,
       assigned_agency, due_at, status, outcome, completed_by, completed_at, created_by,
       created_at FROM tasks;
-- @sqlite
DROP TABLE tasks;
-- @sqlite
ALTER TABLE tasks_rebuilt RENAME TO tasks;
-- @sqlite
CREATE INDEX tasks_user ON tasks (assigned_user, status, due_at);
-- @sqlite
CREATE INDEX tasks_role ON tasks (assigned_role, status, due_at);
-- @sqlite
CREATE INDEX tasks_child ON tasks (child_id);
-- @sqlite
CREATE INDEX tasks_source_open ON tasks (source_type, status, due_at);
-- @postgresql
ALTER TABLE tasks ALTER COLUMN child_id DROP NOT NULL;
CREATE INDEX tasks_source ON tasks (source_type, source_id);
