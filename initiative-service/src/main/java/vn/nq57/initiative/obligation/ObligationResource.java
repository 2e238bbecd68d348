package vn.nq57.initiative.obligation;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.nq57.initiative.obligation.ObligationViews.ObligationRequest;
import vn.nq57.initiative.obligation.ObligationViews.ObligationUpdate;
import vn.nq57.initiative.obligation.ObligationViews.ObligationView;
import vn.nq57.platform.http.ETags;
import vn.nq57.platform.http.Params;
import vn.nq57.platform.idempotency.Idempotent;
import vn.nq57.platform.paging.Page;
import vn.nq57.platform.paging.PageRequest;
import vn.nq57.platform.security.Roles;

@Path("/api/v1/obligations")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Obligations", description = "Reporting obligations: which agency reports which indicator, from which "
        + "period, by how many days after each period's end")
@RolesAllowed({Roles.CENTRAL_ADMIN, Roles.MINISTRY_ADMIN, Roles.DATA_SUBMITTER, Roles.VIEWER})
public class ObligationResource {

    static final String ID = "The obligation's id (UUID)";
    static final String ID_EXAMPLE = "5a6b7c8d-9e0f-4a1b-8c2d-3e4f5a6b7c8d";

    @Inject
    ObligationService service;

    @Context
    UriInfo uri;

    @GET
    @Operation(summary = "Reporting obligations, by indicator code and agency", description = "A central admin sees "
            + "all; anyone else the obligations of their agency and the agencies below it. A bad UUID or boolean is "
            + "400 naming the parameter.")
    public Page<ObligationView> list(
            @Parameter(description = "Only obligations to report this indicator (its id)",
                    example = "3f1c8a2e-5b7d-4e9f-a1b2-c3d4e5f6a7b8",
                    schema = @Schema(type = SchemaType.STRING, format = "uuid"))
            @QueryParam("indicatorId") String indicatorId,
            @Parameter(description = "Only obligations of this agency (its code)", example = "BKHCN")
            @QueryParam("agency") String agency,
            @Parameter(description = "true: only those in force; false: only retired ones", example = "true",
                    schema = @Schema(type = SchemaType.BOOLEAN))
            @QueryParam("active") String active,
            @BeanParam @Valid PageRequest page) {
        return service.list(new ObligationService.Filter(Params.uuid("indicatorId", indicatorId), agency,
                Params.bool("active", active)), page);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One obligation, with its ETag", description = "404 when it does not exist or lies outside "
            + "the caller's agency subtree")
    @APIResponse(responseCode = "200", description = "The obligation",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ObligationView.class)))
    public Response get(@Parameter(description = ID, example = ID_EXAMPLE) @PathParam("id") UUID id) {
        ReportingObligation o = service.get(id);
        return ETags.ok(service.view(o), o.version);
    }

    @POST
    @Idempotent
    @RolesAllowed(Roles.CENTRAL_ADMIN)
    @Operation(summary = "Add an obligation (central admins)", description = "It is MANUAL: the defaults never "
            + "change it. An indicator not known here or an unknown agency is 422 naming the field; an agency that "
            + "already has one for the indicator is 409; a period of another frequency than the indicator's is 400.")
    @APIResponse(responseCode = "201", description = "Created; Location is its URL, ETag its version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ObligationView.class)))
    public Response create(@NotNull @Valid ObligationRequest request) {
        ObligationView view = service.create(request);
        return ETags.created(uri, view.id(), view, view.version());
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed(Roles.CENTRAL_ADMIN)
    @Operation(summary = "Edit an obligation (central admins)", description = "Deadline days, first and last period, "
            + "in force or not; the edit makes it MANUAL. If-Match is required (428 without, 412 when stale).")
    @APIResponse(responseCode = "200", description = "The obligation with its new ETag",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ObligationView.class)))
    public Response update(@Parameter(description = ID, example = ID_EXAMPLE) @PathParam("id") UUID id,
                           @HeaderParam("If-Match") String ifMatch,
                           @NotNull @Valid ObligationUpdate request) {
        ObligationView view = service.update(id, ifMatch, request);
        return ETags.ok(view, view.version());
    }
}
