package vn.nq57.budget.initiative;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** DTOs of the initiative replica. */
public final class InitiativeViews {
    private InitiativeViews() {
    }

    /**
     * The initiative facts an allocation request carries for an initiative this service does not know yet (until the
     * initiative feed arrives). For a known initiative they are optional and, when given, must match.
     */
    @Schema(description = "An initiative's facts as an allocation request gives them for an initiative budget-service "
            + "does not know yet (system and leadAgency required then); for a known one optional, and they must match")
    public record InitiativeFacts(
            @Schema(description = "The initiative's code", examples = "H4-07") @Size(max = 30)
            @Pattern(regexp = "[A-Za-z0-9]+(-[A-Za-z0-9]+)*", message = "letters and digits in groups joined by '-', e.g. H4-07")
            String code,
            @Schema(description = "The System (H1..H6) the initiative belongs to", examples = "H4")
            @Pattern(regexp = "H[1-6]", message = "must be one of H1..H6") String system,
            @Schema(description = "The lead agency's code (an agency of the instance's agency tree)", examples = "BKHCN")
            @Size(max = 50) String leadAgency,
            @Schema(description = "Whether it is a key initiative (funded first)", examples = "true") Boolean key) {
    }

    /** Register or correct an initiative in the replica (interim, until the initiative feed arrives). */
    @Schema(description = "Register or correct an initiative in budget-service's replica")
    public record InitiativeRegistration(
            @Schema(description = "The initiative's code", examples = "H4-07") @Size(max = 30)
            @Pattern(regexp = "[A-Za-z0-9]+(-[A-Za-z0-9]+)*", message = "letters and digits in groups joined by '-', e.g. H4-07")
            String code,
            @Schema(description = "The System (H1..H6) the initiative belongs to", examples = "H4")
            @NotBlank @Pattern(regexp = "H[1-6]", message = "must be one of H1..H6") String system,
            @Schema(description = "The lead agency's code (an agency of the instance's agency tree)", examples = "BKHCN")
            @NotBlank @Size(max = 50) String leadAgency,
            @Schema(description = "The initiative's status at initiative-service (DRAFT, APPROVED, IN_PROGRESS, "
                    + "COMPLETED, SUSPENDED, CANCELLED); a CANCELLED initiative gets no new allocation",
                    examples = "IN_PROGRESS")
            @Size(max = 20) String status,
            @Schema(description = "Whether it is a key initiative (funded first; listed by the priority report while "
                    + "it has no approved allocation)", examples = "true") Boolean key) {
    }

    @Schema(name = "InitiativeReplicaView", description = "An initiative as budget-service knows it: `source` EVENT "
            + "(from initiative-service's feed, read-only here) or REQUEST (registered through this API)")
    public record InitiativeView(UUID id, String code, String system, String leadAgency, String status, boolean key,
                                 String source, OffsetDateTime updatedAt, long version) {
        public static InitiativeView of(InitiativeReplica r) {
            return new InitiativeView(r.id, r.code, r.systemCode, r.leadAgencyCode, r.status, r.key, r.source,
                    r.updatedAt, r.version);
        }
    }

    /** The JSON of {@code Page<InitiativeView>}, for the API contract only (the list's page type, by its name). */
    @Schema(name = "PageInitiativeReplicaView", description = "A page of the initiative replica")
    public record InitiativeViewPage(List<InitiativeView> items, int page, int size, long total) {
    }

    /** An initiative as allocations and reports name it. */
    @Schema(description = "An initiative as an allocation names it")
    public record InitiativeRef(UUID id, String code, String system, boolean key) {
        public static InitiativeRef of(InitiativeReplica r) {
            return new InitiativeRef(r.id, r.code, r.systemCode, r.key);
        }
    }
}
