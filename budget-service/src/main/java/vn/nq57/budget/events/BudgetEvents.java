package vn.nq57.budget.events;

/**
 * Topic and event types this service publishes (DESIGN.md §3 Events). Disbursement events are published on the
 * allocation aggregate (key = allocation id, version = the allocation's version after the change), so that a
 * consumer sees an allocation's approvals, amendments and disbursements in order and can skip stale ones.
 */
public final class BudgetEvents {
    public static final String TOPIC = "nq57.budget.v1";
    public static final String FISCAL_YEAR_UPDATED = "nq57.fiscal-year.updated.v1";
    public static final String ALLOCATION_CREATED = "nq57.allocation.created.v1";
    public static final String ALLOCATION_APPROVED = "nq57.allocation.approved.v1";
    public static final String ALLOCATION_AMENDED = "nq57.allocation.amended.v1";
    public static final String ALLOCATION_CANCELLED = "nq57.allocation.cancelled.v1";
    public static final String DISBURSEMENT_RECORDED = "nq57.disbursement.recorded.v1";
    public static final String DISBURSEMENT_REVERSED = "nq57.disbursement.reversed.v1";

    private BudgetEvents() {
    }
}
