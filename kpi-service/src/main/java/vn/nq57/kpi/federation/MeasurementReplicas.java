package vn.nq57.kpi.federation;

import static vn.nq57.kpi.federation.IndicatorReplicas.decimal;
import static vn.nq57.kpi.federation.IndicatorReplicas.text;
import static vn.nq57.kpi.federation.IndicatorReplicas.time;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.hibernate.Session;
import vn.nq57.kpi.evaluation.EvaluationMaintainer;
import vn.nq57.kpi.evaluation.EvaluationMaintainer.Touched;
import vn.nq57.kpi.measurement.MeasurementStatus;
import vn.nq57.platform.period.Period;
import vn.nq57.platform.events.EventRefused;
import vn.nq57.platform.federation.Federation;
import vn.nq57.platform.jdbc.SqlArrays;

/**
 * Central's copy of the values a ministry records: each value of an event (one, or a batch's chunk) is written with
 * the ministry as {@code origin} when its version is newer than the one central holds (so a batch event and a later
 * single event of the same value converge whatever their order), with a history row; then the evaluation of the
 * touched (indicator, period) pairs is brought up to date through {@link EvaluationMaintainer#touched}, which announces
 * each changed evaluation ({@code nq57.indicator.evaluated.v1}) for central's scorecard.
 */
@vn.nq57.platform.jdbc.Jdbc("central applies a ministry's values set-based: one read, one batch write, one history batch (issue #19, measured)")
@ApplicationScoped
public class MeasurementReplicas {

    @Inject
    EntityManager em;

    @Inject
    EvaluationMaintainer evaluation;

    @Inject
    Federation federation;

    @Inject
    vn.nq57.platform.audit.AuditTrail audit;

    /** One value as an event carries it. */
    record Incoming(JsonNode data, UUID id, UUID indicatorId, String period, LocalDate periodEnd, String agency,
                    BigDecimal value, MeasurementStatus status, long version, String action) {
    }

    /** What central holds for a value (by id or by its indicator, period and agency), locked. */
    private record Held(UUID id, String origin, long version, BigDecimal value, MeasurementStatus status) {
    }

    /**
     * Applies the values {@code rows} of one event from {@code origin}; {@code action} names the history entry
     * (null: RECORDED for a new value, UPDATED for a changed one). Throws {@link EventRefused} when a value belongs to
     * another instance or an agency outside the sender's part of the tree (nothing is written) and
     * {@link IllegalStateException} when an indicator or agency is not known here yet (the event is parked and
     * retried).
     *
     * @return the values applied (the others were not newer than central's)
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<JsonNode> apply(List<JsonNode> rows, String origin, String action) {
        List<Touched> touched = new ArrayList<>();
        List<JsonNode> applied = apply(rows, origin, action, touched);
        evaluation.touched(touched);
        return applied;
    }

    /**
     * As {@link #apply(List, String, String)}, but the (indicator, period) pairs whose evaluation the values change are
     * added to {@code touched} for the caller to evaluate once for many calls (central's batch apply).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<JsonNode> apply(List<JsonNode> rows, String origin, String action, List<Touched> touched) {
        return applySteps(rows.stream().map(d -> new Step(d, action)).toList(), origin, touched);
    }

    /** One value as one event carries it, and the history action it stands for (null: RECORDED or UPDATED). */
    public record Step(JsonNode data, String action) {
    }

    /**
     * Applies the steps in their order, in one read, one write and one history insert: a value may come several times
     * (a run of single-value events of one origin: recorded, then submitted, then approved…), each step newer than
     * the one before it is applied and keeps its own history entry, and the row ends at the last applied step.
     *
     * @return the data of the steps applied, in order (the others were not newer than what central held before them)
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<JsonNode> applySteps(List<Step> steps, String origin, List<Touched> touched) {
        // Long method: the ordered steps of central's batch apply (lock, read held versions, decide per event, write,
        // history) share the rows read once; kept together so the order of the steps stays visible.
        List<Incoming> incoming = new ArrayList<>(steps.size());
        Map<UUID, Incoming> distinct = new LinkedHashMap<>();
        for (Step step : steps) {
            Incoming in = parse(step.data(), step.action());
            incoming.add(in);
            distinct.putIfAbsent(in.id(), in);
        }
        if (incoming.isEmpty()) {
            return List.of();
        }
        requireKnown(distinct.values());
        federation.requireWithinSender(origin, distinct.values().stream().map(Incoming::agency).distinct().toList());
        evaluation.lockPairs(distinct.values().stream().map(i -> new Touched(i.indicatorId(), i.period())).toList());
        em.flush();
        List<Incoming> applied = new ArrayList<>();
        List<Held> before = new ArrayList<>();
        session().doWork(c -> {
            Map<UUID, Held> byId = new HashMap<>();
            Map<String, Held> byKey = new HashMap<>();
            load(c, distinct.values(), byId, byKey);
            List<String> refused = new ArrayList<>();
            List<UUID> replaced = new ArrayList<>();
            for (Incoming in : incoming) {
                Held held = byId.get(in.id());
                String key = key(in.indicatorId(), in.period(), in.agency());
                Held sameKey = byKey.get(key);
                boolean apply = false;
                if (sameKey != null && !sameKey.id().equals(in.id()) && origin.equals(sameKey.origin())
                        && held == null) {
                    // the owner holds another row for this key (e.g. its own value, kept when central's was handed
                    // over to it): its row is the value now
                    replaced.add(sameKey.id());
                    apply = true;
                } else if (sameKey != null && !sameKey.id().equals(in.id())) {
                    refused.add("central holds another value (" + sameKey.id() + ", owned by "
                            + (sameKey.origin() == null ? "central" : sameKey.origin()) + ") for " + in.indicatorId()
                            + " " + in.period() + " " + in.agency());
                } else if (held != null && !origin.equals(held.origin())) {
                    refused.add("measurement " + in.id() + " is owned by "
                            + (held.origin() == null ? "central" : "instance '" + held.origin() + "'"));
                } else {
                    apply = held == null || held.version() < in.version();
                }
                if (apply) {
                    applied.add(in);
                    before.add(held);
                    // the next step of this value compares with this one
                    Held now = new Held(in.id(), origin, in.version(), in.value(), in.status());
                    byId.put(in.id(), now);
                    byKey.put(key, now);
                }
            }
            if (!refused.isEmpty()) {
                throw new EventRefused(String.join("; ", refused.subList(0, Math.min(5, refused.size())))
                        + (refused.size() > 5 ? " and " + (refused.size() - 5) + " more" : ""));
            }
            if (!replaced.isEmpty()) {
                remove(c, replaced);
            }
            if (!applied.isEmpty()) {
                Map<UUID, Incoming> last = new LinkedHashMap<>();
                applied.forEach(in -> last.put(in.id(), in));
                write(c, last.values(), origin);
                history(c, applied, before);
            }
        });
        applied.forEach(i -> touched.add(new Touched(i.indicatorId(), i.period())));
        return applied.stream().map(Incoming::data).toList();
    }

    /**
     * Central's own values standing in the way of a ministry's values a central admin accepted (same indicator,
     * period and agency, another id): removed with their history, each audited with what it held.
     */
    public void giveWay(List<JsonNode> rows) {
        em.flush();
        List<UUID> removed = new ArrayList<>();
        List<Object[]> audited = new ArrayList<>();
        session().doWork(c -> {
            for (JsonNode d : rows) {
                Incoming in = parse(d, null);
                try (PreparedStatement ps = c.prepareStatement("""
                        SELECT id, value, status FROM measurement
                        WHERE indicator_id = ? AND period = ? AND agency_code = ? AND id <> ? AND origin IS NULL
                        FOR UPDATE""")) {
                    ps.setObject(1, in.indicatorId());
                    ps.setString(2, in.period());
                    ps.setString(3, in.agency());
                    ps.setObject(4, in.id());
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            removed.add((UUID) rs.getObject(1));
                            audited.add(new Object[] {rs.getObject(1), rs.getBigDecimal(2), rs.getString(3), in.id()});
                        }
                    }
                }
            }
            if (!removed.isEmpty()) {
                remove(c, removed);
            }
        });
        for (Object[] a : audited) {
            audit.record("measurement.replaced", "measurement", a[0],
                    java.util.Map.of("value", a[1], "status", a[2]),
                    java.util.Map.of("replacedBy", String.valueOf(a[3]), "reason", "a central admin accepted the "
                            + "ministry's value in place of central's"));
        }
    }

    /** Removes rows their owner replaced by another row for the same key, with their history. */
    private static void remove(Connection c, List<UUID> ids) throws SQLException {
        java.sql.Array array = c.createArrayOf("uuid", ids.toArray());
        try (PreparedStatement history = c.prepareStatement(
                "DELETE FROM measurement_history WHERE measurement_id = ANY(?)");
             PreparedStatement rows = c.prepareStatement("DELETE FROM measurement WHERE id = ANY(?)")) {
            history.setArray(1, array);
            history.executeUpdate();
            rows.setArray(1, array);
            rows.executeUpdate();
        }
    }

    private static Incoming parse(JsonNode d, String action) {
        try {
            String period = Period.parse(d.path("period").asText()).toString();
            return new Incoming(d, UUID.fromString(d.path("id").asText()), UUID.fromString(d.path("indicatorId").asText()),
                    period, Period.parse(period).end(), d.path("agency").asText().trim().toUpperCase(Locale.ROOT),
                    decimal(d, "value"), MeasurementStatus.valueOf(d.path("status").asText()),
                    d.path("version").asLong(), action);
        } catch (RuntimeException e) {
            throw new EventRefused("a measurement in the event is incomplete or invalid (" + e.getMessage() + "): "
                    + abbreviate(d.toString()));
        }
    }

    /** Parks the event (IllegalStateException) while an indicator or agency is unknown here. */
    private void requireKnown(java.util.Collection<Incoming> rows) {
        Set<UUID> indicators = new TreeSet<>();
        Set<String> agencies = new TreeSet<>();
        rows.forEach(r -> {
            indicators.add(r.indicatorId());
            agencies.add(r.agency());
        });
        session().doWork(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT id FROM indicator WHERE id = ANY(?::uuid[])")) {
                ps.setArray(1, c.createArrayOf("uuid", indicators.toArray()));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        indicators.remove(rs.getObject(1, UUID.class));
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT code FROM agency_replica WHERE code = ANY(?::text[])")) {
                ps.setArray(1, c.createArrayOf("text", agencies.toArray()));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        agencies.remove(rs.getString(1));
                    }
                }
            }
        });
        if (!indicators.isEmpty()) {
            throw new IllegalStateException("indicator(s) " + indicators + " not known here yet");
        }
        if (!agencies.isEmpty()) {
            throw new IllegalStateException("agency(ies) " + agencies + " not known here yet");
        }
    }

    /** Reads and locks what central holds for these values, by id and by (indicator, period, agency). */
    private static void load(Connection c, java.util.Collection<Incoming> rows, Map<UUID, Held> byId,
                             Map<String, Held> byKey) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT m.id, m.indicator_id, m.period, m.agency_code, m.origin, m.version, m.value, m.status
                FROM measurement m
                WHERE m.id = ANY(?::uuid[])
                   OR (m.indicator_id, m.period, m.agency_code) IN (SELECT * FROM unnest(?::uuid[], ?::text[], ?::text[]))
                FOR UPDATE""")) {
            SqlArrays.bind(ps, 1, "uuid", rows.stream().map(Incoming::id).toArray(),
                    rows.stream().map(Incoming::indicatorId).toArray());
            SqlArrays.bind(ps, 3, "text", rows.stream().map(Incoming::period).toArray(),
                    rows.stream().map(Incoming::agency).toArray());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Held held = new Held(rs.getObject(1, UUID.class), rs.getString(5), rs.getLong(6),
                            rs.getBigDecimal(7), MeasurementStatus.valueOf(rs.getString(8)));
                    byId.put(held.id(), held);
                    byKey.put(key(rs.getObject(2, UUID.class), rs.getString(3), rs.getString(4)), held);
                }
            }
        }
    }

    private static void write(Connection c, java.util.Collection<Incoming> rows, String origin) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO measurement AS m (id, indicator_id, period, period_end, agency_code, value, status, note,
                    evidence_link, return_reason, submitted_by, submitted_at, first_submitted_at, decided_by,
                    decided_at, origin_instance, origin, version, created_at, recorded_by)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, now(), ?)
                ON CONFLICT (id) DO UPDATE SET value = EXCLUDED.value, status = EXCLUDED.status, note = EXCLUDED.note,
                    evidence_link = EXCLUDED.evidence_link, return_reason = EXCLUDED.return_reason,
                    submitted_by = EXCLUDED.submitted_by, submitted_at = EXCLUDED.submitted_at,
                    first_submitted_at = coalesce(EXCLUDED.first_submitted_at, m.first_submitted_at),
                    decided_by = EXCLUDED.decided_by, decided_at = EXCLUDED.decided_at, version = EXCLUDED.version""")) {
            for (Incoming in : rows) {
                JsonNode d = in.data();
                OffsetDateTime at = time(d, "at", OffsetDateTime.now());
                OffsetDateTime submittedAt = time(d, "submittedAt", at);
                ps.setObject(1, in.id());
                ps.setObject(2, in.indicatorId());
                ps.setString(3, in.period());
                ps.setObject(4, in.periodEnd());
                ps.setString(5, in.agency());
                ps.setBigDecimal(6, in.value());
                ps.setString(7, in.status().name());
                ps.setString(8, text(d, "note"));
                ps.setString(9, text(d, "evidenceLink"));
                ps.setString(10, text(d, "returnReason"));
                ps.setString(11, d.hasNonNull("submittedBy") ? d.get("submittedBy").asText() : d.path("actor").asText("?"));
                ps.setObject(12, submittedAt);
                ps.setObject(13, time(d, "firstSubmittedAt", in.status() == MeasurementStatus.DRAFT ? null : submittedAt));
                ps.setString(14, text(d, "decidedBy"));
                ps.setObject(15, time(d, "decidedAt", null));
                ps.setString(16, origin);
                ps.setString(17, origin);
                ps.setLong(18, in.version());
                ps.setString(19, d.path("actor").asText("?"));
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /**
     * One history entry per applied step; its old value and status are the row's as held before the step (the
     * latest history entry would miss the first value of a row recorded without one, V4).
     */
    private static void history(Connection c, List<Incoming> rows, List<Held> before) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO measurement_history (measurement_id, action, old_value, new_value, old_status, new_status,
                    reason, actor, actor_agency, occurred_at, version)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, ?)""")) {
            for (int n = 0; n < rows.size(); n++) {
                Incoming in = rows.get(n);
                JsonNode d = in.data();
                Held held = before.get(n);
                ps.setObject(1, in.id());
                ps.setString(2, in.action() != null ? in.action() : held == null ? "RECORDED" : "UPDATED");
                ps.setBigDecimal(3, held == null ? null : held.value());
                ps.setBigDecimal(4, in.value());
                ps.setString(5, held == null ? null : held.status().name());
                ps.setString(6, in.status().name());
                ps.setString(7, text(d, "reason"));
                ps.setString(8, d.path("actor").asText("?"));
                ps.setObject(9, time(d, "at", OffsetDateTime.now()));
                ps.setLong(10, in.version());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private static String key(UUID indicator, String period, String agency) {
        return indicator + "|" + period + "|" + agency;
    }

    private static String abbreviate(String s) {
        return s.length() > 200 ? s.substring(0, 200) + "…" : s;
    }

    private Session session() {
        return em.unwrap(Session.class);
    }
}
