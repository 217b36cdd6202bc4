-- Partner intelligence and the records it is about (issue 5; intelligence/grading.h,
-- intelligence/report.h, intelligence/records.h). Same conventions as 0001: TEXT ids, TEXT UTC
-- instants (RFC 3339), 0/1 INTEGER booleans, portable SQL.
--
-- What a partner may see of a report is decided by access::DecideReportView from the columns
-- of intelligence_reports alone. The submitter's words and the source's identity live in their
-- own tables (intelligence_originals, intelligence_sources), read only for views that include
-- them, so that no query for a sanitised view can return them by accident (DESIGN.md §6).

CREATE TABLE intelligence_reports (
  id TEXT PRIMARY KEY,
  submitted_by TEXT NOT NULL REFERENCES users (id),
  submitted_by_agency TEXT NOT NULL REFERENCES agencies (id),
  submitted_at TEXT NOT NULL,
  -- The agency whose intelligence officers hold the report (and alone see its source).
  holding_agency TEXT NOT NULL REFERENCES agencies (id),
  category TEXT NOT NULL,
  knowledge TEXT NOT NULL,             -- 'first_hand' | 'second_hand'
  immediate_danger INTEGER NOT NULL,   -- 0 | 1
  -- 'submitted' until an intelligence officer records the outcome, then 'graded'.
  status TEXT NOT NULL,
  -- 3x5x2, set by the intelligence officer (NULL while ungraded).
  grade_source TEXT,
  grade_intelligence TEXT,
  grade_handling TEXT,
  handling_instructions TEXT NOT NULL DEFAULT '',
  sanitised_text TEXT NOT NULL DEFAULT '',
  outcome TEXT,
  graded_by TEXT REFERENCES users (id),
  graded_at TEXT,
  -- 5x5x5, only on imported legacy records (NULL otherwise).
  legacy_source TEXT,
  legacy_intelligence TEXT,
  legacy_handling TEXT
);
CREATE INDEX intelligence_reports_queue ON intelligence_reports (holding_agency, status,
                                                                  submitted_at);
CREATE INDEX intelligence_reports_submitter ON intelligence_reports (submitted_by, submitted_at);

-- Handling code C: the agencies allowed to see the sanitised version.
CREATE TABLE intelligence_allowed_agencies (
  report_id TEXT NOT NULL REFERENCES intelligence_reports (id),
  agency_id TEXT NOT NULL REFERENCES agencies (id),
  PRIMARY KEY (report_id, agency_id)
);

-- The submitter's words, exactly as given (who/what/where/when/why/how; DOMAIN.md §4).
CREATE TABLE intelligence_originals (
  report_id TEXT PRIMARY KEY REFERENCES intelligence_reports (id),
  who TEXT NOT NULL DEFAULT '',
  what TEXT NOT NULL,
  where_text TEXT NOT NULL DEFAULT '',
  when_text TEXT NOT NULL DEFAULT '',
  why TEXT NOT NULL DEFAULT '',
  how TEXT NOT NULL DEFAULT ''
);

-- Who gave it: the submitter's name, role and contact as they were when they submitted, and,
-- for second-hand knowledge, how they came to know it.
CREATE TABLE intelligence_sources (
  report_id TEXT PRIMARY KEY REFERENCES intelligence_reports (id),
  submitter_name TEXT NOT NULL,
  submitter_agency_name TEXT NOT NULL,
  submitter_contact TEXT NOT NULL DEFAULT '',
  heard_from TEXT NOT NULL DEFAULT ''
);

-- What a report is about, as the submitter gave it: an existing record (record_id set) or the
-- details of a new one (details: the typed fields as a JSON object, kept exactly as typed).
-- The intelligence officer later resolves a new subject to a record (record_id filled in).
CREATE TABLE intelligence_subjects (
  id TEXT PRIMARY KEY,
  report_id TEXT NOT NULL REFERENCES intelligence_reports (id),
  position INTEGER NOT NULL,
  subject_type TEXT NOT NULL,  -- 'child' | 'person' | 'vehicle' | 'place' | 'phone' | 'account'
  record_id TEXT,
  details TEXT NOT NULL DEFAULT '{}'
);
CREATE UNIQUE INDEX intelligence_subjects_position ON intelligence_subjects (report_id, position);
CREATE INDEX intelligence_subjects_record ON intelligence_subjects (subject_type, record_id);

-- People of concern. name_key and dob make the exact-match lookup "name + date of birth".
CREATE TABLE people_of_concern (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  name_key TEXT NOT NULL,
  date_of_birth TEXT,
  age_from INTEGER,
  age_to INTEGER,
  sex TEXT NOT NULL DEFAULT 'not_known',
  ethnicity TEXT NOT NULL DEFAULT 'not_known',
  description TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL,  -- 'suspected' | 'arrested' | 'charged' | 'convicted' | 'no_further_action'
  created_by TEXT NOT NULL REFERENCES users (id),
  created_by_agency TEXT NOT NULL REFERENCES agencies (id),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX people_of_concern_name ON people_of_concern (name_key, date_of_birth);

CREATE TABLE person_aliases (
  person_id TEXT NOT NULL REFERENCES people_of_concern (id),
  alias TEXT NOT NULL,
  alias_key TEXT NOT NULL,
  PRIMARY KEY (person_id, alias_key)
);
CREATE INDEX person_aliases_key ON person_aliases (alias_key);

-- registration: the canonical mark (vehicle_registration.h) when it parsed, else the typed
-- text with spaces and hyphens removed and upper-cased (verified = 0), so both match exactly.
CREATE TABLE vehicles (
  id TEXT PRIMARY KEY,
  registration TEXT NOT NULL,
  registration_typed TEXT NOT NULL,
  verified INTEGER NOT NULL,
  make TEXT NOT NULL DEFAULT '',
  model TEXT NOT NULL DEFAULT '',
  colour TEXT NOT NULL DEFAULT '',
  created_by TEXT NOT NULL REFERENCES users (id),
  created_by_agency TEXT NOT NULL REFERENCES agencies (id),
  created_at TEXT NOT NULL
);
CREATE INDEX vehicles_registration ON vehicles (registration);

-- Places. postcode is normalised when it parsed (verified = 1), else as typed. latitude and
-- longitude are WGS84 degrees; ward_code is found by point-in-polygon against the wards table.
CREATE TABLE places (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  name_key TEXT NOT NULL,
  place_type TEXT NOT NULL,
  address TEXT NOT NULL DEFAULT '',
  postcode TEXT NOT NULL DEFAULT '',
  postcode_typed TEXT NOT NULL DEFAULT '',
  postcode_verified INTEGER NOT NULL DEFAULT 0,
  latitude REAL,
  longitude REAL,
  ward_code TEXT,
  created_by TEXT NOT NULL REFERENCES users (id),
  created_by_agency TEXT NOT NULL REFERENCES agencies (id),
  created_at TEXT NOT NULL
);
CREATE INDEX places_postcode ON places (postcode, name_key);
CREATE INDEX places_type ON places (place_type);

-- number: E.164 when it parsed (verified = 1), else the typed digits and '+' only.
CREATE TABLE phones (
  id TEXT PRIMARY KEY,
  number TEXT NOT NULL,
  number_typed TEXT NOT NULL,
  verified INTEGER NOT NULL,
  kind TEXT NOT NULL DEFAULT 'other',
  created_by TEXT NOT NULL REFERENCES users (id),
  created_by_agency TEXT NOT NULL REFERENCES agencies (id),
  created_at TEXT NOT NULL
);
CREATE INDEX phones_number ON phones (number);

-- Online accounts: platform + handle (handle_key: lower case, without a leading '@').
CREATE TABLE online_accounts (
  id TEXT PRIMARY KEY,
  platform TEXT NOT NULL,
  handle TEXT NOT NULL,
  handle_key TEXT NOT NULL,
  created_by TEXT NOT NULL REFERENCES users (id),
  created_by_agency TEXT NOT NULL REFERENCES agencies (id),
  created_at TEXT NOT NULL
);
CREATE INDEX online_accounts_handle ON online_accounts (platform, handle_key);

-- Typed links between records (child, person, vehicle, place, phone, account), stored once
-- with from/to in the order intelligence/records.h defines for the link type.
CREATE TABLE record_links (
  id TEXT PRIMARY KEY,
  link_type TEXT NOT NULL,
  from_type TEXT NOT NULL,
  from_id TEXT NOT NULL,
  to_type TEXT NOT NULL,
  to_id TEXT NOT NULL,
  created_by TEXT NOT NULL REFERENCES users (id),
  created_by_agency TEXT NOT NULL REFERENCES agencies (id),
  created_at TEXT NOT NULL
);
CREATE UNIQUE INDEX record_links_unique ON record_links (link_type, from_type, from_id, to_type,
                                                         to_id);
CREATE INDEX record_links_to ON record_links (to_type, to_id);

-- Provenance: the intelligence reports that support a link. A link is shown to a viewer only
-- through a supporting report they may see (access::DecideReportView).
CREATE TABLE record_link_support (
  link_id TEXT NOT NULL REFERENCES record_links (id),
  report_id TEXT NOT NULL REFERENCES intelligence_reports (id),
  added_by TEXT NOT NULL REFERENCES users (id),
  added_at TEXT NOT NULL,
  PRIMARY KEY (link_id, report_id)
);
CREATE INDEX record_link_support_report ON record_link_support (report_id);
