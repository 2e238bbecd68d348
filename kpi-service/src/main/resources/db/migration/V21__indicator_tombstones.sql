-- A deleted indicator leaves a tombstone in the catalogue (stamped like the rows themselves), so that the ministries
-- holding its replica remove it too. A ministry's own indicator deleted at central is not served back to it (origin).
CREATE TABLE indicator_tombstone (
    id          UUID PRIMARY KEY,
    code        VARCHAR(64)  NOT NULL,
    origin      VARCHAR(50),
    version     BIGINT       NOT NULL,
    deleted_at  TIMESTAMPTZ  NOT NULL DEFAULT now(),
    change_seq  BIGINT
);
CREATE TRIGGER indicator_tombstone_stamp BEFORE INSERT OR UPDATE ON indicator_tombstone
    FOR EACH ROW EXECUTE FUNCTION catalog_change_stamp();
CREATE INDEX indicator_tombstone_change_seq_idx ON indicator_tombstone (change_seq);

CREATE FUNCTION indicator_bury() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO indicator_tombstone (id, code, origin, version) VALUES (OLD.id, OLD.code, OLD.origin, OLD.version + 1)
    ON CONFLICT (id) DO UPDATE SET code = excluded.code, origin = excluded.origin, version = excluded.version,
        deleted_at = now();
    RETURN OLD;
END
$$;
CREATE TRIGGER indicator_bury AFTER DELETE ON indicator FOR EACH ROW EXECUTE FUNCTION indicator_bury();
