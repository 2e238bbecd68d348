package vn.nq57.initiative.initiative;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.nq57.initiative.agency.AgencyViews.AgencyRef;

/** DTOs of initiatives, their outputs, milestones and transitions. */
public final class InitiativeViews {
    private InitiativeViews() {
    }

    /** Create or replace an initiative. Agencies are named by code. */
    public record InitiativeRequest(
            @Schema(examples = "H4-07") @NotBlank @Size(max = 30)
            @Pattern(regexp = "[A-Za-z0-9]+(-[A-Za-z0-9]+)*", message = "letters and digits in groups joined by '-', e.g. H4-07")
            String code,
            @Schema(examples = "H4") @NotBlank @Pattern(regexp = "H[1-6]", message = "must be one of H1..H6") String system,
            @Schema(examples = "P2") @NotBlank @Pattern(regexp = "P[1-3]", message = "must be one of P1..P3") String phase,
            @Schema(examples = "Xây dựng Cơ sở dữ liệu quốc gia về khoa học, công nghệ và đổi mới sáng tạo")
            @NotBlank @Size(max = 1000) String titleVi,
            @Size(max = 1000) String titleEn,
            @Schema(examples = "Kết nối, chia sẻ dữ liệu giữa các bộ, ngành và địa phương; chuyển đổi số toàn diện quản lý nhà nước")
            @NotBlank @Size(max = 20000) String contentOrientation,
            @NotNull LocalDate deadline,
            @Schema(examples = "BKHCN") @NotBlank @Size(max = 50) String leadAgency,
            List<@NotBlank @Size(max = 50) String> coordinatingAgencies,
            @Valid ChiefArchitect chiefArchitect,
            Boolean key,
            @NotEmpty List<@NotBlank @Size(max = 2000) String> evaluationCriteria,
            List<@NotBlank @Size(max = 1000) String> linkedProgrammes,
            @Valid List<@NotNull OutputRequest> outputs,
            @Valid List<@NotNull MilestoneRequest> milestones) {
    }

    /** The Tổng công trình sư: the one accountable person. */
    public record ChiefArchitect(@Schema(examples = "GS.TS. Nguyễn Văn A") @NotBlank @Size(max = 300) String name,
                                 @Size(max = 300) String position,
                                 @Size(max = 50) String agency) {
    }

    public record OutputRequest(@NotBlank @Size(max = 5000) String description, @NotNull LocalDate dueDate,
                                OutputStatus status, @Size(max = 2000) String evidenceLink) {
    }

    public record MilestoneRequest(@NotBlank @Size(max = 1000) String title, @NotNull LocalDate dueDate, Boolean done) {
    }

    public record DeliveryRequest(@NotBlank @Size(max = 2000) String evidenceLink) {
    }

    public record TransitionRequest(@NotNull InitiativeStatus to,
                                    @NotBlank @Size(max = 5000) String reason) {
    }

    /** An output; {@code origin} is the instance that owns it (the one that owns its initiative). */
    public record OutputView(UUID id, String description, LocalDate dueDate, OutputStatus status, String evidenceLink,
                             OffsetDateTime deliveredAt, boolean overdue, String origin, long version) {
        public static OutputView of(InitiativeOutput o, LocalDate today) {
            return new OutputView(o.id, o.description, o.dueDate, o.status, o.evidenceLink, o.deliveredAt,
                    o.overdue(today), o.initiative.originInstance, o.version);
        }
    }

    public record MilestoneView(UUID id, String title, LocalDate dueDate, boolean done) {
        public static MilestoneView of(Milestone m) {
            return new MilestoneView(m.id, m.title, m.dueDate, m.done);
        }
    }

    public record ChiefArchitectView(String name, String position, AgencyRef agency) {
    }

    /**
     * An initiative in full. {@code similar} is only set in the answer to a creation (a warning, not a refusal).
     * {@code origin} (as {@code originInstance}) is the instance that owns it: this one, or the one it is replicated
     * from read-only.
     */
    public record InitiativeView(UUID id, String code, String system, String phase, String titleVi, String titleEn,
                                 String contentOrientation, LocalDate deadline, AgencyRef leadAgency,
                                 List<AgencyRef> coordinatingAgencies, ChiefArchitectView chiefArchitect, boolean key,
                                 InitiativeStatus status, List<String> evaluationCriteria,
                                 List<String> linkedProgrammes, List<OutputView> outputs,
                                 List<MilestoneView> milestones, int overdueOutputs, String originInstance,
                                 String origin, long version, OffsetDateTime createdAt, OffsetDateTime updatedAt,
                                 List<SimilarInitiative> similar) {

        public static InitiativeView of(Initiative i, LocalDate today) {
            List<OutputView> outputs = i.outputs.stream().map(o -> OutputView.of(o, today)).toList();
            ChiefArchitectView architect = i.chiefArchitectName == null ? null
                    : new ChiefArchitectView(i.chiefArchitectName, i.chiefArchitectPosition,
                    AgencyRef.of(i.chiefArchitectAgency));
            return new InitiativeView(i.id, i.code, i.systemCode, i.phaseCode, i.titleVi, i.titleEn,
                    i.contentOrientation, i.deadline, AgencyRef.of(i.leadAgency),
                    i.coordinators.stream().map(AgencyRef::of).toList(), architect, i.key, i.status,
                    List.copyOf(i.evaluationCriteria), List.copyOf(i.linkedProgrammes), outputs,
                    i.milestones.stream().map(MilestoneView::of).toList(),
                    (int) outputs.stream().filter(OutputView::overdue).count(), i.originInstance, i.originInstance, i.version,
                    i.createdAt, i.updatedAt, null);
        }

        public InitiativeView withSimilar(List<SimilarInitiative> similar) {
            return new InitiativeView(id, code, system, phase, titleVi, titleEn, contentOrientation, deadline,
                    leadAgency, coordinatingAgencies, chiefArchitect, key, status, evaluationCriteria,
                    linkedProgrammes, outputs, milestones, overdueOutputs, originInstance, origin, version, createdAt,
                    updatedAt, similar);
        }
    }

    /** An initiative in a list. */
    public record InitiativeSummary(UUID id, String code, String system, String phase, String titleVi,
                                    LocalDate deadline, AgencyRef leadAgency, boolean key, InitiativeStatus status,
                                    long overdueOutputs, String originInstance, String origin, long version) {
    }

    /**
     * What other services replicate (events carry it): an initiative's full state, so that central can take a
     * ministry's initiative from one event and a ministry its catalogue replica from one catalogue item
     * (event-carried state transfer). Outputs and milestones are included; outputs also have events of their own.
     */
    public record InitiativeEventData(UUID id, String code, String system, String phase, String titleVi,
                                      LocalDate deadline, UUID leadAgencyId, String leadAgencyCode,
                                      List<String> coordinatingAgencyCodes, boolean key, InitiativeStatus status,
                                      String originInstance, long version, String titleEn,
                                      String contentOrientation, String chiefArchitectName,
                                      String chiefArchitectPosition, String chiefArchitectAgencyCode,
                                      List<String> evaluationCriteria, List<String> linkedProgrammes,
                                      List<OutputView> outputs, List<MilestoneView> milestones, String createdBy,
                                      OffsetDateTime createdAt, OffsetDateTime updatedAt) {
        public static InitiativeEventData of(Initiative i) {
            LocalDate today = InitiativeService.today();
            return new InitiativeEventData(i.id, i.code, i.systemCode, i.phaseCode, i.titleVi, i.deadline,
                    i.leadAgency.id, i.leadAgency.code, i.coordinators.stream().map(a -> a.code).sorted().toList(),
                    i.key, i.status, i.originInstance, i.version, i.titleEn, i.contentOrientation,
                    i.chiefArchitectName, i.chiefArchitectPosition,
                    i.chiefArchitectAgency == null ? null : i.chiefArchitectAgency.code,
                    List.copyOf(i.evaluationCriteria), List.copyOf(i.linkedProgrammes),
                    i.outputs.stream().map(o -> OutputView.of(o, today)).toList(),
                    i.milestones.stream().map(MilestoneView::of).toList(), i.createdBy, i.createdAt, i.updatedAt);
        }
    }

    public record TransitionView(UUID id, InitiativeStatus from, InitiativeStatus to, String reason, String actor,
                                 String actorAgency, OffsetDateTime occurredAt) {
        public static TransitionView of(StatusTransition t) {
            return new TransitionView(t.id, t.fromStatus, t.toStatus, t.reason, t.actor, t.actorAgency, t.occurredAt);
        }
    }

    /** An initiative that looks like another (pg_trgm similarity of the accent-free title and content). */
    public record SimilarInitiative(UUID id, String code, String titleVi, String leadAgencyCode, double score) {
    }
}
