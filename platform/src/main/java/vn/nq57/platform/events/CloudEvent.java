package vn.nq57.platform.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;

/**
 * The event envelope: CloudEvents 1.0 JSON (structured mode) plus the extensions {@code aggregateversion},
 * {@code origininstance} (DESIGN.md §3 Events) and {@code aggregatetype} (the kind of aggregate the subject names:
 * one id may carry versions of two aggregates, e.g. an indicator and its evaluation).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CloudEvent(String specversion, String id, String source, String type, String subject,
                         OffsetDateTime time, String datacontenttype, long aggregateversion, String origininstance,
                         JsonNode data, String aggregatetype) {

    public static final String SPEC_VERSION = "1.0";

    /** The aggregate whose versions order this event: its type (when given) and id. */
    public String aggregateKey() {
        return aggregatetype == null ? subject : aggregatetype + ":" + subject;
    }
}
