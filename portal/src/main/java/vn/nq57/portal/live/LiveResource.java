package vn.nq57.portal.live;

import io.smallrye.mutiny.Multi;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestStreamElementType;
import vn.nq57.portal.api.StreamApi;
import vn.nq57.portal.api.StreamApi.Change;
import vn.nq57.portal.web.CurrentUser;

/**
 * The live stream of one browser tab: the portal subscribes to initiative-service's stream with the user's own token
 * (so the user sees only the changes of their scope) and relays it over the session. The tab's script refreshes the
 * page's figures when a change arrives and reconnects by itself; when the upstream stream ends (the service's replica
 * shuts down), so does this one, and the tab's reconnect carries the id of the last change it saw.
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
    public Multi<OutboundSseEvent> live(@QueryParam("system") String system, @QueryParam("agency") String agency,
                                        @QueryParam("initiative") String initiative,
                                        @HeaderParam("Last-Event-ID") String lastEventId, @Context Sse sse) {
        String s = system != null && system.matches("H[1-6]") ? system : null;
        String a = agency != null && agency.matches("[A-Za-z0-9_-]{1,50}") ? agency : null;
        String i = initiative != null && initiative.matches("[0-9a-fA-F-]{36}") ? initiative : null;
        String after = lastEventId != null && lastEventId.matches("[0-9]{1,19}") ? lastEventId : null;
        // the browser's EventSource sends the id of the last change it received when it reconnects; the service
        // then sends what the tab missed first
        return stream.changes(user.bearer(), s, a, after)
                .filter(e -> e.data() != null && (i == null || "heartbeat".equals(e.data().kind())
                        || "reload".equals(e.data().kind()) || i.equalsIgnoreCase(e.data().initiativeId())))
                .map(e -> {
                    OutboundSseEvent.Builder b = sse.newEventBuilder().mediaType(MediaType.APPLICATION_JSON_TYPE)
                            .data(Change.class, e.data());
                    if (e.id() != null && !e.id().isBlank()) {
                        b.id(e.id());
                    }
                    return b.build();
                });
    }
}
