-- Accountability (issue #14): reporting obligations, the values agencies reported, early warnings and their
-- notifications. Everything here is a read model of events (kpi, budget) and of this service's own tables, except
-- the obligations a central admin edits.

-- The 22 provincial units platform V0_7 added to the shared seed (34 since 1 July 2025).
INSERT INTO agency (id, code, name_vi, name_en, level, parent_id, created_at, updated_at)
SELECT r.id, r.code, r.name_vi, r.name_en, r.level, md5('agency:' || r.parent_code)::uuid, now(), now()
FROM agency_replica r
WHERE NOT EXISTS (SELECT 1 FROM agency a WHERE a.code = r.code)
  AND EXISTS (SELECT 1 FROM agency p WHERE p.code = r.parent_code);

-- What the obligations and warnings need of an indicator's definition and evaluation (from kpi events).
ALTER TABLE kpi_status ADD COLUMN frequency VARCHAR(10);
ALTER TABLE kpi_status ADD COLUMN direction VARCHAR(20);
ALTER TABLE kpi_status ADD COLUMN grace_days INT NOT NULL DEFAULT 0;
ALTER TABLE kpi_status ADD COLUMN reporting_agencies TEXT;
ALTER TABLE kpi_status ADD COLUMN name_en TEXT;
ALTER TABLE kpi_status ADD COLUMN target_period VARCHAR(10);
ALTER TABLE kpi_status ADD COLUMN target_value NUMERIC(30, 6);
ALTER TABLE kpi_status ADD COLUMN forecast NUMERIC(30, 6);

-- Who must report which indicator, from which period, by how many days after each period's end.
CREATE TABLE reporting_obligation (
    id             UUID PRIMARY KEY,
    indicator_id   UUID         NOT NULL,
    agency_code    VARCHAR(50)  NOT NULL,
    deadline_days  INT,
    from_period    VARCHAR(10),
    to_period      VARCHAR(10),
    source         VARCHAR(10)  NOT NULL,
    active         BOOLEAN      NOT NULL DEFAULT TRUE,
    version        BIGINT       NOT NULL DEFAULT 0,
    created_at     TIMESTAMPTZ  NOT NULL DEFAULT now(),
    updated_at     TIMESTAMPTZ  NOT NULL DEFAULT now(),
    updated_by     VARCHAR(100),
    UNIQUE (indicator_id, agency_code)
);
CREATE INDEX reporting_obligation_agency_idx ON reporting_obligation (agency_code) WHERE active;

-- The first time each agency submitted a value of an indicator for a period, and where it stands now.
CREATE TABLE reported_value (
    indicator_id       UUID        NOT NULL,
    agency_code        VARCHAR(50) NOT NULL,
    period             VARCHAR(10) NOT NULL,
    status             VARCHAR(20) NOT NULL,
    first_submitted_at TIMESTAMPTZ,
    version            BIGINT      NOT NULL DEFAULT -1,
    PRIMARY KEY (indicator_id, agency_code, period)
);
CREATE INDEX reported_value_agency_idx ON reported_value (agency_code);

-- When an asked agency must answer an obstacle (working days after filing; rows filed before: 21 days).
ALTER TABLE obstacle ADD COLUMN answer_due DATE;
UPDATE obstacle SET answer_due = (filed_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date + 21;

-- An initiative's health as last seen in each quarter (for "RED two periods in a row").
CREATE TABLE initiative_health_history (
    initiative_id UUID        NOT NULL,
    period        VARCHAR(10) NOT NULL,
    health        VARCHAR(10) NOT NULL,
    seen_at       TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (initiative_id, period)
);

-- Early warnings: one open row per cause (key); resolved rows stay as history.
CREATE TABLE warning (
    id               UUID PRIMARY KEY,
    cause            VARCHAR(300) NOT NULL,
    kind             VARCHAR(40)  NOT NULL,
    severity         VARCHAR(10)  NOT NULL,
    subject_type     VARCHAR(20)  NOT NULL,
    subject_id       UUID,
    subject_label    TEXT,
    initiative_id    UUID,
    agency_code      VARCHAR(50),
    reason_vi        TEXT         NOT NULL,
    reason_en        TEXT         NOT NULL,
    status           VARCHAR(15)  NOT NULL,
    since            TIMESTAMPTZ  NOT NULL,
    acknowledged_by  VARCHAR(100),
    acknowledged_at  TIMESTAMPTZ,
    resolved_at      TIMESTAMPTZ,
    version          BIGINT       NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX warning_open_cause_idx ON warning (cause) WHERE status <> 'RESOLVED';
CREATE INDEX warning_agency_idx ON warning (agency_code, status);
CREATE INDEX warning_since_idx ON warning (since DESC);

-- In-app notifications: a user's read marks on the warnings of their scope.
CREATE TABLE notification_read (
    user_subject VARCHAR(100) NOT NULL,
    warning_id   UUID         NOT NULL REFERENCES warning (id),
    read_at      TIMESTAMPTZ  NOT NULL DEFAULT now(),
    PRIMARY KEY (user_subject, warning_id)
);
