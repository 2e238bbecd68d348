package vn.nq57.portal.api;

import io.smallrye.mutiny.Uni;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import java.util.List;
import vn.nq57.portal.api.Views.History;
import vn.nq57.portal.api.Writes.DecisionSummary;
import vn.nq57.portal.api.Writes.Decisions;
import vn.nq57.portal.api.Writes.ImportSummary;
import vn.nq57.portal.api.Writes.MeasurementRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import vn.nq57.portal.api.Views.Indicator;
import vn.nq57.portal.api.Views.IndicatorEvaluation;
import vn.nq57.portal.api.Views.IndicatorSummary;
import vn.nq57.portal.api.Views.InitiativeKpis;
import vn.nq57.portal.api.Views.Measurement;
import vn.nq57.portal.api.Views.Page;
import vn.nq57.portal.api.Views.SystemKpis;

/** kpi-service, called with the signed-in user's access token. */
@RegisterRestClient(configKey = "kpi")
@Path("/api/v1")
public interface KpiApi extends FederationApi {

    @GET
    @Path("/indicators")
    Uni<Page<IndicatorSummary>> indicators(@HeaderParam("Authorization") String auth,
                                           @QueryParam("tier") String tier, @QueryParam("system") String system,
                                           @QueryParam("ownerAgency") String ownerAgency,
                                           @QueryParam("size") int size);

    @GET
    @Path("/indicators/{id}")
    Uni<Indicator> indicator(@HeaderParam("Authorization") String auth, @PathParam("id") String idOrCode);

    @GET
    @Path("/evaluation/indicators/{id}")
    Uni<IndicatorEvaluation> evaluation(@HeaderParam("Authorization") String auth, @PathParam("id") String idOrCode,
                                        @QueryParam("agency") String agency);

    @GET
    @Path("/evaluation/initiatives/{id}")
    Uni<InitiativeKpis> initiative(@HeaderParam("Authorization") String auth, @PathParam("id") UUID id);

    @GET
    @Path("/evaluation/systems/{code}")
    Uni<SystemKpis> system(@HeaderParam("Authorization") String auth, @PathParam("code") String code);


    @GET
    @Path("/measurements")
    Uni<Page<Measurement>> values(@HeaderParam("Authorization") String auth, @QueryParam("indicator") String indicator,
                                  @QueryParam("agency") String agency, @QueryParam("under") String under,
                                  @QueryParam("period") String period, @QueryParam("status") String status,
                                  @QueryParam("page") int page, @QueryParam("size") int size);

    @GET
    @Path("/measurements/{id}")
    Uni<Measurement> value(@HeaderParam("Authorization") String auth, @PathParam("id") UUID id);

    @GET
    @Path("/measurements/{id}/history")
    Uni<List<History>> history(@HeaderParam("Authorization") String auth, @PathParam("id") UUID id);

    @POST
    @Path("/measurements")
    Uni<Measurement> record(@HeaderParam("Authorization") String auth, @HeaderParam("Idempotency-Key") String key,
                            @HeaderParam("If-Match") String ifMatch, MeasurementRequest request);

    @POST
    @Path("/measurements/batch")
    @Consumes("text/csv")
    Uni<ImportSummary> importCsv(@HeaderParam("Authorization") String auth, @HeaderParam("Idempotency-Key") String key,
                                 @QueryParam("mode") String mode, String csv);

    @POST
    @Path("/measurements/batch")
    @Consumes("application/json")
    Uni<ImportSummary> importRows(@HeaderParam("Authorization") String auth, @HeaderParam("Idempotency-Key") String key,
                                  @QueryParam("mode") String mode, JsonNode batch);

    @POST
    @Path("/measurements/decisions")
    Uni<DecisionSummary> decide(@HeaderParam("Authorization") String auth, @HeaderParam("Idempotency-Key") String key,
                                @QueryParam("mode") String mode, Decisions decisions);

}
