package vn.nq57.kpi.indicator;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The unit of an indicator's values. */
@Schema(description = "Unit of an indicator's values")
public enum Unit {
    PERCENT, COUNT, VND, PER_10K_PEOPLE, RANK, INDEX, SCORE
}
