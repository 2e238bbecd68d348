package vn.nq57.portal.web;

import io.smallrye.mutiny.TimeoutException;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.WebApplicationException;
import java.util.List;
import org.jboss.logging.Logger;
import vn.nq57.portal.api.Writes.Problem;
import vn.nq57.portal.api.Writes.Violation;

/**
 * The result of a write the portal made for the user: what the service answered, or the problem it refused it with
 * (its own problem+json: status, detail, field violations, summaries), so a form can show the service's own reasons.
 * A service that does not answer is a 503 problem of the portal's making; the write may be retried (forms carry an
 * Idempotency-Key, so a retry never writes twice).
 */
public record Outcome<T>(T value, Problem problem) {

    private static final Logger LOG = Logger.getLogger(Outcome.class);

    public boolean ok() {
        return problem == null;
    }

    public int status() {
        return problem == null ? 200 : problem.status();
    }

    /** The service's messages for one form field (empty when the field is fine). */
    public List<Violation> errors(String field) {
        return problem == null ? List.of() : problem.violations().stream()
                .filter(v -> v.field() != null && (v.field().equals(field) || v.field().endsWith("." + field)))
                .toList();
    }

    public static <T> Uni<Outcome<T>> of(String service, Uni<T> call) {
        return call.ifNoItem().after(Fetch.TIMEOUT).fail()
                .map(v -> new Outcome<T>(v, null))
                .onFailure().recoverWithItem(e -> new Outcome<>(null, problem(service, e)));
    }

    public static <T> Outcome<T> refused(int status, String detail, List<Violation> violations) {
        return new Outcome<>(null, new Problem(null, null, status, detail, violations, null, null, null, null, null,
                null));
    }

    static Problem problem(String service, Throwable e) {
        if (e instanceof WebApplicationException w) {
            int status = w.getResponse().getStatus();
            try {
                Problem p = w.getResponse().readEntity(Problem.class);
                if (p != null) {
                    return p.status() == status ? p : new Problem(p.type(), p.title(), status, p.detail(),
                            p.violations(), p.currentStatus(), p.allowed(), p.remaining(), p.currentEtag(),
                            p.importSummary(), p.decisionSummary());
                }
            } catch (RuntimeException unreadable) {
                LOG.debugf("%s answered %d without a readable problem: %s", service, status, unreadable);
            }
            return new Problem(null, null, status, null, List.of(), null, null, null, null, null, null);
        }
        LOG.warnf("%s did not answer a write: %s", service, e instanceof TimeoutException ? "timeout" : e.toString());
        return new Problem(null, "unavailable", 503, service, List.of(), null, null, null, null, null, null);
    }
}
