-- Electoral wards (issue 5; places/wards.h, storage/wards_repository.h). Same conventions as
-- 0001: TEXT instants (RFC 3339), portable SQL. `harbour wards import` replaces the whole table
-- in one transaction; places.ward_code (0008) holds a code from here, found by point-in-polygon.

CREATE TABLE wards (
  code TEXT PRIMARY KEY,          -- ONS ward code, E05 and six digits
  name TEXT NOT NULL,
  geojson TEXT NOT NULL,          -- the ward's geometry (Polygon or MultiPolygon) as GeoJSON
  imported_at TEXT NOT NULL,
  imported_by TEXT NOT NULL,      -- who imported it, e.g. "cli:alice"
  source TEXT NOT NULL DEFAULT '', -- the file it came from
  -- The same random id for every row of one import: with the row count and the latest
  -- imported_at it tells a process that the table changed (the ward lookup cache).
  import_id TEXT NOT NULL
);
