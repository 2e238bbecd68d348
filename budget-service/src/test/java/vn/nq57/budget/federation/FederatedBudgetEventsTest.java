package vn.nq57.budget.federation;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.nq57.budget.Fixtures;
import vn.nq57.budget.Fixtures.Initiative;
import vn.nq57.budget.events.BudgetEvents;
import vn.nq57.platform.events.EventInbox;
import vn.nq57.platform.testing.TestEvents;
import vn.nq57.platform.testing.TestTokens;

/**
 * Central's side of federation for budget-service: a ministry's allocation and disbursement events, posted to
 * {@code /api/v1/federation/events} with the ministry's federation token, become read-only rows at central with the
 * ministry as origin.
 */
@QuarkusTest
class FederatedBudgetEventsTest {

    static final int YEAR = Fixtures.PAST_YEAR;
    static final String BKHCN = TestTokens.federation("bkhcn", "BKHCN");

    @Inject
    EventInbox inbox;

    @Inject
    EntityManager em;

    @Inject
    @Any
    InMemoryConnector connector;

    @Inject
    ObjectMapper mapper;

    @BeforeEach
    void fiscalYear() {
        Fixtures.ensureFiscalYear(YEAR);
    }

    /** An allocation of the ministry as its events carry it. */
    static final class Ministry {
        final UUID id = UUID.randomUUID();
        final String code = "AL-" + YEAR + "-" + ThreadLocalRandom.current().nextInt(100_000, 999_999);
        final Initiative initiative;
        long amount = 1_000L;
        long disbursed;
        String status = "PLANNED";

        Ministry(Initiative initiative) {
            this.initiative = initiative;
        }

        Map<String, Object> state(long version) {
            Map<String, Object> s = new HashMap<>();
            s.put("id", id.toString());
            s.put("code", code);
            s.put("initiativeId", initiative.id().toString());
            s.put("system", initiative.system());
            s.put("leadAgency", initiative.leadAgency());
            s.put("fiscalYear", YEAR);
            s.put("fundingSource", "LOCAL_BUDGET");
            s.put("amount", amount);
            s.put("disbursed", disbursed);
            s.put("status", status);
            s.put("version", version);
            s.put("purpose", "Kinh phí triển khai " + initiative.code());
            s.put("unfundedKeyInitiatives", List.of());
            s.put("createdBy", "admin.bkhcn");
            s.put("createdAt", "2025-03-01T02:00:00Z");
            s.put("updatedAt", OffsetDateTime.now(ZoneOffset.UTC).toString());
            s.put("originInstance", "bkhcn");
            if ("APPROVED".equals(status)) {
                s.put("approvedBy", "admin.bkhcn");
                s.put("approvedByAgency", "BKHCN");
                s.put("approvedAt", "2025-03-02T02:00:00Z");
            }
            return s;
        }

        Map<String, Object> event(String type, long version) {
            Map<String, Object> data = state(version);
            data.put("change", Map.of("id", UUID.randomUUID().toString(), "action", action(type), "statusAfter", status,
                    "amountAfter", amount, "actor", "admin.bkhcn", "actorAgency", "BKHCN",
                    "occurredAt", OffsetDateTime.now(ZoneOffset.UTC).toString()));
            return TestEvents.event(type, id, version, "bkhcn", data);
        }

        /** A payment (or with {@code reverses} a reversal) recorded at the ministry; the totals move with it. */
        Map<String, Object> disbursement(UUID disbursementId, long amount, UUID reverses, long version) {
            disbursed += amount;
            Map<String, Object> d = new HashMap<>();
            d.put("id", disbursementId.toString());
            d.put("kind", reverses == null ? "PAYMENT" : "REVERSAL");
            d.put("allocationId", id.toString());
            d.put("initiativeId", initiative.id().toString());
            d.put("fiscalYear", YEAR);
            d.put("date", YEAR + "-06-10");
            d.put("amount", amount);
            d.put("paymentReference", "UNC-BKHCN-" + (reverses == null ? disbursementId : reverses));
            d.put("note", "Thanh toán đợt 1");
            if (reverses != null) {
                d.put("reversesId", reverses.toString());
                d.put("reason", "Hoàn trả");
            }
            d.put("allocationAmount", this.amount);
            d.put("allocationDisbursed", disbursed);
            d.put("recordedBy", "submitter.bkhcn");
            d.put("recordedByAgency", "BKHCN");
            d.put("recordedAt", OffsetDateTime.now(ZoneOffset.UTC).toString());
            d.put("originInstance", "bkhcn");
            d.put("allocationState", state(version));
            return TestEvents.event(reverses == null ? BudgetEvents.DISBURSEMENT_RECORDED
                    : BudgetEvents.DISBURSEMENT_REVERSED, id, version, "bkhcn", d);
        }

        private static String action(String type) {
            return switch (type) {
                case BudgetEvents.ALLOCATION_CREATED -> "CREATED";
                case BudgetEvents.ALLOCATION_APPROVED -> "APPROVED";
                case BudgetEvents.ALLOCATION_CANCELLED -> "CANCELLED";
                default -> "AMENDED";
            };
        }
    }

    private static Response post(String token, Object... events) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("events", List.of(events)))
                .when().post("/api/v1/federation/events").then().statusCode(200).extract().response();
    }

    private static List<String> statuses(Response answer) {
        return answer.path("results.status");
    }

    /** A ministry's allocation of an initiative central's replica knows (as initiative-service's feed has it). */
    private static Ministry ofAKnownInitiative(String system, String leadAgency) {
        Initiative i = Fixtures.newInitiative(system, leadAgency, false);
        Fixtures.register(i);
        return new Ministry(i);
    }

    /** A ministry's allocation, created and approved at the ministry and applied at central (versions 1 and 2). */
    private static Ministry approvedAtTheMinistry(String system) {
        Ministry m = ofAKnownInitiative(system, "BKHCN");
        Map<String, Object> created = m.event(BudgetEvents.ALLOCATION_CREATED, 1);
        m.status = "APPROVED";
        assertEquals(List.of("APPLIED", "APPLIED"), statuses(post(BKHCN, created,
                m.event(BudgetEvents.ALLOCATION_APPROVED, 2))));
        return m;
    }

    private static io.restassured.response.ValidatableResponse allocation(UUID id) {
        return given().auth().oauth2(TestTokens.viewer("BKHCN")).when().get("/api/v1/allocations/" + id).then();
    }

    private List<JsonNode> announced(String subject) {
        return connector.<String>sink("nq57-events").received().stream().map(m -> {
            try {
                return mapper.readTree(m.getPayload());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).filter(e -> subject.equals(e.path("subject").asText())).toList();
    }

    @Test
    void aMinistrysAllocationIsAppliedAndVisibleWithItsOriginInListsHistoryAndReportTotals() {
        Ministry m = approvedAtTheMinistry("H5");
        allocation(m.id).statusCode(200).header("ETag", equalTo("\"2\""))
                .body("origin", equalTo("bkhcn")).body("status", equalTo("APPROVED")).body("amount", equalTo(1_000))
                .body("code", equalTo(m.code)).body("leadAgency", equalTo("BKHCN"))
                .body("approvedBy", equalTo("admin.bkhcn"));
        given().auth().oauth2(TestTokens.viewer("BKHCN"))
                .when().get("/api/v1/allocations?origin=bkhcn&initiativeId=" + m.initiative.id())
                .then().statusCode(200).body("total", equalTo(1)).body("items[0].origin", equalTo("bkhcn"));
        given().auth().oauth2(TestTokens.viewer("BKHCN"))
                .when().get("/api/v1/allocations?origin=central&initiativeId=" + m.initiative.id())
                .then().statusCode(200).body("total", equalTo(0));
        given().auth().oauth2(TestTokens.viewer("BKHCN")).when().get("/api/v1/allocations/" + m.id + "/history")
                .then().statusCode(200).body("action", equalTo(List.of("CREATED", "APPROVED")))
                .body("actor", everyItem(equalTo("admin.bkhcn")));
        // the report totals count it, with and without the ministry's origin filter; central's own figures do not
        String row = "rows.find { it.initiativeId == '" + m.initiative.id() + "' }";
        given().auth().oauth2(TestTokens.viewer("BKHCN")).when().get("/api/v1/reports/" + YEAR + "/by-initiative")
                .then().statusCode(200).body(row + ".approved", equalTo(1_000));
        given().auth().oauth2(TestTokens.viewer("BKHCN"))
                .when().get("/api/v1/reports/" + YEAR + "/by-initiative?origin=bkhcn")
                .then().statusCode(200).body(row + ".approved", equalTo(1_000))
                .body("rows.initiativeId", hasItem(m.initiative.id().toString()));
        given().auth().oauth2(TestTokens.viewer("BKHCN"))
                .when().get("/api/v1/reports/" + YEAR + "/by-initiative?origin=central")
                .then().statusCode(200).body("rows.initiativeId", not(hasItem(m.initiative.id().toString())));
        // re-announced on central's topic with the ministry as origin, same types, central's scorecard takes them
        await().atMost(Duration.ofSeconds(20)).until(() -> announced(m.id.toString()).size() == 2);
        List<JsonNode> events = announced(m.id.toString());
        assertEquals(List.of(BudgetEvents.ALLOCATION_CREATED, BudgetEvents.ALLOCATION_APPROVED),
                events.stream().map(e -> e.path("type").asText()).toList());
        events.forEach(e -> assertEquals("bkhcn", e.path("origininstance").asText()));
        assertEquals(2, events.get(1).path("aggregateversion").asLong());
        assertEquals("APPROVED", events.get(1).path("data").path("status").asText());
        assertEquals(m.initiative.id().toString(), events.get(1).path("data").path("initiativeId").asText());
    }

    @Test
    void aDisbursementEventUpdatesTheAllocationTotalsAndTheDisbursementAppears() {
        Ministry m = approvedAtTheMinistry("H5");
        UUID payment = UUID.randomUUID();
        assertEquals(List.of("APPLIED"), statuses(post(BKHCN, m.disbursement(payment, 400L, null, 3))));
        allocation(m.id).statusCode(200).body("disbursed", equalTo(400)).body("remaining", equalTo(600))
                .header("ETag", equalTo("\"3\""));
        given().auth().oauth2(TestTokens.viewer("BKHCN"))
                .when().get("/api/v1/disbursements?origin=bkhcn&allocationId=" + m.id)
                .then().statusCode(200).body("total", equalTo(1)).body("items[0].id", equalTo(payment.toString()))
                .body("items[0].origin", equalTo("bkhcn")).body("items[0].amount", equalTo(400))
                .body("items[0].recordedBy", equalTo("submitter.bkhcn"))
                .body("items[0].allocation.disbursed", equalTo(400));
        given().auth().oauth2(TestTokens.viewer("BKHCN"))
                .when().get("/api/v1/reports/" + YEAR + "/by-initiative?origin=bkhcn")
                .then().body("rows.find { it.initiativeId == '" + m.initiative.id() + "' }.disbursed", equalTo(400));
        // a reversal at the ministry brings the total back
        assertEquals(List.of("APPLIED"), statuses(post(BKHCN, m.disbursement(UUID.randomUUID(), -400L, payment, 4))));
        allocation(m.id).body("disbursed", equalTo(0));
        given().auth().oauth2(TestTokens.viewer("BKHCN")).when().get("/api/v1/allocations/" + m.id + "/disbursements")
                .then().body("total", equalTo(2)).body("items.kind", hasItem("REVERSAL"));
        await().atMost(Duration.ofSeconds(20)).until(() -> announced(m.id.toString()).size() == 4);
        JsonNode recorded = announced(m.id.toString()).get(2);
        assertEquals(BudgetEvents.DISBURSEMENT_RECORDED, recorded.path("type").asText());
        assertEquals("bkhcn", recorded.path("origininstance").asText());
        assertEquals(400, recorded.path("data").path("allocationDisbursed").asLong());
    }

    @Test
    void theSameBatchTwiceIsDuplicateAndHasNoSecondEffect() {
        Ministry m = ofAKnownInitiative("H2", "BKHCN");
        Map<String, Object> created = m.event(BudgetEvents.ALLOCATION_CREATED, 1);
        m.status = "APPROVED";
        Map<String, Object> approved = m.event(BudgetEvents.ALLOCATION_APPROVED, 2);
        Map<String, Object> paid = m.disbursement(UUID.randomUUID(), 250L, null, 3);
        assertEquals(List.of("APPLIED", "APPLIED", "APPLIED"), statuses(post(BKHCN, created, approved, paid)));
        assertEquals(List.of("DUPLICATE", "DUPLICATE", "DUPLICATE"), statuses(post(BKHCN, created, approved, paid)));
        allocation(m.id).body("disbursed", equalTo(250)).header("ETag", equalTo("\"3\""));
        given().auth().oauth2(TestTokens.viewer("BKHCN")).when().get("/api/v1/disbursements?allocationId=" + m.id)
                .then().body("total", equalTo(1));
    }

    @Test
    void anOlderVersionAfterANewerOneIsSupersededAndTheStateIsTheNewers() {
        Ministry m = ofAKnownInitiative("H3", "BKHCN");
        Map<String, Object> created = m.event(BudgetEvents.ALLOCATION_CREATED, 1);
        m.amount = 2_000L;
        Map<String, Object> amended = m.event(BudgetEvents.ALLOCATION_AMENDED, 2);
        assertEquals(List.of("APPLIED"), statuses(post(BKHCN, amended)));
        assertEquals(List.of("SUPERSEDED"), statuses(post(BKHCN, created)));
        allocation(m.id).statusCode(200).body("amount", equalTo(2_000)).header("ETag", equalTo("\"2\""));
    }

    @Test
    void anEventWhoseOriginIsNotTheSendersInstanceIsRejected() {
        Ministry m = ofAKnownInitiative("H3", "BYT");
        Map<String, Object> event = m.event(BudgetEvents.ALLOCATION_CREATED, 1);
        event.put("origininstance", "byt");
        Response answer = post(BKHCN, event);
        assertEquals(List.of("REJECTED"), statuses(answer));
        allocation(m.id).statusCode(404);
    }

    @Test
    void aChangeToAnAllocationOwnedByCentralOrAnotherMinistryIsRejectedAndLeavesItUnchanged() {
        Initiative i = Fixtures.newInitiative("H1", "BKHCN", false);
        Fixtures.register(i);
        Response central = Fixtures.plan(i, YEAR, "LOCAL_BUDGET", 5_000L);
        UUID centralId = UUID.fromString(central.path("id"));
        Ministry forged = new Ministry(i);
        Map<String, Object> event = forged.event(BudgetEvents.ALLOCATION_AMENDED, 7);
        event.put("subject", centralId.toString());
        @SuppressWarnings("unchecked")
        Map<String, Object> data = (Map<String, Object>) event.get("data");
        data.put("id", centralId.toString());
        Response answer = post(BKHCN, event);
        assertEquals(List.of("REJECTED"), statuses(answer));
        assertEquals("allocation " + central.path("code") + " is owned by central, not by bkhcn",
                answer.path("results[0].reason"));
        allocation(centralId).body("amount", equalTo(5_000)).body("origin", equalTo("central"))
                .body("version", equalTo(central.<Integer>path("version")));

        // another ministry's allocation
        Ministry byt = new Ministry(i);
        assertEquals(List.of("APPLIED"), statuses(post(TestTokens.federation("byt", "BYT"),
                TestEvents.event(BudgetEvents.ALLOCATION_CREATED, byt.id, 1, "byt", byt.state(1)))));
        byt.amount = 9_999L;
        assertEquals(List.of("REJECTED"), statuses(post(BKHCN, byt.event(BudgetEvents.ALLOCATION_AMENDED, 2))));
        allocation(byt.id).body("amount", equalTo(1_000)).body("origin", equalTo("byt"));

        // a ministry's allocation may carry the same code as one of central's: its code is unique per instance
        Ministry sameCode = new Ministry(i);
        Map<String, Object> clash = sameCode.event(BudgetEvents.ALLOCATION_CREATED, 1);
        @SuppressWarnings("unchecked")
        Map<String, Object> clashData = (Map<String, Object>) clash.get("data");
        clashData.put("code", central.path("code"));
        assertEquals(List.of("APPLIED"), statuses(post(BKHCN, clash)));
        given().auth().oauth2(TestTokens.viewer("BKHCN")).when().get("/api/v1/allocations/" + central.path("code"))
                .then().statusCode(200).body("id", equalTo(centralId.toString()));
    }

    @Test
    void anAllocationOfAnInitiativeCentralDoesNotKnowYetIsParkedThenAppliedWithTheEventsThatWaitedBehindIt() {
        Initiative i = Fixtures.newInitiative("H4", "BKHCN", true);
        Ministry m = new Ministry(i);
        Map<String, Object> created = m.event(BudgetEvents.ALLOCATION_CREATED, 1);
        assertEquals(List.of("PARKED"), statuses(post(BKHCN, created)));
        m.status = "APPROVED";
        // sent meanwhile: waits behind the parked one
        assertEquals(List.of("PARKED"), statuses(post(BKHCN, m.event(BudgetEvents.ALLOCATION_APPROVED, 2))));
        allocation(m.id).statusCode(404);

        // central's initiative replica catches up, and the parked events are retried
        Fixtures.register(i);
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                        "UPDATE parked_event SET next_attempt = now() WHERE aggregate_key = ?1")
                .setParameter(1, "bkhcn/" + m.id).executeUpdate());
        inbox.retryParked();
        allocation(m.id).statusCode(200).body("status", equalTo("APPROVED")).body("origin", equalTo("bkhcn"))
                .header("ETag", equalTo("\"2\""));
        assertEquals(0L, ((Number) QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "SELECT count(*) FROM parked_event WHERE aggregate_key = ?1").setParameter(1, "bkhcn/" + m.id)
                .getSingleResult())).longValue());
    }

    @Test
    void aWriteAtCentralToAMinistrysAllocationOrDisbursementIsReadOnly409() {
        Ministry m = approvedAtTheMinistry("H6");
        UUID payment = UUID.randomUUID();
        assertEquals(List.of("APPLIED"), statuses(post(BKHCN, m.disbursement(payment, 100L, null, 3))));
        String problem = "https://nq57.gov.vn/problems/read-only-replica";
        given().auth().oauth2(TestTokens.centralAdmin()).contentType(ContentType.JSON).header("If-Match", "\"3\"")
                .body(Map.of("amount", 5_000L, "reason", "Bổ sung"))
                .when().post("/api/v1/allocations/" + m.id + "/amendments")
                .then().statusCode(409).body("type", equalTo(problem)).body("owner", equalTo("bkhcn"));
        given().auth().oauth2(TestTokens.centralAdmin()).contentType(ContentType.JSON).header("If-Match", "\"3\"")
                .body(Map.of("reason", "Hủy")).when().post("/api/v1/allocations/" + m.id + "/cancellation")
                .then().statusCode(409).body("type", equalTo(problem));
        Fixtures.disburse(TestTokens.centralAdmin(), m.id.toString(), YEAR + "-07-01", 10L, Fixtures.reference())
                .then().statusCode(409).body("type", equalTo(problem));
        given().auth().oauth2(TestTokens.centralAdmin()).contentType(ContentType.JSON)
                .body(Map.of("reason", "Hoàn trả", "date", YEAR + "-07-01"))
                .when().post("/api/v1/disbursements/" + payment + "/reversal")
                .then().statusCode(409).body("type", equalTo(problem));
        given().auth().oauth2(TestTokens.centralAdmin()).contentType(ContentType.JSON)
                .body(Map.of("rows", List.of(Map.of("allocation", m.id.toString(), "date", YEAR + "-07-01",
                        "amount", 10, "paymentReference", Fixtures.reference()))))
                .when().post("/api/v1/disbursements/batch").then().statusCode(422);
        allocation(m.id).body("amount", equalTo(1_000)).body("disbursed", equalTo(100))
                .header("ETag", equalTo("\"3\""));
    }

    @Test
    void aMinistrysFiscalYearEventIsIgnoredAndMalformedStateIsRejected() {
        assertEquals(List.of("IGNORED"), statuses(post(BKHCN, TestEvents.event(BudgetEvents.FISCAL_YEAR_UPDATED,
                UUID.randomUUID(), 1, "bkhcn", Map.of("year", YEAR, "totalStateExpenditure", 1L, "stiBudget", 1L)))));
        Ministry m = ofAKnownInitiative("H2", "BKHCN");
        m.disbursed = 5_000L;
        Response answer = post(BKHCN, m.event(BudgetEvents.ALLOCATION_CREATED, 1));
        assertEquals(List.of("REJECTED"), statuses(answer));
        allocation(m.id).statusCode(404);
    }

    @Test
    void federationEventsNeedAFederationToken() {
        given().contentType(ContentType.JSON).body(Map.of("events", List.of()))
                .when().post("/api/v1/federation/events").then().statusCode(401);
        given().auth().oauth2(TestTokens.centralAdmin()).contentType(ContentType.JSON).body(Map.of("events", List.of()))
                .when().post("/api/v1/federation/events").then().statusCode(403);
    }
}
