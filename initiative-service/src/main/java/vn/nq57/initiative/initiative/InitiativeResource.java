package vn.nq57.initiative.initiative;

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
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.nq57.initiative.initiative.InitiativeViews.DeliveryRequest;
import vn.nq57.initiative.initiative.InitiativeViews.InitiativeRequest;
import vn.nq57.initiative.initiative.InitiativeViews.InitiativeSummary;
import vn.nq57.initiative.initiative.InitiativeViews.InitiativeView;
import vn.nq57.initiative.initiative.InitiativeViews.OutputRequest;
import vn.nq57.initiative.initiative.InitiativeViews.OutputView;
import vn.nq57.initiative.initiative.InitiativeViews.SimilarInitiative;
import vn.nq57.initiative.initiative.InitiativeViews.TransitionRequest;
import vn.nq57.initiative.initiative.InitiativeViews.TransitionView;
import vn.nq57.platform.http.ETags;
import vn.nq57.platform.http.Params;
import vn.nq57.platform.idempotency.Idempotent;
import vn.nq57.platform.paging.Page;
import vn.nq57.platform.paging.PageRequest;
import vn.nq57.platform.security.Roles;

@Path("/api/v1/initiatives")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Initiatives", description = "Breakthrough initiatives (sáng kiến đột phá), their outputs and lifecycle")
@RolesAllowed({Roles.CENTRAL_ADMIN, Roles.MINISTRY_ADMIN, Roles.DATA_SUBMITTER, Roles.VIEWER, Roles.FEDERATION})
public class InitiativeResource {

    @Inject
    InitiativeService service;

    @Inject
    OutputService outputs;

    @Inject
    SimilarityService similarity;

    @Context
    UriInfo uri;

    @GET
    @Operation(summary = "Initiatives, paginated", description = "Filters: system (H1..H6), phase (P1..P3), leadAgency "
            + "(code), status, key, deadlineFrom/deadlineTo (YYYY-MM-DD), overdue (has an overdue output), q (text, "
            + "accent-insensitive: 'chuyen doi so' finds 'chuyển đổi số'), origin (the owning instance, e.g. central or "
            + "bkhcn).")
    public Page<InitiativeSummary> list(@QueryParam("system") String system, @QueryParam("phase") String phase,
                                        @QueryParam("leadAgency") String leadAgency,
                                        @QueryParam("status") String status, @QueryParam("key") String key,
                                        @QueryParam("deadlineFrom") String deadlineFrom,
                                        @QueryParam("deadlineTo") String deadlineTo,
                                        @QueryParam("overdue") String overdue, @QueryParam("q") String q,
                                        @QueryParam("origin") String origin, @BeanParam @Valid PageRequest page) {
        return service.list(new InitiativeService.Filter(system, phase, leadAgency,
                Params.enumValue(InitiativeStatus.class, "status", status), Params.bool("key", key),
                Params.date("deadlineFrom", deadlineFrom), Params.date("deadlineTo", deadlineTo), q,
                Params.bool("overdue", overdue), origin), page);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One initiative (by id or code) in full, with its ETag")
    public Response get(@PathParam("id") String idOrCode) {
        Initiative i = byIdOrCode(idOrCode);
        return ETags.ok(InitiativeView.of(i, InitiativeService.today()), i.version);
    }

    @POST
    @Idempotent
    @RolesAllowed({Roles.CENTRAL_ADMIN, Roles.MINISTRY_ADMIN})
    @Operation(summary = "Create an initiative (DRAFT)", description = "A ministry admin creates initiatives led by "
            + "agencies in its scope. The answer lists similar existing initiatives under 'similar' (a warning).")
    public Response create(@NotNull @Valid InitiativeRequest request) {
        InitiativeView view = service.create(request);
        return ETags.created(uri, view.id(), view, view.version());
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed({Roles.CENTRAL_ADMIN, Roles.MINISTRY_ADMIN})
    @Operation(summary = "Replace an initiative's fields (If-Match required)", description = "Outputs are managed "
            + "through /outputs; the 'outputs' member of the body is ignored here. Milestones are replaced.")
    public Response update(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
                           @NotNull @Valid InitiativeRequest request) {
        InitiativeView view = service.update(id, ifMatch, request);
        return ETags.ok(view, view.version());
    }

    @POST
    @Path("/{id}/transitions")
    @RolesAllowed({Roles.CENTRAL_ADMIN, Roles.MINISTRY_ADMIN})
    @Operation(summary = "Change the status, with a reason", description = "DRAFT → APPROVED (central-admin) → "
            + "IN_PROGRESS → COMPLETED; any non-final → SUSPENDED or CANCELLED; SUSPENDED → IN_PROGRESS. An illegal "
            + "transition is 409 naming the allowed ones.")
    public Response transition(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
                               @NotNull @Valid TransitionRequest request) {
        InitiativeView view = service.transition(id, ifMatch, request);
        return ETags.ok(view, view.version());
    }

    @GET
    @Path("/{id}/transitions")
    @Operation(summary = "The status history: who, when, from, to, why")
    public List<TransitionView> transitions(@PathParam("id") UUID id) {
        return service.history(id);
    }

    @GET
    @Path("/{id}/similar")
    @Operation(summary = "Initiatives similar in title or content (accent-insensitive trigram similarity)")
    public List<SimilarInitiative> similar(@PathParam("id") UUID id,
                                           @QueryParam("limit") String limit) {
        Initiative i = service.get(id);
        Integer n = Params.integer("limit", limit);
        return similarity.similarTo(i.titleVi, i.contentOrientation, i.id, n == null ? 10 : Math.max(1, Math.min(n, 50)));
    }

    @GET
    @Path("/similar")
    @Operation(summary = "Initiatives similar to a proposed title and content (check before creating)")
    public List<SimilarInitiative> similarTo(@QueryParam("title") String title, @QueryParam("content") String content) {
        if ((title == null || title.isBlank()) && (content == null || content.isBlank())) {
            throw vn.nq57.platform.error.ApiException.badRequest("title", "give a title or a content to compare");
        }
        return similarity.similarTo(title, content, null, 10);
    }

    @POST
    @Path("/{id}/outputs")
    @Idempotent
    @RolesAllowed({Roles.CENTRAL_ADMIN, Roles.MINISTRY_ADMIN, Roles.DATA_SUBMITTER})
    @Operation(summary = "Add an output")
    public Response addOutput(@PathParam("id") UUID id, @NotNull @Valid OutputRequest request) {
        OutputView view = outputs.add(id, request);
        return ETags.created(uri, view.id(), view, view.version());
    }

    @PUT
    @Path("/{id}/outputs/{outputId}")
    @RolesAllowed({Roles.CENTRAL_ADMIN, Roles.MINISTRY_ADMIN, Roles.DATA_SUBMITTER})
    @Operation(summary = "Update an output (If-Match with the output's version)")
    public Response updateOutput(@PathParam("id") UUID id, @PathParam("outputId") UUID outputId,
                                 @HeaderParam("If-Match") String ifMatch, @NotNull @Valid OutputRequest request) {
        OutputView view = outputs.update(id, outputId, ifMatch, request);
        return ETags.ok(view, view.version());
    }

    @POST
    @Path("/{id}/outputs/{outputId}/delivery")
    @RolesAllowed({Roles.CENTRAL_ADMIN, Roles.MINISTRY_ADMIN, Roles.DATA_SUBMITTER})
    @Operation(summary = "Mark an output delivered, with the evidence link")
    public Response deliver(@PathParam("id") UUID id, @PathParam("outputId") UUID outputId,
                            @HeaderParam("If-Match") String ifMatch, @NotNull @Valid DeliveryRequest request) {
        OutputView view = outputs.deliver(id, outputId, ifMatch, request);
        return ETags.ok(view, view.version());
    }

    private Initiative byIdOrCode(String idOrCode) {
        try {
            return service.get(UUID.fromString(idOrCode));
        } catch (IllegalArgumentException notUuid) {
            return service.getByCode(idOrCode);
        }
    }
}
