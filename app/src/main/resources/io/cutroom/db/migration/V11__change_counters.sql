-- A counter per part of the catalog that searches read whole: the assets, their tags and collection memberships.
-- A search keeps what it read of a part while that part's counter stays the same. What editors log changes most
-- often, one asset at a time, so each change to a log is listed instead (the last 10,000): a search reads only
-- the logs that changed, and rating one asset does not make the next smart collection read 100,000 logs again.
CREATE TABLE change_counters (
    part  TEXT    PRIMARY KEY,
    n     INTEGER NOT NULL DEFAULT 0
);
INSERT INTO change_counters (part) VALUES ('assets'), ('tags'), ('collections');

CREATE TRIGGER assets_inserted AFTER INSERT ON assets
BEGIN
    UPDATE change_counters SET n = n + 1 WHERE part = 'assets';
END;
CREATE TRIGGER assets_updated AFTER UPDATE ON assets
BEGIN
    UPDATE change_counters SET n = n + 1 WHERE part = 'assets';
END;
CREATE TRIGGER assets_deleted AFTER DELETE ON assets
BEGIN
    UPDATE change_counters SET n = n + 1 WHERE part = 'assets';
END;
CREATE TRIGGER tags_inserted AFTER INSERT ON shot_tags
BEGIN
    UPDATE change_counters SET n = n + 1 WHERE part = 'tags';
END;
CREATE TRIGGER tags_updated AFTER UPDATE ON shot_tags
BEGIN
    UPDATE change_counters SET n = n + 1 WHERE part = 'tags';
END;
CREATE TRIGGER tags_deleted AFTER DELETE ON shot_tags
BEGIN
    UPDATE change_counters SET n = n + 1 WHERE part = 'tags';
END;
CREATE TRIGGER items_inserted AFTER INSERT ON collection_items
BEGIN
    UPDATE change_counters SET n = n + 1 WHERE part = 'collections';
END;
CREATE TRIGGER items_deleted AFTER DELETE ON collection_items
BEGIN
    UPDATE change_counters SET n = n + 1 WHERE part = 'collections';
END;
CREATE TRIGGER collections_updated AFTER UPDATE ON collections
BEGIN
    UPDATE change_counters SET n = n + 1 WHERE part = 'collections';
END;
CREATE TRIGGER collections_deleted AFTER DELETE ON collections
BEGIN
    UPDATE change_counters SET n = n + 1 WHERE part = 'collections';
END;

CREATE TABLE log_changes (
    seq       INTEGER PRIMARY KEY AUTOINCREMENT,
    asset_id  INTEGER NOT NULL
);
CREATE TRIGGER logs_inserted AFTER INSERT ON asset_log
BEGIN
    INSERT INTO log_changes (asset_id) VALUES (NEW.asset_id);
    DELETE FROM log_changes WHERE seq <= (SELECT max(seq) FROM log_changes) - 10000;
END;
CREATE TRIGGER logs_updated AFTER UPDATE ON asset_log
BEGIN
    INSERT INTO log_changes (asset_id) VALUES (NEW.asset_id);
    DELETE FROM log_changes WHERE seq <= (SELECT max(seq) FROM log_changes) - 10000;
END;
CREATE TRIGGER logs_deleted AFTER DELETE ON asset_log
BEGIN
    INSERT INTO log_changes (asset_id) VALUES (OLD.asset_id);
    DELETE FROM log_changes WHERE seq <= (SELECT max(seq) FROM log_changes) - 10000;
END;
