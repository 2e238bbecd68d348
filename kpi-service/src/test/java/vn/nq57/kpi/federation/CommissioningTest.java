package vn.nq57.kpi.federation;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static vn.nq57.kpi.federation.Federated.measurement;
import static vn.nq57.kpi.federation.Federated.sendAs;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import vn.nq57.kpi.Fixtures;
import vn.nq57.platform.testing.TestEvents;
import vn.nq57.platform.testing.TestTokens;

/**
 * Central's side of the federation lifecycle (issue #20) for values: commissioning a ministry instance gives it
 * central's values of its agencies and refuses central's writes for them; the instance pulls them page by page with
 * its own token only; retiring gives them back. Uses the province KHA (instance {@code kha}), which no other test
 * commissions.
 */
@QuarkusTest
class CommissioningTest {

    private static final String INSTANCE = "kha";
    private static final String AGENCY = "KHA";

    private static io.restassured.response.Response record(String indicator, String period, Object value) {
        return given().auth().oauth2(TestTokens.centralAdmin()).contentType(ContentType.JSON)
                .body(Fixtures.value(indicator, period, AGENCY, value)).when().post("/api/v1/measurements");
    }

    @Test
    void centralsValuesForACommissionedAgencyBecomeTheInstancesAndComeBackWhenItIsRetired() {
        String code = Fixtures.code("HND");
        String indicatorId = Fixtures.createIndicator(code);
        String value = record(code, "2024", 10).then().statusCode(201).extract().path("id");
        given().auth().oauth2(TestTokens.centralAdmin()).when().get("/api/v1/federation/instances/" + INSTANCE)
                .then().statusCode(200).body("state", org.hamcrest.Matchers.oneOf("NOT_FEDERATED", "RETIRED"));

        JsonPath commissioned = given().auth().oauth2(TestTokens.centralAdmin()).contentType(ContentType.JSON)
                .body(Map.of("agency", "kha")).when().post("/api/v1/federation/instances/" + INSTANCE + "/commission")
                .then().statusCode(200).body("state", equalTo("COMMISSIONING")).body("agency", equalTo(AGENCY))
                .body("switched.measurement", greaterThanOrEqualTo(1))
                .body("owned.measurement", greaterThanOrEqualTo(1)).body("kinds", hasItem("measurement-history"))
                .extract().jsonPath();
        try {
            // central refuses its old row and new values of the agency, naming the instance that writes them now
            record(code, "2024", 11).then().statusCode(409).body("type", endsWith("read-only-replica"));
            record(code, "2023", 11).then().statusCode(409).body("type", endsWith("read-only-replica"))
                    .body("detail", org.hamcrest.Matchers.containsString("'kha' instance"));
            given().auth().oauth2(TestTokens.viewer(AGENCY)).when().get("/api/v1/measurements/" + value).then()
                    .statusCode(200).body("origin", equalTo(INSTANCE)).body("value", equalTo(10));

            // the instance reads its rows with its own token; another ministry's token never sees them
            given().auth().oauth2(TestTokens.federation(INSTANCE, AGENCY)).queryParam("limit", 5000)
                    .when().get("/api/v1/federation/handover/measurement").then().statusCode(200)
                    .body("rows.id", hasItem(value)).body("rows.find { it.id == '" + value + "' }.version", equalTo(0))
                    .body("more", equalTo(false));
            given().auth().oauth2(TestTokens.federation("bkhcn", "BKHCN")).queryParam("limit", 5000)
                    .when().get("/api/v1/federation/handover/measurement").then().statusCode(200)
                    .body("rows.id", not(hasItem(value)));
            given().auth().oauth2(TestTokens.federation(INSTANCE, AGENCY))
                    .when().get("/api/v1/federation/handover/audit").then().statusCode(200)
                    .body("rows.entity_id", hasItem(value));
            given().auth().oauth2(TestTokens.federation(INSTANCE, AGENCY))
                    .when().get("/api/v1/federation/handover/no-such-kind").then().statusCode(404);
            given().auth().oauth2(TestTokens.submitter(AGENCY)).when().get("/api/v1/federation/handover/measurement")
                    .then().statusCode(403);
            given().auth().oauth2(TestTokens.federation("bkhcn", "BKHCN"))
                    .when().get("/api/v1/federation/instances/" + INSTANCE).then().statusCode(403);

            // the instance reports it holds them: FEDERATED; a report for another run is refused
            Map<String, Object> report = Map.of("startedAt", commissioned.getString("startedAt"),
                    "written", Map.of("measurement", 1));
            given().auth().oauth2(TestTokens.federation(INSTANCE, AGENCY)).contentType(ContentType.JSON)
                    .body(Map.of("startedAt", "2020-01-01T00:00:00Z", "written", Map.of()))
                    .when().post("/api/v1/federation/instances/" + INSTANCE + "/handover-report").then().statusCode(409);
            given().auth().oauth2(TestTokens.federation(INSTANCE, AGENCY)).contentType(ContentType.JSON).body(report)
                    .when().post("/api/v1/federation/instances/" + INSTANCE + "/handover-report").then().statusCode(200)
                    .body("state", equalTo("FEDERATED")).body("transferred.measurement", equalTo(1));
            // the instance's events for its values apply as before
            String own = UUID.randomUUID().toString();
            JsonPath answer = sendAs(TestTokens.federation(INSTANCE, AGENCY), TestEvents.event(
                    vn.nq57.kpi.events.KpiEvents.MEASUREMENT_RECORDED, own, 0, INSTANCE,
                    withAgency(measurement(own, indicatorId, "2022", 5, "SUBMITTED", 0))));
            assertEquals("APPLIED", answer.getString("results[0].status"), answer.prettify());
        } finally {
            given().auth().oauth2(TestTokens.centralAdmin()).when()
                    .post("/api/v1/federation/instances/" + INSTANCE + "/retire").then().statusCode(200)
                    .body("state", equalTo("RETIRED")).body("returned.measurement", greaterThanOrEqualTo(2));
        }
        // retired: the values are central's own again and writable here; the instance's events are refused
        given().auth().oauth2(TestTokens.viewer(AGENCY)).when().get("/api/v1/measurements/" + value).then()
                .statusCode(200).body("origin", equalTo("central"));
        record(code, "2024", 12).then().statusCode(200).body("id", equalTo(value)).body("value", equalTo(12));
        String late = UUID.randomUUID().toString();
        JsonPath refused = sendAs(TestTokens.federation(INSTANCE, AGENCY), TestEvents.event(
                vn.nq57.kpi.events.KpiEvents.MEASUREMENT_RECORDED, late, 0, INSTANCE,
                withAgency(measurement(late, indicatorId, "2021", 5, "SUBMITTED", 0))));
        assertEquals("REJECTED", refused.getString("results[0].status"), refused.prettify());
        given().auth().oauth2(TestTokens.centralAdmin()).queryParam("entityType", "instance")
                .queryParam("entityId", INSTANCE).when().get("/api/v1/audit").then().statusCode(200)
                .body("items.action", hasItem("federation.commissioned")).body("items.action", hasItem("federation.retired"))
                .body("items.action", hasItem("federation.handover.completed"));
    }

    private static Map<String, Object> withAgency(Map<String, Object> data) {
        Map<String, Object> copy = new java.util.HashMap<>(data);
        copy.put("agency", AGENCY);
        copy.put("origin", INSTANCE);
        copy.put("originInstance", INSTANCE);
        return copy;
    }
}
