package vn.nq57.initiative.obstacle;

/** OPEN → ANSWERED → RESOLVED; OPEN or ANSWERED → CLOSED (withdrawn or no longer relevant). */
public enum ObstacleStatus {
    OPEN, ANSWERED, RESOLVED, CLOSED;

    public boolean isOpen() {
        return this == OPEN || this == ANSWERED;
    }
}
