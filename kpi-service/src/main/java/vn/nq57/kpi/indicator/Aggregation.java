package vn.nq57.kpi.indicator;

/** How the values of several agencies for one period combine into one (national or subtree) value; LATEST takes the most recently submitted. */
public enum Aggregation {
    SUM, AVERAGE, MAX, MIN, LATEST
}
