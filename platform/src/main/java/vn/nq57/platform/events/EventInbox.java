package vn.nq57.platform.events;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
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
    public enum Outcome { APPLIED, DUPLICATE, PARKED, MALFORMED }

    public Outcome receive(EventConsumer consumer, String payload) {
        CloudEvent event;
        try {
            event = idempotent.parse(payload);
        } catch (IllegalArgumentException e) {
            LOG.warnf("%s dropped a payload that is not a CloudEvent: %s", consumer.name(), e.getMessage());
            count(consumer, Outcome.MALFORMED);
            return Outcome.MALFORMED;
        }
        Outcome outcome;
        // an event is applied outside any HTTP request: give it a request context of its own, in which the caller
        // (for audit) is the system
        ManagedContext requestContext = Arc.container().requestContext();
        boolean activated = !requestContext.isActive();
        if (activated) {
            requestContext.activate();
        }
        try {
            outcome = QuarkusTransaction.requiringNew().call(() -> {
                if (!idempotent.firstDelivery(consumer.name(), event.id())) {
                    return Outcome.DUPLICATE;
                }
                consumer.apply(event);
                em.createNativeQuery("DELETE FROM parked_event WHERE consumer = ?1 AND event_id = ?2")
                        .setParameter(1, consumer.name()).setParameter(2, event.id()).executeUpdate();
                return Outcome.APPLIED;
            });
        } catch (RuntimeException e) {
            park(consumer, event, payload, e);
            outcome = Outcome.PARKED;
        } finally {
            if (activated) {
                requestContext.terminate();
            }
        }
        count(consumer, outcome);
        return outcome;
    }

    private void park(EventConsumer consumer, CloudEvent event, String payload, RuntimeException e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String error = root.getClass().getSimpleName() + ": " + root.getMessage();
        LOG.warnf("%s parked event %s (%s): %s", consumer.name(), event.id(), event.type(), error);
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                        INSERT INTO parked_event (consumer, event_id, event_type, payload, error, next_attempt)
                        VALUES (?1, ?2, ?3, ?4, ?5, now() + interval '5 seconds')
                        ON CONFLICT (consumer, event_id) DO UPDATE SET error = excluded.error,
                            attempts = parked_event.attempts + 1,
                            next_attempt = now() + least(interval '5 seconds' * power(2, parked_event.attempts), interval '10 minutes')""")
                .setParameter(1, consumer.name()).setParameter(2, event.id()).setParameter(3, event.type())
                .setParameter(4, payload).setParameter(5, error).executeUpdate());
    }

    /** Retries parked events whose time has come (also callable from tests and operations). */
    @Scheduled(every = "${nq57.events.parked-retry-interval:10s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    public void retryParked() {
        @SuppressWarnings("unchecked")
        List<Object[]> due = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                        "SELECT consumer, payload FROM parked_event WHERE next_attempt <= ?1 ORDER BY parked_at LIMIT 200")
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
