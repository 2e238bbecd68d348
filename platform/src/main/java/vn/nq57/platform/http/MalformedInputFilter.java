package vn.nq57.platform.http;

import jakarta.ws.rs.container.ContainerRequestContext;
import java.util.List;
import java.util.Map;
import vn.nq57.platform.error.ApiException;
import vn.nq57.platform.error.ProblemTypes;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Refuses, before any resource runs, a request whose path, query or header values hold a NUL character or bytes that
 * are not UTF-8 (decoded as U+FFFD): 400 problem+json, decided once for every service (issue #19; PostgreSQL cannot
 * store a NUL, and such text is never data).
 */
public class MalformedInputFilter {

    @ServerRequestFilter(preMatching = true)
    public void refuse(ContainerRequestContext request) {
        String where = bad(request.getUriInfo().getPath()) ? "the path"
                : firstBad(request.getUriInfo().getQueryParameters(), "query parameter ");
        if (where == null) {
            where = firstBad(request.getHeaders(), "header ");
        }
        if (where != null) {
            throw new ApiException(400, ProblemTypes.MALFORMED, "Malformed request", where + " holds a NUL character "
                    + "or bytes that are not UTF-8", List.of());
        }
    }

    private static String firstBad(Map<String, List<String>> values, String what) {
        for (Map.Entry<String, List<String>> e : values.entrySet()) {
            if (bad(e.getKey())) {
                return "a " + what + "name";
            }
            for (String v : e.getValue()) {
                if (bad(v)) {
                    return what + e.getKey();
                }
            }
        }
        return null;
    }

    private static boolean bad(String s) {
        return s != null && (s.indexOf('\u0000') >= 0 || s.indexOf('\uFFFD') >= 0);
    }
}
