package vn.nq57.kpi.measurement;

import java.util.EnumSet;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * DRAFT → SUBMITTED → APPROVED or RETURNED (with reason); RETURNED → SUBMITTED again; an APPROVED value is locked
 * until an approver reopens it (APPROVED → SUBMITTED, with reason).
 */
@Schema(description = "Approval state of a value: DRAFT → SUBMITTED → APPROVED (locked) or RETURNED")
public enum MeasurementStatus {
    DRAFT, SUBMITTED, APPROVED, RETURNED;

    /** Whether the value counts in the evaluation. */
    public boolean counted() {
        return this == SUBMITTED || this == APPROVED;
    }

    public Set<MeasurementStatus> allowedNext() {
        return switch (this) {
            case DRAFT, RETURNED -> EnumSet.of(SUBMITTED);
            case SUBMITTED -> EnumSet.of(APPROVED, RETURNED);
            case APPROVED -> EnumSet.of(SUBMITTED);
        };
    }
}
