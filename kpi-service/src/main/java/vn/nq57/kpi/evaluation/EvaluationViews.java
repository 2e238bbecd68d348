package vn.nq57.kpi.evaluation;

import com.fasterxml.jackson.databind.util.RawValue;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.nq57.kpi.evaluation.Evaluator.Status;
import vn.nq57.kpi.evaluation.Evaluator.TargetProgress;
import vn.nq57.kpi.indicator.Aggregation;
import vn.nq57.kpi.indicator.Direction;
import vn.nq57.kpi.indicator.IndicatorViews.Baseline;
import vn.nq57.kpi.indicator.Unit;
import vn.nq57.platform.period.Frequency;

/** DTOs of the evaluation: one indicator in full, scorecards and roll-ups. */
public final class EvaluationViews {
    private EvaluationViews() {
    }

    /** One period of a series: the aggregated value, how many agency values it combines, how many approved. */
    @Schema(description = "One period of a series: the combined value and how many agency values it combines")
    public record SeriesPoint(String period, BigDecimal value, int values, int approved) {
    }

    @Schema(description = "Whether an agency's value came within the grace days after its period ended")
    public enum Timeliness { ON_TIME, LATE, MISSING, NOT_DUE }

    @Schema(description = "One reporting agency's timeliness for a period")
    public record AgencyTimeliness(String agency, Timeliness status, OffsetDateTime firstSubmittedAt) {
    }

    /** Per reporting agency, whether the period's value came within the grace days after the period ended. */
    @Schema(description = "Timeliness of a period: due date, on time, late, missing, per agency")
    public record TimelinessView(String period, LocalDate due, int onTime, int late, int missing,
                                 List<AgencyTimeliness> agencies) {
    }

    /**
     * An indicator's evaluation at the national level ({@code scope} NATIONAL) or over an agency subtree. Percent
     * figures are points; {@code missing} names what the figures lack (baseline, targets, values, periods).
     */
    @Schema(description = "An indicator evaluated nationally or over an agency subtree: progress, expected trajectory, status, forecast, series, timeliness")
    public record IndicatorEvaluation(UUID indicatorId, String code, String nameVi, Unit unit, Direction direction,
                                      Aggregation aggregation, Frequency frequency, String scope, Baseline baseline,
                                      String latestPeriod, BigDecimal actual, String targetPeriod,
                                      BigDecimal targetValue, BigDecimal progress, BigDecimal expectedValue,
                                      BigDecimal expectedProgress, Status status, BigDecimal forecast,
                                      Boolean forecastMeetsTarget, List<TargetProgress> targets,
                                      List<SeriesPoint> series, int periodsWithData, int valuesUsed,
                                      int approvedValues, int missingPeriods, List<String> missing,
                                      OffsetDateTime asOf, TimelinessView timeliness) {
    }

    /** An indicator's line in a scorecard (read from the maintained {@code indicator_current}). */
    @Schema(description = "An indicator's line in a scorecard")
    public record IndicatorScore(UUID id, String code, String nameVi, Unit unit, Direction direction, Status status,
                                 String latestPeriod, BigDecimal actual, String targetPeriod, BigDecimal targetValue,
                                 BigDecimal progress, BigDecimal expectedProgress, BigDecimal forecast,
                                 Boolean forecastMeetsTarget, int valuesUsed, List<String> missing,
                                 OffsetDateTime asOf) {
    }

    /**
     * A roll-up of indicators: how many in each status, the overall status, the mean progress (each indicator capped
     * at 100), the values used, the newest value's time, and the indicators without data (named up to 20).
     */
    @Schema(description = "A roll-up of indicators: counts per status, overall status, mean progress")
    public record RollUp(int indicators, int green, int amber, int red, int grey, Status status,
                         BigDecimal averageProgress, long valuesUsed, OffsetDateTime asOf, int withoutData,
                         List<String> withoutDataCodes) {
    }

    @Schema(description = "The roll-up of one initiative's indicators")
    public record InitiativeRollUp(UUID initiativeId, String code, String titleVi, RollUp rollUp) {
    }

    /** {@code indicators}: the lines as the evaluation stored them (each the JSON of an {@link IndicatorScore}). */
    @Schema(name = "InitiativeKpiScorecard", description = "One initiative's indicators as the evaluation stored them, and their roll-up")
    public record InitiativeScorecard(UUID initiativeId, String code, String titleVi, RollUp rollUp,
                                      @Schema(type = SchemaType.ARRAY, implementation = IndicatorScore.class)
                                      List<RawValue> indicators, OffsetDateTime computedAt) {
    }

    /** A System: its STRATEGIC indicators, its initiatives' OPERATIONAL indicators, and both together. */
    @Schema(name = "SystemKpiScorecard", description = "A System's strategic indicators, its initiatives' operational ones, and both together")
    public record SystemScorecard(String system, RollUp overall, RollUp strategic,
                                  @Schema(type = SchemaType.ARRAY, implementation = IndicatorScore.class)
                                  List<RawValue> indicators, List<InitiativeRollUp> initiatives,
                                  OffsetDateTime computedAt) {
    }

    @Schema(description = "The roll-up of one System")
    public record SystemRollUp(String system, RollUp rollUp) {
    }

    @Schema(name = "PlanKpiScorecard", description = "The whole plan: a roll-up per System and overall")
    public record PlanScorecard(RollUp overall, List<SystemRollUp> systems, OffsetDateTime computedAt) {
    }

    /** The answer of a rebuild (the schema of its {@code {"indicators": n}} answer). */
    @Schema(description = "The answer of a rebuild of the evaluation")
    public record RebuildSummary(@Schema(description = "How many indicators were re-evaluated", examples = "16")
                                 int indicators) {
    }
}
