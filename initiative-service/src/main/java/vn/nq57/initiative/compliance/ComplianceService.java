package vn.nq57.initiative.compliance;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import vn.nq57.initiative.compliance.ComplianceViews.AgencyBoard;
import vn.nq57.initiative.compliance.ComplianceViews.AgencyCompliance;
import vn.nq57.initiative.compliance.ComplianceViews.LedInitiatives;
import vn.nq57.initiative.compliance.ComplianceViews.ObstacleCounts;
import vn.nq57.initiative.compliance.ComplianceViews.OutputCounts;
import vn.nq57.initiative.compliance.ComplianceViews.OutputDetail;
import vn.nq57.initiative.compliance.ComplianceViews.Ranking;
import vn.nq57.initiative.compliance.ComplianceViews.RankingEntry;
import vn.nq57.initiative.compliance.ComplianceViews.TrendPoint;
import vn.nq57.initiative.compliance.ComplianceViews.ValueCounts;
import vn.nq57.initiative.compliance.ComplianceViews.ValueDetail;
import vn.nq57.initiative.obligation.ObligationService;
import vn.nq57.initiative.obligation.ObligationService.ActiveObligation;
import vn.nq57.initiative.obligation.ReportingCalendar;
import vn.nq57.initiative.obligation.ReportingCalendar.Expected;
import vn.nq57.initiative.obligation.ReportingCalendar.ReportStatus;
import vn.nq57.initiative.scorecard.ScorecardService;
import vn.nq57.initiative.scorecard.ScorecardViews.InitiativeScore;
import vn.nq57.platform.error.ApiException;
import vn.nq57.platform.period.Frequency;
import vn.nq57.platform.period.Period;
import vn.nq57.platform.security.AgencyAccess;

/**
 * The compliance board: per agency and window (a year, or a quarter for the trend), the values expected of it and
 * how they were reported, the outputs of the initiatives it leads, the obstacles asked of it, and its initiatives'
 * health; the completion score ({@link ComplianceScore}) and the ranking of ministries and of provinces. A sub-unit's
 * items count for the ministry or province above it. Every figure comes from a bounded set of queries per window.
 */
@ApplicationScoped
public class ComplianceService {

    public static final String FORMULA = "score = 100 × Σ w·r / Σ w over the parts with something counted; values "
            + "r = (on time + ½ late) / (on time + late + missing), w 0.40; outputs r = (on time + ½ late) / (on time "
            + "+ late + overdue), w 0.30; obstacles r = (answered in time + ½ late) / (in time + late + overdue), "
            + "w 0.15; initiatives r = (green + ½ amber) / (green + amber + red), w 0.15";

    @Inject
    Clock clock;

    @Inject
    EntityManager em;

    @Inject
    ScorecardService scorecard;

    @Inject
    AgencyAccess access;

    @Inject
    ObligationService obligations;

    /** A time window: a year or a quarter. */
    public record Window(String label, LocalDate start, LocalDate end) {
        static Window year(int year) {
            return new Window(Integer.toString(year), LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
        }

        static Window of(Period p) {
            return new Window(p.toString(), p.start(), p.end());
        }

        boolean contains(LocalDate day) {
            return !day.isBefore(start) && !day.isAfter(end);
        }
    }

    record AgencyRow(String code, String name, String level, String parent) {
    }

    /** Counters of one agency (or group) in one window, and optionally the items behind them. */
    static final class Tally {
        final long[] values = new long[5];      // on time, late, missing, pending, contributions
        final long[] outputs = new long[4];     // on time, late, overdue, pending
        final long[] obstacles = new long[4];   // in time, late, overdue, pending
        final long[] initiatives = new long[4]; // green, amber, red, grey
        final List<ValueDetail> valueDetails = new ArrayList<>();
        final List<OutputDetail> outputDetails = new ArrayList<>();

        BigDecimal score() {
            return ComplianceScore.score(new long[] {values[0], values[1], values[2]},
                    new long[] {outputs[0], outputs[1], outputs[2]}, new long[] {obstacles[0], obstacles[1], obstacles[2]},
                    new long[] {initiatives[0], initiatives[1], initiatives[2]});
        }

        AgencyCompliance view(AgencyRow a) {
            return new AgencyCompliance(a.code(), a.name(), a.level(), score(),
                    new ValueCounts(values[0] + values[1] + values[2], values[0], values[1], values[2], values[3], values[4]),
                    new OutputCounts(outputs[0] + outputs[1] + outputs[2], outputs[0], outputs[1], outputs[2], outputs[3]),
                    new ObstacleCounts(obstacles[0] + obstacles[1] + obstacles[2], obstacles[0], obstacles[1],
                            obstacles[2], obstacles[3]),
                    new LedInitiatives(initiatives[0] + initiatives[1] + initiatives[2] + initiatives[3],
                            initiatives[0], initiatives[1], initiatives[2], initiatives[3]));
        }
    }

    /** The ranking of every agency of a level (MINISTRY or PROVINCE) for a year, with the quarterly trend. */
    public Ranking ranking(String level, int year) {
        String lvl = level(level);
        LocalDate today = Period.today(clock);
        Map<String, AgencyRow> agencies = agencies();
        Function<String, String> group = code -> ancestorAt(code, lvl, agencies);
        Map<String, Tally> whole = tally(Window.year(year), today, group, false);
        List<Window> quarters = quarters(year, today);
        List<Map<String, Tally>> perQuarter = quarters.stream().map(q -> tally(q, today, group, false)).toList();
        List<RankingEntry> entries = new ArrayList<>();
        for (AgencyRow a : agencies.values()) {
            if (!a.level().equals(lvl)) {
                continue;
            }
            AgencyCompliance c = whole.getOrDefault(a.code(), new Tally()).view(a);
            List<TrendPoint> trend = new ArrayList<>();
            for (int i = 0; i < quarters.size(); i++) {
                trend.add(new TrendPoint(quarters.get(i).label(), perQuarter.get(i).getOrDefault(a.code(), new Tally()).score()));
            }
            entries.add(new RankingEntry(null, c, trend));
        }
        entries.sort(Comparator.comparing((RankingEntry e) -> e.compliance().score(),
                Comparator.nullsLast(Comparator.reverseOrder())).thenComparing(e -> e.compliance().agency()));
        List<RankingEntry> ranked = new ArrayList<>(entries.size());
        BigDecimal previous = null;
        int rank = 0;
        for (int i = 0; i < entries.size(); i++) {
            RankingEntry e = entries.get(i);
            BigDecimal s = e.compliance().score();
            if (s != null && (previous == null || s.compareTo(previous) != 0)) {
                rank = i + 1;
                previous = s;
            }
            ranked.add(new RankingEntry(s == null ? null : rank, e.compliance(), e.trend()));
        }
        return new Ranking(year, lvl, today, FORMULA, ranked);
    }

    /** One agency's board for a year: its subtree's figures, the quarterly trend and the items behind them. */
    public AgencyBoard board(String agency, int year) {
        Map<String, AgencyRow> agencies = agencies();
        AgencyRow a = agencies.get(agency == null ? "" : agency.trim().toUpperCase(Locale.ROOT));
        if (a == null) {
            throw ApiException.notFound("Agency", agency);
        }
        access.requireScope(a.code());
        LocalDate today = Period.today(clock);
        Function<String, String> group = code -> within(code, a.code(), agencies) ? a.code() : null;
        Tally t = tally(Window.year(year), today, group, true).getOrDefault(a.code(), new Tally());
        List<TrendPoint> trend = new ArrayList<>();
        for (Window q : quarters(year, today)) {
            trend.add(new TrendPoint(q.label(), tally(q, today, group, false).getOrDefault(a.code(), new Tally()).score()));
        }
        return new AgencyBoard(year, today, t.view(a), trend, t.valueDetails, t.outputDetails);
    }

    static String level(String level) {
        String l = level == null ? "MINISTRY" : level.trim().toUpperCase(Locale.ROOT);
        if (!l.equals("MINISTRY") && !l.equals("PROVINCE")) {
            throw ApiException.badRequest("level", "'" + level + "' is not a ranked level: use MINISTRY or PROVINCE");
        }
        return l;
    }

    static List<Window> quarters(int year, LocalDate today) {
        List<Window> out = new ArrayList<>();
        for (int q = 1; q <= 4; q++) {
            Period p = new Period(Frequency.QUARTERLY, year, q);
            if (!p.start().isAfter(today)) {
                out.add(Window.of(p));
            }
        }
        return out;
    }

    /** Tallies every part for the agencies {@code group} maps to a key (null: not counted). */
    Map<String, Tally> tally(Window w, LocalDate today, Function<String, String> group, boolean details) {
        Map<String, Tally> out = new HashMap<>();
        Function<String, Tally> of = key -> out.computeIfAbsent(key, k -> new Tally());
        values(w, today, group, details, of);
        outputs(w, today, group, details, of);
        obstacles(w, today, group, of);
        initiatives(w, today, group, of);
        return out;
    }

    private void values(Window w, LocalDate today, Function<String, String> group, boolean details,
                        Function<String, Tally> of) {
        List<String> periods = periodsEndingIn(w);
        Map<String, OffsetDateTime> reported = new HashMap<>();
        Set<String> reportedKeys = new HashSet<>();
        for (Object[] r : rows("SELECT indicator_id, agency_code, period, first_submitted_at FROM reported_value "
                + "WHERE period IN (:periods) AND first_submitted_at IS NOT NULL", Map.of("periods", periods))) {
            String key = r[0] + "|" + r[1] + "|" + r[2];
            reported.put(key, time(r[3]));
            reportedKeys.add(key);
        }
        Set<String> obliged = new HashSet<>();
        for (ActiveObligation o : obligations.active()) {
            obliged.add(o.indicatorId() + "|" + o.agency());
            String key = group.apply(o.agency());
            if (key == null) {
                continue;
            }
            Tally t = of.apply(key);
            for (Expected e : o.expected(w.start(), w.end(), today)) {
                OffsetDateTime first = reported.get(o.indicatorId() + "|" + o.agency() + "|" + e.period());
                ReportStatus s = ReportingCalendar.status(e.deadline(), first, today);
                t.values[s.ordinal()]++;
                if (details) {
                    t.valueDetails.add(new ValueDetail(o.indicatorId(), o.code(), o.name(), o.agency(),
                            e.period().toString(), e.deadline(), s, first));
                }
            }
        }
        for (String k : reportedKeys) {
            String[] parts = k.split("\\|");
            if (!obliged.contains(parts[0] + "|" + parts[1])) {
                String key = group.apply(parts[1]);
                if (key != null) {
                    of.apply(key).values[4]++;
                }
            }
        }
    }

    private void outputs(Window w, LocalDate today, Function<String, String> group, boolean details,
                         Function<String, Tally> of) {
        for (Object[] r : rows("SELECT a.code, o.id, i.id, i.code, o.description, o.due_date, o.delivered_at "
                + "FROM initiative_output o JOIN initiative i ON i.id = o.initiative_id "
                + "JOIN agency a ON a.id = i.lead_agency_id WHERE o.due_date BETWEEN :start AND :end "
                + "AND o.status <> 'CANCELLED' AND i.status <> 'CANCELLED'", Map.of("start", w.start(), "end", w.end()))) {
            String key = group.apply((String) r[0]);
            if (key == null) {
                continue;
            }
            LocalDate due = date(r[5]);
            OffsetDateTime delivered = time(r[6]);
            ReportStatus s = ReportingCalendar.status(due, delivered, today);
            Tally t = of.apply(key);
            t.outputs[switch (s) {
                case ON_TIME -> 0;
                case LATE -> 1;
                case MISSING -> 2;
                case PENDING -> 3;
            }]++;
            if (details) {
                t.outputDetails.add(new OutputDetail((UUID) r[1], (UUID) r[2], (String) r[3], (String) r[0],
                        (String) r[4], due, delivered, s));
            }
        }
    }

    private void obstacles(Window w, LocalDate today, Function<String, String> group, Function<String, Tally> of) {
        for (Object[] r : rows("SELECT a.code, b.answer_due, b.answered_at FROM obstacle b "
                + "JOIN agency a ON a.id = b.asked_agency_id WHERE b.answer_due IS NOT NULL "
                + "AND b.filed_at >= CAST(:start AS timestamptz) AND b.filed_at < CAST(:end AS timestamptz) "
                + "AND NOT (b.status = 'CLOSED' AND b.answered_at IS NULL)",
                Map.of("start", w.start().atStartOfDay(Period.VIETNAM).toOffsetDateTime().toString(),
                        "end", w.end().plusDays(1).atStartOfDay(Period.VIETNAM).toOffsetDateTime().toString()))) {
            String key = group.apply((String) r[0]);
            if (key != null) {
                of.apply(key).obstacles[ReportingCalendar.status(date(r[1]), time(r[2]), today).ordinal()]++;
            }
        }
    }

    private void initiatives(Window w, LocalDate today, Function<String, String> group, Function<String, Tally> of) {
        if (w.contains(today)) {
            for (InitiativeScore s : scorecard.all()) {
                String key = group.apply(s.leadAgency());
                if (key != null) {
                    of.apply(key).initiatives[health(s.health().name())]++;
                }
            }
            return;
        }
        String quarter = Period.containing(Frequency.QUARTERLY, w.end()).toString();
        for (Object[] r : rows("SELECT a.code, h.health FROM initiative_health_history h "
                + "JOIN initiative i ON i.id = h.initiative_id JOIN agency a ON a.id = i.lead_agency_id "
                + "WHERE h.period = :quarter", Map.of("quarter", quarter))) {
            String key = group.apply((String) r[0]);
            if (key != null) {
                of.apply(key).initiatives[health((String) r[1])]++;
            }
        }
    }

    private static int health(String h) {
        return switch (h) {
            case "GREEN" -> 0;
            case "AMBER" -> 1;
            case "RED" -> 2;
            default -> 3;
        };
    }

    /** Every period (any frequency) whose end lies in the window. */
    static List<String> periodsEndingIn(Window w) {
        List<String> out = new ArrayList<>();
        for (Frequency f : Frequency.values()) {
            for (Period p = Period.containing(f, w.start()); !p.end().isAfter(w.end()); p = p.next()) {
                if (!p.end().isBefore(w.start())) {
                    out.add(p.toString());
                }
            }
        }
        return out.isEmpty() ? List.of("-") : out;
    }

    Map<String, AgencyRow> agencies() {
        Map<String, AgencyRow> out = new LinkedHashMap<>();
        for (Object[] r : rows("SELECT a.code, a.name_vi, a.level, p.code FROM agency a "
                + "LEFT JOIN agency p ON p.id = a.parent_id ORDER BY a.code", Map.of())) {
            out.put((String) r[0], new AgencyRow((String) r[0], (String) r[1], (String) r[2], (String) r[3]));
        }
        return out;
    }

    /** The agency itself or its nearest ancestor of {@code level}; null when there is none. */
    static String ancestorAt(String code, String level, Map<String, AgencyRow> agencies) {
        AgencyRow a = agencies.get(code);
        for (int hops = 0; a != null && hops < 32; hops++) {
            if (a.level().equals(level)) {
                return a.code();
            }
            a = a.parent() == null ? null : agencies.get(a.parent());
        }
        return null;
    }

    static boolean within(String code, String ancestor, Map<String, AgencyRow> agencies) {
        AgencyRow a = agencies.get(code);
        for (int hops = 0; a != null && hops < 32; hops++) {
            if (a.code().equals(ancestor)) {
                return true;
            }
            a = a.parent() == null ? null : agencies.get(a.parent());
        }
        return false;
    }

    private static LocalDate date(Object o) {
        return o == null ? null : o instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) o;
    }

    private static OffsetDateTime time(Object o) {
        if (o == null) {
            return null;
        }
        if (o instanceof OffsetDateTime t) {
            return t;
        }
        if (o instanceof java.time.Instant i) {
            return i.atOffset(ZoneOffset.UTC);
        }
        return ((java.sql.Timestamp) o).toInstant().atOffset(ZoneOffset.UTC);
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> rows(String sql, Map<String, Object> params) {
        var q = em.createNativeQuery(sql);
        params.forEach(q::setParameter);
        return q.getResultList();
    }
}
