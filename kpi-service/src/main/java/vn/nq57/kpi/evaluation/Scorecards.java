package vn.nq57.kpi.evaluation;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.util.RawValue;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.Session;
import vn.nq57.kpi.evaluation.EvaluationViews.IndicatorScore;
import vn.nq57.kpi.evaluation.EvaluationViews.InitiativeRollUp;
import vn.nq57.kpi.evaluation.EvaluationViews.InitiativeScorecard;
import vn.nq57.kpi.evaluation.EvaluationViews.PlanScorecard;
import vn.nq57.kpi.evaluation.EvaluationViews.SystemRollUp;
import vn.nq57.kpi.evaluation.EvaluationViews.SystemScorecard;
import vn.nq57.kpi.evaluation.Evaluator.Status;
import vn.nq57.kpi.evaluation.Tally.Line;
import vn.nq57.kpi.indicator.Direction;
import vn.nq57.kpi.indicator.Unit;
import vn.nq57.kpi.initiative.InitiativeDirectory;
import vn.nq57.kpi.initiative.InitiativeReplica;
import vn.nq57.kpi.sql.RoundTrip;
import vn.nq57.platform.error.ApiException;

import static vn.nq57.kpi.evaluation.IndicatorFacts.dec;

/**
 * The scorecards: an initiative's, a System's and the whole plan's. They read only the maintained
 * {@code indicator_current} rows (one per indicator, never the measurements); the roll-ups are {@link Tally}'s rule,
 * counted by the database where a scorecard needs only the counts.
 */
@vn.nq57.platform.jdbc.Jdbc("roll-ups read in one round trip per scorecard (measured: kpi bench)")
@ApplicationScoped
public class Scorecards {

    @Inject
    EntityManager em;

    @Inject
    InitiativeDirectory initiatives;

    @Inject
    ObjectMapper mapper;

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
        Tally t = Tally.of(lines);
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
                    Tally t = tally(rs, 4);
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
                        Tally t = tally(rs, 2);
                        overall.merge(t);
                        systems.add(new SystemRollUp(rs.getString(1), t.rollUp()));
                    }
                }
            }
        });
        return new PlanScorecard(overall.rollUp(), systems, now());
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

    /** A row of {@link #TALLY_COLUMNS} from column {@code from} on. */
    static Tally tally(ResultSet rs, int from) throws SQLException {
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
