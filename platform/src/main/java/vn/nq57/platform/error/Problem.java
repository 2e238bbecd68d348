package vn.nq57.platform.error;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * An RFC 9457 problem detail, as every service answers a failure ({@code application/problem+json}).
 *
 * @param type          a URI naming the kind of problem (stable, documented in the README)
 * @param title         short human summary of the kind
 * @param status        the HTTP status
 * @param detail        what went wrong in this occurrence
 * @param instance      the request path
 * @param violations    field-level problems of bad input
 * @param correlationId the id that is also in the server log (always set for 500)
 * @param extensions    extra members of a problem kind (e.g. {@code allowed} transitions, {@code remaining} amount)
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, String instance,
                      List<Violation> violations, String correlationId, Map<String, Object> extensions) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** One field-level problem: {@code field} is a JSON path such as {@code outputs[0].dueDate}. */
    public record Violation(String field, String message) {
    }

    @com.fasterxml.jackson.annotation.JsonAnyGetter
    public Map<String, Object> extensionMembers() {
        return extensions;
    }

    @Override
    @com.fasterxml.jackson.annotation.JsonIgnore
    public Map<String, Object> extensions() {
        return extensions;
    }
}
