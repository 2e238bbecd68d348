package vn.nq57.platform.error;

/** The problem {@code type} URIs of the platform; documented in the README. */
public final class ProblemTypes {
    private static final String BASE = "https://nq57.gov.vn/problems/";
    public static final String VALIDATION = BASE + "validation";
    public static final String MALFORMED = BASE + "malformed-request";
    public static final String NOT_FOUND = BASE + "not-found";
    public static final String CONFLICT = BASE + "conflict";
    /** A write to a replica: the data is owned by another instance (central, or the ministry that reported it). */
    public static final String READ_ONLY_REPLICA = BASE + "read-only-replica";
    public static final String FORBIDDEN = BASE + "forbidden";
    public static final String UNAUTHORIZED = BASE + "unauthorized";
    public static final String UNPROCESSABLE = BASE + "unprocessable";
    public static final String PRECONDITION_FAILED = BASE + "precondition-failed";
    public static final String PRECONDITION_REQUIRED = BASE + "precondition-required";
    public static final String UNSUPPORTED_MEDIA_TYPE = BASE + "unsupported-media-type";
    public static final String NOT_ACCEPTABLE = BASE + "not-acceptable";
    public static final String METHOD_NOT_ALLOWED = BASE + "method-not-allowed";
    public static final String INTERNAL = BASE + "internal-error";
    /** The service cannot take the request now (database saturated or unreachable); retry after {@code Retry-After}. */
    public static final String UNAVAILABLE = BASE + "service-unavailable";
    public static final String HTTP = BASE + "http-error";

    private ProblemTypes() {
    }
}
