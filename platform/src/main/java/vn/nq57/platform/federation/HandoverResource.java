package vn.nq57.platform.federation;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.nq57.platform.error.ApiException;
import vn.nq57.platform.security.Caller;
import vn.nq57.platform.security.Roles;

/**
 * The rows of a ministry instance, moving between central and the ministry (issue #20): central serves an instance
 * its own rows page by page; a ministry shows how far its pull has come and rebuilds from central on request.
 */
@Path("/api/v1/federation/handover")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Federation", description = "Ministry instances report to central; central serves the catalogue")
public class HandoverResource {

    @Inject
    Federation federation;

    @Inject
    HandoverRows rows;

    @Inject
    HandoverPuller puller;

    @Inject
    Caller caller;

    @GET
    @RolesAllowed({Roles.CENTRAL_ADMIN, Roles.MINISTRY_ADMIN})
    @Operation(summary = "How far this ministry's pull of its rows has come (ministry)", description = "Per kind of "
            + "row: done, rows written, rows of central's copy not taken (the first 100 listed with the reason: this "
            + "instance holds a row of its own for the same key)")
    public HandoverPuller.Progress progress() {
        requireMinistry();
        return puller.progress();
    }

    @POST
    @Path("/rebuild")
    @RolesAllowed(Roles.MINISTRY_ADMIN)
    @Operation(summary = "Pull this instance's rows from central again (ministry)", description = "After a loss: every "
            + "row central holds for this instance is written here as its own (a newer row here stays). Runs in the "
            + "background; 202 with the progress, follow it at GET /api/v1/federation/handover.")
    @APIResponse(responseCode = "202", description = "Started: the pull's progress as it starts",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = HandoverPuller.Progress.class)))
    public Response rebuild() {
        requireMinistry();
        return Response.accepted(puller.rebuild()).build();
    }

    @GET
    @Path("/{kind}")
    @Transactional
    @RolesAllowed({Roles.FEDERATION, Roles.CENTRAL_ADMIN})
    @Operation(summary = "A page of the rows an instance owns here (central)", description = "The rows of one kind "
            + "(see the instance's kinds) the calling ministry owns at central, every column as stored, in key order; "
            + "pass the answer's next as after for the following page. A central admin names the instance.")
    public HandoverRows.Page page(@PathParam("kind") @Pattern(regexp = "[a-z_-]{1,50}") String kind,
                                  @Parameter(description = "The key after which to start (the previous page's next)")
                                  @QueryParam("after") @Size(max = 300) String after,
                                  @Parameter(description = "Rows per page, 1 to 5000", example = "1000")
                                  @QueryParam("limit") @DefaultValue("1000") @Min(1) @Max(5000) int limit,
                                  @Parameter(description = "(central admin) The instance", example = "bkhcn")
                                  @QueryParam("instance") @Pattern(regexp = InstancesResource.INSTANCE) String instance) {
        if (federation.isMinistry()) {
            throw ApiException.conflict("this is a ministry instance; central serves an instance's rows");
        }
        String of = caller.hasRole(Roles.FEDERATION) ? FederationResource.sender(caller) : instance;
        if (of == null) {
            throw ApiException.badRequest("instance", "name the ministry instance, e.g. bkhcn");
        }
        Handover.Kind k = rows.kind(kind).orElseThrow(() -> ApiException.notFound("kind of row", kind));
        return rows.page(k, of, after, limit);
    }

    private void requireMinistry() {
        if (!federation.isMinistry()) {
            throw ApiException.conflict("this is the central instance; see GET /api/v1/federation/instances");
        }
    }
}
