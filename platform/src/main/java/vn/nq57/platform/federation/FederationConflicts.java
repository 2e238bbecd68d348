package vn.nq57.platform.federation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.nq57.platform.audit.AuditTrail;
import vn.nq57.platform.error.ApiException;
import vn.nq57.platform.paging.Page;
import vn.nq57.platform.paging.PageRequest;
import vn.nq57.platform.security.Caller;

/**
 * Writes central refused, kept where people see them (issue #20): at a ministry, each own event central answered
 * REJECTED or INVALID (the forwarder records it, the record's audit trail says so); at central, each such event it
 * refused from a ministry. Both ends list them until an admin resolves them, and a record's federation status says
 * whether central has it.
 */
@ApplicationScoped
public class FederationConflicts {

    /** What an admin decided about a conflict. */
    public enum Resolution {
        /** (ministry) send the event again, e.g. after central handed the record over. */
        RESUBMIT,
        /** (ministry) the ministry gives its write up; central's data stands. */
        WITHDRAW,
        /** (ministry) the ministry asks central to decide (central sees the same conflict in its list). */
        ASK_CENTRAL,
        /** (central) central keeps its own data; the reason is the note. */
        KEEP_CENTRAL,
        /** (central) central takes the ministry's write in place of its own data (the event is applied now). */
        ACCEPT
    }

    @Schema(name = "FederationConflict", description = "An event central refused, and what was decided about it")
    public record View(UUID eventId,
                       @Schema(description = "The instance whose event it is (a ministry)", examples = "bkhcn") String origin,
                       @Schema(examples = "measurement") String aggregateType,
                       @Schema(description = "The record the event is about", examples = "3f6c1c1e-0d7a-4e8c-9a59-0f4f4d1a2b3c")
                       String aggregateId,
                       @Schema(examples = "nq57.measurement.recorded.v1") String eventType,
                       @Schema(description = "REJECTED or INVALID", examples = "REJECTED") String status,
                       @Schema(description = "Central's reason") String reason,
                       OffsetDateTime rejectedAt,
                       @Schema(description = "How many times central refused it (a resubmission refused again counts)")
                       int times,
                       OffsetDateTime resolvedAt,
                       @Schema(description = "RESUBMIT, WITHDRAW, ASK_CENTRAL, KEEP_CENTRAL or ACCEPT") String resolution,
                       String resolvedBy,
                       String note) {
    }

    @Schema(name = "FederationConflictResolution", description = "An admin's decision about a conflict")
    public record Decision(@jakarta.validation.constraints.NotNull Resolution action,
                           @jakarta.validation.constraints.Size(max = 2000) String note) {
    }

    /** Whether central holds a record of this instance. */
    public enum State {
        /** Not a record this instance forwards (central's own, a replica, or this is central). */
        LOCAL,
        /** Waiting to be sent, or sent and not answered yet. */
        PENDING,
        /** Central applied it (or had it already). */
        APPLIED,
        /** Central refused it: see the reason and the conflict list. */
        REJECTED
    }

    @Schema(name = "FederationRecordStatus", description = "Whether central holds a record written at this ministry")
    public record Status(String aggregateId, State state,
                         @Schema(description = "Central's answer to the record's latest event, or its reason for refusing")
                         String detail,
                         @Schema(description = "When central answered") OffsetDateTime at) {
    }

    @Inject
    EntityManager em;

    @Inject
    Federation federation;

    @Inject
    AuditTrail audit;

    @Inject
    Caller caller;

    @Inject
    jakarta.enterprise.inject.Instance<FederatedEventHandler> handlers;

    @Inject
    jakarta.enterprise.inject.Instance<FederationReceiver> receiver;

    @Inject
    vn.nq57.platform.events.IdempotentConsumer idempotent;

    /**
     * (ministry) Central refused an own event: the conflict row (again: counted, reopened) and an audit entry on the
     * record. Runs in the forwarder's transaction.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void refusedByCentral(UUID eventId, String status, String reason) {
        List<?> rows = em.createNativeQuery("SELECT aggregate_type, aggregate_id, event_type FROM outbox WHERE id = ?1")
                .setParameter(1, eventId).getResultList();
        Object[] row = rows.isEmpty() ? new Object[3] : (Object[]) rows.get(0);
        upsert(eventId, federation.instanceId(), (String) row[0], (String) row[1], (String) row[2], null, status, reason);
        Object entity = row[1] == null ? eventId : row[1];
        audit.recordFor(agencyOf(entity), "federation.rejected",
                row[0] == null ? "event" : (String) row[0], entity, null, Map.of("event", eventId.toString(),
                        "status", status, "reason", reason == null ? "" : reason));
    }

    /** (central) A ministry's events it refused, as the receiver answered them. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void refused(String origin, List<Refused> events) {
        for (Refused e : events) {
            if (e.eventId() != null) {
                upsert(e.eventId(), origin, e.aggregateType(), e.aggregateId(), e.eventType(), e.aggregateId(), e.status(),
                        e.reason());
                em.createNativeQuery("UPDATE federation_conflict SET payload = ?2 WHERE event_id = ?1")
                        .setParameter(1, e.eventId()).setParameter(2, e.payload()).executeUpdate();
            }
        }
    }

    /** One refused event at central. */
    public record Refused(UUID eventId, String aggregateType, String aggregateId, String eventType, String status,
                          String reason, String payload) {
    }

    private void upsert(UUID eventId, String origin, String aggregateType, String aggregateId, String eventType,
                        String subject, String status, String reason) {
        em.createNativeQuery("""
                        INSERT INTO federation_conflict (event_id, origin, aggregate_type, aggregate_id, event_type, subject,
                            status, reason)
                        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
                        ON CONFLICT (event_id) DO UPDATE SET status = excluded.status, reason = excluded.reason,
                            rejected_at = now(), times = federation_conflict.times + 1, resolved_at = NULL,
                            resolution = NULL, resolved_by = NULL, note = NULL""")
                .setParameter(1, eventId).setParameter(2, origin).setParameter(3, aggregateType)
                .setParameter(4, aggregateId).setParameter(5, eventType).setParameter(6, subject)
                .setParameter(7, status).setParameter(8, reason).executeUpdate();
    }

    /** The conflicts, newest first: open ones only unless {@code all}; at central optionally one ministry's. */
    @Transactional
    public Page<View> list(boolean all, String origin, PageRequest page) {
        String where = " WHERE (?1 OR resolved_at IS NULL) AND (CAST(?2 AS varchar) IS NULL OR origin = CAST(?2 AS varchar))";
        long total = ((Number) em.createNativeQuery("SELECT count(*) FROM federation_conflict" + where)
                .setParameter(1, all).setParameter(2, origin).getSingleResult()).longValue();
        List<?> rows = em.createNativeQuery(SELECT + where + " ORDER BY rejected_at DESC, event_id LIMIT ?3 OFFSET ?4")
                .setParameter(1, all).setParameter(2, origin).setParameter(3, page.size).setParameter(4, page.offset())
                .getResultList();
        List<View> views = new ArrayList<>(rows.size());
        for (Object r : rows) {
            views.add(view((Object[]) r));
        }
        return Page.of(views, page, total);
    }

    /**
     * Records an admin's decision, audited. A ministry may resubmit (its event and the later events of the same record
     * are sent again; central's next answer reopens the conflict if it refuses again), withdraw or ask central; central
     * may keep its own data with a reason.
     */
    @Transactional
    public View resolve(UUID eventId, Decision decision) {
        View before = find(eventId);
        boolean central = !federation.isMinistry();
        boolean centralAction = decision.action() == Resolution.KEEP_CENTRAL || decision.action() == Resolution.ACCEPT;
        if (central != centralAction) {
            throw ApiException.badRequest("action", central ? "central resolves with KEEP_CENTRAL or ACCEPT"
                    : "a ministry resolves with RESUBMIT, WITHDRAW or ASK_CENTRAL");
        }
        if (decision.action() == Resolution.KEEP_CENTRAL && (decision.note() == null || decision.note().isBlank())) {
            throw ApiException.badRequest("note", "say why central keeps its own data (the ministry reads it)");
        }
        if (before.resolvedAt() != null) {
            throw ApiException.conflict("this conflict was resolved already (" + before.resolution() + " by "
                    + before.resolvedBy() + ")");
        }
        if (decision.action() == Resolution.ACCEPT) {
            accept(before);
        }
        if (decision.action() == Resolution.RESUBMIT) {
            int again = em.createNativeQuery("""
                            UPDATE outbox SET forwarded_at = NULL, forward_result = NULL
                            WHERE forward AND aggregate_id = ?1
                              AND seq >= (SELECT seq FROM outbox WHERE id = ?2)""")
                    .setParameter(1, before.aggregateId()).setParameter(2, eventId).executeUpdate();
            if (again == 0) {
                throw ApiException.conflict("the event is no longer in the outbox (kept for nq57.outbox.retention); "
                        + "write the record again instead");
            }
        }
        em.createNativeQuery("""
                        UPDATE federation_conflict SET resolved_at = now(), resolution = ?2, resolved_by = ?3, note = ?4
                        WHERE event_id = ?1""")
                .setParameter(1, eventId).setParameter(2, decision.action().name()).setParameter(3, caller.subject())
                .setParameter(4, decision.note()).executeUpdate();
        View after = find(eventId);
        audit.record("federation.conflict.resolved", before.aggregateType() == null ? "event" : before.aggregateType(),
                before.aggregateId() == null ? eventId : before.aggregateId(), before, after);
        return after;
    }

    /** (central) One ministry's conflicts central resolved after {@code afterMillis}, oldest decision first. */
    @Transactional
    public List<View> decisions(String origin, long afterMillis, int limit) {
        List<?> rows = em.createNativeQuery(SELECT + " WHERE origin = ?1 AND resolved_at IS NOT NULL"
                        + " AND resolved_at >= to_timestamp(?2 / 1000.0) ORDER BY resolved_at, event_id LIMIT ?3")
                .setParameter(1, origin).setParameter(2, afterMillis).setParameter(3, limit).getResultList();
        List<View> views = new ArrayList<>(rows.size());
        for (Object r : rows) {
            views.add(view((Object[]) r));
        }
        return views;
    }

    /**
     * (ministry) Central's decision about one of this instance's conflicts, pulled from central: the conflict is
     * resolved here too if it is still open (an own decision taken meanwhile stands), audited on the record.
     * Answers whether it changed anything.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean decidedByCentral(View decision) {
        List<?> open = em.createNativeQuery("""
                        SELECT 1 FROM federation_conflict WHERE event_id = ?1 AND origin = ?2 AND resolved_at IS NULL""")
                .setParameter(1, decision.eventId()).setParameter(2, federation.instanceId()).getResultList();
        if (open.isEmpty()) {
            return false;
        }
        View before = find(decision.eventId());
        em.createNativeQuery("""
                        UPDATE federation_conflict SET resolved_at = now(), resolution = ?2, resolved_by = ?3, note = ?4
                        WHERE event_id = ?1""")
                .setParameter(1, decision.eventId()).setParameter(2, decision.resolution())
                .setParameter(3, "central: " + decision.resolvedBy()).setParameter(4, decision.note()).executeUpdate();
        if (Resolution.ACCEPT.name().equals(decision.resolution())) {
            em.createNativeQuery("UPDATE outbox SET forward_result = 'APPLIED: accepted by central' WHERE id = ?1")
                    .setParameter(1, decision.eventId()).executeUpdate();
        }
        View after = find(decision.eventId());
        Object entity = before.aggregateId() == null ? before.eventId() : before.aggregateId();
        audit.recordFor(agencyOf(entity), "federation.conflict.resolved",
                before.aggregateType() == null ? "event" : before.aggregateType(), entity, before, after);
        return true;
    }

    /**
     * (central) Takes the ministry's refused event after all: the service's handler removes what stood in its way and
     * the receiver applies it, in the resolution's transaction (so either both happen or neither).
     */
    private void accept(View conflict) {
        List<?> payload = em.createNativeQuery("SELECT payload FROM federation_conflict WHERE event_id = ?1")
                .setParameter(1, conflict.eventId()).getResultList();
        if (payload.isEmpty() || payload.get(0) == null) {
            throw ApiException.conflict("central did not keep this event; ask the ministry to send it again");
        }
        vn.nq57.platform.events.CloudEvent event = idempotent.parse((String) payload.get(0));
        FederatedEventHandler handler = handlers.stream().filter(h -> h.handles(event.type())).findFirst()
                .orElseThrow(() -> ApiException.conflict("this service takes no " + event.type()));
        handler.accept(event);
        try {
            receiver.get().applyAccepted(event);
        } catch (vn.nq57.platform.events.EventRefused e) {
            throw ApiException.conflict("central still cannot take the event: " + e.getMessage());
        }
    }

    /** Whether central holds the record {@code aggregateId} written here (a ministry's own records). */
    @Transactional
    public Status status(String aggregateId) {
        List<?> open = em.createNativeQuery("""
                        SELECT reason, rejected_at FROM federation_conflict
                        WHERE aggregate_id = ?1 AND origin = ?2 AND resolved_at IS NULL ORDER BY rejected_at DESC LIMIT 1""")
                .setParameter(1, aggregateId).setParameter(2, federation.instanceId()).getResultList();
        if (!open.isEmpty()) {
            Object[] r = (Object[]) open.get(0);
            return new Status(aggregateId, State.REJECTED, (String) r[0], FederationState.time(r[1]));
        }
        List<?> last = em.createNativeQuery("""
                        SELECT forwarded_at, forward_result FROM outbox WHERE aggregate_id = ?1 AND forward
                        ORDER BY seq DESC LIMIT 1""").setParameter(1, aggregateId).getResultList();
        if (last.isEmpty()) {
            return new Status(aggregateId, State.LOCAL, null, null);
        }
        Object[] r = (Object[]) last.get(0);
        if (r[0] == null) {
            return new Status(aggregateId, State.PENDING, null, null);
        }
        String result = (String) r[1];
        State state = result != null && (result.startsWith("REJECTED") || result.startsWith("INVALID")) ? State.REJECTED
                : result != null && result.startsWith("PARKED") ? State.PENDING : State.APPLIED;
        return new Status(aggregateId, state, result, FederationState.time(r[0]));
    }

    /** The agency a record belongs to here: that of its last audited write (a conflict is audited on its behalf). */
    private String agencyOf(Object entity) {
        List<?> agency = em.createNativeQuery("""
                        SELECT agency FROM audit_log WHERE entity_id = ?1 ORDER BY occurred_at DESC LIMIT 1""")
                .setParameter(1, String.valueOf(entity)).getResultList();
        return agency.isEmpty() ? null : (String) agency.get(0);
    }

    private static final String SELECT = """
            SELECT event_id, origin, aggregate_type, aggregate_id, event_type, status, reason, rejected_at, times,
                   resolved_at, resolution, resolved_by, note FROM federation_conflict""";

    private View find(UUID eventId) {
        List<?> rows = em.createNativeQuery(SELECT + " WHERE event_id = ?1").setParameter(1, eventId).getResultList();
        if (rows.isEmpty()) {
            throw ApiException.notFound("federation conflict", eventId);
        }
        return view((Object[]) rows.get(0));
    }

    private static View view(Object[] r) {
        return new View((UUID) r[0], (String) r[1], (String) r[2], (String) r[3], (String) r[4], (String) r[5],
                (String) r[6], FederationState.time(r[7]), ((Number) r[8]).intValue(), FederationState.time(r[9]), (String) r[10],
                (String) r[11], (String) r[12]);
    }
}
