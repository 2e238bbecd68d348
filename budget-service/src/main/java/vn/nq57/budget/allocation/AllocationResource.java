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
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.nq57.budget.allocation.AllocationViews.AllocationRequest;
import vn.nq57.budget.allocation.AllocationViews.AllocationView;
import vn.nq57.budget.allocation.AllocationViews.AmendmentRequest;
import vn.nq57.budget.allocation.AllocationViews.ApprovalRequest;
import vn.nq57.budget.allocation.AllocationViews.CancellationRequest;
import vn.nq57.budget.allocation.AllocationViews.HistoryEntry;
import vn.nq57.budget.federation.Origins;
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
    Origins origins;

    @Context
    UriInfo uri;

    @GET
    @Operation(summary = "Allocations, by fiscal year and code", description = "Filters: fiscalYear, initiativeId, "
            + "system (H1..H6), leadAgency (code), fundingSource, status, key, origin (the owning instance: at central, "
            + "central for its own allocations, a ministry's id for those it reported).")
    public Page<AllocationView> list(@QueryParam("fiscalYear") String fiscalYear,
                                     @QueryParam("initiativeId") String initiativeId,
                                     @QueryParam("system") String system, @QueryParam("leadAgency") String leadAgency,
                                     @QueryParam("fundingSource") String fundingSource,
                                     @QueryParam("status") String status, @QueryParam("key") String key,
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
    public Response get(@PathParam("id") String idOrCode) {
        Allocation a = service.getByIdOrCode(idOrCode);
        return ETags.ok(AllocationView.of(a), a.version);
    }

    @GET
    @Path("/{id}/history")
    @Operation(summary = "The allocation's history: creation, amendments (old and new amount), approval, cancellation")
    public List<HistoryEntry> history(@PathParam("id") String idOrCode) {
        return service.history(service.getByIdOrCode(idOrCode).id);
    }

    @POST
    @Idempotent
    @RolesAllowed({Roles.CENTRAL_ADMIN, Roles.MINISTRY_ADMIN})
    @Operation(summary = "Plan an allocation (PLANNED)", description = "A ministry admin plans allocations for "
            + "initiatives its agency leads. For an initiative budget-service does not know yet, 'initiative' must give "
            + "its system and lead agency (and code and key flag).")
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
            + "priorityWarning (not a block).")
    public Response approve(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch,
                            @Valid ApprovalRequest request) {
        AllocationView view = service.approve(service.getByIdOrCode(id).id, ifMatch, request);
        return ETags.ok(view, view.version());
    }

    @POST
    @Path("/{id}/amendments")
    @RolesAllowed({Roles.CENTRAL_ADMIN, Roles.MINISTRY_ADMIN})
    @Operation(summary = "Change the amount, with a reason (If-Match required)", description = "Never below what is "
            + "already disbursed (409). The history keeps the old and new amount.")
    public Response amend(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch,
                          @NotNull @Valid AmendmentRequest request) {
        AllocationView view = service.amend(service.getByIdOrCode(id).id, ifMatch, request);
        return ETags.ok(view, view.version());
    }

    @POST
    @Path("/{id}/cancellation")
    @RolesAllowed({Roles.CENTRAL_ADMIN, Roles.MINISTRY_ADMIN})
    @Operation(summary = "Cancel an allocation, with a reason (If-Match required)", description = "Refused (409) while "
            + "money is disbursed: reverse the disbursements first.")
    public Response cancel(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch,
                           @NotNull @Valid CancellationRequest request) {
        AllocationView view = service.cancel(service.getByIdOrCode(id).id, ifMatch, request);
        return ETags.ok(view, view.version());
    }
}
