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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
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

    /** How the path parameters are described in the OpenAPI document. */
    static final String ID_OR_CODE = "The agency's id (UUID) or code";
    static final String ID = "The agency's id (UUID; its code is not accepted here)";
    static final String ID_EXAMPLE = "3f2a1b4c-5d6e-4f70-8a91-b2c3d4e5f607";

    @Inject
    AgencyService service;

    @Context
    UriInfo uri;

    @GET
    @Operation(summary = "Agencies, flat and paginated", description = "Filters: level, parent (code), q "
            + "(accent-insensitive text on code and names). Sorted by code.")
    public Page<AgencyView> list(
            @Parameter(description = "Only agencies of this level (case-insensitive)", example = "MINISTRY",
                    schema = @Schema(implementation = AgencyLevel.class))
            @QueryParam("level") String level,
            @Parameter(description = "Only the agencies directly below this one (its code)", example = "BKHCN")
            @QueryParam("parent") String parent,
            @Parameter(description = "Text in the code or names, ignoring accents and case", example = "khoa hoc")
            @QueryParam("q") String q,
            @BeanParam @Valid PageRequest page) {
        return service.list(Params.enumValue(AgencyLevel.class, "level", level), parent, q, page);
    }

    @GET
    @Path("/tree")
    @Operation(summary = "The agency tree", description = "Optionally from one root (code) and keeping only branches that hold a level.")
    public List<AgencyNode> tree(
            @Parameter(description = "Keep only the branches that lead to agencies of this level (case-insensitive)",
                    example = "PROVINCE", schema = @Schema(implementation = AgencyLevel.class))
            @QueryParam("level") String level,
            @Parameter(description = "Only the subtree of this agency (its code; unknown is 404)", example = "BKHCN")
            @QueryParam("root") String root) {
        return service.tree(Params.enumValue(AgencyLevel.class, "level", level), root);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One agency (by id or code), with its ETag")
    @APIResponse(responseCode = "200", description = "The agency",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = AgencyView.class)))
    public Response get(@Parameter(description = ID_OR_CODE, example = "BKHCN") @PathParam("id") String idOrCode) {
        Agency a = byIdOrCode(idOrCode);
        return ETags.ok(AgencyView.of(a), a.version);
    }

    @POST
    @Idempotent
    @RolesAllowed(Roles.CENTRAL_ADMIN)
    @Operation(summary = "Create an agency (central-admin)", description = "409: the code exists already, or this is "
            + "a ministry instance, which holds a read-only replica of the national agency tree (type "
            + "read-only-replica). An unknown parentCode is 422.")
    @APIResponse(responseCode = "201", description = "Created; Location is its URL, ETag its version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = AgencyView.class)))
    public Response create(@NotNull @Valid AgencyRequest request) {
        Agency a = service.create(request);
        return ETags.created(uri, a.id, AgencyView.of(a), a.version);
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed(Roles.CENTRAL_ADMIN)
    @Operation(summary = "Replace an agency (central-admin; If-Match required)", description = "The code cannot "
            + "change (it is the scope key in tokens: 400). An unknown parentCode, or one below the agency itself, is "
            + "422. 409 at a ministry instance (read-only replica of the agency tree).")
    @APIResponse(responseCode = "200", description = "The agency as updated, with its new ETag",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = AgencyView.class)))
    public Response update(@Parameter(description = ID, example = ID_EXAMPLE) @PathParam("id") UUID id,
                           @HeaderParam("If-Match") String ifMatch,
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
