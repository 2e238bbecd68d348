package vn.nq57.kpi.evaluation;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import vn.nq57.kpi.evaluation.EvaluationViews.IndicatorScore;
import vn.nq57.kpi.evaluation.Evaluator.Facts;
import vn.nq57.kpi.evaluation.Evaluator.Point;
import vn.nq57.kpi.evaluation.Evaluator.Result;
import vn.nq57.kpi.evaluation.Evaluator.Target;
import vn.nq57.kpi.indicator.Direction;
import vn.nq57.kpi.indicator.Unit;
import vn.nq57.kpi.sql.RoundTrip;
import vn.nq57.platform.period.Frequency;

/**
 * Reading what an evaluation needs: the indicators' facts with their targets ({@link #FACTS}, one round trip), their
 * series points, and NUMERIC columns as plain decimals.
 */
@vn.nq57.platform.jdbc.Jdbc("the facts of many indicators read in one round trip with their targets (measured: kpi bench)")
public final class IndicatorFacts {

    private IndicatorFacts() {
    }

    /**
     * Targets, then indicator facts, of the indicators in the uuid[] parameter (read by
     * {@link #indicators(ResultSet, ResultSet)}).
     */
    static final String FACTS = """
            SELECT indicator_id, period, value FROM indicator_target WHERE indicator_id = ANY(?);
            SELECT id, system_code, initiative_id, tier, direction, frequency, baseline_value, baseline_period,
                   tolerance_points, grace_days, code, owner_agency, name_vi, unit FROM indicator WHERE id = ANY(?)""";

    /** An indicator's facts with its series, as the maintainer and the evaluation reads assemble them. */
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
    static Map<UUID, Row> indicators(ResultSet targetRows, ResultSet indicatorRows) throws SQLException {
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
}
