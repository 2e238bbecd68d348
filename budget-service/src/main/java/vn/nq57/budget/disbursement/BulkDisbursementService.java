package vn.nq57.budget.disbursement;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import vn.nq57.budget.allocation.Allocation;
import vn.nq57.budget.disbursement.DisbursementService.Outcome;
import vn.nq57.budget.disbursement.DisbursementService.Payment;
import vn.nq57.budget.disbursement.DisbursementViews.BatchRow;
import vn.nq57.budget.disbursement.DisbursementViews.ImportStatus;
import vn.nq57.budget.disbursement.DisbursementViews.ImportSummary;
import vn.nq57.budget.disbursement.DisbursementViews.ImportCount;
import vn.nq57.budget.disbursement.DisbursementViews.RowResult;
import vn.nq57.budget.disbursement.DisbursementViews.RowStatus;
import vn.nq57.budget.json.Money;
import vn.nq57.platform.audit.AuditTrail;
import vn.nq57.platform.error.ApiException;
import vn.nq57.platform.error.Problem;
import vn.nq57.platform.text.Text;
import vn.nq57.platform.upload.ImportMode;
import vn.nq57.platform.upload.UploadColumns;
import vn.nq57.platform.upload.UploadRow;
import vn.nq57.platform.upload.Uploads;

/**
 * Bulk disbursements (a JSON batch or a CSV upload) with a per-row import summary. Each row follows exactly the rules
 * of a single payment. All-or-nothing by default: one rejected row and nothing is written (422 with the summary);
 * {@code PARTIAL} keeps the valid rows. Idempotent on the payment reference: a row already recorded with the same
 * figures is UNCHANGED, so a re-sent file never doubles a payment.
 */
@ApplicationScoped
public class BulkDisbursementService {

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

    @Inject
    DisbursementService disbursements;

    @Inject
    EntityManager em;

    @Inject
    AuditTrail audit;

    /** What the audit trail keeps of a batch (each disbursement also carries who recorded it, for which agency). */
    record BatchAudit(String source, String mode, ImportCount importCount, List<UUID> disbursementIds) {
    }

    /** One input row after parsing, with the problems found before any rule is applied. */
    public record ParsedRow(int row, String allocation, LocalDate date, Long amount, String paymentReference,
                            String note, List<Problem.Violation> problems) {
    }

    public List<ParsedRow> fromJson(List<BatchRow> rows) {
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
    public List<ParsedRow> fromUpload(byte[] body) {
        List<ParsedRow> parsed = new ArrayList<>();
        for (UploadRow line : Uploads.read(body, COLUMNS, MAX_ROWS).rows()) {
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

    private ParsedRow check(int n, String allocation, LocalDate date, Long amount, String reference, String note,
                            List<Problem.Violation> problems) {
        return check(n, allocation, date, amount, reference, note, problems, false, false);
    }

    private ParsedRow check(int n, String allocation, LocalDate date, Long amount, String reference, String note,
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

    /** Applies the rows in order, in one transaction, with every referenced allocation locked (in id order). */
    @Transactional
    public ImportSummary run(List<ParsedRow> rows, ImportMode mode, String source) {
        Map<String, Allocation> byRef = lockAllocations(rows);
        Map<String, Disbursement> known = existingReferences(byRef.values(), rows);
        Map<UUID, ApiException> outOfScope = new HashMap<>();
        for (Allocation a : new LinkedHashSet<>(byRef.values())) {
            try {
                disbursements.requireRecorder(a);
            } catch (ApiException e) {
                outOfScope.put(a.id, e);
            }
        }
        List<RowResult> results = new ArrayList<>(rows.size());
        int forbidden = 0;
        for (ParsedRow r : rows) {
            if (!r.problems().isEmpty()) {
                results.add(rejected(r, r.problems()));
                continue;
            }
            Allocation locked = byRef.get(refKey(r.allocation()));
            if (locked == null) {
                results.add(rejected(r, List.of(new Problem.Violation("allocation",
                        "allocation " + r.allocation() + " does not exist"))));
                continue;
            }
            if (outOfScope.containsKey(locked.id)) {
                forbidden++;
                results.add(rejected(r, reasons(outOfScope.get(locked.id))));
                continue;
            }
            // the row lock is held until the transaction ends; the entity is read again after each row's flush, with
            // its initiative (the payment's event carries the allocation's System)
            Allocation a = em.createQuery("from Allocation a join fetch a.initiative where a.id = :id", Allocation.class)
                    .setParameter("id", locked.id).getSingleResult();
            try {
                Outcome outcome = disbursements.payInScope(a, new Payment(r.date(), r.amount(), r.paymentReference(),
                        r.note()), reference -> known.get(a.id + "|" + reference), false);
                Disbursement d = outcome.disbursement();
                known.put(a.id + "|" + d.paymentReference, d);
                results.add(new RowResult(r.row(), outcome.created() ? RowStatus.IMPORTED : RowStatus.UNCHANGED,
                        r.allocation(), r.paymentReference(), r.amount(), d.id, List.of()));
            } catch (ApiException e) {
                results.add(rejected(r, reasons(e)));
            }
            // each payment was flushed (one allocation version per payment); keep the persistence context small
            em.clear();
        }
        int imported = count(results, RowStatus.IMPORTED);
        int unchanged = count(results, RowStatus.UNCHANGED);
        int rejected = count(results, RowStatus.REJECTED);
        long importedAmount = 0;
        for (RowResult x : results) {
            if (x.status() == RowStatus.IMPORTED) {
                importedAmount = Money.add(importedAmount, x.amount());
            }
        }
        ImportCount count = new ImportCount(imported, unchanged, rejected, rows.size(), importedAmount);
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
            throw ApiException.unprocessable(rejected + " of " + rows.size() + " row(s) were rejected (rows " + rowsText
                    + "); nothing was written (send ?mode=partial to keep the valid rows)")
                    .with("importSummary", summary);
        }
        ImportStatus status = rejected == 0 ? ImportStatus.SUCCESS
                : imported + unchanged > 0 ? ImportStatus.WARNING : ImportStatus.ERROR;
        ImportSummary summary = new ImportSummary(status.name(), mode.name(), imported > 0, count, results);
        if (imported > 0) {
            audit.record("disbursement.batch-imported", "disbursement-batch", UUID.randomUUID(), null,
                    new BatchAudit(source, mode.name(), count, results.stream()
                            .filter(x -> x.status() == RowStatus.IMPORTED).map(RowResult::disbursementId).toList()));
        }
        return summary;
    }

    /** Locks the allocations the rows name, in id order (so concurrent batches cannot deadlock); by id and code. */
    private Map<String, Allocation> lockAllocations(List<ParsedRow> rows) {
        Set<UUID> ids = new LinkedHashSet<>();
        Set<String> codes = new LinkedHashSet<>();
        for (ParsedRow r : rows) {
            if (r.allocation() == null || r.allocation().isBlank()) {
                continue;
            }
            try {
                ids.add(UUID.fromString(r.allocation()));
            } catch (IllegalArgumentException notUuid) {
                codes.add(r.allocation().toUpperCase(Locale.ROOT));
            }
        }
        Set<UUID> all = new LinkedHashSet<>(ids);
        if (!codes.isEmpty()) {
            all.addAll(em.createQuery("select a.id from Allocation a where a.code in :codes", UUID.class)
                    .setParameter("codes", codes).getResultList());
        }
        Map<String, Allocation> byRef = new HashMap<>();
        if (all.isEmpty()) {
            return byRef;
        }
        List<Allocation> locked = em.createQuery("from Allocation a where a.id in :ids order by a.id", Allocation.class)
                .setParameter("ids", all).setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList();
        for (Allocation a : locked) {
            byRef.put(refKey(a.id.toString()), a);
            // codes are unique per owning instance: a code names this instance's own allocation before a replica's
            Allocation sameCode = byRef.get(refKey(a.code));
            if (sameCode == null || (sameCode.origin != null && a.origin == null)) {
                byRef.put(refKey(a.code), a);
            }
        }
        return byRef;
    }

    private Map<String, Disbursement> existingReferences(java.util.Collection<Allocation> allocations,
                                                         List<ParsedRow> rows) {
        Map<String, Disbursement> known = new HashMap<>();
        Set<UUID> ids = new LinkedHashSet<>();
        allocations.forEach(a -> ids.add(a.id));
        Set<String> references = new LinkedHashSet<>();
        rows.stream().filter(r -> r.paymentReference() != null).forEach(r -> references.add(r.paymentReference()));
        if (ids.isEmpty() || references.isEmpty()) {
            return known;
        }
        em.createQuery("from Disbursement d where d.allocation.id in :ids and d.kind = :kind "
                        + "and d.paymentReference in :refs", Disbursement.class)
                .setParameter("ids", ids).setParameter("kind", Disbursement.Kind.PAYMENT)
                .setParameter("refs", references).getResultList()
                .forEach(d -> known.put(d.allocation.id + "|" + d.paymentReference, d));
        return known;
    }

    private static List<Problem.Violation> reasons(ApiException e) {
        if (!e.violations().isEmpty()) {
            return e.violations();
        }
        String field = e.extensions().containsKey("remaining") ? "amount"
                : e.extensions().containsKey("existingDisbursementId") ? "paymentReference" : "allocation";
        return List.of(new Problem.Violation(field, e.getMessage()));
    }

    private static RowResult rejected(ParsedRow r, List<Problem.Violation> reasons) {
        return new RowResult(r.row(), RowStatus.REJECTED, r.allocation(), r.paymentReference(), r.amount(), null,
                List.copyOf(reasons));
    }

    private static int count(List<RowResult> results, RowStatus status) {
        return (int) results.stream().filter(r -> r.status() == status).count();
    }

    private static String refKey(String ref) {
        return ref == null ? "" : ref.trim().toUpperCase(Locale.ROOT);
    }
}
