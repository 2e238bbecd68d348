package vn.nq57.budget.report;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.nq57.budget.allocation.FundingSource;

/**
 * DTOs of the reports. In every figure set: {@code planned} sums PLANNED allocations, {@code approved} APPROVED ones,
 * {@code disbursed} the net disbursed on approved ones, {@code remaining} = approved − disbursed and
 * {@code disbursementRate} = disbursed / approved in percent (2 decimals; null when nothing is approved).
 */
public final class ReportViews {
    private ReportViews() {
    }

    /** The aggregated figures of one report row. */
    @Schema(description = "Count, planned, approved, disbursed (net, on approved allocations), remaining (VND) and "
            + "disbursement rate (percent, null when nothing is approved)")
    public record Figures(long allocations, long planned, long approved, long disbursed, long remaining,
                         BigDecimal disbursementRate) {
    }

    @Schema(description = "The 3% rule: the S&T/innovation/digital-transformation line as a share of total state "
            + "expenditure, and the approved state allocations for comparison")
    public record ThreePercentRule(int fiscalYear, long totalStateExpenditure, long stiBudget,
                                   @Schema(description = "stiBudget / totalStateExpenditure in percent, 4 decimals")
                                   BigDecimal stiShare, BigDecimal thresholdPercent,
                                   @Schema(description = "Exact comparison: stiBudget × 100 ≥ total × 3") boolean passes,
                                   @Schema(description = "VND the S&T line lacks to reach 3 % (0 when it passes)")
                                   long shortfall, long approvedStateAllocations,
                                   BigDecimal approvedStateAllocationsShare, OffsetDateTime generatedAt) {
    }

    @Schema(description = "One funding source's figures and its share of approved money")
    public record SourceRow(FundingSource fundingSource, boolean nonState, long allocations, long planned,
                            long approved, long disbursed, long remaining, BigDecimal disbursementRate,
                            BigDecimal shareOfApproved) {
    }

    @Schema(description = "ENTERPRISE + SOCIAL as a share of approved funding, against the Resolution's > 60% target")
    public record NonStateShare(int fiscalYear, long approvedTotal, long nonStateApproved, long stateApproved,
                                long otherApproved,
                                @Schema(description = "(ENTERPRISE + SOCIAL) / all approved, percent, 2 decimals")
                                BigDecimal nonStateShare, BigDecimal targetPercent,
                                @Schema(description = "The Resolution's 2030 target: more than 60 % non-state")
                                boolean meetsTarget, List<SourceRow> bySource, OffsetDateTime generatedAt) {
    }

    @Schema(description = "One System's figures")
    public record SystemRow(String system, long allocations, long planned, long approved, long disbursed,
                            long remaining, BigDecimal disbursementRate) {
    }

    @Schema(description = "One lead agency's figures")
    public record AgencyRow(String agency, String agencyName, long allocations, long planned, long approved,
                            long disbursed, long remaining, BigDecimal disbursementRate) {
    }

    @Schema(description = "One initiative's figures")
    public record InitiativeRow(UUID initiativeId, String initiativeCode, String system, String leadAgency,
                                boolean key, long allocations, long planned, long approved, long disbursed,
                                long remaining, BigDecimal disbursementRate) {
    }

    /** A breakdown report: rows and their totals. */
    public record Breakdown<T>(int fiscalYear, String by, List<T> rows, Figures totals, OffsetDateTime generatedAt) {
    }

    /*
     * The JSON of each breakdown report, for the API contract only: a generic Breakdown<T> cannot be named in an
     * annotation. Each has exactly Breakdown's members.
     */

    @Schema(description = "Allocation and disbursement by funding source (`by` = fundingSource), with totals")
    public record FundingSourceBreakdown(int fiscalYear, @Schema(examples = "fundingSource") String by,
                                         List<SourceRow> rows, Figures totals, OffsetDateTime generatedAt) {
    }

    @Schema(description = "Allocation and disbursement by System (`by` = system), with totals")
    public record SystemBreakdown(int fiscalYear, @Schema(examples = "system") String by, List<SystemRow> rows,
                                  Figures totals, OffsetDateTime generatedAt) {
    }

    @Schema(description = "Allocation and disbursement by lead agency (`by` = agency), with totals")
    public record AgencyBreakdown(int fiscalYear, @Schema(examples = "agency") String by, List<AgencyRow> rows,
                                  Figures totals, OffsetDateTime generatedAt) {
    }

    @Schema(description = "Allocation and disbursement by initiative (`by` = initiative), with totals")
    public record InitiativeBreakdown(int fiscalYear, @Schema(examples = "initiative") String by,
                                      List<InitiativeRow> rows, Figures totals, OffsetDateTime generatedAt) {
    }

    @Schema(description = "A key initiative with no approved allocation in the year (with what is planned for it)")
    public record UnfundedKeyInitiative(UUID initiativeId, String initiativeCode, String system, String leadAgency,
                                        long plannedAmount) {
    }

    @Schema(description = "A non-key allocation approved while key initiatives of the same System had none")
    public record PriorityWarning(UUID allocationId, String allocationCode, UUID initiativeId, String initiativeCode,
                                  String system, String leadAgency, FundingSource fundingSource, long amount,
                                  String approvedBy, OffsetDateTime approvedAt, List<String> unfundedKeyInitiatives) {
    }

    @Schema(description = "Priority of key initiatives in a fiscal year: the unfunded key initiatives and the non-key "
            + "allocations approved before them")
    public record PriorityReport(int fiscalYear, List<UnfundedKeyInitiative> keyInitiativesWithoutApprovedAllocation,
                                 List<PriorityWarning> nonKeyApprovedWhileKeyUnfunded, OffsetDateTime generatedAt) {
    }
}
