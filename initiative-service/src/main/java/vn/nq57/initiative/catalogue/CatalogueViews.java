package vn.nq57.initiative.catalogue;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** DTOs of the fixed catalogue. */
public final class CatalogueViews {
    private CatalogueViews() {
    }

    /** A System; {@code origin} is the instance that owns it (central). */
    @Schema(description = "A System (hệ thống) of the Strategic Action Plan; `origin` is the instance that owns it "
            + "(central)")
    public record SystemView(String code, String nameVi, String nameEn, String kind, int sortOrder, String origin) {
        public static SystemView of(PlanSystem s, String origin) {
            return new SystemView(s.code, s.nameVi, s.nameEn, s.kind, s.sortOrder, origin);
        }
    }

    /** A Phase; {@code origin} is the instance that owns it (central). */
    @Schema(description = "A Phase (giai đoạn) of the Strategic Action Plan, from startYear to endYear; `origin` is "
            + "the instance that owns it (central)")
    public record PhaseView(String code, int startYear, int endYear, String nameVi, String nameEn, String origin) {
        public static PhaseView of(PlanPhase p, String origin) {
            return new PhaseView(p.code, p.startYear, p.endYear, p.nameVi, p.nameEn, origin);
        }
    }
}
