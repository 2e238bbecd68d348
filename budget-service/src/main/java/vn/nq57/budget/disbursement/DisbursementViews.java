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
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.nq57.budget.allocation.Allocation;
import vn.nq57.budget.allocation.AllocationViews.AllocationEventData;
import vn.nq57.budget.json.Money;
import vn.nq57.platform.error.Problem;

/** DTOs of disbursements and of bulk imports. Amounts are whole VND. */
public final class DisbursementViews {
    private DisbursementViews() {
    }

    public record DisbursementRequest(
            @Schema(description = "Payment date, inside the allocation's fiscal year and not in the future")
            @NotNull LocalDate date,
            @Schema(description = "Whole VND", examples = "2500000000")
            @NotNull @Min(value = 1, message = "must be at least 1 VND")
            @Max(value = Money.MAX_AMOUNT, message = "must be at most 10^18 VND") Long amount,
            @Schema(description = "Unique per allocation; a retry with the same reference and figures is a no-op",
                    examples = "UNC-2026-000123")
            @NotBlank @Size(max = 100) String paymentReference,
            @Size(max = 5000) String note) {
    }

    public record ReversalRequest(@NotBlank @Size(max = 5000) String reason,
                                  @Schema(description = "Defaults to today (or the fiscal year's last day once it is over)")
                                  LocalDate date) {
    }

    /** The allocation's figures after the disbursement. */
    public record AllocationBalance(UUID id, String code, long amount, long disbursed, long remaining,
                                    BigDecimal disbursementRate) {
        public static AllocationBalance of(Allocation a) {
            return new AllocationBalance(a.id, a.code, a.amount, a.disbursed, a.remaining(),
                    Money.percent(a.disbursed, a.amount));
        }
    }

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
    public record BatchRow(@Schema(description = "Allocation id or code", examples = "AL-2026-000042") String allocation,
                           LocalDate date, Long amount, String paymentReference, String note) {
    }

    public record DisbursementBatch(@NotNull @Size(min = 1, max = BulkDisbursementService.MAX_ROWS,
            message = "must hold 1 to " + BulkDisbursementService.MAX_ROWS + " rows") List<BatchRow> rows) {
    }

    public enum RowStatus { IMPORTED, UNCHANGED, REJECTED }

    public enum ImportMode { ATOMIC, PARTIAL }

    public enum ImportStatus { SUCCESS, WARNING, ERROR }

    /**
     * The outcome of one row (row 1 = the first data row): the reasons are set for a rejected row; the disbursement
     * id for a committed one.
     */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record RowResult(int row, RowStatus status, String allocation, String paymentReference, Long amount,
                            UUID disbursementId, List<Problem.Violation> reasons) {
    }

    public record ImportCount(int imported, int unchanged, int rejected, int total, long importedAmount) {
    }

    /**
     * The answer to a batch, modelled on DHIS2's import summary (the same shape as kpi-service's): {@code status}
     * SUCCESS (every row accepted), WARNING (partial mode, some rows rejected) or ERROR (nothing written);
     * {@code committed} says whether anything was written; one entry per row. When an all-or-nothing batch is
     * refused, the accepted rows are reported as they would have been, but nothing is committed.
     */
    public record ImportSummary(String status, String mode, boolean committed, ImportCount importCount,
                                List<RowResult> rows) {
    }
}
