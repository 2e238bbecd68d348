package vn.nq57.initiative.obstacle;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** OPEN → ANSWERED → RESOLVED; OPEN or ANSWERED → CLOSED (withdrawn or no longer relevant). */
@Schema(description = "Lifecycle of an obstacle: OPEN → ANSWERED → RESOLVED or CLOSED")
public enum ObstacleStatus {
    OPEN, ANSWERED, RESOLVED, CLOSED;

    public boolean isOpen() {
        return this == OPEN || this == ANSWERED;
    }
}
