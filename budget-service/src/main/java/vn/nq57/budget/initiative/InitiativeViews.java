package vn.nq57.budget.initiative;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
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
    public record InitiativeFacts(
            @Schema(examples = "H4-07") @Size(max = 30)
            @Pattern(regexp = "[A-Za-z0-9]+(-[A-Za-z0-9]+)*", message = "letters and digits in groups joined by '-', e.g. H4-07")
            String code,
            @Schema(examples = "H4") @Pattern(regexp = "H[1-6]", message = "must be one of H1..H6") String system,
            @Schema(examples = "BKHCN") @Size(max = 50) String leadAgency,
            Boolean key) {
    }

    /** Register or correct an initiative in the replica (interim, until the initiative feed arrives). */
    public record InitiativeRegistration(
            @Schema(examples = "H4-07") @Size(max = 30)
            @Pattern(regexp = "[A-Za-z0-9]+(-[A-Za-z0-9]+)*", message = "letters and digits in groups joined by '-', e.g. H4-07")
            String code,
            @Schema(examples = "H4") @NotBlank @Pattern(regexp = "H[1-6]", message = "must be one of H1..H6") String system,
            @Schema(examples = "BKHCN") @NotBlank @Size(max = 50) String leadAgency,
            @Schema(examples = "IN_PROGRESS") @Size(max = 20) String status,
            Boolean key) {
    }

    public record InitiativeView(UUID id, String code, String system, String leadAgency, String status, boolean key,
                                 String source, OffsetDateTime updatedAt, long version) {
        public static InitiativeView of(InitiativeReplica r) {
            return new InitiativeView(r.id, r.code, r.systemCode, r.leadAgencyCode, r.status, r.key, r.source,
                    r.updatedAt, r.version);
        }
    }

    /** An initiative as allocations and reports name it. */
    public record InitiativeRef(UUID id, String code, String system, boolean key) {
        public static InitiativeRef of(InitiativeReplica r) {
            return new InitiativeRef(r.id, r.code, r.systemCode, r.key);
        }
    }
}
