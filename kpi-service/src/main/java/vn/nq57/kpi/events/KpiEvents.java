package vn.nq57.kpi.events;

/** Topic and event types this service publishes (DESIGN.md §3 Events). */
public final class KpiEvents {
    public static final String TOPIC = "nq57.kpi.v1";
    public static final String INDICATOR_CREATED = "nq57.indicator.created.v1";
    public static final String INDICATOR_UPDATED = "nq57.indicator.updated.v1";
    public static final String INDICATOR_DELETED = "nq57.indicator.deleted.v1";
    /** An indicator's evaluation changed (status, progress, latest value, values used, missing data). */
    public static final String INDICATOR_EVALUATED = "nq57.indicator.evaluated.v1";
    /** One measurement recorded or changed through a single submission. */
    public static final String MEASUREMENT_RECORDED = "nq57.measurement.recorded.v1";
    /**
     * The measurements a batch (JSON or CSV) recorded or changed: one event per chunk of at most
     * {@code BATCH_EVENT_CHUNK} changed measurements, each carrying its id and version.
     */
    public static final String MEASUREMENTS_RECORDED = "nq57.measurement.batch-recorded.v1";
    public static final String MEASUREMENT_SUBMITTED = "nq57.measurement.submitted.v1";
    public static final String MEASUREMENT_APPROVED = "nq57.measurement.approved.v1";
    public static final String MEASUREMENT_RETURNED = "nq57.measurement.returned.v1";
    public static final String MEASUREMENT_REOPENED = "nq57.measurement.reopened.v1";
    public static final int BATCH_EVENT_CHUNK = 1000;

    private KpiEvents() {
    }
}
