-- The live stream's log (issue #19): every scorecard change is written in the transaction that makes it, numbered in
-- commit order (the writer takes an advisory lock before it draws the number), and announced with NOTIFY on commit.
-- Every replica of the service listens and relays the changes to its own subscribers, so a subscriber sees every
-- change whichever replica it is connected to and whichever consumed the event; a client reconnecting with
-- Last-Event-ID gets what it missed from here. Pruned after the retention (nq57.stream.retention).
CREATE SEQUENCE scorecard_change_seq;

CREATE TABLE scorecard_change (
    id          BIGINT PRIMARY KEY,
    kind        VARCHAR(30) NOT NULL,
    body        JSONB NOT NULL,
    at          TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX scorecard_change_at_idx ON scorecard_change (at);

-- The highest id pruned: a Last-Event-ID below it asks for changes no longer kept (the stream says to reload).
CREATE TABLE scorecard_change_retention (
    singleton   BOOLEAN PRIMARY KEY DEFAULT TRUE CHECK (singleton),
    pruned_upto BIGINT NOT NULL
);
INSERT INTO scorecard_change_retention (singleton, pruned_upto) VALUES (TRUE, 0);
