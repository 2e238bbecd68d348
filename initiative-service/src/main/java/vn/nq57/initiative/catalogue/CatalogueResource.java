package vn.nq57.initiative.catalogue;

import io.quarkus.panache.common.Sort;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.nq57.initiative.catalogue.CatalogueViews.PhaseView;
import vn.nq57.initiative.catalogue.CatalogueViews.SystemView;
import vn.nq57.platform.error.ApiException;
import vn.nq57.platform.federation.Federation;
import vn.nq57.platform.security.Roles;

@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Catalogue", description = "The 6 Systems and 3 Phases of the Strategic Action Plan (fixed)")
@RolesAllowed({Roles.CENTRAL_ADMIN, Roles.MINISTRY_ADMIN, Roles.DATA_SUBMITTER, Roles.VIEWER, Roles.FEDERATION})
public class CatalogueResource {

    @Inject
    Federation federation;

    @GET
    @Path("/systems")
    @Operation(summary = "The 6 Systems (H1–H6)")
    public List<SystemView> systems() {
        return PlanSystem.<PlanSystem>listAll(Sort.by("sortOrder")).stream()
                .map(s -> SystemView.of(s, federation.originOf(s.origin))).toList();
    }

    @GET
    @Path("/systems/{code}")
    @Operation(summary = "One System")
    public SystemView system(@Parameter(description = "The System's code, H1..H6 (case-insensitive)", example = "H4")
                             @PathParam("code") String code) {
        PlanSystem s = PlanSystem.findById(code.toUpperCase());
        if (s == null) {
            throw ApiException.notFound("System", code);
        }
        return SystemView.of(s, federation.originOf(s.origin));
    }

    @GET
    @Path("/phases")
    @Operation(summary = "The 3 Phases (P1 2025–2026, P2 2026–2030, P3 2030–2045)")
    public List<PhaseView> phases() {
        return PlanPhase.<PlanPhase>listAll(Sort.by("code")).stream()
                .map(p -> PhaseView.of(p, federation.originOf(p.origin))).toList();
    }
}
