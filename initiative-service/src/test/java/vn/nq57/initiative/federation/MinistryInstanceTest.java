package vn.nq57.initiative.federation;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import vn.nq57.initiative.Fixtures;
import vn.nq57.platform.federation.CatalogFeed;
import vn.nq57.platform.outbox.OutboxEvent;
import vn.nq57.platform.testing.MinistryProfile;
import vn.nq57.platform.testing.TestTokens;

/** initiative-service as the BKHCN ministry instance: the catalogue replica is read-only, its own writes go up. */
@QuarkusTest
@TestProfile(MinistryProfile.class)
class MinistryInstanceTest {

    @Inject
    CatalogFeed.Sink sink;

    @Inject
    ObjectMapper mapper;

    final String admin = TestTokens.ministryAdmin("BKHCN");

    @Test
    void aCatalogueInitiativeIsAReadOnlyReplicaWithOriginCentralAnnouncedLocallyButNotForwarded() {
        UUID id = UUID.randomUUID();
        String code = Fixtures.uniqueCode("H4");
        apply("initiative", id.toString(), 3,
                FederationFixtures.initiative(id, code, "BKHCN", "Từ trung ương", "APPROVED", "central", 3));

        var current = given().auth().oauth2(admin).when().get("/api/v1/initiatives/" + id)
                .then().statusCode(200).body("origin", equalTo("central")).body("version", equalTo(3))
                .body("status", equalTo("APPROVED")).body("outputs[0].origin", equalTo("central")).extract();
        given().auth().oauth2(admin).header("If-Match", current.header("ETag")).contentType(ContentType.JSON)
                .body(Fixtures.initiative(code, "BKHCN")).when().put("/api/v1/initiatives/" + id)
                .then().statusCode(409).body("type", containsString("read-only-replica")).body("owner", equalTo("central"));
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("to", "IN_PROGRESS", "reason", "Bắt đầu")).when().post("/api/v1/initiatives/" + id + "/transitions")
                .then().statusCode(409).body("type", containsString("read-only-replica"));
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("description", "Đầu ra thêm", "dueDate", "2029-01-31"))
                .when().post("/api/v1/initiatives/" + id + "/outputs")
                .then().statusCode(409).body("type", containsString("read-only-replica"));

        given().auth().oauth2(admin).queryParam("q", code).queryParam("origin", "central").when().get("/api/v1/initiatives")
                .then().statusCode(200).body("items.id", hasItem(id.toString()));
        given().auth().oauth2(admin).queryParam("q", code).queryParam("origin", "bkhcn").when().get("/api/v1/initiatives")
                .then().statusCode(200).body("items.id", not(hasItem(id.toString())));

        List<OutboxEvent> announced = outbox(id.toString());
        assertEquals(1, announced.size());
        assertEquals("nq57.initiative.created.v1", announced.get(0).eventType);
        assertEquals(3, announced.get(0).aggregateVersion);
        assertFalse(announced.get(0).forward, "a replica's announcement is not forwarded to central");
        assertTrue(announced.get(0).payload.contains("\"origininstance\":\"central\""));
    }

    @Test
    void aCatalogueAgencyIsReplicatedAndAgencyWritesAreRefusedAtAMinistry() {
        UUID id = UUID.randomUUID();
        String code = "FEDM-" + id.toString().substring(0, 8).toUpperCase();
        Map<String, Object> agency = new HashMap<>();
        agency.put("id", id.toString());
        agency.put("code", code);
        agency.put("nameVi", "Đơn vị từ trung ương");
        agency.put("nameEn", null);
        agency.put("level", "AGENCY_UNIT");
        agency.put("parentCode", "BKHCN");
        agency.put("originInstance", "central");
        agency.put("version", 2);
        apply("agency", id.toString(), 2, agency);

        given().auth().oauth2(admin).when().get("/api/v1/agencies/" + code)
                .then().statusCode(200).body("origin", equalTo("central")).body("parentCode", equalTo("BKHCN"));
        assertEquals("nq57.agency.created.v1", outbox(id.toString()).get(0).eventType);
        given().auth().oauth2(TestTokens.centralAdmin()).contentType(ContentType.JSON)
                .body(Map.of("code", code + "-X", "nameVi", "Không được tạo", "level", "AGENCY_UNIT"))
                .when().post("/api/v1/agencies")
                .then().statusCode(409).body("type", containsString("read-only-replica")).body("owner", equalTo("central"));
    }

    @Test
    void theMinistrysOwnInitiativeAndItsObstacleOnACatalogueInitiativeAreMarkedForForwarding() {
        String own = given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Fixtures.initiative(Fixtures.uniqueCode("H4"), "BKHCN")).when().post("/api/v1/initiatives")
                .then().statusCode(201).body("origin", equalTo("bkhcn")).extract().path("id");
        assertTrue(outbox(own).stream().allMatch(e -> e.forward), "the ministry's own write goes up");

        UUID catalogue = UUID.randomUUID();
        Map<String, Object> data = FederationFixtures.initiative(catalogue, Fixtures.uniqueCode("H2"), "BYT",
                "Bộ Y tế chủ trì, Bộ KH&CN phối hợp", "IN_PROGRESS", "central", 1);
        data.put("coordinatingAgencyCodes", List.of("BKHCN"));
        apply("initiative", catalogue.toString(), 1, data);

        String obstacle = given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("initiativeId", catalogue.toString(), "filedByAgency", "BKHCN", "askedAgency", "BTC",
                        "description", "Chưa có hướng dẫn", "request", "Đề nghị hướng dẫn"))
                .when().post("/api/v1/obstacles")
                .then().statusCode(201).body("origin", equalTo("bkhcn")).extract().path("id");
        List<OutboxEvent> events = outbox(obstacle);
        assertEquals(1, events.size());
        assertTrue(events.get(0).forward);

        // BTC's answer, given at central, arrives in the catalogue: the ministry writes it on its own row and sends
        // the change up as its own; the same answer again changes nothing
        Map<String, Object> answer = Map.of("id", obstacle, "answer", "Bộ Tài chính đã ban hành Thông tư hướng dẫn",
                "answeredBy", "admin.btc", "answeredAt", "2026-12-01T03:00:00Z", "answeredByInstance", "central");
        apply("obstacle-answer", obstacle, 0, answer);
        given().auth().oauth2(admin).when().get("/api/v1/obstacles/" + obstacle).then().statusCode(200)
                .body("status", equalTo("ANSWERED")).body("answer", equalTo("Bộ Tài chính đã ban hành Thông tư hướng dẫn"))
                .body("answeredBy", equalTo("admin.btc")).body("answeredByInstance", equalTo("central"))
                .body("version", equalTo(1)).body("origin", equalTo("bkhcn"));
        List<OutboxEvent> after = outbox(obstacle);
        assertEquals(2, after.size());
        assertEquals("nq57.obstacle.answered.v1", after.get(1).eventType);
        assertTrue(after.get(1).forward, "the answered obstacle goes up as the ministry's change");
        apply("obstacle-answer", obstacle, 0, answer);
        assertEquals(2, outbox(obstacle).size(), "the same answer again changes nothing");
    }

    private void apply(String kind, String id, long version, Map<String, Object> data) {
        QuarkusTransaction.requiringNew().run(() -> sink.apply(new CatalogFeed.Item(kind, id, version, 1, "central",
                mapper.valueToTree(data))));
    }

    private static List<OutboxEvent> outbox(String aggregateId) {
        return QuarkusTransaction.requiringNew().call(() -> OutboxEvent.<OutboxEvent>list("aggregateId = ?1 order by seq",
                aggregateId));
    }
}
