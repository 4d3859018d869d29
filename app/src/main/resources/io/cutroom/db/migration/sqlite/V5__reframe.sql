-- Crop tracks made by reframing, one per asset and output shape, with what produced them: the motion
-- style, the signal weights, the plan per shot and the subjects seen at each analysed moment (JSON),
-- so the editor and later versions can see why the window went where it did. Pins are the editor's
-- corrections: window centres at given times that the plan must pass through. Locks are subjects the
-- editor chose to follow (a point on the subject at a time); the shot then follows that subject alone.
CREATE TABLE reframe_tracks (
    asset_id    INTEGER NOT NULL REFERENCES assets (id) ON DELETE CASCADE,
    aspect      TEXT    NOT NULL,
    style       TEXT    NOT NULL,
    weights     TEXT    NOT NULL,
    track       TEXT    NOT NULL,
    shots       TEXT    NOT NULL,
    signals     TEXT    NOT NULL,
    pins        TEXT    NOT NULL DEFAULT '[]',
    locks       TEXT    NOT NULL DEFAULT '[]',
    created_at  TEXT    NOT NULL,
    PRIMARY KEY (asset_id, aspect)
);
