package vn.nq57.portal.web;

import jakarta.inject.Inject;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Failures as pages a person can act on: "not found" with a way back, and for a bug a reference to quote (the same
 * id is in the log line). Never a stack trace.
 */
public class Errors {

    private static final Logger LOG = Logger.getLogger(Errors.class);

    @Inject
    Lang lang;

    @ServerExceptionMapper
    public Response notFound(NotFoundException e) {
        return page(404, null);
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            return unexpected(e);
        }
        return status == 404 ? page(404, null) : page(status, null);
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e) {
        String id = UUID.randomUUID().toString();
        LOG.errorf(e, "unexpected error, correlationId=%s", id);
        return page(500, id);
    }

    private Response page(int status, String correlationId) {
        String html = SessionResource.Templates.error(status, correlationId).setLocale(lang.locale()).render();
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).entity(html).build();
    }
}
