package vn.nq57.platform.error;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one exception the domain throws for an expected failure; the mapper turns it into problem+json.
 * Use the factory methods so that the {@code type} URIs stay one list.
 */
public class ApiException extends RuntimeException {

    private final int status;
    private final String type;
    private final String title;
    private final List<Problem.Violation> violations;
    private final Map<String, Object> extensions = new LinkedHashMap<>();

    public ApiException(int status, String type, String title, String detail, List<Problem.Violation> violations) {
        super(detail);
        this.status = status;
        this.type = type;
        this.title = title;
        this.violations = violations == null ? List.of() : List.copyOf(violations);
    }

    public static ApiException badRequest(String detail, List<Problem.Violation> violations) {
        return new ApiException(400, ProblemTypes.VALIDATION, "Invalid request", detail, violations);
    }

    public static ApiException badRequest(String field, String message) {
        return badRequest(message, List.of(new Problem.Violation(field, message)));
    }

    public static ApiException notFound(String what, Object id) {
        return new ApiException(404, ProblemTypes.NOT_FOUND, "Not found", what + " " + id + " does not exist", null);
    }

    public static ApiException conflict(String detail) {
        return new ApiException(409, ProblemTypes.CONFLICT, "Conflict", detail, null);
    }

    public static ApiException forbidden(String detail) {
        return new ApiException(403, ProblemTypes.FORBIDDEN, "Forbidden", detail, null);
    }

    public static ApiException unprocessable(String detail) {
        return new ApiException(422, ProblemTypes.UNPROCESSABLE, "Unprocessable request", detail, null);
    }

    public static ApiException preconditionFailed(String detail) {
        return new ApiException(412, ProblemTypes.PRECONDITION_FAILED, "Precondition failed", detail, null);
    }

    public static ApiException preconditionRequired(String detail) {
        return new ApiException(428, ProblemTypes.PRECONDITION_REQUIRED, "Precondition required", detail, null);
    }

    /** Adds an extension member to the problem (e.g. {@code allowed}, {@code remaining}). */
    public ApiException with(String member, Object value) {
        extensions.put(member, value);
        return this;
    }

    public int status() {
        return status;
    }

    public String type() {
        return type;
    }

    public String title() {
        return title;
    }

    public List<Problem.Violation> violations() {
        return violations;
    }

    public Map<String, Object> extensions() {
        return extensions;
    }
}
