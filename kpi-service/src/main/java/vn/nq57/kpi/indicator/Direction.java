package vn.nq57.kpi.indicator;

/** Which way an indicator improves; a rank improves downwards (LOWER_IS_BETTER). */
public enum Direction {
    HIGHER_IS_BETTER, LOWER_IS_BETTER
}
