package vn.nq57.initiative.agency;

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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.Context;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.nq57.initiative.agency.AgencyViews.AgencyNode;
import vn.nq57.initiative.agency.AgencyViews.AgencyRequest;
import vn.nq57.initiative.agency.AgencyViews.AgencyView;
import vn.nq57.platform.http.ETags;
import vn.nq57.platform.http.Params;
import vn.nq57.platform.idempotency.Idempotent;
import vn.nq57.platform.paging.Page;
import vn.nq57.platform.paging.PageRequest;
import vn.nq57.platform.security.Roles;

@Path("/api/v1/agencies")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Agencies", description = "The agency tree: lead and coordinating bodies, reporting units, user scope")
@RolesAllowed({Roles.CENTRAL_ADMIN, Roles.MINISTRY_ADMIN, Roles.DATA_SUBMITTER, Roles.VIEWER, Roles.FEDERATION})
public class AgencyResource {

    @Inject
    AgencyService service;

    @Context
    UriInfo uri;

    @GET
    @Operation(summary = "Agencies, flat and paginated", description = "Filters: level, parent (code), q (accent-insensitive text on code and names).")
    public Page<AgencyView> list(@QueryParam("level") String level, @QueryParam("parent") String parent,
                                 @QueryParam("q") String q, @BeanParam @Valid PageRequest page) {
        return service.list(Params.enumValue(AgencyLevel.class, "level", level), parent, q, page);
    }

    @GET
    @Path("/tree")
    @Operation(summary = "The agency tree", description = "Optionally from one root (code) and keeping only branches that hold a level.")
    public List<AgencyNode> tree(@QueryParam("level") String level, @QueryParam("root") String root) {
        return service.tree(Params.enumValue(AgencyLevel.class, "level", level), root);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One agency (by id or code), with its ETag")
    public Response get(@PathParam("id") String idOrCode) {
        Agency a = byIdOrCode(idOrCode);
        return ETags.ok(AgencyView.of(a), a.version);
    }

    @POST
    @Idempotent
    @RolesAllowed(Roles.CENTRAL_ADMIN)
    @Operation(summary = "Create an agency (central-admin)")
    public Response create(@NotNull @Valid AgencyRequest request) {
        Agency a = service.create(request);
        return ETags.created(uri, a.id, AgencyView.of(a), a.version);
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed(Roles.CENTRAL_ADMIN)
    @Operation(summary = "Replace an agency (central-admin; If-Match required)")
    public Response update(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
                           @NotNull @Valid AgencyRequest request) {
        Agency a = service.update(id, ifMatch, request);
        return ETags.ok(AgencyView.of(a), a.version);
    }

    private Agency byIdOrCode(String idOrCode) {
        try {
            return service.get(UUID.fromString(idOrCode));
        } catch (IllegalArgumentException notUuid) {
            return service.getByCode(idOrCode);
        }
    }
}
