package vn.nq57.kpi.measurement;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.hibernate.Session;
import org.postgresql.PGConnection;
import vn.nq57.kpi.evaluation.EvaluationMaintainer;
import vn.nq57.kpi.evaluation.EvaluationMaintainer.Touched;
import vn.nq57.kpi.events.KpiEvents;
import vn.nq57.kpi.measurement.MeasurementViews.BatchEventData;
import vn.nq57.kpi.measurement.MeasurementViews.ImportCount;
import vn.nq57.kpi.measurement.MeasurementViews.ImportSummary;
import vn.nq57.kpi.measurement.MeasurementViews.MeasurementEventData;
import vn.nq57.kpi.measurement.MeasurementViews.Row;
import vn.nq57.kpi.measurement.MeasurementViews.RowResult;
import vn.nq57.kpi.measurement.MeasurementViews.RowStatus;
import vn.nq57.platform.period.Frequency;
import vn.nq57.platform.period.Period;
import vn.nq57.kpi.sql.RoundTrip;
import vn.nq57.platform.InstanceConfig;
import vn.nq57.platform.audit.AuditTrail;
import vn.nq57.platform.error.ApiException;
import vn.nq57.platform.error.Problem;
import vn.nq57.platform.outbox.Outbox;
import vn.nq57.platform.security.AgencyHierarchy;
import vn.nq57.platform.security.Caller;
import vn.nq57.platform.text.Text;

/**
 * Records measurement values, one or many, with set-based SQL on the transaction's connection: the rows are checked
 * in memory (indicators and agencies read once per request), the current values they replace are read and locked in
 * one statement, and the new values, their history and the evaluation aggregates are written with a few multi-row
 * statements whatever the number of rows. A single submission is a batch of one with its own error mapping.
 */
@vn.nq57.platform.jdbc.Jdbc("a batch of up to 10,000 rows is checked and written in a few round trips (measured: kpi ingest bench)")
@ApplicationScoped
public class MeasurementImport {

    public static final int MAX_ROWS = 10_000;
    static final int MAX_NOTE = 5000;
    static final int MAX_LINK = 2000;

    /** All-or-nothing (default) or keep the valid rows. */
    public enum Mode { ATOMIC, PARTIAL }

    /** Why a row is refused; a single submission answers with the matching status. */
    enum Kind { INVALID, UNKNOWN, FORBIDDEN, LOCKED, REPLICA }

    @Inject
    EntityManager em;

    @Inject
    Caller caller;

    @Inject
    AgencyHierarchy hierarchy;

    @Inject
    AuditTrail audit;

    @Inject
    Outbox outbox;

    @Inject
    InstanceConfig instance;

    @Inject
    EvaluationMaintainer evaluation;

    @Inject
    vn.nq57.platform.federation.Federation federation;

    @Inject
    vn.nq57.platform.federation.Commissioning commissioning;

    @Inject
    io.micrometer.core.instrument.MeterRegistry registry;

    record IndicatorRef(UUID id, String code, Frequency frequency) {
    }

    record Existing(UUID id, BigDecimal value, MeasurementStatus status, String note, String evidenceLink,
                    long version, String origin, OffsetDateTime firstSubmittedAt) {
    }

    /** A row once checked: its parsed fields, or why it is refused; then its outcome. */
    static final class Checked {
        final Row row;
        final List<Problem.Violation> reasons = new ArrayList<>();
        Kind kind;
        IndicatorRef indicator;
        Period period;
        String agency;
        BigDecimal value;
        String note;
        String evidenceLink;
        MeasurementStatus status;
        Existing existing;
        /** For a REPLICA refusal: the instance that writes the value. */
        String owner;
        RowStatus outcome;
        UUID id;
        long version;
        /** As stored, once written. */
        BigDecimal storedValue;
        OffsetDateTime firstSubmittedAt;
        String originInstance;

        Checked(Row row) {
            this.row = row;
        }

        void reject(Kind k, String field, String message) {
            if (kind == null || k == Kind.FORBIDDEN) {
                kind = k;
            }
            reasons.add(new Problem.Violation(field, message));
        }

        boolean rejected() {
            return !reasons.isEmpty();
        }

        RowResult result() {
            return new RowResult(row.row(), rejected() ? RowStatus.REJECTED : outcome,
                    indicator == null ? row.indicator() : indicator.code(),
                    period == null ? row.period() : period.toString(), agency == null ? row.agency() : agency,
                    rejected() ? null : id, rejected() ? null : version, List.copyOf(reasons));
        }
    }

    /** The outcome of a single submission: the value as written, or null when it was unchanged (nothing written). */
    public record Single(UUID id, RowStatus outcome, Existing before, MeasurementViews.MeasurementView written) {
    }

    /** Imports a JSON or CSV batch and answers with its summary; an all-or-nothing failure is a problem. */
    @Transactional
    public ImportSummary importRows(List<Row> rows, Mode mode, String source) {
        if (rows.isEmpty()) {
            throw ApiException.badRequest("measurements", "the batch has no rows");
        }
        if (rows.size() > MAX_ROWS) {
            throw ApiException.badRequest("measurements", "a batch holds at most " + MAX_ROWS + " rows (got "
                    + rows.size() + "); split it");
        }
        UUID batchId = UUID.randomUUID();
        List<Checked> checked = check(rows);
        List<Checked> valid = checked.stream().filter(c -> !c.rejected()).toList();
        lockAndLoad(valid);
        valid.forEach(MeasurementImport::classify);
        if (mode == Mode.ATOMIC) {
            List<Integer> forbidden = checked.stream().filter(c -> c.kind == Kind.FORBIDDEN).map(c -> c.row.row())
                    .toList();
            if (!forbidden.isEmpty()) {
                throw ApiException.forbidden("row(s) " + abbreviate(forbidden) + " report for agencies outside your "
                                + "scope (" + scopeText() + "); nothing was written")
                        .with("importSummary", summary(checked, mode, false, batchId));
            }
        }
        long rejected = checked.stream().filter(Checked::rejected).count();
        if (mode == Mode.ATOMIC && rejected > 0) {
            throw ApiException.unprocessable(rejected + " of " + rows.size() + " row(s) were rejected; nothing was "
                            + "written (send ?mode=partial to keep the valid rows)")
                    .with("importSummary", summary(checked, mode, false, batchId));
        }
        List<Checked> changed = checked.stream().filter(c -> !c.rejected() && c.outcome != RowStatus.UNCHANGED)
                .toList();
        OffsetDateTime now = now();
        write(changed, now, true);
        ImportSummary summary = summary(checked, mode, !changed.isEmpty(), batchId);
        if (!changed.isEmpty()) {
            publishBatch(batchId, changed, now);
        }
        audit.record("measurement.batch-imported", "measurement-batch", batchId, null,
                Map.of("source", source, "mode", mode.name(), "importCount", summary.importCount()));
        return summary;
    }

    /**
     * Records one value. Refusals: bad field 400, unknown indicator or agency 422, agency outside the caller's scope
     * 403, approved (locked) value 409, stale If-Match 412.
     */
    @Transactional
    public Single single(Row row, String ifMatch) {
        Checked c = check(List.of(row)).get(0);
        if (c.rejected()) {
            throw problem(c);
        }
        lockAndLoad(List.of(c));
        if (c.existing != null) {
            federation.requireOwned(c.existing.origin(), "Measurement", c.existing.id());
        }
        if (ifMatch != null) {
            if (c.existing == null) {
                throw ApiException.preconditionFailed("If-Match was sent but there is no value yet for "
                        + c.indicator.code() + " " + c.period + " " + c.agency);
            }
            vn.nq57.platform.http.ETags.require(ifMatch, c.existing.version());
        }
        classify(c);
        if (c.rejected()) {
            throw problem(c);
        }
        if (c.outcome == RowStatus.UNCHANGED) {
            return new Single(c.id, c.outcome, c.existing, null);
        }
        OffsetDateTime now = now();
        write(List.of(c), now, false);
        return new Single(c.id, c.outcome, c.existing, written(c, now));
    }

    /** A row as {@link #write} stored it (own, so no origin; its stored value, version and first submission). */
    private MeasurementViews.MeasurementView written(Checked c, OffsetDateTime now) {
        return written(c, now, caller.subject(), federation.originOf(null));
    }

    /** As stored after the write by {@code actor}; {@code origin}: this instance (read once for a batch). */
    private static MeasurementViews.MeasurementView written(Checked c, OffsetDateTime now, String actor,
                                                             String origin) {
        return new MeasurementViews.MeasurementView(c.id, c.indicator.id(), c.indicator.code(), c.period.toString(),
                c.agency, c.storedValue, c.status, c.note, c.evidenceLink, null, actor, now,
                c.firstSubmittedAt, null, null, c.originInstance, c.version, origin);
    }

    private ApiException problem(Checked c) {
        return switch (c.kind) {
            case FORBIDDEN -> ApiException.forbidden(c.reasons.stream().filter(r -> r.field().equals("agency"))
                    .findFirst().orElse(c.reasons.get(0)).message());
            case UNKNOWN -> ApiException.unprocessable(c.reasons.get(0).message())
                    .with("field", c.reasons.get(0).field());
            case LOCKED -> ApiException.conflict(c.reasons.get(0).message())
                    .with("currentStatus", MeasurementStatus.APPROVED);
            case REPLICA -> new ApiException(409, vn.nq57.platform.error.ProblemTypes.READ_ONLY_REPLICA,
                    "Read-only replica", c.reasons.get(0).message(), List.of()).with("owner", c.owner);
            case INVALID -> ApiException.badRequest(c.reasons.size() + " field(s) are invalid: "
                    + c.reasons.get(0).message(), c.reasons);
        };
    }

    List<Checked> check(List<Row> rows) {
        Map<String, IndicatorRef> indicators = new HashMap<>();
        Set<String> agencies = new HashSet<>();
        references(rows, indicators, agencies);
        Set<String> scope = scope();
        Map<String, java.util.Optional<String>> writtenElsewhere = new HashMap<>();
        LocalDate today = Period.today();
        Map<String, Integer> seen = new HashMap<>();
        List<Checked> result = new ArrayList<>(rows.size());
        for (Row row : rows) {
            Checked c = new Checked(row);
            result.add(c);
            if (row.malformed() != null) {
                c.reject(Kind.INVALID, "row", row.malformed());
                continue;
            }
            String ind = trim(row.indicator());
            if (ind == null) {
                c.reject(Kind.INVALID, "indicator", "an indicator (code or id) is required");
            } else {
                c.indicator = indicators.get(ind.toUpperCase(Locale.ROOT));
                if (c.indicator == null) {
                    c.reject(Kind.UNKNOWN, "indicator", "indicator " + ind + " does not exist");
                }
            }
            String period = trim(row.period());
            try {
                c.period = c.indicator == null ? Period.parse(period)
                        : Period.reported(period, c.indicator.frequency(), today);
                if (c.indicator == null && c.period.start().isAfter(today)) {
                    c.reject(Kind.INVALID, "period", "period " + c.period + " lies in the future");
                }
            } catch (IllegalArgumentException e) {
                c.reject(Kind.INVALID, "period", e.getMessage());
            }
            String agency = trim(row.agency());
            if (agency == null) {
                c.reject(Kind.INVALID, "agency", "a reporting agency (code) is required");
            } else {
                c.agency = agency.toUpperCase(Locale.ROOT);
                if (!agencies.contains(c.agency)) {
                    c.reject(Kind.UNKNOWN, "agency", "agency " + agency + " does not exist");
                } else if (scope != null && !scope.contains(c.agency)) {
                    c.reject(Kind.FORBIDDEN, "agency", "agency " + c.agency + " is outside your scope ("
                            + scopeText() + ")");
                } else {
                    writtenElsewhere.computeIfAbsent(c.agency, commissioning::ownerOf).ifPresent(owner -> {
                        c.owner = owner;
                        c.reject(Kind.REPLICA, "agency", commissioning.readOnlyAgency(c.agency, "a value", owner)
                                .getMessage());
                    });
                }
            }
            c.value = value(c, row.value());
            String status = trim(row.status());
            if (status == null) {
                c.status = MeasurementStatus.SUBMITTED;
            } else {
                switch (status.toUpperCase(Locale.ROOT)) {
                    case "DRAFT" -> c.status = MeasurementStatus.DRAFT;
                    case "SUBMITTED" -> c.status = MeasurementStatus.SUBMITTED;
                    default -> c.reject(Kind.INVALID, "status", "'" + status + "' cannot be submitted: a value is "
                            + "sent as DRAFT or SUBMITTED (approval is a separate step)");
                }
            }
            c.note = Text.nfc(trim(row.note()));
            if (c.note != null && c.note.length() > MAX_NOTE) {
                c.reject(Kind.INVALID, "note", "at most " + MAX_NOTE + " characters");
            }
            c.evidenceLink = trim(row.evidenceLink());
            if (c.evidenceLink != null && c.evidenceLink.length() > MAX_LINK) {
                c.reject(Kind.INVALID, "evidenceLink", "at most " + MAX_LINK + " characters");
            }
            if (!c.rejected()) {
                String key = c.indicator.id() + "|" + c.period + "|" + c.agency;
                Integer first = seen.putIfAbsent(key, row.row());
                if (first != null) {
                    c.reject(Kind.INVALID, "row", "row " + first + " already gives a value for " + c.indicator.code()
                            + " " + c.period + " " + c.agency);
                }
            }
        }
        return result;
    }

    private static BigDecimal value(Checked c, String text) {
        String v = trim(text);
        if (v == null) {
            c.reject(Kind.INVALID, "value", "a value is required");
            return null;
        }
        BigDecimal d;
        try {
            d = new BigDecimal(v.replace(" ", "").replace("\u00a0", ""));
        } catch (NumberFormatException e) {
            c.reject(Kind.INVALID, "value", "'" + v + "' is not a number (use '.' as the decimal point)");
            return null;
        }
        if (d.scale() > 6 || d.precision() - d.scale() > 18) {
            c.reject(Kind.INVALID, "value", "'" + v + "' has too many digits: at most 18 before and 6 after the "
                    + "decimal point");
            return null;
        }
        return d;
    }

    /** The indicators (by code and by id) and the known agencies among those the rows name, in one round trip. */
    private void references(List<Row> rows, Map<String, IndicatorRef> indicators, Set<String> agencies) {
        Set<String> codes = new LinkedHashSet<>();
        Set<UUID> ids = new LinkedHashSet<>();
        Set<String> agencyCodes = new LinkedHashSet<>();
        for (Row r : rows) {
            String a = trim(r.agency());
            if (a != null) {
                agencyCodes.add(a.toUpperCase(Locale.ROOT));
            }
            String k = trim(r.indicator());
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

    /** The agencies the caller may report for; null for all (central admin). */
    private Set<String> scope() {
        if (caller.isCentralAdmin()) {
            return null;
        }
        return caller.agency() == null ? Set.of() : hierarchy.subtree(caller.agency());
    }

    private String scopeText() {
        return caller.agency() == null ? "your token names no agency"
                : "you act for " + caller.agency() + " and the agencies below it";
    }

    /**
     * Serialises the writers of these rows' (indicator, period) pairs, then reads and locks the current values they
     * replace: the advisory locks and the read go in one round trip, the read after the locks are granted.
     */
    private void lockAndLoad(List<Checked> rows) {
        if (rows.isEmpty()) {
            return;
        }
        List<Touched> pairs = rows.stream().map(c -> new Touched(c.indicator.id(), c.period.toString())).distinct()
                .toList();
        long[] keys = EvaluationMaintainer.pairKeys(pairs);
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
            try (PreparedStatement ps = conn.prepareStatement(EvaluationMaintainer.LOCK + ";\n" + """
                    SELECT m.id, m.indicator_id, m.period, m.agency_code, m.value, m.status, m.note, m.evidence_link, m.version,
                           m.origin, m.first_submitted_at
                    """ + (byPair ? """
                    FROM unnest(?::uuid[], ?::text[]) AS k(indicator_id, period)
                    CROSS JOIN LATERAL (SELECT * FROM measurement x WHERE x.indicator_id = k.indicator_id
                        AND x.period = k.period FOR UPDATE) m""" : """
                    FROM unnest(?::uuid[], ?::text[], ?::text[]) AS k(indicator_id, period, agency)
                    CROSS JOIN LATERAL (SELECT * FROM measurement x WHERE x.indicator_id = k.indicator_id
                        AND x.period = k.period AND x.agency_code = k.agency FOR UPDATE) m"""))) {
                ps.setArray(1, EvaluationMaintainer.keys(conn, keys));
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
                        c.existing = new Existing(rs.getObject(1, UUID.class), EvaluationMaintainer.dec(rs, 5),
                                MeasurementStatus.valueOf(rs.getString(6)), rs.getString(7), rs.getString(8),
                                rs.getLong(9), rs.getString(10), rs.getObject(11, OffsetDateTime.class));
                    }
                }
            }
        });
    }

    /** New, updated, unchanged, or refused because the current value is approved (locked). */
    static void classify(Checked c) {
        Existing e = c.existing;
        if (e == null) {
            c.outcome = RowStatus.IMPORTED;
            c.id = UUID.randomUUID();
            c.version = 0;
            return;
        }
        c.id = e.id();
        c.version = e.version();
        if (e.origin() != null) {
            c.owner = e.origin();
            c.reject(Kind.REPLICA, "row", "the value of " + c.indicator.code() + " " + c.period + " " + c.agency
                    + " is owned by instance '" + e.origin() + "' and replicated here read-only");
            return;
        }
        boolean sameContent = e.value().compareTo(c.value) == 0 && Objects.equals(e.note(), c.note)
                && Objects.equals(e.evidenceLink(), c.evidenceLink);
        boolean sameStatus = e.status() == c.status
                || (e.status() == MeasurementStatus.APPROVED && c.status == MeasurementStatus.SUBMITTED);
        if (sameContent && sameStatus) {
            c.outcome = RowStatus.UNCHANGED;
        } else if (e.status() == MeasurementStatus.APPROVED) {
            c.reject(Kind.LOCKED, "value", "the value of " + c.indicator.code() + " " + c.period + " " + c.agency
                    + " is APPROVED and locked; an approver must reopen it before it can change");
        } else {
            c.outcome = RowStatus.UPDATED;
        }
    }

    /**
     * Writes the rows and maintains the evaluation of the touched indicators. A new value is one row (the row itself
     * holds the first value and who recorded it: the history shows it as RECORDED); a changed value is updated and
     * its change appended to the history. A batch sends its new values by COPY (the pair locks taken by
     * {@link #lockAndLoad} guarantee that nobody else inserts them meanwhile), the rest as one multi-row upsert.
     */
    private void write(List<Checked> rows, OffsetDateTime now, boolean copyNew) {
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
            ps.setArray(8, conn.createArrayOf("uuid", ids));
            ps.setArray(9, conn.createArrayOf("uuid", indicators));
            ps.setArray(10, conn.createArrayOf("text", periods));
            ps.setArray(11, conn.createArrayOf("text", ends));
            ps.setArray(12, conn.createArrayOf("text", agencies));
            ps.setArray(13, conn.createArrayOf("text", values));
            ps.setArray(14, conn.createArrayOf("text", statuses));
            ps.setArray(15, conn.createArrayOf("text", notes));
            ps.setArray(16, conn.createArrayOf("text", links));
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
                ps.setArray(20, conn.createArrayOf("uuid", hIds));
                ps.setArray(21, conn.createArrayOf("text", olds));
                ps.setArray(22, conn.createArrayOf("text", news));
                ps.setArray(23, conn.createArrayOf("text", oldStatuses));
                ps.setArray(24, conn.createArrayOf("text", newStatuses));
                ps.setArray(25, conn.createArrayOf("bigint", versions));
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
                c.storedValue = EvaluationMaintainer.dec(rs, 3);
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

    private void publishBatch(UUID batchId, List<Checked> changed, OffsetDateTime now) {
        int chunk = KpiEvents.BATCH_EVENT_CHUNK;
        int chunks = (changed.size() + chunk - 1) / chunk;
        String actor = caller.subject();
        String origin = federation.originOf(null);
        for (int k = 0; k < chunks; k++) {
            List<MeasurementEventData> data = changed.subList(k * chunk, Math.min(changed.size(), (k + 1) * chunk))
                    .stream().map(c -> MeasurementEventData.of(written(c, now, actor, origin), null, actor, now))
                    .toList();
            outbox.publish(KpiEvents.TOPIC, KpiEvents.MEASUREMENTS_RECORDED, "measurement-batch", batchId, k + 1,
                    new BatchEventData(batchId, k + 1, chunks, data));
        }
    }

    private static ImportSummary summary(List<Checked> checked, Mode mode, boolean committed, UUID batchId) {
        List<RowResult> results = checked.stream().map(Checked::result).toList();
        Map<RowStatus, Integer> counts = new LinkedHashMap<>();
        for (RowResult r : results) {
            counts.merge(r.status(), 1, Integer::sum);
        }
        int rejected = counts.getOrDefault(RowStatus.REJECTED, 0);
        ImportCount count = new ImportCount(counts.getOrDefault(RowStatus.IMPORTED, 0),
                counts.getOrDefault(RowStatus.UPDATED, 0), counts.getOrDefault(RowStatus.UNCHANGED, 0), rejected,
                results.size());
        String status = rejected == 0 ? "SUCCESS" : mode == Mode.PARTIAL && rejected < results.size() ? "WARNING"
                : "ERROR";
        if (mode == Mode.ATOMIC && rejected > 0) {
            // nothing is written: the accepted rows are reported as they would have been, but not committed
            status = "ERROR";
        }
        return new ImportSummary(status, mode.name(), committed, batchId, count, results);
    }

    /** Now, at the precision PostgreSQL keeps (so that an answer built here equals the row read back). */
    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(java.time.temporal.ChronoUnit.MICROS);
    }

    private static String abbreviate(List<Integer> rows) {
        return rows.size() <= 20 ? rows.stream().map(String::valueOf).collect(Collectors.joining(", "))
                : rows.subList(0, 20).stream().map(String::valueOf).collect(Collectors.joining(", ")) + " and "
                + (rows.size() - 20) + " more";
    }

    private static String trim(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private Session session() {
        return em.unwrap(Session.class);
    }
}
