-- The job journal: every import, tagging run and render, from start to end, with what is needed to run it
-- again (args, JSON). A job left 'running' by a process that no longer exists was interrupted (a crash, a
-- kill, a power cut); the next process to open the catalog marks it so, and it can be resumed.
CREATE TABLE jobs (
    id             INTEGER PRIMARY KEY,
    kind           TEXT    NOT NULL CHECK (kind IN ('import', 'tag', 'render')),
    title          TEXT    NOT NULL,
    args           TEXT    NOT NULL,
    status         TEXT    NOT NULL CHECK (status IN ('running', 'done', 'failed', 'cancelled', 'interrupted')),
    owner_pid      INTEGER NOT NULL,
    owner_started  TEXT,
    message        TEXT,
    resumed_by     INTEGER REFERENCES jobs (id),
    started_at     TEXT    NOT NULL,
    finished_at    TEXT
);
CREATE INDEX jobs_by_status ON jobs (status, started_at);

-- Which job made a render, so an interrupted render can be told from one still running elsewhere.
ALTER TABLE renders ADD COLUMN job_id INTEGER REFERENCES jobs (id);
