package vn.nq57.initiative.obstacle;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.nq57.initiative.agency.AgencyViews.AgencyRef;

public final class ObstacleViews {
    private ObstacleViews() {
    }

    @Schema(description = "An obstacle (vướng mắc) to file, with what is asked (kiến nghị) and of whom")
    public record ObstacleRequest(@Schema(description = "The initiative it blocks (its id)",
                                          implementation = String.class, format = "uuid",
                                          examples = "0b6f3c2e-6a4d-4f1e-9c1a-2d5e8f7a9b10")
                                  @NotNull UUID initiativeId,
                                  @Schema(description = "Code of the agency filing it: in the caller's scope, leading "
                                          + "or coordinating the initiative", examples = "BKHCN")
                                  @NotBlank @Size(max = 50) String filedByAgency,
                                  @Schema(description = "Code of the agency asked to act (another agency)",
                                          examples = "BTC")
                                  @NotBlank @Size(max = 50) String askedAgency,
                                  @Schema(description = "What blocks the initiative",
                                          examples = "Chưa có hướng dẫn cơ chế tài chính cho thuê dịch vụ điện toán đám mây")
                                  @NotBlank @Size(max = 10000) String description,
                                  @Schema(description = "What is asked of the asked agency",
                                          examples = "Đề nghị Bộ Tài chính ban hành hướng dẫn trong quý II/2026")
                                  @NotBlank @Size(max = 10000) String request) {
    }

    @Schema(description = "The asked agency's answer to an obstacle")
    public record AnswerRequest(@Schema(description = "The answer",
                                        examples = "Bộ Tài chính đang dự thảo thông tư hướng dẫn, dự kiến ban hành 6/2026")
                                @NotBlank @Size(max = 10000) String answer) {
    }

    @Schema(description = "The note that goes with resolving or closing an obstacle")
    public record CloseRequest(@Schema(description = "Why it is resolved or closed",
                                       examples = "Thông tư hướng dẫn đã được ban hành")
                               @NotBlank @Size(max = 10000) String note) {
    }

    @Schema(description = "An obstacle: OPEN → ANSWERED → RESOLVED, or OPEN/ANSWERED → CLOSED. `ageDays` counts from "
            + "filing to closing (or to now); `origin` (also as `originInstance`) is the instance that owns it; "
            + "`version` is its ETag")
    public record ObstacleView(UUID id, UUID initiativeId, String initiativeCode, AgencyRef filedByAgency,
                               AgencyRef askedAgency, String description, String request, ObstacleStatus status,
                               String answer, String answeredBy, OffsetDateTime answeredAt, String resolutionNote,
                               OffsetDateTime closedAt, String filedBy, OffsetDateTime filedAt, long ageDays,
                               String originInstance, String origin, long version,
                               @Schema(description = "The last day the asked agency answers in time (working days "
                                       + "after filing, 15 by default)") java.time.LocalDate answerDue,
                               @Schema(description = "The instance that answered it when that is not the owner "
                                       + "(the asked agency's instance, e.g. central)", examples = "central")
                               String answeredByInstance) {
        public static ObstacleView of(Obstacle o) {
            OffsetDateTime end = o.closedAt == null ? OffsetDateTime.now() : o.closedAt;
            return new ObstacleView(o.id, o.initiative.id, o.initiative.code, AgencyRef.of(o.filedByAgency),
                    AgencyRef.of(o.askedAgency), o.description, o.request, o.status, o.answer, o.answeredBy,
                    o.answeredAt, o.resolutionNote, o.closedAt, o.filedBy, o.filedAt,
                    Duration.between(o.filedAt, end).toDays(), o.originInstance, o.originInstance, o.version,
                    o.answerDue, o.answerOrigin);
        }
    }

    /**
     * What other services learn of an obstacle (open obstacles count in an initiative's health): its full state, so
     * that central can take a ministry's obstacle from one event.
     */
    public record ObstacleEventData(UUID id, UUID initiativeId, String filedByAgency, String askedAgency,
                                    ObstacleStatus status, OffsetDateTime filedAt, long version, String initiativeCode,
                                    String description, String request, String answer, String answeredBy,
                                    OffsetDateTime answeredAt, String resolutionNote, OffsetDateTime closedAt,
                                    String filedBy, String originInstance, java.time.LocalDate answerDue) {
        public static ObstacleEventData of(Obstacle o) {
            return new ObstacleEventData(o.id, o.initiative.id, o.filedByAgency.code, o.askedAgency.code, o.status,
                    o.filedAt, o.version, o.initiative.code, o.description, o.request, o.answer, o.answeredBy,
                    o.answeredAt, o.resolutionNote, o.closedAt, o.filedBy, o.originInstance, o.answerDue);
        }
    }
}
