package vn.nq57.kpi.indicator;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Which way an indicator improves; a rank improves downwards (LOWER_IS_BETTER). */
@Schema(description = "Whether a higher or a lower value is better (a rank improves downwards)")
public enum Direction {
    HIGHER_IS_BETTER, LOWER_IS_BETTER
}
