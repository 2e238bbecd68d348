package vn.nq57.platform.federation;

import vn.nq57.platform.events.CloudEvent;

/**
 * Central's side of the up direction, one per service: applies an event a ministry forwarded (its initiatives,
 * measurements, allocations…) to central's own tables, with the ministry as the rows' origin, and announces the
 * change on central's own topics so central's other services and scorecards see it.
 *
 * <p>The platform has already checked the sender (the event's origin is the ministry the token was issued to),
 * dropped duplicates by event id and dropped versions older than the last one applied for the aggregate; it calls
 * {@link #apply} inside the transaction that records the event as processed. Throw
 * {@link vn.nq57.platform.events.EventRefused} for an event that must never apply (e.g. it would change a row another
 * instance owns: answered {@code REJECTED}); throw anything else when it cannot apply yet (e.g. it names an indicator
 * central does not know yet: the event is parked and retried, and later events of its aggregate wait behind it).
 */
public interface FederatedEventHandler {

    /** True for the event types this service applies; others are answered {@code IGNORED}. */
    boolean handles(String eventType);

    void apply(CloudEvent event);

    /**
     * Applies consecutive events of one batch in one go, in their order, inside the batch's transaction (central's
     * fast path, issue #19: one transaction per received batch). The platform has already dropped duplicates and
     * superseded versions. The same contract as {@link #apply}: throwing anything makes the platform apply the batch
     * event by event instead, where each event gets its own answer. Override to write set-based (e.g. all values of
     * a run at once, each evaluation refreshed once); the default applies each event in turn.
     */
    default void applyAll(java.util.List<CloudEvent> events) {
        for (CloudEvent event : events) {
            apply(event);
        }
    }

    /**
     * A central admin accepts a ministry's event central refused (conflict resolution ACCEPT): remove what stood in
     * its way in central's own data (e.g. central's value for the same indicator, period and agency), audited, in the
     * transaction that then applies the event. Throw {@link vn.nq57.platform.error.ApiException} when the event's
     * kind cannot be accepted in place of central's data (the default).
     */
    default void accept(CloudEvent event) {
        throw vn.nq57.platform.error.ApiException.conflict("central cannot take a " + event.type() + " in place of its "
                + "own data: keep central's (KEEP_CENTRAL) or commission the ministry's instance and let it resubmit");
    }
}
