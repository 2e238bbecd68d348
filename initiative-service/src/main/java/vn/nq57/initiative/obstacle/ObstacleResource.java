package vn.nq57.initiative.obstacle;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
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
import vn.nq57.initiative.obstacle.ObstacleViews.AnswerRequest;
import vn.nq57.initiative.obstacle.ObstacleViews.CloseRequest;
import vn.nq57.initiative.obstacle.ObstacleViews.ObstacleRequest;
import vn.nq57.initiative.obstacle.ObstacleViews.ObstacleView;
import vn.nq57.platform.http.ETags;
import vn.nq57.platform.http.IfMatchOptional;
import vn.nq57.platform.http.Params;
import vn.nq57.platform.idempotency.Idempotent;
import vn.nq57.platform.paging.Page;
import vn.nq57.platform.paging.PageRequest;
import vn.nq57.platform.security.Roles;

@Path("/api/v1/obstacles")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Obstacles", description = "Vướng mắc, kiến nghị: what blocks an initiative, what is asked and of whom")
@RolesAllowed({Roles.CENTRAL_ADMIN, Roles.MINISTRY_ADMIN, Roles.DATA_SUBMITTER, Roles.VIEWER, Roles.FEDERATION})
public class ObstacleResource {

    /** How the path parameters are described in the OpenAPI document. */
    static final String ID = "The obstacle's id (UUID)";
    static final String ID_EXAMPLE = "7e8f9a0b-1c2d-4e3f-8a4b-5c6d7e8f9a0b";

    @Inject
    ObstacleService service;

    @Context
    UriInfo uri;

    @GET
    @Operation(summary = "Obstacles, oldest first", description = "Filters: initiativeId, agency (filed by or asked), "
            + "status, open (OPEN or ANSWERED), minAgeDays, origin (the owning instance, e.g. central or bkhcn). A bad "
            + "UUID, enum, boolean or number is 400 naming the parameter.")
    public Page<ObstacleView> list(
            @Parameter(description = "Only obstacles of this initiative (its id)",
                    example = "0b6f3c2e-6a4d-4f1e-9c1a-2d5e8f7a9b10",
                    schema = @Schema(type = SchemaType.STRING, format = "uuid"))
            @QueryParam("initiativeId") String initiativeId,
            @Parameter(description = "Only obstacles this agency filed or is asked to act on (its code)",
                    example = "BTC")
            @QueryParam("agency") String agency,
            @Parameter(description = "Only obstacles in this status (case-insensitive)", example = "OPEN",
                    schema = @Schema(implementation = ObstacleStatus.class))
            @QueryParam("status") String status,
            @Parameter(description = "true: only open ones (OPEN or ANSWERED); false: only resolved or closed ones",
                    example = "true", schema = @Schema(type = SchemaType.BOOLEAN))
            @QueryParam("open") String open,
            @Parameter(description = "Only obstacles filed at least this many days ago", example = "30",
                    schema = @Schema(type = SchemaType.INTEGER, format = "int32"))
            @QueryParam("minAgeDays") String minAgeDays,
            @Parameter(description = "Only obstacles owned by this instance (central or a ministry instance's id)",
                    example = "bkhcn")
            @QueryParam("origin") String origin,
            @BeanParam @Valid PageRequest page) {
        return service.list(new ObstacleService.Filter(Params.uuid("initiativeId", initiativeId), agency,
                Params.enumValue(ObstacleStatus.class, "status", status), Params.bool("open", open),
                Params.integer("minAgeDays", minAgeDays), origin), page);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One obstacle, with its ETag")
    @APIResponse(responseCode = "200", description = "The obstacle",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ObstacleView.class)))
    public Response get(@Parameter(description = ID, example = ID_EXAMPLE) @PathParam("id") UUID id) {
        Obstacle o = service.get(id);
        return ETags.ok(ObstacleView.of(o), o.version);
    }

    @POST
    @Idempotent
    @RolesAllowed({Roles.CENTRAL_ADMIN, Roles.MINISTRY_ADMIN, Roles.DATA_SUBMITTER})
    @Operation(summary = "File an obstacle against an initiative the filing agency leads or coordinates",
            description = "It starts OPEN. The filing agency must be in the caller's scope and lead or coordinate the "
                    + "initiative (403 otherwise, except for central admins); the asked agency must be another one "
                    + "(400). An unknown agency code is 422 naming the field; an unknown initiative is 404.")
    @APIResponse(responseCode = "201", description = "Filed (OPEN); Location is its URL, ETag its version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ObstacleView.class)))
    public Response file(@NotNull @Valid ObstacleRequest request) {
        ObstacleView view = service.file(request);
        return ETags.created(uri, view.id(), view, view.version());
    }

    @POST
    @Path("/{id}/answer")
    @RolesAllowed({Roles.CENTRAL_ADMIN, Roles.MINISTRY_ADMIN})
    @Operation(summary = "Answer an obstacle (an admin of the asked agency)", description = "OPEN → ANSWERED (an "
            + "ANSWERED one may be answered again). 409: it is RESOLVED or CLOSED (`currentStatus`), or a read-only "
            + "replica of another instance's obstacle. If-Match is checked when sent.")
    @APIResponse(responseCode = "200", description = "The obstacle, now ANSWERED, with its new ETag",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ObstacleView.class)))
    @IfMatchOptional
    public Response answer(@Parameter(description = ID, example = ID_EXAMPLE) @PathParam("id") UUID id,
                           @HeaderParam("If-Match") String ifMatch,
                           @NotNull @Valid AnswerRequest request) {
        ObstacleView view = service.answer(id, ifMatch, request);
        return ETags.ok(view, view.version());
    }

    @POST
    @Path("/{id}/resolve")
    @RolesAllowed({Roles.CENTRAL_ADMIN, Roles.MINISTRY_ADMIN, Roles.DATA_SUBMITTER})
    @Operation(summary = "Mark an answered obstacle resolved (the filing agency)", description = "ANSWERED → "
            + "RESOLVED. 409: it is not answered yet (close it instead: `allowed`), already RESOLVED or CLOSED "
            + "(`currentStatus`), or a read-only replica. If-Match is checked when sent.")
    @APIResponse(responseCode = "200", description = "The obstacle, now RESOLVED, with its new ETag",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ObstacleView.class)))
    @IfMatchOptional
    public Response resolve(@Parameter(description = ID, example = ID_EXAMPLE) @PathParam("id") UUID id,
                            @HeaderParam("If-Match") String ifMatch,
                            @NotNull @Valid CloseRequest request) {
        ObstacleView view = service.resolve(id, ifMatch, request);
        return ETags.ok(view, view.version());
    }

    @POST
    @Path("/{id}/close")
    @RolesAllowed({Roles.CENTRAL_ADMIN, Roles.MINISTRY_ADMIN, Roles.DATA_SUBMITTER})
    @Operation(summary = "Close an obstacle without resolution (withdrawn, no longer relevant)", description = "OPEN "
            + "or ANSWERED → CLOSED, by the filing agency. 409: already RESOLVED or CLOSED (`currentStatus`), or a "
            + "read-only replica. If-Match is checked when sent.")
    @APIResponse(responseCode = "200", description = "The obstacle, now CLOSED, with its new ETag",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ObstacleView.class)))
    @IfMatchOptional
    public Response close(@Parameter(description = ID, example = ID_EXAMPLE) @PathParam("id") UUID id,
                          @HeaderParam("If-Match") String ifMatch,
                          @NotNull @Valid CloseRequest request) {
        ObstacleView view = service.withdraw(id, ifMatch, request);
        return ETags.ok(view, view.version());
    }
}
