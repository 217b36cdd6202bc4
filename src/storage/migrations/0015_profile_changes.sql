-- The problem profile's change log (issue 12's speed; storage/profile_store.h). Each server
-- keeps the children, concerns, submitted assessments and referrals the profile counts in
-- memory; these triggers note every child whose rows of those tables change, in the writing
-- transaction, so that the server reloads only those children before it counts. `xid` is the
-- writing transaction on PostgreSQL (where sequence values are not committed in order, the
-- reader reads by transaction instead: see ProfileStore::Refresh); 0 on SQLite, whose one
-- writer commits in sequence order. Rows older than a day are pruned.
-- @sqlite
CREATE TABLE profile_changes (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  child_id TEXT NOT NULL,
  xid BIGINT NOT NULL DEFAULT 0,
  changed_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
-- @postgresql
CREATE TABLE profile_changes (
  seq BIGSERIAL PRIMARY KEY,
  child_id TEXT NOT NULL,
  xid BIGINT NOT NULL DEFAULT (pg_current_xact_id()::text::bigint),
  changed_at TEXT NOT NULL DEFAULT (to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'))
);
CREATE INDEX profile_changes_xid ON profile_changes (xid, seq);
CREATE INDEX profile_changes_changed ON profile_changes (changed_at);

-- @sqlite
CREATE TRIGGER profile_concerns_inserted AFTER INSERT ON concerns BEGIN INSERT INTO profile_changes (child_id) VALUES (NEW.child_id); END;
-- @sqlite
CREATE TRIGGER profile_concerns_updated AFTER UPDATE OF child_id, observed_at, recorded_by_agency, category ON concerns BEGIN INSERT INTO profile_changes (child_id) VALUES (OLD.child_id), (NEW.child_id); END;
-- @sqlite
CREATE TRIGGER profile_concerns_deleted AFTER DELETE ON concerns BEGIN INSERT INTO profile_changes (child_id) VALUES (OLD.child_id); END;
-- @sqlite
CREATE TRIGGER profile_assessments_inserted AFTER INSERT ON assessments BEGIN INSERT INTO profile_changes (child_id) VALUES (NEW.child_id); END;
-- @sqlite
CREATE TRIGGER profile_assessments_updated AFTER UPDATE OF child_id, status, submitted_at, computed_level, judged_level, assessed_by_agency, next_review ON assessments BEGIN INSERT INTO profile_changes (child_id) VALUES (OLD.child_id), (NEW.child_id); END;
-- @sqlite
CREATE TRIGGER profile_assessments_deleted AFTER DELETE ON assessments BEGIN INSERT INTO profile_changes (child_id) VALUES (OLD.child_id); END;
-- @sqlite
CREATE TRIGGER profile_referrals_inserted AFTER INSERT ON referrals BEGIN INSERT INTO profile_changes (child_id) VALUES (NEW.child_id); END;
-- @sqlite
CREATE TRIGGER profile_referrals_updated AFTER UPDATE OF child_id, submitted_at, referrer_agency ON referrals BEGIN INSERT INTO profile_changes (child_id) VALUES (OLD.child_id), (NEW.child_id); END;
-- @sqlite
CREATE TRIGGER profile_referrals_deleted AFTER DELETE ON referrals BEGIN INSERT INTO profile_changes (child_id) VALUES (OLD.child_id); END;
-- @sqlite
CREATE TRIGGER profile_children_inserted AFTER INSERT ON children BEGIN INSERT INTO profile_changes (child_id) VALUES (NEW.id); END;
-- @sqlite
CREATE TRIGGER profile_children_updated AFTER UPDATE OF id, date_of_birth, estimated_age, created_at, sex, ethnicity, disability, legal_status, placing_authority, school ON children BEGIN INSERT INTO profile_changes (child_id) VALUES (OLD.id), (NEW.id); END;
-- @sqlite
CREATE TRIGGER profile_children_deleted AFTER DELETE ON children BEGIN INSERT INTO profile_changes (child_id) VALUES (OLD.id); END;

-- TG_ARGV[0] names the column that holds the child's id ("child_id", or "id" for children).
-- @postgresql
CREATE FUNCTION profile_note_change() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN IF TG_OP <> 'INSERT' THEN INSERT INTO profile_changes (child_id) VALUES (to_jsonb(OLD) ->> TG_ARGV[0]); END IF; IF TG_OP <> 'DELETE' THEN INSERT INTO profile_changes (child_id) VALUES (to_jsonb(NEW) ->> TG_ARGV[0]); END IF; RETURN NULL; END $$;
-- @postgresql
CREATE TRIGGER profile_concerns_changed AFTER INSERT OR DELETE OR UPDATE OF child_id, observed_at, recorded_by_agency, category ON concerns FOR EACH ROW EXECUTE FUNCTION profile_note_change('child_id');
-- @postgresql
CREATE TRIGGER profile_assessments_changed AFTER INSERT OR DELETE OR UPDATE OF child_id, status, submitted_at, computed_level, judged_level, assessed_by_agency, next_review ON assessments FOR EACH ROW EXECUTE FUNCTION profile_note_change('child_id');
-- @postgresql
CREATE TRIGGER profile_referrals_changed AFTER INSERT OR DELETE OR UPDATE OF child_id, submitted_at, referrer_agency ON referrals FOR EACH ROW EXECUTE FUNCTION profile_note_change('child_id');
-- @postgresql
CREATE TRIGGER profile_children_changed AFTER INSERT OR DELETE OR UPDATE OF id, date_of_birth, estimated_age, created_at, sex, ethnicity, disability, legal_status, placing_authority, school ON children FOR EACH ROW EXECUTE FUNCTION profile_note_change('id');
