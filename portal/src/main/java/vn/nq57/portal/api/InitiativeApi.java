package vn.nq57.portal.api;

import io.smallrye.mutiny.Uni;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import vn.nq57.portal.api.Views.Board;
import vn.nq57.portal.api.Views.Obligation;
import vn.nq57.portal.api.Views.Ranking;
import vn.nq57.portal.api.Views.UnreadCount;
import vn.nq57.portal.api.Views.Warning;
import vn.nq57.portal.api.Writes.Answer;
import vn.nq57.portal.api.Writes.Delivery;
import vn.nq57.portal.api.Writes.Note;
import vn.nq57.portal.api.Writes.ObstacleRequest;
import vn.nq57.portal.api.Writes.TransitionRequest;
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
public interface InitiativeApi extends FederationApi {

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
    @Path("/systems")
    Uni<List<SystemView>> systems(@HeaderParam("Authorization") String auth);

    @GET
    @Path("/phases")
    Uni<List<PhaseView>> phases(@HeaderParam("Authorization") String auth);

    @GET
    @Path("/initiatives")
    Uni<Page<InitiativeSummary>> initiatives(@HeaderParam("Authorization") String auth,
            @QueryParam("system") String system, @QueryParam("leadAgency") String leadAgency,
            @QueryParam("status") String status, @QueryParam("size") int size);

    @GET
    @Path("/agencies/tree")
    Uni<List<AgencyNode>> agencyTree(@HeaderParam("Authorization") String auth);

    @GET
    @Path("/agencies/{code}")
    Uni<AgencyView> agencyView(@HeaderParam("Authorization") String auth, @PathParam("code") String code);

    @GET
    @Path("/obstacles")
    Uni<Page<Obstacle>> obstacles(@HeaderParam("Authorization") String auth,
                                  @QueryParam("initiativeId") UUID initiative, @QueryParam("agency") String agency,
                                  @QueryParam("open") Boolean open, @QueryParam("size") int size);

    @GET
    @Path("/obstacles/{id}")
    Uni<Obstacle> obstacle(@HeaderParam("Authorization") String auth, @PathParam("id") UUID id);

    @POST
    @Path("/obstacles")
    Uni<Obstacle> file(@HeaderParam("Authorization") String auth, @HeaderParam("Idempotency-Key") String key, ObstacleRequest request);

    @POST
    @Path("/obstacles/{id}/answer")
    Uni<Obstacle> answer(@HeaderParam("Authorization") String auth, @PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch, Answer answer);

    @POST
    @Path("/obstacles/{id}/resolve")
    Uni<Obstacle> resolve(@HeaderParam("Authorization") String auth, @PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch, Note note);

    @POST
    @Path("/obstacles/{id}/close")
    Uni<Obstacle> close(@HeaderParam("Authorization") String auth, @PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch, Note note);


    @GET
    @Path("/initiatives/{id}")
    Uni<ObjectNode> initiativeJson(@HeaderParam("Authorization") String auth, @PathParam("id") String idOrCode);

    @POST
    @Path("/initiatives")
    Uni<Initiative> create(@HeaderParam("Authorization") String auth, @HeaderParam("Idempotency-Key") String key, JsonNode request);

    @PUT
    @Path("/initiatives/{id}")
    Uni<Initiative> update(@HeaderParam("Authorization") String auth, @PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch, JsonNode request);

    @POST
    @Path("/initiatives/{id}/transitions")
    Uni<Initiative> transition(@HeaderParam("Authorization") String auth, @PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
                               TransitionRequest request);

    @POST
    @Path("/initiatives/{id}/outputs/{output}/delivery")
    Uni<Initiative> deliver(@HeaderParam("Authorization") String auth, @PathParam("id") UUID id, @PathParam("output") UUID output,
                            @HeaderParam("If-Match") String ifMatch, Delivery delivery);

    @GET
    @Path("/obligations")
    Uni<Page<Obligation>> obligations(@HeaderParam("Authorization") String auth, @QueryParam("agency") String agency,
                                      @QueryParam("active") Boolean active, @QueryParam("size") int size);

    @GET
    @Path("/warnings")
    Uni<Page<Warning>> warnings(@HeaderParam("Authorization") String auth, @QueryParam("agency") String agency, @QueryParam("open") Boolean open,
                                @QueryParam("size") int size);

    @GET
    @Path("/notifications/unread-count")
    Uni<UnreadCount> unread(@HeaderParam("Authorization") String auth);

    @GET
    @Path("/compliance/agencies/{code}")
    Uni<Board> board(@HeaderParam("Authorization") String auth, @PathParam("code") String code,
                     @QueryParam("year") int year);

    @GET
    @Path("/compliance/ranking")
    Uni<Ranking> ranking(@HeaderParam("Authorization") String auth, @QueryParam("level") String level,
                         @QueryParam("year") int year);
}
