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
    public record AgencyView(UUID id, String code, String nameVi, String nameEn, AgencyLevel level, String parentCode,
                             String originInstance, String origin, long version) {
        public static AgencyView of(Agency a) {
            return new AgencyView(a.id, a.code, a.nameVi, a.nameEn, a.level, a.parent == null ? null : a.parent.code,
                    a.originInstance, a.originInstance, a.version);
        }
    }

    /** A short reference to an agency inside another resource. */
    public record AgencyRef(UUID id, String code, String nameVi) {
        public static AgencyRef of(Agency a) {
            return a == null ? null : new AgencyRef(a.id, a.code, a.nameVi);
        }
    }

    /** The agency tree, one node per agency with its children. */
    public record AgencyNode(UUID id, String code, String nameVi, String nameEn, AgencyLevel level,
                             List<AgencyNode> children) {
    }

    /** Create or replace an agency (central-admin). */
    public record AgencyRequest(
            @Schema(examples = "BKHCN-VKHCNQG") @NotBlank @Size(max = 50)
            @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9_-]*", message = "letters, digits, '-' and '_' only") String code,
            @Schema(examples = "Viện Chiến lược, Chính sách khoa học và công nghệ") @NotBlank @Size(max = 500) String nameVi,
            @Size(max = 500) String nameEn,
            @NotNull AgencyLevel level,
            @Size(max = 50) String parentCode) {
    }
}
