package vn.nq57.portal.api;

import io.smallrye.mutiny.Multi;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.jboss.resteasy.reactive.RestStreamElementType;
import org.jboss.resteasy.reactive.client.SseEvent;

/**
 * initiative-service's live stream of scorecard changes (Server-Sent Events), as the signed-in user: each change with
 * its id, so a reconnecting tab resumes after the last one it saw.
 */
@RegisterRestClient(configKey = "stream")
@Path("/api/v1/scorecard/stream")
public interface StreamApi {

    /** One change: its kind (kpi, measurement, budget, output, obstacle, initiative, heartbeat) and where. */
    record Change(String kind, String initiativeId, String system, String agency, String detail, String at) {
    }

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    Multi<SseEvent<Change>> changes(@HeaderParam("Authorization") String auth, @QueryParam("system") String system,
                                    @QueryParam("agency") String agency,
                                    @HeaderParam("Last-Event-ID") String lastEventId);
}
