package vn.nq57.kpi.federation;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import vn.nq57.kpi.Fixtures;
import vn.nq57.platform.federation.CatalogFeed;
import vn.nq57.platform.testing.MinistryProfile;
import vn.nq57.platform.testing.TestTokens;

/**
 * A ministry's value that central refuses (issue #20): the writer's instance knows it — the record's federation status
 * says REJECTED with central's reason, the conflict is listed for the ministry's admin, the value's audit trail says
 * so — and the admin resubmits it once central takes it.
 */
@QuarkusTest
@TestProfile(RefusedByCentralTest.Profile.class)
@QuarkusTestResource(value = StubCentral.class, restrictToAnnotatedClass = true)
class RefusedByCentralTest {

    /** BKHCN's instance reporting to the stub central (its own profile: another application than the other tests'). */
    public static class Profile extends MinistryProfile {
    }

    @Inject
    CatalogFeed.Sink sink;

    @Inject
    ObjectMapper mapper;

    @Test
    void centralKeepingItsOwnDataResolvesTheConflictAtTheMinistryWithCentralsReason() {
        StubCentral.refusing = true;
        String valueId = refusedValue();
        String mine = "items.find { it.aggregateId == '" + valueId + "' }";
        String eventId = given().auth().oauth2(TestTokens.ministryAdmin("BKHCN")).queryParam("size", 500)
                .get("/api/v1/federation/conflicts").then().statusCode(200).extract().path(mine + ".eventId");

        StubCentral.keepCentral(eventId, "Số liệu do Tổng cục Thống kê công bố");

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().auth().oauth2(TestTokens.ministryAdmin("BKHCN"))
                .queryParam("all", true).queryParam("size", 500).get("/api/v1/federation/conflicts").then()
                .statusCode(200).body(mine + ".resolution", equalTo("KEEP_CENTRAL"))
                .body(mine + ".resolvedBy", equalTo("central: central.admin"))
                .body(mine + ".note", equalTo("Số liệu do Tổng cục Thống kê công bố")));
        given().auth().oauth2(TestTokens.ministryAdmin("BKHCN")).queryParam("entityId", valueId).get("/api/v1/audit")
                .then().statusCode(200).body("items.action", hasItem("federation.conflict.resolved"));
        given().auth().oauth2(TestTokens.ministryAdmin("BKHCN")).contentType(ContentType.JSON)
                .body(Map.of("action", "RESUBMIT")).post("/api/v1/federation/conflicts/" + eventId + "/resolution")
                .then().statusCode(409);
    }

    /** A value BKHCN records here that the stub central refuses; its id once the conflict is listed. */
    private String refusedValue() {
        String code = Fixtures.code("NAT");
        Map<String, Object> data = new HashMap<>(Fixtures.indicator(code));
        String indicatorId = UUID.randomUUID().toString();
        data.put("id", indicatorId);
        data.put("system", "H4");
        data.put("version", 0);
        data.put("origin", "central");
        QuarkusTransaction.requiringNew().run(() -> sink.apply(new CatalogFeed.Item("indicator", indicatorId, 0, 42,
                "central", mapper.valueToTree(data))));
        String valueId = given().auth().oauth2(TestTokens.submitter("BKHCN")).contentType(ContentType.JSON)
                .body(Fixtures.value(code, "2024", "BKHCN", 12.5)).post("/api/v1/measurements")
                .then().statusCode(201).extract().path("id");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().auth().oauth2(TestTokens.submitter("BKHCN"))
                .get("/api/v1/federation/records/" + valueId).then().statusCode(200).body("state", equalTo("REJECTED")));
        return valueId;
    }

    @Test
    void aRefusedValueIsMarkedListedAuditedAndResubmitted() {
        StubCentral.refusing = true;
        String valueId = refusedValue();

        String record = "/api/v1/federation/records/" + valueId;
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().auth().oauth2(TestTokens.submitter("BKHCN"))
                .get(record).then().statusCode(200).body("state", equalTo("REJECTED"))
                .body("detail", equalTo(StubCentral.REASON)));
        String open = "items.find { it.aggregateId == '" + valueId + "' }";
        String eventId = given().auth().oauth2(TestTokens.ministryAdmin("BKHCN")).queryParam("size", 500)
                .get("/api/v1/federation/conflicts").then().statusCode(200)
                .body(open + ".origin", equalTo("bkhcn")).body(open + ".aggregateType", equalTo("measurement"))
                .body(open + ".status", equalTo("REJECTED")).body(open + ".reason", equalTo(StubCentral.REASON))
                .body(open + ".times", equalTo(1))
                .extract().path(open + ".eventId");
        given().auth().oauth2(TestTokens.submitter("BKHCN")).get("/api/v1/federation/conflicts").then().statusCode(403);
        given().auth().oauth2(TestTokens.ministryAdmin("BKHCN")).queryParam("entityId", valueId).get("/api/v1/audit")
                .then().statusCode(200).body("items.action", hasItem("federation.rejected"));

        String resolution = "/api/v1/federation/conflicts/" + eventId + "/resolution";
        given().auth().oauth2(TestTokens.ministryAdmin("BKHCN")).contentType(ContentType.JSON)
                .body(Map.of("action", "KEEP_CENTRAL", "note", "x")).post(resolution).then().statusCode(400)
                .body("violations[0].field", equalTo("action"));

        // resubmitted while central still refuses: the conflict reopens, counted twice
        given().auth().oauth2(TestTokens.ministryAdmin("BKHCN")).contentType(ContentType.JSON)
                .body(Map.of("action", "RESUBMIT")).post(resolution).then().statusCode(200)
                .body("resolution", equalTo("RESUBMIT")).body("resolvedBy", equalTo("admin.bkhcn"));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().auth().oauth2(TestTokens.ministryAdmin("BKHCN"))
                .queryParam("size", 500).get("/api/v1/federation/conflicts").then().statusCode(200)
                .body(open + ".times", equalTo(2)));

        // central takes it now (e.g. after the hand-over): resubmitted, applied, no longer open
        StubCentral.refusing = false;
        given().auth().oauth2(TestTokens.ministryAdmin("BKHCN")).contentType(ContentType.JSON)
                .body(Map.of("action", "RESUBMIT", "note", "sau bàn giao")).post(resolution).then().statusCode(200);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().auth().oauth2(TestTokens.submitter("BKHCN"))
                .get(record).then().statusCode(200).body("state", equalTo("APPLIED")));
        given().auth().oauth2(TestTokens.ministryAdmin("BKHCN")).queryParam("size", 500)
                .get("/api/v1/federation/conflicts").then().statusCode(200).body("items.eventId", not(hasItem(eventId)));
        given().auth().oauth2(TestTokens.ministryAdmin("BKHCN")).queryParam("all", true).queryParam("size", 500)
                .get("/api/v1/federation/conflicts").then().statusCode(200)
                .body(open + ".resolution", equalTo("RESUBMIT")).body(open + ".note", equalTo("sau bàn giao"));
        given().auth().oauth2(TestTokens.ministryAdmin("BKHCN")).contentType(ContentType.JSON)
                .body(Map.of("action", "WITHDRAW")).post(resolution).then().statusCode(409);
    }
}
