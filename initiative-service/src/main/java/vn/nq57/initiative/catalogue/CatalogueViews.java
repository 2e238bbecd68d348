package vn.nq57.initiative.catalogue;

/** DTOs of the fixed catalogue. */
public final class CatalogueViews {
    private CatalogueViews() {
    }

    public record SystemView(String code, String nameVi, String nameEn, String kind) {
        static SystemView of(PlanSystem s) {
            return new SystemView(s.code, s.nameVi, s.nameEn, s.kind);
        }
    }

    public record PhaseView(String code, int startYear, int endYear, String nameVi, String nameEn) {
        static PhaseView of(PlanPhase p) {
            return new PhaseView(p.code, p.startYear, p.endYear, p.nameVi, p.nameEn);
        }
    }
}
