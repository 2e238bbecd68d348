package vn.nq57.initiative.plan;

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
    @Schema(description = "An initiative to create (POST) or the full new state of one (PUT). Agencies are named by "
            + "code; an unknown code is 422 naming the field.")
    public record InitiativeRequest(
            @Schema(description = "The initiative's code, unique in the plan; it cannot change once created "
                    + "(stored upper-case)", examples = "H4-07") @NotBlank @Size(max = 30)
            @Pattern(regexp = "[A-Za-z0-9]+(-[A-Za-z0-9]+)*", message = "letters and digits in groups joined by '-', e.g. H4-07")
            String code,
            @Schema(description = "The System (hệ thống) of the Strategic Action Plan it belongs to, H1..H6",
                    examples = "H4")
            @NotBlank @Pattern(regexp = "H[1-6]", message = "must be one of H1..H6") String system,
            @Schema(description = "The Phase (giai đoạn) it belongs to, P1..P3", examples = "P2")
            @NotBlank @Pattern(regexp = "P[1-3]", message = "must be one of P1..P3") String phase,
            @Schema(description = "The title in Vietnamese",
                    examples = "Xây dựng Cơ sở dữ liệu quốc gia về khoa học, công nghệ và đổi mới sáng tạo")
            @NotBlank @Size(max = 1000) String titleVi,
            @Schema(description = "The title in English (optional)",
                    examples = "National database on science, technology and innovation")
            @Size(max = 1000) String titleEn,
            @Schema(description = "The content orientation (định hướng nội dung): what the initiative does",
                    examples = "Kết nối, chia sẻ dữ liệu giữa các bộ, ngành và địa phương; chuyển đổi số toàn diện quản lý nhà nước")
            @NotBlank @Size(max = 20000) String contentOrientation,
            @Schema(description = "When it must be completed, within the plan (2025-01-01 to 2045-12-31)",
                    implementation = String.class, format = "date", examples = "2030-12-31")
            @NotNull LocalDate deadline,
            @Schema(description = "The code of the lead agency (cơ quan chủ trì); a ministry admin may only name "
                    + "agencies in its scope", examples = "BKHCN") @NotBlank @Size(max = 50) String leadAgency,
            @Schema(description = "Codes of the coordinating agencies (cơ quan phối hợp), not the lead agency",
                    examples = "[\"BTC\", \"BCA\"]")
            List<@NotBlank @Size(max = 50) String> coordinatingAgencies,
            @Schema(description = "The chief architect (Tổng công trình sư), optional", examples = "{\"name\": "
                    + "\"GS.TS. Nguyễn Văn A\", \"position\": \"Thứ trưởng\", \"agency\": \"BKHCN\"}")
            @Valid ChiefArchitect chiefArchitect,
            @Schema(description = "A key initiative (sáng kiến trọng điểm); absent means false", examples = "true")
            Boolean key,
            @Schema(description = "How completion is judged: one criterion per entry, at least one",
                    examples = "[\"Cơ sở dữ liệu được kết nối với 100% bộ, ngành\"]")
            @NotEmpty List<@NotBlank @Size(max = 2000) String> evaluationCriteria,
            @Schema(description = "Programmes and projects it is linked to (optional)",
                    examples = "[\"Chương trình chuyển đổi số quốc gia\"]")
            List<@NotBlank @Size(max = 1000) String> linkedProgrammes,
            @Schema(description = "The outputs (sản phẩm đầu ra): at least one when creating; ignored by PUT (use "
                    + "the /outputs operations)", examples = "[{\"description\": \"Nền tảng chia sẻ dữ liệu khoa "
                    + "học và công nghệ vận hành chính thức\", \"dueDate\": \"2026-12-31\"}]")
            @Valid List<@NotNull OutputRequest> outputs,
            @Schema(description = "The milestones, in order; a PUT replaces them all", examples = "[{\"title\": "
                    + "\"Hoàn thành thiết kế kiến trúc hệ thống\", \"dueDate\": \"2026-06-30\", \"done\": false}]")
            @Valid List<@NotNull MilestoneRequest> milestones) {
    }

    /** The Tổng công trình sư: the one accountable person. */
    @Schema(description = "The chief architect (Tổng công trình sư): the one person accountable for the initiative")
    public record ChiefArchitect(@Schema(description = "Full name, with titles", examples = "GS.TS. Nguyễn Văn A")
                                 @NotBlank @Size(max = 300) String name,
                                 @Schema(description = "Position held (optional)", examples = "Thứ trưởng")
                                 @Size(max = 300) String position,
                                 @Schema(description = "Code of the agency the person works for (optional)",
                                         examples = "BKHCN")
                                 @Size(max = 50) String agency) {
    }

    @Schema(description = "An output (sản phẩm đầu ra) to add or the new state of one")
    public record OutputRequest(@Schema(description = "What is delivered",
                                        examples = "Nền tảng chia sẻ dữ liệu khoa học và công nghệ vận hành chính thức")
                                @NotBlank @Size(max = 5000) String description,
                                @Schema(description = "When it is due; past due and not delivered or cancelled "
                                        + "makes it overdue", implementation = String.class, format = "date",
                                        examples = "2026-12-31")
                                @NotNull LocalDate dueDate,
                                @Schema(description = "Its status; absent means PLANNED when adding and unchanged "
                                        + "when updating. DELIVERED only when adding (with evidenceLink); to deliver "
                                        + "an existing output use its /delivery operation", examples = "IN_PROGRESS")
                                OutputStatus status,
                                @Schema(description = "Link to the evidence of delivery", examples =
                                        "https://most.gov.vn/van-ban/quyet-dinh-123-qd-bkhcn")
                                @Size(max = 2000) String evidenceLink) {
    }

    @Schema(description = "A milestone of an initiative")
    public record MilestoneRequest(@Schema(description = "What is reached",
                                           examples = "Hoàn thành thiết kế kiến trúc hệ thống")
                                   @NotBlank @Size(max = 1000) String title,
                                   @Schema(description = "When it is due", implementation = String.class,
                                           format = "date", examples = "2026-06-30")
                                   @NotNull LocalDate dueDate,
                                   @Schema(description = "Reached already; absent means false", examples = "false")
                                   Boolean done) {
    }

    @Schema(description = "The delivery of an output")
    public record DeliveryRequest(@Schema(description = "Link to the evidence of delivery",
                                          examples = "https://most.gov.vn/van-ban/quyet-dinh-123-qd-bkhcn")
                                  @NotBlank @Size(max = 2000) String evidenceLink) {
    }

    @Schema(description = "A status change of an initiative, with its reason")
    public record TransitionRequest(@Schema(description = "The new status: one of those the current status allows "
                                            + "(see the operation)", examples = "APPROVED")
                                    @NotNull InitiativeStatus to,
                                    @Schema(description = "Why (kept in the status history)",
                                            examples = "Đã được Ban Chỉ đạo phê duyệt tại phiên họp ngày 15/3/2026")
                                    @NotBlank @Size(max = 5000) String reason) {
    }

    /** An output; {@code origin} is the instance that owns it (the one that owns its initiative). */
    @Schema(description = "An output; `overdue` when past its due date and neither delivered nor cancelled; `origin` "
            + "is the instance that owns it (the one that owns its initiative); `version` is its ETag")
    public record OutputView(UUID id, String description, LocalDate dueDate, OutputStatus status, String evidenceLink,
                             OffsetDateTime deliveredAt, boolean overdue, String origin, long version) {
        public static OutputView of(InitiativeOutput o, LocalDate today) {
            return new OutputView(o.id, o.description, o.dueDate, o.status, o.evidenceLink, o.deliveredAt,
                    o.overdue(today), o.initiative.originInstance, o.version);
        }
    }

    @Schema(description = "A milestone of an initiative")
    public record MilestoneView(UUID id, String title, LocalDate dueDate, boolean done) {
        public static MilestoneView of(Milestone m) {
            return new MilestoneView(m.id, m.title, m.dueDate, m.done);
        }
    }

    @Schema(description = "The chief architect (Tổng công trình sư), with the agency the person works for")
    public record ChiefArchitectView(String name, String position, AgencyRef agency) {
    }

    /**
     * An initiative in full. {@code similar} is only set in the answer to a creation (a warning, not a refusal).
     * {@code origin} (as {@code originInstance}) is the instance that owns it: this one, or the one it is replicated
     * from read-only.
     */
    @Schema(description = "An initiative in full. `similar` is only set in the answer to a creation (a warning, not a "
            + "refusal). `origin` (also as `originInstance`) is the instance that owns it: this one, or the one it is "
            + "replicated from read-only. `version` is its ETag.")
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
    @Schema(description = "An initiative in a list; `overdueOutputs` counts its outputs past due")
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
        public static InitiativeEventData of(Initiative i, LocalDate today) {
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

    @Schema(description = "One status change: from (null for the creation), to, why, who (subject and agency), when")
    public record TransitionView(UUID id, InitiativeStatus from, InitiativeStatus to, String reason, String actor,
                                 String actorAgency, OffsetDateTime occurredAt) {
        public static TransitionView of(StatusTransition t) {
            return new TransitionView(t.id, t.fromStatus, t.toStatus, t.reason, t.actor, t.actorAgency, t.occurredAt);
        }
    }

    /** An initiative that looks like another (pg_trgm similarity of the accent-free title and content). */
    @Schema(description = "An initiative that looks like another: `score` is the higher of the trigram similarities "
            + "(0..1) of the accent-free titles and of the contents (only those of at least the instance's threshold, "
            + "0.3 by default, are listed)")
    public record SimilarInitiative(UUID id, String code, String titleVi, String leadAgencyCode, double score) {
    }
}
