package vn.nq57.budget.disbursement;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import vn.nq57.budget.disbursement.DisbursementViews.BatchRow;
import vn.nq57.budget.disbursement.DisbursementViews.ImportCount;
import vn.nq57.budget.disbursement.DisbursementViews.ImportStatus;
import vn.nq57.budget.disbursement.DisbursementViews.ImportSummary;
import vn.nq57.budget.disbursement.DisbursementViews.RowResult;
import vn.nq57.budget.disbursement.DisbursementViews.RowStatus;
import vn.nq57.budget.json.Money;
import vn.nq57.platform.error.ApiException;
import vn.nq57.platform.error.Problem;
import vn.nq57.platform.text.Text;
import vn.nq57.platform.upload.ImportMode;
import vn.nq57.platform.upload.UploadColumns;
import vn.nq57.platform.upload.UploadRow;
import vn.nq57.platform.upload.Uploads;
import vn.nq57.tabular.Format;

/**
 * The rules of a bulk upload of payments, without the database: a row read from JSON or a file and checked field by
 * field (dates YYYY-MM-DD or DD/MM/YYYY, whole VND), a refused row's reasons, and the summary of the rows applied
 * ({@link BulkDisbursementService} applies them; {@code DisbursementRowsTest} proves these rules).
 */
public final class DisbursementRows {

    /** Rows per batch: one transaction applies them all (see quarkus.transaction-manager.default-transaction-timeout). */
    public static final int MAX_ROWS = 5_000;

    private static final Pattern DIGITS = Pattern.compile("[0-9]{1,19}");
    private static final Pattern VN_DATE = Pattern.compile("[0-9]{1,2}/[0-9]{1,2}/[0-9]{4}");
    private static final DateTimeFormatter VN_DATE_FORMAT = DateTimeFormatter.ofPattern("d/M/uuuu");

    /** The columns of an upload, Vietnamese headings too (accents, case, spaces and punctuation ignored). */
    static final UploadColumns COLUMNS = UploadColumns.of("allocation", "date", "amount", "paymentReference", "note")
            .alias("allocation", "allocation id", "allocation code", "mã phân bổ", "phân bổ")
            .alias("date", "disbursed on", "ngày", "ngày giải ngân", "ngày chi")
            .alias("amount", "số tiền", "số tiền (VND)", "amount (VND)")
            .alias("paymentReference", "reference", "số chứng từ", "mã chứng từ")
            .alias("note", "ghi chú")
            .required("allocation", "date", "amount", "paymentReference");

    private DisbursementRows() {
    }

    /** One input row after parsing, with the problems found before any rule is applied. */
    public record ParsedRow(int row, String allocation, LocalDate date, Long amount, String paymentReference,
                            String note, List<Problem.Violation> problems) {
    }

    public static List<ParsedRow> fromJson(List<BatchRow> rows) {
        List<ParsedRow> parsed = new ArrayList<>(rows.size());
        int n = 0;
        for (BatchRow r : rows) {
            n++;
            if (r == null) {
                parsed.add(new ParsedRow(n, null, null, null, null, null,
                        List.of(new Problem.Violation("row", "is empty"))));
                continue;
            }
            parsed.add(check(n, r.allocation(), r.date(), r.amount(), r.paymentReference(), r.note(),
                    new ArrayList<>()));
        }
        return parsed;
    }

    /** Reads an uploaded CSV or XLSX file; a missing or unknown column is a 400 for the whole file. */
    public static List<ParsedRow> fromUpload(byte[] body, Format format) {
        List<ParsedRow> parsed = new ArrayList<>();
        for (UploadRow line : Uploads.read(body, format, COLUMNS, MAX_ROWS).rows()) {
            List<Problem.Violation> problems = new ArrayList<>();
            if (line.extra() != null) {
                problems.add(new Problem.Violation("row", line.extra()));
            }
            String allocation = line.get("allocation");
            String date = line.get("date");
            String amount = line.get("amount");
            LocalDate parsedDate = null;
            if (date != null) {
                try {
                    parsedDate = VN_DATE.matcher(date).matches() ? LocalDate.parse(date, VN_DATE_FORMAT)
                            : LocalDate.parse(date);
                } catch (DateTimeParseException e) {
                    problems.add(new Problem.Violation("date", "'" + date + "' is not a date (YYYY-MM-DD or DD/MM/YYYY)"));
                }
            }
            Long parsedAmount = null;
            if (amount != null) {
                if (DIGITS.matcher(amount).matches()) {
                    try {
                        parsedAmount = Long.parseLong(amount);
                    } catch (NumberFormatException e) {
                        problems.add(new Problem.Violation("amount", "must be at most 10^18 VND"));
                    }
                } else {
                    problems.add(new Problem.Violation("amount", "'" + amount + "' is not a whole number of VND "
                            + "(digits only, no separators or decimals)"));
                }
            }
            parsed.add(check(line.number(), allocation, parsedDate, parsedAmount, line.get("paymentReference"),
                    line.get("note"), problems, date != null && parsedDate == null,
                    amount != null && parsedAmount == null));
        }
        return parsed;
    }

    static ParsedRow check(int n, String allocation, LocalDate date, Long amount, String reference, String note,
                            List<Problem.Violation> problems) {
        return check(n, allocation, date, amount, reference, note, problems, false, false);
    }

    static ParsedRow check(int n, String allocation, LocalDate date, Long amount, String reference, String note,
                            List<Problem.Violation> problems, boolean dateUnreadable, boolean amountUnreadable) {
        if (allocation == null || allocation.isBlank()) {
            problems.add(new Problem.Violation("allocation", "is required (an allocation id or code)"));
        }
        if (date == null && !dateUnreadable) {
            problems.add(new Problem.Violation("date", "is required"));
        }
        if (amount == null && !amountUnreadable) {
            problems.add(new Problem.Violation("amount", "is required"));
        } else if (amount != null && (amount < 1 || amount > Money.MAX_AMOUNT)) {
            problems.add(new Problem.Violation("amount", "must be 1 to 10^18 VND"));
        }
        if (reference == null || reference.isBlank()) {
            problems.add(new Problem.Violation("paymentReference", "is required"));
        } else if (reference.trim().length() > 100) {
            problems.add(new Problem.Violation("paymentReference", "must be at most 100 characters"));
        }
        if (note != null && note.length() > 5000) {
            problems.add(new Problem.Violation("note", "must be at most 5000 characters"));
        }
        return new ParsedRow(n, allocation == null ? null : Text.nfc(allocation.trim()), date, amount,
                reference == null ? null : Text.nfc(reference.trim()), note == null ? null : Text.nfc(note), problems);
    }

    /**
     * The summary of rows applied in order: SUCCESS, WARNING (some refused, some kept) or ERROR (nothing kept). ATOMIC
     * with a refused row writes nothing: a 403 problem when rows are outside the caller's scope ({@code forbidden}),
     * else a 422, the accepted rows reported as they would have been, without their ids.
     */
    static ImportSummary summary(List<RowResult> results, ImportMode mode, int forbidden) {
        int imported = count(results, RowStatus.IMPORTED);
        int unchanged = count(results, RowStatus.UNCHANGED);
        int rejected = count(results, RowStatus.REJECTED);
        long importedAmount = 0;
        for (RowResult x : results) {
            if (x.status() == RowStatus.IMPORTED) {
                importedAmount = Money.add(importedAmount, x.amount());
            }
        }
        ImportCount count = new ImportCount(imported, unchanged, rejected, results.size(), importedAmount);
        if (mode == ImportMode.ATOMIC && rejected > 0) {
            // nothing is written: the accepted rows are reported as they would have been, without their ids
            List<RowResult> notCommitted = results.stream().map(x -> new RowResult(x.row(), x.status(), x.allocation(),
                    x.paymentReference(), x.amount(), null, x.reasons())).toList();
            ImportSummary summary = new ImportSummary(ImportStatus.ERROR.name(), mode.name(), false, count, notCommitted);
            List<Integer> bad = results.stream().filter(x -> x.status() == RowStatus.REJECTED).map(RowResult::row)
                    .toList();
            String rowsText = bad.size() <= 20 ? bad.toString() : bad.subList(0, 20) + " and " + (bad.size() - 20)
                    + " more";
            if (forbidden > 0) {
                throw ApiException.forbidden(forbidden + " row(s) record disbursements for agencies outside your "
                        + "scope (rows " + rowsText + " rejected); nothing was written").with("importSummary", summary);
            }
            throw ApiException.unprocessable(rejected + " of " + results.size() + " row(s) were rejected (rows " + rowsText
                    + "); nothing was written (send ?mode=partial to keep the valid rows)")
                    .with("importSummary", summary);
        }
        ImportStatus status = rejected == 0 ? ImportStatus.SUCCESS
                : imported + unchanged > 0 ? ImportStatus.WARNING : ImportStatus.ERROR;
        return new ImportSummary(status.name(), mode.name(), imported > 0, count, results);
    }

    static List<Problem.Violation> reasons(ApiException e) {
        if (!e.violations().isEmpty()) {
            return e.violations();
        }
        String field = e.extensions().containsKey("remaining") ? "amount"
                : e.extensions().containsKey("existingDisbursementId") ? "paymentReference" : "allocation";
        return List.of(new Problem.Violation(field, e.getMessage()));
    }

    static RowResult rejected(ParsedRow r, List<Problem.Violation> reasons) {
        return new RowResult(r.row(), RowStatus.REJECTED, r.allocation(), r.paymentReference(), r.amount(), null,
                List.copyOf(reasons));
    }

    static int count(List<RowResult> results, RowStatus status) {
        return (int) results.stream().filter(r -> r.status() == status).count();
    }

    static String refKey(String ref) {
        return ref == null ? "" : ref.trim().toUpperCase(Locale.ROOT);
    }
}
