-- Curating a catalog: a rating, a pick or reject flag, a colour label and a description per asset; markers
-- with a note at a time; selects (named subclips); and collections, manual or smart (a saved search), which
-- may hold other collections as folders do.
CREATE TABLE asset_log (
    asset_id     INTEGER PRIMARY KEY REFERENCES assets (id) ON DELETE CASCADE,
    rating       INTEGER NOT NULL DEFAULT 0 CHECK (rating BETWEEN 0 AND 5),
    flag         TEXT    NOT NULL DEFAULT 'none' CHECK (flag IN ('none', 'pick', 'reject')),
    label        TEXT    CHECK (label IS NULL OR label IN ('red', 'yellow', 'green', 'blue', 'purple')),
    description  TEXT,
    updated_at   TEXT    NOT NULL
);

CREATE TABLE markers (
    id          INTEGER PRIMARY KEY,
    asset_id    INTEGER NOT NULL REFERENCES assets (id) ON DELETE CASCADE,
    at_sec      REAL    NOT NULL CHECK (at_sec >= 0),
    note        TEXT    NOT NULL,
    created_at  TEXT    NOT NULL
);
CREATE INDEX markers_by_asset ON markers (asset_id, at_sec);

CREATE TABLE selects (
    id          INTEGER PRIMARY KEY,
    asset_id    INTEGER NOT NULL REFERENCES assets (id) ON DELETE CASCADE,
    name        TEXT    NOT NULL,
    in_sec      REAL    NOT NULL CHECK (in_sec >= 0),
    out_sec     REAL    NOT NULL CHECK (out_sec > in_sec),
    created_at  TEXT    NOT NULL
);
CREATE INDEX selects_by_asset ON selects (asset_id, in_sec);

CREATE TABLE collections (
    id          INTEGER PRIMARY KEY,
    name        TEXT    NOT NULL,
    parent_id   INTEGER REFERENCES collections (id) ON DELETE CASCADE,
    smart       TEXT,
    created_at  TEXT    NOT NULL
);
CREATE UNIQUE INDEX collections_by_name ON collections (coalesce(parent_id, 0), name COLLATE NOCASE);

CREATE TABLE collection_items (
    collection_id  INTEGER NOT NULL REFERENCES collections (id) ON DELETE CASCADE,
    asset_id       INTEGER NOT NULL REFERENCES assets (id) ON DELETE CASCADE,
    added_at       TEXT    NOT NULL,
    PRIMARY KEY (collection_id, asset_id)
);
CREATE INDEX collection_items_by_asset ON collection_items (asset_id);
