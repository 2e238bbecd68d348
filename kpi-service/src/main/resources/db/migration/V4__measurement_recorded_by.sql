-- A new value writes no history row: the measurement row itself holds its first value (the first history entry's old
-- value once it changed), and these columns who recorded it and for which agency. GET /measurements/{id}/history
-- shows it as the RECORDED entry. Rows recorded before this migration keep their RECORDED history row.
ALTER TABLE measurement ADD COLUMN recorded_by VARCHAR(200), ADD COLUMN recorded_by_agency VARCHAR(50);
