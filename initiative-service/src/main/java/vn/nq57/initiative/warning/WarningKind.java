package vn.nq57.initiative.warning;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "What a warning is about: OUTPUT_DUE_SOON (due within the warning horizon), OUTPUT_OVERDUE, "
        + "VALUE_MISSING (an obliged value not reported by its deadline), FORECAST_OFF_TARGET (the indicator's "
        + "forecast misses its next target), INITIATIVE_RED, INITIATIVE_RED_REPEATED (RED this quarter and the last), "
        + "OBSTACLE_UNANSWERED (past its answer deadline), DISBURSEMENT_BEHIND (late in the fiscal year, far less "
        + "disbursed than the year's elapsed share)")
public enum WarningKind {
    OUTPUT_DUE_SOON, OUTPUT_OVERDUE, VALUE_MISSING, FORECAST_OFF_TARGET, INITIATIVE_RED, INITIATIVE_RED_REPEATED,
    OBSTACLE_UNANSWERED, DISBURSEMENT_BEHIND
}
