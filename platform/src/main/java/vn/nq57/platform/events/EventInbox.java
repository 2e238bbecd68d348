package vn.nq57.platform.events;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.jboss.logging.Logger;
import vn.nq57.platform.jobs.RequestScope;

/**
 * The one way a service takes in events: parse the CloudEvent, skip an id already processed, apply it in one
 * transaction with the record of its id (so a redelivery has no second effect), and park what cannot be applied yet
 * (it is retried with backoff, never lost). A payload that is not a CloudEvent is logged and dropped.
 * Each service wires its {@code @Incoming} channels to {@link #receive(EventConsumer, String)}.
 */
@ApplicationScoped
public class EventInbox {

    private static final Logger LOG = Logger.getLogger(EventInbox.class);

    @Inject
    IdempotentConsumer idempotent;

    @Inject
    EntityManager em;

    @Inject
    MeterRegistry registry;

    @Inject
    @Any
    Instance<EventConsumer> consumers;

    /** Outcome of one delivery. */
    public enum Outcome { APPLIED, DUPLICATE, PARKED, MALFORMED, REFUSED }

    /** An outcome and, for PARKED, REFUSED and MALFORMED, why. */
    public record Delivery(Outcome outcome, String reason) {
    }

    public Outcome receive(EventConsumer consumer, String payload) {
        return deliver(consumer, payload).outcome();
    }

    /**
     * Takes the events of one poll of a channel consumed in batches, in their order: all of them in one transaction
     * (their ids recorded with one statement, each applied by the consumer) when they are well-formed; otherwise — or
     * when any of them fails — one by one as {@link #receive} does, so that a failing event is parked or refused on
     * its own and the others apply.
     */
    public void receiveAll(EventConsumer consumer, List<String> payloads) {
        if (payloads.size() < 2) {
            payloads.forEach(p -> receive(consumer, p));
            return;
        }
        List<CloudEvent> events = new java.util.ArrayList<>(payloads.size());
        for (String payload : payloads) {
            try {
                events.add(idempotent.parse(payload));
            } catch (IllegalArgumentException e) {
                events = null;
                break;
            }
        }
        if (events != null && applyTogether(consumer, events)) {
            return;
        }
        payloads.forEach(p -> receive(consumer, p));
    }

    /** Applies well-formed events in one transaction; false (nothing written) when one of them failed. */
    private boolean applyTogether(EventConsumer consumer, List<CloudEvent> events) {
        String ids = IdempotentConsumer.jsonArray(events.stream().map(CloudEvent::id).toList());
        Integer applied = together(consumer.name() + " applies a batch of " + events.size() + " events one by one",
                () -> {
                    java.util.Set<String> fresh = idempotent.firstDeliveries(consumer.name(), ids);
                    int firsts = fresh.size();
                    for (CloudEvent event : events) {
                        if (fresh.remove(event.id())) {
                            consumer.apply(event);
                        }
                    }
                    // as one by one: an event parked before and applied now leaves the parked ones, and the later
                    // events of its aggregate waiting behind it are due now
                    em.createNativeQuery("""
                                    WITH applied AS (DELETE FROM parked_event WHERE consumer = ?1
                                            AND event_id IN (SELECT jsonb_array_elements_text(cast(?2 AS jsonb)))
                                        RETURNING aggregate_key)
                                    UPDATE parked_event SET next_attempt = now() WHERE consumer = ?1
                                        AND aggregate_key IN (SELECT aggregate_key FROM applied)
                                        AND event_id NOT IN (SELECT jsonb_array_elements_text(cast(?2 AS jsonb)))""")
                            .setParameter(1, consumer.name()).setParameter(2, ids)
                            .executeUpdate();
                    return firsts;
                });
        if (applied == null) {
            return false;
        }
        registry.counter("nq57.events.consumed", "consumer", consumer.name(), "outcome", "duplicate")
                .increment(events.size() - applied);
        registry.counter("nq57.events.consumed", "consumer", consumer.name(), "outcome", "applied").increment(applied);
        return true;
    }

    /**
     * Runs the work of a batch in a transaction of its own (and a request context when none is active); null — with
     * nothing written — when it failed, so that the caller takes the batch's events one by one.
     * {@code fallback} says so in the log.
     */
    public static <T> T together(String fallback, java.util.concurrent.Callable<T> work) {
        return RequestScope.call(() -> {
            try {
                return QuarkusTransaction.requiringNew().call(work);
            } catch (RuntimeException e) {
                LOG.debugf("%s (%s)", fallback, e.getMessage());
                return null;
            }
        });
    }

    /** As {@link #receive} with the reason of a parked, refused or malformed event. */
    public Delivery deliver(EventConsumer consumer, String payload) {
        CloudEvent event;
        try {
            event = idempotent.parse(payload);
        } catch (IllegalArgumentException e) {
            LOG.warnf("%s dropped a payload that is not a CloudEvent: %s", consumer.name(), e.getMessage());
            count(consumer, Outcome.MALFORMED);
            return new Delivery(Outcome.MALFORMED, e.getMessage());
        }
        return deliver(consumer, event, payload);
    }

    /** As {@link #deliver(EventConsumer, String)} for an event the caller has already parsed from {@code payload}. */
    public Delivery deliver(EventConsumer consumer, CloudEvent event, String payload) {
        Delivery delivery = RequestScope.call(() -> applyOne(consumer, event, payload));
        count(consumer, delivery.outcome());
        return delivery;
    }

    private Delivery applyOne(EventConsumer consumer, CloudEvent event, String payload) {
        try {
            return new Delivery(QuarkusTransaction.requiringNew().call(() -> {
                if (!idempotent.firstDelivery(consumer.name(), event.id())) {
                    return Outcome.DUPLICATE;
                }
                consumer.apply(event);
                if (em.createNativeQuery("DELETE FROM parked_event WHERE consumer = ?1 AND event_id = ?2")
                        .setParameter(1, consumer.name()).setParameter(2, event.id()).executeUpdate() > 0) {
                    // the aggregate's later events waited behind this one: they are due now
                    em.createNativeQuery("UPDATE parked_event SET next_attempt = now() WHERE consumer = ?1 "
                                    + "AND aggregate_key = ?2")
                            .setParameter(1, consumer.name()).setParameter(2, aggregateKey(event)).executeUpdate();
                }
                return Outcome.APPLIED;
            }), null);
        } catch (RuntimeException e) {
            EventRefused refused = refusal(e);
            if (refused == null) {
                return new Delivery(Outcome.PARKED, park(consumer, event, payload, e));
            }
            LOG.warnf("%s refused event %s (%s) from %s: %s", consumer.name(), event.id(), event.type(),
                    event.origininstance(), refused.getMessage());
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                            "DELETE FROM parked_event WHERE consumer = ?1 AND event_id = ?2")
                    .setParameter(1, consumer.name()).setParameter(2, event.id()).executeUpdate());
            return new Delivery(Outcome.REFUSED, refused.getMessage());
        }
    }

    private static EventRefused refusal(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof EventRefused refused) {
                return refused;
            }
        }
        return null;
    }

    /** The key under which an aggregate's parked events wait: its origin instance and its id. */
    public static String aggregateKey(CloudEvent event) {
        return event.origininstance() + "/" + event.aggregateKey();
    }

    /** True when any event is parked for the consumer (one cheap look before a batch). */
    public boolean anyParked(EventConsumer consumer) {
        return !em.createNativeQuery("SELECT 1 FROM parked_event WHERE consumer = ?1 LIMIT 1")
                .setParameter(1, consumer.name()).getResultList().isEmpty();
    }

    /**
     * True when an earlier event (a lower version) of the same aggregate is parked for this consumer: the event must
     * wait behind it, so that one aggregate's events apply in order. Call inside the applying transaction.
     */
    public boolean waitingBehindParked(EventConsumer consumer, CloudEvent event) {
        return !em.createNativeQuery("""
                        SELECT 1 FROM parked_event WHERE consumer = ?1 AND aggregate_key = ?2 AND event_id <> ?3
                            AND aggregate_version < ?4 LIMIT 1""")
                .setParameter(1, consumer.name()).setParameter(2, aggregateKey(event)).setParameter(3, event.id())
                .setParameter(4, event.aggregateversion()).getResultList().isEmpty();
    }

    private String park(EventConsumer consumer, CloudEvent event, String payload, RuntimeException e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String error = root.getClass().getSimpleName() + ": " + root.getMessage();
        LOG.warnf("%s parked event %s (%s): %s", consumer.name(), event.id(), event.type(), error);
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                        INSERT INTO parked_event (consumer, event_id, event_type, payload, error, next_attempt,
                            aggregate_key, aggregate_version)
                        VALUES (?1, ?2, ?3, ?4, ?5, now() + interval '5 seconds', ?6, ?7)
                        ON CONFLICT (consumer, event_id) DO UPDATE SET error = excluded.error,
                            attempts = parked_event.attempts + 1,
                            next_attempt = now() + least(interval '5 seconds' * power(2, parked_event.attempts), interval '10 minutes')""")
                .setParameter(1, consumer.name()).setParameter(2, event.id()).setParameter(3, event.type())
                .setParameter(4, payload).setParameter(5, error).setParameter(6, aggregateKey(event))
                .setParameter(7, event.aggregateversion()).executeUpdate());
        return error;
    }

    /** Retries parked events whose time has come (also callable from tests and operations). */
    @Scheduled(every = "${nq57.events.parked-retry-interval:10s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    public void retryParked() {
        @SuppressWarnings("unchecked")
        List<Object[]> due = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                        "SELECT consumer, payload FROM parked_event WHERE next_attempt <= ?1 ORDER BY parked_at, aggregate_version LIMIT 200")
                .setParameter(1, OffsetDateTime.now(ZoneOffset.UTC)).getResultList());
        for (Object[] row : due) {
            String name = (String) row[0];
            consumers.stream().filter(c -> c.name().equals(name)).findFirst()
                    .ifPresent(c -> receive(c, (String) row[1]));
        }
    }

    /** How many events are parked for a consumer (for health and tests). */
    public long parked(String consumer) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "SELECT count(*) FROM parked_event WHERE consumer = ?1").setParameter(1, consumer).getSingleResult()).longValue());
    }

    private void count(EventConsumer consumer, Outcome outcome) {
        registry.counter("nq57.events.consumed", "consumer", consumer.name(), "outcome", outcome.name().toLowerCase()).increment();
    }
}
