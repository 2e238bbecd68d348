package vn.nq57.initiative.plan;

import java.util.EnumSet;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The lifecycle: DRAFT → APPROVED → IN_PROGRESS → COMPLETED; any non-final state → SUSPENDED or CANCELLED;
 * SUSPENDED → IN_PROGRESS.
 */
@Schema(description = "Lifecycle of an initiative: DRAFT → APPROVED → IN_PROGRESS → COMPLETED; SUSPENDED, CANCELLED")
public enum InitiativeStatus {
    DRAFT, APPROVED, IN_PROGRESS, COMPLETED, SUSPENDED, CANCELLED;

    public boolean isFinal() {
        return this == COMPLETED || this == CANCELLED;
    }

    public Set<InitiativeStatus> allowedNext() {
        return switch (this) {
            case DRAFT -> EnumSet.of(APPROVED, SUSPENDED, CANCELLED);
            case APPROVED -> EnumSet.of(IN_PROGRESS, SUSPENDED, CANCELLED);
            case IN_PROGRESS -> EnumSet.of(COMPLETED, SUSPENDED, CANCELLED);
            case SUSPENDED -> EnumSet.of(IN_PROGRESS, CANCELLED);
            case COMPLETED, CANCELLED -> EnumSet.noneOf(InitiativeStatus.class);
        };
    }
}
