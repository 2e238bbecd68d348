-- Obstacles answered across instances (issue #14): an obstacle filed at a ministry instance asking an agency that
-- instance does not hold (e.g. BTC at central) is answered where that agency is. answer_origin names the instance
-- that wrote the answer when it is not the obstacle's owner; central serves such answers in its catalogue (stamped
-- like the catalogue rows), and the owner applies them to its own row.
ALTER TABLE obstacle ADD COLUMN answer_origin VARCHAR(50);
ALTER TABLE obstacle ADD COLUMN change_seq BIGINT;
CREATE TRIGGER obstacle_change_stamp BEFORE INSERT OR UPDATE ON obstacle
    FOR EACH ROW WHEN (NEW.answer_origin IS NOT NULL) EXECUTE FUNCTION catalog_change_stamp();
CREATE INDEX obstacle_answer_origin_idx ON obstacle (change_seq) WHERE answer_origin IS NOT NULL;
