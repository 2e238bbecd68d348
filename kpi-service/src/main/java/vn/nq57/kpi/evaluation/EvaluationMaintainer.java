package vn.nq57.kpi.evaluation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.hibernate.Session;
import vn.nq57.kpi.evaluation.EvaluationViews.IndicatorScore;
import vn.nq57.kpi.evaluation.Evaluator.Facts;
import vn.nq57.kpi.evaluation.Evaluator.Point;
import vn.nq57.kpi.evaluation.Evaluator.Result;
import vn.nq57.kpi.evaluation.Evaluator.Target;
import vn.nq57.kpi.indicator.Direction;
import vn.nq57.kpi.indicator.Unit;
import vn.nq57.platform.period.Frequency;
import vn.nq57.platform.period.Period;
import vn.nq57.kpi.sql.RoundTrip;
import vn.nq57.platform.outbox.Outbox;

/**
 * Keeps the evaluation incrementally maintained inside the measurement write transaction, so that no read scans the
 * measurements: {@code indicator_period_agg} holds the national aggregate of each touched (indicator, period)
 * (recomputed from that pair's few agency values), and {@code indicator_current} the evaluation of each touched
 * indicator (recomputed from its aggregated series, at most one row per period). Writers of one (indicator, period) are
 * serialised by a transaction-scoped advisory lock taken before they read; the evaluation of one indicator by another
 * taken just before it is recomputed (held until commit, so the last committer has seen every earlier write). Two
 * concurrent batches therefore cannot leave a stale aggregate.
 */
@vn.nq57.platform.jdbc.Jdbc("the evaluation of many (indicator, period) pairs is refreshed set-based in one round trip (measured: kpi ingest bench)")
@ApplicationScoped
public class EvaluationMaintainer {

    /** The statuses whose values count in the evaluation. */
    public static final String COUNTED = "('SUBMITTED', 'APPROVED')";

    /** The aggregation rule as SQL over {@code m} (measurement) and {@code i} (indicator). */
    public static final String AGGREGATE = """
            CASE i.aggregation WHEN 'SUM' THEN sum(m.value) WHEN 'AVERAGE' THEN round(avg(m.value), 6)
                 WHEN 'MAX' THEN max(m.value) WHEN 'MIN' THEN min(m.value)
                 ELSE (array_agg(m.value ORDER BY m.submitted_at DESC, m.id))[1] END""";

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper mapper;

    @Inject
    Outbox outbox;

    /** What {@code nq57.indicator.evaluated.v1} carries (the figures initiative-service's scorecard replicates). */
    public record EvaluatedEventData(UUID indicatorId, String code, String tier, String system, UUID initiativeId,
                                     String ownerAgency, String status, BigDecimal progress,
                                     BigDecimal expectedProgress, BigDecimal latestValue, String latestPeriod,
                                     String targetPeriod, BigDecimal targetValue, BigDecimal forecast,
                                     int valueCount, int approvedCount, int missingCount, List<String> missing,
                                     OffsetDateTime asOf, long version) {
    }

    /** The figures of an indicator_current row that, when changed, raise its evaluation version. */
    record Figures(String status, BigDecimal progress, BigDecimal actual, String latestPeriod, int valuesUsed,
                   int approved, String missing, String targetPeriod, BigDecimal forecast) {
        boolean same(Figures o) {
            return o != null && java.util.Objects.equals(status, o.status) && eq(progress, o.progress)
                    && eq(actual, o.actual) && java.util.Objects.equals(latestPeriod, o.latestPeriod)
                    && valuesUsed == o.valuesUsed && approved == o.approved
                    && java.util.Objects.equals(missing, o.missing)
                    && java.util.Objects.equals(targetPeriod, o.targetPeriod) && eq(forecast, o.forecast);
        }

        private static boolean eq(BigDecimal a, BigDecimal b) {
            return a == null ? b == null : b != null && a.compareTo(b) == 0;
        }
    }

    /** A (indicator, period) pair touched by a write. */
    public record Touched(UUID indicatorId, String period) {
    }

    /**
     * Serialises the writers of these (indicator, period) pairs until the transaction ends: taken before a writer reads
     * the current values it replaces, so that the pair's aggregate is recomputed from exact data.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void lockPairs(Collection<Touched> pairs) {
        advisoryLocks(pairKeys(pairs));
    }

    /**
     * The advisory lock keys of these pairs, ascending (no deadlock between writers), for {@link #LOCK} when a writer
     * sends the lock ahead of its read in one round trip.
     */
    public static long[] pairKeys(Collection<Touched> pairs) {
        return pairs.stream().mapToLong(p -> 0x1F57L * 31 + p.indicatorId().getMostSignificantBits()
                ^ p.indicatorId().getLeastSignificantBits() ^ p.period().hashCode() * 0x9E3779B97F4A7C15L)
                .sorted().distinct().toArray();
    }

    /**
     * The lock keys that serialise the evaluation of these indicators until the transaction ends: taken just before an
     * indicator's evaluation is recomputed from its period aggregates, so that the last committer has seen every
     * earlier one.
     */
    static long[] indicatorKeys(Collection<UUID> indicatorIds) {
        return indicatorIds.stream().mapToLong(id -> 0x5757L << 48 ^ id.getMostSignificantBits()
                ^ id.getLeastSignificantBits()).sorted().distinct().toArray();
    }

    /** Takes transaction-scoped advisory locks on the keys of its bigint[] parameter, in the order given. */
    public static final String LOCK = "SELECT pg_advisory_xact_lock(k)::text FROM unnest(?::bigint[]) AS t(k)";

    /** Lock keys as the parameter of {@link #LOCK}. */
    public static Array keys(Connection c, long[] keys) throws SQLException {
        return c.createArrayOf("bigint", java.util.Arrays.stream(keys).boxed().toArray());
    }

    private void advisoryLocks(long[] keys) {
        if (keys.length == 0) {
            return;
        }
        session().doWork(c -> {
            try (PreparedStatement ps = c.prepareStatement(LOCK)) {
                ps.setArray(1, keys(c, keys));
                RoundTrip.results(ps);
            }
        });
    }

    /** Binds the parameters of the statements sent ahead of the evaluation's reads; answers the next index. */
    @FunctionalInterface
    interface Lead {
        int bind(Connection c, PreparedStatement ps, int from) throws SQLException;
    }

    /**
     * Recomputes the aggregates of the touched pairs, then the evaluation of their indicators: the aggregates, the
     * indicators' lock and the reads behind their evaluation go in one round trip, in that order. Each pair is
     * aggregated on its own (its indicator's rule read once per pair, its values by one index range): the plan stays
     * the same whether PostgreSQL plans for the parameters or generically (joining the indicator to every value and
     * grouping them afterwards cost 3-20 times more once the statement was prepared).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void touched(Collection<Touched> pairs) {
        if (pairs.isEmpty()) {
            return;
        }
        Set<Touched> distinct = new LinkedHashSet<>(pairs);
        UUID[] ids = distinct.stream().map(Touched::indicatorId).toArray(UUID[]::new);
        String[] periods = distinct.stream().map(Touched::period).toArray(String[]::new);
        refresh(new LinkedHashSet<>(List.of(ids)), """
                WITH pairs AS (SELECT DISTINCT p.indicator_id, p.period, i.aggregation
                    FROM unnest(?::uuid[], ?::text[]) AS p(indicator_id, period) JOIN indicator i ON i.id = p.indicator_id),
                agg AS (
                    SELECT i.indicator_id, i.period, a.period_end, a.value, a.value_count, a.approved_count, a.last_submitted_at
                    FROM pairs i CROSS JOIN LATERAL (
                        SELECT min(m.period_end) AS period_end, %s AS value, count(*) AS value_count,
                               count(*) FILTER (WHERE m.status = 'APPROVED') AS approved_count,
                               max(m.submitted_at) AS last_submitted_at
                        FROM measurement m WHERE m.indicator_id = i.indicator_id AND m.period = i.period
                          AND m.status IN %s) a
                    WHERE a.value_count > 0),
                gone AS (
                    DELETE FROM indicator_period_agg g USING pairs p
                    WHERE g.indicator_id = p.indicator_id AND g.period = p.period
                      AND NOT EXISTS (SELECT 1 FROM agg a WHERE a.indicator_id = g.indicator_id AND a.period = g.period))
                INSERT INTO indicator_period_agg (indicator_id, period, period_end, value, value_count, approved_count, last_submitted_at)
                SELECT * FROM agg
                ON CONFLICT (indicator_id, period) DO UPDATE SET period_end = EXCLUDED.period_end, value = EXCLUDED.value,
                    value_count = EXCLUDED.value_count, approved_count = EXCLUDED.approved_count,
                    last_submitted_at = EXCLUDED.last_submitted_at;
                """.formatted(AGGREGATE, COUNTED), (c, ps, from) -> {
                    ps.setArray(from, c.createArrayOf("uuid", ids));
                    ps.setArray(from + 1, c.createArrayOf("text", periods));
                    return from + 2;
                });
    }

    /** Recomputes every period aggregate of one indicator (after its aggregation rule changed). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void reaggregateIndicator(UUID indicatorId) {
        reaggregate("WHERE m.indicator_id = ?", indicatorId);
    }

    /** Recomputes every aggregate and evaluation from the measurements (operations; the benchmark's set-up). */
    @Transactional(Transactional.TxType.MANDATORY)
    public int rebuildAll() {
        reaggregate("", null);
        @SuppressWarnings("unchecked")
        List<UUID> ids = em.createNativeQuery("SELECT id FROM indicator").getResultList();
        for (int from = 0; from < ids.size(); from += 500) {
            refresh(ids.subList(from, Math.min(ids.size(), from + 500)));
        }
        return ids.size();
    }

    private void reaggregate(String where, UUID indicatorId) {
        session().doWork(c -> {
            try (PreparedStatement del = c.prepareStatement("DELETE FROM indicator_period_agg"
                    + (indicatorId == null ? "" : " WHERE indicator_id = ?"));
                 PreparedStatement ins = c.prepareStatement("""
                         INSERT INTO indicator_period_agg (indicator_id, period, period_end, value, value_count, approved_count, last_submitted_at)
                         SELECT m.indicator_id, m.period, min(m.period_end), %s, count(*),
                                count(*) FILTER (WHERE m.status = 'APPROVED'), max(m.submitted_at)
                         FROM measurement m JOIN indicator i ON i.id = m.indicator_id
                         %s %s m.status IN %s
                         GROUP BY m.indicator_id, m.period, i.aggregation""".formatted(AGGREGATE, where,
                         where.isEmpty() ? "WHERE" : "AND", COUNTED))) {
                if (indicatorId != null) {
                    del.setObject(1, indicatorId);
                    ins.setObject(1, indicatorId);
                }
                del.executeUpdate();
                ins.executeUpdate();
            }
        });
    }

    /** Re-evaluates these indicators from their aggregated series into {@code indicator_current}. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void refresh(Collection<UUID> indicatorIds) {
        if (indicatorIds.isEmpty()) {
            return;
        }
        refresh(indicatorIds, "", (c, ps, from) -> from);
    }

    /** Targets, then indicator facts, of the indicators in the uuid[] parameter (read by {@link #indicators}). */
    private static final String FACTS = """
            SELECT indicator_id, period, value FROM indicator_target WHERE indicator_id = ANY(?);
            SELECT id, system_code, initiative_id, tier, direction, frequency, baseline_value, baseline_period,
                   tolerance_points, grace_days, code, owner_agency, name_vi, unit FROM indicator WHERE id = ANY(?)""";

    /**
     * Sends {@code lead} (statements with their parameters), the indicators' lock and every read the evaluation needs
     * in one round trip, then writes the evaluation and announces the changed ones.
     */
    private void refresh(Collection<UUID> indicatorIds, String lead, Lead binder) {
        em.flush();
        LocalDate today = Period.today();
        List<EvaluatedEventData> changed = new ArrayList<>();
        session().doWork(c -> store(c, read(c, indicatorIds, lead, binder), today, changed));
        outbox.publishAll(vn.nq57.kpi.events.KpiEvents.TOPIC, changed.stream().map(e -> new Outbox.Pending(
                vn.nq57.kpi.events.KpiEvents.INDICATOR_EVALUATED, "indicator", e.indicatorId(), e.version(), e)).toList());
    }

    /** What {@link #refresh} reads: the indicators with their series, and their stored evaluations and versions. */
    private record Stored(Map<UUID, Row> rows, Map<UUID, Figures> previous, Map<UUID, Long> versions) {
    }

    private Stored read(Connection c, Collection<UUID> indicatorIds, String lead, Lead binder) throws SQLException {
        Array ids = c.createArrayOf("uuid", indicatorIds.toArray());
        Map<UUID, Figures> previous = new HashMap<>();
        Map<UUID, Long> versions = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(lead + LOCK + ";\n" + FACTS + ";\n" + """
                SELECT indicator_id, period, period_end, value, value_count, approved_count, last_submitted_at
                FROM indicator_period_agg WHERE indicator_id = ANY(?) ORDER BY indicator_id, period_end;
                SELECT indicator_id, status, progress, actual, latest_period, values_used, approved_values,
                       missing::text, target_period, forecast, evaluation_version
                FROM indicator_current WHERE indicator_id = ANY(?)""")) {
            int i = binder.bind(c, ps, 1);
            ps.setArray(i, keys(c, indicatorKeys(indicatorIds)));
            for (int k = 1; k <= 4; k++) {
                ps.setArray(i + k, ids);
            }
            List<ResultSet> results = RoundTrip.results(ps);
            Map<UUID, Row> rows = indicators(results.get(1), results.get(2));
            ResultSet rs = results.get(3);
            while (rs.next()) {
                Row row = rows.get(rs.getObject(1, UUID.class));
                if (row != null) {
                    row.points.add(point(rs, 2));
                }
            }
            rs = results.get(4);
            while (rs.next()) {
                UUID id = rs.getObject(1, UUID.class);
                previous.put(id, new Figures(rs.getString(2), dec(rs, 3), dec(rs, 4), rs.getString(5), rs.getInt(6),
                        rs.getInt(7), rs.getString(8), rs.getString(9), dec(rs, 10)));
                versions.put(id, rs.getLong(11));
            }
            return new Stored(rows, previous, versions);
        }
    }

    /** Evaluates each indicator read, writes its evaluation, and adds those that changed to {@code changed}. */
    private void store(Connection c, Stored stored, LocalDate today, List<EvaluatedEventData> changed)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO indicator_current (indicator_id, system_code, initiative_id, tier, latest_period, actual,
                    target_period, target_value, progress, expected_progress, status, forecast, forecast_meets,
                    periods_with_data, values_used, approved_values, missing, as_of, evaluation_version, line, computed_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, now())
                ON CONFLICT (indicator_id) DO UPDATE SET system_code = EXCLUDED.system_code,
                    initiative_id = EXCLUDED.initiative_id, tier = EXCLUDED.tier,
                    latest_period = EXCLUDED.latest_period, actual = EXCLUDED.actual,
                    target_period = EXCLUDED.target_period, target_value = EXCLUDED.target_value,
                    progress = EXCLUDED.progress, expected_progress = EXCLUDED.expected_progress,
                    status = EXCLUDED.status, forecast = EXCLUDED.forecast, forecast_meets = EXCLUDED.forecast_meets,
                    periods_with_data = EXCLUDED.periods_with_data, values_used = EXCLUDED.values_used,
                    approved_values = EXCLUDED.approved_values, missing = EXCLUDED.missing, as_of = EXCLUDED.as_of,
                    evaluation_version = EXCLUDED.evaluation_version, line = EXCLUDED.line, computed_at = now()""")) {
            for (Row row : stored.rows().values()) {
                Result r = Evaluator.evaluate(row.facts, row.points, today);
                String missingJson = json(r.missing());
                Figures now = new Figures(r.status().name(), r.progress(), r.actual(), r.latestPeriod(),
                        r.valuesUsed(), r.approvedValues(), missingJson, r.targetPeriod(), r.forecast());
                Figures before = stored.previous().get(row.id);
                long version = stored.versions().getOrDefault(row.id, 0L);
                if (before == null || !now.same(canonical(c, before))) {
                    version++;
                    changed.add(new EvaluatedEventData(row.id, row.code, row.tier, row.system, row.initiative,
                            row.owner, r.status().name(), r.progress(), r.expectedProgress(), r.actual(),
                            r.latestPeriod(), r.targetPeriod(), r.targetValue(), r.forecast(), r.valuesUsed(),
                            r.approvedValues(), r.missingPeriods(), r.missing(), r.asOf(), version));
                }
                bind(ps, row, r, missingJson, version);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** The parameters of {@link #store}'s upsert for one indicator. */
    private void bind(PreparedStatement ps, Row row, Result r, String missingJson, long version) throws SQLException {
        ps.setObject(1, row.id);
        ps.setString(2, row.system);
        ps.setObject(3, row.initiative);
        ps.setString(4, row.tier);
        ps.setString(5, r.latestPeriod());
        ps.setBigDecimal(6, r.actual());
        ps.setString(7, r.targetPeriod());
        ps.setBigDecimal(8, r.targetValue());
        ps.setBigDecimal(9, r.progress());
        ps.setBigDecimal(10, r.expectedProgress());
        ps.setString(11, r.status().name());
        ps.setBigDecimal(12, r.forecast());
        if (r.forecastMeetsTarget() == null) {
            ps.setNull(13, Types.BOOLEAN);
        } else {
            ps.setBoolean(13, r.forecastMeetsTarget());
        }
        ps.setInt(14, r.periodsWithData());
        ps.setInt(15, r.valuesUsed());
        ps.setInt(16, r.approvedValues());
        ps.setString(17, missingJson);
        ps.setObject(18, r.asOf());
        ps.setLong(19, version);
        ps.setString(20, json(row.line(r)));
    }

    /** The stored missing list as the same JSON text this service writes (jsonb normalises spacing). */
    private Figures canonical(Connection c, Figures f) {
        try {
            List<String> missing = f.missing() == null ? List.of()
                    : mapper.readValue(f.missing(), new com.fasterxml.jackson.core.type.TypeReference<List<String>>() { });
            return new Figures(f.status(), f.progress(), f.actual(), f.latestPeriod(), f.valuesUsed(), f.approved(),
                    json(missing), f.targetPeriod(), f.forecast());
        } catch (JsonProcessingException e) {
            return f;
        }
    }

    /** An indicator's facts with its series, as {@link #refresh} and the evaluation reads assemble them. */
    static final class Row {
        final UUID id;
        final String code;
        final String owner;
        final String system;
        final UUID initiative;
        final String tier;
        final Facts facts;
        final String nameVi;
        final String unit;
        final List<Point> points = new ArrayList<>();

        Row(UUID id, String code, String owner, String system, UUID initiative, String tier, Facts facts,
            String nameVi, String unit) {
            this.id = id;
            this.code = code;
            this.owner = owner;
            this.system = system;
            this.initiative = initiative;
            this.tier = tier;
            this.facts = facts;
            this.nameVi = nameVi;
            this.unit = unit;
        }

        /** This indicator's scorecard line for the result {@code r}. */
        IndicatorScore line(Result r) {
            return new IndicatorScore(id, code, nameVi, Unit.valueOf(unit), facts.direction(), r.status(),
                    r.latestPeriod(), plain(r.actual()), r.targetPeriod(), plain(r.targetValue()), plain(r.progress()),
                    plain(r.expectedProgress()), plain(r.forecast()), r.forecastMeetsTarget(), r.valuesUsed(),
                    r.missing(), r.asOf());
        }
    }

    /** A decimal as a NUMERIC column gives it back: never in exponent notation (see {@link #dec}). */
    private static BigDecimal plain(BigDecimal d) {
        return d == null || d.scale() >= 0 ? d : d.setScale(0);
    }

    /** The facts of the indicators in {@code ids}, with their targets (one round trip). */
    static Map<UUID, Row> indicators(Connection c, Array ids) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(FACTS)) {
            ps.setArray(1, ids);
            ps.setArray(2, ids);
            List<ResultSet> results = RoundTrip.results(ps);
            return indicators(results.get(0), results.get(1));
        }
    }

    /** Reads the two result sets of {@link #FACTS}. */
    private static Map<UUID, Row> indicators(ResultSet targetRows, ResultSet indicatorRows) throws SQLException {
        Map<UUID, List<Target>> targets = new HashMap<>();
        while (targetRows.next()) {
            targets.computeIfAbsent(targetRows.getObject(1, UUID.class), k -> new ArrayList<>())
                    .add(new Target(targetRows.getString(2), dec(targetRows, 3)));
        }
        Map<UUID, Row> rows = new HashMap<>();
        ResultSet rs = indicatorRows;
        while (rs.next()) {
            UUID id = rs.getObject(1, UUID.class);
            Facts facts = new Facts(Direction.valueOf(rs.getString(5)), Frequency.valueOf(rs.getString(6)),
                    dec(rs, 7), rs.getString(8), targets.getOrDefault(id, List.of()),
                    dec(rs, 9), rs.getInt(10));
            rows.put(id, new Row(id, rs.getString(11), rs.getString(12), rs.getString(2),
                    rs.getObject(3, UUID.class), rs.getString(4), facts, rs.getString(13), rs.getString(14)));
        }
        return rows;
    }

    /**
     * A NUMERIC column as a plain decimal: pgjdbc's binary decoding may give a negative scale (60 as 6E+1), which
     * would reach JSON as exponent notation.
     */
    public static BigDecimal dec(ResultSet rs, int column) throws SQLException {
        BigDecimal d = rs.getBigDecimal(column);
        return d == null || d.scale() >= 0 ? d : d.setScale(0);
    }

    /** Reads (period, period_end, value, count, approved, last_submitted_at) from column {@code from} on. */
    static Point point(ResultSet rs, int from) throws SQLException {
        Timestamp last = rs.getTimestamp(from + 5);
        return new Point(rs.getString(from), rs.getObject(from + 1, LocalDate.class), dec(rs, from + 2),
                rs.getInt(from + 3), rs.getInt(from + 4),
                last == null ? null : last.toInstant().atOffset(ZoneOffset.UTC));
    }

    private String json(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    Session session() {
        return em.unwrap(Session.class);
    }

    static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }

    static BigDecimal hundred() {
        return BigDecimal.valueOf(100);
    }
}
