package vn.nq57.platform.http;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jboss.logging.MDC;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Gives every request a correlation id (the caller's {@code X-Correlation-Id} when it is sane, otherwise a new
 * one), puts it in the log MDC and echoes it in the response.
 */
public class CorrelationFilter {

    public static final String HEADER = "X-Correlation-Id";
    private static final String PROPERTY = "nq57.correlationId";
    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._-]{8,64}");

    @ServerRequestFilter(preMatching = true)
    public void assign(ContainerRequestContext request) {
        correlationId(request);
    }

    @ServerResponseFilter
    public void echo(ContainerRequestContext request, ContainerResponseContext response) {
        response.getHeaders().putSingle(HEADER, correlationId(request));
    }

    /** The request's correlation id, assigned on first use. */
    public static String correlationId(ContainerRequestContext request) {
        Object existing = request.getProperty(PROPERTY);
        if (existing instanceof String id) {
            return id;
        }
        String given = request.getHeaderString(HEADER);
        String id = given != null && SANE.matcher(given).matches() ? given : UUID.randomUUID().toString();
        request.setProperty(PROPERTY, id);
        MDC.put("correlationId", id);
        return id;
    }
}
