-- Referrals to the exploitation panel, their recorded moves, and feedback messages (issue 4).
-- Same conventions as 0001.

CREATE TABLE referrals (
  id TEXT PRIMARY KEY,
  child_id TEXT NOT NULL REFERENCES children (id),
  referred_by TEXT NOT NULL REFERENCES users (id),
  referrer_agency TEXT NOT NULL REFERENCES agencies (id),
  assessment_id TEXT REFERENCES assessments (id),
  no_assessment_reason TEXT NOT NULL DEFAULT '',
  reason TEXT NOT NULL,
  sharing TEXT NOT NULL,
  sharing_reason TEXT NOT NULL DEFAULT '',
  state TEXT NOT NULL,
  submitted_at TEXT NOT NULL,
  screening_due TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX referrals_state ON referrals (state, screening_due);
CREATE INDEX referrals_referrer ON referrals (referred_by, submitted_at);
CREATE INDEX referrals_child ON referrals (child_id);

-- Every move of a referral, timestamped and attributed. Insert-only.
CREATE TABLE referral_transitions (
  id TEXT PRIMARY KEY,
  referral_id TEXT NOT NULL REFERENCES referrals (id),
  from_state TEXT NOT NULL,
  to_state TEXT NOT NULL,
  reason TEXT NOT NULL DEFAULT '',
  signposting TEXT NOT NULL DEFAULT '',
  moved_by TEXT NOT NULL REFERENCES users (id),
  moved_at TEXT NOT NULL,
  seq INTEGER NOT NULL
);
-- seq numbers a referral's moves 0, 1, 2... (times are whole seconds; two moves can share one).
CREATE UNIQUE INDEX referral_transitions_referral ON referral_transitions (referral_id, seq);

-- The feedback loop: messages to the person who sent something (feedback/message.h).
CREATE TABLE messages (
  id TEXT PRIMARY KEY,
  recipient TEXT NOT NULL REFERENCES users (id),
  subject_type TEXT NOT NULL,
  subject_id TEXT NOT NULL,
  title TEXT NOT NULL,
  body TEXT NOT NULL DEFAULT '',
  next_steps TEXT NOT NULL DEFAULT '',
  contact TEXT NOT NULL DEFAULT '',
  sent_at TEXT NOT NULL,
  read_at TEXT,
  seq INTEGER NOT NULL
);
-- seq numbers one recipient's messages about one subject 0, 1, 2... in the order sent.
CREATE INDEX messages_recipient ON messages (recipient, read_at);
CREATE UNIQUE INDEX messages_subject ON messages (recipient, subject_type, subject_id, seq);
