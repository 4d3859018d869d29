-- What was rendered from which asset, with which settings, and how it ended; and measured loudness.

CREATE TABLE renders (
    id              INTEGER PRIMARY KEY,
    asset_id        INTEGER NOT NULL REFERENCES assets (id) ON DELETE CASCADE,
    output_path     TEXT    NOT NULL,
    preset          TEXT    NOT NULL,
    settings_json   TEXT    NOT NULL,
    status          TEXT    NOT NULL CHECK (status IN ('running', 'done', 'failed', 'cancelled')),
    width           INTEGER,
    height          INTEGER,
    frames          INTEGER,
    duration_sec    REAL,
    elapsed_sec     REAL,
    error           TEXT,
    started_at      TEXT    NOT NULL,
    finished_at     TEXT
);

CREATE INDEX renders_asset ON renders (asset_id, started_at);

CREATE TABLE loudness (
    asset_id         INTEGER PRIMARY KEY REFERENCES assets (id) ON DELETE CASCADE,
    integrated_lufs  REAL,
    true_peak_dbtp   REAL,
    measured_at      TEXT NOT NULL
);
