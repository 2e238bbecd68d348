-- An indicator's scorecard line (the JSON of EvaluationViews.IndicatorScore), written with its evaluation: scorecards
-- copy it into their answer instead of rebuilding 500 lines per request. Null until the indicator is next evaluated
-- (scorecards then build the line from the columns, as before).
ALTER TABLE indicator_current ADD COLUMN line TEXT;
