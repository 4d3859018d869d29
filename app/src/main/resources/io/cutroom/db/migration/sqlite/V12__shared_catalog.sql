-- Ready for a catalog shared by several machines: which machine runs a job (a process id means nothing on
-- another one), and a collection's order kept in a column rather than in SQLite's hidden row ids.
ALTER TABLE jobs ADD COLUMN owner_host TEXT;
ALTER TABLE collection_items ADD COLUMN position INTEGER;
UPDATE collection_items SET position = rowid;
