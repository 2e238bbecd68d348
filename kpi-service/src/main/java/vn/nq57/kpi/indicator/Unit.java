package vn.nq57.kpi.indicator;

/** The unit of an indicator's values. */
public enum Unit {
    PERCENT, COUNT, VND, PER_10K_PEOPLE, RANK, INDEX, SCORE
}
