package vn.nq57.platform.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;

/**
 * The consumer side of events: parse the envelope, and remember processed event ids in the same transaction as the
 * effect, so that a redelivered event has no second effect.
 */
@ApplicationScoped
public class IdempotentConsumer {

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper mapper;

    /**
     * Records that {@code consumer} handles {@code eventId}; false if it already did (then skip the event).
     * Call it first inside the transaction that applies the event.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean firstDelivery(String consumer, String eventId) {
        return em.createNativeQuery("INSERT INTO processed_event (consumer, event_id) VALUES (?1, ?2) "
                        + "ON CONFLICT DO NOTHING")
                .setParameter(1, consumer).setParameter(2, eventId).executeUpdate() == 1;
    }

    /**
     * Records the events {@code ids} (a {@link #jsonArray}) as processed by {@code consumer}, in one statement, and
     * answers those seen for the first time (a set the caller may change). Call it inside the transaction that applies
     * them.
     */
    public java.util.Set<String> firstDeliveries(String consumer, String ids) {
        @SuppressWarnings("unchecked")
        List<String> fresh = em.createNativeQuery("""
                        INSERT INTO processed_event (consumer, event_id)
                        SELECT DISTINCT ?1, id FROM jsonb_array_elements_text(cast(?2 AS jsonb)) AS t(id)
                        ON CONFLICT DO NOTHING RETURNING event_id""")
                .setParameter(1, consumer).setParameter(2, ids).getResultList();
        return new java.util.HashSet<>(fresh);
    }

    /** Strings as a JSON array, the one parameter by which a statement takes a set of keys ({@code jsonb_array_elements_text}). */
    public static String jsonArray(Iterable<String> values) {
        com.fasterxml.jackson.databind.node.ArrayNode array = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance
                .arrayNode();
        values.forEach(array::add);
        return array.toString();
    }

    /** Reads a CloudEvent from its JSON form; an unreadable payload is an {@link IllegalArgumentException}. */
    public CloudEvent parse(String json) {
        return read(() -> mapper.readValue(json, CloudEvent.class));
    }

    /**
     * Reads a CloudEvent from a JSON tree already read (no text in between); unreadable: IllegalArgumentException. The
     * envelope's other members are read into the record and {@code data} is the tree's own node, not a copy of it (a
     * copy per event was 6 % of central's CPU applying a ministry's batch).
     */
    public CloudEvent parse(com.fasterxml.jackson.databind.JsonNode node) {
        if (!(node instanceof com.fasterxml.jackson.databind.node.ObjectNode object) || !object.has("data")) {
            return read(() -> mapper.treeToValue(node, CloudEvent.class));
        }
        com.fasterxml.jackson.databind.node.ObjectNode envelope = mapper.createObjectNode();
        object.fields().forEachRemaining(f -> {
            if (!f.getKey().equals("data")) {
                envelope.set(f.getKey(), f.getValue());
            }
        });
        CloudEvent e = read(() -> mapper.treeToValue(envelope, CloudEvent.class));
        return new CloudEvent(e.specversion(), e.id(), e.source(), e.type(), e.subject(), e.time(), e.datacontenttype(),
                e.aggregateversion(), e.origininstance(), object.get("data"), e.aggregatetype());
    }

    private static CloudEvent read(java.util.concurrent.Callable<CloudEvent> reader) {
        CloudEvent event;
        try {
            event = reader.call();
        } catch (Exception e) {
            throw new IllegalArgumentException("not a CloudEvent: " + e.getMessage(), e);
        }
        if (event == null || event.id() == null || event.type() == null) {
            throw new IllegalArgumentException("not a CloudEvent: id and type are required");
        }
        return event;
    }
}
