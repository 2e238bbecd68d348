package vn.nq57.initiative.scorecard;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import vn.nq57.initiative.catalogue.PlanSystem;
import vn.nq57.initiative.plan.InitiativeService;
import vn.nq57.initiative.scorecard.ScorecardViews.AgencyScorecard;
import vn.nq57.initiative.scorecard.ScorecardViews.BudgetSummary;
import vn.nq57.initiative.scorecard.ScorecardViews.InitiativeCounts;
import vn.nq57.initiative.scorecard.ScorecardViews.InitiativeScore;
import vn.nq57.initiative.scorecard.ScorecardViews.KpiSummary;
import vn.nq57.initiative.scorecard.ScorecardViews.PlanScore;
import vn.nq57.initiative.scorecard.ScorecardViews.Reason;
import vn.nq57.initiative.scorecard.ScorecardViews.SystemScore;
import vn.nq57.initiative.scorecard.ScorecardViews.SystemScorecard;
import vn.nq57.platform.error.ApiException;
import vn.nq57.platform.paging.Page;
import vn.nq57.platform.paging.PageRequest;
import vn.nq57.platform.period.Period;

/**
 * The scorecard: per initiative, System, agency and plan, from the KPI statuses and budget figures replicated from
 * kpi-service and budget-service, and this service's own outputs and obstacles. Whatever the scope, a scorecard costs
 * six grouped queries (no per-initiative queries). Health rules are in the README.
 */
@ApplicationScoped
public class ScorecardService {

    @Inject
    Clock clock;

    @Inject
    EntityManager em;

    @ConfigProperty(name = "nq57.scorecard.overdue-red-days", defaultValue = "90")
    int overdueRedDays;

    @ConfigProperty(name = "nq57.scorecard.obstacle-red-days", defaultValue = "60")
    int obstacleRedDays;

    @ConfigProperty(name = "nq57.scorecard.system-red-share", defaultValue = "0.34")
    double systemRedShare;

    /** Which initiatives a scorecard covers: a SQL condition on {@code i} (initiative) and {@code a} (lead agency). */
    record Scope(String condition, Map<String, Object> params) {
        static Scope all() {
            return new Scope("TRUE", Map.of());
        }

        static Scope system(String code) {
            return new Scope("i.system_code = :system", Map.of("system", code));
        }

        static Scope initiative(UUID id) {
            return new Scope("i.id = :id", Map.of("id", id));
        }

        static Scope agencies(Collection<String> codes) {
            return new Scope("a.code IN (:agencies)", Map.of("agencies", codes));
        }
    }

    public InitiativeScore initiative(UUID id) {
        List<InitiativeScore> scores = scores(Scope.initiative(id));
        if (scores.isEmpty()) {
            throw ApiException.notFound("Initiative", id + " (or it is cancelled)");
        }
        return scores.get(0);
    }

    public SystemScorecard system(String code, PageRequest page) {
        PlanSystem system = PlanSystem.findById(code.toUpperCase());
        if (system == null) {
            throw ApiException.notFound("System", code);
        }
        List<InitiativeScore> scores = scores(Scope.system(system.code));
        SystemScore score = systemScore(system, scores, strategicKpi().getOrDefault(system.code, KpiSummary.NONE));
        return new SystemScorecard(score, page(scores, page));
    }

    public AgencyScorecard agency(String agency, Collection<String> subtree, PageRequest page) {
        List<InitiativeScore> scores = scores(Scope.agencies(subtree));
        return new AgencyScorecard(agency, counts(scores), budget(scores), page(scores, page), now());
    }

    /** The scores of every non-cancelled initiative (the accountability board and the warnings read them). */
    public List<InitiativeScore> all() {
        return scores(Scope.all());
    }

    public PlanScore plan() {
        List<InitiativeScore> all = scores(Scope.all());
        Map<String, KpiSummary> strategic = strategicKpi();
        List<SystemScore> systems = new ArrayList<>();
        for (PlanSystem s : PlanSystem.<PlanSystem>listAll(io.quarkus.panache.common.Sort.by("sortOrder"))) {
            List<InitiativeScore> ofSystem = all.stream().filter(i -> i.system().equals(s.code)).toList();
            systems.add(systemScore(s, ofSystem, strategic.getOrDefault(s.code, KpiSummary.NONE)));
        }
        List<Reason> reasons = new ArrayList<>();
        Health worst = Health.GREY;
        for (SystemScore s : systems) {
            if (s.health() == Health.RED || s.health() == Health.AMBER) {
                reasons.add(new Reason("SYSTEM_" + s.health(), s.code() + " " + s.nameVi() + " is " + s.health()));
            }
            worst = worse(worst, s.health());
        }
        return new PlanScore(worst, reasons, systems, counts(all), budget(all), now());
    }

    private SystemScore systemScore(PlanSystem s, List<InitiativeScore> scores, KpiSummary strategic) {
        InitiativeCounts counts = counts(scores);
        List<Reason> reasons = new ArrayList<>();
        Health health = Health.GREY;
        if (strategic.red() > 0) {
            reasons.add(new Reason("STRATEGIC_KPI_RED", strategic.red() + " strategic indicator(s) RED"));
            health = Health.RED;
        }
        int judged = counts.green() + counts.amber() + counts.red();
        if (judged > 0 && counts.red() >= Math.max(1, Math.ceil(judged * systemRedShare))) {
            reasons.add(new Reason("INITIATIVES_RED", counts.red() + " of " + judged + " initiatives RED"));
            health = Health.RED;
        }
        if (health != Health.RED) {
            if (strategic.amber() > 0) {
                reasons.add(new Reason("STRATEGIC_KPI_AMBER", strategic.amber() + " strategic indicator(s) AMBER"));
                health = Health.AMBER;
            }
            if (counts.red() + counts.amber() > 0) {
                reasons.add(new Reason("INITIATIVES_BEHIND", counts.red() + " RED and " + counts.amber()
                        + " AMBER initiative(s)"));
                health = Health.AMBER;
            }
            if (health == Health.GREY && (strategic.green() > 0 || counts.green() > 0)) {
                health = Health.GREEN;
            }
        }
        if (health == Health.GREY) {
            reasons.add(new Reason("NO_DATA", "no KPI values yet for this System or its initiatives"));
        }
        int overdue = scores.stream().mapToInt(InitiativeScore::overdueOutputs).sum();
        int obstacles = scores.stream().mapToInt(InitiativeScore::openObstacles).sum();
        return new SystemScore(s.code, s.nameVi, health, reasons, strategic, counts, overdue, obstacles, budget(scores),
                latest(strategic.asOf(), scores.stream().map(InitiativeScore::asOf).filter(Objects::nonNull)
                        .max(Comparator.naturalOrder()).orElse(null)));
    }

    /** The scores of every non-cancelled initiative in scope, by code. */
    List<InitiativeScore> scores(Scope scope) {
        String from = " FROM initiative i JOIN agency a ON a.id = i.lead_agency_id ";
        String where = " WHERE i.status <> 'CANCELLED' AND " + scope.condition() + " ";
        List<Object[]> initiatives = rows("SELECT i.id, i.code, i.title_vi, i.system_code, a.code AS lead, i.status, "
                + "i.key_initiative" + from + where + "ORDER BY i.code", scope, null);
        if (initiatives.isEmpty()) {
            return List.of();
        }
        Map<UUID, long[]> overdue = new HashMap<>();
        for (Object[] r : rows("SELECT o.initiative_id, count(*), max(CAST(:today AS date) - o.due_date)"
                + from + "JOIN initiative_output o ON o.initiative_id = i.id" + where
                + "AND o.due_date < CAST(:today AS date) AND o.status NOT IN ('DELIVERED', 'CANCELLED') GROUP BY o.initiative_id",
                scope, Map.of("today", Period.today(clock).toString()))) {
            overdue.put((UUID) r[0], new long[] {num(r[1]), num(r[2])});
        }
        Map<UUID, long[]> obstacles = new HashMap<>();
        for (Object[] r : rows("SELECT b.initiative_id, count(*), max(CAST(extract(day FROM now() - b.filed_at) AS bigint))"
                + from + "JOIN obstacle b ON b.initiative_id = i.id" + where
                + "AND b.status IN ('OPEN', 'ANSWERED') GROUP BY b.initiative_id", scope, null)) {
            obstacles.put((UUID) r[0], new long[] {num(r[1]), num(r[2])});
        }
        Map<UUID, List<Object[]>> kpi = new HashMap<>();
        for (Object[] r : rows("SELECT k.initiative_id, k.status, count(*), avg(k.progress), sum(k.value_count), "
                + "sum(k.missing_count), max(k.as_of)" + from + "JOIN kpi_status k ON k.initiative_id = i.id" + where
                + "AND NOT k.deleted AND k.tier = 'OPERATIONAL' GROUP BY k.initiative_id, k.status", scope, null)) {
            kpi.computeIfAbsent((UUID) r[0], k -> new ArrayList<>()).add(r);
        }
        Map<UUID, BudgetSummary> budget = new HashMap<>();
        for (Object[] r : rows("SELECT b.initiative_id, sum(b.amount), sum(b.disbursed), count(*)" + from
                + "JOIN budget_allocation b ON b.initiative_id = i.id" + where
                + "AND b.status = 'APPROVED' GROUP BY b.initiative_id", scope, null)) {
            budget.put((UUID) r[0], budgetSummary(num(r[1]), num(r[2]), (int) num(r[3])));
        }
        List<InitiativeScore> scores = new ArrayList<>(initiatives.size());
        for (Object[] r : initiatives) {
            UUID id = (UUID) r[0];
            KpiSummary k = kpiSummary(kpi.getOrDefault(id, List.of()), 1);
            long[] od = overdue.getOrDefault(id, new long[] {0, 0});
            long[] ob = obstacles.get(id);
            BudgetSummary b = budget.getOrDefault(id, BudgetSummary.NONE);
            List<Reason> reasons = new ArrayList<>();
            Health health = initiativeHealth(k, od, ob, reasons);
            scores.add(new InitiativeScore(id, (String) r[1], (String) r[2], (String) r[3], (String) r[4],
                    (String) r[5], Boolean.TRUE.equals(r[6]), health, reasons, k, (int) od[0],
                    ob == null ? 0 : (int) ob[0], ob == null ? null : ob[1], b, k.asOf()));
        }
        return scores;
    }

    private Health initiativeHealth(KpiSummary k, long[] overdue, long[] obstacles, List<Reason> reasons) {
        Health health = Health.GREY;
        if (k.red() > 0) {
            reasons.add(new Reason("KPI_RED", k.red() + " of " + k.indicators() + " indicator(s) RED"));
            health = Health.RED;
        }
        if (overdue[0] > 0 && overdue[1] > overdueRedDays) {
            reasons.add(new Reason("OUTPUT_LONG_OVERDUE", "an output is " + overdue[1] + " days overdue (over "
                    + overdueRedDays + ")"));
            health = Health.RED;
        }
        if (obstacles != null && obstacles[1] > obstacleRedDays) {
            reasons.add(new Reason("OBSTACLE_LONG_OPEN", "an obstacle has been open " + obstacles[1] + " days (over "
                    + obstacleRedDays + ")"));
            health = Health.RED;
        }
        if (k.amber() > 0) {
            reasons.add(new Reason("KPI_AMBER", k.amber() + " of " + k.indicators() + " indicator(s) AMBER"));
            health = worse(health, Health.AMBER);
        }
        if (overdue[0] > 0 && overdue[1] <= overdueRedDays) {
            reasons.add(new Reason("OUTPUT_OVERDUE", overdue[0] + " output(s) overdue"));
            health = worse(health, Health.AMBER);
        }
        if (obstacles != null && obstacles[0] > 0 && obstacles[1] <= obstacleRedDays) {
            reasons.add(new Reason("OBSTACLE_OPEN", obstacles[0] + " open obstacle(s)"));
            health = worse(health, Health.AMBER);
        }
        if (health == Health.GREY) {
            if (k.green() > 0) {
                health = Health.GREEN;
                reasons.add(new Reason("ON_TRACK", k.green() + " indicator(s) on or ahead of trajectory"));
            } else {
                reasons.add(new Reason("NO_DATA", k.indicators() == 0 ? "no indicators linked yet"
                        : "no values yet for its " + k.indicators() + " indicator(s)"));
            }
        }
        return health;
    }

    private Map<String, KpiSummary> strategicKpi() {
        Map<String, List<Object[]>> bySystem = new LinkedHashMap<>();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT system_code, status, count(*), avg(progress), "
                + "sum(value_count), sum(missing_count), max(as_of) FROM kpi_status WHERE NOT deleted AND tier = 'STRATEGIC' "
                + "AND system_code IS NOT NULL GROUP BY system_code, status").getResultList();
        for (Object[] r : rows) {
            bySystem.computeIfAbsent((String) r[0], k -> new ArrayList<>()).add(r);
        }
        Map<String, KpiSummary> result = new HashMap<>();
        bySystem.forEach((system, list) -> result.put(system, kpiSummary(list, 1)));
        return result;
    }

    /** Rows: [key, status, count, avg progress, values, missing, as of], status at {@code statusAt}. */
    private static KpiSummary kpiSummary(List<Object[]> rows, int statusAt) {
        if (rows.isEmpty()) {
            return KpiSummary.NONE;
        }
        int green = 0, amber = 0, red = 0, grey = 0, values = 0, missing = 0;
        BigDecimal progressSum = BigDecimal.ZERO;
        int withProgress = 0;
        OffsetDateTime asOf = null;
        for (Object[] r : rows) {
            int n = (int) num(r[statusAt + 1]);
            switch (Health.parse((String) r[statusAt])) {
                case GREEN -> green += n;
                case AMBER -> amber += n;
                case RED -> red += n;
                case GREY -> grey += n;
            }
            if (r[statusAt + 2] != null) {
                progressSum = progressSum.add(new BigDecimal(r[statusAt + 2].toString()).multiply(BigDecimal.valueOf(n)));
                withProgress += n;
            }
            values += (int) num(r[statusAt + 3]);
            missing += (int) num(r[statusAt + 4]);
            asOf = latest(asOf, time(r[statusAt + 5]));
        }
        BigDecimal average = withProgress == 0 ? null
                : progressSum.divide(BigDecimal.valueOf(withProgress), 1, RoundingMode.HALF_UP);
        return new KpiSummary(green + amber + red + grey, green, amber, red, grey, average, values, missing, asOf);
    }

    private static BudgetSummary budgetSummary(long allocated, long disbursed, int allocations) {
        BigDecimal rate = allocated == 0 ? null : BigDecimal.valueOf(disbursed).multiply(BigDecimal.valueOf(100))
                .divide(BigDecimal.valueOf(allocated), 1, RoundingMode.HALF_UP);
        return new BudgetSummary(allocated, disbursed, rate, allocations);
    }

    private static BudgetSummary budget(List<InitiativeScore> scores) {
        long allocated = 0, disbursed = 0;
        int allocations = 0;
        for (InitiativeScore s : scores) {
            allocated = Math.addExact(allocated, s.budget().allocated());
            disbursed = Math.addExact(disbursed, s.budget().disbursed());
            allocations += s.budget().allocations();
        }
        return budgetSummary(allocated, disbursed, allocations);
    }

    private static InitiativeCounts counts(List<InitiativeScore> scores) {
        int green = 0, amber = 0, red = 0, grey = 0;
        for (InitiativeScore s : scores) {
            switch (s.health()) {
                case GREEN -> green++;
                case AMBER -> amber++;
                case RED -> red++;
                case GREY -> grey++;
            }
        }
        return new InitiativeCounts(scores.size(), green, amber, red, grey);
    }

    private static Page<InitiativeScore> page(List<InitiativeScore> scores, PageRequest page) {
        int from = Math.min(page.offset(), scores.size());
        int to = Math.min(from + page.size, scores.size());
        return Page.of(scores.subList(from, to), page, scores.size());
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> rows(String sql, Scope scope, Map<String, Object> extra) {
        Query q = em.createNativeQuery(sql);
        scope.params().forEach(q::setParameter);
        if (extra != null) {
            extra.forEach(q::setParameter);
        }
        return q.getResultList();
    }

    static Health worse(Health a, Health b) {
        if (a == Health.GREY) {
            return b;
        }
        if (b == Health.GREY) {
            return a;
        }
        return a.ordinal() <= b.ordinal() ? a : b;
    }

    private static long num(Object o) {
        return o == null ? 0 : ((Number) o).longValue();
    }

    private static OffsetDateTime time(Object o) {
        if (o instanceof OffsetDateTime t) {
            return t;
        }
        if (o instanceof java.time.Instant i) {
            return i.atOffset(ZoneOffset.UTC);
        }
        if (o instanceof java.sql.Timestamp ts) {
            return ts.toInstant().atOffset(ZoneOffset.UTC);
        }
        return null;
    }

    private static OffsetDateTime latest(OffsetDateTime a, OffsetDateTime b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isAfter(b) ? a : b;
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
