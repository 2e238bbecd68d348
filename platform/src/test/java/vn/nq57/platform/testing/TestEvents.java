package vn.nq57.platform.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * CloudEvents as the platform's outbox writes them (DESIGN.md §3 Events), for tests that feed a consumer or post to
 * {@code /api/v1/federation/events}. Serialise the map with any JSON mapper (RestAssured does), or with
 * {@link #json(Map)} for a topic of the in-memory connector.
 */
public final class TestEvents {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private TestEvents() {
    }

    /** A new event with a random id, now. */
    public static Map<String, Object> event(String type, Object subject, long version, String origin, Object data) {
        return event(UUID.randomUUID().toString(), type, subject, version, origin, data);
    }

    /** An event with the given id (to send the same event twice). */
    public static Map<String, Object> event(String id, String type, Object subject, long version, String origin,
                                            Object data) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("specversion", "1.0");
        event.put("id", id);
        event.put("source", "/instances/" + origin + "/test");
        event.put("type", type);
        event.put("subject", String.valueOf(subject));
        event.put("time", OffsetDateTime.now(ZoneOffset.UTC).toString());
        event.put("datacontenttype", "application/json");
        event.put("aggregateversion", version);
        event.put("origininstance", origin);
        event.put("data", data);
        return event;
    }

    /** The event as the JSON text a topic carries. */
    public static String json(Map<String, Object> event) {
        try {
            return MAPPER.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** Event data given as JSON text (to use as {@code data} above). */
    public static JsonNode data(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
