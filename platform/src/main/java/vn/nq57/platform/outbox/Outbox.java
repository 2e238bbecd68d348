package vn.nq57.platform.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.sql.PreparedStatement;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.Session;
import vn.nq57.platform.InstanceConfig;
import vn.nq57.platform.events.CloudEvent;

/**
 * The only way a service emits an event: stored in the {@code outbox} table inside the caller's transaction, so
 * nothing uncommitted is ever published and nothing committed is lost; {@link OutboxRelay} publishes it.
 */
@vn.nq57.platform.jdbc.Jdbc("events inserted in one batch on the transaction's connection, with no entity to track (measured)")
@ApplicationScoped
public class Outbox {

    @Inject
    ObjectMapper mapper;

    @Inject
    EntityManager em;

    @Inject
    InstanceConfig instance;

    @Inject
    jakarta.transaction.TransactionSynchronizationRegistry transactions;

    @Inject
    OutboxRelay relay;

    @Inject
    jakarta.enterprise.event.Event<Committed> committed;

    /** Fired (synchronously, after commit) when a transaction that stored events has committed. */
    public record Committed(boolean forward) {
    }

    private static final Object KEY = new Object();

    @ConfigProperty(name = "quarkus.application.name")
    String service;

    /** Put before every topic name, so that several instances can share one broker (e.g. {@code bkhcn.}). */
    @ConfigProperty(name = "nq57.topic-prefix")
    java.util.Optional<String> topicPrefix;

    /**
     * Stores an event for the aggregate at {@code version}.
     *
     * @param topic   e.g. {@code nq57.initiatives.v1}
     * @param type    e.g. {@code nq57.initiative.status-changed.v1}
     * @param data    the event's data (a record), serialised as JSON
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void publish(String topic, String type, String aggregateType, Object aggregateId, long version,
                        Object data) {
        publish(topic, type, aggregateType, aggregateId, version, data, instance.id());
    }

    /**
     * Once per transaction: when it commits, the relay (and, for events to forward, the federation forwarder) is
     * woken at once instead of at its next scheduled round, so an event leaves within milliseconds of its commit.
     */
    private void wakeAfterCommit(boolean forward) {
        boolean[] state = (boolean[]) transactions.getResource(KEY);
        if (state != null) {
            state[0] |= forward;
            return;
        }
        boolean[] fresh = {forward};
        transactions.putResource(KEY, fresh);
        transactions.registerInterposedSynchronization(new jakarta.transaction.Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == jakarta.transaction.Status.STATUS_COMMITTED) {
                    relay.kick();
                    committed.fire(new Committed(fresh[0]));
                }
            }
        });
    }

    /**
     * The data as the event's node without building a tree of it: a record is wrapped (and serialised once, with the
     * payload), a node is taken as it is.
     */
    private com.fasterxml.jackson.databind.JsonNode asNode(Object data) {
        return data instanceof com.fasterxml.jackson.databind.JsonNode node ? node : mapper.getNodeFactory().pojoNode(data);
    }

    /** As {@link #publish(String, String, String, Object, long, Object)} for data that originated elsewhere. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void publish(String topic, String type, String aggregateType, Object aggregateId, long version,
                        Object data, String originInstance) {
        insert(List.of(row(topic, type, aggregateType, aggregateId, version, data, originInstance)));
    }

    /** One event of {@link #publishAll}. */
    public record Pending(String type, String aggregateType, Object aggregateId, long version, Object data) {
    }

    /**
     * Stores several events of this instance in one round trip to the database, in the order given (e.g. the
     * evaluations a batch of values changed).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void publishAll(String topic, List<Pending> events) {
        publishAll(topic, events, instance.id());
    }

    /** As {@link #publishAll(String, List)} for events that originated at {@code originInstance}. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void publishAll(String topic, List<Pending> events, String originInstance) {
        if (events.isEmpty()) {
            return;
        }
        List<OutboxEvent> rows = new ArrayList<>(events.size());
        for (Pending e : events) {
            rows.add(row(topic, e.type(), e.aggregateType(), e.aggregateId(), e.version(), e.data(), originInstance));
        }
        insert(rows);
    }

    private OutboxEvent row(String topic, String type, String aggregateType, Object aggregateId, long version,
                            Object data, String originInstance) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        UUID id = UUID.randomUUID();
        CloudEvent event = new CloudEvent(CloudEvent.SPEC_VERSION, id.toString(),
                "/instances/" + instance.id() + "/" + service, type, String.valueOf(aggregateId), now,
                "application/json", version, originInstance, asNode(data), aggregateType);
        OutboxEvent row = new OutboxEvent();
        row.id = id;
        row.topic = topicPrefix.orElse("") + topic;
        row.aggregateType = aggregateType;
        row.aggregateId = String.valueOf(aggregateId);
        row.aggregateVersion = version;
        row.eventType = type;
        row.createdAt = now;
        row.forward = "ministry".equals(instance.role()) && instance.id().equals(originInstance);
        try {
            row.payload = mapper.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("event data cannot be serialised: " + type, e);
        }
        return row;
    }

    /**
     * Inserts the rows with plain JDBC on the transaction's connection, in one round trip: no entity to track and
     * no generated {@code seq} to read back (the relay reads it); the order of the rows is their order of {@code seq}.
     */
    private void insert(List<OutboxEvent> rows) {
        em.unwrap(Session.class).doWork(c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO outbox (id, topic, aggregate_type, aggregate_id, aggregate_version, event_type, payload,
                        created_at, forward) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
                for (OutboxEvent row : rows) {
                    ps.setObject(1, row.id);
                    ps.setString(2, row.topic);
                    ps.setString(3, row.aggregateType);
                    ps.setString(4, row.aggregateId);
                    ps.setLong(5, row.aggregateVersion);
                    ps.setString(6, row.eventType);
                    ps.setString(7, row.payload);
                    ps.setObject(8, row.createdAt);
                    ps.setBoolean(9, row.forward);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        });
        wakeAfterCommit(rows.stream().anyMatch(r -> r.forward));
    }
}
