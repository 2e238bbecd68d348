package vn.nq57.initiative.events;

/** Topic and event types this service publishes (DESIGN.md §3 Events). */
public final class InitiativeEvents {
    public static final String TOPIC = "nq57.initiatives.v1";
    public static final String INITIATIVE_CREATED = "nq57.initiative.created.v1";
    public static final String INITIATIVE_UPDATED = "nq57.initiative.updated.v1";
    public static final String INITIATIVE_STATUS_CHANGED = "nq57.initiative.status-changed.v1";
    public static final String OUTPUT_ADDED = "nq57.initiative.output-added.v1";
    public static final String OUTPUT_UPDATED = "nq57.initiative.output-updated.v1";
    public static final String OUTPUT_DELIVERED = "nq57.initiative.output-delivered.v1";
    public static final String OBSTACLE_FILED = "nq57.obstacle.filed.v1";
    public static final String OBSTACLE_ANSWERED = "nq57.obstacle.answered.v1";
    public static final String OBSTACLE_RESOLVED = "nq57.obstacle.resolved.v1";
    public static final String OBSTACLE_CLOSED = "nq57.obstacle.closed.v1";
    public static final String OBLIGATION_CREATED = "nq57.obligation.created.v1";
    public static final String OBLIGATION_UPDATED = "nq57.obligation.updated.v1";
    public static final String WARNING_OPENED = "nq57.warning.opened.v1";
    public static final String WARNING_ACKNOWLEDGED = "nq57.warning.acknowledged.v1";
    public static final String WARNING_RESOLVED = "nq57.warning.resolved.v1";
    public static final String AGENCY_CREATED = "nq57.agency.created.v1";
    public static final String AGENCY_UPDATED = "nq57.agency.updated.v1";

    private InitiativeEvents() {
    }
}
