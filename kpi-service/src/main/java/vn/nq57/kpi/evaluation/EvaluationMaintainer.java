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
import java.sql.Types;
import java.time.Clock;
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
import vn.nq57.kpi.evaluation.Evaluator.Result;
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
    Clock clock;

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
        advisoryLocks(EvaluationLocks.pairKeys(pairs));
    }

    private void advisoryLocks(long[] keys) {
        if (keys.length == 0) {
            return;
        }
        session().doWork(c -> {
            try (PreparedStatement ps = c.prepareStatement(EvaluationLocks.LOCK)) {
                ps.setArray(1, EvaluationLocks.keys(c, keys));
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

    /**
     * Sends {@code lead} (statements with their parameters), the indicators' lock and every read the evaluation needs
     * in one round trip, then writes the evaluation and announces the changed ones.
     */
    private void refresh(Collection<UUID> indicatorIds, String lead, Lead binder) {
        em.flush();
        LocalDate today = Period.today(clock);
        List<EvaluatedEventData> changed = new ArrayList<>();
        session().doWork(c -> store(c, read(c, indicatorIds, lead, binder), today, changed));
        outbox.publishAll(vn.nq57.kpi.events.KpiEvents.TOPIC, changed.stream().map(e -> new Outbox.Pending(
                vn.nq57.kpi.events.KpiEvents.INDICATOR_EVALUATED, "indicator", e.indicatorId(), e.version(), e)).toList());
    }

    /** What {@link #refresh} reads: the indicators with their series, and their stored evaluations and versions. */
    private record Stored(Map<UUID, IndicatorFacts.Row> rows, Map<UUID, Figures> previous, Map<UUID, Long> versions) {
    }

    private Stored read(Connection c, Collection<UUID> indicatorIds, String lead, Lead binder) throws SQLException {
        Array ids = c.createArrayOf("uuid", indicatorIds.toArray());
        Map<UUID, Figures> previous = new HashMap<>();
        Map<UUID, Long> versions = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(lead + EvaluationLocks.LOCK + ";\n" + IndicatorFacts.FACTS + ";\n" + """
                SELECT indicator_id, period, period_end, value, value_count, approved_count, last_submitted_at
                FROM indicator_period_agg WHERE indicator_id = ANY(?) ORDER BY indicator_id, period_end;
                SELECT indicator_id, status, progress, actual, latest_period, values_used, approved_values,
                       missing::text, target_period, forecast, evaluation_version
                FROM indicator_current WHERE indicator_id = ANY(?)""")) {
            int i = binder.bind(c, ps, 1);
            ps.setArray(i, EvaluationLocks.keys(c, EvaluationLocks.indicatorKeys(indicatorIds)));
            for (int k = 1; k <= 4; k++) {
                ps.setArray(i + k, ids);
            }
            List<ResultSet> results = RoundTrip.results(ps);
            Map<UUID, IndicatorFacts.Row> rows = IndicatorFacts.indicators(results.get(1), results.get(2));
            ResultSet rs = results.get(3);
            while (rs.next()) {
                IndicatorFacts.Row row = rows.get(rs.getObject(1, UUID.class));
                if (row != null) {
                    row.points.add(IndicatorFacts.point(rs, 2));
                }
            }
            rs = results.get(4);
            while (rs.next()) {
                UUID id = rs.getObject(1, UUID.class);
                previous.put(id, new Figures(rs.getString(2), IndicatorFacts.dec(rs, 3), IndicatorFacts.dec(rs, 4), rs.getString(5), rs.getInt(6),
                        rs.getInt(7), rs.getString(8), rs.getString(9), IndicatorFacts.dec(rs, 10)));
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
            for (IndicatorFacts.Row row : stored.rows().values()) {
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
    private void bind(PreparedStatement ps, IndicatorFacts.Row row, Result r, String missingJson, long version) throws SQLException {
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
}
