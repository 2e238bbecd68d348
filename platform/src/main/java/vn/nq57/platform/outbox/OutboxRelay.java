package vn.nq57.platform.outbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import vn.nq57.platform.events.IdempotentConsumer;
import vn.nq57.platform.jobs.BackgroundJob;

/**
 * Publishes committed outbox events in commit order ({@code seq}), keyed by aggregate id so that one aggregate's
 * events keep their order in its partition. One relay works at a time across replicas (a PostgreSQL advisory lock).
 * While the broker fails, events stay pending and the relay backs off exponentially up to a minute; the first
 * failed event stops the batch so that nothing overtakes it.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final long LOCK_KEY = 5_757_001L;

    @Inject
    EntityManager em;

    @Inject
    EventSender sender;

    @Inject
    MeterRegistry registry;

    @ConfigProperty(name = "nq57.outbox.batch-size", defaultValue = "500")
    int batchSize;

    @ConfigProperty(name = "nq57.outbox.send-timeout", defaultValue = "PT40S")
    Duration sendTimeout;

    @ConfigProperty(name = "nq57.outbox.max-backoff", defaultValue = "PT1M")
    Duration maxBackoff;

    @ConfigProperty(name = "nq57.outbox.retention", defaultValue = "P7D")
    Duration retention;

    /** Relay right after each commit that stored events (else only every relay-interval). */
    @ConfigProperty(name = "nq57.outbox.wake-on-commit", defaultValue = "true")
    boolean wakeOnCommit;

    private static final long LAG_EVERY = TimeUnit.SECONDS.toNanos(1);
    private final AtomicLong pending = new AtomicLong();
    private volatile long lagCountedAt = System.nanoTime() - LAG_EVERY;
    private final AtomicLong oldestPendingSeconds = new AtomicLong();
    private Counter published;
    private Counter failures;
    private final BackgroundJob job = new BackgroundJob("nq57-outbox-relay", this::tick, () -> maxBackoff);

    @PostConstruct
    void metrics() {
        registry.gauge("nq57.outbox.pending", pending);
        registry.gauge("nq57.outbox.oldest.pending.seconds", oldestPendingSeconds);
        published = registry.counter("nq57.outbox.published");
        failures = registry.counter("nq57.outbox.failures");
    }

    @Scheduled(every = "${nq57.outbox.relay-interval:100ms}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void tick() {
        if (!job.due()) {
            return;
        }
        try {
            int sent;
            do {
                sent = relayOnce();
            } while (sent == batchSize && !job.backingOff());
        } catch (RuntimeException e) {
            LOG.warnf("Outbox relay failed: %s", e.toString());
            failed();
        }
    }

    /**
     * Relays now, on a thread of its own (called after a transaction that stored events commits); kicks that arrive
     * while one is waiting to run are merged into it.
     */
    public void kick() {
        if (wakeOnCommit) {
            job.wake();
        }
    }

    @PreDestroy
    void stop() {
        job.close();
    }

    /** Publishes one batch; returns how many events were published. */
    public int relayOnce() {
        return QuarkusTransaction.requiringNew().timeout((int) sendTimeout.toSeconds() + 30).call(this::batch);
    }

    /** An unpublished event as the relay needs it (read as columns: no entity to hydrate and check at commit). */
    private record Unsent(String id, String topic, String key, String payload, String type, int attempts) {
    }

    private int batch() {
        // Long method: one batch's steps (lock, read, send, wait for each acknowledgement in order, mark) in order.
        Boolean locked = (Boolean) em.createNativeQuery("SELECT pg_try_advisory_xact_lock(?1)")
                .setParameter(1, LOCK_KEY).getSingleResult();
        if (!Boolean.TRUE.equals(locked)) {
            return 0;
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        SELECT cast(id AS text), topic, aggregate_id, payload, event_type, attempts FROM outbox
                        WHERE published_at IS NULL ORDER BY seq LIMIT ?1""")
                .setParameter(1, batchSize).getResultList();
        List<Unsent> batch = rows.stream().map(r -> new Unsent((String) r[0], (String) r[1], (String) r[2],
                (String) r[3], (String) r[4], ((Number) r[5]).intValue())).toList();
        List<CompletableFuture<Void>> acks = new ArrayList<>(batch.size());
        for (Unsent event : batch) {
            acks.add(sender.send(event.topic(), event.key(), event.payload()).toCompletableFuture());
        }
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        List<String> done = new ArrayList<>();
        long deadline = System.nanoTime() + sendTimeout.toNanos();
        for (int i = 0; i < batch.size(); i++) {
            Unsent event = batch.get(i);
            try {
                acks.get(i).get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                done.add(event.id());
            } catch (Exception e) {
                Throwable cause = e instanceof java.util.concurrent.ExecutionException ? e.getCause() : e;
                em.createNativeQuery("UPDATE outbox SET attempts = attempts + 1, last_error = ?2 WHERE id = cast(?1 AS uuid)")
                        .setParameter(1, event.id()).setParameter(2, String.valueOf(cause)).executeUpdate();
                LOG.warnf("Outbox event %s (%s) not published, attempt %d: %s", event.id(), event.type(),
                        event.attempts() + 1, cause);
                break;
            }
        }
        if (!done.isEmpty()) {
            em.createNativeQuery("""
                            UPDATE outbox SET published_at = ?1
                            WHERE id IN (SELECT cast(jsonb_array_elements_text(cast(?2 AS jsonb)) AS uuid))""")
                    .setParameter(1, now).setParameter(2, IdempotentConsumer.jsonArray(done)).executeUpdate();
            published.increment(done.size());
        }
        if (done.size() < batch.size()) {
            failed();
        } else {
            job.succeeded();
        }
        // the gauges are counted again at the end of a round, and at most once a second during a long one
        if (batch.size() < batchSize || System.nanoTime() - lagCountedAt > LAG_EVERY) {
            refreshLag();
            lagCountedAt = System.nanoTime();
        }
        return done.size();
    }

    private void failed() {
        failures.increment();
        job.failed();
    }

    private void refreshLag() {
        Object[] row = (Object[]) em.createNativeQuery("SELECT count(*), coalesce(extract(epoch FROM now() - "
                + "min(created_at)), 0) FROM outbox WHERE published_at IS NULL").getSingleResult();
        pending.set(((Number) row[0]).longValue());
        oldestPendingSeconds.set(((Number) row[1]).longValue());
    }

    /** Lets the relay try again at once (after the broker is back, or in tests). */
    public void resetBackoff() {
        job.retryNow();
    }

    public long pendingCount() {
        return ((Number) em.createNativeQuery("SELECT count(*) FROM outbox WHERE published_at IS NULL")
                .getSingleResult()).longValue();
    }

    @Scheduled(every = "1h", delayed = "10m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void purgePublished() {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                        "DELETE FROM outbox WHERE published_at IS NOT NULL AND published_at < ?1 "
                                + "AND (NOT forward OR forwarded_at IS NOT NULL)")
                .setParameter(1, OffsetDateTime.now(ZoneOffset.UTC).minus(retention)).executeUpdate());
    }
}
