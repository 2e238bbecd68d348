-- Federation (DESIGN.md §3, issue #6). A row's origin is NULL for data this instance owns and names the owning
-- instance otherwise: 'central' for the national catalogue at a ministry, 'bkhcn' for BKHCN's data at central.
-- The existing insert paths write nothing here, so everything they write stays this instance's own.
ALTER TABLE indicator ADD COLUMN origin VARCHAR(50);
ALTER TABLE measurement ADD COLUMN origin VARCHAR(50);
-- Which instance an initiative the replica knows belongs to (from the events' origininstance): central accepts a
-- ministry's OPERATIONAL indicators only for initiatives that ministry owns or that central owns.
ALTER TABLE initiative_replica ADD COLUMN origin VARCHAR(50);
CREATE INDEX indicator_origin_idx ON indicator (origin) WHERE origin IS NOT NULL;
CREATE INDEX measurement_origin_idx ON measurement (origin) WHERE origin IS NOT NULL;

-- Indicators are catalogue data central serves to ministries by cursor: stamped on every insert and update.
ALTER TABLE indicator ADD COLUMN change_seq BIGINT;
CREATE TRIGGER indicator_change_stamp BEFORE INSERT OR UPDATE ON indicator
    FOR EACH ROW EXECUTE FUNCTION catalog_change_stamp();
CREATE INDEX indicator_change_seq_idx ON indicator (change_seq);

-- A target belongs to its indicator's catalogue item: changing one re-stamps the indicator (touching the row fires
-- the stamp trigger). When the indicator itself is being deleted the update finds no row and does nothing.
CREATE FUNCTION indicator_target_touch() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE indicator SET change_seq = 0
    WHERE id = CASE WHEN TG_OP = 'DELETE' THEN OLD.indicator_id ELSE NEW.indicator_id END;
    RETURN NULL;
END
$$;
CREATE TRIGGER indicator_target_touch AFTER INSERT OR UPDATE OR DELETE ON indicator_target
    FOR EACH ROW EXECUTE FUNCTION indicator_target_touch();

-- Stamp the rows that exist (the trigger assigns the real stamp).
UPDATE indicator SET change_seq = 0;
