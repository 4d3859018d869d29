-- The same as the SQLite V12: which machine runs a job, and a collection's order in a column.
ALTER TABLE jobs ADD COLUMN owner_host TEXT;
ALTER TABLE collection_items ADD COLUMN position BIGINT;
