package vn.nq57.kpi.measurement;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import vn.nq57.kpi.measurement.MeasurementViews.ImportCount;
import vn.nq57.kpi.measurement.MeasurementViews.ImportSummary;
import vn.nq57.kpi.measurement.MeasurementViews.Row;
import vn.nq57.kpi.measurement.MeasurementViews.RowResult;
import vn.nq57.kpi.measurement.MeasurementViews.RowStatus;
import vn.nq57.platform.error.Problem;
import vn.nq57.platform.period.Frequency;
import vn.nq57.platform.period.Period;
import vn.nq57.platform.text.Text;
import vn.nq57.platform.upload.ImportMode;

/**
 * The rules of recording values, without the database: a row is checked (fields, references, scope, one value per
 * indicator, period and agency), classified against the value it replaces (new, updated, unchanged, locked, another
 * instance's), and the rows make an import summary. {@link MeasurementImport} reads what the rules need and writes
 * what they decide; plain unit tests prove the rules ({@code MeasurementRowsTest}).
 */
final class MeasurementRows {

    static final int MAX_NOTE = 5000;
    static final int MAX_LINK = 2000;

    private MeasurementRows() {
    }

    /** Why a row is refused; a single submission answers with the matching status. */
    enum Kind { INVALID, UNKNOWN, FORBIDDEN, LOCKED, REPLICA }

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

    /**
     * What a check needs to know beyond the rows: the indicators (by upper-case code and id) and the agencies the rows
     * name that exist, the caller's scope (null: every agency) and how to say it, which instance writes an agency's
     * values when it is not this one, and today.
     */
    record Context(Map<String, IndicatorRef> indicators, Set<String> agencies, Set<String> scope, String scopeText,
                   java.util.function.Function<String, java.util.Optional<String>> ownerOf,
                   java.util.function.BiFunction<String, String, String> replicaMessage, LocalDate today) {
    }

    /** Checks each row on its own and against the others (one value per indicator, period and agency). */
    static List<Checked> check(List<Row> rows, Context ctx) {
        Map<String, java.util.Optional<String>> writtenElsewhere = new HashMap<>();
        Map<String, Integer> seen = new HashMap<>();
        List<Checked> result = new ArrayList<>(rows.size());
        for (Row row : rows) {
            Checked c = new Checked(row);
            result.add(c);
            if (row.malformed() != null) {
                c.reject(Kind.INVALID, "row", row.malformed());
                continue;
            }
            checkFields(c, ctx, writtenElsewhere);
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

    private static void checkFields(Checked c, Context ctx, Map<String, java.util.Optional<String>> writtenElsewhere) {
        Row row = c.row;
        LocalDate today = ctx.today();
        String ind = trim(row.indicator());
        if (ind == null) {
            c.reject(Kind.INVALID, "indicator", "an indicator (code or id) is required");
        } else {
            c.indicator = ctx.indicators().get(ind.toUpperCase(Locale.ROOT));
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
            if (!ctx.agencies().contains(c.agency)) {
                c.reject(Kind.UNKNOWN, "agency", "agency " + agency + " does not exist");
            } else if (ctx.scope() != null && !ctx.scope().contains(c.agency)) {
                c.reject(Kind.FORBIDDEN, "agency", "agency " + c.agency + " is outside your scope ("
                        + ctx.scopeText() + ")");
            } else {
                writtenElsewhere.computeIfAbsent(c.agency, ctx.ownerOf()).ifPresent(owner -> {
                    c.owner = owner;
                    c.reject(Kind.REPLICA, "agency", ctx.replicaMessage().apply(c.agency, owner));
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

    static ImportSummary summary(List<Checked> checked, ImportMode mode, boolean committed, UUID batchId) {
        List<RowResult> results = checked.stream().map(Checked::result).toList();
        Map<RowStatus, Integer> counts = new LinkedHashMap<>();
        for (RowResult r : results) {
            counts.merge(r.status(), 1, Integer::sum);
        }
        int rejected = counts.getOrDefault(RowStatus.REJECTED, 0);
        ImportCount count = new ImportCount(counts.getOrDefault(RowStatus.IMPORTED, 0),
                counts.getOrDefault(RowStatus.UPDATED, 0), counts.getOrDefault(RowStatus.UNCHANGED, 0), rejected,
                results.size());
        String status = rejected == 0 ? "SUCCESS" : mode == ImportMode.PARTIAL && rejected < results.size() ? "WARNING"
                : "ERROR";
        if (mode == ImportMode.ATOMIC && rejected > 0) {
            // nothing is written: the accepted rows are reported as they would have been, but not committed
            status = "ERROR";
        }
        return new ImportSummary(status, mode.name(), committed, batchId, count, results);
    }

    static String abbreviate(List<Integer> rows) {
        return rows.size() <= 20 ? rows.stream().map(String::valueOf).collect(Collectors.joining(", "))
                : rows.subList(0, 20).stream().map(String::valueOf).collect(Collectors.joining(", ")) + " and "
                + (rows.size() - 20) + " more";
    }

    static String trim(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
