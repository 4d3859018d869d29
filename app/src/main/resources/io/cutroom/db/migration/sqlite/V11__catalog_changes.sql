-- What changed in the parts of the catalog that searches read whole: assets, their tags, what editors logged,
-- and collection memberships. Each row names the part and the asset (none when a change touches every member, as
-- renaming a collection does). A search reads again only the assets listed since it last looked, so rating one
-- asset or importing one file does not make the next smart collection read 100,000 assets again. The list keeps
-- its last 10,000 rows; a search that has fallen further behind reads everything again.
CREATE TABLE catalog_changes (
    seq       INTEGER PRIMARY KEY AUTOINCREMENT,
    part      TEXT    NOT NULL CHECK (part IN ('assets', 'tags', 'logs', 'collections')),
    asset_id  INTEGER
);

CREATE TRIGGER assets_inserted_change AFTER INSERT ON assets
BEGIN
    INSERT INTO catalog_changes (part, asset_id) VALUES ('assets', NEW.id);
    DELETE FROM catalog_changes WHERE seq <= (SELECT max(seq) FROM catalog_changes) - 10000;
END;
CREATE TRIGGER assets_updated_change AFTER UPDATE ON assets
BEGIN
    INSERT INTO catalog_changes (part, asset_id) VALUES ('assets', NEW.id);
    DELETE FROM catalog_changes WHERE seq <= (SELECT max(seq) FROM catalog_changes) - 10000;
END;
CREATE TRIGGER assets_deleted_change AFTER DELETE ON assets
BEGIN
    INSERT INTO catalog_changes (part, asset_id) VALUES ('assets', OLD.id);
    DELETE FROM catalog_changes WHERE seq <= (SELECT max(seq) FROM catalog_changes) - 10000;
END;
CREATE TRIGGER shot_tags_inserted_change AFTER INSERT ON shot_tags
BEGIN
    INSERT INTO catalog_changes (part, asset_id) VALUES ('tags', NEW.asset_id);
    DELETE FROM catalog_changes WHERE seq <= (SELECT max(seq) FROM catalog_changes) - 10000;
END;
CREATE TRIGGER shot_tags_updated_change AFTER UPDATE ON shot_tags
BEGIN
    INSERT INTO catalog_changes (part, asset_id) VALUES ('tags', NEW.asset_id);
    DELETE FROM catalog_changes WHERE seq <= (SELECT max(seq) FROM catalog_changes) - 10000;
END;
CREATE TRIGGER shot_tags_deleted_change AFTER DELETE ON shot_tags
BEGIN
    INSERT INTO catalog_changes (part, asset_id) VALUES ('tags', OLD.asset_id);
    DELETE FROM catalog_changes WHERE seq <= (SELECT max(seq) FROM catalog_changes) - 10000;
END;
CREATE TRIGGER asset_log_inserted_change AFTER INSERT ON asset_log
BEGIN
    INSERT INTO catalog_changes (part, asset_id) VALUES ('logs', NEW.asset_id);
    DELETE FROM catalog_changes WHERE seq <= (SELECT max(seq) FROM catalog_changes) - 10000;
END;
CREATE TRIGGER asset_log_updated_change AFTER UPDATE ON asset_log
BEGIN
    INSERT INTO catalog_changes (part, asset_id) VALUES ('logs', NEW.asset_id);
    DELETE FROM catalog_changes WHERE seq <= (SELECT max(seq) FROM catalog_changes) - 10000;
END;
CREATE TRIGGER asset_log_deleted_change AFTER DELETE ON asset_log
BEGIN
    INSERT INTO catalog_changes (part, asset_id) VALUES ('logs', OLD.asset_id);
    DELETE FROM catalog_changes WHERE seq <= (SELECT max(seq) FROM catalog_changes) - 10000;
END;
CREATE TRIGGER collection_items_inserted_change AFTER INSERT ON collection_items
BEGIN
    INSERT INTO catalog_changes (part, asset_id) VALUES ('collections', NEW.asset_id);
    DELETE FROM catalog_changes WHERE seq <= (SELECT max(seq) FROM catalog_changes) - 10000;
END;
CREATE TRIGGER collection_items_deleted_change AFTER DELETE ON collection_items
BEGIN
    INSERT INTO catalog_changes (part, asset_id) VALUES ('collections', OLD.asset_id);
    DELETE FROM catalog_changes WHERE seq <= (SELECT max(seq) FROM catalog_changes) - 10000;
END;
CREATE TRIGGER collections_updated_change AFTER UPDATE ON collections
BEGIN
    INSERT INTO catalog_changes (part, asset_id) VALUES ('collections', NULL);
    DELETE FROM catalog_changes WHERE seq <= (SELECT max(seq) FROM catalog_changes) - 10000;
END;
CREATE TRIGGER collections_deleted_change AFTER DELETE ON collections
BEGIN
    INSERT INTO catalog_changes (part, asset_id) VALUES ('collections', NULL);
    DELETE FROM catalog_changes WHERE seq <= (SELECT max(seq) FROM catalog_changes) - 10000;
END;
