package vn.nq57.initiative.warning;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import vn.nq57.initiative.obligation.ObligationService;
import vn.nq57.initiative.obligation.ObligationService.ActiveObligation;
import vn.nq57.initiative.obligation.ReportingCalendar.Expected;
import vn.nq57.initiative.scorecard.Health;
import vn.nq57.initiative.scorecard.ScorecardService;
import vn.nq57.initiative.scorecard.ScorecardViews.InitiativeScore;
import vn.nq57.platform.period.Frequency;
import vn.nq57.platform.period.Period;

/**
 * Finds every cause of an early warning as of a day, from the plan (outputs, obstacles), the obligations and reported
 * values, the indicators' evaluations, the initiatives' health and the allocations: one bounded query per kind. Each
 * cause has a stable key, so the same cause found again is the same warning (see {@link WarningService#evaluate}).
 */
@ApplicationScoped
public class WarningEvaluator {

    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    @Inject
    EntityManager em;

    @Inject
    ScorecardService scorecard;

    @Inject
    ObligationService obligations;

    @ConfigProperty(name = "nq57.warnings.output-due-days", defaultValue = "14")
    int dueSoonDays;

    @ConfigProperty(name = "nq57.scorecard.overdue-red-days", defaultValue = "90")
    int overdueCriticalDays;

    @ConfigProperty(name = "nq57.obligations.plan-start", defaultValue = "2025-01-01")
    LocalDate planStart;

    @ConfigProperty(name = "nq57.warnings.disbursement-from-month", defaultValue = "10")
    int disbursementFromMonth;

    @ConfigProperty(name = "nq57.warnings.disbursement-ratio", defaultValue = "0.5")
    double disbursementRatio;

    /** A cause found: what the warning will say. */
    public record Cause(String key, WarningKind kind, Severity severity, SubjectType subjectType, UUID subjectId,
                        String label, UUID initiativeId, String agency, String reasonVi, String reasonEn) {
    }

    public List<Cause> causes(LocalDate today) {
        List<Cause> out = new ArrayList<>();
        outputs(today, out);
        values(today, out);
        forecasts(out);
        initiatives(today, out);
        obstacles(today, out);
        allocations(today, out);
        return out;
    }

    private void outputs(LocalDate today, List<Cause> out) {
        for (Object[] r : rows("SELECT o.id, o.description, o.due_date, i.id, i.code, a.code FROM initiative_output o "
                + "JOIN initiative i ON i.id = o.initiative_id JOIN agency a ON a.id = i.lead_agency_id "
                + "WHERE o.delivered_at IS NULL AND o.status NOT IN ('DELIVERED', 'CANCELLED') "
                + "AND i.status NOT IN ('CANCELLED', 'COMPLETED') AND o.due_date <= :horizon",
                Map.of("horizon", today.plusDays(dueSoonDays)))) {
            UUID id = (UUID) r[0];
            String what = (String) r[1];
            LocalDate due = date(r[2]);
            String initiative = (String) r[4];
            long days = ChronoUnit.DAYS.between(today, due);
            if (days >= 0) {
                out.add(new Cause("OUTPUT_DUE_SOON:" + id, WarningKind.OUTPUT_DUE_SOON,
                        days <= 3 ? Severity.WARNING : Severity.INFO, SubjectType.OUTPUT, id, what, (UUID) r[3],
                        (String) r[5],
                        "Sản phẩm “" + what + "” của sáng kiến " + initiative + " đến hạn ngày " + DAY.format(due)
                                + " (còn " + days + " ngày)",
                        "Output “" + what + "” of initiative " + initiative + " is due on " + due + " (" + days
                                + " days left)"));
            } else {
                out.add(new Cause("OUTPUT_OVERDUE:" + id, WarningKind.OUTPUT_OVERDUE,
                        -days > overdueCriticalDays ? Severity.CRITICAL : Severity.WARNING, SubjectType.OUTPUT, id,
                        what, (UUID) r[3], (String) r[5],
                        "Sản phẩm “" + what + "” của sáng kiến " + initiative + " quá hạn " + -days + " ngày (hạn "
                                + DAY.format(due) + ")",
                        "Output “" + what + "” of initiative " + initiative + " is " + -days + " days overdue (due "
                                + due + ")"));
            }
        }
    }

    /** One warning per obligation with values missing past their deadline: how many, and the latest. */
    private void values(LocalDate today, List<Cause> out) {
        Map<String, java.util.Set<String>> reported = new HashMap<>();
        for (Object[] r : rows("SELECT v.indicator_id, v.agency_code, v.period FROM reported_value v "
                + "JOIN reporting_obligation o ON o.indicator_id = v.indicator_id AND o.agency_code = v.agency_code "
                + "AND o.active WHERE v.first_submitted_at IS NOT NULL", Map.of())) {
            reported.computeIfAbsent(r[0] + "|" + r[1], k -> new java.util.HashSet<>()).add((String) r[2]);
        }
        for (ActiveObligation o : obligations.active()) {
            java.util.Set<String> done = reported.getOrDefault(o.indicatorId() + "|" + o.agency(), java.util.Set.of());
            int missing = 0;
            Expected latest = null;
            for (Expected e : o.expected(planStart, today, today)) {
                if (!done.contains(e.period().toString()) && today.isAfter(e.deadline())) {
                    missing++;
                    latest = e;
                }
            }
            if (latest != null) {
                String code = o.code();
                String agency = o.agency();
                out.add(new Cause("VALUE_MISSING:" + o.indicatorId() + ":" + agency, WarningKind.VALUE_MISSING,
                        missing > 1 ? Severity.CRITICAL : Severity.WARNING, SubjectType.INDICATOR, o.indicatorId(),
                        code, o.initiativeId(), agency,
                        agency + " chưa báo cáo chỉ tiêu " + code + " cho " + missing + " kỳ; kỳ gần nhất "
                                + latest.period() + " (hạn " + DAY.format(latest.deadline()) + ")",
                        agency + " has not reported " + code + " for " + missing + " period(s); the latest is "
                                + latest.period() + " (due " + latest.deadline() + ")"));
            }
        }
    }

    private void forecasts(List<Cause> out) {
        for (Object[] r : rows("SELECT indicator_id, code, forecast, target_value, target_period, direction, "
                + "owner_agency, initiative_id FROM kpi_status WHERE NOT deleted AND forecast IS NOT NULL "
                + "AND target_value IS NOT NULL AND direction IS NOT NULL", Map.of())) {
            BigDecimal forecast = (BigDecimal) r[2];
            BigDecimal target = (BigDecimal) r[3];
            boolean higher = "HIGHER_IS_BETTER".equals(r[5]);
            boolean misses = higher ? forecast.compareTo(target) < 0 : forecast.compareTo(target) > 0;
            if (misses) {
                String code = (String) r[1];
                String f = forecast.setScale(2, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
                String t = target.stripTrailingZeros().toPlainString();
                out.add(new Cause("FORECAST_OFF_TARGET:" + r[0] + ":" + r[4], WarningKind.FORECAST_OFF_TARGET,
                        Severity.WARNING, SubjectType.INDICATOR, (UUID) r[0], code, (UUID) r[7], (String) r[6],
                        "Theo dự báo, chỉ tiêu " + code + " đạt " + f + ", không đạt mục tiêu " + t + " của kỳ " + r[4],
                        "The forecast of " + code + " is " + f + ", missing its target " + t + " for " + r[4]));
            }
        }
    }

    /** RED initiatives, and those RED in this quarter and the one before (health remembered per quarter). */
    private void initiatives(LocalDate today, List<Cause> out) {
        Period quarter = Period.containing(Frequency.QUARTERLY, today);
        Period previous = Period.containing(Frequency.QUARTERLY, quarter.start().minusDays(1));
        Map<UUID, String> before = new HashMap<>();
        for (Object[] r : rows("SELECT initiative_id, health FROM initiative_health_history WHERE period = :p",
                Map.of("p", previous.toString()))) {
            before.put((UUID) r[0], (String) r[1]);
        }
        for (InitiativeScore s : scorecard.all()) {
            em.createNativeQuery("INSERT INTO initiative_health_history (initiative_id, period, health, seen_at) "
                            + "VALUES (:id, :p, :h, now()) ON CONFLICT (initiative_id, period) DO UPDATE "
                            + "SET health = excluded.health, seen_at = now()")
                    .setParameter("id", s.id()).setParameter("p", quarter.toString())
                    .setParameter("h", s.health().name()).executeUpdate();
            if (s.health() != Health.RED) {
                continue;
            }
            String why = s.reasons().isEmpty() ? "" : ": " + s.reasons().get(0).detail();
            out.add(new Cause("INITIATIVE_RED:" + s.id(), WarningKind.INITIATIVE_RED, Severity.WARNING,
                    SubjectType.INITIATIVE, s.id(), s.code(), s.id(), s.leadAgency(),
                    "Sáng kiến " + s.code() + " ở mức Đỏ (chậm tiến độ, có nguy cơ không đạt)",
                    "Initiative " + s.code() + " is RED" + why));
            if ("RED".equals(before.get(s.id()))) {
                out.add(new Cause("INITIATIVE_RED_REPEATED:" + s.id(), WarningKind.INITIATIVE_RED_REPEATED,
                        Severity.CRITICAL, SubjectType.INITIATIVE, s.id(), s.code(), s.id(), s.leadAgency(),
                        "Sáng kiến " + s.code() + " ở mức Đỏ hai quý liên tiếp (" + previous + ", " + quarter + ")",
                        "Initiative " + s.code() + " has been RED two quarters in a row (" + previous + ", "
                                + quarter + ")"));
            }
        }
    }

    private void obstacles(LocalDate today, List<Cause> out) {
        for (Object[] r : rows("SELECT b.id, b.answer_due, i.id, i.code, f.code, a.code FROM obstacle b "
                + "JOIN initiative i ON i.id = b.initiative_id JOIN agency f ON f.id = b.filed_by_agency_id "
                + "JOIN agency a ON a.id = b.asked_agency_id WHERE b.status = 'OPEN' AND b.answer_due < :today",
                Map.of("today", today))) {
            LocalDate due = date(r[1]);
            long late = ChronoUnit.DAYS.between(due, today);
            out.add(new Cause("OBSTACLE_UNANSWERED:" + r[0], WarningKind.OBSTACLE_UNANSWERED,
                    late > 30 ? Severity.CRITICAL : Severity.WARNING, SubjectType.OBSTACLE, (UUID) r[0],
                    (String) r[3], (UUID) r[2], (String) r[5],
                    "Kiến nghị của " + r[4] + " về sáng kiến " + r[3] + " chưa được " + r[5] + " trả lời, quá hạn "
                            + late + " ngày (hạn " + DAY.format(due) + ")",
                    "The obstacle " + r[4] + " filed on initiative " + r[3] + " has not been answered by " + r[5]
                            + ", " + late + " days past its deadline (" + due + ")"));
        }
    }

    private void allocations(LocalDate today, List<Cause> out) {
        if (today.getMonthValue() < disbursementFromMonth) {
            return;
        }
        double elapsed = (double) today.getDayOfYear() / today.lengthOfYear();
        for (Object[] r : rows("SELECT b.allocation_id, b.amount, b.disbursed, i.id, i.code, a.code, b.funding_source "
                + "FROM budget_allocation b JOIN initiative i ON i.id = b.initiative_id "
                + "JOIN agency a ON a.id = i.lead_agency_id WHERE b.status = 'APPROVED' AND b.fiscal_year = :year "
                + "AND b.amount > 0", Map.of("year", today.getYear()))) {
            double share = ((Number) r[2]).doubleValue() / ((Number) r[1]).doubleValue();
            if (share < elapsed * disbursementRatio) {
                long pct = Math.round(share * 100);
                long el = Math.round(elapsed * 100);
                out.add(new Cause("DISBURSEMENT_BEHIND:" + r[0] + ":" + today.getYear(), WarningKind.DISBURSEMENT_BEHIND,
                        Severity.WARNING, SubjectType.ALLOCATION, (UUID) r[0], r[4] + " " + today.getYear(), (UUID) r[3],
                        (String) r[5],
                        "Vốn năm " + today.getYear() + " của sáng kiến " + r[4] + " mới giải ngân " + pct
                                + "% trong khi năm tài chính đã qua " + el + "%",
                        "Only " + pct + "% of initiative " + r[4] + "'s " + today.getYear() + " allocation is "
                                + "disbursed while " + el + "% of the fiscal year has passed"));
            }
        }
    }

    private static LocalDate date(Object o) {
        return o instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) o;
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> rows(String sql, Map<String, Object> params) {
        var q = em.createNativeQuery(sql);
        params.forEach(q::setParameter);
        return q.getResultList();
    }
}
