package vn.nq57.kpi.evaluation;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.util.RawValue;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.hibernate.Session;
import static vn.nq57.kpi.evaluation.EvaluationMaintainer.dec;

import vn.nq57.kpi.evaluation.EvaluationViews.AgencyTimeliness;
import vn.nq57.kpi.evaluation.EvaluationViews.IndicatorEvaluation;
import vn.nq57.kpi.evaluation.EvaluationViews.IndicatorScore;
import vn.nq57.kpi.evaluation.EvaluationViews.InitiativeRollUp;
import vn.nq57.kpi.evaluation.EvaluationViews.InitiativeScorecard;
import vn.nq57.kpi.evaluation.EvaluationViews.PlanScorecard;
import vn.nq57.kpi.evaluation.EvaluationViews.RollUp;
import vn.nq57.kpi.evaluation.EvaluationViews.SeriesPoint;
import vn.nq57.kpi.evaluation.EvaluationViews.SystemRollUp;
import vn.nq57.kpi.evaluation.EvaluationViews.SystemScorecard;
import vn.nq57.kpi.evaluation.EvaluationViews.Timeliness;
import vn.nq57.kpi.evaluation.EvaluationViews.TimelinessView;
import vn.nq57.kpi.evaluation.Evaluator.Point;
import vn.nq57.kpi.evaluation.Evaluator.Result;
import vn.nq57.kpi.evaluation.Evaluator.Status;
import vn.nq57.kpi.indicator.Direction;
import vn.nq57.kpi.indicator.Indicator;
import vn.nq57.kpi.indicator.IndicatorService;
import vn.nq57.kpi.indicator.IndicatorViews.Baseline;
import vn.nq57.kpi.indicator.Unit;
import vn.nq57.kpi.initiative.InitiativeDirectory;
import vn.nq57.kpi.initiative.InitiativeReplica;
import vn.nq57.platform.period.Period;
import vn.nq57.kpi.sql.RoundTrip;
import vn.nq57.platform.agency.ReplicaAgencyHierarchy;
import vn.nq57.platform.error.ApiException;

/**
 * Reads of the evaluation. Scorecards and roll-ups read only the maintained {@code indicator_current} rows (one per
 * indicator, never the measurements); one indicator's evaluation reads its aggregated series (one row per period),
 * or for an agency subtree that indicator's values of the subtree.
 */
@vn.nq57.platform.jdbc.Jdbc("evaluations and roll-ups read with arrays of ids in one round trip (measured: kpi bench)")
@ApplicationScoped
public class EvaluationService {

    /** A roll-up is GREEN from this share of GREEN (AMBER counting half) among evaluated indicators, AMBER from 0.5. */
    static final double GREEN_SHARE = 0.8;
    static final double AMBER_SHARE = 0.5;
    static final int NAMED = 20;

    @Inject
    EntityManager em;

    @Inject
    IndicatorService indicators;

    @Inject
    InitiativeDirectory initiatives;

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
        LocalDate today = Period.today();
        List<Point> points = new ArrayList<>();
        Map<UUID, EvaluationMaintainer.Row> facts = new LinkedHashMap<>();
        session().doWork(c -> {
            Array ids = c.createArrayOf("uuid", new Object[]{i.id});
            facts.putAll(EvaluationMaintainer.indicators(c, ids));
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
                        points.add(EvaluationMaintainer.point(rs, 1));
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
        Period period = requested;
        if (period == null) {
            period = Period.containing(i.frequency, today);
            while (!period.end().plusDays(i.graceDays).isBefore(today)) {
                period = previous(period);
            }
        }
        LocalDate due = period.end().plusDays(i.graceDays);
        OffsetDateTime deadline = due.plusDays(1).atStartOfDay(Period.VIETNAM).toOffsetDateTime();
        boolean isDue = due.isBefore(today);
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
        Set<String> expected = new TreeSet<>(i.reportingAgencies);
        expected.addAll(submitted.keySet());
        if (subtree != null) {
            expected.retainAll(subtree);
        }
        List<AgencyTimeliness> rows = new ArrayList<>();
        int onTime = 0;
        int late = 0;
        int missing = 0;
        for (String agency : expected) {
            OffsetDateTime first = submitted.get(agency);
            Timeliness t;
            if (first != null) {
                t = first.isBefore(deadline) ? Timeliness.ON_TIME : Timeliness.LATE;
            } else {
                t = isDue ? Timeliness.MISSING : Timeliness.NOT_DUE;
            }
            switch (t) {
                case ON_TIME -> onTime++;
                case LATE -> late++;
                case MISSING -> missing++;
                default -> { }
            }
            rows.add(new AgencyTimeliness(agency, t, first));
        }
        return new TimelinessView(p, due, onTime, late, missing, rows);
    }

    private static Period previous(Period p) {
        return switch (p.type()) {
            case ANNUAL -> new Period(p.type(), p.year() - 1, 0);
            case QUARTERLY -> p.part() == 1 ? new Period(p.type(), p.year() - 1, 4) : new Period(p.type(), p.year(), p.part() - 1);
            case MONTHLY -> p.part() == 1 ? new Period(p.type(), p.year() - 1, 12) : new Period(p.type(), p.year(), p.part() - 1);
        };
    }

    private static final String SCORE_COLUMNS = """
            i.id, i.code, i.name_vi, i.unit, i.direction, c.status, c.latest_period, c.actual, c.target_period,
            c.target_value, c.progress, c.expected_progress, c.forecast, c.forecast_meets, c.values_used, c.missing, c.as_of,
            c.line""";

    private static final String TALLY_COLUMNS = """
            count(*), count(*) FILTER (WHERE c.status = 'GREEN'), count(*) FILTER (WHERE c.status = 'AMBER'),
            count(*) FILTER (WHERE c.status = 'RED'), count(*) FILTER (WHERE c.status = 'GREY'),
            sum(least(c.progress, 100)), count(c.progress), coalesce(sum(c.values_used), 0), max(c.as_of),
            count(*) FILTER (WHERE c.values_used = 0),
            (array_agg(i.code ORDER BY i.code) FILTER (WHERE c.values_used = 0))[1:20]""";

    public InitiativeScorecard initiative(UUID initiativeId) {
        Optional<InitiativeReplica> replica = initiatives.find(initiativeId);
        List<Line> lines = lines("c.initiative_id = ? AND c.tier = 'OPERATIONAL'", initiativeId);
        if (lines.isEmpty() && replica.isEmpty()) {
            throw ApiException.notFound("Initiative with indicators", initiativeId);
        }
        Tally t = new Tally();
        lines.forEach(t::add);
        return new InitiativeScorecard(initiativeId, replica.map(r -> r.code).orElse(null),
                replica.map(r -> r.titleVi).orElse(null), t.rollUp(), json(lines), now());
    }

    public SystemScorecard system(String code) {
        String system = code.trim().toUpperCase(Locale.ROOT);
        if (!system.matches("H[1-6]")) {
            throw ApiException.notFound("System", code);
        }
        List<Line> strategic = new ArrayList<>();
        List<InitiativeRollUp> initiativeRollUps = new ArrayList<>();
        Tally strategicTally = new Tally();
        Tally overall = new Tally();
        session().doWork(c -> {
            // the STRATEGIC lines and the initiatives' roll-ups in one round trip
            try (PreparedStatement ps = c.prepareStatement("SELECT " + SCORE_COLUMNS + """
                     FROM indicator_current c JOIN indicator i ON i.id = c.indicator_id
                     WHERE c.system_code = ? AND c.tier = 'STRATEGIC' ORDER BY i.code;
                    SELECT c.initiative_id, r.code, r.title_vi, """ + TALLY_COLUMNS + """
                     FROM indicator_current c JOIN indicator i ON i.id = c.indicator_id
                     LEFT JOIN initiative_replica r ON r.id = c.initiative_id
                     WHERE c.system_code = ? AND c.tier = 'OPERATIONAL'
                     GROUP BY c.initiative_id, r.code, r.title_vi ORDER BY r.code NULLS LAST, c.initiative_id""")) {
                ps.setString(1, system);
                ps.setString(2, system);
                List<ResultSet> results = RoundTrip.results(ps);
                ResultSet rs = results.get(0);
                while (rs.next()) {
                    strategic.add(line(rs));
                }
                strategic.forEach(strategicTally::add);
                overall.merge(strategicTally);
                rs = results.get(1);
                while (rs.next()) {
                    Tally t = Tally.read(rs, 4);
                    overall.merge(t);
                    initiativeRollUps.add(new InitiativeRollUp(rs.getObject(1, UUID.class), rs.getString(2),
                            rs.getString(3), t.rollUp()));
                }
            }
        });
        return new SystemScorecard(system, overall.rollUp(), strategicTally.rollUp(), json(strategic),
                initiativeRollUps, now());
    }

    public PlanScorecard plan() {
        Tally overall = new Tally();
        List<SystemRollUp> systems = new ArrayList<>();
        session().doWork(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT coalesce(c.system_code, 'UNASSIGNED'), "
                    + TALLY_COLUMNS + """
                     FROM indicator_current c JOIN indicator i ON i.id = c.indicator_id
                     GROUP BY 1 ORDER BY 1""")) {
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        Tally t = Tally.read(rs, 2);
                        overall.merge(t);
                        systems.add(new SystemRollUp(rs.getString(1), t.rollUp()));
                    }
                }
            }
        });
        return new PlanScorecard(overall.rollUp(), systems, now());
    }

    /** A scorecard line: what a roll-up counts of it, and its JSON as the evaluation stored it. */
    record Line(String code, Status status, BigDecimal progress, int valuesUsed, OffsetDateTime asOf, RawValue json) {
    }

    private List<Line> lines(String where, Object param) {
        List<Line> lines = new ArrayList<>();
        session().doWork(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + SCORE_COLUMNS
                    + " FROM indicator_current c JOIN indicator i ON i.id = c.indicator_id WHERE " + where
                    + " ORDER BY i.code")) {
                ps.setObject(1, param);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        lines.add(line(rs));
                    }
                }
            }
        });
        return lines;
    }

    /** A row of {@link #SCORE_COLUMNS}: the stored line, or (not evaluated since V5) one built from the columns. */
    private Line line(ResultSet rs) throws SQLException {
        String json = rs.getString(18);
        if (json != null) {
            return new Line(rs.getString(2), Status.valueOf(rs.getString(6)), dec(rs, 11), rs.getInt(15),
                    time(rs.getTimestamp(17)), new RawValue(json));
        }
        IndicatorScore s = score(rs);
        try {
            return new Line(s.code(), s.status(), s.progress(), s.valuesUsed(), s.asOf(),
                    new RawValue(mapper.writeValueAsString(s)));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<RawValue> json(List<Line> lines) {
        return lines.stream().map(Line::json).toList();
    }

    private IndicatorScore score(ResultSet rs) throws SQLException {
        Boolean meets = rs.getObject(14) == null ? null : rs.getBoolean(14);
        List<String> missing;
        try {
            missing = mapper.readValue(rs.getString(16), new TypeReference<List<String>>() { });
        } catch (Exception e) {
            missing = List.of();
        }
        return new IndicatorScore(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                Unit.valueOf(rs.getString(4)), Direction.valueOf(rs.getString(5)), Status.valueOf(rs.getString(6)),
                rs.getString(7), dec(rs, 8), rs.getString(9), dec(rs, 10), dec(rs, 11),
                dec(rs, 12), dec(rs, 13), meets, rs.getInt(15), missing, time(rs.getTimestamp(17)));
    }

    /** Counts behind a roll-up; merges exactly (sums, not averages of averages). */
    static final class Tally {
        int n;
        int green;
        int amber;
        int red;
        int grey;
        BigDecimal progressSum = BigDecimal.ZERO;
        int progressCount;
        long values;
        OffsetDateTime asOf;
        int withoutData;
        final List<String> withoutDataCodes = new ArrayList<>();

        void add(Line s) {
            n++;
            switch (s.status()) {
                case GREEN -> green++;
                case AMBER -> amber++;
                case RED -> red++;
                case GREY -> grey++;
            }
            if (s.progress() != null) {
                progressSum = progressSum.add(s.progress().min(BigDecimal.valueOf(100)));
                progressCount++;
            }
            values += s.valuesUsed();
            asOf = later(asOf, s.asOf());
            if (s.valuesUsed() == 0) {
                withoutData++;
                if (withoutDataCodes.size() < NAMED) {
                    withoutDataCodes.add(s.code());
                }
            }
        }

        void merge(Tally o) {
            n += o.n;
            green += o.green;
            amber += o.amber;
            red += o.red;
            grey += o.grey;
            progressSum = progressSum.add(o.progressSum);
            progressCount += o.progressCount;
            values += o.values;
            asOf = later(asOf, o.asOf);
            withoutData += o.withoutData;
            for (String code : o.withoutDataCodes) {
                if (withoutDataCodes.size() < NAMED) {
                    withoutDataCodes.add(code);
                }
            }
        }

        static Tally read(ResultSet rs, int from) throws SQLException {
            Tally t = new Tally();
            t.n = rs.getInt(from);
            t.green = rs.getInt(from + 1);
            t.amber = rs.getInt(from + 2);
            t.red = rs.getInt(from + 3);
            t.grey = rs.getInt(from + 4);
            BigDecimal sum = dec(rs, from + 5);
            t.progressSum = sum == null ? BigDecimal.ZERO : sum;
            t.progressCount = rs.getInt(from + 6);
            t.values = rs.getLong(from + 7);
            t.asOf = time(rs.getTimestamp(from + 8));
            t.withoutData = rs.getInt(from + 9);
            Array codes = rs.getArray(from + 10);
            if (codes != null) {
                for (Object code : (Object[]) codes.getArray()) {
                    t.withoutDataCodes.add((String) code);
                }
            }
            return t;
        }

        RollUp rollUp() {
            int evaluated = green + amber + red;
            Status status;
            if (evaluated == 0) {
                status = Status.GREY;
            } else {
                double share = (green + 0.5 * amber) / evaluated;
                status = share >= GREEN_SHARE ? Status.GREEN : share >= AMBER_SHARE ? Status.AMBER : Status.RED;
            }
            BigDecimal average = progressCount == 0 ? null
                    : Evaluator.scale(progressSum.divide(BigDecimal.valueOf(progressCount), 4, RoundingMode.HALF_UP), 2);
            List<String> codes = new ArrayList<>(withoutDataCodes);
            codes.sort(Comparator.naturalOrder());
            return new RollUp(n, green, amber, red, grey, status, average, values, asOf, withoutData, codes);
        }

        private static OffsetDateTime later(OffsetDateTime a, OffsetDateTime b) {
            return a == null ? b : b == null ? a : a.isAfter(b) ? a : b;
        }
    }

    static OffsetDateTime time(Timestamp ts) {
        return ts == null ? null : ts.toInstant().atOffset(ZoneOffset.UTC);
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }

    private Session session() {
        return em.unwrap(Session.class);
    }

}
