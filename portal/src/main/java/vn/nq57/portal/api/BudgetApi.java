package vn.nq57.portal.api;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.POST;
import vn.nq57.portal.api.Views.Disbursement;
import vn.nq57.portal.api.Writes.DisbursementRequest;
import vn.nq57.portal.api.Writes.Note;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import vn.nq57.portal.api.Views.Allocation;
import vn.nq57.portal.api.Views.Breakdown;
import vn.nq57.portal.api.Views.FiscalYear;
import vn.nq57.portal.api.Views.NonStateShare;
import vn.nq57.portal.api.Views.Page;
import vn.nq57.portal.api.Views.Priority;
import vn.nq57.portal.api.Views.ThreePercentRule;

/** budget-service, called with the signed-in user's access token. */
@RegisterRestClient(configKey = "budget")
@Path("/api/v1")
public interface BudgetApi extends FederationApi {

    @GET
    @Path("/fiscal-years")
    Uni<Page<FiscalYear>> fiscalYears(@HeaderParam("Authorization") String auth, @QueryParam("size") int size);

    @GET
    @Path("/reports/{year}/three-percent-rule")
    Uni<ThreePercentRule> threePercentRule(@HeaderParam("Authorization") String auth, @PathParam("year") int year);

    @GET
    @Path("/reports/{year}/non-state-share")
    Uni<NonStateShare> nonStateShare(@HeaderParam("Authorization") String auth, @PathParam("year") int year);

    @GET
    @Path("/reports/{year}/by-system")
    Uni<Breakdown> bySystem(@HeaderParam("Authorization") String auth, @PathParam("year") int year);

    @GET
    @Path("/reports/{year}/priority")
    Uni<Priority> priority(@HeaderParam("Authorization") String auth, @PathParam("year") int year);

    @GET
    @Path("/allocations")
    Uni<Page<Allocation>> allocations(@HeaderParam("Authorization") String auth,
                                      @QueryParam("initiativeId") UUID initiative, @QueryParam("size") int size);

    @GET
    @Path("/allocations")
    Uni<Page<Allocation>> allocationsWith(@HeaderParam("Authorization") String auth, @QueryParam("status") String status,
                                          @QueryParam("leadAgency") String leadAgency,
                                          @QueryParam("fiscalYear") Integer year, @QueryParam("size") int size);

    @GET
    @Path("/allocations/{id}")
    Uni<Allocation> allocation(@HeaderParam("Authorization") String auth, @PathParam("id") UUID id);

    @GET
    @Path("/allocations/{id}/disbursements")
    Uni<Page<Disbursement>> disbursements(@HeaderParam("Authorization") String auth, @PathParam("id") UUID id, @QueryParam("size") int size);

    @POST
    @Path("/allocations/{id}/approval")
    Uni<Allocation> approve(@HeaderParam("Authorization") String auth, @PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch, Note note);

    @POST
    @Path("/allocations/{id}/disbursements")
    Uni<Disbursement> disburse(@HeaderParam("Authorization") String auth, @PathParam("id") UUID id, @HeaderParam("Idempotency-Key") String key,
                               DisbursementRequest request);
}
