-- Federation (DESIGN.md §3, issue #6). A row's origin is NULL for data this instance owns and names the owning
-- instance otherwise: 'central' for the catalogue replicated at a ministry, 'bkhcn' for BKHCN's initiatives,
-- outputs and obstacles at central. origin_instance (V1) keeps naming the owning instance, never NULL.
ALTER TABLE plan_system ADD COLUMN origin VARCHAR(50);
ALTER TABLE plan_phase ADD COLUMN origin VARCHAR(50);
ALTER TABLE agency ADD COLUMN origin VARCHAR(50);
ALTER TABLE initiative ADD COLUMN origin VARCHAR(50);
ALTER TABLE initiative_output ADD COLUMN origin VARCHAR(50);
ALTER TABLE obstacle ADD COLUMN origin VARCHAR(50);
CREATE INDEX initiative_origin_idx ON initiative (origin);
CREATE INDEX obstacle_origin_idx ON obstacle (origin);

-- Central serves its catalogue (Systems, phases, agencies, initiatives) by change stamp (platform V0_4).
ALTER TABLE plan_system ADD COLUMN change_seq BIGINT;
ALTER TABLE plan_phase ADD COLUMN change_seq BIGINT;
ALTER TABLE agency ADD COLUMN change_seq BIGINT;
ALTER TABLE initiative ADD COLUMN change_seq BIGINT;

CREATE TRIGGER plan_system_change_stamp BEFORE INSERT OR UPDATE ON plan_system
    FOR EACH ROW EXECUTE FUNCTION catalog_change_stamp();
CREATE TRIGGER plan_phase_change_stamp BEFORE INSERT OR UPDATE ON plan_phase
    FOR EACH ROW EXECUTE FUNCTION catalog_change_stamp();
CREATE TRIGGER agency_change_stamp BEFORE INSERT OR UPDATE ON agency
    FOR EACH ROW EXECUTE FUNCTION catalog_change_stamp();
CREATE TRIGGER initiative_change_stamp BEFORE INSERT OR UPDATE ON initiative
    FOR EACH ROW EXECUTE FUNCTION catalog_change_stamp();

-- An initiative's catalogue item carries its outputs: a change to an output stamps its initiative again.
CREATE FUNCTION initiative_output_touch() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE initiative SET change_seq = 0 WHERE id = NEW.initiative_id;
    RETURN NULL;
END
$$;
CREATE TRIGGER initiative_output_touch AFTER INSERT OR UPDATE ON initiative_output
    FOR EACH ROW EXECUTE FUNCTION initiative_output_touch();

-- A ministry applies agencies in stamp order and needs a parent before its children: a change to an agency stamps
-- its subtree again, after it.
CREATE FUNCTION agency_restamp_children() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE agency SET change_seq = 0 WHERE parent_id = NEW.id;
    RETURN NULL;
END
$$;
CREATE TRIGGER agency_restamp_children AFTER UPDATE ON agency
    FOR EACH ROW EXECUTE FUNCTION agency_restamp_children();

-- Stamp what exists (the updates fire the triggers; updating the roots stamps every agency, parents first).
UPDATE plan_system SET change_seq = 0;
UPDATE plan_phase SET change_seq = 0;
UPDATE agency SET change_seq = 0 WHERE parent_id IS NULL;
UPDATE initiative SET change_seq = 0;

CREATE INDEX plan_system_change_seq_idx ON plan_system (change_seq);
CREATE INDEX plan_phase_change_seq_idx ON plan_phase (change_seq);
CREATE INDEX agency_change_seq_idx ON agency (change_seq);
CREATE INDEX initiative_change_seq_idx ON initiative (change_seq);
