-- The aggregate version of the initiative event an entry was last taken from (null for entries from requests), so
-- that the feed skips stale events.
ALTER TABLE initiative_replica ADD COLUMN source_version BIGINT;
