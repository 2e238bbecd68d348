package vn.nq57.platform.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;

/**
 * The event envelope: CloudEvents 1.0 JSON (structured mode) plus the extensions {@code aggregateversion} and
 * {@code origininstance} (DESIGN.md §3 Events).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CloudEvent(String specversion, String id, String source, String type, String subject,
                         OffsetDateTime time, String datacontenttype, long aggregateversion, String origininstance,
                         JsonNode data) {

    public static final String SPEC_VERSION = "1.0";
}
