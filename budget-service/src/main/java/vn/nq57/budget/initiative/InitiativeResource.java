package vn.nq57.budget.initiative;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
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
import vn.nq57.budget.initiative.InitiativeViews.InitiativeRegistration;
import vn.nq57.budget.initiative.InitiativeViews.InitiativeView;
import vn.nq57.budget.initiative.InitiativeViews.InitiativeViewPage;
import vn.nq57.platform.http.ETags;
import vn.nq57.platform.http.IfMatchOptional;
import vn.nq57.platform.http.Params;
import vn.nq57.platform.paging.Page;
import vn.nq57.platform.paging.PageRequest;
import vn.nq57.platform.security.Roles;

@Path("/api/v1/initiatives")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Initiative replica", description = "The initiatives budget-service knows (System, lead agency, key flag)")
@RolesAllowed({Roles.CENTRAL_ADMIN, Roles.MINISTRY_ADMIN, Roles.DATA_SUBMITTER, Roles.VIEWER, Roles.FEDERATION})
public class InitiativeResource {

    @Inject
    InitiativeDirectory directory;

    @Context
    UriInfo uri;

    static final String ID = "The initiative's id (UUID, the same as at initiative-service)";

    @GET
    @Operation(summary = "Initiatives known to budget-service", description = "Filters: system, leadAgency, key.")
    @APIResponse(responseCode = "200", description = "A page of the replica, by code",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = InitiativeViewPage.class)))
    public Page<InitiativeView> list(
            @Parameter(description = "Only initiatives of this System (H1..H6)", example = "H4",
                    schema = @Schema(type = SchemaType.STRING, pattern = "H[1-6]"))
            @QueryParam("system") String system,
            @Parameter(description = "Only initiatives of this lead agency (its code)", example = "BKHCN")
            @QueryParam("leadAgency") String leadAgency,
            @Parameter(description = "true: only key initiatives; false: only the others", example = "true",
                    schema = @Schema(type = SchemaType.BOOLEAN))
            @QueryParam("key") String key,
            @BeanParam @Valid PageRequest page) {
        return directory.list(system, leadAgency, Params.bool("key", key), page);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One initiative of the replica, with its ETag")
    @APIResponse(responseCode = "200", description = "The initiative as budget-service knows it; its ETag is the "
            + "version to send as If-Match",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = InitiativeView.class)))
    public Response get(@Parameter(description = ID, example = "3f1c2a9e-7b4d-4c1e-9a57-2b8f0d6e1c42",
                                   schema = @Schema(type = SchemaType.STRING, format = "uuid"))
                        @PathParam("id") String id) {
        InitiativeReplica r = directory.get(uuid(id));
        return ETags.ok(InitiativeView.of(r), r.version);
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed({Roles.CENTRAL_ADMIN, Roles.MINISTRY_ADMIN})
    @Operation(summary = "Register or correct an initiative (interim, until the initiative feed arrives)",
            description = "Creates the entry (201) or replaces it (200; If-Match required). A key initiative must be "
                    + "known here for the priority report to list it while it has no allocation. An entry that came "
                    + "from the initiative feed (source EVENT) is read-only here (409). If-Match is only needed to "
                    + "replace an existing entry; registering a new one needs none.")
    @APIResponse(responseCode = "201", description = "Registered: the new entry, at `Location`",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = InitiativeView.class)))
    @APIResponse(responseCode = "200", description = "Corrected: the entry with its new facts",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = InitiativeView.class)))
    @IfMatchOptional
    public Response register(@Parameter(description = ID, example = "3f1c2a9e-7b4d-4c1e-9a57-2b8f0d6e1c42",
                                        schema = @Schema(type = SchemaType.STRING, format = "uuid"))
                             @PathParam("id") String id, @HeaderParam("If-Match") String ifMatch,
                             @NotNull @Valid InitiativeRegistration request) {
        InitiativeDirectory.RegistrationResult result = directory.register(uuid(id), ifMatch, request);
        InitiativeView view = result.view();
        if (result.created()) {
            return Response.created(uri.getAbsolutePath()).entity(view).tag(ETags.of(view.version())).build();
        }
        return ETags.ok(view, view.version());
    }

    private static UUID uuid(String id) {
        return Params.uuid("id", id);
    }
}
