package vn.nq57.budget.fiscalyear;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.nq57.budget.json.Money;

/** DTOs of fiscal years. Amounts are whole VND. */
public final class FiscalYearViews {
    private FiscalYearViews() {
    }

    /** Create a fiscal year (the year is in the body). */
    @Schema(description = "Create a fiscal year: the total state expenditure and the S&T line")
    public record FiscalYearRequest(
            @Schema(description = "The calendar year, 2000 to 2100", examples = "2026")
            @NotNull @Min(value = 2000, message = "must be 2000 or later")
            @Max(value = 2100, message = "must be 2100 or earlier") Integer year,
            @Schema(description = "Total state budget expenditure of the year, whole VND", examples = "2548000000000000")
            @NotNull @Min(value = 1, message = "must be positive")
            @Max(value = Money.MAX_AMOUNT, message = "must be at most 10^18") Long totalStateExpenditure,
            @Schema(description = "The S&T, innovation and digital-transformation budget line, whole VND",
                    examples = "76440000000000")
            @NotNull @Min(value = 0, message = "must be 0 or more")
            @Max(value = Money.MAX_AMOUNT, message = "must be at most 10^18") Long stiBudget,
            @Schema(description = "Optional note, e.g. the source of the figures",
                    examples = "Theo Nghị quyết của Quốc hội về dự toán ngân sách nhà nước năm 2026")
            @Size(max = 5000) String note) {
    }

    /** Replace a fiscal year's figures (If-Match). */
    @Schema(description = "Replace a fiscal year's figures (all of them: a missing note clears it)")
    public record FiscalYearUpdate(
            @Schema(description = "Total state budget expenditure of the year, whole VND", examples = "2548000000000000")
            @NotNull @Min(value = 1, message = "must be positive")
            @Max(value = Money.MAX_AMOUNT, message = "must be at most 10^18") Long totalStateExpenditure,
            @Schema(description = "The S&T, innovation and digital-transformation budget line, whole VND",
                    examples = "76440000000000")
            @NotNull @Min(value = 0, message = "must be 0 or more")
            @Max(value = Money.MAX_AMOUNT, message = "must be at most 10^18") Long stiBudget,
            @Schema(description = "Optional note, e.g. the source of the figures",
                    examples = "Điều chỉnh theo dự toán bổ sung")
            @Size(max = 5000) String note) {
    }

    @Schema(description = "A fiscal year: total state expenditure, the S&T line, its share and whether it meets the 3% "
            + "rule; `version` is its ETag")
    public record FiscalYearView(UUID id, int year, long totalStateExpenditure, long stiBudget,
                                 @Schema(description = "stiBudget / totalStateExpenditure in percent, 4 decimals")
                                 BigDecimal stiShare, boolean meetsThreePercentRule, String note,
                                 String originInstance, String updatedBy, OffsetDateTime updatedAt, long version) {
        public static FiscalYearView of(FiscalYear f) {
            return new FiscalYearView(f.id, f.year, f.totalStateExpenditure, f.stiBudget,
                    Money.percent(f.stiBudget, f.totalStateExpenditure, 4),
                    Money.atLeastPercent(f.stiBudget, f.totalStateExpenditure, FiscalYearService.STI_RULE_PERCENT),
                    f.note, f.originInstance, f.updatedBy, f.updatedAt, f.version);
        }
    }

    /** What other services learn of a fiscal year. */
    public record FiscalYearEventData(UUID id, int year, long totalStateExpenditure, long stiBudget, long version) {
        public static FiscalYearEventData of(FiscalYear f) {
            return new FiscalYearEventData(f.id, f.year, f.totalStateExpenditure, f.stiBudget, f.version);
        }
    }
}
