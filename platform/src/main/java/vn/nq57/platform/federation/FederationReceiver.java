package vn.nq57.platform.federation;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jboss.logging.Logger;
import vn.nq57.platform.events.CloudEvent;
import vn.nq57.platform.events.EventConsumer;
import vn.nq57.platform.events.EventInbox;
import vn.nq57.platform.events.IdempotentConsumer;

/**
 * Central's side of the up direction: takes a ministry's batch of events and answers per event. Each event must
 * have the sender as its origin (else REJECTED and logged); a known event id is a DUPLICATE; a version not newer
 * than the last one applied for its aggregate is SUPERSEDED; an event that cannot apply yet is PARKED (retried by the
 * platform's inbox, and later events of its aggregate wait behind it); the service's {@link FederatedEventHandler}
 * applies the rest (APPLIED) or refuses them (REJECTED); types no handler takes are IGNORED.
 */
@ApplicationScoped
public class FederationReceiver implements EventConsumer {

    private static final Logger LOG = Logger.getLogger(FederationReceiver.class);
    public static final String CONSUMER = "federation";

    /** The answer for one event. */
    @Schema(name = "FederatedEventStatus", description = "Central's answer to one forwarded event")
    public enum Status { APPLIED, DUPLICATE, SUPERSEDED, IGNORED, PARKED, REJECTED, INVALID }

    @Schema(name = "FederatedEventResult", description = "The answer to one event of a batch")
    public record Result(String id, String type, String subject, Long version, Status status, String reason) {
    }

    @Schema(name = "FederationAnswer", description = "Central's answer to a batch: counts per status and one result per event")
    public record Answer(int received, Map<Status, Integer> totals, List<Result> results) {
    }

    @Inject
    EventInbox inbox;

    @Inject
    IdempotentConsumer idempotent;

    @Inject
    Instance<FederatedEventHandler> handlers;

    @Inject
    EntityManager em;

    @Inject
    Federation federation;

    @Inject
    MeterRegistry registry;

    @Inject
    FederationConflicts conflicts;

    @Inject
    Commissioning commissioning;

    private final ThreadLocal<Status> applied = new ThreadLocal<>();
    /** Set while a batch runs in which no event of the sender's is parked: the per-event look is skipped. */
    private final ThreadLocal<Boolean> nothingParked = new ThreadLocal<>();
    private final Map<String, ReentrantLock> senders = new ConcurrentHashMap<>();
    /** The handler of each event type (empty: IGNORED), resolved once. */
    private final Map<String, Optional<FederatedEventHandler>> handlerByType = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> lagMillis = new ConcurrentHashMap<>();

    @Override
    public String name() {
        return CONSUMER;
    }

    /** Applies one event inside the inbox's transaction (also the path of parked retries). */
    @Override
    public void apply(CloudEvent event) {
        if (!Boolean.TRUE.equals(nothingParked.get()) && inbox.waitingBehindParked(this, event)) {
            throw new IllegalStateException("waits behind an earlier parked event of " + event.subject());
        }
        List<?> last = em.createNativeQuery("""
                        SELECT version FROM federated_aggregate WHERE origin = ?1 AND aggregate_id = ?2 FOR UPDATE""")
                .setParameter(1, event.origininstance()).setParameter(2, event.aggregateKey()).getResultList();
        if (!last.isEmpty() && event.aggregateversion() <= ((Number) last.get(0)).longValue()) {
            applied.set(Status.SUPERSEDED);
            return;
        }
        FederatedEventHandler handler = handlerByType.computeIfAbsent(event.type(),
                type -> handlers.stream().filter(h -> h.handles(type)).findFirst()).orElse(null);
        if (handler == null) {
            applied.set(Status.IGNORED);
            return;
        }
        handler.apply(event);
        em.createNativeQuery("""
                        INSERT INTO federated_aggregate (origin, aggregate_id, version, event_type) VALUES (?1, ?2, ?3, ?4)
                        ON CONFLICT (origin, aggregate_id) DO UPDATE SET version = excluded.version,
                            event_type = excluded.event_type, applied_at = now()""")
                .setParameter(1, event.origininstance()).setParameter(2, event.aggregateKey())
                .setParameter(3, event.aggregateversion()).setParameter(4, event.type()).executeUpdate();
        applied.set(Status.APPLIED);
    }

    /**
     * Applies an event central refused before and a central admin accepted, in the caller's transaction: the same
     * ordering and version rules as on receipt (throws {@link vn.nq57.platform.events.EventRefused} if it still
     * cannot apply).
     */
    void applyAccepted(CloudEvent event) {
        nothingParked.set(true);
        try {
            apply(event);
        } finally {
            nothingParked.remove();
            applied.remove();
        }
    }

    /**
     * Takes the batch {@code sender} (the instance of the caller's token) posted; {@code agency} is the agency its
     * token reports for, recorded first so that the services' handlers (and later retries of parked events) check
     * against it.
     */
    public Answer receive(String sender, String agency, List<JsonNode> events, Long pendingAtOrigin) {
        // one batch of a sender at a time (a forwarder that timed out may send again while the first still applies),
        // so that the look for parked events below holds for the whole batch
        ReentrantLock lock = senders.computeIfAbsent(sender,
                s -> new ReentrantLock());
        String agencyCode = agency.toUpperCase(Locale.ROOT);
        lock.lock();
        try {
            federation.beginBatch(sender, agencyCode);
            nothingParked.set(!QuarkusTransaction.requiringNew().call(() -> {
                em.createNativeQuery("""
                                INSERT INTO federation_origin (origin, agency) VALUES (?1, ?2)
                                ON CONFLICT (origin) DO UPDATE SET agency = excluded.agency
                                WHERE federation_origin.agency IS DISTINCT FROM excluded.agency""")
                        .setParameter(1, sender).setParameter(2, agencyCode)
                        .executeUpdate();
                return inbox.anyParked(this);
            }));
            boolean retired = QuarkusTransaction.requiringNew().call(() -> commissioning.retired(sender));
            return receiveLocked(sender, events, pendingAtOrigin, retired);
        } finally {
            nothingParked.remove();
            federation.endBatch();
            lock.unlock();
        }
    }

    private Answer receiveLocked(String sender, List<JsonNode> events, Long pendingAtOrigin, boolean retired) {
        List<Result> results = new ArrayList<>(events.size());
        Map<Status, Integer> totals = new EnumMap<>(Status.class);
        OffsetDateTime lastEventTime = null;
        String lastRejection = null;
        List<FederationConflicts.Refused> refused = new ArrayList<>();
        // the fast path: the whole batch in one transaction; when any event of it needs an answer of its own
        // (invalid, refused, cannot apply yet) or something waits parked, event by event as before
        List<Result> together = retired || !Boolean.TRUE.equals(nothingParked.get()) ? null
                : applyTogether(sender, events);
        for (int n = 0; n < events.size(); n++) {
            JsonNode node = events.get(n);
            Result result = retired ? new Result(node.path("id").asText(null), node.path("type").asText(null),
                    node.path("subject").asText(null), null, Status.REJECTED, "instance '" + sender + "' was retired: "
                    + "its data is central's own again; make the change at central")
                    : together != null ? together.get(n) : one(sender, node);
            if (result.status() == Status.PARKED) {
                nothingParked.remove(); // later events of its aggregate must now wait behind it
            }
            results.add(result);
            totals.merge(result.status(), 1, Integer::sum);
            if (result.status() == Status.REJECTED || result.status() == Status.INVALID) {
                lastRejection = result.id() + " " + result.status() + ": " + result.reason();
                refused.add(new FederationConflicts.Refused(uuid(result.id()), aggregateType(node),
                        node.path("subject").asText(null), node.path("type").asText(null), result.status().name(),
                        result.reason(), node.toString()));
            }
            OffsetDateTime time = time(node);
            if (time != null && (lastEventTime == null || time.isAfter(lastEventTime))) {
                lastEventTime = time;
            }
        }
        totals.forEach((status, n) -> registry.counter("nq57.federation.received", Tags.of("origin", sender, "status",
                status.name().toLowerCase(Locale.ROOT))).increment(n));
        record(sender, totals, events.size(), lastEventTime, pendingAtOrigin, lastRejection);
        if (!refused.isEmpty()) {
            conflicts.refused(sender, refused);
        }
        return new Answer(events.size(), totals, results);
    }

    /**
     * Applies a batch in one transaction: duplicates found with one statement, the versions of its aggregates locked
     * with one, each consecutive run of events of one service's handler applied together ({@link
     * FederatedEventHandler#applyAll}), the new versions written with one. The same rules as event by event:
     * origin checked, duplicates and superseded versions dropped, order kept. Null (nothing written) when an event
     * must be answered on its own: the caller then applies the batch event by event.
     */
    private List<Result> applyTogether(String sender, List<JsonNode> nodes) {
        if (nodes.size() < 2) {
            return null;
        }
        List<CloudEvent> parsed = new ArrayList<>(nodes.size());
        for (JsonNode node : nodes) {
            CloudEvent event;
            try {
                event = idempotent.parse(node);
            } catch (IllegalArgumentException e) {
                return null;
            }
            if (event.subject() == null || event.origininstance() == null || !sender.equals(event.origininstance())
                    || federation.instanceId().equals(event.origininstance())) {
                return null;
            }
            parsed.add(event);
        }
        return EventInbox.together("Federation: a batch of " + sender + " is applied event by event",
                () -> applyAll(sender, parsed));
    }

    private List<Result> applyAll(String sender, List<CloudEvent> events) {
        // Long method: most of its length is its SQL.
        java.util.Set<String> fresh = idempotent.firstDeliveries(CONSUMER,
                IdempotentConsumer.jsonArray(events.stream().map(CloudEvent::id).toList()));
        Map<String, Long> versions = new java.util.HashMap<>();
        @SuppressWarnings("unchecked")
        List<Object[]> held = em.createNativeQuery("""
                        SELECT aggregate_id, version FROM federated_aggregate
                        WHERE origin = ?1 AND aggregate_id IN (SELECT jsonb_array_elements_text(cast(?2 AS jsonb)))
                        ORDER BY aggregate_id FOR UPDATE""")
                .setParameter(1, sender).setParameter(2, IdempotentConsumer.jsonArray(
                        events.stream().map(CloudEvent::aggregateKey).toList())).getResultList();
        held.forEach(r -> versions.put((String) r[0], ((Number) r[1]).longValue()));
        List<Result> results = new ArrayList<>(events.size());
        Map<String, CloudEvent> latest = new java.util.LinkedHashMap<>();
        List<CloudEvent> run = new ArrayList<>();
        FederatedEventHandler runHandler = null;
        for (CloudEvent event : events) {
            if (!fresh.remove(event.id())) {
                results.add(result(event, Status.DUPLICATE, null));
                continue;
            }
            Long last = versions.get(event.aggregateKey());
            if (last != null && event.aggregateversion() <= last) {
                results.add(result(event, Status.SUPERSEDED, null));
                continue;
            }
            FederatedEventHandler handler = handlerByType.computeIfAbsent(event.type(),
                    type -> handlers.stream().filter(h -> h.handles(type)).findFirst()).orElse(null);
            if (handler == null) {
                results.add(result(event, Status.IGNORED, null));
                continue;
            }
            if (handler != runHandler && !run.isEmpty()) {
                runHandler.applyAll(List.copyOf(run));
                run.clear();
            }
            runHandler = handler;
            run.add(event);
            versions.put(event.aggregateKey(), event.aggregateversion());
            latest.put(event.aggregateKey(), event);
            results.add(result(event, Status.APPLIED, null));
        }
        if (!run.isEmpty()) {
            runHandler.applyAll(List.copyOf(run));
        }
        if (!latest.isEmpty()) {
            com.fasterxml.jackson.databind.node.ArrayNode rows = com.fasterxml.jackson.databind.node.JsonNodeFactory
                    .instance.arrayNode();
            latest.values().forEach(e -> rows.addObject().put("k", e.aggregateKey())
                    .put("v", e.aggregateversion()).put("t", e.type()));
            em.createNativeQuery("""
                            INSERT INTO federated_aggregate (origin, aggregate_id, version, event_type)
                            SELECT ?1, r ->> 'k', (r ->> 'v')::bigint, r ->> 't' FROM jsonb_array_elements(cast(?2 AS jsonb)) r
                            ON CONFLICT (origin, aggregate_id) DO UPDATE SET version = excluded.version,
                                event_type = excluded.event_type, applied_at = now()""")
                    .setParameter(1, sender).setParameter(2, rows.toString()).executeUpdate();
        }
        long duplicates = results.stream().filter(r -> r.status() == Status.DUPLICATE).count();
        registry.counter("nq57.events.consumed", "consumer", CONSUMER, "outcome", "duplicate").increment(duplicates);
        registry.counter("nq57.events.consumed", "consumer", CONSUMER, "outcome", "applied")
                .increment(results.size() - duplicates);
        return results;
    }

    /** The event's aggregatetype, else the noun of its type (nq57.initiative.updated.v1: initiative). */
    private static String aggregateType(JsonNode node) {
        String declared = node.path("aggregatetype").asText(null);
        if (declared != null) {
            return declared;
        }
        String[] parts = node.path("type").asText("").split("\\.");
        return parts.length >= 3 ? parts[1] : null;
    }

    /** An event id as a UUID, or null when it is none (an INVALID event may carry anything). */
    private static java.util.UUID uuid(String id) {
        try {
            return id == null ? null : java.util.UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private Result one(String sender, JsonNode node) {
        String payload = node.toString();
        CloudEvent event;
        try {
            event = idempotent.parse(payload);
        } catch (IllegalArgumentException e) {
            return new Result(node.path("id").asText(null), node.path("type").asText(null), null, null, Status.INVALID,
                    e.getMessage());
        }
        if (event.subject() == null || event.origininstance() == null) {
            return result(event, Status.INVALID, "subject and origininstance are required");
        }
        if (!sender.equals(event.origininstance()) || federation.instanceId().equals(event.origininstance())) {
            String reason = "origin '" + event.origininstance() + "' is not the sending instance '" + sender + "'";
            LOG.warnf("Federation: refused event %s (%s) from %s: %s", event.id(), event.type(), sender, reason);
            return result(event, Status.REJECTED, reason);
        }
        applied.remove();
        EventInbox.Delivery delivery = inbox.deliver(this, event, payload);
        Status status = switch (delivery.outcome()) {
            case APPLIED -> applied.get() == null ? Status.APPLIED : applied.get();
            case DUPLICATE -> Status.DUPLICATE;
            case PARKED -> Status.PARKED;
            case REFUSED -> Status.REJECTED;
            case MALFORMED -> Status.INVALID;
        };
        applied.remove();
        return result(event, status, delivery.reason());
    }

    private static Result result(CloudEvent event, Status status, String reason) {
        return new Result(event.id(), event.type(), event.subject(), event.aggregateversion(), status, reason);
    }

    private void record(String origin, Map<Status, Integer> totals, int received, OffsetDateTime lastEventTime,
                        Long pendingAtOrigin, String lastRejection) {
        Long lag = lastEventTime == null ? null
                : Duration.between(lastEventTime, OffsetDateTime.now(ZoneOffset.UTC)).toMillis();
        if (lag != null) {
            lagMillis.computeIfAbsent(origin, o -> registry.gauge("nq57.federation.origin.lag.ms",
                    Tags.of("origin", o), new AtomicLong())).set(lag);
        }
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                        INSERT INTO federation_origin (origin, last_received_at, last_event_time, last_lag_ms,
                            pending_at_origin, received, applied, duplicates, superseded, ignored, parked, rejected,
                            last_rejection, last_rejection_at)
                        VALUES (?1, now(), ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, CASE WHEN ?13 THEN now() END)
                        ON CONFLICT (origin) DO UPDATE SET last_received_at = now(),
                            last_event_time = coalesce(greatest(federation_origin.last_event_time, excluded.last_event_time),
                                federation_origin.last_event_time),
                            last_lag_ms = coalesce(excluded.last_lag_ms, federation_origin.last_lag_ms),
                            pending_at_origin = coalesce(excluded.pending_at_origin, federation_origin.pending_at_origin),
                            received = federation_origin.received + excluded.received,
                            applied = federation_origin.applied + excluded.applied,
                            duplicates = federation_origin.duplicates + excluded.duplicates,
                            superseded = federation_origin.superseded + excluded.superseded,
                            ignored = federation_origin.ignored + excluded.ignored,
                            parked = federation_origin.parked + excluded.parked,
                            rejected = federation_origin.rejected + excluded.rejected,
                            last_rejection = coalesce(excluded.last_rejection, federation_origin.last_rejection),
                            last_rejection_at = coalesce(excluded.last_rejection_at, federation_origin.last_rejection_at)""")
                .unwrap(org.hibernate.query.NativeQuery.class)
                .setParameter(1, origin).setParameter(2, lastEventTime, OffsetDateTime.class)
                .setParameter(3, lag, Long.class)
                .setParameter(4, pendingAtOrigin, Long.class).setParameter(5, received)
                .setParameter(6, totals.getOrDefault(Status.APPLIED, 0))
                .setParameter(7, totals.getOrDefault(Status.DUPLICATE, 0))
                .setParameter(8, totals.getOrDefault(Status.SUPERSEDED, 0))
                .setParameter(9, totals.getOrDefault(Status.IGNORED, 0))
                .setParameter(10, totals.getOrDefault(Status.PARKED, 0))
                .setParameter(11, totals.getOrDefault(Status.REJECTED, 0) + totals.getOrDefault(Status.INVALID, 0))
                .setParameter(12, lastRejection, String.class).setParameter(13, lastRejection != null)
                .executeUpdate());
    }

    private static OffsetDateTime time(JsonNode node) {
        try {
            return node.hasNonNull("time") ? OffsetDateTime.parse(node.path("time").asText()) : null;
        } catch (RuntimeException e) {
            return null;
        }
    }
}
