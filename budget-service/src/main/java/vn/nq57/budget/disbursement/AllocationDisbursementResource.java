package vn.nq57.budget.disbursement;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.nq57.budget.allocation.AllocationService;
import vn.nq57.budget.disbursement.DisbursementViews.DisbursementRequest;
import vn.nq57.budget.disbursement.DisbursementViews.DisbursementView;
import vn.nq57.platform.http.ETags;
import vn.nq57.platform.idempotency.Idempotent;
import vn.nq57.platform.paging.Page;
import vn.nq57.platform.paging.PageRequest;
import vn.nq57.platform.security.Roles;

/** The disbursements of one allocation (named by id or code). */
@Path("/api/v1/allocations/{id}/disbursements")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Disbursements")
@RolesAllowed({Roles.CENTRAL_ADMIN, Roles.MINISTRY_ADMIN, Roles.DATA_SUBMITTER, Roles.VIEWER, Roles.FEDERATION})
public class AllocationDisbursementResource {

    @Inject
    DisbursementService service;

    @Inject
    AllocationService allocations;

    @Context
    UriInfo uri;

    static final String ALLOCATION = "The allocation's id (UUID) or code";

    @GET
    @Operation(summary = "The disbursements of one allocation (by id or code), by date")
    public Page<DisbursementView> ofAllocation(@Parameter(description = ALLOCATION, example = "AL-2026-000042")
                                               @PathParam("id") String allocation,
                                               @BeanParam @Valid PageRequest page) {
        UUID id = allocations.getByIdOrCode(allocation).id;
        return service.list(new DisbursementService.Filter(id, null, null, null, null, null, null), page);
    }

    @POST
    @Idempotent
    @RolesAllowed({Roles.CENTRAL_ADMIN, Roles.MINISTRY_ADMIN, Roles.DATA_SUBMITTER})
    @Operation(summary = "Record a disbursement against an approved allocation", description = "A data submitter (or "
            + "ministry admin) of the lead agency. Overdrawing is 409 with 'remaining'. The same payment reference with "
            + "the same date and amount answers the recorded disbursement (200); with other figures it is 409. The "
            + "allocation must be APPROVED (409 otherwise); the date lies inside its fiscal year and not in the future "
            + "(400). The allocation's ETag changes with every payment.")
    @APIResponse(responseCode = "201", description = "Recorded: the payment, at `Location` (/api/v1/disbursements/{id}),"
            + " with the allocation's new figures",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = DisbursementView.class)))
    @APIResponse(responseCode = "200", description = "Already recorded: the same payment reference, date and amount "
            + "were recorded before; the recorded payment (nothing written)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = DisbursementView.class)))
    public Response record(@Parameter(description = ALLOCATION, example = "AL-2026-000042")
                           @PathParam("id") String allocation, @NotNull @Valid DisbursementRequest request) {
        UUID id = allocations.getByIdOrCode(allocation).id;
        DisbursementService.Outcome outcome = service.record(id, request);
        DisbursementView view = DisbursementView.of(outcome.disbursement());
        if (!outcome.created()) {
            return ETags.ok(view, view.version());
        }
        return Response.created(uri.getBaseUriBuilder().path("api/v1/disbursements").path(view.id().toString()).build())
                .entity(view).tag(ETags.of(view.version())).build();
    }
}
