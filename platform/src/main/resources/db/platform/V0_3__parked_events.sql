-- Events a consumer could not apply yet (e.g. they refer to something not replicated yet): parked, retried, not lost.
CREATE TABLE parked_event (
    consumer     VARCHAR(100) NOT NULL,
    event_id     VARCHAR(100) NOT NULL,
    event_type   VARCHAR(200) NOT NULL,
    payload      TEXT         NOT NULL,
    error        TEXT,
    attempts     INT          NOT NULL DEFAULT 1,
    parked_at    TIMESTAMPTZ  NOT NULL DEFAULT now(),
    next_attempt TIMESTAMPTZ  NOT NULL DEFAULT now(),
    PRIMARY KEY (consumer, event_id)
);
CREATE INDEX parked_event_due_idx ON parked_event (next_attempt);
