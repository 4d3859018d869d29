-- The catalog's first schema: every imported file and the pictures made from it.
-- A landed migration is never edited; later changes go in V2__..., V3__...

CREATE TABLE assets (
    id            INTEGER PRIMARY KEY,
    path          TEXT    NOT NULL UNIQUE,
    kind          TEXT    CHECK (kind IN ('video', 'audio', 'image')),
    size_bytes    INTEGER NOT NULL,
    sha256        TEXT    NOT NULL,
    duration_sec  REAL,
    width         INTEGER,
    height        INTEGER,
    fps           REAL,
    rotation      INTEGER NOT NULL DEFAULT 0,
    pixel_format  TEXT,
    video_codec   TEXT,
    audio_codec   TEXT,
    sample_rate   INTEGER,
    channels      INTEGER,
    container     TEXT,
    bit_rate      INTEGER,
    tags_json     TEXT    NOT NULL DEFAULT '{}',
    created_at    TEXT,
    imported_at   TEXT    NOT NULL,
    status        TEXT    NOT NULL CHECK (status IN ('ready', 'failed')),
    error         TEXT,
    CHECK (status = 'failed' OR kind IS NOT NULL),
    CHECK (status = 'ready' OR error IS NOT NULL)
);

-- One content, one row: a second copy of the same bytes is reported as a duplicate.
CREATE UNIQUE INDEX assets_sha256 ON assets (sha256);
CREATE INDEX assets_kind ON assets (kind);

CREATE TABLE thumbnails (
    asset_id     INTEGER NOT NULL REFERENCES assets (id) ON DELETE CASCADE,
    role         TEXT    NOT NULL CHECK (role IN ('poster', 'filmstrip', 'waveform', 'cover')),
    mime         TEXT    NOT NULL,
    width        INTEGER NOT NULL,
    height       INTEGER NOT NULL,
    frame_count  INTEGER NOT NULL DEFAULT 1,
    image        BLOB    NOT NULL,
    PRIMARY KEY (asset_id, role)
);
