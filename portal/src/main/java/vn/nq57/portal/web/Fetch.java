package vn.nq57.portal.web;

import io.smallrye.mutiny.TimeoutException;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.WebApplicationException;
import java.time.Duration;
import org.jboss.logging.Logger;

/**
 * Calls to the services for a page: each call is a {@link Part} that arrives or says why not, so a page's calls run in
 * parallel ({@code Uni.combine()}) and one slow or failing service never takes the page down with it.
 */
public final class Fetch {

    private static final Logger LOG = Logger.getLogger(Fetch.class);
    /** A whole page waits at most this long for any one service (the HTTP client's read timeout is the same). */
    static final Duration TIMEOUT = Duration.ofMillis(Long.getLong("nq57.portal.api-timeout-ms", 4000));

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
