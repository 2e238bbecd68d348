package vn.nq57.budget.allocation;

import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import vn.nq57.budget.allocation.AllocationViews.AllocationEventData;
import vn.nq57.budget.allocation.AllocationViews.AllocationRequest;
import vn.nq57.budget.allocation.AllocationViews.AllocationView;
import vn.nq57.budget.allocation.AllocationViews.AmendmentRequest;
import vn.nq57.budget.allocation.AllocationViews.ApprovalRequest;
import vn.nq57.budget.allocation.AllocationViews.CancellationRequest;
import vn.nq57.budget.allocation.AllocationViews.HistoryEntry;
import vn.nq57.budget.events.BudgetEvents;
import vn.nq57.platform.federation.OriginFilter;
import vn.nq57.budget.fiscalyear.FiscalYear;
import vn.nq57.budget.initiative.InitiativeDirectory;
import vn.nq57.budget.initiative.InitiativeReplica;
import vn.nq57.budget.json.Money;
import vn.nq57.platform.InstanceConfig;
import vn.nq57.platform.audit.AuditTrail;
import vn.nq57.platform.error.ApiException;
import vn.nq57.platform.federation.Federation;
import vn.nq57.platform.http.ETags;
import vn.nq57.platform.outbox.Outbox;
import vn.nq57.platform.paging.Conditions;
import vn.nq57.platform.paging.Page;
import vn.nq57.platform.paging.PageRequest;
import vn.nq57.platform.security.AgencyAccess;
import vn.nq57.platform.security.Caller;
import vn.nq57.platform.security.Roles;

/**
 * The rules of allocations. A ministry admin plans allocations for initiatives its agency (or one below it) leads,
 * from any source, and approves them except those of the central budget, which only a central admin approves. An
 * allocation is never lowered below, nor cancelled with, money already disbursed.
 */
@ApplicationScoped
public class AllocationService {

    @Inject
    vn.nq57.platform.federation.Commissioning commissioning;

    /** At most this many unfunded key initiatives are named in a priority warning. */
    static final int WARNING_LIMIT = 50;

    @Inject
    InitiativeDirectory initiatives;

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
    Federation federation;

    /** Filters of the allocation list; null means "any". */
    public record Filter(Integer fiscalYear, UUID initiativeId, String system, String leadAgency,
                         FundingSource fundingSource, AllocationStatus status, Boolean key, OriginFilter.Filter origin) {
    }

    public Page<AllocationView> list(Filter f, PageRequest page) {
        Conditions c = new Conditions()
                .and("a.fiscalYear = :year", "year", f.fiscalYear())
                .and("a.initiative.id = :initiative", "initiative", f.initiativeId())
                .code("a.initiative.systemCode = :system", "system", f.system())
                .code("a.leadAgencyCode = :lead", "lead", f.leadAgency())
                .and("a.fundingSource = :source", "source", f.fundingSource())
                .and("a.status = :status", "status", f.status())
                .and("a.initiative.key = :key", "key", f.key())
                .origin(f.origin(), "a.origin");
        long total = Allocation.count("from Allocation a where " + c.where(), c.params());
        List<AllocationView> items = Allocation.<Allocation>find("from Allocation a join fetch a.initiative where "
                        + c.where(), Sort.by("a.fiscalYear").and("a.code"), c.params())
                .page(page.page, page.size).list().stream().map(AllocationView::of).toList();
        return Page.of(items, page, total);
    }

    public Allocation get(UUID id) {
        Allocation a = Allocation.findById(id);
        if (a == null) {
            throw ApiException.notFound("Allocation", id);
        }
        return a;
    }

    /** The allocation by id or code, or a 404. */
    public Allocation getByIdOrCode(String idOrCode) {
        try {
            return get(UUID.fromString(idOrCode.trim()));
        } catch (IllegalArgumentException notUuid) {
            // codes are unique per owning instance: this instance's own allocation first, then a replica's
            return Allocation.<Allocation>find("code = ?1 order by case when origin is null then 0 else 1 end, origin",
                            idOrCode.trim().toUpperCase(Locale.ROOT)).firstResultOptional()
                    .orElseThrow(() -> ApiException.notFound("Allocation", idOrCode));
        }
    }

    /**
     * The allocation, its row locked until the transaction ends ({@code SELECT … FOR UPDATE}): every change of its
     * amount, status or disbursed total happens under this lock, so concurrent disbursements queue up and each sees
     * the total the previous one left.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Allocation lock(UUID id) {
        Allocation a = em.find(Allocation.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (a == null) {
            throw ApiException.notFound("Allocation", id);
        }
        return a;
    }

    /**
     * {@link #lock} for a local write: an allocation another instance owns (a ministry's, replicated at central) is
     * read-only here, 409 {@code read-only-replica}.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Allocation lockOwned(UUID id) {
        Allocation a = lock(id);
        federation.requireOwned(a.origin, "Allocation", a.code);
        return a;
    }

    @Transactional
    public AllocationView create(AllocationRequest request) {
        FiscalYear year = FiscalYear.byYear(request.fiscalYear());
        if (year == null) {
            throw ApiException.badRequest("fiscalYear", "fiscal year " + request.fiscalYear()
                    + " does not exist (a central admin creates it first)");
        }
        InitiativeReplica initiative = initiatives.resolve(request.initiativeId(), request.initiative(), "initiative");
        access.requireRoleInScope(initiative.leadAgencyCode, Roles.MINISTRY_ADMIN);
        commissioning.requireAgencyWritable(initiative.leadAgencyCode, "An allocation");
        requireYearTotalFits(year.year, request.amount());
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        Allocation a = new Allocation();
        a.id = UUID.randomUUID();
        a.code = nextCode(year.year);
        a.initiative = initiative;
        a.fiscalYear = year.year;
        a.fundingSource = request.fundingSource();
        a.leadAgencyCode = initiative.leadAgencyCode;
        a.amount = request.amount();
        a.disbursed = 0;
        a.status = AllocationStatus.PLANNED;
        a.purpose = request.purpose() == null || request.purpose().isBlank() ? null : request.purpose().trim();
        a.originInstance = instance.id();
        a.createdBy = caller.subject();
        a.createdAt = now;
        a.updatedAt = now;
        a.persist();
        AllocationEvent entry = history(a, AllocationEvent.Action.CREATED, null, null, null);
        em.flush();
        return changed(a, null, entry, "allocation.created", BudgetEvents.ALLOCATION_CREATED);
    }

    @Transactional
    public AllocationView approve(UUID id, String ifMatch, ApprovalRequest request) {
        Allocation a = lockOwned(id);
        ETags.require(ifMatch, a.version);
        requireApprover(a);
        if (a.status != AllocationStatus.PLANNED) {
            throw illegal(a, AllocationStatus.APPROVED);
        }
        // queried before the allocation changes: a query flushes pending changes, and one flush is one version
        List<String> unfunded = a.initiative.key ? new ArrayList<>() : unfundedKeyInitiatives(a);
        AllocationView before = AllocationView.of(a);
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        a.status = AllocationStatus.APPROVED;
        a.approvedBy = caller.subject();
        a.approvedByAgency = caller.agency();
        a.approvedAt = now;
        a.updatedAt = now;
        a.unfundedKeyInitiatives = unfunded;
        AllocationEvent entry = history(a, AllocationEvent.Action.APPROVED, AllocationStatus.PLANNED, a.amount,
                request == null ? null : request.note());
        em.flush();
        return changed(a, before, entry, "allocation.approved", BudgetEvents.ALLOCATION_APPROVED);
    }

    @Transactional
    public AllocationView amend(UUID id, String ifMatch, AmendmentRequest request) {
        Allocation a = lockOwned(id);
        ETags.require(ifMatch, a.version);
        requireWriter(a);
        if (a.status == AllocationStatus.CANCELLED) {
            throw ApiException.conflict("allocation " + a.code + " is CANCELLED and can no longer be amended")
                    .with("currentStatus", a.status);
        }
        long amount = request.amount();
        if (amount == a.amount) {
            throw ApiException.badRequest("amount", "equals the current amount (" + a.amount + " VND)");
        }
        if (amount < a.disbursed) {
            throw ApiException.conflict("allocation " + a.code + " cannot be lowered to " + amount + " VND: "
                            + a.disbursed + " VND are already disbursed")
                    .with("disbursed", a.disbursed).with("minimumAmount", a.disbursed);
        }
        if (amount > a.amount) {
            requireYearTotalFits(a.fiscalYear, amount - a.amount);
        }
        AllocationView before = AllocationView.of(a);
        long previous = a.amount;
        a.amount = amount;
        a.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
        AllocationEvent entry = history(a, AllocationEvent.Action.AMENDED, a.status, previous, request.reason().trim());
        em.flush();
        return changed(a, before, entry, "allocation.amended", BudgetEvents.ALLOCATION_AMENDED);
    }

    @Transactional
    public AllocationView cancel(UUID id, String ifMatch, CancellationRequest request) {
        Allocation a = lockOwned(id);
        ETags.require(ifMatch, a.version);
        requireWriter(a);
        if (a.status == AllocationStatus.CANCELLED) {
            throw illegal(a, AllocationStatus.CANCELLED);
        }
        if (a.disbursed != 0) {
            throw ApiException.conflict("allocation " + a.code + " has " + a.disbursed + " VND disbursed; reverse the "
                    + "disbursements before cancelling it").with("disbursed", a.disbursed);
        }
        AllocationView before = AllocationView.of(a);
        AllocationStatus from = a.status;
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        a.status = AllocationStatus.CANCELLED;
        a.cancelledBy = caller.subject();
        a.cancelledAt = now;
        a.cancelReason = request.reason().trim();
        a.updatedAt = now;
        AllocationEvent entry = history(a, AllocationEvent.Action.CANCELLED, from, a.amount, a.cancelReason);
        em.flush();
        return changed(a, before, entry, "allocation.cancelled", BudgetEvents.ALLOCATION_CANCELLED);
    }

    public List<HistoryEntry> history(UUID id) {
        get(id);
        return AllocationEvent.<AllocationEvent>find("allocationId", Sort.by("occurredAt").and("id"), id)
                .stream().map(HistoryEntry::of).toList();
    }

    /**
     * Who may approve: a central admin; for any source but the central budget, also a ministry admin of the lead
     * agency (or an agency above it).
     */
    private void requireApprover(Allocation a) {
        if (a.fundingSource == FundingSource.CENTRAL_BUDGET && !caller.isCentralAdmin()) {
            throw ApiException.forbidden("only a central admin approves allocations of the central budget");
        }
        access.requireRoleInScope(a.leadAgencyCode, Roles.MINISTRY_ADMIN);
    }

    /** Who may amend or cancel: the planner while PLANNED, the approver once APPROVED. */
    private void requireWriter(Allocation a) {
        if (a.status == AllocationStatus.APPROVED) {
            requireApprover(a);
        } else {
            access.requireRoleInScope(a.leadAgencyCode, Roles.MINISTRY_ADMIN);
        }
    }

    private static ApiException illegal(Allocation a, AllocationStatus to) {
        List<AllocationStatus> allowed = a.status.allowedNext();
        return ApiException.conflict("allocation " + a.code + " cannot go from " + a.status + " to " + to
                        + (allowed.isEmpty() ? " (" + a.status + " is final)" : "; allowed: " + allowed))
                .with("currentStatus", a.status).with("allowed", allowed);
    }

    /** Key initiatives of the allocation's System with no approved allocation in its fiscal year. */
    private List<String> unfundedKeyInitiatives(Allocation a) {
        List<InitiativeReplica> unfunded = unfundedKeyInitiatives(a.fiscalYear, a.initiative.systemCode, a.initiative.id,
                WARNING_LIMIT);
        return new ArrayList<>(unfunded.stream().map(r -> r.code != null ? r.code : r.id.toString()).toList());
    }

    /**
     * Key initiatives (not cancelled or completed) with no APPROVED allocation in {@code year}, optionally of one
     * System and without {@code except}; by code.
     */
    public List<InitiativeReplica> unfundedKeyInitiatives(int year, String system, UUID except, int limit) {
        StringBuilder q = new StringBuilder("from InitiativeReplica r where r.key = true "
                + "and (r.status is null or r.status not in ('CANCELLED', 'COMPLETED')) "
                + "and not exists (select 1 from Allocation a where a.initiative = r and a.fiscalYear = :year "
                + "and a.status = vn.nq57.budget.allocation.AllocationStatus.APPROVED)");
        Parameters params = Parameters.with("year", year);
        if (system != null) {
            q.append(" and r.systemCode = :system");
            params.and("system", system);
        }
        if (except != null) {
            q.append(" and r.id <> :except");
            params.and("except", except);
        }
        var query = InitiativeReplica.<InitiativeReplica>find(q.toString(), Sort.by("r.systemCode").and("r.code")
                .and("r.id"), params);
        return limit > 0 ? query.page(0, limit).list() : query.list();
    }

    /** The year's allocations must stay summable in whole VND (a long): reports add them up exactly. */
    private void requireYearTotalFits(int year, long more) {
        Object sum = em.createNativeQuery("SELECT coalesce(sum(amount), 0) FROM allocation "
                + "WHERE fiscal_year = ?1 AND status <> 'CANCELLED'").setParameter(1, year).getSingleResult();
        Money.add(Money.exact(sum), more);
    }

    private String nextCode(int year) {
        long n = ((Number) em.createNativeQuery("SELECT nextval('allocation_code_seq')").getSingleResult()).longValue();
        return String.format(Locale.ROOT, "AL-%d-%06d", year, n);
    }

    private AllocationEvent history(Allocation a, AllocationEvent.Action action, AllocationStatus statusBefore,
                                    Long amountBefore, String reason) {
        AllocationEvent e = new AllocationEvent();
        e.id = UUID.randomUUID();
        e.allocationId = a.id;
        e.action = action;
        e.statusBefore = statusBefore;
        e.statusAfter = a.status;
        e.amountBefore = amountBefore;
        e.amountAfter = a.amount;
        e.reason = reason == null || reason.isBlank() ? null : reason.trim();
        e.actor = caller.subject();
        e.actorAgency = caller.agency();
        e.occurredAt = OffsetDateTime.now(ZoneOffset.UTC);
        e.persist();
        return e;
    }

    private AllocationView changed(Allocation a, AllocationView before, AllocationEvent entry, String action,
                                   String eventType) {
        AllocationView after = AllocationView.of(a);
        audit.record(action, "allocation", a.id, before, after);
        outbox.publish(BudgetEvents.TOPIC, eventType, "allocation", a.id, a.version, AllocationEventData.of(a, entry));
        return after;
    }
}
