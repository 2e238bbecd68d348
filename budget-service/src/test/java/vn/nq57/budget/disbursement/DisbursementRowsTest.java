package vn.nq57.budget.disbursement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import vn.nq57.budget.disbursement.DisbursementRows.ParsedRow;
import vn.nq57.budget.disbursement.DisbursementViews.BatchRow;
import vn.nq57.budget.disbursement.DisbursementViews.ImportSummary;
import vn.nq57.budget.disbursement.DisbursementViews.RowResult;
import vn.nq57.budget.disbursement.DisbursementViews.RowStatus;
import vn.nq57.platform.error.ApiException;
import vn.nq57.platform.error.Problem;
import vn.nq57.platform.upload.ImportMode;
import vn.nq57.tabular.Format;

/** The rules of a bulk upload of payments, without a database: reading and checking rows, and the summary. */
class DisbursementRowsTest {

    static List<ParsedRow> upload(String csv) {
        return DisbursementRows.fromUpload(csv.getBytes(StandardCharsets.UTF_8), Format.CSV);
    }

    static List<String> fields(ParsedRow row) {
        return row.problems().stream().map(Problem.Violation::field).toList();
    }

    @Test
    void datesAreIsoOrVietnameseAndAmountsWholeVndInDigitsOnly() {
        List<ParsedRow> rows = upload("Mã phân bổ;Ngày;Số tiền;Số chứng từ\n"
                + "AL-1;15/3/2025;2500;CT-1\n"
                + "AL-1;2025-02-30;100;CT-2\n"
                + "AL-1;2025-02-01;1.000;CT-3\n"
                + "AL-1;2025-02-01;9999999999999999999;CT-4\n"
                + "AL-1;2025-02-01;0;CT-5\n");
        assertEquals(LocalDate.of(2025, 3, 15), rows.get(0).date());
        assertEquals(2500L, rows.get(0).amount());
        assertTrue(rows.get(0).problems().isEmpty());
        assertEquals(List.of("date"), fields(rows.get(1)));
        assertEquals(List.of("amount"), fields(rows.get(2)));
        assertTrue(rows.get(2).problems().get(0).message().contains("whole number"));
        assertEquals("must be at most 10^18 VND", rows.get(3).problems().get(0).message());
        assertEquals("must be 1 to 10^18 VND", rows.get(4).problems().get(0).message());
    }

    @Test
    void requiredFieldsLongReferencesAndEmptyJsonRowsAreNamed() {
        List<ParsedRow> rows = DisbursementRows.fromJson(Arrays.asList(
                new BatchRow(" ", null, null, "x".repeat(101), null), null));
        assertEquals(List.of("allocation", "date", "amount", "paymentReference"), fields(rows.get(0)));
        assertTrue(rows.get(0).problems().get(3).message().contains("100 characters"));
        assertEquals(List.of("row"), fields(rows.get(1)));
        assertEquals(2, rows.get(1).row());
    }

    static RowResult row(int n, RowStatus status, long amount) {
        return new RowResult(n, status, "AL-1", "CT-" + n, amount, status == RowStatus.REJECTED ? null : UUID.randomUUID(),
                status == RowStatus.REJECTED ? List.of(new Problem.Violation("amount", "too much")) : List.of());
    }

    @Test
    void theSummaryKeepsTheValidRowsInPartialModeAndCountsTheMoney() {
        ImportSummary s = DisbursementRows.summary(List.of(row(1, RowStatus.IMPORTED, 2500),
                row(2, RowStatus.UNCHANGED, 100), row(3, RowStatus.REJECTED, 7)), ImportMode.PARTIAL, 0);
        assertEquals("WARNING", s.status());
        assertTrue(s.committed());
        assertEquals(2500L, s.importCount().importedAmount());
        assertEquals(3, s.importCount().total());
        ImportSummary none = DisbursementRows.summary(List.of(row(1, RowStatus.REJECTED, 7)), ImportMode.PARTIAL, 0);
        assertEquals("ERROR", none.status());
        assertFalse(none.committed());
        assertEquals("SUCCESS", DisbursementRows.summary(List.of(row(1, RowStatus.IMPORTED, 1)), ImportMode.ATOMIC, 0)
                .status());
    }

    @Test
    void anAtomicBatchWithARefusedRowIsA422OrA403AndReportsNoIds() {
        List<RowResult> rows = List.of(row(1, RowStatus.IMPORTED, 2500), row(2, RowStatus.REJECTED, 7));
        ApiException refused = assertThrows(ApiException.class, () -> DisbursementRows.summary(rows, ImportMode.ATOMIC, 0));
        assertEquals(422, refused.status());
        ImportSummary summary = (ImportSummary) refused.extensions().get("importSummary");
        assertEquals("ERROR", summary.status());
        assertNull(summary.rows().get(0).disbursementId());
        assertTrue(refused.getMessage().contains("rows [2]"));
        assertEquals(403, assertThrows(ApiException.class, () -> DisbursementRows.summary(rows, ImportMode.ATOMIC, 1))
                .status());
    }
}
