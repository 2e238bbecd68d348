package vn.nq57.initiative.federation;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static vn.nq57.initiative.federation.FederationFixtures.created;
import static vn.nq57.initiative.federation.FederationFixtures.event;
import static vn.nq57.initiative.federation.FederationFixtures.initiative;
import static vn.nq57.initiative.federation.FederationFixtures.obstacle;
import static vn.nq57.initiative.federation.FederationFixtures.send;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import vn.nq57.initiative.Fixtures;
import vn.nq57.platform.events.EventInbox;
import vn.nq57.platform.outbox.OutboxEvent;
import vn.nq57.platform.testing.TestTokens;

/** Central takes a ministry's initiative, output and obstacle events (POST /api/v1/federation/events). */
@QuarkusTest
class CentralTakesMinistryEventsTest {

    static final String CREATED = "nq57.initiative.created.v1";
    static final String UPDATED = "nq57.initiative.updated.v1";

    @Inject
    EventInbox inbox;

    @Inject
    EntityManager em;

    final String bkhcn = TestTokens.federation("bkhcn", "BKHCN");
    final String byt = TestTokens.federation("byt", "BYT");

    @Test
    void aMinistrysNewInitiativeIsAppliedListedWithItsOriginInTheScorecardAndAnnouncedAgainAtCentral() {
        UUID id = UUID.randomUUID();
        String code = Fixtures.uniqueCode("H4");
        created(bkhcn, "bkhcn", id, code, "BKHCN", "Sáng kiến của Bộ")
                .body("results[0].status", equalTo("APPLIED"));

        given().auth().oauth2(TestTokens.centralAdmin()).queryParam("origin", "bkhcn").queryParam("q", code)
                .when().get("/api/v1/initiatives")
                .then().statusCode(200).body("items.code", hasItem(code)).body("items[0].origin", equalTo("bkhcn"));
        given().auth().oauth2(TestTokens.centralAdmin()).queryParam("origin", "central").queryParam("q", code)
                .when().get("/api/v1/initiatives")
                .then().statusCode(200).body("items.code", not(hasItem(code)));
        given().auth().oauth2(TestTokens.centralAdmin()).when().get("/api/v1/initiatives/" + id)
                .then().statusCode(200).body("origin", equalTo("bkhcn")).body("originInstance", equalTo("bkhcn"))
                .body("titleVi", equalTo("Sáng kiến của Bộ")).body("leadAgency.code", equalTo("BKHCN"))
                .body("coordinatingAgencies.code", equalTo(List.of("BTC"))).body("outputs.size()", equalTo(1))
                .body("outputs[0].origin", equalTo("bkhcn")).body("milestones.size()", equalTo(1));
        // central's scorecard includes it
        given().auth().oauth2(TestTokens.viewer("BKHCN")).when().get("/api/v1/scorecard/initiatives/" + id)
                .then().statusCode(200).body("code", equalTo(code)).body("leadAgency", equalTo("BKHCN"));

        List<OutboxEvent> announced = QuarkusTransaction.requiringNew().call(() ->
                OutboxEvent.<OutboxEvent>list("aggregateId = ?1 and eventType = ?2", id.toString(), CREATED));
        assertEquals(1, announced.size());
        assertFalse(announced.get(0).forward, "central never forwards");
        org.hamcrest.MatcherAssert.assertThat(announced.get(0).payload, containsString("\"origininstance\":\"bkhcn\""));
    }

    @Test
    void theSameBatchTwiceIsADuplicateWithNoSecondEffect() {
        UUID id = UUID.randomUUID();
        String code = Fixtures.uniqueCode("H2");
        Map<String, Object> batch = event(CREATED, id, 0, "bkhcn", initiative(id, code, "BKHCN", "Lần một", "DRAFT", "bkhcn", 0));
        send(bkhcn, batch).body("results[0].status", equalTo("APPLIED"));
        send(bkhcn, batch).body("results[0].status", equalTo("DUPLICATE"));
        assertEquals(1L, announcements(id));
        given().auth().oauth2(TestTokens.centralAdmin()).queryParam("q", code).when().get("/api/v1/initiatives")
                .then().statusCode(200).body("total", equalTo(1));
    }

    @Test
    void anOlderVersionAfterANewerOneIsSupersededAndTheNewerStateStays() {
        UUID id = UUID.randomUUID();
        String code = Fixtures.uniqueCode("H3");
        send(bkhcn, event(UPDATED, id, 2, "bkhcn", initiative(id, code, "BKHCN", "Phiên bản hai", "DRAFT", "bkhcn", 2)),
                event(CREATED, id, 1, "bkhcn", initiative(id, code, "BKHCN", "Phiên bản một", "DRAFT", "bkhcn", 1)))
                .body("results.status", equalTo(List.of("APPLIED", "SUPERSEDED")));
        given().auth().oauth2(TestTokens.centralAdmin()).when().get("/api/v1/initiatives/" + id)
                .then().statusCode(200).body("titleVi", equalTo("Phiên bản hai")).body("version", equalTo(2));
    }

    @Test
    void anEventWhoseOriginIsNotTheSendersInstanceIsRejected() {
        UUID id = UUID.randomUUID();
        created(bkhcn, "byt", id, Fixtures.uniqueCode("H3"), "BYT", "Của BYT")
                .body("results[0].status", equalTo("REJECTED")).body("results[0].reason", containsString("byt"));
        given().auth().oauth2(TestTokens.centralAdmin()).when().get("/api/v1/initiatives/" + id).then().statusCode(404);
    }

    @Test
    void aChangeToAnInitiativeCentralOwnsIsRejectedAndTheInitiativeUnchanged() {
        Map<String, Object> body = Fixtures.initiative(Fixtures.uniqueCode("H4"), "BKHCN");
        String id = Fixtures.create(body).path("id");
        send(bkhcn, event(UPDATED, id, 5, "bkhcn", initiative(UUID.fromString(id), (String) body.get("code"), "BKHCN",
                "Bị sửa trái phép", "DRAFT", "bkhcn", 5)))
                .body("results[0].status", equalTo("REJECTED"))
                .body("results[0].reason", containsString("owned by this central instance"));
        given().auth().oauth2(TestTokens.centralAdmin()).when().get("/api/v1/initiatives/" + id)
                .then().statusCode(200).body("titleVi", equalTo(body.get("titleVi"))).body("origin", equalTo("central"));
    }

    @Test
    void aRefusedChangeIsListedForCentralsAdminsWhoKeepCentralsDataWithAReason() {
        Map<String, Object> body = Fixtures.initiative(Fixtures.uniqueCode("H4"), "BKHCN");
        String id = Fixtures.create(body).path("id");
        Map<String, Object> change = event(UPDATED, id, 5, "bkhcn", initiative(UUID.fromString(id),
                (String) body.get("code"), "BKHCN", "Bị sửa trái phép", "DRAFT", "bkhcn", 5));
        String eventId = String.valueOf(change.get("id"));
        send(bkhcn, change).body("results[0].status", equalTo("REJECTED"));

        String path = "items.find { it.eventId == '" + eventId + "' }";
        given().auth().oauth2(TestTokens.centralAdmin()).queryParam("origin", "bkhcn").queryParam("size", 500)
                .get("/api/v1/federation/conflicts").then().statusCode(200)
                .body(path + ".aggregateId", equalTo(id)).body(path + ".aggregateType", equalTo("initiative"))
                .body(path + ".status", equalTo("REJECTED"))
                .body(path + ".reason", containsString("owned by this central instance"))
                .body(path + ".resolvedAt", org.hamcrest.Matchers.nullValue());
        given().auth().oauth2(TestTokens.ministryAdmin("BKHCN")).get("/api/v1/federation/conflicts").then()
                .statusCode(403);

        String resolution = "/api/v1/federation/conflicts/" + eventId + "/resolution";
        given().auth().oauth2(TestTokens.centralAdmin()).contentType(ContentType.JSON)
                .body(Map.of("action", "RESUBMIT")).post(resolution).then().statusCode(400)
                .body("violations[0].field", equalTo("action"));
        given().auth().oauth2(TestTokens.centralAdmin()).contentType(ContentType.JSON)
                .body(Map.of("action", "KEEP_CENTRAL")).post(resolution).then().statusCode(400)
                .body("violations[0].field", equalTo("note"));
        given().auth().oauth2(TestTokens.centralAdmin()).contentType(ContentType.JSON)
                .body(Map.of("action", "KEEP_CENTRAL", "note", "Tên do Ban Chỉ đạo phê duyệt, giữ nguyên"))
                .post(resolution).then().statusCode(200).body("resolution", equalTo("KEEP_CENTRAL"))
                .body("note", equalTo("Tên do Ban Chỉ đạo phê duyệt, giữ nguyên"))
                .body("resolvedBy", equalTo("central.admin"));
        given().auth().oauth2(TestTokens.centralAdmin()).contentType(ContentType.JSON)
                .body(Map.of("action", "KEEP_CENTRAL", "note", "again")).post(resolution).then().statusCode(409);
        given().auth().oauth2(TestTokens.centralAdmin()).queryParam("origin", "bkhcn").queryParam("size", 500)
                .get("/api/v1/federation/conflicts").then().statusCode(200)
                .body("items.eventId", not(hasItem(eventId)));
        given().auth().oauth2(TestTokens.centralAdmin()).queryParam("entityId", id)
                .get("/api/v1/audit").then().statusCode(200)
                .body("items.action", hasItem("federation.conflict.resolved"));

        // the decision flows back: bkhcn's instance pulls it with its federation token; another ministry never sees it
        given().auth().oauth2(bkhcn).queryParam("after", 0).queryParam("limit", 500)
                .get("/api/v1/federation/conflicts/decisions").then().statusCode(200)
                .body("find { it.eventId == '" + eventId + "' }.resolution", equalTo("KEEP_CENTRAL"))
                .body("find { it.eventId == '" + eventId + "' }.note", equalTo("Tên do Ban Chỉ đạo phê duyệt, giữ nguyên"));
        given().auth().oauth2(TestTokens.federation("byt", "BYT")).queryParam("after", 0).queryParam("limit", 500)
                .get("/api/v1/federation/conflicts/decisions").then().statusCode(200)
                .body("eventId", not(hasItem(eventId)));
        given().auth().oauth2(TestTokens.ministryAdmin("BKHCN")).get("/api/v1/federation/conflicts/decisions")
                .then().statusCode(403);
    }

    @Test
    void aChangeToAnotherMinistrysInitiativeIsRejectedAndTheInitiativeUnchanged() {
        UUID id = UUID.randomUUID();
        String code = Fixtures.uniqueCode("H5");
        created(byt, "byt", id, code, "BYT", "Của Bộ Y tế")
                .body("results[0].status", equalTo("APPLIED"));
        send(bkhcn, event(UPDATED, id, 1, "bkhcn", initiative(id, code, "BKHCN", "Chiếm quyền", "DRAFT", "bkhcn", 1)))
                .body("results[0].status", equalTo("REJECTED"))
                .body("results[0].reason", containsString("owned by instance 'byt'"));
        given().auth().oauth2(TestTokens.centralAdmin()).when().get("/api/v1/initiatives/" + id)
                .then().statusCode(200).body("titleVi", equalTo("Của Bộ Y tế")).body("origin", equalTo("byt"));
    }

    @Test
    void aNewInitiativeWithACodeAnotherInstanceUsesIsRejectedWithTheReason() {
        Map<String, Object> body = Fixtures.initiative(Fixtures.uniqueCode("H4"), "BKHCN");
        Fixtures.create(body);
        UUID id = UUID.randomUUID();
        created(bkhcn, "bkhcn", id, (String) body.get("code"), "BKHCN", "Trùng mã")
                .body("results[0].status", equalTo("REJECTED"))
                .body("results[0].reason", containsString("code " + body.get("code") + " is already used"));
        given().auth().oauth2(TestTokens.centralAdmin()).when().get("/api/v1/initiatives/" + id).then().statusCode(404);
    }

    @Test
    void aMinistrysOutputOfItsInitiativeIsAppliedAndOneOfCentralsInitiativeIsRejected() {
        UUID id = UUID.randomUUID();
        created(bkhcn, "bkhcn", id, Fixtures.uniqueCode("H4"), "BKHCN", "Có đầu ra");
        UUID outputId = UUID.randomUUID();
        send(bkhcn, event("nq57.initiative.output-added.v1", outputId, 0, "bkhcn", output(outputId, id)))
                .body("results[0].status", equalTo("APPLIED"));
        given().auth().oauth2(TestTokens.centralAdmin()).when().get("/api/v1/initiatives/" + id)
                .then().statusCode(200).body("outputs.id", hasItem(outputId.toString()));

        String central = Fixtures.createId("H4", "BKHCN");
        UUID other = UUID.randomUUID();
        send(bkhcn, event("nq57.initiative.output-added.v1", other, 0, "bkhcn", output(other, UUID.fromString(central))))
                .body("results[0].status", equalTo("REJECTED"));
        given().auth().oauth2(TestTokens.centralAdmin()).when().get("/api/v1/initiatives/" + central)
                .then().statusCode(200).body("outputs.id", not(hasItem(other.toString())));
    }

    @Test
    void aMinistrysObstacleAskingAnAgencyOfCentralIsAnsweredAtCentralAndServedBackToTheMinistry() {
        String central = Fixtures.createId("H4", "BYT");
        UUID obstacleId = UUID.randomUUID();
        send(bkhcn, event("nq57.obstacle.filed.v1", obstacleId, 0, "bkhcn",
                obstacle(obstacleId, UUID.fromString(central), "BKHCN", "BTC", "OPEN", 0)))
                .body("results[0].status", equalTo("APPLIED"));
        given().auth().oauth2(TestTokens.centralAdmin()).queryParam("initiativeId", central).queryParam("origin", "bkhcn")
                .when().get("/api/v1/obstacles")
                .then().statusCode(200).body("items.id", equalTo(List.of(obstacleId.toString())))
                .body("items[0].origin", equalTo("bkhcn")).body("items[0].filedByAgency.code", equalTo("BKHCN"));

        long cursor = QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "SELECT last_value FROM catalog_change_seq").getSingleResult()).longValue());
        // BTC is central's: its admin answers here; the row stays BKHCN's (its version is the owner's)
        given().auth().oauth2(TestTokens.ministryAdmin("BYT")).contentType(ContentType.JSON)
                .body(Map.of("answer", "Không thuộc thẩm quyền")).when().post("/api/v1/obstacles/" + obstacleId + "/answer")
                .then().statusCode(403);
        given().auth().oauth2(TestTokens.ministryAdmin("BTC")).contentType(ContentType.JSON)
                .body(Map.of("answer", "Bộ Tài chính đã ban hành Thông tư hướng dẫn"))
                .when().post("/api/v1/obstacles/" + obstacleId + "/answer")
                .then().statusCode(200).body("status", equalTo("ANSWERED")).body("answeredByInstance", equalTo("central"))
                .body("origin", equalTo("bkhcn")).body("version", equalTo(0));

        // the answer is served to BKHCN's instance in central's catalogue, and to no other ministry
        io.restassured.path.json.JsonPath page = given().auth().oauth2(bkhcn).queryParam("since", cursor - 1)
                .queryParam("limit", 1000).get(FederationFixtures.CATALOG).then().statusCode(200).extract().jsonPath();
        assertEquals("Bộ Tài chính đã ban hành Thông tư hướng dẫn", page.getString(
                "items.find { it.kind == 'obstacle-answer' && it.id == '" + obstacleId + "' }.data.answer"));
        assertEquals("central", page.getString("items.find { it.id == '" + obstacleId + "' }.origin"));
        given().auth().oauth2(TestTokens.federation("byt", "BYT")).queryParam("since", cursor - 1).queryParam("limit", 1000)
                .get(FederationFixtures.CATALOG).then().statusCode(200)
                .body("items.findAll { it.id == '" + obstacleId + "' }.size()", equalTo(0));

        // a later event of the owner that has not seen the answer yet does not wipe it
        Map<String, Object> later = obstacle(obstacleId, UUID.fromString(central), "BKHCN", "BTC", "OPEN", 1);
        later.put("description", "Chưa có hướng dẫn cơ chế tài chính (bổ sung)");
        send(bkhcn, event("nq57.obstacle.filed.v1", obstacleId, 1, "bkhcn", later))
                .body("results[0].status", equalTo("APPLIED"));
        given().auth().oauth2(TestTokens.centralAdmin()).when().get("/api/v1/obstacles/" + obstacleId)
                .then().statusCode(200).body("status", equalTo("ANSWERED"))
                .body("answer", equalTo("Bộ Tài chính đã ban hành Thông tư hướng dẫn"))
                .body("description", equalTo("Chưa có hướng dẫn cơ chế tài chính (bổ sung)")).body("version", equalTo(1));
    }

    @Test
    void anObstacleAskingAnAgencyOfTheMinistrysOwnPartIsItsToAnswerNotCentrals() {
        String central = Fixtures.createId("H4", "BYT");
        UUID obstacleId = UUID.randomUUID();
        send(bkhcn, event("nq57.obstacle.filed.v1", obstacleId, 0, "bkhcn",
                obstacle(obstacleId, UUID.fromString(central), "BKHCN", "BKHCN-CDMST", "OPEN", 0)))
                .body("results[0].status", equalTo("APPLIED"));
        given().auth().oauth2(TestTokens.centralAdmin()).contentType(ContentType.JSON)
                .body(Map.of("answer", "Đã có hướng dẫn")).when().post("/api/v1/obstacles/" + obstacleId + "/answer")
                .then().statusCode(409).body("type", containsString("read-only-replica")).body("owner", equalTo("bkhcn"));
    }

    @Test
    void anObstacleOnAnUnknownInitiativeIsParkedAndItsLaterEventWaitsUntilTheInitiativeArrives() {
        UUID id = UUID.randomUUID();
        String code = Fixtures.uniqueCode("H4");
        UUID obstacleId = UUID.randomUUID();
        send(bkhcn, event("nq57.obstacle.filed.v1", obstacleId, 0, "bkhcn", obstacle(obstacleId, id, "BKHCN", "BTC", "OPEN", 0)))
                .body("results[0].status", equalTo("PARKED"))
                .body("results[0].reason", containsString("not known here yet"));
        send(bkhcn, event("nq57.obstacle.answered.v1", obstacleId, 1, "bkhcn", obstacle(obstacleId, id, "BKHCN", "BTC", "ANSWERED", 1)))
                .body("results[0].status", equalTo("PARKED"))
                .body("results[0].reason", containsString("waits behind"));

        created(bkhcn, "bkhcn", id, code, "BKHCN", "Đến sau")
                .body("results[0].status", equalTo("APPLIED"));
        retryParkedNow();

        given().auth().oauth2(TestTokens.centralAdmin()).when().get("/api/v1/obstacles/" + obstacleId)
                .then().statusCode(200).body("status", equalTo("ANSWERED")).body("version", equalTo(1))
                .body("origin", equalTo("bkhcn"));
    }

    @Test
    void anInitiativeLedByAnAgencyOutsideTheMinistrysPartOfTheTreeIsRejected() {
        UUID id = UUID.randomUUID();
        created(bkhcn, "bkhcn", id, Fixtures.uniqueCode("H1"), "BYT", "Của Bộ khác")
                .body("results[0].status", equalTo("REJECTED"))
                .body("results[0].reason", containsString("reports for BKHCN and the agencies below it, not for BYT"));
        given().auth().oauth2(TestTokens.centralAdmin()).when().get("/api/v1/initiatives/" + id).then().statusCode(404);
        UUID below = UUID.randomUUID();
        created(bkhcn, "bkhcn", below, Fixtures.uniqueCode("H1"), "BKHCN-CDMST", "Của cục thuộc Bộ")
                .body("results[0].status", equalTo("APPLIED"));
    }

    @Test
    void anInitiativeLedByAnUnknownAgencyIsParkedAndAppliedOnceTheAgencyExists() {
        String agency = "FEDT-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        UUID id = UUID.randomUUID();
        created(bkhcn, "bkhcn", id, Fixtures.uniqueCode("H1"), agency, "Đơn vị mới")
                .body("results[0].status", equalTo("PARKED")).body("results[0].reason", containsString(agency));
        given().auth().oauth2(TestTokens.centralAdmin()).when().get("/api/v1/initiatives/" + id).then().statusCode(404);

        given().auth().oauth2(TestTokens.centralAdmin()).contentType(ContentType.JSON)
                .body(Map.of("code", agency, "nameVi", "Đơn vị thử nghiệm liên thông", "level", "AGENCY_UNIT",
                        "parentCode", "BKHCN"))
                .when().post("/api/v1/agencies").then().statusCode(201);
        retryParkedNow();

        given().auth().oauth2(TestTokens.centralAdmin()).when().get("/api/v1/initiatives/" + id)
                .then().statusCode(200).body("leadAgency.code", equalTo(agency)).body("origin", equalTo("bkhcn"));
    }

    @Test
    void withoutATokenOrWithoutTheFederationRoleTheEventsAreRefused() {
        given().contentType(ContentType.JSON).body(Map.of("events", List.of())).when().post(FederationFixtures.EVENTS)
                .then().statusCode(401);
        given().auth().oauth2(TestTokens.ministryAdmin("BKHCN")).contentType(ContentType.JSON)
                .body(Map.of("events", List.of())).when().post(FederationFixtures.EVENTS).then().statusCode(403);
        given().auth().oauth2(TestTokens.viewer("BKHCN")).when().get(FederationFixtures.CATALOG).then().statusCode(403);
        given().when().get(FederationFixtures.CATALOG).then().statusCode(401);
    }

    private static Map<String, Object> output(UUID id, UUID initiativeId) {
        java.util.HashMap<String, Object> d = new java.util.HashMap<>();
        d.put("id", id.toString());
        d.put("initiativeId", initiativeId.toString());
        d.put("description", "Nền tảng dữ liệu dùng chung");
        d.put("dueDate", "2029-12-31");
        d.put("status", "PLANNED");
        d.put("evidenceLink", null);
        d.put("deliveredAt", null);
        d.put("version", 0);
        return d;
    }

    private long announcements(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> OutboxEvent.count("aggregateId", id.toString()));
    }

    /** Parked events wait a few seconds before their first retry: make them due, then retry. */
    private void retryParkedNow() {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "UPDATE parked_event SET next_attempt = now() WHERE consumer = 'federation'").executeUpdate());
        inbox.retryParked();
    }
}
