package vn.nq57.budget.disbursement;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.nq57.budget.allocation.Allocation;
import vn.nq57.budget.allocation.AllocationViews.AllocationEventData;
import vn.nq57.budget.json.Money;
import vn.nq57.platform.error.Problem;

/** DTOs of disbursements and of bulk imports. Amounts are whole VND. */
public final class DisbursementViews {
    private DisbursementViews() {
    }

    @Schema(description = "Record a payment against an approved allocation")
    public record DisbursementRequest(
            @Schema(type = SchemaType.STRING, format = "date", description = "Payment date, inside the allocation's "
                    + "fiscal year and not in the future", examples = "2026-03-15")
            @NotNull LocalDate date,
            @Schema(description = "Whole VND", examples = "2500000000")
            @NotNull @Min(value = 1, message = "must be at least 1 VND")
            @Max(value = Money.MAX_AMOUNT, message = "must be at most 10^18 VND") Long amount,
            @Schema(description = "Unique per allocation; a retry with the same reference and figures is a no-op",
                    examples = "UNC-2026-000123")
            @NotBlank @Size(max = 100) String paymentReference,
            @Schema(description = "Optional note", examples = "Tạm ứng đợt 1 theo hợp đồng số 15/2026/HĐ")
            @Size(max = 5000) String note) {
    }

    @Schema(description = "Reverse a payment in full")
    public record ReversalRequest(
            @Schema(description = "Why the payment is reversed", examples = "Chi sai tài khoản thụ hưởng, hoàn trả")
            @NotBlank @Size(max = 5000) String reason,
            @Schema(type = SchemaType.STRING, format = "date", description = "The reversal's date, on or after the "
                    + "payment's; defaults to today (or the fiscal year's last day once it is over)",
                    examples = "2026-04-02")
            LocalDate date) {
    }

    /** The allocation's figures after the disbursement. */
    @Schema(description = "The allocation's figures (amount, disbursed, remaining, disbursement rate in percent)")
    public record AllocationBalance(UUID id, String code, long amount, long disbursed, long remaining,
                                    BigDecimal disbursementRate) {
        public static AllocationBalance of(Allocation a) {
            return new AllocationBalance(a.id, a.code, a.amount, a.disbursed, a.remaining(),
                    Money.percent(a.disbursed, a.amount));
        }
    }

    @Schema(description = "A payment (positive amount) or a reversal (negative amount, `reversesId` names the "
            + "payment), with its allocation's current figures")
    public record DisbursementView(UUID id, Disbursement.Kind kind, LocalDate date, long amount,
                                   String paymentReference, String note, UUID reversesId, String reason,
                                   String recordedBy, String recordedByAgency, OffsetDateTime recordedAt,
                                   String originInstance,
                                   @Schema(description = "The instance that owns the disbursement")
                                   String origin, AllocationBalance allocation, long version) {
        public static DisbursementView of(Disbursement d) {
            return new DisbursementView(d.id, d.kind, d.date, d.amount, d.paymentReference, d.note, d.reversesId,
                    d.reason, d.recordedBy, d.recordedByAgency, d.recordedAt, d.originInstance, d.owner(),
                    AllocationBalance.of(d.allocation), d.version);
        }
    }

    /**
     * What other services learn of a disbursement, with the allocation's new totals; also the whole disbursement and
     * the allocation's full state ({@code allocationState}), so that central can keep both from one event.
     */
    public record DisbursementEventData(UUID id, Disbursement.Kind kind, UUID allocationId, UUID initiativeId,
                                        int fiscalYear, LocalDate date, long amount, String paymentReference,
                                        UUID reversesId, long allocationAmount, long allocationDisbursed, String note,
                                        String reason, String recordedBy, String recordedByAgency,
                                        OffsetDateTime recordedAt, String originInstance,
                                        AllocationEventData allocationState) {
        public static DisbursementEventData of(Disbursement d) {
            Allocation a = d.allocation;
            return new DisbursementEventData(d.id, d.kind, a.id, a.initiative.id, a.fiscalYear, d.date, d.amount,
                    d.paymentReference, d.reversesId, a.amount, a.disbursed, d.note, d.reason, d.recordedBy,
                    d.recordedByAgency, d.recordedAt, d.owner(), AllocationEventData.of(a));
        }
    }

    /** One row of a JSON batch: the allocation by id or code. */
    @Schema(name = "DisbursementBatchRow", description = "One payment of a batch; checked with exactly the rules of a "
            + "single payment (a row that breaks one is REJECTED with reasons)")
    public record BatchRow(@Schema(description = "Allocation id or code", examples = "AL-2026-000042") String allocation,
                           @Schema(type = SchemaType.STRING, format = "date", description = "Payment date, inside "
                                   + "the allocation's fiscal year and not in the future", examples = "2026-03-15")
                           LocalDate date,
                           @Schema(description = "Whole VND, 1 to 10^18", examples = "2500000000") Long amount,
                           @Schema(description = "Unique per allocation; a row with a reference and figures already "
                                   + "recorded is UNCHANGED", examples = "UNC-2026-000124") String paymentReference,
                           @Schema(description = "Optional note", examples = "Thanh toán đợt 2") String note) {
    }

    @Schema(description = "A bulk upload of payments, recorded in one transaction")
    public record DisbursementBatch(@Schema(description = "1 to 5,000 payments, applied in order")
                                    @NotNull @Size(min = 1, max = DisbursementRows.MAX_ROWS,
            message = "must hold 1 to " + DisbursementRows.MAX_ROWS + " rows") List<BatchRow> rows) {
    }

    @Schema(name = "DisbursementImportRowStatus", description = "IMPORTED (recorded), UNCHANGED (the same reference "
            + "and figures were already recorded) or REJECTED (see `reasons`)")
    public enum RowStatus { IMPORTED, UNCHANGED, REJECTED }

    public enum ImportStatus { SUCCESS, WARNING, ERROR }

    /**
     * The outcome of one row (row 1 = the first data row): the reasons are set for a rejected row; the disbursement
     * id for a committed one.
     */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    @Schema(name = "DisbursementImportRow", description = "The outcome of one row (row 1 = the first data row)")
    public record RowResult(int row, RowStatus status, String allocation, String paymentReference, Long amount,
                            UUID disbursementId, List<Problem.Violation> reasons) {
    }

    @Schema(name = "DisbursementImportCount", description = "How many rows were imported, unchanged and rejected, and "
            + "the VND imported")
    public record ImportCount(int imported, int unchanged, int rejected, int total, long importedAmount) {
    }

    /**
     * The answer to a batch, modelled on DHIS2's import summary (the same shape as kpi-service's): {@code status}
     * SUCCESS (every row accepted), WARNING (partial mode, some rows rejected) or ERROR (nothing written);
     * {@code committed} says whether anything was written; one entry per row. When an all-or-nothing batch is
     * refused, the accepted rows are reported as they would have been, but nothing is committed.
     */
    @Schema(name = "DisbursementImportSummary", description = "The answer to a bulk upload of payments")
    public record ImportSummary(@Schema(type = SchemaType.STRING, enumeration = {"SUCCESS", "WARNING", "ERROR"},
                                        description = "SUCCESS (every row accepted), WARNING (partial mode, some rows "
                                                + "rejected) or ERROR (nothing written)")
                                String status,
                                @Schema(type = SchemaType.STRING, enumeration = {"ATOMIC", "PARTIAL"},
                                        description = "ATOMIC (all or nothing) or PARTIAL (the valid rows are kept)")
                                String mode,
                                @Schema(description = "Whether anything was written") boolean committed,
                                ImportCount importCount, List<RowResult> rows) {
    }
}
