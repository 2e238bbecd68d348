-- initiative-service: the plan catalogue (DESIGN.md §1).
CREATE EXTENSION IF NOT EXISTS unaccent;
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- Accent- and case-insensitive fold used by search and similarity: "Chuyển đổi số" -> "chuyen doi so".
CREATE OR REPLACE FUNCTION nq57_fold(text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
AS $$ SELECT lower(public.unaccent('public.unaccent'::regdictionary, $1)) $$;

CREATE TABLE plan_system (
    code       VARCHAR(4) PRIMARY KEY,
    name_vi    TEXT        NOT NULL,
    name_en    TEXT        NOT NULL,
    kind       VARCHAR(20) NOT NULL,
    sort_order INT         NOT NULL
);

CREATE TABLE plan_phase (
    code       VARCHAR(4) PRIMARY KEY,
    start_year INT  NOT NULL,
    end_year   INT  NOT NULL,
    name_vi    TEXT NOT NULL,
    name_en    TEXT NOT NULL
);

CREATE TABLE agency (
    id              UUID PRIMARY KEY,
    code            VARCHAR(50)  NOT NULL UNIQUE,
    name_vi         TEXT         NOT NULL,
    name_en         TEXT,
    level           VARCHAR(20)  NOT NULL,
    parent_id       UUID REFERENCES agency (id),
    origin_instance VARCHAR(50)  NOT NULL DEFAULT 'central',
    version         BIGINT       NOT NULL DEFAULT 0,
    created_at      TIMESTAMPTZ  NOT NULL DEFAULT now(),
    updated_at      TIMESTAMPTZ  NOT NULL DEFAULT now(),
    search_text     TEXT GENERATED ALWAYS AS (nq57_fold(code || ' ' || name_vi || ' ' || coalesce(name_en, ''))) STORED
);
CREATE INDEX agency_parent_idx ON agency (parent_id);
CREATE INDEX agency_level_idx ON agency (level);

CREATE TABLE initiative (
    id                        UUID PRIMARY KEY,
    code                      VARCHAR(30)  NOT NULL UNIQUE,
    system_code               VARCHAR(4)   NOT NULL REFERENCES plan_system (code),
    phase_code                VARCHAR(4)   NOT NULL REFERENCES plan_phase (code),
    title_vi                  TEXT         NOT NULL,
    title_en                  TEXT,
    content_orientation       TEXT         NOT NULL,
    deadline                  DATE         NOT NULL,
    lead_agency_id            UUID         NOT NULL REFERENCES agency (id),
    status                    VARCHAR(20)  NOT NULL,
    key_initiative            BOOLEAN      NOT NULL DEFAULT FALSE,
    evaluation_criteria       JSONB        NOT NULL DEFAULT '[]',
    linked_programmes         JSONB        NOT NULL DEFAULT '[]',
    chief_architect_name      TEXT,
    chief_architect_position  TEXT,
    chief_architect_agency_id UUID REFERENCES agency (id),
    origin_instance           VARCHAR(50)  NOT NULL DEFAULT 'central',
    version                   BIGINT       NOT NULL DEFAULT 0,
    created_by                VARCHAR(200) NOT NULL,
    created_at                TIMESTAMPTZ  NOT NULL DEFAULT now(),
    updated_at                TIMESTAMPTZ  NOT NULL DEFAULT now(),
    title_fold                TEXT GENERATED ALWAYS AS (nq57_fold(title_vi)) STORED,
    content_fold              TEXT GENERATED ALWAYS AS (nq57_fold(content_orientation)) STORED,
    search_text               TEXT GENERATED ALWAYS AS (nq57_fold(code || ' ' || title_vi || ' ' || coalesce(title_en, '')
                                  || ' ' || content_orientation)) STORED
);
CREATE INDEX initiative_system_idx ON initiative (system_code);
CREATE INDEX initiative_lead_idx ON initiative (lead_agency_id);
CREATE INDEX initiative_status_idx ON initiative (status);
CREATE INDEX initiative_deadline_idx ON initiative (deadline);
CREATE INDEX initiative_search_trgm ON initiative USING gin (search_text gin_trgm_ops);
CREATE INDEX initiative_title_trgm ON initiative USING gin (title_fold gin_trgm_ops);
CREATE INDEX initiative_content_trgm ON initiative USING gin (content_fold gin_trgm_ops);

CREATE TABLE initiative_coordinator (
    initiative_id UUID NOT NULL REFERENCES initiative (id) ON DELETE CASCADE,
    agency_id     UUID NOT NULL REFERENCES agency (id),
    PRIMARY KEY (initiative_id, agency_id)
);
CREATE INDEX initiative_coordinator_agency_idx ON initiative_coordinator (agency_id);

CREATE TABLE initiative_output (
    id            UUID PRIMARY KEY,
    initiative_id UUID        NOT NULL REFERENCES initiative (id) ON DELETE CASCADE,
    description   TEXT        NOT NULL,
    due_date      DATE        NOT NULL,
    status        VARCHAR(20) NOT NULL,
    evidence_link TEXT,
    delivered_at  TIMESTAMPTZ,
    sort_order    INT         NOT NULL,
    version       BIGINT      NOT NULL DEFAULT 0
);
CREATE INDEX initiative_output_initiative_idx ON initiative_output (initiative_id, sort_order);
CREATE INDEX initiative_output_overdue_idx ON initiative_output (due_date) WHERE status <> 'DELIVERED' AND status <> 'CANCELLED';

CREATE TABLE initiative_milestone (
    id            UUID PRIMARY KEY,
    initiative_id UUID        NOT NULL REFERENCES initiative (id) ON DELETE CASCADE,
    title         TEXT        NOT NULL,
    due_date      DATE        NOT NULL,
    done          BOOLEAN     NOT NULL DEFAULT FALSE,
    sort_order    INT         NOT NULL
);
CREATE INDEX initiative_milestone_initiative_idx ON initiative_milestone (initiative_id, sort_order);

CREATE TABLE initiative_transition (
    id            UUID PRIMARY KEY,
    initiative_id UUID         NOT NULL REFERENCES initiative (id) ON DELETE CASCADE,
    from_status   VARCHAR(20),
    to_status     VARCHAR(20)  NOT NULL,
    reason        TEXT         NOT NULL,
    actor         VARCHAR(200) NOT NULL,
    actor_agency  VARCHAR(50),
    occurred_at   TIMESTAMPTZ  NOT NULL
);
CREATE INDEX initiative_transition_initiative_idx ON initiative_transition (initiative_id, occurred_at);

CREATE TABLE obstacle (
    id                 UUID PRIMARY KEY,
    initiative_id      UUID         NOT NULL REFERENCES initiative (id),
    filed_by_agency_id UUID         NOT NULL REFERENCES agency (id),
    asked_agency_id    UUID         NOT NULL REFERENCES agency (id),
    description        TEXT         NOT NULL,
    request            TEXT         NOT NULL,
    status             VARCHAR(20)  NOT NULL,
    answer             TEXT,
    answered_by        VARCHAR(200),
    answered_at        TIMESTAMPTZ,
    resolution_note    TEXT,
    closed_at          TIMESTAMPTZ,
    filed_by           VARCHAR(200) NOT NULL,
    filed_at           TIMESTAMPTZ  NOT NULL,
    origin_instance    VARCHAR(50)  NOT NULL DEFAULT 'central',
    version            BIGINT       NOT NULL DEFAULT 0
);
CREATE INDEX obstacle_initiative_idx ON obstacle (initiative_id);
CREATE INDEX obstacle_asked_idx ON obstacle (asked_agency_id, status);
CREATE INDEX obstacle_filed_idx ON obstacle (filed_by_agency_id, status);
