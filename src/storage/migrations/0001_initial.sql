-- Harbour's first schema: agencies, identity, children, concerns, access and the audit trail.
-- Portable SQL for SQLite 3.40 and PostgreSQL 15: ids are 32-hex TEXT made by the program,
-- instants are RFC 3339 UTC TEXT ("2026-03-01T14:05:00Z", which sorts in time order), dates
-- are "YYYY-MM-DD" TEXT and booleans INTEGER 0/1. See docs/architecture.md.

CREATE TABLE agencies (
  id TEXT PRIMARY KEY,
  code TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  sector TEXT NOT NULL,
  agency_type TEXT NOT NULL,
  created_at TEXT NOT NULL
);

CREATE TABLE users (
  id TEXT PRIMARY KEY,
  username TEXT NOT NULL UNIQUE,
  display_name TEXT NOT NULL,
  agency_id TEXT NOT NULL REFERENCES agencies (id),
  role TEXT NOT NULL,
  password_hash TEXT NOT NULL,
  failed_sign_ins INTEGER NOT NULL DEFAULT 0,
  locked_until TEXT,
  active INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL
);

-- Only the BLAKE2b digest of a session id is stored; the id itself lives in the cookie.
CREATE TABLE sessions (
  id_digest TEXT PRIMARY KEY,
  user_id TEXT NOT NULL REFERENCES users (id),
  csrf_token TEXT NOT NULL,
  created_at TEXT NOT NULL,
  last_seen_at TEXT NOT NULL
);
CREATE INDEX sessions_user ON sessions (user_id);

CREATE TABLE api_tokens (
  id TEXT PRIMARY KEY,
  user_id TEXT NOT NULL REFERENCES users (id),
  token_digest TEXT NOT NULL UNIQUE,
  created_at TEXT NOT NULL,
  expires_at TEXT,
  revoked INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE children (
  id TEXT PRIMARY KEY,
  given_name TEXT NOT NULL,
  family_name TEXT NOT NULL,
  given_key TEXT NOT NULL,
  family_key TEXT NOT NULL,
  date_of_birth TEXT,
  estimated_age INTEGER,
  sex TEXT NOT NULL,
  gender TEXT NOT NULL DEFAULT '',
  ethnicity TEXT NOT NULL,
  first_language TEXT NOT NULL DEFAULT '',
  disability TEXT NOT NULL,
  special_needs TEXT NOT NULL,
  address TEXT NOT NULL DEFAULT '',
  postcode TEXT NOT NULL DEFAULT '',
  school TEXT NOT NULL DEFAULT '',
  nhs_number TEXT UNIQUE,
  upn TEXT,
  social_care_id TEXT NOT NULL DEFAULT '',
  legal_status TEXT NOT NULL,
  placing_authority TEXT NOT NULL DEFAULT '',
  allocated_worker TEXT NOT NULL DEFAULT '',
  created_by TEXT NOT NULL REFERENCES users (id),
  created_by_agency TEXT NOT NULL REFERENCES agencies (id),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
-- Name search is by prefix of the keys (lower-case ASCII, see common/text.h NameKey). The
-- indexes carry both keys and the id so that a search reads only the index.
-- @sqlite
CREATE INDEX children_family_key ON children (family_key, given_key, id);
-- @sqlite
CREATE INDEX children_given_key ON children (given_key, family_key, id);
-- @postgresql
CREATE INDEX children_family_key ON children (family_key text_pattern_ops, given_key, id);
-- @postgresql
CREATE INDEX children_given_key ON children (given_key text_pattern_ops, family_key, id);
CREATE INDEX children_date_of_birth ON children (date_of_birth);

CREATE TABLE child_aliases (
  child_id TEXT NOT NULL REFERENCES children (id),
  alias TEXT NOT NULL,
  alias_key TEXT NOT NULL,
  PRIMARY KEY (child_id, alias)
);
-- @sqlite
CREATE INDEX child_aliases_key ON child_aliases (alias_key, child_id);
-- @postgresql
CREATE INDEX child_aliases_key ON child_aliases (alias_key text_pattern_ops, child_id);

-- The team around the child: every agency involved, and how it became involved
-- ("created", "concern", "team"). This is what need-to-know access is decided from.
CREATE TABLE child_agencies (
  child_id TEXT NOT NULL REFERENCES children (id),
  agency_id TEXT NOT NULL REFERENCES agencies (id),
  reason TEXT NOT NULL,
  added_by TEXT NOT NULL,
  added_at TEXT NOT NULL,
  PRIMARY KEY (child_id, agency_id)
);
CREATE INDEX child_agencies_agency ON child_agencies (agency_id, child_id);

CREATE TABLE access_grants (
  id TEXT PRIMARY KEY,
  child_id TEXT NOT NULL REFERENCES children (id),
  user_id TEXT NOT NULL REFERENCES users (id),
  granted_by TEXT NOT NULL REFERENCES users (id),
  reason TEXT NOT NULL,
  granted_at TEXT NOT NULL,
  expires_at TEXT
);
CREATE INDEX access_grants_child ON access_grants (child_id, user_id);

-- A user asks the coordinator for access to a child they could not see. The request carries
-- the search terms, not a child id: a search never reveals which hidden records matched.
-- child_id is the child the coordinator granted access to, once decided.
CREATE TABLE access_requests (
  id TEXT PRIMARY KEY,
  search_terms TEXT NOT NULL,
  child_id TEXT REFERENCES children (id),
  user_id TEXT NOT NULL REFERENCES users (id),
  reason TEXT NOT NULL,
  requested_at TEXT NOT NULL,
  status TEXT NOT NULL,
  decided_by TEXT,
  decided_at TEXT
);
CREATE INDEX access_requests_status ON access_requests (status, requested_at);

CREATE TABLE concerns (
  id TEXT PRIMARY KEY,
  child_id TEXT NOT NULL REFERENCES children (id),
  observed_at TEXT NOT NULL,
  location TEXT NOT NULL DEFAULT '',
  location_postcode TEXT NOT NULL DEFAULT '',
  category TEXT NOT NULL,
  narrative TEXT NOT NULL,
  first_hand INTEGER NOT NULL,
  immediate_danger INTEGER NOT NULL DEFAULT 0,
  recorded_by TEXT NOT NULL REFERENCES users (id),
  recorded_by_agency TEXT NOT NULL REFERENCES agencies (id),
  recorded_at TEXT NOT NULL
);
CREATE INDEX concerns_child ON concerns (child_id, observed_at);
CREATE INDEX concerns_recorded_by ON concerns (recorded_by, recorded_at);

CREATE TABLE concern_indicators (
  concern_id TEXT NOT NULL REFERENCES concerns (id),
  indicator_code TEXT NOT NULL,
  PRIMARY KEY (concern_id, indicator_code)
);
CREATE INDEX concern_indicators_code ON concern_indicators (indicator_code);

-- Concerns are never edited; corrections and additions are addenda.
CREATE TABLE concern_addenda (
  id TEXT PRIMARY KEY,
  concern_id TEXT NOT NULL REFERENCES concerns (id),
  text TEXT NOT NULL,
  recorded_by TEXT NOT NULL REFERENCES users (id),
  recorded_by_agency TEXT NOT NULL REFERENCES agencies (id),
  recorded_at TEXT NOT NULL
);
CREATE INDEX concern_addenda_concern ON concern_addenda (concern_id);

-- Alerts for the exploitation coordinator (e.g. a child reported in immediate danger).
CREATE TABLE alerts (
  id TEXT PRIMARY KEY,
  kind TEXT NOT NULL,
  child_id TEXT NOT NULL REFERENCES children (id),
  concern_id TEXT REFERENCES concerns (id),
  raised_by TEXT NOT NULL REFERENCES users (id),
  raised_at TEXT NOT NULL,
  acknowledged_by TEXT,
  acknowledged_at TEXT
);
CREATE INDEX alerts_open ON alerts (acknowledged_at, raised_at);

-- Append-only, hash-chained audit trail (audit/chain.h). Never updated or deleted.
CREATE TABLE audit_log (
  seq BIGINT PRIMARY KEY,
  at TEXT NOT NULL,
  user_id TEXT NOT NULL,
  username TEXT NOT NULL,
  role TEXT NOT NULL,
  agency TEXT NOT NULL,
  action TEXT NOT NULL,
  record_type TEXT NOT NULL,
  record_id TEXT NOT NULL,
  purpose TEXT NOT NULL,
  outcome TEXT NOT NULL,
  detail TEXT NOT NULL,
  request_id TEXT NOT NULL,
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL
);
CREATE INDEX audit_log_record ON audit_log (record_type, record_id);
CREATE INDEX audit_log_user ON audit_log (user_id, at);
