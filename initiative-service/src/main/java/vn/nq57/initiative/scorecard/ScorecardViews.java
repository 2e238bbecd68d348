package vn.nq57.initiative.scorecard;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.nq57.platform.paging.Page;

/** DTOs of the scorecard. */
public final class ScorecardViews {
    private ScorecardViews() {
    }

    /** Why a health was given: a rule code and what triggered it. */
    @Schema(description = "Why a health was given: a rule code and what triggered it")
    public record Reason(String code, String detail) {
    }

    /** KPI statuses of a set of indicators, their average progress (percent) and how fresh they are. */
    @Schema(description = "KPI statuses of a set of indicators, their average progress (percent) and how fresh they "
            + "are (`asOf`)")
    public record KpiSummary(int indicators, int green, int amber, int red, int grey, BigDecimal averageProgress,
                             int valuesUsed, int missingValues, OffsetDateTime asOf) {
        public static final KpiSummary NONE = new KpiSummary(0, 0, 0, 0, 0, null, 0, 0, null);
    }

    /** Approved allocations and disbursements, whole VND; rate in percent. */
    @Schema(description = "Approved allocations and disbursements in whole VND; `disbursementRate` in percent")
    public record BudgetSummary(long allocated, long disbursed, BigDecimal disbursementRate, int allocations) {
        public static final BudgetSummary NONE = new BudgetSummary(0, 0, null, 0);
    }

    @Schema(description = "One initiative's health with the reasons it was given, from its KPIs, overdue outputs, "
            + "open obstacles and budget")
    public record InitiativeScore(UUID id, String code, String titleVi, String system, String leadAgency,
                                  String status, boolean key, Health health, List<Reason> reasons, KpiSummary kpi,
                                  int overdueOutputs, int openObstacles, Long oldestOpenObstacleDays,
                                  BudgetSummary budget, OffsetDateTime asOf) {
    }

    @Schema(description = "How many initiatives, by health")
    public record InitiativeCounts(int total, int green, int amber, int red, int grey) {
    }

    @Schema(description = "One System's health with its reasons, its strategic KPIs and its initiatives' counts")
    public record SystemScore(String code, String nameVi, Health health, List<Reason> reasons, KpiSummary strategicKpi,
                              InitiativeCounts initiatives, int overdueOutputs, int openObstacles, BudgetSummary budget,
                              OffsetDateTime asOf) {
    }

    @Schema(description = "The whole plan: each System's health with its reasons, and the totals")
    public record PlanScore(Health health, List<Reason> reasons, List<SystemScore> systems, InitiativeCounts initiatives,
                            BudgetSummary budget, OffsetDateTime asOf) {
    }

    /** A System with its initiatives (paginated). */
    @Schema(description = "A System with its initiatives (paginated)")
    public record SystemScorecard(SystemScore system, Page<InitiativeScore> initiatives) {
    }

    /** An agency subtree's initiatives (paginated) and their counts. */
    @Schema(description = "The initiatives led by an agency and the agencies below it (paginated, in `items`), with "
            + "their counts and budget")
    public record AgencyScorecard(String agency, InitiativeCounts initiatives, BudgetSummary budget,
                                  Page<InitiativeScore> items, OffsetDateTime asOf) {
    }

    /** One message of the live stream. */
    @Schema(description = "One message of the live stream: `kind` of change (initiative, output, obstacle, kpi, "
            + "measurement, budget, warning; heartbeat every 15 s with nothing else set; reload when the changes a "
            + "reconnecting client missed are no longer kept), the initiative, System and agency it concerns, a readable `detail` and the changed record as `data`")
    public record ScorecardChange(String kind, UUID initiativeId, String system, String agency, String detail,
                                  @Schema(description = "The changed record as JSON: an initiative's state, an "
                                          + "OutputView, an ObstacleView or the data of a KPI or budget event; none "
                                          + "for a heartbeat")
                                  Object data, OffsetDateTime at) {

        /** A change of one of this service's initiatives (or its outputs, obstacles), now. */
        public static ScorecardChange of(String kind, vn.nq57.initiative.plan.Initiative i, String detail,
                                         Object data) {
            return new ScorecardChange(kind, i.id, i.systemCode, i.leadAgency.code, detail, data,
                    OffsetDateTime.now(java.time.ZoneOffset.UTC));
        }
    }
}
