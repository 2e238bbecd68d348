package vn.nq57.initiative.warning;

import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

public final class WarningViews {

    private WarningViews() {
    }

    @Schema(name = "Warning", description = "An early warning: opened once per cause, acknowledged by a person, "
            + "resolved by itself when its cause goes away")
    public record WarningView(
            UUID id, WarningKind kind, Severity severity, SubjectType subjectType,
            @Schema(description = "The subject's id (an initiative, indicator, output, obstacle or allocation)")
            UUID subjectId,
            @Schema(description = "A short name of the subject (a code or an output's description)",
                    examples = "R57-ONLINE-PUBLIC-SERVICE") String subjectLabel,
            @Schema(description = "The initiative concerned, where there is one") UUID initiativeId,
            @Schema(description = "The agency expected to act (its code)", examples = "BKHCN") String agency,
            @Schema(description = "The reason in Vietnamese",
                    examples = "BKHCN chưa báo cáo chỉ tiêu R57-ONLINE-PUBLIC-SERVICE cho 1 kỳ; kỳ gần nhất 2026Q3 "
                            + "(hạn 30/10/2026)") String reasonVi,
            @Schema(description = "The reason in English") String reasonEn,
            WarningStatus status,
            @Schema(description = "When it opened") OffsetDateTime since,
            String acknowledgedBy, OffsetDateTime acknowledgedAt, OffsetDateTime resolvedAt, long version) {

        public static WarningView of(Warning w) {
            return new WarningView(w.id, w.kind, w.severity, w.subjectType, w.subjectId, w.subjectLabel,
                    w.initiativeId, w.agencyCode, w.reasonVi, w.reasonEn, w.status, w.since, w.acknowledgedBy,
                    w.acknowledgedAt, w.resolvedAt, w.version);
        }
    }

    @Schema(description = "What one evaluation of the warnings did")
    public record EvaluationResult(
            @Schema(description = "Causes found now") int causes,
            @Schema(description = "Warnings opened") int opened,
            @Schema(description = "Warnings resolved (their cause went away)") int resolved,
            @Schema(description = "Warnings open or acknowledged after it") int open,
            @Schema(description = "Default obligations added or retired first") int obligationsChanged,
            @Schema(description = "How long it took, in milliseconds") long millis,
            @Schema(description = "true when another replica was evaluating at the same moment (nothing done)")
            boolean skipped) {
    }

    @Schema(description = "A warning as a notification of the signed-in user")
    public record NotificationView(WarningView warning,
                                   @Schema(description = "Whether this user has marked it read") boolean read) {
    }

    @Schema(description = "How many notifications the signed-in user has not read")
    public record UnreadCount(@Schema(examples = "3") long unread) {
    }

    @Schema(description = "The signed-in user's mail preferences")
    public record MailPreferences(
            @jakarta.validation.constraints.NotNull
            @Schema(description = "Receive the daily digest of open warnings", examples = "true") Boolean digest,
            @jakarta.validation.constraints.NotNull @jakarta.validation.constraints.Pattern(regexp = "vi|en",
                    message = "vi or en")
            @Schema(description = "The language of mails: vi or en", examples = "vi") String language) {
    }
}
