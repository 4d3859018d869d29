-- Shots found by cut detection: shared by tagging (per-shot tags) and reframing (per-shot camera paths).

CREATE TABLE shots (
    asset_id   INTEGER NOT NULL REFERENCES assets (id) ON DELETE CASCADE,
    idx        INTEGER NOT NULL,
    start_sec  REAL    NOT NULL,
    end_sec    REAL    NOT NULL,
    detector   TEXT    NOT NULL,
    PRIMARY KEY (asset_id, idx)
);
