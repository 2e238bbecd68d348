package vn.nq57.platform.federation;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.oidc.client.filter.OidcClientFilter;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;

/**
 * The federation API of this service's counterpart at central, as a ministry instance calls it: a MicroProfile REST
 * Client whose bearer token comes from the OIDC client {@code federation} (client credentials at the central Keycloak;
 * the library caches the token, renews it before it expires and after central refuses it). Built by
 * {@link CentralClient}, which gives it central's URL and the time-outs, and maps failures.
 */
@Path("/api/v1/federation")
@OidcClientFilter(CentralApi.OIDC_CLIENT)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface CentralApi {

    /** The named OIDC client (quarkus.oidc-client.federation.*, set from nq57.federation.*). */
    String OIDC_CLIENT = "federation";

    /** Sends a batch of outbox events ({@code {"events": [...]}}); central answers per event. */
    @POST
    @Path("/events")
    JsonNode events(Map<String, Object> batch, @HeaderParam("X-NQ57-Pending") long pending,
                    @HeaderParam("X-NQ57-Oldest-Pending-Seconds") long oldestPendingSeconds);

    /** The national catalogue's changes after {@code since}. */
    @GET
    @Path("/catalog")
    JsonNode catalog(@QueryParam("since") long since, @QueryParam("limit") int limit);

    /** Central's decisions about conflicts, after the cursor {@code after}. */
    @GET
    @Path("/conflicts/decisions")
    JsonNode conflictDecisions(@QueryParam("after") long after, @QueryParam("limit") int limit);

    /** Where this instance stands at central (state, hand-over run). */
    @GET
    @Path("/instances/{id}")
    JsonNode instance(@PathParam("id") String id);

    /** Tells central what a hand-over wrote here. */
    @POST
    @Path("/instances/{id}/handover-report")
    void handoverReport(@PathParam("id") String id, Map<String, Object> report);

    /** One page of the rows of {@code kind} central holds for this instance ({@code after}: the last key, or none). */
    @GET
    @Path("/handover/{kind}")
    JsonNode handover(@PathParam("kind") String kind, @QueryParam("limit") int limit, @QueryParam("after") String after);
}
