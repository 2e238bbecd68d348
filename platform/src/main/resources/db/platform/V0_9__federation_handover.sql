-- Federation lifecycle (issue #20): commissioning a ministry instance when central already holds its data, and
-- retiring it. Central keeps, per ministry instance, where it stands; the services' rows change owner through their
-- origin column (see vn.nq57.platform.federation.Handover).

-- Central: the ministry instances a central admin commissioned (or retired), per service.
--   COMMISSIONING: central's rows for the agency subtree are the ministry's (central refuses writes for them) and the
--                  ministry is pulling them; FEDERATED: the ministry reported its copy complete; RETIRED: the rows
--                  are central's own again and the instance's events are refused.
CREATE TABLE federation_instance (
    instance        VARCHAR(50)  PRIMARY KEY,
    agency          VARCHAR(50)  NOT NULL,
    state           VARCHAR(20)  NOT NULL,
    since           TIMESTAMPTZ  NOT NULL DEFAULT now(),
    started_at      TIMESTAMPTZ  NOT NULL DEFAULT now(),
    started_by      VARCHAR(200) NOT NULL,
    switched        TEXT,
    completed_at    TIMESTAMPTZ,
    transferred     TEXT,
    retired_at      TIMESTAMPTZ,
    retired_by      VARCHAR(200),
    returned        TEXT
);

-- Ministry: how far the pull of its own data from central has come (one row per kind of row), for the hand-over and
-- for a rebuild after a loss. run_started names the pull (central's "since" of the commissioning, or the rebuild).
CREATE TABLE federation_handover (
    kind          VARCHAR(50)  PRIMARY KEY,
    position      INT          NOT NULL,
    after_key     TEXT,
    rows_applied  BIGINT       NOT NULL DEFAULT 0,
    rows_kept     BIGINT       NOT NULL DEFAULT 0,
    done          BOOLEAN      NOT NULL DEFAULT false,
    run_started   TIMESTAMPTZ  NOT NULL,
    updated_at    TIMESTAMPTZ  NOT NULL DEFAULT now()
);

-- Ministry: rows of central's copy it did not take: DUPLICATE (it holds a row of its own for the same key, e.g. a value
-- entered here that central refused: the ministry's row stays, and writing it again makes it central's copy),
-- MISSING_REFERENCE (a row it names is not here), OTHER.
CREATE TABLE federation_handover_kept (
    kind      VARCHAR(50)  NOT NULL,
    row_key   VARCHAR(150) NOT NULL,
    cause     VARCHAR(20)  NOT NULL,
    reason    TEXT         NOT NULL,
    at        TIMESTAMPTZ  NOT NULL DEFAULT now(),
    PRIMARY KEY (kind, row_key)
);
