package vn.nq57.platform.http;

import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Response;
import vn.nq57.platform.error.ApiException;

/**
 * Optimistic concurrency over HTTP: the ETag of a resource is its entity version; an update must send it back in
 * {@code If-Match}. Missing is 428, stale is 412.
 */
public final class ETags {

    private ETags() {
    }

    public static EntityTag of(long version) {
        return new EntityTag(Long.toString(version));
    }

    /** A 201 answer: {@code Location} is the request URI plus the new resource's id, with the body and its ETag. */
    public static Response created(jakarta.ws.rs.core.UriInfo uri, Object id, Object body, long version) {
        return Response.created(uri.getAbsolutePathBuilder().path(String.valueOf(id)).build())
                .entity(body).tag(of(version)).build();
    }

    /** A 200 answer with the resource and its ETag. */
    public static Response ok(Object body, long version) {
        return Response.ok(body).tag(of(version)).build();
    }

    /**
     * Checks {@code If-Match} against the current version.
     *
     * @throws ApiException 428 when the header is missing, 412 when it names another version
     */
    public static void require(String ifMatch, long currentVersion) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw ApiException.preconditionRequired(
                    "this update needs an If-Match header with the ETag you read (GET the resource first)");
        }
        for (String candidate : ifMatch.split(",")) {
            String tag = candidate.trim();
            if (tag.equals("*")) {
                return;
            }
            if (tag.startsWith("W/")) {
                tag = tag.substring(2);
            }
            if (tag.length() >= 2 && tag.startsWith("\"") && tag.endsWith("\"")) {
                tag = tag.substring(1, tag.length() - 1);
            }
            if (tag.equals(Long.toString(currentVersion))) {
                return;
            }
        }
        throw ApiException.preconditionFailed("If-Match " + ifMatch + " does not match the current ETag \""
                + currentVersion + "\": the resource changed since you read it")
                .with("currentEtag", "\"" + currentVersion + "\"");
    }
}
