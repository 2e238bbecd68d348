package vn.nq57.kpi.measurement;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.hibernate.Session;
import org.postgresql.PGConnection;
import vn.nq57.kpi.evaluation.EvaluationLocks;
import vn.nq57.kpi.evaluation.EvaluationMaintainer;
import vn.nq57.kpi.evaluation.EvaluationMaintainer.Touched;
import vn.nq57.kpi.evaluation.IndicatorFacts;
import vn.nq57.kpi.measurement.MeasurementRows.Checked;
import vn.nq57.kpi.measurement.MeasurementRows.Existing;
import vn.nq57.kpi.measurement.MeasurementRows.IndicatorRef;
import vn.nq57.kpi.measurement.MeasurementViews.Row;
import vn.nq57.kpi.sql.RoundTrip;
import vn.nq57.platform.InstanceConfig;
import vn.nq57.platform.jdbc.SqlArrays;
import vn.nq57.platform.period.Frequency;
import vn.nq57.platform.security.Caller;

/**
 * The SQL of recording values, on the transaction's connection: the references the rows name read in one round trip,
 * the values they replace read and locked in one, and the new values, their history and the evaluation aggregates
 * written with a few multi-row statements whatever the number of rows.
 */
@vn.nq57.platform.jdbc.Jdbc("a batch of up to 10,000 rows is checked and written in a few round trips (measured: kpi ingest bench)")
@ApplicationScoped
class MeasurementStore {

    @Inject
    EntityManager em;

    @Inject
    Caller caller;

    @Inject
    InstanceConfig instance;

    @Inject
    EvaluationMaintainer evaluation;

    @Inject
    io.micrometer.core.instrument.MeterRegistry registry;

    /** The indicators (by code and by id) and the known agencies among those the rows name, in one round trip. */
    void references(List<Row> rows, Map<String, IndicatorRef> indicators, Set<String> agencies) {
        Set<String> codes = new LinkedHashSet<>();
        Set<UUID> ids = new LinkedHashSet<>();
        Set<String> agencyCodes = new LinkedHashSet<>();
        for (Row r : rows) {
            String a = MeasurementRows.trim(r.agency());
            if (a != null) {
                agencyCodes.add(a.toUpperCase(Locale.ROOT));
            }
            String k = MeasurementRows.trim(r.indicator());
            if (k == null) {
                continue;
            }
            try {
                ids.add(UUID.fromString(k));
            } catch (IllegalArgumentException notUuid) {
                codes.add(k.toUpperCase(Locale.ROOT));
            }
        }
        session().doWork(c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT id, code, frequency FROM indicator WHERE code = ANY(?) OR id = ANY(?);
                    SELECT code FROM agency_replica WHERE code = ANY(?)""")) {
                ps.setArray(1, c.createArrayOf("text", codes.toArray()));
                ps.setArray(2, c.createArrayOf("uuid", ids.toArray()));
                ps.setArray(3, c.createArrayOf("text", agencyCodes.toArray()));
                List<ResultSet> results = RoundTrip.results(ps);
                ResultSet rs = results.get(0);
                while (rs.next()) {
                    IndicatorRef ref = new IndicatorRef(rs.getObject(1, UUID.class), rs.getString(2),
                            Frequency.valueOf(rs.getString(3)));
                    indicators.put(ref.code(), ref);
                    indicators.put(ref.id().toString().toUpperCase(Locale.ROOT), ref);
                }
                rs = results.get(1);
                while (rs.next()) {
                    agencies.add(rs.getString(1));
                }
            }
        });
    }

    /**
     * Serialises the writers of these rows' (indicator, period) pairs, then reads and locks the current values they
     * replace: the advisory locks and the read go in one round trip, the read after the locks are granted.
     */
    void lockAndLoad(List<Checked> rows) {
        if (rows.isEmpty()) {
            return;
        }
        List<Touched> pairs = rows.stream().map(c -> new Touched(c.indicator.id(), c.period.toString())).distinct()
                .toList();
        long[] keys = EvaluationLocks.pairKeys(pairs);
        Map<String, Checked> byKey = new HashMap<>();
        for (Checked c : rows) {
            byKey.put(c.indicator.id() + "|" + c.period + "|" + c.agency, c);
        }
        // Many rows per (indicator, period) pair (a batch: an indicator's period across its agencies): one index range
        // per pair rather than one probe per row, so a pair new to the table costs one empty range; the rows of the
        // pair's other agencies come along (locked too, as the pair lock already serialises their writers). Few rows
        // per pair (a single value): one probe per row.
        boolean byPair = rows.size() > 2 * pairs.size();
        session().doWork(conn -> {
            try (PreparedStatement ps = conn.prepareStatement(EvaluationLocks.LOCK + ";\n" + """
                    SELECT m.id, m.indicator_id, m.period, m.agency_code, m.value, m.status, m.note, m.evidence_link, m.version,
                           m.origin, m.first_submitted_at
                    """ + (byPair ? """
                    FROM unnest(?::uuid[], ?::text[]) AS k(indicator_id, period)
                    CROSS JOIN LATERAL (SELECT * FROM measurement x WHERE x.indicator_id = k.indicator_id
                        AND x.period = k.period FOR UPDATE) m""" : """
                    FROM unnest(?::uuid[], ?::text[], ?::text[]) AS k(indicator_id, period, agency)
                    CROSS JOIN LATERAL (SELECT * FROM measurement x WHERE x.indicator_id = k.indicator_id
                        AND x.period = k.period AND x.agency_code = k.agency FOR UPDATE) m"""))) {
                ps.setArray(1, EvaluationLocks.keys(conn, keys));
                if (byPair) {
                    ps.setArray(2, conn.createArrayOf("uuid", pairs.stream().map(Touched::indicatorId).toArray()));
                    ps.setArray(3, conn.createArrayOf("text", pairs.stream().map(Touched::period).toArray()));
                } else {
                    ps.setArray(2, conn.createArrayOf("uuid", rows.stream().map(c -> c.indicator.id()).toArray()));
                    ps.setArray(3, conn.createArrayOf("text", rows.stream().map(c -> c.period.toString()).toArray()));
                    ps.setArray(4, conn.createArrayOf("text", rows.stream().map(c -> c.agency).toArray()));
                }
                ResultSet rs = RoundTrip.results(ps).get(1);
                while (rs.next()) {
                    Checked c = byKey.get(rs.getObject(2, UUID.class) + "|" + rs.getString(3) + "|"
                            + rs.getString(4));
                    if (c != null) {
                        c.existing = new Existing(rs.getObject(1, UUID.class), IndicatorFacts.dec(rs, 5),
                                MeasurementStatus.valueOf(rs.getString(6)), rs.getString(7), rs.getString(8),
                                rs.getLong(9), rs.getString(10), rs.getObject(11, OffsetDateTime.class));
                    }
                }
            }
        });
    }

    /**
     * Writes the rows and maintains the evaluation of the touched indicators. A new value is one row (the row itself
     * holds the first value and who recorded it: the history shows it as RECORDED); a changed value is updated and
     * its change appended to the history. A batch sends its new values by COPY (the pair locks taken by
     * {@link #lockAndLoad} guarantee that nobody else inserts them meanwhile), the rest as one multi-row upsert.
     */
    void write(List<Checked> rows, OffsetDateTime now, boolean copyNew) {
        if (rows.isEmpty()) {
            return;
        }
        String actor = caller.subject();
        String actorAgency = caller.agency();
        registry.counter("nq57.measurements.written").increment(rows.size());
        List<Checked> fresh = copyNew ? rows.stream().filter(c -> c.existing == null).toList() : List.of();
        List<Checked> upserted = fresh.isEmpty() ? rows : rows.stream().filter(c -> c.existing != null).toList();
        session().doWork(conn -> {
            if (!fresh.isEmpty()) {
                copy(conn, fresh, now, actor, actorAgency);
            }
            if (!upserted.isEmpty()) {
                upsert(conn, upserted, now, actor, actorAgency);
            }
        });
        evaluation.touched(rows.stream().map(c -> new Touched(c.indicator.id(), c.period.toString())).toList());
    }

    private static final String COLUMNS = "id, indicator_id, period, period_end, agency_code, value, status, note, "
            + "evidence_link, submitted_by, submitted_at, first_submitted_at, origin_instance, version, created_at, "
            + "recorded_by, recorded_by_agency";

    /** New values by COPY (text format), version 0. */
    private void copy(Connection conn, List<Checked> rows, OffsetDateTime now, String actor, String actorAgency)
            throws SQLException {
        String at = now.toString();
        String origin = instance.id();
        StringBuilder sb = new StringBuilder(rows.size() * 200);
        for (Checked c : rows) {
            c.version = 0;
            c.storedValue = c.value;
            c.firstSubmittedAt = c.status == MeasurementStatus.SUBMITTED ? now : null;
            c.originInstance = origin;
            sb.append(c.id).append('\t').append(c.indicator.id()).append('\t').append(c.period).append('\t')
                    .append(c.period.end()).append('\t').append(c.agency).append('\t')
                    .append(c.value.toPlainString()).append('\t').append(c.status.name()).append('\t');
            copyText(sb, c.note).append('\t');
            copyText(sb, c.evidenceLink).append('\t');
            copyText(sb, actor).append('\t').append(at).append('\t')
                    .append(c.firstSubmittedAt == null ? "\\N" : at).append('\t');
            copyText(sb, origin).append("\t0\t").append(at).append('\t');
            copyText(sb, actor).append('\t');
            copyText(sb, actorAgency).append('\n');
        }
        try {
            conn.unwrap(PGConnection.class).getCopyAPI()
                    .copyIn("COPY measurement (" + COLUMNS + ") FROM STDIN", new StringReader(sb.toString()));
        } catch (IOException e) {
            throw new SQLException("COPY of new measurements failed", e);
        }
    }

    /** A text field in COPY's text format: backslash, tab and line breaks escaped; null as \N. */
    private static StringBuilder copyText(StringBuilder sb, String s) {
        if (s == null) {
            return sb.append("\\N");
        }
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '\\' -> sb.append("\\\\");
                case '\t' -> sb.append("\\t");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                default -> sb.append(ch);
            }
        }
        return sb;
    }

    /**
     * Inserts or updates the rows and, in the same round trip, appends the history of the changed ones (an update
     * raises the version of the row locked by {@link #lockAndLoad} by one, so its history version is known ahead).
     */
    private void upsert(Connection conn, List<Checked> rows, OffsetDateTime now, String actor, String actorAgency)
            throws SQLException {
        // Long method: one set-based statement (upsert, history, evaluation refresh) with one array per column:
        // building and binding its arrays is most of it, and splitting it would only move the binding away from the
        // SQL it binds.
        List<Checked> changed = rows.stream().filter(c -> c.existing != null).toList();
        String sql = """
                INSERT INTO measurement AS m (%s)
                SELECT t.id, t.indicator_id, t.period, t.period_end::date, t.agency, t.value::numeric, t.status, t.note,
                       t.evidence, ?, ?, CASE WHEN t.status = 'SUBMITTED' THEN ?::timestamptz END, ?, 0, ?, ?, ?
                FROM unnest(?::uuid[], ?::uuid[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[])
                     AS t(id, indicator_id, period, period_end, agency, value, status, note, evidence)
                ON CONFLICT (indicator_id, period, agency_code) DO UPDATE SET value = EXCLUDED.value,
                    status = EXCLUDED.status, note = EXCLUDED.note, evidence_link = EXCLUDED.evidence_link,
                    return_reason = NULL, submitted_by = EXCLUDED.submitted_by, submitted_at = EXCLUDED.submitted_at,
                    first_submitted_at = coalesce(m.first_submitted_at, EXCLUDED.first_submitted_at),
                    decided_by = NULL, decided_at = NULL, version = m.version + 1
                RETURNING id, version, value, first_submitted_at, origin_instance""".formatted(COLUMNS);
        if (!changed.isEmpty()) {
            sql += """
                    ;
                    INSERT INTO measurement_history (measurement_id, action, old_value, new_value, old_status, new_status,
                        reason, actor, actor_agency, occurred_at, version)
                    SELECT t.id, 'UPDATED', t.old_value::numeric, t.new_value::numeric, t.old_status, t.new_status, NULL, ?, ?, ?, t.version
                    FROM unnest(?::uuid[], ?::text[], ?::text[], ?::text[], ?::text[], ?::bigint[])
                         AS t(id, old_value, new_value, old_status, new_status, version)""";
        }
        try (PreparedStatement ps = conn.prepareStatement(sql)) {
            int n = rows.size();
            Object[] ids = new Object[n];
            Object[] indicators = new Object[n];
            Object[] periods = new Object[n];
            Object[] ends = new Object[n];
            Object[] agencies = new Object[n];
            Object[] values = new Object[n];
            Object[] statuses = new Object[n];
            Object[] notes = new Object[n];
            Object[] links = new Object[n];
            for (int i = 0; i < n; i++) {
                Checked c = rows.get(i);
                ids[i] = c.id;
                indicators[i] = c.indicator.id();
                periods[i] = c.period.toString();
                ends[i] = c.period.end().toString();
                agencies[i] = c.agency;
                values[i] = c.value.toPlainString();
                statuses[i] = c.status.name();
                notes[i] = c.note;
                links[i] = c.evidenceLink;
            }
            ps.setString(1, actor);
            ps.setObject(2, now);
            ps.setObject(3, now);
            ps.setString(4, instance.id());
            ps.setObject(5, now);
            ps.setString(6, actor);
            ps.setString(7, actorAgency);
            int next = SqlArrays.bind(ps, 8, "uuid", ids, indicators);
            SqlArrays.bind(ps, next, "text", periods, ends, agencies, values, statuses, notes, links);
            if (!changed.isEmpty()) {
                int m = changed.size();
                Object[] hIds = new Object[m];
                Object[] olds = new Object[m];
                Object[] news = new Object[m];
                Object[] oldStatuses = new Object[m];
                Object[] newStatuses = new Object[m];
                Object[] versions = new Object[m];
                for (int i = 0; i < m; i++) {
                    Checked c = changed.get(i);
                    hIds[i] = c.id;
                    olds[i] = c.existing.value().toPlainString();
                    news[i] = c.value.toPlainString();
                    oldStatuses[i] = c.existing.status().name();
                    newStatuses[i] = c.status.name();
                    versions[i] = c.existing.version() + 1;
                }
                ps.setString(17, actor);
                ps.setString(18, actorAgency);
                ps.setObject(19, now);
                SqlArrays.bind(ps, 20, "uuid", hIds);
                SqlArrays.bind(ps, 21, "text", olds, news, oldStatuses, newStatuses);
                SqlArrays.bind(ps, 25, "bigint", versions);
            }
            Map<UUID, Checked> byId = new HashMap<>(n * 2);
            rows.forEach(c -> byId.put(c.id, c));
            ResultSet rs = RoundTrip.results(ps).get(0);
            int written = 0;
            while (rs.next()) {
                Checked c = byId.get(rs.getObject(1, UUID.class));
                long expected = c == null ? -1 : c.existing == null ? 0 : c.existing.version() + 1;
                if (c == null || rs.getLong(2) != expected) {
                    // only a writer that bypassed the pair locks could cause this: refuse rather than mis-record
                    throw new IllegalStateException("measurement " + rs.getObject(1) + " changed concurrently");
                }
                c.version = expected;
                c.storedValue = IndicatorFacts.dec(rs, 3);
                OffsetDateTime first = rs.getObject(4, OffsetDateTime.class);
                c.firstSubmittedAt = first == null ? null : first.withOffsetSameInstant(ZoneOffset.UTC);
                c.originInstance = rs.getString(5);
                written++;
            }
            if (written != n) {
                throw new IllegalStateException((n - written) + " measurement(s) were not written");
            }
        }
    }

    private Session session() {
        return em.unwrap(Session.class);
    }
}
