-- One child, one record (issue 13; docs/matching.md, "In the product"). Same conventions as 0001.

-- A merged child's record is kept, never deleted: merged_into names the record that absorbed it.
-- Search, the profile and the matcher read only children whose merged_into is NULL; the absorbed
-- record's page points to the survivor.
ALTER TABLE children ADD COLUMN merged_into TEXT;
-- Partial: only merged children are indexed, so that "merged_into IS NULL" (nearly every child)
-- never tempts a planner away from a selective index.
CREATE INDEX children_merged_into ON children (merged_into) WHERE merged_into IS NOT NULL;

-- A merge or an unmerge changes which children the profile counts.
-- @sqlite
CREATE TRIGGER profile_children_merged AFTER UPDATE OF merged_into ON children BEGIN INSERT INTO profile_changes (child_id) VALUES (OLD.id); END;
-- @postgresql
CREATE TRIGGER profile_children_merged AFTER UPDATE OF merged_into ON children FOR EACH ROW EXECUTE FUNCTION profile_note_change('id');

-- Each run of the matcher over the database (`harbour people match --db`): when, how many
-- children it read and pairs it compared, what it put in the review queue, and the model it
-- trained (matching/model_json.h), so that the check before a child is added scores with the
-- partnership's own weights and says when they were trained.
CREATE TABLE match_runs (
  id TEXT PRIMARY KEY,
  started_at TEXT NOT NULL,
  finished_at TEXT NOT NULL,
  records INTEGER NOT NULL,
  pairs INTEGER NOT NULL,
  queued INTEGER NOT NULL,
  linked INTEGER NOT NULL,
  model TEXT NOT NULL
);
CREATE INDEX match_runs_finished ON match_runs (finished_at);

-- The duplicate-review queue: a pair of children the matcher found likely to be one child
-- (first_id < second_id). status is 'pending' | 'unsure' | 'merged' | 'not_same'. 'not_same' is
-- a hard constraint: no later run queues the pair again. weight_milli is the pair's match weight
-- when it was last scored, in thousandths (its waterfall is worked out again when it is shown,
-- from the records as they are then).
CREATE TABLE match_reviews (
  id TEXT PRIMARY KEY,
  first_id TEXT NOT NULL REFERENCES children (id),
  second_id TEXT NOT NULL REFERENCES children (id),
  weight_milli INTEGER NOT NULL,
  status TEXT NOT NULL,
  found_at TEXT NOT NULL,
  run_id TEXT,
  decided_by TEXT REFERENCES users (id),
  decided_at TEXT,
  reason TEXT NOT NULL DEFAULT ''
);
CREATE UNIQUE INDEX match_reviews_pair ON match_reviews (first_id, second_id);
CREATE INDEX match_reviews_status ON match_reviews (status, weight_milli);

-- A merge: absorbed's rows were pointed at survivor. undone_at is set by an unmerge, which
-- points them back.
CREATE TABLE child_merges (
  id TEXT PRIMARY KEY,
  survivor_id TEXT NOT NULL REFERENCES children (id),
  absorbed_id TEXT NOT NULL REFERENCES children (id),
  review_id TEXT REFERENCES match_reviews (id),
  merged_by TEXT NOT NULL REFERENCES users (id),
  merged_at TEXT NOT NULL,
  reason TEXT NOT NULL,
  undone_by TEXT REFERENCES users (id),
  undone_at TEXT,
  undo_reason TEXT NOT NULL DEFAULT ''
);
CREATE INDEX child_merges_survivor ON child_merges (survivor_id, merged_at);
CREATE INDEX child_merges_absorbed ON child_merges (absorbed_id, merged_at);

-- What a merge changed, so that an unmerge puts back exactly that: each row of `table_name`
-- (by `row_key`, its id or the part of its key that is not the child) that was 'moved' from the
-- absorbed child to the survivor, or 'added' to the survivor (an agency, grant, alias or search
-- key the survivor did not have).
CREATE TABLE child_merge_rows (
  merge_id TEXT NOT NULL REFERENCES child_merges (id),
  table_name TEXT NOT NULL,
  row_key TEXT NOT NULL,
  change TEXT NOT NULL,
  PRIMARY KEY (merge_id, table_name, row_key)
);
