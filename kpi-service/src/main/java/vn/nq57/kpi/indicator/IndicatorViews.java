package vn.nq57.kpi.indicator;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.nq57.kpi.federation.Origins;
import vn.nq57.platform.period.Frequency;

/** DTOs of indicators and their targets. */
public final class IndicatorViews {
    private IndicatorViews() {
    }

    /** Create or replace an indicator. Agencies are named by code. */
    @Schema(description = "An indicator to create, or the new fields of one (PUT replaces all of them, targets "
            + "included). Agencies are named by code.")
    public record IndicatorRequest(
            @Schema(description = "Unique code (stored upper-case); it cannot change later", examples = "H4-07-DATA-SHARED")
            @NotBlank @Size(max = 40)
            @Pattern(regexp = "[A-Za-z0-9]+([-_.][A-Za-z0-9]+)*", message = "letters and digits in groups joined by '-', '_' or '.'")
            String code,
            @Schema(description = "Name in Vietnamese", examples = "Tỷ lệ cơ sở dữ liệu quốc gia được kết nối, chia sẻ")
            @NotBlank @Size(max = 1000) String nameVi,
            @Schema(description = "Name in English (optional)", examples = "National databases connected and sharing data, %")
            @Size(max = 1000) String nameEn,
            @Schema(description = "The unit of the values", examples = "PERCENT") @NotNull Unit unit,
            @Schema(description = "Which way the indicator improves; a rank improves downwards: RANK needs "
                    + "LOWER_IS_BETTER", examples = "HIGHER_IS_BETTER") @NotNull Direction direction,
            @Schema(description = "How the values of several agencies for one period combine into the national (or "
                    + "an agency subtree's) value; LATEST takes the most recently submitted", examples = "LATEST")
            @NotNull Aggregation aggregation,
            @Schema(description = "How often values are reported; a value's period must be of this frequency "
                    + "(ANNUAL: YYYY, QUARTERLY: YYYYQn, MONTHLY: YYYY-MM). It cannot change once values exist",
                    examples = "ANNUAL") @NotNull Frequency frequency,
            @Schema(description = "The value at the start (optional)", examples = "{\"value\": 1.5, \"period\": \"2024\"}")
            @Valid Baseline baseline,
            @Schema(description = "At least one target, each for a different year after the baseline period",
                    examples = "[{\"period\": \"2030\", \"value\": 100, \"note\": \"100% cơ sở dữ liệu quốc gia được kết "
                            + "nối, chia sẻ\"}]")
            @NotEmpty @Valid List<@NotNull TargetRequest> targets,
            @Schema(description = "STRATEGIC: national, per System, managed by a central admin; OPERATIONAL: measures "
                    + "one initiative", examples = "STRATEGIC") @NotNull Tier tier,
            @Schema(description = "The System (H1..H6): required for STRATEGIC; an OPERATIONAL indicator takes its "
                    + "initiative's System", examples = "H4")
            @Pattern(regexp = "H[1-6]", message = "must be one of H1..H6") String system,
            @Schema(type = SchemaType.STRING, format = "uuid", description = "Required for OPERATIONAL (and not "
                    + "allowed for STRATEGIC): the id of the initiative the indicator measures",
                    examples = "0b6f3c2e-6a4d-4f1e-9c1a-2d5e8f7a9b10") UUID initiativeId,
            @Schema(description = "Code of the agency responsible for the indicator", examples = "BKHCN")
            @NotBlank @Size(max = 50) String ownerAgency,
            @Schema(description = "Codes of the agencies expected to report each period; default: the owner agency",
                    examples = "[\"BKHCN\", \"BKHCN-CSHTT\"]")
            List<@NotBlank @Size(max = 50) String> reportingAgencies,
            @Schema(description = "Where the values come from (optional)",
                    examples = "Điều tra nghiên cứu và phát triển (Bộ Khoa học và Công nghệ, Cục Thống kê)")
            @Size(max = 2000) String dataSource,
            @Schema(description = "How the value is computed (optional)",
                    examples = "Số cơ sở dữ liệu quốc gia đã kết nối, chia sẻ chia cho tổng số cơ sở dữ liệu quốc gia, nhân 100")
            @Size(max = 5000) String method,
            @Schema(description = "Days after a period ends within which a value is on time (default 30)",
                    examples = "30")
            @Min(0) @Max(366) Integer graceDays,
            @Schema(description = "How many points behind the expected trajectory is still AMBER (default 10)",
                    examples = "10")
            @DecimalMin("0") @DecimalMax("100") BigDecimal tolerancePoints) {
    }

    /** The value at the start, in a period of the indicator's frequency. */
    @Schema(description = "The value at the start, in a period of the indicator's frequency")
    public record Baseline(@Schema(description = "The value, in the indicator's unit (at most 18 digits before and 6 "
                                   + "after the decimal point)", examples = "1.5")
                           @NotNull @Digits(integer = 18, fraction = 6) BigDecimal value,
                           @Schema(description = "The period of the value, of the indicator's frequency (YYYY, YYYYQn "
                                   + "or YYYY-MM)", examples = "2024") @NotBlank String period) {
    }

    /** A target: the value to reach by the end of a target year. */
    @Schema(description = "A target: the value to reach by the end of a target year")
    public record TargetRequest(@Schema(description = "The target year (YYYY), after the baseline period",
                                        examples = "2030")
                                @NotBlank @Pattern(regexp = "\\d{4}", message = "a target period is a year (YYYY)") String period,
                                @Schema(description = "The value to reach, in the indicator's unit (at most 18 digits "
                                        + "before and 6 after the decimal point)", examples = "100")
                                @NotNull @Digits(integer = 18, fraction = 6) BigDecimal value,
                                @Schema(description = "The target as the source document words it (optional)",
                                        examples = "100% cơ sở dữ liệu quốc gia được kết nối, chia sẻ")
                                @Size(max = 500) String note) {
    }

    @Schema(description = "A target: the value to reach by the end of a target year")
    public record TargetView(String period, BigDecimal value, String note) {
        static TargetView of(IndicatorTarget t) {
            return new TargetView(t.period, t.value, t.note);
        }
    }

    /** An indicator in full. */
    @Schema(description = "An indicator in full: definition, unit, baseline, targets, owner, reporting agencies")
    public record IndicatorView(UUID id, String code, String nameVi, String nameEn, Unit unit, Direction direction,
                                Aggregation aggregation, Frequency frequency, Baseline baseline,
                                List<TargetView> targets, Tier tier, String system, UUID initiativeId,
                                String ownerAgency, List<String> reportingAgencies, String dataSource, String method,
                                int graceDays, BigDecimal tolerancePoints, String originInstance, long version,
                                OffsetDateTime createdAt, OffsetDateTime updatedAt,
                                @Schema(description = "the instance that owns the indicator (this one, or central "
                                        + "for the national catalogue at a ministry, or a ministry at central)")
                                String origin) {
        public static IndicatorView of(Indicator i) {
            return new IndicatorView(i.id, i.code, i.nameVi, i.nameEn, i.unit, i.direction, i.aggregation, i.frequency,
                    i.baselineValue == null ? null : new Baseline(i.baselineValue, i.baselinePeriod),
                    i.targets.stream().map(TargetView::of).toList(), i.tier, i.systemCode, i.initiativeId,
                    i.ownerAgency, List.copyOf(i.reportingAgencies), i.dataSource, i.method, i.graceDays,
                    i.tolerancePoints, i.originInstance, i.version, i.createdAt, i.updatedAt,
                    Origins.shown(i.origin));
        }
    }

    /** An indicator in a list. */
    @Schema(description = "An indicator in a list")
    public record IndicatorSummary(UUID id, String code, String nameVi, Unit unit, Direction direction,
                                   Frequency frequency, Tier tier, String system, UUID initiativeId,
                                   String ownerAgency, long version, String origin) {
        public static IndicatorSummary of(Indicator i) {
            return new IndicatorSummary(i.id, i.code, i.nameVi, i.unit, i.direction, i.frequency, i.tier,
                    i.systemCode, i.initiativeId, i.ownerAgency, i.version, Origins.shown(i.origin));
        }
    }

    /**
     * What other services replicate (events carry it): the indicator's full state, so that central can upsert a
     * ministry's indicator from one event (event-carried state transfer).
     */
    public record IndicatorEventData(UUID id, String code, String nameVi, Unit unit, Direction direction,
                                     Aggregation aggregation, Frequency frequency, Baseline baseline,
                                     List<TargetView> targets, Tier tier, String system, UUID initiativeId,
                                     String ownerAgency, String originInstance, long version, String nameEn,
                                     List<String> reportingAgencies, String dataSource, String method,
                                     int graceDays, BigDecimal tolerancePoints, String createdBy,
                                     OffsetDateTime createdAt, OffsetDateTime updatedAt, String origin) {
        public static IndicatorEventData of(Indicator i) {
            IndicatorView v = IndicatorView.of(i);
            return new IndicatorEventData(v.id(), v.code(), v.nameVi(), v.unit(), v.direction(), v.aggregation(),
                    v.frequency(), v.baseline(), v.targets(), v.tier(), v.system(), v.initiativeId(), v.ownerAgency(),
                    v.originInstance(), v.version(), v.nameEn(), v.reportingAgencies(), v.dataSource(), v.method(),
                    v.graceDays(), v.tolerancePoints(), i.createdBy, v.createdAt(), v.updatedAt(), v.origin());
        }
    }
}
