-- Who recorded it, for which agency, as they were at the time (issue 11: the chronology
-- credited a panel action to the agency that must carry it out, and a panel decision to no
-- agency). Same conventions as 0001.

-- The agency the coordinator recorded the panel's decision for. Decisions recorded before this
-- migration take the recorder's agency as it stands now: the best that is known.
ALTER TABLE panel_items ADD COLUMN recorded_by_agency TEXT REFERENCES agencies (id);
UPDATE panel_items SET recorded_by_agency =
  (SELECT u.agency_id FROM users u WHERE u.id = panel_items.recorded_by)
  WHERE recorded_by IS NOT NULL;

-- The agency the creator recorded a task (a tool's action, a panel action, a repeat-missing
-- strategy discussion, a disruption's expiry reminder) for; older tasks likewise.
ALTER TABLE tasks ADD COLUMN created_by_agency TEXT REFERENCES agencies (id);
UPDATE tasks SET created_by_agency =
  (SELECT u.agency_id FROM users u WHERE u.id = tasks.created_by);

-- 1 when the coordinator arranged the meeting after it took place, to record it ("recording a
-- meeting that took place"); 0 for a meeting arranged ahead.
ALTER TABLE panel_meetings ADD COLUMN recorded_afterwards INTEGER NOT NULL DEFAULT 0;
