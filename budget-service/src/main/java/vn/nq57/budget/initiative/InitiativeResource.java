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
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.nq57.budget.initiative.InitiativeViews.InitiativeRegistration;
import vn.nq57.budget.initiative.InitiativeViews.InitiativeView;
import vn.nq57.platform.http.ETags;
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

    @GET
    @Operation(summary = "Initiatives known to budget-service", description = "Filters: system, leadAgency, key.")
    public Page<InitiativeView> list(@QueryParam("system") String system, @QueryParam("leadAgency") String leadAgency,
                                     @QueryParam("key") String key, @BeanParam @Valid PageRequest page) {
        return directory.list(system, leadAgency, Params.bool("key", key), page);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One initiative of the replica, with its ETag")
    public Response get(@PathParam("id") String id) {
        InitiativeReplica r = directory.get(uuid(id));
        return ETags.ok(InitiativeView.of(r), r.version);
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed({Roles.CENTRAL_ADMIN, Roles.MINISTRY_ADMIN})
    @Operation(summary = "Register or correct an initiative (interim, until the initiative feed arrives)",
            description = "Creates the entry (201) or replaces it (200; If-Match required). A key initiative must be "
                    + "known here for the priority report to list it while it has no allocation.")
    public Response register(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch,
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
