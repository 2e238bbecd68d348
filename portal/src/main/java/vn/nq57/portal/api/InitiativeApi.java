package vn.nq57.portal.api;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import vn.nq57.portal.api.Views.AgencyNode;
import vn.nq57.portal.api.Views.AgencyScorecard;
import vn.nq57.portal.api.Views.AgencyView;
import vn.nq57.portal.api.Views.Initiative;
import vn.nq57.portal.api.Views.InitiativeScore;
import vn.nq57.portal.api.Views.InitiativeSummary;
import vn.nq57.portal.api.Views.Obstacle;
import vn.nq57.portal.api.Views.Page;
import vn.nq57.portal.api.Views.PhaseView;
import vn.nq57.portal.api.Views.PlanScore;
import vn.nq57.portal.api.Views.Similar;
import vn.nq57.portal.api.Views.SystemScorecard;
import vn.nq57.portal.api.Views.SystemView;
import vn.nq57.portal.api.Views.Transition;

/** initiative-service, called with the signed-in user's access token ({@code auth}: "Bearer ..."). */
@RegisterRestClient(configKey = "initiative")
@Path("/api/v1")
public interface InitiativeApi {

    @GET
    @Path("/scorecard")
    Uni<PlanScore> plan(@HeaderParam("Authorization") String auth);

    @GET
    @Path("/scorecard/systems/{code}")
    Uni<SystemScorecard> system(@HeaderParam("Authorization") String auth, @PathParam("code") String code,
                                @QueryParam("size") int size);

    @GET
    @Path("/scorecard/agencies/{code}")
    Uni<AgencyScorecard> agency(@HeaderParam("Authorization") String auth, @PathParam("code") String code,
                                @QueryParam("size") int size);

    @GET
    @Path("/scorecard/initiatives/{id}")
    Uni<InitiativeScore> score(@HeaderParam("Authorization") String auth, @PathParam("id") UUID id);

    @GET
    @Path("/initiatives/{id}")
    Uni<Initiative> initiative(@HeaderParam("Authorization") String auth, @PathParam("id") String idOrCode);

    @GET
    @Path("/initiatives/{id}/transitions")
    Uni<List<Transition>> transitions(@HeaderParam("Authorization") String auth, @PathParam("id") UUID id);

    @GET
    @Path("/initiatives/{id}/similar")
    Uni<List<Similar>> similar(@HeaderParam("Authorization") String auth, @PathParam("id") UUID id);

    @GET
    @Path("/obstacles")
    Uni<Page<Obstacle>> obstacles(@HeaderParam("Authorization") String auth,
                                  @QueryParam("initiativeId") UUID initiative, @QueryParam("size") int size);

    @GET
    @Path("/systems")
    Uni<List<SystemView>> systems(@HeaderParam("Authorization") String auth);

    @GET
    @Path("/phases")
    Uni<List<PhaseView>> phases(@HeaderParam("Authorization") String auth);

    @GET
    @Path("/initiatives")
    Uni<Page<InitiativeSummary>> initiatives(@HeaderParam("Authorization") String auth,
            @QueryParam("system") String system, @QueryParam("leadAgency") String leadAgency,
            @QueryParam("size") int size);

    @GET
    @Path("/agencies/tree")
    Uni<List<AgencyNode>> agencyTree(@HeaderParam("Authorization") String auth);

    @GET
    @Path("/agencies/{code}")
    Uni<AgencyView> agencyView(@HeaderParam("Authorization") String auth, @PathParam("code") String code);
}
