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
    public record Figures(long allocations, long planned, long approved, long disbursed, long remaining,
                         BigDecimal disbursementRate) {
    }

    public record ThreePercentRule(int fiscalYear, long totalStateExpenditure, long stiBudget,
                                   @Schema(description = "stiBudget / totalStateExpenditure in percent, 4 decimals")
                                   BigDecimal stiShare, BigDecimal thresholdPercent,
                                   @Schema(description = "Exact comparison: stiBudget × 100 ≥ total × 3") boolean passes,
                                   @Schema(description = "VND the S&T line lacks to reach 3 % (0 when it passes)")
                                   long shortfall, long approvedStateAllocations,
                                   BigDecimal approvedStateAllocationsShare, OffsetDateTime generatedAt) {
    }

    public record SourceRow(FundingSource fundingSource, boolean nonState, long allocations, long planned,
                            long approved, long disbursed, long remaining, BigDecimal disbursementRate,
                            BigDecimal shareOfApproved) {
    }

    public record NonStateShare(int fiscalYear, long approvedTotal, long nonStateApproved, long stateApproved,
                                long otherApproved,
                                @Schema(description = "(ENTERPRISE + SOCIAL) / all approved, percent, 2 decimals")
                                BigDecimal nonStateShare, BigDecimal targetPercent,
                                @Schema(description = "The Resolution's 2030 target: more than 60 % non-state")
                                boolean meetsTarget, List<SourceRow> bySource, OffsetDateTime generatedAt) {
    }

    public record SystemRow(String system, long allocations, long planned, long approved, long disbursed,
                            long remaining, BigDecimal disbursementRate) {
    }

    public record AgencyRow(String agency, String agencyName, long allocations, long planned, long approved,
                            long disbursed, long remaining, BigDecimal disbursementRate) {
    }

    public record InitiativeRow(UUID initiativeId, String initiativeCode, String system, String leadAgency,
                                boolean key, long allocations, long planned, long approved, long disbursed,
                                long remaining, BigDecimal disbursementRate) {
    }

    /** A breakdown report: rows and their totals. */
    public record Breakdown<T>(int fiscalYear, String by, List<T> rows, Figures totals, OffsetDateTime generatedAt) {
    }

    public record UnfundedKeyInitiative(UUID initiativeId, String initiativeCode, String system, String leadAgency,
                                        long plannedAmount) {
    }

    public record PriorityWarning(UUID allocationId, String allocationCode, UUID initiativeId, String initiativeCode,
                                  String system, String leadAgency, FundingSource fundingSource, long amount,
                                  String approvedBy, OffsetDateTime approvedAt, List<String> unfundedKeyInitiatives) {
    }

    public record PriorityReport(int fiscalYear, List<UnfundedKeyInitiative> keyInitiativesWithoutApprovedAllocation,
                                 List<PriorityWarning> nonKeyApprovedWhileKeyUnfunded, OffsetDateTime generatedAt) {
    }
}
