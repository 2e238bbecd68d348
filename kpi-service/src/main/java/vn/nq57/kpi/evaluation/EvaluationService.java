package vn.nq57.kpi.evaluation;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.hibernate.Session;
import static vn.nq57.kpi.evaluation.IndicatorFacts.dec;

import vn.nq57.kpi.evaluation.EvaluationViews.IndicatorEvaluation;
import vn.nq57.kpi.evaluation.EvaluationViews.SeriesPoint;
import vn.nq57.kpi.evaluation.EvaluationViews.Timeliness;
import vn.nq57.kpi.evaluation.EvaluationViews.TimelinessView;
import vn.nq57.kpi.evaluation.Evaluator.Point;
import vn.nq57.kpi.evaluation.Evaluator.Result;
import vn.nq57.kpi.indicator.Indicator;
import vn.nq57.kpi.indicator.IndicatorService;
import vn.nq57.kpi.indicator.IndicatorViews.Baseline;
import vn.nq57.platform.period.Period;
import vn.nq57.platform.agency.ReplicaAgencyHierarchy;
import vn.nq57.platform.error.ApiException;

/**
 * One indicator's evaluation: its aggregated series (one row per period), or for an agency subtree that indicator's
 * values of the subtree, evaluated by {@link Evaluator}, with the timeliness of one period ({@link ReportingDeadlines}).
 * The scorecards are {@link Scorecards}.
 */
@vn.nq57.platform.jdbc.Jdbc("an indicator's facts and series read in one round trip (measured: kpi bench)")
@ApplicationScoped
public class EvaluationService {

    @Inject
    Clock clock;

    @Inject
    EntityManager em;

    @Inject
    IndicatorService indicators;

    @Inject
    ReplicaAgencyHierarchy agencies;

    @Inject
    ObjectMapper mapper;

    public IndicatorEvaluation indicator(String idOrCode, String agency, String periodText) {
        Indicator i = indicators.byIdOrCode(idOrCode);
        String scope = agency == null || agency.isBlank() ? null : agency.trim().toUpperCase(Locale.ROOT);
        if (scope != null && !agencies.exists(scope)) {
            throw ApiException.badRequest("agency", "agency " + agency + " does not exist");
        }
        Period period = null;
        if (periodText != null && !periodText.isBlank()) {
            period = Period.param("period", periodText);
            if (period.type() != i.frequency) {
                throw ApiException.badRequest("period", "indicator " + i.code + " is reported " + i.frequency
                        + ": use " + i.frequency.format());
            }
        }
        Set<String> subtree = scope == null ? null : agencies.subtree(scope);
        LocalDate today = Period.today(clock);
        List<Point> points = new ArrayList<>();
        Map<UUID, IndicatorFacts.Row> facts = new LinkedHashMap<>();
        session().doWork(c -> {
            Array ids = c.createArrayOf("uuid", new Object[]{i.id});
            facts.putAll(IndicatorFacts.indicators(c, ids));
            String sql = subtree == null ? """
                    SELECT period, period_end, value, value_count, approved_count, last_submitted_at
                    FROM indicator_period_agg WHERE indicator_id = ? ORDER BY period_end"""
                    : """
                    SELECT m.period, min(m.period_end), %s, count(*), count(*) FILTER (WHERE m.status = 'APPROVED'),
                           max(m.submitted_at)
                    FROM measurement m JOIN indicator i ON i.id = m.indicator_id
                    WHERE m.indicator_id = ? AND m.agency_code = ANY(?) AND m.status IN %s
                    GROUP BY m.period, i.aggregation ORDER BY 2""".formatted(EvaluationMaintainer.AGGREGATE,
                    EvaluationMaintainer.COUNTED);
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setObject(1, i.id);
                if (subtree != null) {
                    ps.setArray(2, c.createArrayOf("text", subtree.toArray()));
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        points.add(IndicatorFacts.point(rs, 1));
                    }
                }
            }
        });
        Result r = Evaluator.evaluate(facts.get(i.id).facts, points, today);
        List<SeriesPoint> series = points.stream()
                .map(p -> new SeriesPoint(p.period(), p.value(), p.count(), p.approved())).toList();
        TimelinessView timeliness = timeliness(i, subtree, period, today);
        return new IndicatorEvaluation(i.id, i.code, i.nameVi, i.unit, i.direction, i.aggregation, i.frequency,
                scope == null ? "NATIONAL" : scope,
                i.baselineValue == null ? null : new Baseline(i.baselineValue, i.baselinePeriod), r.latestPeriod(),
                r.actual(), r.targetPeriod(), r.targetValue(), r.progress(), r.expectedValue(), r.expectedProgress(),
                r.status(), r.forecast(), r.forecastMeetsTarget(), r.targets(), series, r.periodsWithData(),
                r.valuesUsed(), r.approvedValues(), r.missingPeriods(), r.missing(), r.asOf(), timeliness);
    }

    /**
     * Timeliness of one period (default: the latest period already due) for every reporting agency in scope and any
     * other agency that reported: ON_TIME if first submitted by the end of the grace days, LATE after, MISSING if
     * due and never submitted, NOT_DUE otherwise.
     */
    TimelinessView timeliness(Indicator i, Set<String> subtree, Period requested, LocalDate today) {
        Period period = requested != null ? requested : ReportingDeadlines.latestDue(i.frequency, i.graceDays, today);
        Map<String, OffsetDateTime> submitted = new LinkedHashMap<>();
        String p = period.toString();
        session().doWork(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT agency_code, first_submitted_at FROM measurement "
                    + "WHERE indicator_id = ? AND period = ?")) {
                ps.setObject(1, i.id);
                ps.setString(2, p);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        Timestamp ts = rs.getTimestamp(2);
                        submitted.put(rs.getString(1), ts == null ? null : ts.toInstant().atOffset(ZoneOffset.UTC));
                    }
                }
            }
        });
        return ReportingDeadlines.timeliness(period, i.graceDays, today, i.reportingAgencies, submitted,
                subtree);
    }

    private Session session() {
        return em.unwrap(Session.class);
    }
}
