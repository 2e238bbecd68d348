-- A ministry's values at central, in key order (issue #20): the hand-over serves them page by page by id.
CREATE INDEX measurement_origin_id_idx ON measurement (origin, id) WHERE origin IS NOT NULL;
