package vn.nq57.budget;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.junit.jupiter.api.Test;
import vn.nq57.budget.Fixtures.Initiative;
import vn.nq57.platform.testing.TestTokens;

@QuarkusTest
class OutboxEventsTest {

    static final int YEAR = Fixtures.PAST_YEAR;

    @Inject
    @Any
    InMemoryConnector connector;

    @Inject
    ObjectMapper mapper;

    private List<JsonNode> eventsFor(String subject) {
        return connector.<String>sink("nq57-events").received().stream()
                .map(this::read)
                .filter(e -> subject.equals(e.path("subject").asText()))
                .toList();
    }

    private JsonNode read(Message<String> m) {
        try {
            JsonNode node = mapper.readTree(m.getPayload());
            String topic = m.getMetadata(OutgoingKafkaRecordMetadata.class).map(OutgoingKafkaRecordMetadata::getTopic)
                    .orElse(null);
            return ((com.fasterxml.jackson.databind.node.ObjectNode) node).put("_topic", topic);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void everyAllocationChangeIsPublishedOnceInOrderAndRefusedWritesPublishNothing() {
        Fixtures.ensureFiscalYear(YEAR);
        // an unfunded key initiative of the same System: the approval stores a priority warning, still one version
        Fixtures.register(Fixtures.newInitiative("H4", "BKHCN", true));
        Initiative i = Fixtures.newInitiative("H4", "BKHCN", false);
        String id = Fixtures.approved(i, YEAR, "LOCAL_BUDGET", 1_000L);
        String etag = given().auth().oauth2(TestTokens.centralAdmin()).when().get("/api/v1/allocations/" + id)
                .then().extract().header("ETag");
        given().auth().oauth2(TestTokens.centralAdmin()).contentType(ContentType.JSON).header("If-Match", etag)
                .body(Map.of("amount", 2_000L, "reason", "Bổ sung")).when().post("/api/v1/allocations/" + id + "/amendments")
                .then().statusCode(200);
        String payment = Fixtures.disburse(TestTokens.submitter("BKHCN"), id, YEAR + "-10-10", 500L, Fixtures.reference())
                .then().statusCode(201).extract().path("id");
        // refused: an overdraft, an out-of-scope submitter; neither may publish anything
        Fixtures.disburse(TestTokens.submitter("BKHCN"), id, YEAR + "-10-11", 1_501L, Fixtures.reference())
                .then().statusCode(409);
        Fixtures.disburse(TestTokens.submitter("BYT"), id, YEAR + "-10-11", 1L, Fixtures.reference())
                .then().statusCode(403);
        given().auth().oauth2(TestTokens.submitter("BKHCN")).contentType(ContentType.JSON)
                .body(Map.of("reason", "Hoàn trả", "date", YEAR + "-10-12"))
                .when().post("/api/v1/disbursements/" + payment + "/reversal").then().statusCode(201);
        etag = given().auth().oauth2(TestTokens.centralAdmin()).when().get("/api/v1/allocations/" + id)
                .then().extract().header("ETag");
        given().auth().oauth2(TestTokens.centralAdmin()).contentType(ContentType.JSON).header("If-Match", etag)
                .body(Map.of("reason", "Hủy")).when().post("/api/v1/allocations/" + id + "/cancellation")
                .then().statusCode(200);

        List<String> expected = List.of("nq57.allocation.created.v1", "nq57.allocation.approved.v1",
                "nq57.allocation.amended.v1", "nq57.disbursement.recorded.v1", "nq57.disbursement.reversed.v1",
                "nq57.allocation.cancelled.v1");
        await().atMost(Duration.ofSeconds(20)).until(() -> eventsFor(id).size() >= expected.size());
        List<JsonNode> events = eventsFor(id);
        assertEquals(expected, events.stream().map(e -> e.path("type").asText()).toList());
        assertEquals(List.of(0L, 1L, 2L, 3L, 4L, 5L), events.stream().map(e -> e.path("aggregateversion").asLong()).toList());
        for (JsonNode e : events) {
            assertEquals("nq57.budget.v1", e.path("_topic").asText());
            assertEquals("1.0", e.path("specversion").asText());
            assertEquals("/instances/central/budget-service", e.path("source").asText());
            assertEquals("central", e.path("origininstance").asText());
        }
        JsonNode recorded = events.get(3).path("data");
        assertEquals(payment, recorded.path("id").asText());
        assertEquals(500L, recorded.path("amount").asLong());
        assertEquals(500L, recorded.path("allocationDisbursed").asLong());
        assertEquals(i.id().toString(), recorded.path("initiativeId").asText());
        assertEquals(-500L, events.get(4).path("data").path("amount").asLong());
        assertEquals("CANCELLED", events.get(5).path("data").path("status").asText());
    }

    @Test
    void aFiscalYearUpdateIsPublished() {
        Fixtures.setFiscalYear(2039, 500L, 20L);
        String fiscalYearId = given().auth().oauth2(TestTokens.viewer("BKHCN")).when().get("/api/v1/fiscal-years/2039")
                .then().extract().path("id");
        await().atMost(Duration.ofSeconds(20)).until(() -> eventsFor(fiscalYearId).stream()
                .anyMatch(e -> e.path("data").path("stiBudget").asLong() == 20L));
        JsonNode e = eventsFor(fiscalYearId).get(eventsFor(fiscalYearId).size() - 1);
        assertEquals("nq57.fiscal-year.updated.v1", e.path("type").asText());
        assertEquals(2039, e.path("data").path("year").asInt());
        assertEquals(500L, e.path("data").path("totalStateExpenditure").asLong());
    }
}
