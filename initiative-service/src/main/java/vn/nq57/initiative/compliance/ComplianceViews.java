package vn.nq57.initiative.compliance;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.nq57.initiative.obligation.ReportingCalendar.ReportStatus;

public final class ComplianceViews {

    private ComplianceViews() {
    }

    @Schema(description = "Values the agency must report whose period ended in the window")
    public record ValueCounts(
            @Schema(description = "Expected and due (on time + late + missing)") long expected,
            @Schema(description = "First submitted by the deadline") long onTime,
            @Schema(description = "First submitted after the deadline") long late,
            @Schema(description = "Not submitted, deadline passed") long missing,
            @Schema(description = "Not submitted, deadline not passed (not counted)") long pending,
            @Schema(description = "Values reported without an obligation (accepted, not counted)") long contributions) {
    }

    @Schema(description = "Outputs of the initiatives the agency leads, due in the window")
    public record OutputCounts(
            @Schema(description = "Due by today (on time + late + overdue)") long due,
            @Schema(description = "Delivered by the due date") long onTime,
            @Schema(description = "Delivered after the due date") long late,
            @Schema(description = "Not delivered, due date passed") long overdue,
            @Schema(description = "Not delivered, due date not passed (not counted)") long pending) {
    }

    @Schema(description = "Obstacles asked of the agency, filed in the window")
    public record ObstacleCounts(
            @Schema(description = "Asked and due (in time + late + overdue)") long asked,
            @Schema(description = "Answered by the answer deadline") long inTime,
            @Schema(description = "Answered after it") long late,
            @Schema(description = "Unanswered, deadline passed") long overdue,
            @Schema(description = "Unanswered, deadline not passed (not counted)") long pending) {
    }

    @Schema(description = "Initiatives the agency leads, by health")
    public record LedInitiatives(long led, long green, long amber, long red,
                                   @Schema(description = "Not enough data (not counted)") long grey) {
    }

    @Schema(description = "One agency's accountability in a window, with its completion score")
    public record AgencyCompliance(
            @Schema(examples = "BKHCN") String agency,
            @Schema(examples = "Bộ Khoa học và Công nghệ") String name,
            @Schema(examples = "MINISTRY") String level,
            @Schema(description = "Completion score 0–100 (formula in the README; none: nothing counted yet)",
                    examples = "87.5") BigDecimal score,
            ValueCounts values, OutputCounts outputs, ObstacleCounts obstacles, LedInitiatives initiatives) {
    }

    @Schema(description = "A score in one earlier or current window")
    public record TrendPoint(@Schema(examples = "2026Q1") String period,
                             @Schema(examples = "81.0") BigDecimal score) {
    }

    @Schema(description = "One row of the ranking")
    public record RankingEntry(
            @Schema(description = "1 for the best score; none when the agency has no score") Integer rank,
            AgencyCompliance compliance,
            @Schema(description = "The score per quarter of the year so far") List<TrendPoint> trend) {
    }

    @Schema(description = "The ranking of ministries or of provinces by completion score")
    public record Ranking(
            @Schema(examples = "2026") int year,
            @Schema(description = "MINISTRY or PROVINCE", examples = "PROVINCE") String level,
            @Schema(description = "The day the figures were computed for (Viet Nam)") LocalDate asOf,
            @Schema(description = "The score's formula in words") String formula,
            List<RankingEntry> items) {
    }

    @Schema(description = "An expected value and where it stands")
    public record ValueDetail(UUID indicatorId, @Schema(examples = "R57-ONLINE-PUBLIC-SERVICE") String indicatorCode,
                              String indicatorName, @Schema(examples = "BKHCN") String agency,
                              @Schema(examples = "2026Q1") String period, LocalDate deadline, ReportStatus status,
                              OffsetDateTime firstSubmittedAt) {
    }

    @Schema(description = "An output due in the window and where it stands")
    public record OutputDetail(UUID id, UUID initiativeId, @Schema(examples = "H4-2025-001") String initiativeCode,
                               @Schema(examples = "BKHCN") String agency, String description, LocalDate dueDate,
                               OffsetDateTime deliveredAt,
                               @Schema(description = "ON_TIME, LATE, MISSING (overdue) or PENDING") ReportStatus status) {
    }

    @Schema(description = "An agency's board: its figures, trend, and the items behind them (its subtree)")
    public record AgencyBoard(int year, LocalDate asOf, AgencyCompliance compliance, List<TrendPoint> trend,
                              List<ValueDetail> values, List<OutputDetail> outputs) {
    }
}
