package vn.nq57.budget.federation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.hibernate.query.NativeQuery;
import vn.nq57.budget.allocation.Allocation;
import vn.nq57.budget.allocation.AllocationEvent;
import vn.nq57.budget.allocation.AllocationStatus;
import vn.nq57.budget.allocation.AllocationViews.AllocationEventData;
import vn.nq57.budget.allocation.AllocationViews.AllocationView;
import vn.nq57.budget.allocation.AllocationViews.HistoryEntry;
import vn.nq57.budget.disbursement.Disbursement;
import vn.nq57.budget.disbursement.DisbursementViews.DisbursementEventData;
import vn.nq57.budget.disbursement.DisbursementViews.DisbursementView;
import vn.nq57.budget.events.BudgetEvents;
import vn.nq57.budget.json.Money;
import vn.nq57.platform.audit.AuditTrail;
import vn.nq57.platform.events.CloudEvent;
import vn.nq57.platform.events.EventRefused;
import vn.nq57.platform.federation.FederatedEventHandler;
import vn.nq57.platform.outbox.Outbox;

/**
 * Central's side of federation for budget-service: a ministry's allocation and disbursement events become read-only
 * rows at central with the ministry as their origin, and are announced again on central's {@code nq57.budget.v1}
 * (same types and data as central's own writes) so that central's scorecards count them.
 *
 * <p>The events are facts the ministry has recorded under its own rules: central keeps them as reported and does not
 * apply the ministry-side business rules again (fiscal-year checks, payment dates, overdraft against the approved
 * amount, priority warnings, agency scope). It still checks their shape: amounts, the allocation's
 * {@code 0 ≤ disbursed ≤ amount} invariant, the kinds, signs and references of disbursements; an event that fails
 * these, or that would change an allocation or disbursement owned by central or by another ministry, is refused
 * (REJECTED). An event naming an initiative central's replica does not know yet, or a fiscal year central has not set
 * up, waits (PARKED and retried). Fiscal-year events of a ministry are not taken (IGNORED): central's fiscal years are
 * the national figures, set at central.
 */
@ApplicationScoped
public class BudgetFederation implements FederatedEventHandler {

    static final Set<String> ALLOCATION_EVENTS = Set.of(BudgetEvents.ALLOCATION_CREATED,
            BudgetEvents.ALLOCATION_APPROVED, BudgetEvents.ALLOCATION_AMENDED, BudgetEvents.ALLOCATION_CANCELLED);
    static final Set<String> DISBURSEMENT_EVENTS = Set.of(BudgetEvents.DISBURSEMENT_RECORDED,
            BudgetEvents.DISBURSEMENT_REVERSED);

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper mapper;

    @Inject
    Outbox outbox;

    @Inject
    AuditTrail audit;

    @Override
    public boolean handles(String eventType) {
        return ALLOCATION_EVENTS.contains(eventType) || DISBURSEMENT_EVENTS.contains(eventType);
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(CloudEvent event) {
        String origin = event.origininstance();
        UUID allocationId = uuid(event.subject(), "subject");
        if (ALLOCATION_EVENTS.contains(event.type())) {
            AllocationEventData data = read(event, AllocationEventData.class);
            Allocation a = upsertAllocation(origin, allocationId, data, event.aggregateversion());
            if (data.change() != null) {
                history(a, data.change());
            }
            outbox.publish(BudgetEvents.TOPIC, event.type(), "allocation", a.id, a.version,
                    AllocationEventData.of(a, data.change()), origin);
        } else {
            DisbursementEventData data = read(event, DisbursementEventData.class);
            if (data.allocationState() == null) {
                throw new EventRefused("a disbursement event must carry its allocation's state (allocationState)");
            }
            if (!allocationId.equals(data.allocationId())) {
                throw new EventRefused("allocationId " + data.allocationId() + " is not the event's subject " + allocationId);
            }
            Allocation a = upsertAllocation(origin, allocationId, data.allocationState(), event.aggregateversion());
            Disbursement d = recordDisbursement(origin, a, data);
            outbox.publish(BudgetEvents.TOPIC, event.type(), "allocation", a.id, a.version,
                    DisbursementEventData.of(d), origin);
        }
    }

    /** Inserts or replaces the ministry's allocation with the state the event carries; returns it as stored. */
    private Allocation upsertAllocation(String origin, UUID id, AllocationEventData s, long version) {
        // Long method: most of its length is its SQL.
        requireShape(id, s);
        Allocation known = em.find(Allocation.class, id);
        if (known != null) {
            em.refresh(known, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
            requireOwnedBy(origin, known.origin, "allocation " + known.code);
        }
        AllocationView before = known == null ? null : AllocationView.of(known);
        if (!exists("SELECT 1 FROM initiative_replica WHERE id = ?1", s.initiativeId())) {
            throw new IllegalStateException("initiative " + s.initiativeId() + " is not known at central yet (its "
                    + "replica arrives from initiative-service); allocation " + s.code() + " waits for it");
        }
        if (!exists("SELECT 1 FROM fiscal_year WHERE year = ?1", s.fiscalYear())) {
            throw new IllegalStateException("fiscal year " + s.fiscalYear() + " is not set up at central yet; "
                    + "allocation " + s.code() + " waits for it");
        }
        if (exists("SELECT 1 FROM allocation WHERE origin = ?1 AND code = ?2 AND id <> ?3", origin, s.code(), id)) {
            throw new EventRefused("another allocation of " + origin + " already has code " + s.code());
        }
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        String unfunded;
        try {
            unfunded = mapper.writeValueAsString(s.unfundedKeyInitiatives() == null ? List.of() : s.unfundedKeyInitiatives());
        } catch (JsonProcessingException e) {
            throw new EventRefused("unfundedKeyInitiatives cannot be read: " + e.getOriginalMessage());
        }
        NativeQuery<?> upsert = em.createNativeQuery("""
                        INSERT INTO allocation (id, code, initiative_id, fiscal_year, funding_source, lead_agency_code,
                            amount, disbursed, status, purpose, unfunded_key_initiatives, approved_by, approved_by_agency,
                            approved_at, cancelled_by, cancelled_at, cancel_reason, origin_instance, origin, version,
                            created_by, created_at, updated_at)
                        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, CAST(?11 AS jsonb), ?12, ?13, ?14, ?15, ?16,
                            ?17, ?18, ?18, ?19, ?20, ?21, ?22)
                        ON CONFLICT (id) DO UPDATE SET code = excluded.code, initiative_id = excluded.initiative_id,
                            fiscal_year = excluded.fiscal_year, funding_source = excluded.funding_source,
                            lead_agency_code = excluded.lead_agency_code, amount = excluded.amount,
                            disbursed = excluded.disbursed, status = excluded.status, purpose = excluded.purpose,
                            unfunded_key_initiatives = excluded.unfunded_key_initiatives,
                            approved_by = excluded.approved_by, approved_by_agency = excluded.approved_by_agency,
                            approved_at = excluded.approved_at, cancelled_by = excluded.cancelled_by,
                            cancelled_at = excluded.cancelled_at, cancel_reason = excluded.cancel_reason,
                            version = excluded.version, updated_at = excluded.updated_at""")
                .unwrap(NativeQuery.class);
        upsert.setParameter(1, id).setParameter(2, s.code().trim()).setParameter(3, s.initiativeId())
                .setParameter(4, s.fiscalYear()).setParameter(5, s.fundingSource().name())
                .setParameter(6, s.leadAgency().trim()).setParameter(7, s.amount()).setParameter(8, s.disbursed())
                .setParameter(9, s.status().name()).setParameter(10, s.purpose(), String.class)
                .setParameter(11, unfunded).setParameter(12, s.approvedBy(), String.class)
                .setParameter(13, s.approvedByAgency(), String.class)
                .setParameter(14, s.approvedAt(), OffsetDateTime.class)
                .setParameter(15, s.cancelledBy(), String.class)
                .setParameter(16, s.cancelledAt(), OffsetDateTime.class)
                .setParameter(17, s.cancelReason(), String.class).setParameter(18, origin).setParameter(19, version)
                .setParameter(20, orDefault(s.createdBy(), "federation:" + origin))
                .setParameter(21, s.createdAt() == null ? now : s.createdAt(), OffsetDateTime.class)
                .setParameter(22, s.updatedAt() == null ? now : s.updatedAt(), OffsetDateTime.class)
                .executeUpdate();
        Allocation a;
        if (known != null) {
            em.refresh(known);
            a = known;
        } else {
            a = em.find(Allocation.class, id);
        }
        audit.record("allocation.replicated", "allocation", a.id, before, AllocationView.of(a));
        return a;
    }

    /** Records the ministry's disbursement (immutable: an id already recorded for the same allocation is kept). */
    private Disbursement recordDisbursement(String origin, Allocation a, DisbursementEventData d) {
        requireShape(d);
        Disbursement known = em.find(Disbursement.class, d.id());
        if (known != null) {
            requireOwnedBy(origin, known.origin, "disbursement " + known.id);
            if (!known.allocation.id.equals(a.id)) {
                throw new EventRefused("disbursement " + d.id() + " belongs to another allocation");
            }
            return known;
        }
        String reference = d.paymentReference().trim();
        if (d.kind() == Disbursement.Kind.PAYMENT && exists("SELECT 1 FROM disbursement WHERE allocation_id = ?1 "
                + "AND payment_reference = ?2 AND kind = 'PAYMENT'", a.id, reference)) {
            throw new EventRefused("allocation " + a.code + " already has a payment with reference " + reference);
        }
        if (d.kind() == Disbursement.Kind.REVERSAL) {
            if (!exists("SELECT 1 FROM disbursement WHERE id = ?1 AND allocation_id = ?2 AND kind = 'PAYMENT'",
                    d.reversesId(), a.id)) {
                throw new IllegalStateException("the payment " + d.reversesId() + " this reversal reverses is not "
                        + "known at central yet");
            }
            if (exists("SELECT 1 FROM disbursement WHERE reverses_id = ?1", d.reversesId())) {
                throw new EventRefused("payment " + d.reversesId() + " is already reversed");
            }
        }
        em.createNativeQuery("""
                        INSERT INTO disbursement (id, allocation_id, kind, disbursed_on, amount, payment_reference, note,
                            reverses_id, reason, recorded_by, recorded_by_agency, recorded_at, origin_instance, origin,
                            version)
                        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?13, 0)""")
                .unwrap(NativeQuery.class)
                .setParameter(1, d.id()).setParameter(2, a.id).setParameter(3, d.kind().name())
                .setParameter(4, d.date()).setParameter(5, d.amount()).setParameter(6, reference)
                .setParameter(7, d.note(), String.class).setParameter(8, d.reversesId(), UUID.class)
                .setParameter(9, d.reason(), String.class)
                .setParameter(10, orDefault(d.recordedBy(), "federation:" + origin))
                .setParameter(11, d.recordedByAgency(), String.class)
                .setParameter(12, d.recordedAt() == null ? OffsetDateTime.now(ZoneOffset.UTC) : d.recordedAt(),
                        OffsetDateTime.class)
                .setParameter(13, origin).executeUpdate();
        Disbursement recorded = em.find(Disbursement.class, d.id());
        audit.record("disbursement.replicated", "disbursement", recorded.id, null, DisbursementView.of(recorded));
        return recorded;
    }

    /** Keeps the ministry's history entry of the change (once). */
    private void history(Allocation a, HistoryEntry h) {
        if (h.id() == null || h.action() == null || h.statusAfter() == null
                || em.find(AllocationEvent.class, h.id()) != null) {
            return;
        }
        AllocationEvent e = new AllocationEvent();
        e.id = h.id();
        e.allocationId = a.id;
        e.action = h.action();
        e.statusBefore = h.statusBefore();
        e.statusAfter = h.statusAfter();
        e.amountBefore = h.amountBefore();
        e.amountAfter = h.amountAfter();
        e.reason = h.reason();
        e.actor = orDefault(h.actor(), "federation:" + a.origin);
        e.actorAgency = h.actorAgency();
        e.occurredAt = h.occurredAt() == null ? OffsetDateTime.now(ZoneOffset.UTC) : h.occurredAt();
        e.persist();
    }

    /** An allocation or disbursement may be changed by its owner only (null: central's own). */
    private static void requireOwnedBy(String origin, String ownerColumn, String what) {
        if (!origin.equals(ownerColumn)) {
            throw new EventRefused(what + " is owned by " + (ownerColumn == null ? "central" : ownerColumn)
                    + ", not by " + origin);
        }
    }

    private static void requireShape(UUID subject, AllocationEventData s) {
        List<String> problems = new ArrayList<>();
        if (s.id() != null && !s.id().equals(subject)) {
            problems.add("id " + s.id() + " is not the event's subject " + subject);
        }
        if (blank(s.code()) || s.code().trim().length() > 30) {
            problems.add("code is required (at most 30 characters)");
        }
        if (s.initiativeId() == null) {
            problems.add("initiativeId is required");
        }
        if (blank(s.leadAgency()) || s.leadAgency().trim().length() > 50) {
            problems.add("leadAgency is required (at most 50 characters)");
        }
        if (s.fiscalYear() < 2000 || s.fiscalYear() > 2100) {
            problems.add("fiscalYear must lie in 2000..2100");
        }
        if (s.fundingSource() == null) {
            problems.add("fundingSource is required");
        }
        if (s.status() == null) {
            problems.add("status is required");
        }
        if (s.amount() < 1 || s.amount() > Money.MAX_AMOUNT) {
            problems.add("amount must be 1 to 10^18 VND");
        }
        if (s.disbursed() < 0 || s.disbursed() > s.amount()) {
            problems.add("disbursed must lie between 0 and the amount");
        }
        if (s.disbursed() != 0 && s.status() != AllocationStatus.APPROVED) {
            problems.add("only an APPROVED allocation has money disbursed");
        }
        refuseIf(problems, "allocation");
    }

    private static void requireShape(DisbursementEventData d) {
        List<String> problems = new ArrayList<>();
        if (d.id() == null || d.kind() == null || d.date() == null) {
            problems.add("id, kind and date are required");
        }
        if (blank(d.paymentReference()) || d.paymentReference().trim().length() > 100) {
            problems.add("paymentReference is required (at most 100 characters)");
        }
        if (d.kind() == Disbursement.Kind.PAYMENT && (d.amount() <= 0 || d.reversesId() != null)) {
            problems.add("a PAYMENT has a positive amount and reverses nothing");
        }
        if (d.kind() == Disbursement.Kind.REVERSAL && (d.amount() >= 0 || d.reversesId() == null || blank(d.reason()))) {
            problems.add("a REVERSAL has a negative amount, the payment it reverses and a reason");
        }
        if (Math.abs(d.amount()) > Money.MAX_AMOUNT) {
            problems.add("amount must be at most 10^18 VND");
        }
        refuseIf(problems, "disbursement");
    }

    private static void refuseIf(List<String> problems, String what) {
        if (!problems.isEmpty()) {
            throw new EventRefused("the " + what + " is malformed: " + String.join("; ", problems));
        }
    }

    private <T> T read(CloudEvent event, Class<T> type) {
        if (event.data() == null || !event.data().isObject()) {
            throw new EventRefused("the event carries no data object");
        }
        try {
            return mapper.treeToValue(event.data(), type);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new EventRefused("the event's data cannot be read: " + e.getMessage());
        }
    }

    private boolean exists(String sql, Object... params) {
        var query = em.createNativeQuery(sql);
        for (int i = 0; i < params.length; i++) {
            query.setParameter(i + 1, params[i]);
        }
        return !query.setMaxResults(1).getResultList().isEmpty();
    }

    private static UUID uuid(String value, String field) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new EventRefused(field + " '" + value + "' is not an allocation id");
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String orDefault(String value, String fallback) {
        return blank(value) ? fallback : value;
    }
}
