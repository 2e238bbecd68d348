-- Ministry: the rows a hand-over pull wrote in its current run, by kind (issue #20). A child row (a value's history,
-- an initiative's milestones, an audit entry) is taken only with its parent: a parent this instance already held
-- (its own row, forwarded to central earlier) keeps its own children, never central's reconstruction of them.
CREATE TABLE federation_handover_written (
    kind    VARCHAR(50)  NOT NULL,
    row_key VARCHAR(150) NOT NULL,
    PRIMARY KEY (kind, row_key)
);

-- Central: the event a ministry sent that central refused, kept with its conflict so that a central admin can accept
-- the ministry's write after all (resolution ACCEPT applies it in place of central's own data).
ALTER TABLE federation_conflict ADD COLUMN payload TEXT;
