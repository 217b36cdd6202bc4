-- The child each audit entry is about, and the auditor's filters (docs/security.md §3;
-- audit/chain.h, audit/filter.h). Same conventions as 0001.
--
-- child_id is sealed: entries written from this migration on carry the child they concern
-- (or '') and it takes part in their hash. Entries sealed before it are never rewritten:
-- the child they concern is inferred, once, from what they name into inferred_child_id, a
-- column outside the hash that no later code writes. The auditor's filter by child reads both.
ALTER TABLE audit_log ADD COLUMN child_id TEXT NOT NULL DEFAULT '';
ALTER TABLE audit_log ADD COLUMN inferred_child_id TEXT NOT NULL DEFAULT '';

-- What an old entry names, first match wins: the child itself (flags were recorded under the
-- child); a record about one child, through its table (addenda were recorded under their
-- concern); else "child <id>" written in the detail, when that id is a child's.
UPDATE audit_log SET inferred_child_id = record_id
WHERE record_type = 'child' AND record_id <> '';

UPDATE audit_log
SET inferred_child_id = (SELECT c.child_id FROM concerns c WHERE c.id = audit_log.record_id)
WHERE record_type = 'concern' AND inferred_child_id = ''
  AND record_id IN (SELECT id FROM concerns);

UPDATE audit_log
SET inferred_child_id = (SELECT a.child_id FROM assessments a WHERE a.id = audit_log.record_id)
WHERE record_type = 'assessment' AND inferred_child_id = ''
  AND record_id IN (SELECT id FROM assessments);

UPDATE audit_log
SET inferred_child_id = (SELECT r.child_id FROM referrals r WHERE r.id = audit_log.record_id)
WHERE record_type = 'referral' AND inferred_child_id = ''
  AND record_id IN (SELECT id FROM referrals);

UPDATE audit_log
SET inferred_child_id = (SELECT p.child_id FROM panel_items p WHERE p.id = audit_log.record_id)
WHERE record_type = 'panel_item' AND inferred_child_id = ''
  AND record_id IN (SELECT id FROM panel_items);

UPDATE audit_log
SET inferred_child_id = (SELECT t.child_id FROM tasks t WHERE t.id = audit_log.record_id)
WHERE record_type = 'task' AND inferred_child_id = ''
  AND record_id IN (SELECT id FROM tasks WHERE child_id IS NOT NULL);

UPDATE audit_log
SET inferred_child_id = (SELECT e.child_id FROM missing_episodes e
                         WHERE e.id = audit_log.record_id)
WHERE record_type = 'missing_episode' AND inferred_child_id = ''
  AND record_id IN (SELECT id FROM missing_episodes);

UPDATE audit_log
SET inferred_child_id = (SELECT e.child_id FROM return_interviews i
                         JOIN missing_episodes e ON e.id = i.episode_id
                         WHERE i.id = audit_log.record_id)
WHERE record_type = 'return_interview' AND inferred_child_id = ''
  AND record_id IN (SELECT id FROM return_interviews);

UPDATE audit_log
SET inferred_child_id = (SELECT d.child_id FROM disruptions d WHERE d.id = audit_log.record_id)
WHERE record_type = 'disruption' AND inferred_child_id = ''
  AND record_id IN (SELECT id FROM disruptions WHERE child_id IS NOT NULL);

UPDATE audit_log
SET inferred_child_id = (SELECT q.child_id FROM access_requests q
                         WHERE q.id = audit_log.record_id)
WHERE record_type = 'access_request' AND inferred_child_id = ''
  AND record_id IN (SELECT id FROM access_requests WHERE child_id IS NOT NULL);

-- A report can name several children: the first it names.
UPDATE audit_log
SET inferred_child_id = (SELECT s.record_id FROM intelligence_subjects s
                         WHERE s.report_id = audit_log.record_id AND s.subject_type = 'child'
                           AND s.record_id IS NOT NULL AND s.record_id <> ''
                         ORDER BY s.position LIMIT 1)
WHERE record_type = 'intelligence' AND inferred_child_id = ''
  AND record_id IN (SELECT report_id FROM intelligence_subjects
                    WHERE subject_type = 'child' AND record_id IS NOT NULL
                      AND record_id <> '');

UPDATE audit_log
SET inferred_child_id = (SELECT CASE WHEN l.from_type = 'child' THEN l.from_id ELSE l.to_id END
                         FROM record_links l WHERE l.id = audit_log.record_id)
WHERE record_type = 'link' AND inferred_child_id = ''
  AND record_id IN (SELECT id FROM record_links WHERE from_type = 'child' OR to_type = 'child');

UPDATE audit_log
SET inferred_child_id = (SELECT r.child_id FROM messages m JOIN referrals r ON r.id = m.subject_id
                         WHERE m.id = audit_log.record_id)
WHERE record_type = 'message' AND inferred_child_id = ''
  AND record_id IN (SELECT m.id FROM messages m JOIN referrals r ON r.id = m.subject_id
                    WHERE m.subject_type = 'referral');

-- @sqlite
UPDATE audit_log SET inferred_child_id = substr(detail, instr(detail, 'child ') + 6, 32)
WHERE inferred_child_id = '' AND instr(detail, 'child ') > 0
  AND substr(detail, instr(detail, 'child ') + 6, 32) IN (SELECT id FROM children);

-- @postgresql
UPDATE audit_log SET inferred_child_id = substr(detail, strpos(detail, 'child ') + 6, 32)
WHERE inferred_child_id = '' AND strpos(detail, 'child ') > 0
  AND substr(detail, strpos(detail, 'child ') + 6, 32) IN (SELECT id FROM children);

-- The auditor's filters, newest first within each (audit/filter.h;
-- storage/audit_repository.h).
CREATE INDEX audit_log_child ON audit_log (child_id, seq);
CREATE INDEX audit_log_inferred_child ON audit_log (inferred_child_id, seq);
CREATE INDEX audit_log_username ON audit_log (username, seq);
CREATE INDEX audit_log_agency ON audit_log (agency, seq);
CREATE INDEX audit_log_action ON audit_log (action, seq);
CREATE INDEX audit_log_outcome ON audit_log (outcome, seq);
CREATE INDEX audit_log_at ON audit_log (at);
