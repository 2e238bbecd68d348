package vn.nq57.platform.events;

/**
 * Thrown by a consumer for an event that must never be applied (not retried, not parked): e.g. a federated event
 * that would change data its sender does not own. The transaction is rolled back and the refusal is reported.
 */
public class EventRefused extends RuntimeException {

    public EventRefused(String reason) {
        super(reason);
    }
}
