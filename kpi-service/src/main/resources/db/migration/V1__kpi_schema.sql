-- kpi-service: indicators, targets, measurements and their approval, evaluation aggregates (DESIGN.md §1).
CREATE EXTENSION IF NOT EXISTS unaccent;

-- Accent- and case-insensitive fold used by search: "Chuyển đổi số" -> "chuyen doi so" (as Text.fold does).
CREATE OR REPLACE FUNCTION nq57_fold(text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
AS $$ SELECT lower(public.unaccent('public.unaccent'::regdictionary, $1)) $$;

-- The initiatives this service knows (replica from nq57.initiatives.v1 events, a later issue). Until it fills, an
-- OPERATIONAL indicator may name any initiative id; InitiativeDirectory is the one place that looks here.
CREATE TABLE initiative_replica (
    id                UUID PRIMARY KEY,
    code              VARCHAR(30)  NOT NULL,
    system_code       VARCHAR(4)   NOT NULL,
    title_vi          TEXT         NOT NULL,
    lead_agency_code  VARCHAR(50)  NOT NULL,
    status            VARCHAR(20)  NOT NULL,
    key_initiative    BOOLEAN      NOT NULL DEFAULT FALSE,
    version           BIGINT       NOT NULL DEFAULT 0,
    updated_at        TIMESTAMPTZ  NOT NULL DEFAULT now()
);

CREATE TABLE indicator (
    id                 UUID PRIMARY KEY,
    code               VARCHAR(40)   NOT NULL UNIQUE,
    name_vi            TEXT          NOT NULL,
    name_en            TEXT,
    unit               VARCHAR(20)   NOT NULL,
    direction          VARCHAR(20)   NOT NULL CHECK (direction IN ('HIGHER_IS_BETTER', 'LOWER_IS_BETTER')),
    aggregation        VARCHAR(10)   NOT NULL CHECK (aggregation IN ('SUM', 'AVERAGE', 'MAX', 'MIN', 'LATEST')),
    frequency          VARCHAR(10)   NOT NULL CHECK (frequency IN ('ANNUAL', 'QUARTERLY', 'MONTHLY')),
    baseline_value     NUMERIC,
    baseline_period    VARCHAR(10),
    tier               VARCHAR(12)   NOT NULL CHECK (tier IN ('STRATEGIC', 'OPERATIONAL')),
    system_code        VARCHAR(4)    CHECK (system_code IN ('H1', 'H2', 'H3', 'H4', 'H5', 'H6')),
    initiative_id      UUID,
    owner_agency       VARCHAR(50)   NOT NULL,
    reporting_agencies JSONB         NOT NULL DEFAULT '[]',
    data_source        TEXT,
    method             TEXT,
    grace_days         INT           NOT NULL DEFAULT 30 CHECK (grace_days BETWEEN 0 AND 366),
    tolerance_points   NUMERIC       NOT NULL DEFAULT 10,
    origin_instance    VARCHAR(50)   NOT NULL DEFAULT 'central',
    version            BIGINT        NOT NULL DEFAULT 0,
    created_by         VARCHAR(200)  NOT NULL,
    created_at         TIMESTAMPTZ   NOT NULL DEFAULT now(),
    updated_at         TIMESTAMPTZ   NOT NULL DEFAULT now(),
    search_text        TEXT GENERATED ALWAYS AS (nq57_fold(code || ' ' || name_vi || ' ' || coalesce(name_en, ''))) STORED,
    CHECK (tier <> 'STRATEGIC' OR system_code IS NOT NULL),
    CHECK (tier <> 'OPERATIONAL' OR initiative_id IS NOT NULL)
);
CREATE INDEX indicator_system_idx ON indicator (system_code, code);
CREATE INDEX indicator_initiative_idx ON indicator (initiative_id);
CREATE INDEX indicator_owner_idx ON indicator (owner_agency);

CREATE TABLE indicator_target (
    indicator_id UUID          NOT NULL REFERENCES indicator (id) ON DELETE CASCADE,
    period       VARCHAR(10)   NOT NULL,
    value        NUMERIC       NOT NULL,
    note         TEXT,
    PRIMARY KEY (indicator_id, period)
);

-- One current value per (indicator, period, agency); every change is in measurement_history.
CREATE TABLE measurement (
    id                 UUID PRIMARY KEY,
    indicator_id       UUID          NOT NULL REFERENCES indicator (id),
    period             VARCHAR(10)   NOT NULL,
    period_end         DATE          NOT NULL,
    agency_code        VARCHAR(50)   NOT NULL,
    value              NUMERIC       NOT NULL,
    status             VARCHAR(10)   NOT NULL CHECK (status IN ('DRAFT', 'SUBMITTED', 'APPROVED', 'RETURNED')),
    note               TEXT,
    evidence_link      TEXT,
    return_reason      TEXT,
    submitted_by       VARCHAR(200)  NOT NULL,
    submitted_at       TIMESTAMPTZ   NOT NULL,
    first_submitted_at TIMESTAMPTZ,
    decided_by         VARCHAR(200),
    decided_at         TIMESTAMPTZ,
    origin_instance    VARCHAR(50)   NOT NULL DEFAULT 'central',
    version            BIGINT        NOT NULL DEFAULT 0,
    created_at         TIMESTAMPTZ   NOT NULL DEFAULT now(),
    UNIQUE (indicator_id, period, agency_code)
);
CREATE INDEX measurement_agency_idx ON measurement (agency_code, indicator_id);
CREATE INDEX measurement_status_idx ON measurement (status) WHERE status = 'SUBMITTED';

CREATE TABLE measurement_history (
    id             BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    measurement_id UUID          NOT NULL REFERENCES measurement (id),
    action         VARCHAR(20)   NOT NULL,
    old_value      NUMERIC,
    new_value      NUMERIC,
    old_status     VARCHAR(10),
    new_status     VARCHAR(10)   NOT NULL,
    reason         TEXT,
    actor          VARCHAR(200)  NOT NULL,
    actor_agency   VARCHAR(50),
    occurred_at    TIMESTAMPTZ   NOT NULL,
    version        BIGINT        NOT NULL
);
CREATE INDEX measurement_history_measurement_idx ON measurement_history (measurement_id, id);

-- Incrementally maintained evaluation (updated in the measurement write transaction): the national aggregate of
-- each (indicator, period) over the counted values (SUBMITTED and APPROVED), and per indicator its evaluation.
CREATE TABLE indicator_period_agg (
    indicator_id      UUID          NOT NULL REFERENCES indicator (id) ON DELETE CASCADE,
    period            VARCHAR(10)   NOT NULL,
    period_end        DATE          NOT NULL,
    value             NUMERIC       NOT NULL,
    value_count       INT           NOT NULL,
    approved_count    INT           NOT NULL,
    last_submitted_at TIMESTAMPTZ   NOT NULL,
    PRIMARY KEY (indicator_id, period)
);

CREATE TABLE indicator_current (
    indicator_id        UUID PRIMARY KEY REFERENCES indicator (id) ON DELETE CASCADE,
    system_code         VARCHAR(4),
    initiative_id       UUID,
    tier                VARCHAR(12)   NOT NULL,
    latest_period       VARCHAR(10),
    actual              NUMERIC,
    target_period       VARCHAR(10),
    target_value        NUMERIC,
    progress            NUMERIC,
    expected_progress   NUMERIC,
    status              VARCHAR(5)    NOT NULL,
    forecast            NUMERIC,
    forecast_meets      BOOLEAN,
    periods_with_data   INT           NOT NULL DEFAULT 0,
    values_used         INT           NOT NULL DEFAULT 0,
    approved_values     INT           NOT NULL DEFAULT 0,
    missing             JSONB         NOT NULL DEFAULT '[]',
    as_of               TIMESTAMPTZ,
    computed_at         TIMESTAMPTZ   NOT NULL DEFAULT now()
);
CREATE INDEX indicator_current_system_idx ON indicator_current (system_code);
CREATE INDEX indicator_current_initiative_idx ON indicator_current (initiative_id);
