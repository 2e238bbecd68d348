package vn.nq57.portal.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import vn.nq57.portal.web.Formats;

/**
 * What the portal reads of the three services' answers: only the fields its pages show (unknown fields are ignored,
 * so a service may add fields without breaking the portal).
 */
public final class Views {
    private Views() {
    }

    public record Page<T>(List<T> items, int page, int size, long total) {
        public static <T> Page<T> empty() {
            return new Page<>(List.of(), 0, 0, 0);
        }
    }

    // initiative-service: catalogue and agencies
    public record SystemView(String code, String nameVi, String nameEn, String kind, int sortOrder) {
    }

    public record PhaseView(String code, int startYear, int endYear, String nameVi, String nameEn) {
    }

    public record AgencyRef(UUID id, String code, String nameVi) {
    }

    public record AgencyView(UUID id, String code, String nameVi, String nameEn, String level, String parentCode) {
    }

    public record AgencyNode(UUID id, String code, String nameVi, String nameEn, String level,
                             List<AgencyNode> children) {
    }

    // initiative-service: scorecard
    public record Reason(String code, String detail) {
    }

    public record KpiSummary(int indicators, int green, int amber, int red, int grey, BigDecimal averageProgress,
                             int valuesUsed, int missingValues, OffsetDateTime asOf) {
    }

    public record BudgetSummary(long allocated, long disbursed, BigDecimal disbursementRate, int allocations) {
    }

    public record InitiativeCounts(int total, int green, int amber, int red, int grey) {
    }

    public record InitiativeScore(UUID id, String code, String titleVi, String system, String leadAgency,
                                  String status, boolean key, String health, List<Reason> reasons, KpiSummary kpi,
                                  int overdueOutputs, int openObstacles, Long oldestOpenObstacleDays,
                                  BudgetSummary budget, OffsetDateTime asOf) {
    }

    public record SystemScore(String code, String nameVi, String health, List<Reason> reasons,
                              KpiSummary strategicKpi, InitiativeCounts initiatives, int overdueOutputs,
                              int openObstacles, BudgetSummary budget, OffsetDateTime asOf) {
    }

    public record PlanScore(String health, List<Reason> reasons, List<SystemScore> systems,
                            InitiativeCounts initiatives, BudgetSummary budget, OffsetDateTime asOf) {
    }

    public record SystemScorecard(SystemScore system, Page<InitiativeScore> initiatives) {
    }

    public record AgencyScorecard(String agency, InitiativeCounts initiatives, BudgetSummary budget,
                                  Page<InitiativeScore> items, OffsetDateTime asOf) {
    }

    // initiative-service: initiatives and obstacles
    public record ChiefArchitect(String name, String position, AgencyRef agency) {
    }

    public record Output(UUID id, String description, LocalDate dueDate, String status, String evidenceLink,
                         OffsetDateTime deliveredAt, boolean overdue) {
    }

    public record Milestone(UUID id, String title, LocalDate dueDate, boolean done) {
    }

    public record Initiative(UUID id, String code, String system, String phase, String titleVi, String titleEn,
                             String contentOrientation, LocalDate deadline, AgencyRef leadAgency,
                             List<AgencyRef> coordinatingAgencies, ChiefArchitect chiefArchitect, boolean key,
                             String status, List<String> evaluationCriteria, List<String> linkedProgrammes,
                             List<Output> outputs, List<Milestone> milestones, String origin, long version) {
    }

    public record InitiativeSummary(UUID id, String code, String system, String phase, String titleVi,
                                    LocalDate deadline, AgencyRef leadAgency, boolean key, String status,
                                    long overdueOutputs) {
    }

    public record Transition(String from, String to, String reason, String actor, String actorAgency,
                             OffsetDateTime occurredAt) {
    }

    public record Similar(UUID id, String code, String titleVi, String leadAgencyCode, double score) {
    }

    public record Obstacle(UUID id, UUID initiativeId, String initiativeCode, AgencyRef filedByAgency,
                           AgencyRef askedAgency, String description, String request, String status, String answer,
                           OffsetDateTime filedAt, String filedBy, long ageDays, LocalDate answerDue,
                           OffsetDateTime answeredAt, String answeredBy, String answeredByInstance,
                           String resolutionNote, OffsetDateTime closedAt, long version) {
        /** Still waiting for the asked agency's answer. */
        public boolean waiting() {
            return "OPEN".equals(status);
        }

        /** Past the day by which the asked agency should have answered, still unanswered. */
        public boolean late() {
            return waiting() && answerDue != null && answerDue.isBefore(Formats.today());
        }
    }

    // initiative-service: accountability
    public record Warning(UUID id, String kind, String severity, String status, String agency, String subjectType,
                          UUID subjectId, String subjectLabel, UUID initiativeId, String reasonVi, String reasonEn,
                          OffsetDateTime since) {
    }

    public record Obligation(UUID id, UUID indicatorId, String indicatorCode, String indicatorName, String agency,
                             String frequency, int deadlineDays, boolean active) {
    }

    public record UnreadCount(long unread) {
    }

    public record ValueCounts(int expected, int onTime, int late, int missing, int pending, int contributions) {
    }

    public record OutputCounts(int due, int onTime, int late, int overdue, int pending) {
    }

    public record ObstacleCounts(int asked, int inTime, int late, int overdue, int pending) {
    }

    public record LedInitiatives(int led, int green, int amber, int red, int grey) {
    }

    public record AgencyCompliance(String agency, String name, String level, BigDecimal score, ValueCounts values,
                                   OutputCounts outputs, ObstacleCounts obstacles, LedInitiatives initiatives) {
    }

    public record TrendPoint(String period, BigDecimal score) {
    }

    public record RankingEntry(int rank, AgencyCompliance compliance, List<TrendPoint> trend) {
    }

    public record Ranking(String level, int year, List<RankingEntry> items, String formula, LocalDate asOf) {
    }

    /** A value an agency is obliged to report, and whether it has (ON_TIME, LATE, MISSING, PENDING). */
    public record ValueDetail(String indicatorCode, UUID indicatorId, String indicatorName, String agency,
                              String period, LocalDate deadline, OffsetDateTime firstSubmittedAt, String status) {
    }

    public record OutputDetail(UUID id, UUID initiativeId, String initiativeCode, String description, String agency,
                               LocalDate dueDate, OffsetDateTime deliveredAt, String status) {
    }

    public record Board(AgencyCompliance compliance, List<ValueDetail> values, List<OutputDetail> outputs, int year) {
    }

    // kpi-service
    public record Baseline(BigDecimal value, String period) {
    }

    public record Target(String period, BigDecimal value, String note) {
    }

    public record IndicatorSummary(UUID id, String code, String nameVi, String unit, String direction,
                                   String frequency, String tier, String system, UUID initiativeId,
                                   String ownerAgency) {
    }

    public record Indicator(UUID id, String code, String nameVi, String nameEn, String unit, String direction,
                            String aggregation, String frequency, Baseline baseline, List<Target> targets,
                            String tier, String system, UUID initiativeId, String ownerAgency,
                            List<String> reportingAgencies, String dataSource, String method, int graceDays,
                            BigDecimal tolerancePoints, String origin) {
    }

    public record IndicatorScore(UUID id, String code, String nameVi, String unit, String direction, String status,
                                 String latestPeriod, BigDecimal actual, String targetPeriod, BigDecimal targetValue,
                                 BigDecimal progress, BigDecimal expectedProgress, BigDecimal forecast,
                                 Boolean forecastMeetsTarget, int valuesUsed, List<String> missing,
                                 OffsetDateTime asOf) {
    }

    public record SeriesPoint(String period, BigDecimal value, int values, int approved) {
    }

    public record TargetProgress(String period, BigDecimal target, BigDecimal progress, boolean reached) {
    }

    public record IndicatorEvaluation(UUID indicatorId, String code, String nameVi, String unit, String direction,
                                      String frequency, String scope, Baseline baseline, String latestPeriod,
                                      BigDecimal actual, String targetPeriod, BigDecimal targetValue,
                                      BigDecimal progress, BigDecimal expectedValue, BigDecimal expectedProgress,
                                      String status, BigDecimal forecast, Boolean forecastMeetsTarget,
                                      List<TargetProgress> targets, List<SeriesPoint> series, int valuesUsed,
                                      int approvedValues, int missingPeriods, List<String> missing,
                                      OffsetDateTime asOf) {
    }

    public record RollUp(int indicators, int green, int amber, int red, int grey, String status,
                         BigDecimal averageProgress, long valuesUsed, OffsetDateTime asOf) {
    }

    public record InitiativeKpis(UUID initiativeId, String code, RollUp rollUp, List<IndicatorScore> indicators) {
    }

    public record SystemKpis(String system, RollUp overall, RollUp strategic, List<IndicatorScore> indicators) {
    }

    public record Measurement(UUID id, String indicatorCode, String period, String agency, BigDecimal value,
                              String status, String note, String evidenceLink, String returnReason,
                              String submittedBy, OffsetDateTime submittedAt, String decidedBy,
                              OffsetDateTime decidedAt, long version) {
    }

    /** One step in a value's history (kpi-service keeps every change). */
    public record History(String action, String actor, String actorAgency, BigDecimal oldValue, BigDecimal newValue,
                          String oldStatus, String newStatus, String reason, OffsetDateTime occurredAt,
                          long version) {
    }

    // budget-service
    public record FiscalYear(int year, long totalStateExpenditure, long stiBudget, BigDecimal stiShare,
                             boolean meetsThreePercentRule) {
    }

    public record ThreePercentRule(int fiscalYear, long totalStateExpenditure, long stiBudget, BigDecimal stiShare,
                                   BigDecimal thresholdPercent, boolean passes, long shortfall) {
    }

    public record SourceRow(String fundingSource, boolean nonState, long allocations, long planned, long approved,
                            long disbursed, long remaining, BigDecimal disbursementRate, BigDecimal shareOfApproved) {
    }

    public record NonStateShare(int fiscalYear, long approvedTotal, long nonStateApproved, long stateApproved,
                                BigDecimal nonStateShare, BigDecimal targetPercent, boolean meetsTarget,
                                List<SourceRow> bySource) {
    }

    public record Figures(long allocations, long planned, long approved, long disbursed, long remaining,
                          BigDecimal disbursementRate) {
    }

    /** A row of a breakdown by System ({@code system}) or by initiative ({@code initiativeCode}). */
    public record BreakdownRow(String system, UUID initiativeId, String initiativeCode, String leadAgency,
                               Boolean key, String fundingSource, long allocations, long planned, long approved,
                               long disbursed, long remaining, BigDecimal disbursementRate) {
    }

    public record Breakdown(int fiscalYear, String by, List<BreakdownRow> rows, Figures totals) {
    }

    public record UnfundedKey(UUID initiativeId, String initiativeCode, String system, String leadAgency,
                              long plannedAmount) {
    }

    public record PriorityWarning(String allocationCode, String initiativeCode, String system, String leadAgency,
                                  String fundingSource, long amount, List<String> unfundedKeyInitiatives) {
    }

    public record Priority(int fiscalYear, List<UnfundedKey> keyInitiativesWithoutApprovedAllocation,
                           List<PriorityWarning> nonKeyApprovedWhileKeyUnfunded) {
    }

    public record InitiativeRef(UUID id, String code, String system, boolean key) {
    }

    public record Allocation(UUID id, String code, int fiscalYear, String fundingSource,
                             long amount, String status, long disbursed, long remaining, String purpose,
                             InitiativeRef initiative, String leadAgency, String priorityWarning, long version) {
    }

    public record Disbursement(UUID id, UUID allocationId, LocalDate date, long amount, String paymentReference,
                               String note, String kind, String recordedBy) {
    }

    /** A write central refused (the platform's federation conflicts), and what was decided about it. */
    public record Conflict(UUID eventId, String origin, String aggregateType, String aggregateId, String eventType,
                           String status, String reason, OffsetDateTime rejectedAt, int times, OffsetDateTime resolvedAt,
                           String resolution, String resolvedBy, String note) {
    }

    /** Whether central holds a record written at this ministry: LOCAL, PENDING, APPLIED or REJECTED. */
    public record FederationRecord(String aggregateId, String state, String detail, OffsetDateTime at) {
    }

    /** A ministry instance as central sees it in one service (issue #20): its state and rows. */
    public record FederatedInstance(String instance, String agency, String state, OffsetDateTime since,
                                    String startedBy, java.util.Map<String, Long> switched,
                                    OffsetDateTime completedAt, java.util.Map<String, Long> owned,
                                    OffsetDateTime retiredAt) {
        /** Rows the instance owns at central in this service. */
        public long ownedRows() {
            return owned == null ? 0 : owned.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    /** A ministry's pull of its own rows from central in one service. */
    public record HandoverProgress(String centralState, OffsetDateTime runStarted, boolean running, boolean complete,
                                   long applied, long kept, List<HandoverKind> kinds, List<HandoverKept> keptRows) {
    }

    public record HandoverKind(String kind, boolean done, long applied, long kept) {
    }

    public record HandoverKept(String kind, String key, String cause, String reason) {
    }
}
