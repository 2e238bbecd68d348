package vn.nq57.budget.report;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import vn.nq57.budget.allocation.Allocation;
import vn.nq57.budget.allocation.AllocationService;
import vn.nq57.budget.allocation.AllocationStatus;
import vn.nq57.budget.allocation.FundingSource;
import vn.nq57.platform.federation.OriginFilter;
import vn.nq57.budget.fiscalyear.FiscalYear;
import vn.nq57.budget.fiscalyear.FiscalYearService;
import vn.nq57.budget.initiative.InitiativeReplica;
import vn.nq57.budget.json.Money;
import vn.nq57.budget.report.ReportViews.AgencyRow;
import vn.nq57.budget.report.ReportViews.Breakdown;
import vn.nq57.budget.report.ReportViews.Figures;
import vn.nq57.budget.report.ReportViews.InitiativeRow;
import vn.nq57.budget.report.ReportViews.NonStateShare;
import vn.nq57.budget.report.ReportViews.PriorityReport;
import vn.nq57.budget.report.ReportViews.PriorityWarning;
import vn.nq57.budget.report.ReportViews.SourceRow;
import vn.nq57.budget.report.ReportViews.SystemRow;
import vn.nq57.budget.report.ReportViews.ThreePercentRule;
import vn.nq57.budget.report.ReportViews.UnfundedKeyInitiative;

/**
 * The budget reports of one fiscal year. Each is one aggregate query over the year's allocations (their running
 * disbursed totals make disbursement figures a sum, not a scan of disbursements); sums are exact whole VND.
 */
@ApplicationScoped
public class ReportService {

    static final List<String> SYSTEMS = List.of("H1", "H2", "H3", "H4", "H5", "H6");
    static final BigDecimal NON_STATE_TARGET = BigDecimal.valueOf(60);

    @Inject
    EntityManager em;

    @Inject
    FiscalYearService fiscalYears;

    @Inject
    AllocationService allocations;

    private static final String FIGURES = """
            count(*) FILTER (WHERE a.status <> 'CANCELLED'),
            coalesce(sum(a.amount) FILTER (WHERE a.status = 'PLANNED'), 0),
            coalesce(sum(a.amount) FILTER (WHERE a.status = 'APPROVED'), 0),
            coalesce(sum(a.disbursed) FILTER (WHERE a.status = 'APPROVED'), 0)""";

    public ThreePercentRule threePercentRule(int year, OriginFilter.Filter origin) {
        FiscalYear f = fiscalYears.get(year);
        Map<FundingSource, Figures> sources = sourceFigures(year, origin);
        long state = 0;
        for (FundingSource s : List.of(FundingSource.CENTRAL_BUDGET, FundingSource.LOCAL_BUDGET, FundingSource.ODA)) {
            state = Money.add(state, sources.get(s).approved());
        }
        long required = Math.addExact(Math.multiplyExact(f.totalStateExpenditure, 3L), 99L) / 100L;
        boolean passes = Money.atLeastPercent(f.stiBudget, f.totalStateExpenditure, FiscalYearService.STI_RULE_PERCENT);
        return new ThreePercentRule(year, f.totalStateExpenditure, f.stiBudget,
                Money.percent(f.stiBudget, f.totalStateExpenditure, 4), FiscalYearService.STI_RULE_PERCENT, passes,
                passes ? 0L : required - f.stiBudget, state, Money.percent(state, f.totalStateExpenditure, 4), now());
    }

    public NonStateShare nonStateShare(int year, OriginFilter.Filter origin) {
        fiscalYears.get(year);
        Map<FundingSource, Figures> sources = sourceFigures(year, origin);
        long total = 0;
        long nonState = 0;
        long other = 0;
        for (Map.Entry<FundingSource, Figures> e : sources.entrySet()) {
            long approved = e.getValue().approved();
            total = Money.add(total, approved);
            if (e.getKey().isNonState()) {
                nonState = Money.add(nonState, approved);
            } else if (e.getKey() == FundingSource.OTHER) {
                other = Money.add(other, approved);
            }
        }
        long state = total - nonState - other;
        boolean meets = total > 0 && BigDecimal.valueOf(nonState).multiply(BigDecimal.valueOf(100))
                .compareTo(BigDecimal.valueOf(total).multiply(NON_STATE_TARGET)) > 0;
        return new NonStateShare(year, total, nonState, state, other, Money.percent(nonState, total),
                NON_STATE_TARGET, meets, sourceRows(sources, total), now());
    }

    public Breakdown<SourceRow> byFundingSource(int year, OriginFilter.Filter origin) {
        fiscalYears.get(year);
        Map<FundingSource, Figures> sources = sourceFigures(year, origin);
        Figures totals = total(new ArrayList<>(sources.values()));
        return new Breakdown<>(year, "fundingSource", sourceRows(sources, totals.approved()), totals, now());
    }

    public Breakdown<SystemRow> bySystem(int year, OriginFilter.Filter origin) {
        fiscalYears.get(year);
        Map<String, Figures> bySystem = new LinkedHashMap<>();
        SYSTEMS.forEach(s -> bySystem.put(s, figures(0, 0, 0, 0)));
        for (Object[] row : query("r.system_code", year, origin)) {
            bySystem.put((String) row[0], figures(row, 1));
        }
        List<SystemRow> rows = bySystem.entrySet().stream().map(e -> {
            Figures f = e.getValue();
            return new SystemRow(e.getKey(), f.allocations(), f.planned(), f.approved(), f.disbursed(), f.remaining(),
                    f.disbursementRate());
        }).toList();
        return new Breakdown<>(year, "system", rows, total(new ArrayList<>(bySystem.values())), now());
    }

    public Breakdown<AgencyRow> byAgency(int year, OriginFilter.Filter origin) {
        fiscalYears.get(year);
        List<AgencyRow> rows = new ArrayList<>();
        List<Figures> all = new ArrayList<>();
        for (Object[] row : query("a.lead_agency_code, ag.name_vi", year, origin)) {
            Figures f = figures(row, 2);
            all.add(f);
            rows.add(new AgencyRow((String) row[0], (String) row[1], f.allocations(), f.planned(), f.approved(),
                    f.disbursed(), f.remaining(), f.disbursementRate()));
        }
        return new Breakdown<>(year, "agency", rows, total(all), now());
    }

    public Breakdown<InitiativeRow> byInitiative(int year, OriginFilter.Filter origin) {
        fiscalYears.get(year);
        List<InitiativeRow> rows = new ArrayList<>();
        List<Figures> all = new ArrayList<>();
        for (Object[] row : query("r.code, r.id, r.system_code, r.lead_agency_code, r.key_initiative", year, origin)) {
            Figures f = figures(row, 5);
            all.add(f);
            rows.add(new InitiativeRow((UUID) row[1], (String) row[0], (String) row[2], (String) row[3],
                    (Boolean) row[4], f.allocations(), f.planned(), f.approved(), f.disbursed(), f.remaining(),
                    f.disbursementRate()));
        }
        return new Breakdown<>(year, "initiative", rows, total(all), now());
    }

    public PriorityReport priority(int year) {
        fiscalYears.get(year);
        List<InitiativeReplica> unfunded = allocations.unfundedKeyInitiatives(year, null, null, 0);
        Map<UUID, Long> planned = new LinkedHashMap<>();
        if (!unfunded.isEmpty()) {
            @SuppressWarnings("unchecked")
            List<Object[]> sums = em.createNativeQuery("SELECT a.initiative_id, coalesce(sum(a.amount), 0) "
                            + "FROM allocation a WHERE a.fiscal_year = ?1 AND a.status = 'PLANNED' "
                            + "AND a.initiative_id IN (?2) GROUP BY a.initiative_id")
                    .setParameter(1, year).setParameter(2, unfunded.stream().map(r -> r.id).toList()).getResultList();
            sums.forEach(row -> planned.put((UUID) row[0], Money.exact(row[1])));
        }
        List<UnfundedKeyInitiative> keys = unfunded.stream().map(r -> new UnfundedKeyInitiative(r.id, r.code,
                r.systemCode, r.leadAgencyCode, planned.getOrDefault(r.id, 0L))).toList();
        @SuppressWarnings("unchecked")
        List<UUID> warned = em.createNativeQuery("SELECT a.id FROM allocation a WHERE a.fiscal_year = ?1 "
                + "AND a.status = 'APPROVED' AND jsonb_array_length(a.unfunded_key_initiatives) > 0")
                .setParameter(1, year).getResultList();
        List<Allocation> warnedAllocations = warned.isEmpty() ? List.of()
                : Allocation.<Allocation>find("from Allocation a join fetch a.initiative where a.id in ?1 "
                        + "and a.status = ?2 and a.initiative.key = false", Sort.by("a.approvedAt").and("a.code"),
                        warned, AllocationStatus.APPROVED).list();
        List<PriorityWarning> warnings = warnedAllocations.stream()
                .map(a -> new PriorityWarning(a.id, a.code, a.initiative.id, a.initiative.code, a.initiative.systemCode,
                        a.leadAgencyCode, a.fundingSource, a.amount, a.approvedBy, a.approvedAt,
                        List.copyOf(a.unfundedKeyInitiatives))).toList();
        return new PriorityReport(year, keys, warnings, now());
    }

    private Map<FundingSource, Figures> sourceFigures(int year, OriginFilter.Filter origin) {
        Map<FundingSource, Figures> bySource = new EnumMap<>(FundingSource.class);
        for (FundingSource s : FundingSource.values()) {
            bySource.put(s, figures(0, 0, 0, 0));
        }
        for (Object[] row : query("a.funding_source", year, origin)) {
            bySource.put(FundingSource.valueOf((String) row[0]), figures(row, 1));
        }
        return bySource;
    }

    private static List<SourceRow> sourceRows(Map<FundingSource, Figures> sources, long approvedTotal) {
        return sources.entrySet().stream().map(e -> {
            Figures f = e.getValue();
            return new SourceRow(e.getKey(), e.getKey().isNonState(), f.allocations(), f.planned(), f.approved(),
                    f.disbursed(), f.remaining(), f.disbursementRate(), Money.percent(f.approved(), approvedTotal));
        }).toList();
    }

    /** The figures per group of the year's allocations, of one owning instance when {@code origin} is given. */
    @SuppressWarnings("unchecked")
    private List<Object[]> query(String keys, int year, OriginFilter.Filter origin) {
        var query = em.createNativeQuery("SELECT " + keys + ", " + FIGURES + " FROM allocation a "
                        + "JOIN initiative_replica r ON r.id = a.initiative_id "
                        + "LEFT JOIN agency_replica ag ON ag.code = a.lead_agency_code WHERE a.fiscal_year = :year"
                        + OriginFilter.condition(origin, "a.origin") + " GROUP BY " + keys + " ORDER BY 1")
                .setParameter("year", year);
        if (origin != null && origin.column() != null) {
            query.setParameter("origin", origin.column());
        }
        return query.getResultList();
    }

    private static Figures figures(Object[] row, int offset) {
        return figures(Money.exact(row[offset]), Money.exact(row[offset + 1]), Money.exact(row[offset + 2]),
                Money.exact(row[offset + 3]));
    }

    private static Figures figures(long count, long planned, long approved, long disbursed) {
        return new Figures(count, planned, approved, disbursed, approved - disbursed,
                Money.percent(disbursed, approved));
    }

    private static Figures total(List<Figures> rows) {
        long count = 0;
        long planned = 0;
        long approved = 0;
        long disbursed = 0;
        for (Figures f : rows) {
            count += f.allocations();
            planned = Money.add(planned, f.planned());
            approved = Money.add(approved, f.approved());
            disbursed = Money.add(disbursed, f.disbursed());
        }
        return figures(count, planned, approved, disbursed);
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
