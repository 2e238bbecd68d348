package vn.nq57.portal.web;

import io.smallrye.mutiny.TimeoutException;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.WebApplicationException;
import java.time.Duration;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;

/**
 * Calls to the services for a page: each call is a {@link Part} that arrives or says why not, so a page's calls run in
 * parallel ({@code Uni.combine()}) and one slow or failing service never takes the page down with it.
 */
public final class Fetch {

    private static final Logger LOG = Logger.getLogger(Fetch.class);
    /**
     * A page waits at most this long for any one call: the HTTP client's read timeout
     * ({@code quarkus.rest-client.read-timeout}, {@code NQ57_PORTAL_API_TIMEOUT_MS}) plus a little for the connection.
     */
    public static final Duration TIMEOUT = Duration.ofMillis(ConfigProvider.getConfig()
            .getOptionalValue("quarkus.rest-client.read-timeout", Long.class).orElse(4000L) + 500);

    private Fetch() {
    }

    public static <T> Uni<Part<T>> part(String service, Uni<T> call) {
        return call.ifNoItem().after(TIMEOUT).fail()
                .map(v -> Part.of(service, v))
                .onFailure().recoverWithItem(e -> Part.missing(service, problem(service, e)));
    }

    static String problem(String service, Throwable e) {
        if (e instanceof WebApplicationException w) {
            int status = w.getResponse().getStatus();
            if (status == 403) {
                return "forbidden";
            }
            if (status == 404) {
                return "not-found";
            }
            if (status == 401) {
                return "unauthorized";
            }
            LOG.warnf("%s answered %d", service, status);
            return "unavailable";
        }
        LOG.warnf("%s did not answer: %s", service, e instanceof TimeoutException ? "timeout" : e.toString());
        return "unavailable";
    }
}
