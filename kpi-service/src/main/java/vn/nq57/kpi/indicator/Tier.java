package vn.nq57.kpi.indicator;

/** STRATEGIC indicators are national, per System; OPERATIONAL indicators belong to one Initiative. */
public enum Tier {
    STRATEGIC, OPERATIONAL
}
