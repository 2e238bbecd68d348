package vn.nq57.kpi.federation;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static vn.nq57.kpi.federation.Federated.measurement;
import static vn.nq57.kpi.federation.Federated.send;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import vn.nq57.kpi.Fixtures;
import vn.nq57.kpi.events.KpiEvents;
import vn.nq57.platform.testing.TestEvents;
import vn.nq57.platform.testing.TestTokens;

/**
 * A central admin accepting a ministry's value central refused (issue #20): central's own value for the same
 * indicator, period and agency gives way (audited) and the ministry's applies, in one transaction; the decision is
 * listed for the ministry to pull.
 */
@QuarkusTest
class AcceptTest {

    @Test
    void aMinistrysValueCentralRefusedTakesThePlaceOfCentralsWhenACentralAdminAcceptsIt() {
        String code = Fixtures.code("ACC");
        String indicatorId = Fixtures.createIndicator(code);
        String centrals = given().auth().oauth2(TestTokens.centralAdmin()).contentType(ContentType.JSON)
                .body(Fixtures.value(code, "2024", "BKHCN", 57.8)).when().post("/api/v1/measurements")
                .then().statusCode(201).extract().path("id");
        String ministrys = UUID.randomUUID().toString();
        Map<String, Object> event = TestEvents.event(KpiEvents.MEASUREMENT_RECORDED, ministrys, 0, Federated.MINISTRY,
                measurement(ministrys, indicatorId, "2024", 77.5, "SUBMITTED", 0));
        JsonPath answer = send(event);
        assertEquals("REJECTED", answer.getString("results[0].status"), answer.prettify());
        String eventId = answer.getString("results[0].id");

        // a ministry cannot accept, and KEEP_CENTRAL needs a reason
        given().auth().oauth2(TestTokens.centralAdmin()).contentType(ContentType.JSON)
                .body(Map.of("action", "RESUBMIT")).when().post("/api/v1/federation/conflicts/" + eventId + "/resolution")
                .then().statusCode(400);
        given().auth().oauth2(TestTokens.centralAdmin()).contentType(ContentType.JSON)
                .body(Map.of("action", "ACCEPT", "note", "Số liệu của bộ là số chính thức"))
                .when().post("/api/v1/federation/conflicts/" + eventId + "/resolution").then().statusCode(200)
                .body("resolution", equalTo("ACCEPT")).body("resolvedBy", equalTo("central.admin"));

        given().auth().oauth2(TestTokens.viewer("BKHCN")).when().get("/api/v1/measurements/" + ministrys).then()
                .statusCode(200).body("origin", equalTo("bkhcn")).body("value", equalTo(77.5f));
        given().auth().oauth2(TestTokens.viewer("BKHCN")).when().get("/api/v1/measurements/" + centrals).then()
                .statusCode(404);
        given().auth().oauth2(TestTokens.centralAdmin()).queryParam("entityId", centrals).when().get("/api/v1/audit")
                .then().statusCode(200).body("items.action", hasItem("measurement.replaced"));
        // decided once; the decision is there for the ministry to pull
        given().auth().oauth2(TestTokens.centralAdmin()).contentType(ContentType.JSON).body(Map.of("action", "ACCEPT"))
                .when().post("/api/v1/federation/conflicts/" + eventId + "/resolution").then().statusCode(409);
        given().auth().oauth2(TestTokens.federation(Federated.MINISTRY, "BKHCN")).queryParam("after", 0)
                .queryParam("limit", 500).when().get("/api/v1/federation/conflicts/decisions").then().statusCode(200)
                .body("find { it.eventId == '" + eventId + "' }.resolution", equalTo("ACCEPT"));
        // the same event sent again changes nothing
        assertEquals("SUPERSEDED", send(event).getString("results[0].status"));
    }

    @Test
    void anIndicatorCentralRefusedCannotBeAcceptedInPlaceOfCentrals() {
        String code = Fixtures.code("ACI");
        String central = Fixtures.createIndicator(code);
        Map<String, Object> data = Federated.indicator(central, code, Fixtures.initiative("H4", "BKHCN", "IN_PROGRESS"), 1);
        JsonPath answer = send(TestEvents.event(KpiEvents.INDICATOR_UPDATED, central, 1, Federated.MINISTRY, data));
        assertEquals("REJECTED", answer.getString("results[0].status"), answer.prettify());
        given().auth().oauth2(TestTokens.centralAdmin()).contentType(ContentType.JSON).body(Map.of("action", "ACCEPT"))
                .when().post("/api/v1/federation/conflicts/" + answer.getString("results[0].id") + "/resolution")
                .then().statusCode(409).body("detail", containsString("cannot take"));
    }
}
