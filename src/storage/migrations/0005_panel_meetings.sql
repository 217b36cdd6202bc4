-- Multi-agency panel meetings (issue 4; panel/meeting.h). Same conventions as 0001. The panel's
-- actions are tasks (0002's tasks table) with source_type 'panel' and the agenda item's id.

CREATE TABLE panel_meetings (
  id TEXT PRIMARY KEY,
  starts_at TEXT NOT NULL,
  place TEXT NOT NULL DEFAULT '',
  online INTEGER NOT NULL DEFAULT 0,
  created_by TEXT NOT NULL REFERENCES users (id),
  created_at TEXT NOT NULL
);
CREATE INDEX panel_meetings_starts ON panel_meetings (starts_at);

-- Who is invited, and whether they came. A member who has not sent apologies sees the
-- children on the meeting's agenda.
CREATE TABLE panel_members (
  meeting_id TEXT NOT NULL REFERENCES panel_meetings (id),
  user_id TEXT NOT NULL REFERENCES users (id),
  agency_id TEXT NOT NULL REFERENCES agencies (id),
  attendance TEXT NOT NULL,
  updated_by TEXT NOT NULL REFERENCES users (id),
  updated_at TEXT NOT NULL,
  PRIMARY KEY (meeting_id, user_id)
);
CREATE INDEX panel_members_user ON panel_members (user_id, attendance);

-- One child on one meeting's agenda, and what the panel agreed (null until discussed).
CREATE TABLE panel_items (
  id TEXT PRIMARY KEY,
  meeting_id TEXT NOT NULL REFERENCES panel_meetings (id),
  child_id TEXT NOT NULL REFERENCES children (id),
  referral_id TEXT REFERENCES referrals (id),
  reason TEXT NOT NULL,
  position INTEGER NOT NULL,
  category TEXT,
  models TEXT NOT NULL DEFAULT '',
  elements TEXT NOT NULL DEFAULT '',
  plan TEXT NOT NULL DEFAULT '',
  next_review TEXT,
  recorded_by TEXT REFERENCES users (id),
  recorded_at TEXT,
  added_by TEXT NOT NULL REFERENCES users (id),
  added_at TEXT NOT NULL
);
CREATE UNIQUE INDEX panel_items_child ON panel_items (meeting_id, child_id);
CREATE UNIQUE INDEX panel_items_position ON panel_items (meeting_id, position);
CREATE INDEX panel_items_child_review ON panel_items (child_id, recorded_at);

-- The coordinator's list of the panel's open actions (tasks of source_type 'panel').
CREATE INDEX tasks_source_open ON tasks (source_type, status, due_at);
