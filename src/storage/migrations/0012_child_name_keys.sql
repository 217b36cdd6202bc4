-- Child search by word (issue 11 §3): one row per key a child is found by, from the given name,
-- the family name and each alias (children::FoldName): every word ("nowak", "obrien"), the part
-- of a word after an apostrophe ("brien") and a name's words joined ("nowakobrien"). A search
-- finds the children with, for each word typed, a key that starts with it. Existing children's
-- keys are computed by this migration's C++ step (ChildrenRepository::RebuildNameKeysIn, run by
-- storage::Migrate in the same transaction); InsertIn writes them for new children.
CREATE TABLE child_name_keys (
  child_id TEXT NOT NULL REFERENCES children (id),
  name_key TEXT NOT NULL,
  PRIMARY KEY (child_id, name_key)
);
-- @sqlite
CREATE INDEX child_name_keys_key ON child_name_keys (name_key, child_id);
-- @postgresql
CREATE INDEX child_name_keys_key ON child_name_keys (name_key text_pattern_ops, child_id);
-- A search sorts its matches by name: this index gives the sort keys of a matched id without
-- reading the (wide) child row.
CREATE INDEX children_search_order ON children (id, family_key, given_key);
