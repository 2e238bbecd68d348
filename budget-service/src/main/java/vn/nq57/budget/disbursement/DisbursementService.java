package vn.nq57.budget.disbursement;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import vn.nq57.budget.allocation.Allocation;
import vn.nq57.budget.allocation.AllocationService;
import vn.nq57.budget.allocation.AllocationStatus;
import vn.nq57.budget.disbursement.DisbursementViews.DisbursementEventData;
import vn.nq57.budget.disbursement.DisbursementViews.DisbursementRequest;
import vn.nq57.budget.disbursement.DisbursementViews.DisbursementView;
import vn.nq57.budget.disbursement.DisbursementViews.ReversalRequest;
import vn.nq57.budget.events.BudgetEvents;
import vn.nq57.platform.federation.OriginFilter;
import vn.nq57.budget.json.Money;
import vn.nq57.platform.InstanceConfig;
import vn.nq57.platform.audit.AuditTrail;
import vn.nq57.platform.error.ApiException;
import vn.nq57.platform.federation.Federation;
import vn.nq57.platform.outbox.Outbox;
import vn.nq57.platform.paging.Conditions;
import vn.nq57.platform.paging.Page;
import vn.nq57.platform.paging.PageRequest;
import vn.nq57.platform.period.Period;
import vn.nq57.platform.security.AgencyAccess;
import vn.nq57.platform.security.Caller;
import vn.nq57.platform.security.Roles;

/**
 * Disbursements against approved allocations. The invariant (net disbursed ≤ approved amount, also under concurrent
 * requests) holds because every payment and reversal runs with its allocation's row locked and updates the
 * allocation's running total in the same transaction; the database CHECK on that total is the last guard.
 */
@ApplicationScoped
public class DisbursementService {

    @Inject
    Clock clock;


    @Inject
    AllocationService allocations;

    @Inject
    AgencyAccess access;

    @Inject
    Caller caller;

    @Inject
    AuditTrail audit;

    @Inject
    Outbox outbox;

    @Inject
    InstanceConfig instance;

    @Inject
    EntityManager em;

    @Inject
    DisbursementMetrics metrics;

    @Inject
    Federation federation;

    LocalDate today() {
        return Period.today(clock);
    }

    /** A payment as the single and the bulk endpoints receive it. */
    public record Payment(LocalDate date, long amount, String paymentReference, String note) {
    }

    /** The disbursement recorded, or the one already recorded under the same reference ({@code created} false). */
    public record Outcome(Disbursement disbursement, boolean created) {
    }

    /** Filters of the disbursement list; null means "any". */
    public record Filter(UUID allocationId, Integer fiscalYear, String leadAgency, Disbursement.Kind kind,
                         LocalDate from, LocalDate to, OriginFilter.Filter origin) {
    }

    public Page<DisbursementView> list(Filter f, PageRequest page) {
        Conditions c = new Conditions()
                .and("d.allocation.id = :allocation", "allocation", f.allocationId())
                .and("d.allocation.fiscalYear = :year", "year", f.fiscalYear())
                .code("d.allocation.leadAgencyCode = :lead", "lead", f.leadAgency())
                .and("d.kind = :kind", "kind", f.kind())
                .and("d.date >= :from", "from", f.from())
                .and("d.date <= :to", "to", f.to())
                .origin(f.origin(), "d.origin");
        long total = Disbursement.count("from Disbursement d where " + c.where(), c.params());
        List<DisbursementView> items = Disbursement.<Disbursement>find("from Disbursement d join fetch d.allocation "
                        + "where " + c.where(), Sort.by("d.date").and("d.recordedAt").and("d.id"), c.params())
                .page(page.page, page.size).list().stream().map(DisbursementView::of).toList();
        return Page.of(items, page, total);
    }

    public Disbursement get(UUID id) {
        Disbursement d = Disbursement.findById(id);
        if (d == null) {
            throw ApiException.notFound("Disbursement", id);
        }
        return d;
    }

    /** Records one payment; a retry with the same reference and figures returns the first one. */
    @Transactional
    public Outcome record(UUID allocationId, DisbursementRequest request) {
        Allocation a = allocations.lock(allocationId);
        return pay(a, new Payment(request.date(), request.amount(), request.paymentReference(), request.note()),
                reference -> existing(a, reference));
    }

    /**
     * The rules of one payment against an allocation the caller has locked. Throws {@link ApiException} without
     * writing anything when the payment is refused; the bulk import turns that into a rejected row.
     */
    public Outcome pay(Allocation a, Payment p, Function<String, Disbursement> existingByReference) {
        requireRecorder(a);
        return payInScope(a, p, existingByReference, true);
    }

    /** Refuses (403) unless the caller may record disbursements for the allocation's lead agency. */
    public void requireRecorder(Allocation a) {
        access.requireRoleInScope(a.leadAgencyCode, Roles.DATA_SUBMITTER, Roles.MINISTRY_ADMIN);
    }

    /**
     * {@link #pay} for a caller already checked with {@link #requireRecorder} (the bulk import checks once per
     * allocation, and audits the batch as one entry instead of each payment).
     */
    public Outcome payInScope(Allocation a, Payment p, Function<String, Disbursement> existingByReference,
                              boolean audited) {
        federation.requireOwned(a.origin, "Allocation", a.code);
        String reference = p.paymentReference().trim();
        Disbursement existing = existingByReference.apply(reference);
        if (existing != null) {
            if (existing.amount == p.amount() && existing.date.equals(p.date())) {
                return new Outcome(existing, false);
            }
            throw ApiException.conflict("payment reference " + reference + " already records " + existing.amount
                            + " VND on " + existing.date + " against allocation " + a.code
                            + "; a payment reference is unique per allocation")
                    .with("existingDisbursementId", existing.id);
        }
        if (a.status != AllocationStatus.APPROVED) {
            throw ApiException.conflict("allocation " + a.code + " is " + a.status
                    + "; disbursements are recorded against an APPROVED allocation").with("currentStatus", a.status);
        }
        checkDate("date", p.date(), a);
        long remaining = a.amount - a.disbursed;
        if (p.amount() > remaining) {
            throw ApiException.conflict("disbursing " + p.amount() + " VND would exceed allocation " + a.code
                            + ": " + remaining + " VND remain of " + a.amount + " VND approved")
                    .with("remaining", remaining).with("approved", a.amount).with("disbursed", a.disbursed);
        }
        long newTotal = Money.add(a.disbursed, p.amount());
        Disbursement d = new Disbursement();
        d.id = UUID.randomUUID();
        d.allocation = a;
        d.kind = Disbursement.Kind.PAYMENT;
        d.date = p.date();
        d.amount = p.amount();
        d.paymentReference = reference;
        d.note = p.note() == null || p.note().isBlank() ? null : p.note().trim();
        stamp(d);
        d.persist();
        a.disbursed = newTotal;
        a.updatedAt = d.recordedAt;
        em.flush();
        published(d, audited ? "disbursement.recorded" : null, BudgetEvents.DISBURSEMENT_RECORDED);
        return new Outcome(d, true);
    }

    /** Reverses a payment in full: a negative entry with a reason; the payment itself is never edited. */
    @Transactional
    public DisbursementView reverse(UUID disbursementId, ReversalRequest request) {
        UUID allocationId = em.createQuery("select d.allocation.id from Disbursement d where d.id = :id", UUID.class)
                .setParameter("id", disbursementId).getResultStream().findFirst()
                .orElseThrow(() -> ApiException.notFound("Disbursement", disbursementId));
        Allocation a = allocations.lockOwned(allocationId);
        Disbursement payment = get(disbursementId);
        access.requireRoleInScope(a.leadAgencyCode, Roles.DATA_SUBMITTER, Roles.MINISTRY_ADMIN);
        if (payment.kind != Disbursement.Kind.PAYMENT) {
            throw ApiException.conflict("disbursement " + payment.id + " is itself a reversal and cannot be reversed");
        }
        Disbursement already = Disbursement.<Disbursement>find("reversesId", payment.id).firstResult();
        if (already != null) {
            throw ApiException.conflict("payment " + payment.paymentReference + " was already reversed")
                    .with("reversalId", already.id);
        }
        LocalDate date = request.date();
        if (date == null) {
            LocalDate today = today();
            date = today.getYear() > a.fiscalYear ? LocalDate.of(a.fiscalYear, 12, 31) : today;
        }
        checkDate("date", date, a);
        if (date.isBefore(payment.date)) {
            throw ApiException.badRequest("date", "a reversal cannot precede the payment it reverses ("
                    + payment.date + ")");
        }
        Disbursement d = new Disbursement();
        d.id = UUID.randomUUID();
        d.allocation = a;
        d.kind = Disbursement.Kind.REVERSAL;
        d.date = date;
        d.amount = -payment.amount;
        d.paymentReference = payment.paymentReference;
        d.reversesId = payment.id;
        d.reason = request.reason().trim();
        stamp(d);
        d.persist();
        a.disbursed = a.disbursed - payment.amount;
        a.updatedAt = d.recordedAt;
        em.flush();
        return published(d, "disbursement.reversed", BudgetEvents.DISBURSEMENT_REVERSED);
    }

    /** The payment recorded under {@code reference} for the allocation, or null. */
    public Disbursement existing(Allocation a, String reference) {
        return Disbursement.<Disbursement>find("allocation = ?1 and paymentReference = ?2 and kind = ?3", a,
                reference.trim(), Disbursement.Kind.PAYMENT).firstResult();
    }

    private void checkDate(String field, LocalDate date, Allocation a) {
        if (date.getYear() != a.fiscalYear) {
            throw ApiException.badRequest(field, "must lie inside fiscal year " + a.fiscalYear + " of allocation "
                    + a.code + " (" + a.fiscalYear + "-01-01 to " + a.fiscalYear + "-12-31)");
        }
        LocalDate today = today();
        if (date.isAfter(today)) {
            throw ApiException.badRequest(field, "cannot be in the future (today is " + today + ")");
        }
    }

    private void stamp(Disbursement d) {
        d.recordedBy = caller.subject();
        d.recordedByAgency = caller.agency();
        d.recordedAt = OffsetDateTime.now(ZoneOffset.UTC);
        d.originInstance = instance.id();
    }

    private DisbursementView published(Disbursement d, String action, String eventType) {
        DisbursementView view = DisbursementView.of(d);
        metrics.recorded(d);
        if (action != null) {
            audit.record(action, "disbursement", d.id, null, view);
        }
        Allocation a = d.allocation;
        outbox.publish(BudgetEvents.TOPIC, eventType, "allocation", a.id, a.version, DisbursementEventData.of(d));
        return view;
    }
}
