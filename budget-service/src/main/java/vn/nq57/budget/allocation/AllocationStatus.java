package vn.nq57.budget.allocation;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** PLANNED → APPROVED; PLANNED or APPROVED → CANCELLED (an approved one only while nothing is disbursed). */
@Schema(description = "Lifecycle of an allocation: PLANNED → APPROVED, or CANCELLED")
public enum AllocationStatus {
    PLANNED, APPROVED, CANCELLED;

    public List<AllocationStatus> allowedNext() {
        return switch (this) {
            case PLANNED -> List.of(APPROVED, CANCELLED);
            case APPROVED -> List.of(CANCELLED);
            case CANCELLED -> List.of();
        };
    }
}
