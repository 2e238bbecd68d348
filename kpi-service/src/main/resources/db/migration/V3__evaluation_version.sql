-- The version of an indicator's evaluation: raised each time its figures change, carried by
-- nq57.indicator.evaluated.v1 so that consumers (initiative-service's scorecard) skip stale evaluations.
ALTER TABLE indicator_current ADD COLUMN evaluation_version BIGINT NOT NULL DEFAULT 0;
