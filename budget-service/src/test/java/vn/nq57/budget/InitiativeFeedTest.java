package vn.nq57.budget;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import vn.nq57.budget.Fixtures.Initiative;
import vn.nq57.platform.testing.TestEvents;
import vn.nq57.platform.testing.TestTokens;

@QuarkusTest
class InitiativeFeedTest {

    @Inject
    @Any
    InMemoryConnector connector;

    private void send(String type, String subject, long version, String data) {
        connector.source("initiative-events").send(TestEvents.json(
                TestEvents.event(type, subject, version, "central", TestEvents.data(data))));
    }

    private static String initiative(UUID id, String code, String lead, boolean key, String status) {
        return """
                {"id":"%s","code":"%s","system":"H4","phase":"P2","titleVi":"Nền tảng dữ liệu","deadline":"2030-12-31",
                 "leadAgencyId":"%s","leadAgencyCode":"%s","coordinatingAgencyCodes":[],"key":%s,"status":"%s",
                 "originInstance":"central","version":1}""".formatted(id, code, UUID.randomUUID(), lead, key, status);
    }

    @Test
    void initiativeEventsFillTheReplicaAndStaleOnesAreSkipped() {
        UUID id = UUID.randomUUID();
        String code = Fixtures.uniqueCode("H4");
        send("nq57.initiative.created.v1", id.toString(), 3, initiative(id, code, "BKHCN", true, "APPROVED"));
        await().atMost(Duration.ofSeconds(20)).until(() -> given().auth().oauth2(TestTokens.viewer("BKHCN"))
                .when().get("/api/v1/initiatives/" + id).statusCode() == 200);
        send("nq57.initiative.updated.v1", id.toString(), 2, initiative(id, code, "BYT", false, "DRAFT"));
        send("nq57.initiative.status-changed.v1", id.toString(), 4, initiative(id, code, "BKHCN", true, "IN_PROGRESS"));
        await().atMost(Duration.ofSeconds(20)).until(() -> "IN_PROGRESS".equals(given().auth()
                .oauth2(TestTokens.viewer("BKHCN")).when().get("/api/v1/initiatives/" + id).path("status")));
        given().auth().oauth2(TestTokens.viewer("BKHCN")).when().get("/api/v1/initiatives/" + id)
                .then().statusCode(200)
                .body("code", equalTo(code)).body("leadAgency", equalTo("BKHCN")).body("key", equalTo(true))
                .body("source", equalTo("EVENT"));
        // an entry from the feed is read-only through the API, and allocations take its facts
        String etag = given().auth().oauth2(TestTokens.centralAdmin()).when().get("/api/v1/initiatives/" + id)
                .then().extract().header("ETag");
        given().auth().oauth2(TestTokens.centralAdmin()).contentType(ContentType.JSON).header("If-Match", etag)
                .body(Map.of("system", "H4", "leadAgency", "BYT"))
                .when().put("/api/v1/initiatives/" + id).then().statusCode(409);
        Fixtures.ensureFiscalYear(Fixtures.PAST_YEAR);
        given().auth().oauth2(TestTokens.ministryAdmin("BKHCN")).contentType(ContentType.JSON)
                .body(Map.of("initiativeId", id.toString(), "fiscalYear", Fixtures.PAST_YEAR,
                        "fundingSource", "LOCAL_BUDGET", "amount", 10))
                .when().post("/api/v1/allocations")
                .then().statusCode(201).body("leadAgency", equalTo("BKHCN")).body("initiative.key", equalTo(true));
    }

    @jakarta.inject.Inject
    vn.nq57.platform.events.EventInbox inbox;

    @jakarta.inject.Inject
    vn.nq57.budget.initiative.InitiativeFeed feed;

    @Test
    void anEventAppliedOutsideAnyRequestIsAuditedAsTheSystemNotParked() throws Exception {
        UUID id = UUID.randomUUID();
        String payload = TestEvents.json(TestEvents.event("nq57.initiative.created.v1", id, 0, "central",
                TestEvents.data(initiative(id, Fixtures.uniqueCode("H4"), "BKHCN", false, "DRAFT"))));
        java.util.concurrent.ExecutorService plainThread = java.util.concurrent.Executors.newSingleThreadExecutor();
        try {
            assertEquals(vn.nq57.platform.events.EventInbox.Outcome.APPLIED,
                    plainThread.submit(() -> inbox.receive(feed, payload)).get());
        } finally {
            plainThread.shutdownNow();
        }
        given().auth().oauth2(TestTokens.centralAdmin()).queryParam("entityId", id.toString())
                .when().get("/api/v1/audit")
                .then().statusCode(200).body("items[0].action", equalTo("initiative-replica.synchronised"))
                .body("items[0].subject", equalTo("system"));
    }

    @Test
    void aCancelledInitiativeGetsNoNewAllocation() {
        UUID id = UUID.randomUUID();
        String code = Fixtures.uniqueCode("H4");
        send("nq57.initiative.status-changed.v1", id.toString(), 5, initiative(id, code, "BKHCN", false, "CANCELLED"));
        await().atMost(Duration.ofSeconds(20)).until(() -> "CANCELLED".equals(given().auth()
                .oauth2(TestTokens.viewer("BKHCN")).when().get("/api/v1/initiatives/" + id).path("status")));
        Fixtures.ensureFiscalYear(Fixtures.PAST_YEAR);
        given().auth().oauth2(TestTokens.centralAdmin()).contentType(ContentType.JSON)
                .body(Map.of("initiativeId", id.toString(), "fiscalYear", Fixtures.PAST_YEAR,
                        "fundingSource", "LOCAL_BUDGET", "amount", 10))
                .when().post("/api/v1/allocations")
                .then().statusCode(422).body("field", equalTo("initiativeId"));
    }

    @Test
    void agencyEventsExtendTheScopeOfTheAgencyAbove() {
        String code = "BKHCN-T" + ThreadLocalRandom.current().nextInt(100_000, 999_999);
        send("nq57.agency.created.v1", UUID.randomUUID().toString(), 0, """
                {"id":"%s","code":"%s","nameVi":"Trung tâm thử nghiệm","nameEn":null,"level":"AGENCY_UNIT",
                 "parentCode":"BKHCN"}""".formatted(UUID.randomUUID(), code));
        Initiative i = Fixtures.newInitiative("H5", code, false);
        Fixtures.ensureFiscalYear(Fixtures.PAST_YEAR);
        await().atMost(Duration.ofSeconds(20)).until(() -> given().auth().oauth2(TestTokens.ministryAdmin("BKHCN"))
                .contentType(ContentType.JSON).body(Fixtures.allocationBody(i, Fixtures.PAST_YEAR, "SOCIAL", 5L))
                .when().post("/api/v1/allocations").statusCode() == 201);
        given().auth().oauth2(TestTokens.viewer("BKHCN")).when().get("/api/v1/initiatives/" + i.id())
                .then().statusCode(200).body("leadAgency", equalTo(code));
    }
}
