package vn.nq57.kpi;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.nq57.platform.testing.TestTokens;

@QuarkusTest
class ApprovalTest {

    private static String record(String agency, Map<String, Object> row) {
        return given().auth().oauth2(TestTokens.submitter(agency)).contentType(ContentType.JSON).body(row)
                .when().post("/api/v1/measurements").then().statusCode(201).extract().path("id");
    }

    private static io.restassured.response.ValidatableResponse step(String token, String id, String step,
                                                                    String reason) {
        var request = given().auth().oauth2(token).contentType(ContentType.JSON);
        if (reason != null) {
            request.body(Map.of("reason", reason));
        }
        return request.when().post("/api/v1/measurements/" + id + "/" + step).then();
    }

    @Test
    void anApproverApprovesValuesOfItsAgencyAndOfTheAgenciesBelowIt() {
        String code = Fixtures.code("AP");
        Fixtures.createIndicator(code);
        String below = record("BKHCN-CDMST", Fixtures.value(code, "2024", "BKHCN-CDMST", 3));
        step(TestTokens.ministryAdmin("BYT"), below, "approve", null).statusCode(403);
        step(TestTokens.submitter("BKHCN"), below, "approve", null).statusCode(403);
        step(TestTokens.ministryAdmin("BKHCN-CDMST"), record("BKHCN", Fixtures.value(code, "2024", "BKHCN", 1)),
                "approve", null).statusCode(403);
        step(TestTokens.ministryAdmin("BKHCN"), below, "approve", null).statusCode(200)
                .header("ETag", equalTo("\"1\""))
                .body("status", equalTo("APPROVED")).body("decidedBy", equalTo("admin.bkhcn"))
                .body("decidedAt", notNullValue());
        step(TestTokens.ministryAdmin("BKHCN"), below, "approve", null).statusCode(409)
                .body("currentStatus", equalTo("APPROVED"));
    }

    @Test
    void anApproversInboxListsTheSubmittedValuesOfItsAgencyAndOfTheAgenciesBelowIt() {
        String code = Fixtures.code("INB");
        Fixtures.createIndicator(code);
        String own = record("BKHCN", Fixtures.value(code, "2024", "BKHCN", 1));
        String below = record("BKHCN-CDMST", Fixtures.value(code, "2024", "BKHCN-CDMST", 2));
        record("BYT", Fixtures.value(code, "2024", "BYT", 3));
        given().auth().oauth2(TestTokens.ministryAdmin("BKHCN"))
                .queryParam("indicator", code).queryParam("under", "bkhcn").queryParam("status", "SUBMITTED")
                .when().get("/api/v1/measurements").then().statusCode(200)
                .body("total", equalTo(2))
                .body("items.id", org.hamcrest.Matchers.containsInAnyOrder(own, below));
        given().auth().oauth2(TestTokens.ministryAdmin("BKHCN"))
                .queryParam("indicator", code).queryParam("under", "BKHCN-CDMST")
                .when().get("/api/v1/measurements").then().statusCode(200)
                .body("items.id", contains(below));
    }

    private static io.restassured.response.ValidatableResponse decide(String token, String query,
                                                                      Map<String, Object> body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/measurements/decisions" + query).then();
    }

    @Test
    void aDecisionListApprovesManyValuesAtOnceOrNoneWhenOneIsRefused() {
        String code = Fixtures.code("DEC");
        Fixtures.createIndicator(code);
        String a = record("BKHCN", Fixtures.value(code, "2023", "BKHCN", 4));
        String b = record("BKHCN-CDMST", Fixtures.value(code, "2023", "BKHCN-CDMST", 6));
        String other = record("BYT", Fixtures.value(code, "2023", "BYT", 9));
        String admin = TestTokens.ministryAdmin("BKHCN");

        // all-or-nothing: BYT's value is outside BKHCN's scope, so nothing is approved
        decide(admin, "", Map.of("action", "APPROVE", "measurements", List.of(Map.of("id", a), Map.of("id", b),
                Map.of("id", other)))).statusCode(403)
                .body("decisionSummary.status", equalTo("ERROR"))
                .body("decisionSummary.committed", equalTo(false))
                .body("decisionSummary.rows.status", contains("APPROVED", "APPROVED", "REJECTED"))
                .body("decisionSummary.rows[2].httpStatus", equalTo(403));
        given().auth().oauth2(TestTokens.viewer("BKHCN")).when().get("/api/v1/measurements/" + a).then()
                .statusCode(200).body("status", equalTo("SUBMITTED"));
        org.junit.jupiter.api.Assertions.assertEquals(0, Fixtures.count(
                "SELECT count(*) FROM measurement_history WHERE measurement_id IN (?1, ?2) AND action = 'APPROVED'",
                java.util.UUID.fromString(a), java.util.UUID.fromString(b)));

        // partial: the two in scope are approved (one with a stale version is refused), each with its history,
        // audit entry and event; the evaluation counts them once the list is applied
        decide(admin, "?mode=partial", Map.of("action", "APPROVE", "reason", "Đã đối chiếu",
                "measurements", List.of(Map.of("id", a, "version", 0), Map.of("id", b, "version", 7),
                        Map.of("id", other), Map.of("id", a)))).statusCode(200)
                .body("status", equalTo("WARNING")).body("committed", equalTo(true))
                .body("count.decided", equalTo(1)).body("count.rejected", equalTo(3))
                .body("rows.status", contains("APPROVED", "REJECTED", "REJECTED", "REJECTED"))
                .body("rows.httpStatus", contains(null, 412, 403, 400))
                .body("rows[0].version", equalTo(1));
        decide(admin, "?mode=partial", Map.of("action", "APPROVE", "measurements", List.of(Map.of("id", b))))
                .statusCode(200).body("status", equalTo("SUCCESS")).body("rows[0].status", equalTo("APPROVED"));
        org.junit.jupiter.api.Assertions.assertEquals(2, Fixtures.count(
                "SELECT count(*) FROM measurement_history WHERE measurement_id IN (?1, ?2) AND action = 'APPROVED'",
                java.util.UUID.fromString(a), java.util.UUID.fromString(b)));
        org.junit.jupiter.api.Assertions.assertEquals(2, Fixtures.count(
                "SELECT count(*) FROM outbox WHERE aggregate_id IN (?1, ?2) AND event_type = 'nq57.measurement.approved.v1'",
                a, b));
        org.junit.jupiter.api.Assertions.assertEquals(2, Fixtures.count(
                "SELECT count(*) FROM audit_log WHERE entity_id IN (?1, ?2) AND action = 'measurement.approved'", a, b));
        given().auth().oauth2(TestTokens.viewer("BKHCN")).when().get("/api/v1/evaluation/indicators/" + code)
                .then().statusCode(200).body("approvedValues", equalTo(2));

        // a return needs a reason, like its single endpoint; a submitter may not approve
        decide(admin, "", Map.of("action", "RETURN", "measurements", List.of(Map.of("id", other))))
                .statusCode(403);
        decide(TestTokens.ministryAdmin("BYT"), "", Map.of("action", "RETURN", "measurements",
                List.of(Map.of("id", other)))).statusCode(422)
                .body("decisionSummary.rows[0].httpStatus", equalTo(400))
                .body("decisionSummary.rows[0].reason", containsString("reason"));
        decide(TestTokens.submitter("BYT"), "", Map.of("action", "APPROVE", "measurements",
                List.of(Map.of("id", other)))).statusCode(403);
        decide(admin, "", Map.of("action", "DELETE", "measurements", List.of(Map.of("id", a)))).statusCode(400);
        decide(admin, "", Map.of("action", "APPROVE", "measurements", List.of())).statusCode(400);
    }

    @Test
    void anApprovedValueIsLockedUntilAnApproverReopensItWithAReason() {
        String code = Fixtures.code("LOCK");
        Fixtures.createIndicator(code);
        String id = record("BKHCN", Fixtures.value(code, "2024", "BKHCN", 10));
        step(TestTokens.ministryAdmin("BKHCN"), id, "approve", "Đã đối chiếu số liệu").statusCode(200);
        given().auth().oauth2(TestTokens.submitter("BKHCN")).contentType(ContentType.JSON)
                .body(Fixtures.value(code, "2024", "BKHCN", 11))
                .when().post("/api/v1/measurements").then().statusCode(409)
                .body("detail", containsString("locked"));
        given().auth().oauth2(TestTokens.submitter("BKHCN")).contentType(ContentType.JSON)
                .body(Map.of("measurements", List.of(Fixtures.value(code, "2024", "BKHCN", 10),
                        Fixtures.value(code, "2024", "BKHCN", 12))))
                .when().post("/api/v1/measurements/batch?mode=partial").then().statusCode(200)
                .body("rows.status", contains("UNCHANGED", "REJECTED"));
        given().auth().oauth2(TestTokens.submitter("BKHCN")).contentType(ContentType.JSON)
                .body(Map.of("measurements", List.of(Fixtures.value(code, "2024", "BKHCN", 13))))
                .when().post("/api/v1/measurements/batch?mode=partial").then().statusCode(200)
                .body("rows[0].status", equalTo("REJECTED"))
                .body("rows[0].reasons[0].message", containsString("APPROVED and locked"));
        step(TestTokens.ministryAdmin("BKHCN"), id, "reopen", null).statusCode(400)
                .body("violations[0].field", equalTo("reason"));
        step(TestTokens.submitter("BKHCN"), id, "reopen", "sai số").statusCode(403);
        step(TestTokens.ministryAdmin("BKHCN"), id, "reopen", "Cục Thống kê công bố số liệu chính thức")
                .statusCode(200).body("status", equalTo("SUBMITTED"));
        given().auth().oauth2(TestTokens.submitter("BKHCN")).contentType(ContentType.JSON)
                .body(Fixtures.value(code, "2024", "BKHCN", 11))
                .when().post("/api/v1/measurements").then().statusCode(200).body("value", equalTo(11));
        given().auth().oauth2(TestTokens.viewer("BKHCN")).when().get("/api/v1/measurements/" + id + "/history")
                .then().statusCode(200)
                .body("action", contains("RECORDED", "APPROVED", "REOPENED", "UPDATED"))
                .body("[2].reason", equalTo("Cục Thống kê công bố số liệu chính thức"))
                .body("[2].actor", equalTo("admin.bkhcn"))
                .body("[3].oldValue", equalTo(10)).body("[3].newValue", equalTo(11));
        given().auth().oauth2(TestTokens.centralAdmin())
                .when().get("/api/v1/audit?entityType=measurement&entityId=" + id)
                .then().statusCode(200)
                .body("items.action", hasItem("measurement.reopened"))
                .body("items.subject", hasItem("admin.bkhcn"));
    }

    @Test
    void aReturnedValueCarriesItsReasonAndIsSubmittedAgain() {
        String code = Fixtures.code("RET");
        Fixtures.createIndicator(code);
        String id = record("BKHCN", Fixtures.value(code, "2024", "BKHCN", 10));
        step(TestTokens.ministryAdmin("BKHCN"), id, "return", " ").statusCode(400);
        step(TestTokens.ministryAdmin("BKHCN"), id, "return", "Thiếu minh chứng").statusCode(200)
                .body("status", equalTo("RETURNED")).body("returnReason", equalTo("Thiếu minh chứng"));
        step(TestTokens.ministryAdmin("BKHCN"), id, "approve", null).statusCode(409)
                .body("allowed", contains("SUBMITTED"));
        Map<String, Object> again = Fixtures.value(code, "2024", "BKHCN", 10);
        again.put("evidenceLink", "https://example.gov.vn/bao-cao-2024.pdf");
        given().auth().oauth2(TestTokens.submitter("BKHCN")).contentType(ContentType.JSON).body(again)
                .when().post("/api/v1/measurements").then().statusCode(200)
                .body("status", equalTo("SUBMITTED")).body("returnReason", nullValue());
    }

    @Test
    void aDraftCountsOnlyOnceSubmitted() {
        String code = Fixtures.code("DRAFT");
        Fixtures.createIndicator(code);
        Map<String, Object> draft = Fixtures.value(code, "2024", "BKHCN", 10);
        draft.put("status", "DRAFT");
        String id = record("BKHCN", draft);
        given().auth().oauth2(TestTokens.viewer("BKHCN")).when().get("/api/v1/evaluation/indicators/" + code)
                .then().statusCode(200).body("valuesUsed", equalTo(0)).body("status", equalTo("GREY"));
        step(TestTokens.ministryAdmin("BKHCN"), id, "approve", null).statusCode(409);
        step(TestTokens.submitter("BKHCN"), id, "submit", null).statusCode(200)
                .body("status", equalTo("SUBMITTED")).body("firstSubmittedAt", notNullValue());
        given().auth().oauth2(TestTokens.viewer("BKHCN")).when().get("/api/v1/evaluation/indicators/" + code)
                .then().statusCode(200).body("valuesUsed", equalTo(1)).body("actual", equalTo(10));
        given().auth().oauth2(TestTokens.submitter("BKHCN")).contentType(ContentType.JSON)
                .header("If-Match", "\"0\"")
                .when().post("/api/v1/measurements/" + id + "/return").then().statusCode(403);
        given().auth().oauth2(TestTokens.ministryAdmin("BKHCN")).contentType(ContentType.JSON)
                .header("If-Match", "\"0\"").body(Map.of("reason", "cũ"))
                .when().post("/api/v1/measurements/" + id + "/return").then().statusCode(412);
    }
}
