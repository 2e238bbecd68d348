package vn.nq57.budget.allocation;

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
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.nq57.budget.allocation.AllocationViews.AllocationRequest;
import vn.nq57.budget.allocation.AllocationViews.AllocationView;
import vn.nq57.budget.allocation.AllocationViews.AmendmentRequest;
import vn.nq57.budget.allocation.AllocationViews.ApprovalRequest;
import vn.nq57.budget.allocation.AllocationViews.CancellationRequest;
import vn.nq57.budget.allocation.AllocationViews.HistoryEntry;
import vn.nq57.platform.federation.OriginFilter;
import vn.nq57.platform.http.ETags;
import vn.nq57.platform.http.Params;
import vn.nq57.platform.idempotency.Idempotent;
import vn.nq57.platform.paging.Page;
import vn.nq57.platform.paging.PageRequest;
import vn.nq57.platform.security.Roles;

@Path("/api/v1/allocations")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Allocations", description = "Money for an initiative in a fiscal year from a funding source")
@RolesAllowed({Roles.CENTRAL_ADMIN, Roles.MINISTRY_ADMIN, Roles.DATA_SUBMITTER, Roles.VIEWER, Roles.FEDERATION})
public class AllocationResource {

    @Inject
    AllocationService service;

    @Inject
    OriginFilter origins;

    @Context
    UriInfo uri;

    static final String ID_OR_CODE = "The allocation's id (UUID) or code";
    static final String ORIGIN = "Only allocations owned by this instance: at central, `central` for its own, a "
            + "ministry's instance id (e.g. `bkhcn`) for those it reported";

    @GET
    @Operation(summary = "Allocations, by fiscal year and code", description = "Filters: fiscalYear, initiativeId, "
            + "system (H1..H6), leadAgency (code), fundingSource, status, key, origin (the owning instance: at central, "
            + "central for its own allocations, a ministry's id for those it reported).")
    public Page<AllocationView> list(
            @Parameter(description = "Only allocations of this fiscal year", example = "2026",
                    schema = @Schema(type = SchemaType.INTEGER, format = "int32"))
            @QueryParam("fiscalYear") String fiscalYear,
            @Parameter(description = "Only allocations of this initiative (its id)",
                    example = "3f1c2a9e-7b4d-4c1e-9a57-2b8f0d6e1c42",
                    schema = @Schema(type = SchemaType.STRING, format = "uuid"))
            @QueryParam("initiativeId") String initiativeId,
            @Parameter(description = "Only initiatives of this System (H1..H6)", example = "H4",
                    schema = @Schema(type = SchemaType.STRING, pattern = "H[1-6]"))
            @QueryParam("system") String system,
            @Parameter(description = "Only allocations of this lead agency (its code)", example = "BKHCN")
            @QueryParam("leadAgency") String leadAgency,
            @Parameter(description = "Only allocations from this funding source", example = "CENTRAL_BUDGET",
                    schema = @Schema(implementation = FundingSource.class))
            @QueryParam("fundingSource") String fundingSource,
            @Parameter(description = "Only allocations in this status", example = "APPROVED",
                    schema = @Schema(implementation = AllocationStatus.class))
            @QueryParam("status") String status,
            @Parameter(description = "true: only key initiatives; false: only the others", example = "true",
                    schema = @Schema(type = SchemaType.BOOLEAN))
            @QueryParam("key") String key,
            @Parameter(description = ORIGIN, example = "bkhcn")
            @QueryParam("origin") String origin,
            @BeanParam @Valid PageRequest page) {
        return service.list(new AllocationService.Filter(Params.integer("fiscalYear", fiscalYear),
                Params.uuid("initiativeId", initiativeId), system, leadAgency,
                Params.enumValue(FundingSource.class, "fundingSource", fundingSource),
                Params.enumValue(AllocationStatus.class, "status", status), Params.bool("key", key),
                origins.parse(origin)), page);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One allocation (by id or code), with its ETag")
    @APIResponse(responseCode = "200", description = "The allocation; its ETag is the version to send as If-Match",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = AllocationView.class)))
    public Response get(@Parameter(description = ID_OR_CODE, example = "AL-2026-000042")
                        @PathParam("id") String idOrCode) {
        Allocation a = service.getByIdOrCode(idOrCode);
        return ETags.ok(AllocationView.of(a), a.version);
    }

    @GET
    @Path("/{id}/history")
    @Operation(summary = "The allocation's history: creation, amendments (old and new amount), approval, cancellation")
    public List<HistoryEntry> history(@Parameter(description = ID_OR_CODE, example = "AL-2026-000042")
                                      @PathParam("id") String idOrCode) {
        return service.history(service.getByIdOrCode(idOrCode).id);
    }

    @POST
    @Idempotent
    @RolesAllowed({Roles.CENTRAL_ADMIN, Roles.MINISTRY_ADMIN})
    @Operation(summary = "Plan an allocation (PLANNED)", description = "A ministry admin plans allocations for "
            + "initiatives its agency leads. For an initiative budget-service does not know yet, 'initiative' must give "
            + "its system and lead agency (and code and key flag); without them it is 422. For a known one these facts "
            + "are optional and must match (409 otherwise: correct the replica with PUT /api/v1/initiatives/{id}). "
            + "The fiscal year must exist (400); a cancelled initiative gets no new allocation (422).")
    @APIResponse(responseCode = "201", description = "Planned: the allocation (PLANNED), at `Location`",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = AllocationView.class)))
    public Response create(@NotNull @Valid AllocationRequest request) {
        AllocationView view = service.create(request);
        return ETags.created(uri, view.id(), view, view.version());
    }

    @POST
    @Path("/{id}/approval")
    @RolesAllowed({Roles.CENTRAL_ADMIN, Roles.MINISTRY_ADMIN})
    @Operation(summary = "Approve a planned allocation (If-Match required)", description = "Central budget: "
            + "central-admin only; other sources: also a ministry admin of the lead agency. Approving a non-key "
            + "initiative while key initiatives of the same System have no approved allocation answers a "
            + "priorityWarning (not a block). 409 when the allocation is not PLANNED (`allowed` and `currentStatus` "
            + "in the problem) or is a replica owned by another instance (read-only-replica).")
    @APIResponse(responseCode = "200", description = "Approved: the allocation (APPROVED), with `priorityWarning` and "
            + "`unfundedKeyInitiatives` when key initiatives of the same System are still unfunded",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = AllocationView.class)))
    public Response approve(@Parameter(description = ID_OR_CODE, example = "AL-2026-000042")
                            @PathParam("id") String id, @HeaderParam("If-Match") String ifMatch,
                            @Valid ApprovalRequest request) {
        AllocationView view = service.approve(service.getByIdOrCode(id).id, ifMatch, request);
        return ETags.ok(view, view.version());
    }

    @POST
    @Path("/{id}/amendments")
    @RolesAllowed({Roles.CENTRAL_ADMIN, Roles.MINISTRY_ADMIN})
    @Operation(summary = "Change the amount, with a reason (If-Match required)", description = "Never below what is "
            + "already disbursed (409); a CANCELLED allocation cannot be amended (409); the same amount is 400. The "
            + "history keeps the old and new amount. The ETag changes with every payment and reversal too: read the "
            + "allocation again before amending.")
    @APIResponse(responseCode = "200", description = "Amended: the allocation with its new amount",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = AllocationView.class)))
    public Response amend(@Parameter(description = ID_OR_CODE, example = "AL-2026-000042")
                          @PathParam("id") String id, @HeaderParam("If-Match") String ifMatch,
                          @NotNull @Valid AmendmentRequest request) {
        AllocationView view = service.amend(service.getByIdOrCode(id).id, ifMatch, request);
        return ETags.ok(view, view.version());
    }

    @POST
    @Path("/{id}/cancellation")
    @RolesAllowed({Roles.CENTRAL_ADMIN, Roles.MINISTRY_ADMIN})
    @Operation(summary = "Cancel an allocation, with a reason (If-Match required)", description = "Refused (409) while "
            + "money is disbursed: reverse the disbursements first; an already CANCELLED allocation is 409 too "
            + "(`allowed` and `currentStatus` in the problem).")
    @APIResponse(responseCode = "200", description = "Cancelled: the allocation (CANCELLED)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = AllocationView.class)))
    public Response cancel(@Parameter(description = ID_OR_CODE, example = "AL-2026-000042")
                           @PathParam("id") String id, @HeaderParam("If-Match") String ifMatch,
                           @NotNull @Valid CancellationRequest request) {
        AllocationView view = service.cancel(service.getByIdOrCode(id).id, ifMatch, request);
        return ETags.ok(view, view.version());
    }
}
