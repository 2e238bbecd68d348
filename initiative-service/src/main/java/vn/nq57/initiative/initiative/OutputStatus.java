package vn.nq57.initiative.initiative;

public enum OutputStatus {
    PLANNED, IN_PROGRESS, DELIVERED, CANCELLED
}
