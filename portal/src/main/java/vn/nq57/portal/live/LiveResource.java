package vn.nq57.portal.live;

import io.smallrye.mutiny.Multi;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Duration;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestStreamElementType;
import vn.nq57.portal.api.StreamApi;
import vn.nq57.portal.api.StreamApi.Change;
import vn.nq57.portal.web.CurrentUser;

/**
 * The live stream of one browser tab: the portal subscribes to initiative-service's stream with the user's own token
 * (so the user sees only the changes of their scope) and relays it over the session. The tab's script refreshes the
 * page's figures when a change arrives and reconnects by itself; when the upstream stream ends, so does this one.
 */
@Path("/live")
public class LiveResource {

    @Inject
    @RestClient
    StreamApi stream;

    @Inject
    CurrentUser user;

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    public Multi<Change> live(@QueryParam("system") String system, @QueryParam("agency") String agency,
                              @QueryParam("initiative") String initiative) {
        String s = system != null && system.matches("H[1-6]") ? system : null;
        String a = agency != null && agency.matches("[A-Za-z0-9_-]{1,50}") ? agency : null;
        String i = initiative != null && initiative.matches("[0-9a-fA-F-]{36}") ? initiative : null;
        return stream.changes(user.bearer(), s, a)
                .filter(c -> i == null || "heartbeat".equals(c.kind()) || i.equalsIgnoreCase(c.initiativeId()))
                .onFailure().retry().withBackOff(Duration.ofSeconds(1), Duration.ofSeconds(10)).atMost(3);
    }
}
