-- Viewer profiles (with declared interests as a JSON array of tags; demo profiles are marked), what each
-- viewer did with each item (play, complete, skip, like, dislike, with the position reached), and saved
-- playlists (JSON list of items with score and explanation).
CREATE TABLE profiles (
    id          INTEGER PRIMARY KEY,
    name        TEXT    NOT NULL UNIQUE COLLATE NOCASE,
    interests   TEXT    NOT NULL DEFAULT '[]',
    demo        INTEGER NOT NULL DEFAULT 0,
    created_at  TEXT    NOT NULL
);

CREATE TABLE events (
    id            INTEGER PRIMARY KEY,
    profile_id    INTEGER NOT NULL REFERENCES profiles (id) ON DELETE CASCADE,
    asset_id      INTEGER NOT NULL REFERENCES assets (id) ON DELETE CASCADE,
    kind          TEXT    NOT NULL CHECK (kind IN ('play', 'complete', 'skip', 'like', 'dislike')),
    position_sec  REAL,
    at            TEXT    NOT NULL
);
CREATE INDEX events_by_profile ON events (profile_id, at);

CREATE TABLE playlists (
    id           INTEGER PRIMARY KEY,
    profile_id   INTEGER REFERENCES profiles (id) ON DELETE CASCADE,
    recommender  TEXT    NOT NULL,
    minutes      REAL    NOT NULL,
    items        TEXT    NOT NULL,
    created_at   TEXT    NOT NULL
);
