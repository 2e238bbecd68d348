-- Federation (DESIGN.md §3): what a ministry forwards up, what central received from each ministry, the cursors,
-- and the change stamp that lets central serve its catalogue incrementally.

-- Up: an event this instance originated is marked for forwarding when it is written (ministry role only); the
-- forwarder marks it forwarded once central has answered for it. Retention never drops an unforwarded event.
ALTER TABLE outbox ADD COLUMN forward BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE outbox ADD COLUMN forwarded_at TIMESTAMPTZ;
ALTER TABLE outbox ADD COLUMN forward_result VARCHAR(400);
CREATE INDEX outbox_forward_pending_idx ON outbox (seq) WHERE forward AND forwarded_at IS NULL;

-- Parked events remember their aggregate, so later events of the same aggregate wait behind them (order kept).
ALTER TABLE parked_event ADD COLUMN aggregate_key VARCHAR(250);
ALTER TABLE parked_event ADD COLUMN aggregate_version BIGINT;
CREATE INDEX parked_event_aggregate_idx ON parked_event (consumer, aggregate_key);

-- Cursors and health of this instance's federation work (ministry: forwarder, catalogue pull).
CREATE TABLE federation_state (
    name                 VARCHAR(50) PRIMARY KEY,
    position             BIGINT       NOT NULL DEFAULT 0,
    last_attempt_at      TIMESTAMPTZ,
    last_success_at      TIMESTAMPTZ,
    consecutive_failures INT          NOT NULL DEFAULT 0,
    last_error           TEXT,
    last_error_at        TIMESTAMPTZ,
    total                BIGINT       NOT NULL DEFAULT 0,
    rejected             BIGINT       NOT NULL DEFAULT 0
);

-- Central: the last version applied per aggregate of each origin (events of an aggregate apply in version order).
CREATE TABLE federated_aggregate (
    origin       VARCHAR(50)  NOT NULL,
    aggregate_id VARCHAR(150) NOT NULL,
    version      BIGINT       NOT NULL,
    event_type   VARCHAR(200) NOT NULL,
    applied_at   TIMESTAMPTZ  NOT NULL DEFAULT now(),
    PRIMARY KEY (origin, aggregate_id)
);

-- Central: what each ministry has sent (health per ministry).
CREATE TABLE federation_origin (
    origin             VARCHAR(50) PRIMARY KEY,
    first_received_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    last_received_at   TIMESTAMPTZ,
    last_event_time    TIMESTAMPTZ,
    last_lag_ms        BIGINT,
    pending_at_origin  BIGINT,
    received           BIGINT      NOT NULL DEFAULT 0,
    applied            BIGINT      NOT NULL DEFAULT 0,
    duplicates         BIGINT      NOT NULL DEFAULT 0,
    superseded         BIGINT      NOT NULL DEFAULT 0,
    ignored            BIGINT      NOT NULL DEFAULT 0,
    parked             BIGINT      NOT NULL DEFAULT 0,
    rejected           BIGINT      NOT NULL DEFAULT 0,
    last_rejection     TEXT,
    last_rejection_at  TIMESTAMPTZ
);

-- Central: catalogue tables carry change_seq, stamped by this trigger on every insert and update. The stamp is
-- taken under a transaction-scoped advisory lock held to commit, so stamps become visible in increasing order and a
-- reader's cursor (the highest stamp it has seen) never skips a change committed later with a lower stamp.
CREATE SEQUENCE catalog_change_seq;
CREATE FUNCTION catalog_change_stamp() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_advisory_xact_lock(5757002);
    NEW.change_seq := nextval('catalog_change_seq');
    RETURN NEW;
END
$$;
