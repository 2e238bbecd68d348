-- Federation conflicts (issue #20): an own event central refused, kept at both ends until someone resolves it.
-- At a ministry the forwarder records central's answer (origin = this instance); at central the receiver records what
-- it refused (origin = the sending ministry). Outbox retention never drops these rows.
CREATE TABLE federation_conflict (
    event_id       UUID         PRIMARY KEY,
    origin         VARCHAR(50)  NOT NULL,
    aggregate_type VARCHAR(100),
    aggregate_id   VARCHAR(150),
    event_type     VARCHAR(200),
    subject        VARCHAR(250),
    status         VARCHAR(20)  NOT NULL,
    reason         TEXT,
    rejected_at    TIMESTAMPTZ  NOT NULL DEFAULT now(),
    times          INT          NOT NULL DEFAULT 1,
    resolved_at    TIMESTAMPTZ,
    resolution     VARCHAR(30),
    resolved_by    VARCHAR(200),
    note           TEXT
);
CREATE INDEX federation_conflict_open_idx ON federation_conflict (rejected_at DESC) WHERE resolved_at IS NULL;
CREATE INDEX federation_conflict_aggregate_idx ON federation_conflict (aggregate_id);
