package vn.nq57.initiative.outbox;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import io.smallrye.reactive.messaging.memory.InMemorySink;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import vn.nq57.initiative.Fixtures;
import vn.nq57.platform.outbox.OutboxEvent;
import vn.nq57.platform.outbox.OutboxRelay;

@QuarkusTest
class OutboxTest {

    @Inject
    @Any
    InMemoryConnector connector;

    @Inject
    SwitchableEventSender sender;

    @Inject
    OutboxRelay relay;

    @Inject
    RollbackProbe probe;

    @Inject
    ObjectMapper mapper;

    @AfterEach
    void brokerBack() {
        sender.brokerDown(false);
        relay.resetBackoff();
    }

    @Test
    void aCommittedWriteIsPublishedExactlyOnceInACloudEventsEnvelope() throws Exception {
        String id = Fixtures.createId("H4", "BKHCN");
        await().atMost(Duration.ofSeconds(20)).until(() -> published(id, "nq57.initiative.created.v1").size() == 1);
        // later relay rounds publish nothing more for it
        String later = Fixtures.createId("H4", "BKHCN");
        await().atMost(Duration.ofSeconds(20)).until(() -> published(later, "nq57.initiative.created.v1").size() == 1);
        List<Message<String>> messages = published(id, "nq57.initiative.created.v1");
        assertEquals(1, messages.size());

        Message<String> message = messages.get(0);
        OutgoingKafkaRecordMetadata<?> kafka = message.getMetadata(OutgoingKafkaRecordMetadata.class).orElseThrow();
        assertEquals("nq57.initiatives.v1", kafka.getTopic());
        assertEquals(id, kafka.getKey());
        JsonNode event = mapper.readTree(message.getPayload());
        assertEquals("1.0", event.get("specversion").asText());
        assertEquals("/instances/central/initiative-service", event.get("source").asText());
        assertEquals("nq57.initiative.created.v1", event.get("type").asText());
        assertEquals(id, event.get("subject").asText());
        assertEquals(0, event.get("aggregateversion").asLong());
        assertEquals("central", event.get("origininstance").asText());
        assertEquals("application/json", event.get("datacontenttype").asText());
        assertNotNull(UUID.fromString(event.get("id").asText()));
        assertNotNull(event.get("time").asText());
        assertEquals(id, event.get("data").get("id").asText());
        assertEquals("BKHCN", event.get("data").get("leadAgencyCode").asText());
        assertEquals("DRAFT", event.get("data").get("status").asText());
        // the relay marks the row sent once the broker acknowledged, just after the message arrives
        await().atMost(Duration.ofSeconds(20)).until(() -> QuarkusTransaction.requiringNew().call(() ->
                OutboxEvent.<OutboxEvent>find("aggregateId", id).firstResult().publishedAt != null));
    }

    @Test
    void aRolledBackWriteIsNeverPublished() {
        String aggregate = UUID.randomUUID().toString();
        assertThrows(IllegalStateException.class, () -> probe.publishThenFail(aggregate));
        assertEquals(0L, (long) QuarkusTransaction.requiringNew().call(() -> OutboxEvent.count("aggregateId", aggregate)));
        // a later committed write goes out, so the relay has run past the point of the rolled-back one
        String later = Fixtures.createId("H4", "BKHCN");
        await().atMost(Duration.ofSeconds(20)).until(() -> published(later, "nq57.initiative.created.v1").size() == 1);
        assertEquals(0, published(aggregate, "nq57.test.rolled-back.v1").size());
    }

    @Test
    void whileTheBrokerIsDownEventsStayPendingAndGoOutOnceItIsBack() {
        sender.brokerDown(true);
        String id = Fixtures.createId("H5", "BGDDT");
        await().atMost(Duration.ofSeconds(20)).until(() -> QuarkusTransaction.requiringNew().call(() -> {
            OutboxEvent e = OutboxEvent.<OutboxEvent>find("aggregateId", id).firstResult();
            return e.attempts >= 1 && e.lastError != null && e.lastError.contains("broker unavailable");
        }));
        assertEquals(0, published(id, "nq57.initiative.created.v1").size());
        assertTrue(QuarkusTransaction.requiringNew().call(() ->
                OutboxEvent.<OutboxEvent>find("aggregateId", id).firstResult().publishedAt == null));

        sender.brokerDown(false);
        relay.resetBackoff();
        await().atMost(Duration.ofSeconds(20)).until(() -> published(id, "nq57.initiative.created.v1").size() == 1);
        // the relay marks the row sent once the broker acknowledged, just after the message arrives
        await().atMost(Duration.ofSeconds(20)).until(() -> QuarkusTransaction.requiringNew().call(() ->
                OutboxEvent.<OutboxEvent>find("aggregateId", id).firstResult().publishedAt != null));
    }

    @Test
    void oneAggregatesEventsArePublishedInTheOrderTheyWereCommitted() throws Exception {
        String id = Fixtures.createId("H1", "BNV");
        io.restassured.RestAssured.given().auth().oauth2(vn.nq57.platform.testing.TestTokens.centralAdmin())
                .contentType(io.restassured.http.ContentType.JSON)
                .body(java.util.Map.of("to", "APPROVED", "reason", "ok"))
                .when().post("/api/v1/initiatives/" + id + "/transitions").then().statusCode(200);
        io.restassured.RestAssured.given().auth().oauth2(vn.nq57.platform.testing.TestTokens.centralAdmin())
                .contentType(io.restassured.http.ContentType.JSON)
                .body(java.util.Map.of("to", "IN_PROGRESS", "reason", "go"))
                .when().post("/api/v1/initiatives/" + id + "/transitions").then().statusCode(200);
        await().atMost(Duration.ofSeconds(20)).until(() -> published(id, null).size() == 3);
        List<Long> versions = published(id, null).stream().map(m -> {
            try {
                return mapper.readTree(m.getPayload()).get("aggregateversion").asLong();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).toList();
        assertEquals(List.of(0L, 1L, 2L), versions);
    }

    private List<Message<String>> published(String subject, String type) {
        InMemorySink<String> sink = connector.sink("nq57-events");
        return sink.received().stream().<Message<String>>map(m -> m).filter(m -> {
            try {
                JsonNode e = mapper.readTree(m.getPayload());
                return subject.equals(e.get("subject").asText()) && (type == null || type.equals(e.get("type").asText()));
            } catch (Exception ex) {
                return false;
            }
        }).toList();
    }
}
