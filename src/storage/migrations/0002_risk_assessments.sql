-- Risk-assessment tools, assessments, tasks and partnership settings (issue 3).
-- Same conventions as 0001: 32-hex TEXT ids, RFC 3339 UTC TEXT instants, YYYY-MM-DD dates.

-- Every registered version of every tool, with the definition text it was parsed from, so an
-- assessment always renders and re-scores with the version it used. Insert-only.
CREATE TABLE risk_tool_versions (
  tool_id TEXT NOT NULL,
  version INTEGER NOT NULL,
  name TEXT NOT NULL,
  scheme TEXT NOT NULL,
  fingerprint TEXT NOT NULL,
  definition TEXT NOT NULL,
  registered_by TEXT NOT NULL,
  registered_at TEXT NOT NULL,
  PRIMARY KEY (tool_id, version)
);

-- Partnership-wide settings chosen by an administrator ("active_tool").
CREATE TABLE settings (
  name TEXT PRIMARY KEY,
  value TEXT NOT NULL,
  updated_by TEXT NOT NULL,
  updated_at TEXT NOT NULL
);

-- A draft is updated until it is submitted; a submitted assessment is never changed.
CREATE TABLE assessments (
  id TEXT PRIMARY KEY,
  child_id TEXT NOT NULL REFERENCES children (id),
  tool_id TEXT NOT NULL,
  tool_version INTEGER NOT NULL,
  status TEXT NOT NULL,
  answers TEXT NOT NULL,
  computed_level TEXT NOT NULL DEFAULT '',
  score INTEGER NOT NULL DEFAULT 0,
  immediate_action INTEGER NOT NULL DEFAULT 0,
  judged_level TEXT NOT NULL DEFAULT '',
  rationale TEXT NOT NULL DEFAULT '',
  outcome TEXT NOT NULL DEFAULT '',
  plan TEXT NOT NULL DEFAULT '',
  next_review TEXT,
  assessed_by TEXT NOT NULL REFERENCES users (id),
  assessed_by_agency TEXT NOT NULL REFERENCES agencies (id),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  submitted_at TEXT,
  FOREIGN KEY (tool_id, tool_version) REFERENCES risk_tool_versions (tool_id, version)
);
CREATE INDEX assessments_child ON assessments (child_id, status, submitted_at);
CREATE INDEX assessments_review ON assessments (status, next_review);

-- Tasks: required actions from assessments now, panel actions later. Assigned to a user, or to
-- a role (optionally within one agency).
CREATE TABLE tasks (
  id TEXT PRIMARY KEY,
  child_id TEXT NOT NULL REFERENCES children (id),
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
CREATE INDEX tasks_user ON tasks (assigned_user, status, due_at);
CREATE INDEX tasks_role ON tasks (assigned_role, status, due_at);
CREATE INDEX tasks_child ON tasks (child_id);

-- Alerts now carry a line of text (a judged level below the computed one, for example).
ALTER TABLE alerts ADD COLUMN detail TEXT NOT NULL DEFAULT '';
