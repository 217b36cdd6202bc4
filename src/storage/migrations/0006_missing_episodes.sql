-- Missing episodes and return interviews (issue 4; missing/episode.h). Same conventions as
-- 0001: TEXT ids, TEXT UTC instants (RFC 3339), portable SQL.

CREATE TABLE missing_episodes (
  id TEXT PRIMARY KEY,
  child_id TEXT NOT NULL REFERENCES children (id),
  kind TEXT NOT NULL,
  started_at TEXT NOT NULL,
  returned_at TEXT,
  reported_by TEXT NOT NULL,
  police_reference TEXT NOT NULL DEFAULT '',
  risk_grade TEXT NOT NULL DEFAULT '',
  where_found TEXT NOT NULL DEFAULT '',
  found_with TEXT NOT NULL DEFAULT '',
  carer_name TEXT NOT NULL DEFAULT '',
  recorded_by TEXT NOT NULL REFERENCES users (id),
  recorded_by_agency TEXT NOT NULL REFERENCES agencies (id),
  recorded_at TEXT NOT NULL,
  -- returned_at + 72 hours, set with the return: the order of the "return interviews due" list.
  interview_due TEXT,
  return_recorded_by TEXT REFERENCES users (id),
  return_recorded_at TEXT
);
CREATE INDEX missing_episodes_child ON missing_episodes (child_id, started_at);
CREATE INDEX missing_episodes_due ON missing_episodes (interview_due);

-- Return interviews: any number of offers, then at most one record that concludes the episode
-- (completed, refused or not done). Insert-only.
CREATE TABLE return_interviews (
  id TEXT PRIMARY KEY,
  episode_id TEXT NOT NULL REFERENCES missing_episodes (id),
  status TEXT NOT NULL,
  -- The episode id when this record concludes it, else NULL: one conclusion per episode.
  concludes TEXT,
  offered_at TEXT,
  held_at TEXT,
  place TEXT NOT NULL DEFAULT '',
  interviewer_name TEXT NOT NULL DEFAULT '',
  interviewer_agency TEXT REFERENCES agencies (id),
  reason TEXT NOT NULL DEFAULT '',
  decision_by TEXT NOT NULL DEFAULT '',
  reasons_for_going TEXT NOT NULL DEFAULT '',
  where_and_with_whom TEXT NOT NULL DEFAULT '',
  harm_or_threats TEXT NOT NULL DEFAULT '',
  push_factors TEXT NOT NULL DEFAULT '',
  pull_factors TEXT NOT NULL DEFAULT '',
  exploitation_concerns TEXT NOT NULL DEFAULT '',
  disclosures TEXT NOT NULL DEFAULT '',
  recorded_by TEXT NOT NULL REFERENCES users (id),
  recorded_by_agency TEXT NOT NULL REFERENCES agencies (id),
  recorded_at TEXT NOT NULL
);
CREATE INDEX return_interviews_episode ON return_interviews (episode_id, recorded_at);
CREATE UNIQUE INDEX return_interviews_concludes ON return_interviews (concludes);

-- The concerns an interview's findings raised.
CREATE TABLE return_interview_concerns (
  interview_id TEXT NOT NULL REFERENCES return_interviews (id),
  concern_id TEXT NOT NULL REFERENCES concerns (id),
  PRIMARY KEY (interview_id, concern_id)
);
