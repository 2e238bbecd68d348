-- Federation (DESIGN.md §3, issue #6). At central, a ministry's allocations and disbursements arrive as facts the
-- ministry reported (its forwarded events) and are kept read-only here with the ministry as their origin.
-- origin: NULL for rows this instance owns, otherwise the owning instance (e.g. 'bkhcn').
ALTER TABLE allocation ADD COLUMN origin VARCHAR(50);
ALTER TABLE disbursement ADD COLUMN origin VARCHAR(50);
CREATE INDEX allocation_origin_idx ON allocation (origin, fiscal_year) WHERE origin IS NOT NULL;

-- Allocation codes come from each instance's own sequence, so a ministry's AL-2026-000001 and central's may both
-- exist at central: a code is unique per owning instance.
ALTER TABLE allocation DROP CONSTRAINT allocation_code_key;
CREATE UNIQUE INDEX allocation_own_code_uq ON allocation (code) WHERE origin IS NULL;
CREATE UNIQUE INDEX allocation_replica_code_uq ON allocation (origin, code) WHERE origin IS NOT NULL;
