package vn.nq57.platform.federation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;
import vn.nq57.platform.jobs.BackgroundJob;
import vn.nq57.platform.outbox.Outbox;

/**
 * Up: a ministry instance's own events (marked {@code forward} in the outbox when written) go to the same service at
 * central, {@code POST /api/v1/federation/events}, in batches in commit order. An event is marked forwarded only once
 * central has answered for it, in the same transaction that moves the cursor; so a crash between central's answer
 * and the mark re-sends the batch, and central drops what it already has by event id. While central is unreachable
 * the events wait in the outbox (retention never removes an unforwarded event) and the forwarder backs off.
 */
@ApplicationScoped
public class FederationForwarder {

    private static final Logger LOG = Logger.getLogger(FederationForwarder.class);
    private static final long LOCK_KEY = 5_757_003L;

    @Inject
    EntityManager em;

    @Inject
    Federation federation;

    @Inject
    FederationConfig config;

    @Inject
    CentralClient central;

    @Inject
    FederationState state;

    @Inject
    FederationConflicts conflicts;

    @Inject
    ObjectMapper mapper;

    @Inject
    MeterRegistry registry;

    private final AtomicLong pending = new AtomicLong();
    private final AtomicLong oldestPendingSeconds = new AtomicLong();
    private final BackgroundJob job = new BackgroundJob("nq57-federation-forwarder", this::tick, () -> config.maxBackoff());
    /** Events per post: the configured batch size, halved while central (or a proxy before it) says 413 too large. */
    private volatile int limit;

    /** What one round did. */
    public record Round(int sent, int rejected, long cursor) {
    }

    @PostConstruct
    void metrics() {
        limit = config.batchSize();
        registry.gauge("nq57.federation.forward.pending", pending);
        registry.gauge("nq57.federation.forward.oldest.pending.seconds", oldestPendingSeconds);
    }

    @Scheduled(every = "${nq57.federation.forward-interval:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void tick() {
        if (!federation.isMinistry() || !central.configured() || !job.due()) {
            return;
        }
        try {
            Round round;
            do {
                round = forwardOnce();
            } while (round.sent() > 0 && round.sent() == limit);
            job.succeeded();
        } catch (RuntimeException e) {
            Duration wait = job.failed();
            LOG.warnf("Federation forwarder: central not reached, next attempt in %s: %s", wait, e.getMessage());
            state.failed(FederationState.FORWARDER, String.valueOf(e.getMessage()));
        }
    }

    /** Sends one batch of pending events to central and records its answers; also the on-demand path. */
    public Round forwardOnce() {
        return QuarkusTransaction.requiringNew().timeout((int) config.requestTimeout().toSeconds() * 2 + 30).call(this::batch);
    }

    /** The pending events read for one batch: their JSON in outbox order, and each one's outbox position by id. */
    private record Pending(List<JsonNode> events, Map<String, Long> seqById) {
    }

    private Round batch() {
        Boolean locked = (Boolean) em.createNativeQuery("SELECT pg_try_advisory_xact_lock(?1)")
                .setParameter(1, LOCK_KEY).getSingleResult();
        if (!Boolean.TRUE.equals(locked)) {
            return new Round(0, 0, -1);
        }
        refreshLag();
        Pending batch = pending();
        if (batch.events().isEmpty()) {
            return new Round(0, 0, -1);
        }
        return record(batch, send(batch.events()));
    }

    @SuppressWarnings("unchecked")
    private Pending pending() {
        List<Object[]> rows = em.createNativeQuery("""
                        SELECT id, seq, payload FROM outbox WHERE forward AND forwarded_at IS NULL ORDER BY seq LIMIT ?1""")
                .setParameter(1, limit).getResultList();
        List<JsonNode> events = new ArrayList<>(rows.size());
        Map<String, Long> seqById = new HashMap<>();
        for (Object[] row : rows) {
            try {
                events.add(mapper.readTree((String) row[2]));
            } catch (java.io.IOException e) {
                throw new IllegalStateException("outbox row " + row[0] + " holds no JSON", e);
            }
            seqById.put(row[0].toString(), ((Number) row[1]).longValue());
        }
        return new Pending(events, seqById);
    }

    /** Posts the batch; a batch central finds too large halves the batch size for the next rounds. */
    private JsonNode send(List<JsonNode> events) {
        try {
            // with what is left to send once this batch is answered (central keeps it to tell an admin whether the
            // instance has drained, e.g. before retiring it)
            long left = Math.max(0, pending.get() - events.size());
            return central.callOnce("sending " + events.size() + " events",
                    api -> api.events(Map.of("events", events), left, oldestPendingSeconds.get()));
        } catch (CentralClient.CentralUnavailable e) {
            if (e.status() == 413 && events.size() > 1) {
                limit = Math.max(1, events.size() / 2);
                LOG.warnf("Central refused a batch of %d events as too large; sending %d per batch", events.size(),
                        limit);
            }
            throw e;
        }
    }

    /** Marks each event central answered for as forwarded with its answer; a refused one becomes a conflict here. */
    private Round record(Pending batch, JsonNode answer) {
        int sent = 0;
        int rejected = 0;
        long cursor = 0;
        for (JsonNode result : answer.path("results")) {
            String id = result.path("id").asText();
            Long seq = batch.seqById().get(id);
            if (seq == null) {
                continue;
            }
            String status = result.path("status").asText();
            String reason = result.hasNonNull("reason") ? result.path("reason").asText() : null;
            String outcome = status + (reason != null ? ": " + reason : "");
            if ("REJECTED".equals(status) || "INVALID".equals(status)) {
                rejected++;
                LOG.errorf("Central refused event %s (outbox seq %d): %s", id, seq, outcome);
                conflicts.refusedByCentral(java.util.UUID.fromString(id), status, reason);
            }
            em.createNativeQuery("UPDATE outbox SET forwarded_at = now(), forward_result = ?2 WHERE id = ?1")
                    .setParameter(1, java.util.UUID.fromString(id))
                    .setParameter(2, outcome.length() > 400 ? outcome.substring(0, 400) : outcome).executeUpdate();
            registry.counter("nq57.federation.forwarded", "status", status.toLowerCase()).increment();
            cursor = Math.max(cursor, seq);
            sent++;
        }
        state.succeeded(FederationState.FORWARDER, cursor, sent, rejected);
        if (sent < batch.events().size()) {
            LOG.warnf("Central answered for %d of %d events; the rest is sent again", sent, batch.events().size());
        }
        return new Round(sent, rejected, cursor);
    }

    private void refreshLag() {
        Object[] row = (Object[]) em.createNativeQuery("""
                        SELECT count(*), coalesce(extract(epoch FROM now() - min(created_at)), 0)
                        FROM outbox WHERE forward AND forwarded_at IS NULL""").getSingleResult();
        pending.set(((Number) row[0]).longValue());
        oldestPendingSeconds.set(((Number) row[1]).longValue());
    }

    /** Events not yet answered by central, and the age of the oldest in seconds. */
    public long[] lag() {
        QuarkusTransaction.requiringNew().run(this::refreshLag);
        return new long[] {pending.get(), oldestPendingSeconds.get()};
    }

    /**
     * Sends again every own event after outbox position {@code from} (still in the outbox; retention keeps forwarded
     * events for {@code nq57.outbox.retention}); central drops those it already has. Returns how many will be sent.
     */
    public int resendFrom(long from) {
        int count = QuarkusTransaction.joiningExisting().call(() -> {
            int n = em.createNativeQuery("""
                            UPDATE outbox SET forwarded_at = NULL, forward_result = NULL WHERE forward AND seq > ?1""")
                    .setParameter(1, from).executeUpdate();
            state.reset(FederationState.FORWARDER, from);
            return n;
        });
        job.retryNow();
        return count;
    }

    /** After a commit that stored events to forward: forward now rather than at the next round (unless backing off). */
    void onCommitted(@Observes Outbox.Committed committed) {
        if (committed.forward()) {
            job.wake();
        }
    }

    @PreDestroy
    void stop() {
        job.close();
    }

    /** Lets the forwarder try at once (operations, tests). */
    public void wake() {
        job.retryNow();
    }
}
