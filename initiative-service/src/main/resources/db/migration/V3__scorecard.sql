-- The scorecard's view of other services, kept from their events (nq57.kpi.v1, nq57.budget.v1).

-- One row per indicator: its definition (tier, System, initiative) and its latest evaluation from kpi-service.
CREATE TABLE kpi_status (
    indicator_id   UUID PRIMARY KEY,
    code           VARCHAR(50)  NOT NULL,
    name_vi        TEXT,
    tier           VARCHAR(20)  NOT NULL,
    system_code    VARCHAR(4),
    initiative_id  UUID,
    owner_agency   VARCHAR(50),
    status         VARCHAR(10)  NOT NULL DEFAULT 'GREY',
    progress       NUMERIC(12, 4),
    latest_value   NUMERIC(30, 6),
    latest_period  VARCHAR(10),
    value_count    INT          NOT NULL DEFAULT 0,
    missing_count  INT          NOT NULL DEFAULT 0,
    as_of          TIMESTAMPTZ,
    definition_version BIGINT   NOT NULL DEFAULT -1,
    evaluation_version BIGINT   NOT NULL DEFAULT -1,
    deleted        BOOLEAN      NOT NULL DEFAULT FALSE,
    updated_at     TIMESTAMPTZ  NOT NULL DEFAULT now()
);
CREATE INDEX kpi_status_initiative_idx ON kpi_status (initiative_id) WHERE NOT deleted;
CREATE INDEX kpi_status_system_idx ON kpi_status (system_code, tier) WHERE NOT deleted;

-- One row per budget allocation: approved amount and what has been disbursed against it.
CREATE TABLE budget_allocation (
    allocation_id  UUID PRIMARY KEY,
    initiative_id  UUID         NOT NULL,
    fiscal_year    INT          NOT NULL,
    funding_source VARCHAR(30),
    status         VARCHAR(20)  NOT NULL,
    amount         BIGINT       NOT NULL,
    disbursed      BIGINT       NOT NULL DEFAULT 0,
    version        BIGINT       NOT NULL,
    updated_at     TIMESTAMPTZ  NOT NULL DEFAULT now()
);
CREATE INDEX budget_allocation_initiative_idx ON budget_allocation (initiative_id);
