-- The agency a ministry instance reports for (its federation token's agency claim, recorded at each receipt): central
-- takes a ministry's data only for that agency and the agencies below it.
ALTER TABLE federation_origin ADD COLUMN agency VARCHAR(50);
