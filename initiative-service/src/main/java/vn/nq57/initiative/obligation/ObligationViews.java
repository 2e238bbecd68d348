package vn.nq57.initiative.obligation;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.nq57.platform.period.Frequency;

public final class ObligationViews {

    private ObligationViews() {
    }

    @Schema(name = "Obligation", description = "A reporting obligation: an agency must report an indicator's value "
            + "for every period (of the indicator's frequency) from fromPeriod to toPeriod, by the period's end plus "
            + "deadlineDays")
    public record ObligationView(
            UUID id,
            @Schema(description = "The indicator to report") UUID indicatorId,
            @Schema(description = "Its code", examples = "R57-ONLINE-PUBLIC-SERVICE") String indicatorCode,
            @Schema(description = "Its Vietnamese name") String indicatorName,
            @Schema(description = "How often it is reported") Frequency frequency,
            @Schema(description = "The agency that must report (its code)", examples = "BKHCN") String agency,
            @Schema(description = "Days after a period's end by which the value is due (the obligation's own, else "
                    + "the indicator's grace days)", examples = "30") int deadlineDays,
            @Schema(description = "Set when the obligation overrides the indicator's grace days") Integer ownDeadlineDays,
            @Schema(description = "First period expected (none: from the plan's start)", examples = "2025Q1")
            String fromPeriod,
            @Schema(description = "Last period expected (none: open-ended)", examples = "2030Q4") String toPeriod,
            ObligationSource source,
            @Schema(description = "false: no longer expected (kept for the record)") boolean active,
            long version,
            OffsetDateTime updatedAt,
            @Schema(description = "Who last edited it (none for defaults)") String updatedBy) {
    }

    @Schema(description = "A new reporting obligation (central admins)")
    public record ObligationRequest(
            @NotNull @Schema(description = "The indicator (its id)", examples = "3f1c8a2e-5b7d-4e9f-a1b2-c3d4e5f6a7b8")
            UUID indicatorId,
            @NotBlank @Size(max = 50) @Schema(description = "The agency that must report (its code)", examples = "HNI")
            String agency,
            @Min(0) @Max(366) @Schema(description = "Days after each period's end the value is due (none: the "
                    + "indicator's grace days)", examples = "30") Integer deadlineDays,
            @Size(max = 10) @Schema(description = "First period expected, of the indicator's frequency (none: from "
                    + "the plan's start)", examples = "2026Q1") String fromPeriod,
            @Size(max = 10) @Schema(description = "Last period expected (none: open-ended)", examples = "2030Q4")
            String toPeriod) {
    }

    @Schema(description = "The editable part of an obligation (central admins); the edit makes it MANUAL")
    public record ObligationUpdate(
            @Min(0) @Max(366) @Schema(description = "Days after each period's end the value is due (none: the "
                    + "indicator's grace days)", examples = "45") Integer deadlineDays,
            @Size(max = 10) @Schema(description = "First period expected (none: from the plan's start)",
                    examples = "2026Q1") String fromPeriod,
            @Size(max = 10) @Schema(description = "Last period expected (none: open-ended)", examples = "2030Q4")
            String toPeriod,
            @NotNull @Schema(description = "false: no longer expected") Boolean active) {
    }
}
