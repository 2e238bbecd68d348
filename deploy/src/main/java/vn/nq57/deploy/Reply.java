package vn.nq57.deploy;

import java.util.List;
import java.util.Map;

/**
 * What one call through a generated client answered: the typed body on 2xx (else {@code null}, with the problem's
 * {@code raw} text), the headers, and which request it was ({@code method}, {@code path}) for the loader's messages.
 */
record Reply<T>(String method, String path, int status, T body, Map<String, List<String>> headers, String raw) {

    boolean ok() {
        return status >= 200 && status < 300;
    }

    /** The ETag the answer carried, or {@code null}. */
    String etag() {
        for (Map.Entry<String, List<String>> h : headers.entrySet()) {
            if (h.getKey() != null && h.getKey().equalsIgnoreCase("ETag") && !h.getValue().isEmpty()) {
                return h.getValue().get(0);
            }
        }
        return null;
    }

    /** If-Match for a change after this read: its ETag, else the version it showed, quoted as the services' ETags are. */
    String ifMatch(Long version) {
        String etag = etag();
        return etag != null ? etag : "\"" + (version == null ? 0 : version) + "\"";
    }
}
