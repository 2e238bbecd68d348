package vn.nq57.platform.events;

/**
 * Something that applies events of another service (a replica, a scorecard). The {@link EventInbox} calls it at most
 * once per event id, inside a transaction; throwing parks the event for a later retry.
 */
public interface EventConsumer {

    /** A stable name: the key of processed and parked events. */
    String name();

    /** Applies one event (ignore types you do not care about; skip versions older than the one you hold). */
    void apply(CloudEvent event);
}
