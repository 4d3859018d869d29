-- How far the editor let a reframed clip's window widen beyond the output shape where its subjects cannot
-- all be held otherwise ('off', 'full' or a factor such as '1.50'), and what fills the output beyond the
-- picture ('pad' or 'blur'), so that planning again around the editor's corrections keeps both.
ALTER TABLE reframe_tracks ADD COLUMN widen TEXT NOT NULL DEFAULT 'off';
ALTER TABLE reframe_tracks ADD COLUMN fill TEXT NOT NULL DEFAULT 'blur';
