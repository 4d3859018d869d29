-- Each clip's grade as the editor left it (JSON of the render pipeline's Grade, per-shot corrections
-- included), where its automatic part came from (auto, match or none), the reference clip of a match,
-- and the per-shot measurements that produced it, so the editor can see why a shot moved.
CREATE TABLE grades (
    asset_id      INTEGER PRIMARY KEY REFERENCES assets (id) ON DELETE CASCADE,
    grade         TEXT    NOT NULL,
    source        TEXT    NOT NULL CHECK (source IN ('manual', 'auto', 'match')),
    reference_id  INTEGER REFERENCES assets (id) ON DELETE SET NULL,
    analysis      TEXT,
    updated_at    TEXT    NOT NULL
);
