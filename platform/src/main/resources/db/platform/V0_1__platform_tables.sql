-- Tables every service has, owned by the platform module (outbox, audit, idempotency, processed events).

CREATE TABLE outbox (
    id                UUID PRIMARY KEY,
    seq               BIGINT GENERATED ALWAYS AS IDENTITY UNIQUE,
    topic             VARCHAR(200) NOT NULL,
    aggregate_type    VARCHAR(100) NOT NULL,
    aggregate_id      VARCHAR(100) NOT NULL,
    aggregate_version BIGINT       NOT NULL,
    event_type        VARCHAR(200) NOT NULL,
    payload           TEXT         NOT NULL,
    created_at        TIMESTAMPTZ  NOT NULL DEFAULT now(),
    published_at      TIMESTAMPTZ,
    attempts          INT          NOT NULL DEFAULT 0,
    last_error        TEXT
);
CREATE INDEX outbox_pending_idx ON outbox (seq) WHERE published_at IS NULL;
CREATE INDEX outbox_aggregate_idx ON outbox (aggregate_id, seq);

CREATE TABLE audit_log (
    id             UUID PRIMARY KEY,
    occurred_at    TIMESTAMPTZ  NOT NULL,
    subject        VARCHAR(200) NOT NULL,
    agency         VARCHAR(50),
    action         VARCHAR(100) NOT NULL,
    entity_type    VARCHAR(100) NOT NULL,
    entity_id      VARCHAR(100) NOT NULL,
    changes        TEXT         NOT NULL,
    correlation_id VARCHAR(64)
);
CREATE INDEX audit_log_entity_idx ON audit_log (entity_type, entity_id, occurred_at);
CREATE INDEX audit_log_time_idx ON audit_log (occurred_at);

CREATE TABLE idempotency_key (
    scope           VARCHAR(200) NOT NULL,
    idem_key        VARCHAR(200) NOT NULL,
    request_hash    VARCHAR(64)  NOT NULL,
    response_status INT,
    response_body   TEXT,
    location        TEXT,
    etag            VARCHAR(100),
    created_at      TIMESTAMPTZ  NOT NULL DEFAULT now(),
    expires_at      TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (scope, idem_key)
);
CREATE INDEX idempotency_key_expiry_idx ON idempotency_key (expires_at);

CREATE TABLE processed_event (
    consumer     VARCHAR(100) NOT NULL,
    event_id     VARCHAR(100) NOT NULL,
    processed_at TIMESTAMPTZ  NOT NULL DEFAULT now(),
    PRIMARY KEY (consumer, event_id)
);
