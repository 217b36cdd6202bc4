// Checks on the audit trail that every integration file can run on its own database after its
// flows: that each entry about a child names that child (docs/security.md §3).
import assert from 'node:assert/strict';

// The child a record belongs to, by the record's table (NULL when the record is not found).
const RECORD_CHILD = {
  concern: 'SELECT child_id FROM concerns WHERE id = a.record_id',
  assessment: 'SELECT child_id FROM assessments WHERE id = a.record_id',
  referral: 'SELECT child_id FROM referrals WHERE id = a.record_id',
  panel_item: 'SELECT child_id FROM panel_items WHERE id = a.record_id',
  task: "SELECT COALESCE(child_id, '') FROM tasks WHERE id = a.record_id",
  missing_episode: 'SELECT child_id FROM missing_episodes WHERE id = a.record_id',
  return_interview: 'SELECT e.child_id FROM return_interviews i JOIN missing_episodes e ' +
    'ON e.id = i.episode_id WHERE i.id = a.record_id',
  disruption: "SELECT COALESCE(child_id, '') FROM disruptions WHERE id = a.record_id",
};

// A child's id written in an entry's detail ("child <id>"; case-sensitive, which SQL's LIKE is
// not on SQLite: "Child abduction warning notice" names no child).
const CHILD_IN_DETAIL = /\bchild ([0-9a-f]{32})\b/g;

// Entries ("seq action record_type") made by the server that do not name the child they
// concern: an entry on a child that names another; one on a record about a child that does not
// name it; one whose detail says "child <id>" of a child, but that names none or another.
export function entriesMissingTheirChild(engine, url) {
  const wrong = [
    "(a.record_type = 'child' AND a.record_id <> '' AND a.child_id <> a.record_id)",
    ...Object.entries(RECORD_CHILD).map(([type, query]) =>
      `(a.record_type = '${type}' AND a.child_id <> COALESCE((${query}), a.child_id))`),
  ];
  const byRecord = engine.sql(url, "SELECT a.seq || ' ' || a.action || ' ' || a.record_type FROM audit_log a " +
    `WHERE a.request_id <> '' AND (${wrong.join(' OR ')}) ORDER BY a.seq`).trim().split('\n').filter(Boolean);
  const children = new Set(engine.sql(url, 'SELECT id FROM children').trim().split('\n').filter(Boolean));
  // Fields joined by a separator no field holds (record_type and child_id may be empty).
  const byDetail = engine.sql(url, "SELECT a.seq || '~|~' || a.action || '~|~' || a.record_type || '~|~' || " +
    "a.child_id || '~|~' || a.detail FROM audit_log a WHERE a.request_id <> '' AND a.detail LIKE '%child %' " +
    'ORDER BY a.seq').trim().split('\n').filter(Boolean).flatMap((line) => {
      const [seq, action, type, named, detail] = line.split('~|~');
      const mentioned = [...detail.matchAll(CHILD_IN_DETAIL)].map((m) => m[1]).filter((id) => children.has(id));
      return mentioned.length > 0 && !mentioned.includes(named) ? [`${seq} ${action} ${type}`] : [];
    });
  return [...new Set([...byRecord, ...byDetail])].sort((x, y) => Number.parseInt(x, 10) - Number.parseInt(y, 10));
}

// The regression check: every entry about a child names it.
export function assertEntriesNameTheirChild(engine, url) {
  const missing = entriesMissingTheirChild(engine, url);
  assert.deepEqual(missing, [], `audit entries that do not name their child: ${missing.join('; ')}`);
}
