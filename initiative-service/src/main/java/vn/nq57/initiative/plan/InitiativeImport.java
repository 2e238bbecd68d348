package vn.nq57.initiative.plan;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.nq57.initiative.plan.InitiativeViews.ChiefArchitect;
import vn.nq57.initiative.plan.InitiativeViews.InitiativeRequest;
import vn.nq57.initiative.plan.InitiativeViews.InitiativeView;
import vn.nq57.initiative.plan.InitiativeViews.OutputRequest;
import vn.nq57.platform.upload.ImportMode;
import vn.nq57.platform.upload.UploadColumns;
import vn.nq57.platform.upload.UploadRow;
import vn.nq57.platform.upload.Uploads;
import vn.nq57.platform.error.ApiException;
import vn.nq57.platform.error.Problem;

/**
 * The bulk import of initiatives with their outputs (a central admin loading the plan): JSON or CSV, each row created
 * exactly as {@code POST /api/v1/initiatives} would (validation, scope, audit, events). ATOMIC: every row is tried
 * first without writing, and all are written in one transaction only when none is rejected; PARTIAL: each valid row is
 * written in a transaction of its own. A code that already exists is EXISTING (nothing written), so a load can be run
 * again after fixing its rejected rows.
 */
@ApplicationScoped
public class InitiativeImport {

    public static final int MAX_ROWS = 2_000;

    /** The CSV columns; lists are separated by ';', an output is "YYYY-MM-DD: description". */
    public static final List<String> COLUMNS = List.of("code", "system", "phase", "titleVi", "titleEn",
            "contentOrientation", "deadline", "leadAgency", "coordinatingAgencies", "key", "evaluationCriteria",
            "linkedProgrammes", "chiefArchitectName", "chiefArchitectPosition", "chiefArchitectAgency", "outputs");

    /** The columns of an upload: the names above, or the Vietnamese headings of the plan's tables. */
    static final UploadColumns UPLOAD = UploadColumns.of(COLUMNS.toArray(String[]::new))
            .alias("code", "mã", "mã nhiệm vụ").alias("system", "hệ thống").alias("phase", "giai đoạn")
            .alias("titleVi", "tên nhiệm vụ", "nhiệm vụ").alias("titleEn", "tên tiếng anh")
            .alias("contentOrientation", "nội dung", "định hướng nội dung").alias("deadline", "thời hạn", "thời hạn hoàn thành")
            .alias("leadAgency", "cơ quan chủ trì").alias("coordinatingAgencies", "cơ quan phối hợp")
            .alias("key", "trọng điểm").alias("evaluationCriteria", "tiêu chí đánh giá")
            .alias("linkedProgrammes", "chương trình liên quan").alias("outputs", "sản phẩm", "kết quả")
            .required("code", "system", "titleVi", "leadAgency");

    @Inject
    InitiativeService initiatives;

    @Inject
    Validator validator;

    @Schema(description = "What happened to one row: IMPORTED (created), EXISTING (its code exists: nothing written), "
            + "REJECTED (with reasons), VALID (ATOMIC mode: valid, but not written because another row was rejected)")
    public enum RowStatus { IMPORTED, EXISTING, REJECTED, VALID }

    @Schema(description = "One row of an import")
    public record RowResult(@Schema(description = "1-based row (CSV: the line after the header)") int row,
                            RowStatus status, @Schema(examples = "H4-07") String code, UUID initiativeId,
                            List<Problem.Violation> reasons) {
    }

    @Schema(name = "InitiativeImportSummary", description = "The answer to an import: the rows and the totals")
    public record ImportSummary(@Schema(description = "OK, WARNING (PARTIAL with rejected rows) or REJECTED") String status,
                                @Schema(examples = "ATOMIC") String mode,
                                @Schema(description = "Whether anything was written") boolean committed,
                                int imported, int existing, int rejected, int total, List<RowResult> rows) {
    }

    @Schema(description = "Initiatives to import (JSON)")
    public record ImportRequest(@jakarta.validation.constraints.NotNull
                                @jakarta.validation.constraints.Size(min = 1, max = MAX_ROWS)
                                List<InitiativeRequest> initiatives) {
    }

    public ImportSummary importAll(List<InitiativeRequest> rows, String mode) {
        // Long method: the two modes (atomic, partial) share the per-row loop and its summary; the checks per row
        // live in InitiativeService.
        boolean atomic = ImportMode.of(mode) == ImportMode.ATOMIC;
        if (rows.isEmpty() || rows.size() > MAX_ROWS) {
            throw ApiException.badRequest("initiatives", "an import has 1 to " + MAX_ROWS + " rows");
        }
        List<RowResult> results = new ArrayList<>(rows.size());
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < rows.size(); i++) {
            InitiativeRequest r = rows.get(i);
            String code = r == null || r.code() == null ? null : r.code().trim().toUpperCase(Locale.ROOT);
            List<Problem.Violation> reasons = validate(r);
            if (code != null && !seen.add(code)) {
                reasons.add(new Problem.Violation("code", "code " + code + " is given twice in this import"));
            }
            if (!reasons.isEmpty()) {
                results.add(new RowResult(i + 1, RowStatus.REJECTED, code, null, reasons));
            } else if (code != null && Initiative.count("code", code) > 0) {
                results.add(new RowResult(i + 1, RowStatus.EXISTING, code, null, List.of()));
            } else {
                results.add(new RowResult(i + 1, atomic ? RowStatus.VALID : null, code, null, List.of()));
            }
        }
        if (atomic) {
            // a dry run of every row, rolled back, finds what only the service's rules can
            for (int i = 0; i < rows.size(); i++) {
                if (results.get(i).status() == RowStatus.VALID) {
                    InitiativeRequest r = rows.get(i);
                    List<Problem.Violation> reasons = tryCreate(r);
                    if (!reasons.isEmpty()) {
                        results.set(i, new RowResult(i + 1, RowStatus.REJECTED, results.get(i).code(), null, reasons));
                    }
                }
            }
            if (results.stream().anyMatch(x -> x.status() == RowStatus.REJECTED)) {
                return summary("REJECTED", "ATOMIC", false, results);
            }
            List<RowResult> written = QuarkusTransaction.requiringNew().call(() -> {
                List<RowResult> out = new ArrayList<>(results.size());
                for (int i = 0; i < rows.size(); i++) {
                    RowResult x = results.get(i);
                    if (x.status() == RowStatus.VALID) {
                        InitiativeView v = initiatives.create(rows.get(i));
                        out.add(new RowResult(x.row(), RowStatus.IMPORTED, v.code(), v.id(), List.of()));
                    } else {
                        out.add(x);
                    }
                }
                return out;
            });
            return summary("OK", "ATOMIC", written.stream().anyMatch(x -> x.status() == RowStatus.IMPORTED), written);
        }
        for (int i = 0; i < rows.size(); i++) {
            RowResult x = results.get(i);
            if (x.status() != null) {
                continue;
            }
            InitiativeRequest r = rows.get(i);
            try {
                InitiativeView v = QuarkusTransaction.requiringNew().call(() -> initiatives.create(r));
                results.set(i, new RowResult(x.row(), RowStatus.IMPORTED, v.code(), v.id(), List.of()));
            } catch (ApiException e) {
                results.set(i, new RowResult(x.row(), RowStatus.REJECTED, x.code(), null, reasons(e)));
            }
        }
        boolean any = results.stream().anyMatch(x -> x.status() == RowStatus.IMPORTED);
        boolean rejected = results.stream().anyMatch(x -> x.status() == RowStatus.REJECTED);
        return summary(rejected ? "WARNING" : "OK", "PARTIAL", any, results);
    }

    /** Creates the row in a transaction that is always rolled back; answers why it would be refused (none: valid). */
    private List<Problem.Violation> tryCreate(InitiativeRequest r) {
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                initiatives.create(r);
                throw new DryRun();
            });
        } catch (RuntimeException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof DryRun) {
                    return List.of();
                }
                if (t instanceof ApiException api) {
                    return reasons(api);
                }
            }
            return List.of(new Problem.Violation(null, "the row cannot be written: " + e.getMessage()));
        }
        return List.of();
    }

    /** Ends a dry run: the transaction rolls back. */
    private static final class DryRun extends RuntimeException {
        DryRun() {
            super("dry run", null, false, false);
        }
    }

    private List<Problem.Violation> validate(InitiativeRequest r) {
        List<Problem.Violation> out = new ArrayList<>();
        if (r == null) {
            out.add(new Problem.Violation(null, "the row is empty"));
            return out;
        }
        for (ConstraintViolation<InitiativeRequest> v : validator.validate(r)) {
            out.add(new Problem.Violation(v.getPropertyPath().toString(), v.getMessage()));
        }
        out.sort(java.util.Comparator.comparing(v -> String.valueOf(v.field())));
        return out;
    }

    private static List<Problem.Violation> reasons(ApiException e) {
        if (e.violations() != null && !e.violations().isEmpty()) {
            return e.violations();
        }
        Object field = e.extensions().get("field");
        return List.of(new Problem.Violation(field == null ? null : field.toString(), e.getMessage()));
    }

    private static ImportSummary summary(String status, String mode, boolean committed, List<RowResult> rows) {
        int imported = (int) rows.stream().filter(x -> x.status() == RowStatus.IMPORTED).count();
        int existing = (int) rows.stream().filter(x -> x.status() == RowStatus.EXISTING).count();
        int rejected = (int) rows.stream().filter(x -> x.status() == RowStatus.REJECTED).count();
        return new ImportSummary(status, mode, committed, imported, existing, rejected, rows.size(), rows);
    }

    /** Reads the CSV or XLSX form (a heading row naming the {@link #COLUMNS}, in any order). */
    public static List<InitiativeRequest> parseCsv(byte[] body) {
        return Uploads.read(body, UPLOAD, MAX_ROWS).rows().stream().map(InitiativeImport::row).toList();
    }

    private static InitiativeRequest row(UploadRow f) {
        List<OutputRequest> outputs = new ArrayList<>();
        for (String o : list(f.get("outputs"))) {
            int colon = o.indexOf(':');
            outputs.add(new OutputRequest(colon < 0 ? o : o.substring(colon + 1).trim(),
                    colon < 0 ? null : date(o.substring(0, colon).trim()), null, null));
        }
        ChiefArchitect architect = f.get("chiefArchitectName") == null ? null
                : new ChiefArchitect(f.get("chiefArchitectName"), f.get("chiefArchitectPosition"),
                f.get("chiefArchitectAgency"));
        String key = f.get("key");
        return new InitiativeRequest(f.get("code"), f.get("system"), f.get("phase"), f.get("titleVi"), f.get("titleEn"),
                f.get("contentOrientation"), date(f.get("deadline")), f.get("leadAgency"),
                list(f.get("coordinatingAgencies")), architect,
                key == null ? null : Set.of("true", "yes", "1", "x", "có").contains(key.toLowerCase(Locale.ROOT)),
                list(f.get("evaluationCriteria")), list(f.get("linkedProgrammes")), outputs, List.of());
    }

    private static List<String> list(String s) {
        return s == null ? new ArrayList<>() : new ArrayList<>(Arrays.stream(s.split(";")).map(String::trim)
                .filter(x -> !x.isEmpty()).toList());
    }

    /** A date, or null when it is not one (the row's validation then names the field). */
    private static LocalDate date(String s) {
        try {
            return s == null ? null : LocalDate.parse(s);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

}
