-- The register of published board reports (issue 12; profile/register.h): one row per period,
-- written once and never changed. `tables` holds the published cells a later release is
-- suppressed against; `pdf` the document exactly as published (base64), with its SHA-256.
CREATE TABLE board_reports (
  id TEXT PRIMARY KEY,
  period_code TEXT NOT NULL UNIQUE,
  period_first TEXT NOT NULL,  -- YYYY-MM-DD, London
  period_last TEXT NOT NULL,   -- YYYY-MM-DD, included
  published_at TEXT NOT NULL,
  published_by TEXT NOT NULL REFERENCES users (id),
  published_by_name TEXT NOT NULL,  -- as it was at publication
  agency_name TEXT NOT NULL,
  checked_against TEXT REFERENCES board_reports (id),  -- NULL: no earlier release inside it
  tables TEXT NOT NULL,
  pdf TEXT NOT NULL,
  pdf_sha256 TEXT NOT NULL
);
CREATE INDEX board_reports_period ON board_reports (period_first, period_last);
