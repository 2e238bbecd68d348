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
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.nq57.initiative.obstacle.ObstacleViews.AnswerRequest;
import vn.nq57.initiative.obstacle.ObstacleViews.CloseRequest;
import vn.nq57.initiative.obstacle.ObstacleViews.ObstacleRequest;
import vn.nq57.initiative.obstacle.ObstacleViews.ObstacleView;
import vn.nq57.platform.http.ETags;
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

    @Inject
    ObstacleService service;

    @Context
    UriInfo uri;

    @GET
    @Operation(summary = "Obstacles, oldest first", description = "Filters: initiativeId, agency (filed by or asked), "
            + "status, open (OPEN or ANSWERED), minAgeDays, origin (the owning instance, e.g. central or bkhcn).")
    public Page<ObstacleView> list(@QueryParam("initiativeId") String initiativeId, @QueryParam("agency") String agency,
                                   @QueryParam("status") String status, @QueryParam("open") String open,
                                   @QueryParam("minAgeDays") String minAgeDays, @QueryParam("origin") String origin,
                                   @BeanParam @Valid PageRequest page) {
        return service.list(new ObstacleService.Filter(Params.uuid("initiativeId", initiativeId), agency,
                Params.enumValue(ObstacleStatus.class, "status", status), Params.bool("open", open),
                Params.integer("minAgeDays", minAgeDays), origin), page);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One obstacle, with its ETag")
    public Response get(@PathParam("id") UUID id) {
        Obstacle o = service.get(id);
        return ETags.ok(ObstacleView.of(o), o.version);
    }

    @POST
    @Idempotent
    @RolesAllowed({Roles.CENTRAL_ADMIN, Roles.MINISTRY_ADMIN, Roles.DATA_SUBMITTER})
    @Operation(summary = "File an obstacle against an initiative the filing agency leads or coordinates")
    public Response file(@NotNull @Valid ObstacleRequest request) {
        ObstacleView view = service.file(request);
        return ETags.created(uri, view.id(), view, view.version());
    }

    @POST
    @Path("/{id}/answer")
    @RolesAllowed({Roles.CENTRAL_ADMIN, Roles.MINISTRY_ADMIN})
    @Operation(summary = "Answer an obstacle (an admin of the asked agency)")
    public Response answer(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
                           @NotNull @Valid AnswerRequest request) {
        ObstacleView view = service.answer(id, ifMatch, request);
        return ETags.ok(view, view.version());
    }

    @POST
    @Path("/{id}/resolve")
    @RolesAllowed({Roles.CENTRAL_ADMIN, Roles.MINISTRY_ADMIN, Roles.DATA_SUBMITTER})
    @Operation(summary = "Mark an answered obstacle resolved (the filing agency)")
    public Response resolve(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
                            @NotNull @Valid CloseRequest request) {
        ObstacleView view = service.resolve(id, ifMatch, request);
        return ETags.ok(view, view.version());
    }

    @POST
    @Path("/{id}/close")
    @RolesAllowed({Roles.CENTRAL_ADMIN, Roles.MINISTRY_ADMIN, Roles.DATA_SUBMITTER})
    @Operation(summary = "Close an obstacle without resolution (withdrawn, no longer relevant)")
    public Response close(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
                          @NotNull @Valid CloseRequest request) {
        ObstacleView view = service.withdraw(id, ifMatch, request);
        return ETags.ok(view, view.version());
    }
}
