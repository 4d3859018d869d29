-- Work spread over the machines that share a catalog. scheduled_tasks is db-scheduler's own table: the queue that
-- every node polls, with which node picked an execution and its last heartbeat, so a dead node's work is taken over.
-- queued_work is what editors see of it: each piece of work, the request it belongs to (a batch), where and how it
-- went, and a cancel that any studio can set. An import has no asset until it is done: its file is in args.
CREATE TABLE scheduled_tasks (
    task_name             TEXT      NOT NULL,
    task_instance         TEXT      NOT NULL,
    task_data             BLOB,
    execution_time        TIMESTAMP NOT NULL,
    picked                BOOLEAN   NOT NULL,
    picked_by             TEXT,
    last_success          TIMESTAMP,
    last_failure          TIMESTAMP,
    consecutive_failures  INTEGER,
    last_heartbeat        TIMESTAMP,
    version               BIGINT    NOT NULL,
    priority              SMALLINT,
    PRIMARY KEY (task_name, task_instance)
);
CREATE INDEX scheduled_tasks_execution_time ON scheduled_tasks (execution_time);
CREATE INDEX scheduled_tasks_last_heartbeat ON scheduled_tasks (last_heartbeat);
CREATE INDEX scheduled_tasks_priority ON scheduled_tasks (priority DESC, execution_time);

CREATE TABLE queued_work (
    id           INTEGER PRIMARY KEY,
    batch        TEXT    NOT NULL,
    lane         TEXT    NOT NULL CHECK (lane IN ('import', 'inference', 'render')),
    kind         TEXT    NOT NULL CHECK (kind IN ('import', 'tag', 'colour', 'reframe', 'render')),
    asset_id     INTEGER REFERENCES assets (id) ON DELETE CASCADE,
    args         TEXT    NOT NULL DEFAULT '{}',
    state        TEXT    NOT NULL CHECK (state IN ('queued', 'running', 'done', 'failed', 'cancelled')),
    node         TEXT,
    attempts     INTEGER NOT NULL DEFAULT 0,
    done         INTEGER NOT NULL DEFAULT 0,
    total        INTEGER NOT NULL DEFAULT 0,
    message      TEXT,
    queued_at    TEXT    NOT NULL,
    started_at   TEXT,
    finished_at  TEXT
);
CREATE INDEX queued_work_by_batch ON queued_work (batch, state);

-- A grade changed on another workstation is news to every studio showing that clip: it is listed as a change to the
-- asset, so the screens that show it read it again.
CREATE TRIGGER grades_inserted_change AFTER INSERT ON grades
BEGIN
    INSERT INTO catalog_changes (part, asset_id) VALUES ('assets', NEW.asset_id);
END;
CREATE TRIGGER grades_updated_change AFTER UPDATE ON grades
BEGIN
    INSERT INTO catalog_changes (part, asset_id) VALUES ('assets', NEW.asset_id);
END;
CREATE TRIGGER grades_deleted_change AFTER DELETE ON grades
BEGIN
    INSERT INTO catalog_changes (part, asset_id) VALUES ('assets', OLD.asset_id);
END;
