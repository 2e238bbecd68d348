-- budget-service: fiscal years, the initiative replica, allocations and their history, disbursements (DESIGN.md §1 Budget).
-- Money is whole VND in BIGINT (amounts up to 10^18); no floating point anywhere.

CREATE TABLE fiscal_year (
    id                      UUID PRIMARY KEY,
    year                    INT          NOT NULL UNIQUE CHECK (year BETWEEN 2000 AND 2100),
    total_state_expenditure BIGINT       NOT NULL CHECK (total_state_expenditure > 0
                                                         AND total_state_expenditure <= 1000000000000000000),
    sti_budget              BIGINT       NOT NULL CHECK (sti_budget >= 0 AND sti_budget <= total_state_expenditure),
    note                    TEXT,
    origin_instance         VARCHAR(50)  NOT NULL DEFAULT 'central',
    version                 BIGINT       NOT NULL DEFAULT 0,
    created_by              VARCHAR(200) NOT NULL,
    created_at              TIMESTAMPTZ  NOT NULL DEFAULT now(),
    updated_by              VARCHAR(200) NOT NULL,
    updated_at              TIMESTAMPTZ  NOT NULL DEFAULT now()
);

-- What this service knows of initiatives (initiative-service owns them). Filled from allocation requests and the
-- interim registration endpoint until the nq57.initiatives.v1 feed arrives; 'source' says which.
CREATE TABLE initiative_replica (
    id               UUID PRIMARY KEY,
    code             VARCHAR(30),
    system_code      VARCHAR(4)   NOT NULL CHECK (system_code IN ('H1', 'H2', 'H3', 'H4', 'H5', 'H6')),
    lead_agency_code VARCHAR(50)  NOT NULL,
    status           VARCHAR(20),
    key_initiative   BOOLEAN      NOT NULL DEFAULT FALSE,
    source           VARCHAR(20)  NOT NULL CHECK (source IN ('REQUEST', 'EVENT')),
    version          BIGINT       NOT NULL DEFAULT 0,
    updated_at       TIMESTAMPTZ  NOT NULL DEFAULT now()
);
CREATE INDEX initiative_replica_system_idx ON initiative_replica (system_code, key_initiative);
CREATE INDEX initiative_replica_lead_idx ON initiative_replica (lead_agency_code);

CREATE SEQUENCE allocation_code_seq;

CREATE TABLE allocation (
    id                       UUID PRIMARY KEY,
    code                     VARCHAR(30)  NOT NULL UNIQUE,
    initiative_id            UUID         NOT NULL REFERENCES initiative_replica (id),
    fiscal_year              INT          NOT NULL REFERENCES fiscal_year (year),
    funding_source           VARCHAR(20)  NOT NULL CHECK (funding_source IN
                                 ('CENTRAL_BUDGET', 'LOCAL_BUDGET', 'ODA', 'ENTERPRISE', 'SOCIAL', 'OTHER')),
    lead_agency_code         VARCHAR(50)  NOT NULL,
    amount                   BIGINT       NOT NULL CHECK (amount > 0 AND amount <= 1000000000000000000),
    -- net disbursed (payments less reversals), kept under the allocation's row lock; the CHECK is the last guard
    disbursed                BIGINT       NOT NULL DEFAULT 0,
    status                   VARCHAR(20)  NOT NULL CHECK (status IN ('PLANNED', 'APPROVED', 'CANCELLED')),
    purpose                  TEXT,
    unfunded_key_initiatives JSONB        NOT NULL DEFAULT '[]',
    approved_by              VARCHAR(200),
    approved_by_agency       VARCHAR(50),
    approved_at              TIMESTAMPTZ,
    cancelled_by             VARCHAR(200),
    cancelled_at             TIMESTAMPTZ,
    cancel_reason            TEXT,
    origin_instance          VARCHAR(50)  NOT NULL DEFAULT 'central',
    version                  BIGINT       NOT NULL DEFAULT 0,
    created_by               VARCHAR(200) NOT NULL,
    created_at               TIMESTAMPTZ  NOT NULL DEFAULT now(),
    updated_at               TIMESTAMPTZ  NOT NULL DEFAULT now(),
    CONSTRAINT allocation_disbursed_within_amount CHECK (disbursed >= 0 AND disbursed <= amount),
    CONSTRAINT allocation_disbursed_only_when_approved CHECK (disbursed = 0 OR status = 'APPROVED')
);
CREATE INDEX allocation_year_idx ON allocation (fiscal_year, status);
CREATE INDEX allocation_initiative_idx ON allocation (initiative_id, fiscal_year);
CREATE INDEX allocation_lead_idx ON allocation (lead_agency_code);

-- Every change of an allocation: creation, amendments (old and new amount), approval, cancellation.
CREATE TABLE allocation_event (
    id            UUID PRIMARY KEY,
    allocation_id UUID         NOT NULL REFERENCES allocation (id),
    action        VARCHAR(20)  NOT NULL CHECK (action IN ('CREATED', 'AMENDED', 'APPROVED', 'CANCELLED')),
    status_before VARCHAR(20),
    status_after  VARCHAR(20)  NOT NULL,
    amount_before BIGINT,
    amount_after  BIGINT       NOT NULL,
    reason        TEXT,
    actor         VARCHAR(200) NOT NULL,
    actor_agency  VARCHAR(50),
    occurred_at   TIMESTAMPTZ  NOT NULL DEFAULT now()
);
CREATE INDEX allocation_event_allocation_idx ON allocation_event (allocation_id, occurred_at);

-- Disbursements are never edited: a reversal is its own negative entry pointing at the payment it reverses.
CREATE TABLE disbursement (
    id                 UUID PRIMARY KEY,
    allocation_id      UUID         NOT NULL REFERENCES allocation (id),
    kind               VARCHAR(10)  NOT NULL CHECK (kind IN ('PAYMENT', 'REVERSAL')),
    disbursed_on       DATE         NOT NULL,
    amount             BIGINT       NOT NULL,
    payment_reference  VARCHAR(100) NOT NULL,
    note               TEXT,
    reverses_id        UUID UNIQUE REFERENCES disbursement (id),
    reason             TEXT,
    recorded_by        VARCHAR(200) NOT NULL,
    recorded_by_agency VARCHAR(50),
    recorded_at        TIMESTAMPTZ  NOT NULL DEFAULT now(),
    origin_instance    VARCHAR(50)  NOT NULL DEFAULT 'central',
    version            BIGINT       NOT NULL DEFAULT 0,
    CONSTRAINT disbursement_sign CHECK ((kind = 'PAYMENT' AND amount > 0 AND reverses_id IS NULL)
        OR (kind = 'REVERSAL' AND amount < 0 AND reverses_id IS NOT NULL AND reason IS NOT NULL))
);
-- A payment reference is unique per allocation (the reversal of a payment carries the payment's reference).
CREATE UNIQUE INDEX disbursement_reference_uq ON disbursement (allocation_id, payment_reference) WHERE kind = 'PAYMENT';
CREATE INDEX disbursement_allocation_idx ON disbursement (allocation_id, disbursed_on);
