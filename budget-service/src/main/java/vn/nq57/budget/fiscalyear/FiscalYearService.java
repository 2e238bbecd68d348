package vn.nq57.budget.fiscalyear;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import vn.nq57.budget.events.BudgetEvents;
import vn.nq57.budget.fiscalyear.FiscalYearViews.FiscalYearEventData;
import vn.nq57.budget.fiscalyear.FiscalYearViews.FiscalYearRequest;
import vn.nq57.budget.fiscalyear.FiscalYearViews.FiscalYearUpdate;
import vn.nq57.budget.fiscalyear.FiscalYearViews.FiscalYearView;
import vn.nq57.platform.InstanceConfig;
import vn.nq57.platform.audit.AuditTrail;
import vn.nq57.platform.error.ApiException;
import vn.nq57.platform.http.ETags;
import vn.nq57.platform.outbox.Outbox;
import vn.nq57.platform.paging.Page;
import vn.nq57.platform.paging.PageRequest;
import vn.nq57.platform.security.Caller;

/** Fiscal years: created and edited by a central admin (the role is checked by the resource). */
@ApplicationScoped
public class FiscalYearService {

    /** The Resolution's rule: at least 3 % of annual state spending goes to S&T, innovation and digital transformation. */
    public static final BigDecimal STI_RULE_PERCENT = BigDecimal.valueOf(3);

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

    public Page<FiscalYearView> list(PageRequest page) {
        var query = FiscalYear.<FiscalYear>findAll(Sort.by("year"));
        long total = query.count();
        List<FiscalYearView> items = query.page(page.page, page.size).list().stream().map(FiscalYearView::of).toList();
        return Page.of(items, page, total);
    }

    public FiscalYear get(int year) {
        FiscalYear f = FiscalYear.byYear(year);
        if (f == null) {
            throw ApiException.notFound("Fiscal year", year);
        }
        return f;
    }

    @Transactional
    public FiscalYearView create(FiscalYearRequest request) {
        if (FiscalYear.count("year", request.year()) > 0) {
            throw ApiException.conflict("fiscal year " + request.year() + " already exists; update it with PUT and If-Match");
        }
        checkLine(request.totalStateExpenditure(), request.stiBudget());
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        FiscalYear f = new FiscalYear();
        f.id = UUID.randomUUID();
        f.year = request.year();
        f.totalStateExpenditure = request.totalStateExpenditure();
        f.stiBudget = request.stiBudget();
        f.note = blankToNull(request.note());
        f.originInstance = instance.id();
        f.createdBy = caller.subject();
        f.createdAt = now;
        f.updatedBy = caller.subject();
        f.updatedAt = now;
        f.persist();
        em.flush();
        return changed(f, null, "fiscal-year.created");
    }

    @Transactional
    public FiscalYearView update(int year, String ifMatch, FiscalYearUpdate request) {
        FiscalYear f = get(year);
        ETags.require(ifMatch, f.version);
        checkLine(request.totalStateExpenditure(), request.stiBudget());
        FiscalYearView before = FiscalYearView.of(f);
        f.totalStateExpenditure = request.totalStateExpenditure();
        f.stiBudget = request.stiBudget();
        f.note = blankToNull(request.note());
        f.updatedBy = caller.subject();
        f.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
        em.flush();
        return changed(f, before, "fiscal-year.updated");
    }

    private static void checkLine(long total, long sti) {
        if (sti > total) {
            throw ApiException.badRequest("stiBudget", "the S&T, innovation and digital-transformation line cannot "
                    + "exceed the total state budget expenditure (" + total + " VND)");
        }
    }

    private FiscalYearView changed(FiscalYear f, FiscalYearView before, String action) {
        FiscalYearView after = FiscalYearView.of(f);
        audit.record(action, "fiscal-year", f.year, before, after);
        outbox.publish(BudgetEvents.TOPIC, BudgetEvents.FISCAL_YEAR_UPDATED, "fiscal-year", f.id, f.version,
                FiscalYearEventData.of(f));
        return after;
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
