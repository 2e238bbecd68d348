package vn.nq57.initiative.agency;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** DTOs of agencies. */
public final class AgencyViews {
    private AgencyViews() {
    }

    /** An agency as the API shows it. */
    @Schema(description = "An agency: `parentCode` is the agency above it (none for a root); `origin` (also as "
            + "`originInstance`) is the instance that owns it; `version` is its ETag")
    public record AgencyView(UUID id, String code, String nameVi, String nameEn, AgencyLevel level, String parentCode,
                             String originInstance, String origin, long version) {
        public static AgencyView of(Agency a) {
            return new AgencyView(a.id, a.code, a.nameVi, a.nameEn, a.level, a.parent == null ? null : a.parent.code,
                    a.originInstance, a.originInstance, a.version);
        }
    }

    /** A short reference to an agency inside another resource. */
    @Schema(description = "A short reference to an agency inside another resource")
    public record AgencyRef(UUID id, String code, String nameVi) {
        public static AgencyRef of(Agency a) {
            return a == null ? null : new AgencyRef(a.id, a.code, a.nameVi);
        }
    }

    /** The agency tree, one node per agency with its children. */
    @Schema(description = "The agency tree: one node per agency with its children, sorted by code")
    public record AgencyNode(UUID id, String code, String nameVi, String nameEn, AgencyLevel level,
                             List<AgencyNode> children) {
    }

    /** Create or replace an agency (central-admin). */
    @Schema(description = "An agency to create (POST) or the full new state of one (PUT)")
    public record AgencyRequest(
            @Schema(description = "The agency's code, unique; it cannot change once created (it is the `agency` "
                    + "claim of tokens; stored upper-case)", examples = "BKHCN-VKHCNQG") @NotBlank @Size(max = 50)
            @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9_-]*", message = "letters, digits, '-' and '_' only") String code,
            @Schema(description = "The name in Vietnamese",
                    examples = "Viện Chiến lược, Chính sách khoa học và công nghệ")
            @NotBlank @Size(max = 500) String nameVi,
            @Schema(description = "The name in English (optional)",
                    examples = "National Institute for Science and Technology Policy and Strategy Studies")
            @Size(max = 500) String nameEn,
            @Schema(description = "The kind of agency", examples = "INSTITUTE")
            @NotNull AgencyLevel level,
            @Schema(description = "The code of the agency above it (optional: none makes it a root); it must exist "
                    + "and not lie below this agency", examples = "BKHCN")
            @Size(max = 50) String parentCode) {
    }
}
