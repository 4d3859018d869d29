-- Tags per shot, from the shipped networks and from custom tags taught by the editor.
-- Stills have one shot (index 0) spanning no time. Every tag above a low floor is kept, so moving
-- a threshold later shows more or fewer tags without tagging again.

CREATE TABLE shot_tags (
    asset_id    INTEGER NOT NULL REFERENCES assets (id) ON DELETE CASCADE,
    shot_idx    INTEGER NOT NULL,
    tag         TEXT    NOT NULL,
    confidence  REAL    NOT NULL,
    start_sec   REAL    NOT NULL,
    end_sec     REAL    NOT NULL,
    model       TEXT    NOT NULL,
    PRIMARY KEY (asset_id, shot_idx, tag, model)
);
CREATE INDEX shot_tags_by_tag ON shot_tags (tag, confidence);

-- One embedding per shot: the classifier's pooled features, L2-normalised, stored as signed bytes
-- (value × 127 / largest magnitude) with that scale, a quarter of float32's size.
CREATE TABLE shot_embeddings (
    asset_id   INTEGER NOT NULL REFERENCES assets (id) ON DELETE CASCADE,
    shot_idx   INTEGER NOT NULL,
    start_sec  REAL    NOT NULL,
    end_sec    REAL    NOT NULL,
    model      TEXT    NOT NULL,
    scale      REAL    NOT NULL,
    vector     BLOB    NOT NULL,
    PRIMARY KEY (asset_id, shot_idx)
);

-- Which assets were tagged, when, and with which models (or why tagging failed).
CREATE TABLE tagging (
    asset_id   INTEGER PRIMARY KEY REFERENCES assets (id) ON DELETE CASCADE,
    models     TEXT    NOT NULL,
    tagged_at  TEXT    NOT NULL,
    error      TEXT
);

-- Thresholds the editor moved away from the defaults.
CREATE TABLE tag_thresholds (
    tag        TEXT PRIMARY KEY,
    threshold  REAL NOT NULL
);

-- Custom tags: the examples the editor marked, and the head trained on their embeddings.
CREATE TABLE custom_tags (
    name          TEXT PRIMARY KEY,
    head          BLOB,
    examples      INTEGER NOT NULL DEFAULT 0,
    counter       INTEGER NOT NULL DEFAULT 0,
    loo_accuracy  REAL,
    trained_at    TEXT
);
CREATE TABLE custom_tag_examples (
    tag       TEXT    NOT NULL REFERENCES custom_tags (name) ON DELETE CASCADE,
    asset_id  INTEGER NOT NULL REFERENCES assets (id) ON DELETE CASCADE,
    shot_idx  INTEGER NOT NULL,
    positive  INTEGER NOT NULL,
    PRIMARY KEY (tag, asset_id, shot_idx)
);
