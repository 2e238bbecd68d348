package vn.nq57.deploy;

import static vn.nq57.deploy.SampleLoader.CENTRAL_ADMIN;
import static vn.nq57.deploy.SampleLoader.submitterOf;

import vn.nq57.client.budget.model.AllocationRequest;
import vn.nq57.client.budget.model.AllocationStatus;
import vn.nq57.client.budget.model.AllocationView;
import vn.nq57.client.budget.model.ApprovalRequest;
import vn.nq57.client.budget.model.DisbursementRequest;
import vn.nq57.client.budget.model.DisbursementView;
import vn.nq57.client.budget.model.FiscalYearRequest;
import vn.nq57.client.budget.model.FiscalYearView;
import vn.nq57.client.budget.model.FundingSource;
import vn.nq57.client.budget.model.InitiativeFacts;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The budget (budget-service): fiscal years 2024–2026 (Idempotency-Key), then each funded initiative's allocations
 * (Idempotency-Key), approved by the central admin where the sample says so (If-Match: the allocation's ETag), and
 * their payments to date (idempotent by nature: the same payment reference is not recorded twice).
 */
final class BudgetPart extends Part {

    /** An allocation the sample gives an initiative. */
    private record Planned(int year, String source, long amount, boolean approve) {
    }

    private int allocations, approved, payments;
    private long paid;

    BudgetPart(Clients clients, Calls calls, Report report, Map<String, UUID> initiativeIds, LocalDate today) {
        super(clients, calls, report, initiativeIds, today);
    }

    void fiscalYears() throws Exception {
        int created = 0, existing = 0;
        for (SampleData.FiscalYear y : SampleData.fiscalYears()) {
            Reply<FiscalYearView> got = calls.budget(() -> clients.as(CENTRAL_ADMIN).fiscalYears()
                    .getFiscalYearWithHttpInfo(y.year()));
            if (got.status() == 200) {
                existing++;
                continue;
            }
            FiscalYearRequest body = new FiscalYearRequest().year(y.year())
                    .totalStateExpenditure(y.totalStateExpenditure()).stiBudget(y.stiBudget()).note(y.note());
            Reply<FiscalYearView> r = calls.budget(() -> clients.as(CENTRAL_ADMIN).fiscalYears()
                    .createFiscalYearWithHttpInfo(body, "sample-fiscal-year-" + y.year()));
            if (r.ok()) created++;
            else report.skip("create fiscal year " + y.year(), r);
        }
        report.count("fiscal years", created + " created, " + existing + " already there (2024–2026)");
    }

    void allocations() throws Exception {
        allocations = 0;
        approved = 0;
        payments = 0;
        paid = 0;
        for (SampleData.Initiative i : SampleData.initiatives()) {
            UUID id = initiativeIds.get(i.code());
            if (id == null || !i.funded()) continue;
            for (Planned p : plan(i)) {
                allocate(i, id, p);
            }
        }
        report.count("budget", allocations + " allocations (" + approved + " approved), " + payments
                + " payments recorded, " + (paid / SampleData.BILLION) + " billion VND disbursed");
    }

    private static List<Planned> plan(SampleData.Initiative i) {
        List<Planned> plan = new ArrayList<>();
        if (i.allocation2025() > 0) plan.add(new Planned(2025, "CENTRAL_BUDGET", i.allocation2025(), true));
        if (i.allocation2026() > 0) plan.add(new Planned(2026, "CENTRAL_BUDGET", i.allocation2026(),
                !i.finalStatus().equals("SUSPENDED")));
        if (i.nonStateSource() != null) plan.add(new Planned(2026, i.nonStateSource(), i.nonStateAmount(), true));
        return plan;
    }

    /** One allocation: created (or found again by its Idempotency-Key), approved when planned so, then paid. */
    private void allocate(SampleData.Initiative i, UUID id, Planned p) throws Exception {
        AllocationRequest body = new AllocationRequest().initiativeId(id).fiscalYear(p.year())
                .fundingSource(FundingSource.fromValue(p.source())).amount(p.amount())
                .purpose("Kinh phí thực hiện " + i.code() + " năm " + p.year() + " (dữ liệu mẫu)")
                .initiative(new InitiativeFacts().code(i.code()).system(i.system())
                        .leadAgency(i.leadAgency()).key(i.key()));
        String key = "sample-allocation-" + i.code() + "-" + p.year() + "-" + p.source();
        Reply<AllocationView> r = calls.retryUnknownInitiative(() -> calls.budget(() -> clients.as(CENTRAL_ADMIN)
                .allocations().createAllocationWithHttpInfo(body, key)));
        if (!r.ok()) {
            report.skip("allocation " + i.code() + " " + p.year() + " " + p.source(), r);
            return;
        }
        allocations++;
        AllocationView a = r.body();
        if (p.approve() && a.getStatus() == AllocationStatus.PLANNED) {
            a = approve(i, a);
            if (a == null) return;
        }
        if (a.getStatus() != AllocationStatus.APPROVED) return;
        approved++;
        String user = p.source().equals("CENTRAL_BUDGET") ? submitterOf(i.leadAgency()) : CENTRAL_ADMIN;
        for (SampleData.Payment pay : SampleData.payments(p.year(), p.amount(), today)) {
            pay(i, p, a, pay, user);
        }
    }

    /** The allocation approved, or {@code null} when the service refused (reported). */
    private AllocationView approve(SampleData.Initiative i, AllocationView a) throws Exception {
        String allocationId = a.getId().toString();
        Reply<AllocationView> cur = calls.budget(() -> clients.as(CENTRAL_ADMIN).allocations()
                .getAllocationWithHttpInfo(allocationId));
        String ifMatch = cur.ifMatch(cur.body() == null ? null : cur.body().getVersion());
        ApprovalRequest body = new ApprovalRequest().note("Phê duyệt dự toán (dữ liệu mẫu)");
        Reply<AllocationView> ap = calls.budget(() -> clients.as(CENTRAL_ADMIN).allocations()
                .approveAllocationWithHttpInfo(allocationId, ifMatch, body));
        if (!ap.ok()) {
            report.skip("approve allocation " + a.getCode() + " of " + i.code(), ap);
            return null;
        }
        return ap.body();
    }

    private void pay(SampleData.Initiative i, Planned p, AllocationView a, SampleData.Payment pay, String user)
            throws Exception {
        DisbursementRequest body = new DisbursementRequest().date(pay.date()).amount(pay.amount())
                .paymentReference("UNC-" + p.year() + "-" + i.code() + "-" + p.source().charAt(0) + pay.seq())
                .note("Thanh toán đợt " + pay.seq());
        Reply<DisbursementView> d = calls.budget(() -> clients.as(user).disbursements()
                .recordAllocationDisbursementWithHttpInfo(a.getId().toString(), body, null));
        if (d.ok()) {
            payments++;
            paid += pay.amount();
        } else {
            report.skip("disbursement " + pay.seq() + " of " + a.getCode() + " (" + i.code() + ") as " + user, d);
        }
    }
}
