package vn.nq57.budget.allocation;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.nq57.budget.initiative.InitiativeViews.InitiativeFacts;
import vn.nq57.budget.initiative.InitiativeViews.InitiativeRef;
import vn.nq57.budget.json.Money;

/** DTOs of allocations. Amounts are whole VND. */
public final class AllocationViews {
    private AllocationViews() {
    }

    /** Plan an allocation (PLANNED). */
    @Schema(description = "Plan an allocation: money for an initiative in a fiscal year from one funding source. It "
            + "starts PLANNED and gets a code AL-{year}-{n}.")
    public record AllocationRequest(
            @Schema(type = SchemaType.STRING, format = "uuid", description = "The initiative (its id at "
                    + "initiative-service)", examples = "3f1c2a9e-7b4d-4c1e-9a57-2b8f0d6e1c42")
            @NotNull UUID initiativeId,
            @Schema(description = "The initiative's code, System, lead agency and key flag: required when budget-service "
                    + "does not know the initiative yet, otherwise optional and checked")
            @Valid InitiativeFacts initiative,
            @Schema(description = "The fiscal year (a calendar year that exists under /fiscal-years)", examples = "2026")
            @NotNull Integer fiscalYear,
            @Schema(description = "Where the money comes from: state (CENTRAL_BUDGET, LOCAL_BUDGET, ODA), non-state "
                    + "(ENTERPRISE, SOCIAL) or OTHER", examples = "CENTRAL_BUDGET")
            @NotNull FundingSource fundingSource,
            @Schema(description = "Whole VND, 1 to 10^18", examples = "120000000000")
            @NotNull @Min(value = 1, message = "must be at least 1 VND")
            @Max(value = Money.MAX_AMOUNT, message = "must be at most 10^18 VND") Long amount,
            @Schema(description = "What the money is for", examples = "Kinh phí xây dựng nền tảng dữ liệu năm 2026")
            @Size(max = 5000) String purpose) {
    }

    @Schema(description = "Approve a planned allocation")
    public record ApprovalRequest(
            @Schema(description = "Optional note kept with the approval",
                    examples = "Phê duyệt theo Quyết định số 123/QĐ-BKHCN")
            @Size(max = 5000) String note) {
    }

    @Schema(description = "Change an allocation's amount, with a reason")
    public record AmendmentRequest(
            @Schema(description = "The new amount, whole VND; never below what is already disbursed",
                    examples = "150000000000")
            @NotNull @Min(value = 1, message = "must be at least 1 VND")
            @Max(value = Money.MAX_AMOUNT, message = "must be at most 10^18 VND") Long amount,
            @Schema(description = "Why the amount changes (kept in the history)",
                    examples = "Điều chỉnh theo dự toán bổ sung năm 2026")
            @NotBlank @Size(max = 5000) String reason) {
    }

    @Schema(description = "Cancel an allocation, with a reason")
    public record CancellationRequest(
            @Schema(description = "Why the allocation is cancelled (kept in the history)",
                    examples = "Nhiệm vụ được chuyển sang nguồn vốn khác")
            @NotBlank @Size(max = 5000) String reason) {
    }

    @Schema(description = "An allocation with its disbursed total, what remains and the disbursement rate; `version` "
            + "is its ETag (it changes with every payment and reversal too)")
    public record AllocationView(UUID id, String code, InitiativeRef initiative, String leadAgency, int fiscalYear,
                                 FundingSource fundingSource, long amount, long disbursed, long remaining,
                                 @Schema(description = "disbursed / amount in percent, 2 decimals")
                                 BigDecimal disbursementRate, AllocationStatus status, String purpose,
                                 String approvedBy, String approvedByAgency, OffsetDateTime approvedAt,
                                 String cancelledBy, OffsetDateTime cancelledAt, String cancelReason,
                                 @Schema(description = "Set when this non-key allocation was approved while key "
                                         + "initiatives of the same System had none (a warning, not a block)")
                                 String priorityWarning, List<String> unfundedKeyInitiatives,
                                 String createdBy, OffsetDateTime createdAt, OffsetDateTime updatedAt,
                                 String originInstance,
                                 @Schema(description = "The instance that owns the allocation (this one's id for its "
                                         + "own; a ministry's id for its allocations reported to central)")
                                 String origin, long version) {
        public static AllocationView of(Allocation a) {
            List<String> unfunded = List.copyOf(a.unfundedKeyInitiatives);
            String warning = unfunded.isEmpty() ? null : "approved while " + unfunded.size() + " key initiative(s) of "
                    + "System " + a.initiative.systemCode + " had no approved allocation for " + a.fiscalYear
                    + "; key initiatives are funded first";
            return new AllocationView(a.id, a.code, InitiativeRef.of(a.initiative), a.leadAgencyCode, a.fiscalYear,
                    a.fundingSource, a.amount, a.disbursed, a.remaining(), Money.percent(a.disbursed, a.amount),
                    a.status, a.purpose, a.approvedBy, a.approvedByAgency, a.approvedAt, a.cancelledBy, a.cancelledAt,
                    a.cancelReason, warning, unfunded, a.createdBy, a.createdAt, a.updatedAt, a.originInstance,
                    a.owner(), a.version);
        }
    }

    @Schema(description = "One change of an allocation: created, amended (old and new amount), approved or cancelled, "
            + "with who, for which agency, when and why")
    public record HistoryEntry(UUID id, AllocationEvent.Action action, AllocationStatus statusBefore,
                               AllocationStatus statusAfter, Long amountBefore, long amountAfter, String reason,
                               String actor, String actorAgency, OffsetDateTime occurredAt) {
        public static HistoryEntry of(AllocationEvent e) {
            return new HistoryEntry(e.id, e.action, e.statusBefore, e.statusAfter, e.amountBefore, e.amountAfter,
                    e.reason, e.actor, e.actorAgency, e.occurredAt);
        }
    }

    /**
     * What other services learn of an allocation (the initiative's health counts its disbursement rate): its full
     * state, so that central can keep a ministry's allocation from one event (event-carried state transfer), and the
     * history entry of the change when the event records one (null on disbursement events).
     */
    public record AllocationEventData(UUID id, String code, UUID initiativeId, String system, String leadAgency,
                                      int fiscalYear, FundingSource fundingSource, long amount, long disbursed,
                                      AllocationStatus status, long version, String purpose,
                                      List<String> unfundedKeyInitiatives, String approvedBy, String approvedByAgency,
                                      OffsetDateTime approvedAt, String cancelledBy, OffsetDateTime cancelledAt,
                                      String cancelReason, String createdBy, OffsetDateTime createdAt,
                                      OffsetDateTime updatedAt, String originInstance, HistoryEntry change) {
        public static AllocationEventData of(Allocation a) {
            return of(a, (HistoryEntry) null);
        }

        public static AllocationEventData of(Allocation a, AllocationEvent change) {
            return of(a, change == null ? null : HistoryEntry.of(change));
        }

        public static AllocationEventData of(Allocation a, HistoryEntry change) {
            return new AllocationEventData(a.id, a.code, a.initiative.id, a.initiative.systemCode, a.leadAgencyCode,
                    a.fiscalYear, a.fundingSource, a.amount, a.disbursed, a.status, a.version, a.purpose,
                    List.copyOf(a.unfundedKeyInitiatives), a.approvedBy, a.approvedByAgency, a.approvedAt,
                    a.cancelledBy, a.cancelledAt, a.cancelReason, a.createdBy, a.createdAt, a.updatedAt, a.owner(),
                    change);
        }
    }
}
