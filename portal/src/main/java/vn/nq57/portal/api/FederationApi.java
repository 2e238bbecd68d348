package vn.nq57.portal.api;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.util.UUID;
import vn.nq57.portal.api.Views.Conflict;
import vn.nq57.portal.api.Views.FederationRecord;
import vn.nq57.portal.api.Views.Page;
import vn.nq57.portal.api.Writes.Decision;

/**
 * What every service serves about federation (the platform's /api/v1/federation, the same in each): the writes central
 * refused and their resolution, whether central holds a record, the ministry instances central commissioned and a
 * ministry's pull of its rows. InitiativeApi, KpiApi and BudgetApi extend it.
 */
public interface FederationApi {

    @GET
    @Path("/federation/conflicts")
    Uni<Page<Conflict>> conflicts(@HeaderParam("Authorization") String auth, @QueryParam("all") Boolean all,
                                  @QueryParam("size") int size);

    @POST
    @Path("/federation/conflicts/{eventId}/resolution")
    Uni<Conflict> resolveConflict(@HeaderParam("Authorization") String auth, @PathParam("eventId") UUID eventId,
                                  Decision decision);

    @GET
    @Path("/federation/instances")
    Uni<java.util.List<Views.FederatedInstance>> instances(@HeaderParam("Authorization") String auth);

    @GET
    @Path("/federation/handover")
    Uni<Views.HandoverProgress> handover(@HeaderParam("Authorization") String auth);

    @GET
    @Path("/federation/records/{id}")
    Uni<FederationRecord> federationRecord(@HeaderParam("Authorization") String auth, @PathParam("id") UUID id);
}
