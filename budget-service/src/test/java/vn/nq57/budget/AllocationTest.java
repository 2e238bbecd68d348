package vn.nq57.budget;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.nq57.budget.Fixtures.Initiative;
import vn.nq57.platform.testing.TestTokens;

@QuarkusTest
class AllocationTest {

    static final int YEAR = Fixtures.PAST_YEAR;

    @BeforeEach
    void fiscalYear() {
        Fixtures.ensureFiscalYear(YEAR);
    }

    @Test
    void aMinistryAdminPlansAnAllocationForAnInitiativeItsAgencyLeads() {
        Initiative i = Fixtures.newInitiative("H4", "BKHCN-CCDSQG", false);
        given().auth().oauth2(TestTokens.ministryAdmin("BKHCN")).contentType(ContentType.JSON)
                .body(Fixtures.allocationBody(i, YEAR, "LOCAL_BUDGET", 120_000_000_000L))
                .when().post("/api/v1/allocations")
                .then().statusCode(201)
                .header("Location", notNullValue()).header("ETag", equalTo("\"0\""))
                .body("code", matchesPattern("AL-" + YEAR + "-\\d{6}"))
                .body("status", equalTo("PLANNED"))
                .body("amount", equalTo(120_000_000_000L))
                .body("disbursed", equalTo(0))
                .body("leadAgency", equalTo("BKHCN-CCDSQG"))
                .body("initiative.id", equalTo(i.id().toString()))
                .body("initiative.system", equalTo("H4"))
                .body("purpose", equalTo("Kinh phí triển khai " + i.code()));
        // the initiative is now in the replica
        given().auth().oauth2(TestTokens.viewer("BYT")).when().get("/api/v1/initiatives/" + i.id())
                .then().statusCode(200).body("code", equalTo(i.code())).body("leadAgency", equalTo("BKHCN-CCDSQG"))
                .body("source", equalTo("REQUEST"));
    }

    @Test
    void planningIsRefusedOutsideTheCallersAgencyAndRole() {
        Initiative i = Fixtures.newInitiative("H3", "BYT", false);
        given().auth().oauth2(TestTokens.ministryAdmin("BKHCN")).contentType(ContentType.JSON)
                .body(Fixtures.allocationBody(i, YEAR, "LOCAL_BUDGET", 1_000L))
                .when().post("/api/v1/allocations")
                .then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.submitter("BYT")).contentType(ContentType.JSON)
                .body(Fixtures.allocationBody(i, YEAR, "LOCAL_BUDGET", 1_000L))
                .when().post("/api/v1/allocations")
                .then().statusCode(403);
        given().auth().oauth2(TestTokens.viewer("BYT")).contentType(ContentType.JSON)
                .body(Fixtures.allocationBody(i, YEAR, "LOCAL_BUDGET", 1_000L))
                .when().post("/api/v1/allocations")
                .then().statusCode(403);
        // nothing was written: not even the replica entry
        given().auth().oauth2(TestTokens.viewer("BYT")).when().get("/api/v1/initiatives/" + i.id())
                .then().statusCode(404);
    }

    @Test
    void anUnknownInitiativeIsRefusedUnlessRegisteredWithItsSystemAndLeadAgency() {
        Map<String, Object> body = new HashMap<>();
        body.put("initiativeId", UUID.randomUUID().toString());
        body.put("fiscalYear", YEAR);
        body.put("fundingSource", "ODA");
        body.put("amount", 5_000L);
        given().auth().oauth2(TestTokens.centralAdmin()).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/allocations")
                .then().statusCode(422).contentType("application/problem+json")
                .body("field", equalTo("initiativeId"));
        body.put("initiative", Map.of("code", "H2-X"));
        given().auth().oauth2(TestTokens.centralAdmin()).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/allocations")
                .then().statusCode(400)
                .body("violations.field", contains("initiative.system", "initiative.leadAgency"));
        body.put("initiative", Map.of("system", "H2", "leadAgency", "NOPE"));
        given().auth().oauth2(TestTokens.centralAdmin()).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/allocations")
                .then().statusCode(400).body("violations[0].field", equalTo("initiative.leadAgency"));
        body.put("initiative", Map.of("system", "H9", "leadAgency", "BCT"));
        given().auth().oauth2(TestTokens.centralAdmin()).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/allocations")
                .then().statusCode(400).body("violations[0].field", equalTo("initiative.system"));
    }

    @Test
    void aKnownInitiativeWithOtherFactsIsAConflict() {
        Initiative i = Fixtures.newInitiative("H2", "BCT", true);
        Fixtures.plan(i, YEAR, "ENTERPRISE", 10_000L);
        Map<String, Object> body = Fixtures.allocationBody(i, YEAR, "ENTERPRISE", 10_000L);
        body.put("initiative", Map.of("system", "H5", "leadAgency", "BCT"));
        given().auth().oauth2(TestTokens.centralAdmin()).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/allocations")
                .then().statusCode(409).body("detail", org.hamcrest.Matchers.containsString("system is H2"));
        // without facts the replica answers for the initiative
        body.remove("initiative");
        given().auth().oauth2(TestTokens.centralAdmin()).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/allocations")
                .then().statusCode(201).body("initiative.key", equalTo(true)).body("leadAgency", equalTo("BCT"));
    }

    @Test
    void badAllocationInputIsA400ProblemNamingTheField() {
        Initiative i = Fixtures.newInitiative("H1", "BTP", false);
        String admin = TestTokens.centralAdmin();
        Map<String, Object> body = Fixtures.allocationBody(i, YEAR, "LOCAL_BUDGET", 0L);
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(body).when().post("/api/v1/allocations")
                .then().statusCode(400).body("violations[0].field", equalTo("amount"));
        body.put("amount", 1_000_000_000_000_000_001L);
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(body).when().post("/api/v1/allocations")
                .then().statusCode(400).body("violations[0].field", equalTo("amount"));
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body("{\"initiativeId\":\"" + i.id() + "\",\"fiscalYear\":" + YEAR
                        + ",\"fundingSource\":\"ODA\",\"amount\":1500.5}")
                .when().post("/api/v1/allocations")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("amount"));
        body.put("amount", 1_000L);
        body.put("fundingSource", "LOTTERY");
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(body).when().post("/api/v1/allocations")
                .then().statusCode(400).body("violations[0].field", equalTo("fundingSource"));
        body.put("fundingSource", "ODA");
        body.put("fiscalYear", 2099);
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(body).when().post("/api/v1/allocations")
                .then().statusCode(400).body("violations[0].field", equalTo("fiscalYear"));
        given().auth().oauth2(admin).when().get("/api/v1/allocations/" + UUID.randomUUID())
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(admin).when().get("/api/v1/allocations?status=DONE")
                .then().statusCode(400).body("violations[0].field", equalTo("status"));
    }

    @Test
    void centralBudgetAllocationsAreApprovedOnlyByACentralAdmin() {
        Initiative i = Fixtures.newInitiative("H4", "BKHCN", false);
        String id = Fixtures.plan(i, YEAR, "CENTRAL_BUDGET", 50_000L).path("id");
        given().auth().oauth2(TestTokens.ministryAdmin("BKHCN")).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body(Map.of()).when().post("/api/v1/allocations/" + id + "/approval")
                .then().statusCode(403).body("detail", org.hamcrest.Matchers.containsString("central admin"));
        given().auth().oauth2(TestTokens.centralAdmin()).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body(Map.of("note", "Đồng ý")).when().post("/api/v1/allocations/" + id + "/approval")
                .then().statusCode(200)
                .header("ETag", equalTo("\"1\""))
                .body("status", equalTo("APPROVED"))
                .body("approvedBy", equalTo("central.admin"))
                .body("approvedByAgency", equalTo("BCDTW"))
                .body("approvedAt", notNullValue())
                .body("remaining", equalTo(50_000));
        // approving twice is an illegal transition
        given().auth().oauth2(TestTokens.centralAdmin()).contentType(ContentType.JSON).header("If-Match", "\"1\"")
                .body(Map.of()).when().post("/api/v1/allocations/" + id + "/approval")
                .then().statusCode(409).body("currentStatus", equalTo("APPROVED")).body("allowed", contains("CANCELLED"));
    }

    @Test
    void aMinistryAdminApprovesOtherSourcesForItsOwnInitiativesOnly() {
        Initiative i = Fixtures.newInitiative("H3", "BYT", false);
        String id = Fixtures.plan(i, YEAR, "LOCAL_BUDGET", 70_000L).path("id");
        given().auth().oauth2(TestTokens.ministryAdmin("BKHCN")).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body(Map.of()).when().post("/api/v1/allocations/" + id + "/approval")
                .then().statusCode(403);
        given().auth().oauth2(TestTokens.ministryAdmin("BYT")).contentType(ContentType.JSON)
                .body(Map.of()).when().post("/api/v1/allocations/" + id + "/approval")
                .then().statusCode(428);
        given().auth().oauth2(TestTokens.ministryAdmin("BYT")).contentType(ContentType.JSON).header("If-Match", "\"7\"")
                .body(Map.of()).when().post("/api/v1/allocations/" + id + "/approval")
                .then().statusCode(412);
        given().auth().oauth2(TestTokens.ministryAdmin("BYT")).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body(Map.of()).when().post("/api/v1/allocations/" + id + "/approval")
                .then().statusCode(200).body("status", equalTo("APPROVED")).body("approvedBy", equalTo("admin.byt"));
    }

    @Test
    void amendmentsKeepTheHistoryAndNeverGoBelowWhatIsDisbursed() {
        Initiative i = Fixtures.newInitiative("H5", "BGDDT", false);
        String id = Fixtures.approved(i, YEAR, "SOCIAL", 1_000_000L);
        Fixtures.disburse(TestTokens.submitter("BGDDT"), id, YEAR + "-05-10", 600_000L, Fixtures.reference())
                .then().statusCode(201);
        String etag = given().auth().oauth2(TestTokens.viewer("BGDDT")).when().get("/api/v1/allocations/" + id)
                .then().extract().header("ETag");
        given().auth().oauth2(TestTokens.ministryAdmin("BGDDT")).contentType(ContentType.JSON).header("If-Match", etag)
                .body(Map.of("amount", 599_999L, "reason", "Cắt giảm dự toán"))
                .when().post("/api/v1/allocations/" + id + "/amendments")
                .then().statusCode(409).body("disbursed", equalTo(600_000)).body("minimumAmount", equalTo(600_000));
        given().auth().oauth2(TestTokens.ministryAdmin("BGDDT")).contentType(ContentType.JSON).header("If-Match", etag)
                .body(Map.of("amount", 800_000L, "reason", "Cắt giảm dự toán"))
                .when().post("/api/v1/allocations/" + id + "/amendments")
                .then().statusCode(200).body("amount", equalTo(800_000)).body("remaining", equalTo(200_000))
                .body("disbursementRate", equalTo(75.0f));
        given().auth().oauth2(TestTokens.viewer("BGDDT")).when().get("/api/v1/allocations/" + id + "/history")
                .then().statusCode(200)
                .body("action", contains("CREATED", "APPROVED", "AMENDED"))
                .body("[2].amountBefore", equalTo(1_000_000))
                .body("[2].amountAfter", equalTo(800_000))
                .body("[2].reason", equalTo("Cắt giảm dự toán"))
                .body("[2].actor", equalTo("admin.bgddt"));
    }

    @Test
    void anAllocationWithMoneyDisbursedCannotBeCancelled() {
        Initiative i = Fixtures.newInitiative("H2", "BCT", false);
        String id = Fixtures.approved(i, YEAR, "ENTERPRISE", 500L);
        String paymentId = Fixtures.disburse(TestTokens.submitter("BCT"), id, YEAR + "-03-01", 200L, Fixtures.reference())
                .then().statusCode(201).extract().path("id");
        String etag = given().auth().oauth2(TestTokens.viewer("BCT")).when().get("/api/v1/allocations/" + id)
                .then().extract().header("ETag");
        given().auth().oauth2(TestTokens.ministryAdmin("BCT")).contentType(ContentType.JSON).header("If-Match", etag)
                .body(Map.of("reason", "Dừng dự án")).when().post("/api/v1/allocations/" + id + "/cancellation")
                .then().statusCode(409).body("disbursed", equalTo(200));
        given().auth().oauth2(TestTokens.submitter("BCT")).contentType(ContentType.JSON)
                .body(Map.of("reason", "Chi sai tài khoản", "date", YEAR + "-03-02"))
                .when().post("/api/v1/disbursements/" + paymentId + "/reversal").then().statusCode(201);
        etag = given().auth().oauth2(TestTokens.viewer("BCT")).when().get("/api/v1/allocations/" + id)
                .then().body("disbursed", equalTo(0)).extract().header("ETag");
        given().auth().oauth2(TestTokens.ministryAdmin("BCT")).contentType(ContentType.JSON).header("If-Match", etag)
                .body(Map.of("reason", "Dừng dự án")).when().post("/api/v1/allocations/" + id + "/cancellation")
                .then().statusCode(200).body("status", equalTo("CANCELLED")).body("cancelReason", equalTo("Dừng dự án"))
                .body("remaining", equalTo(0));
        // a cancelled allocation takes no disbursement and no amendment
        Fixtures.disburse(TestTokens.submitter("BCT"), id, YEAR + "-03-05", 1L, Fixtures.reference())
                .then().statusCode(409).body("currentStatus", equalTo("CANCELLED"));
    }

    @Test
    void aRetriedPlanWithTheSameIdempotencyKeyCreatesOneAllocation() {
        Initiative i = Fixtures.newInitiative("H6", "BKHCN", true);
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = Fixtures.allocationBody(i, YEAR, "CENTRAL_BUDGET", 9_000_000L);
        String first = given().auth().oauth2(TestTokens.centralAdmin()).contentType(ContentType.JSON)
                .header("Idempotency-Key", key).body(body).when().post("/api/v1/allocations")
                .then().statusCode(201).extract().path("id");
        given().auth().oauth2(TestTokens.centralAdmin()).contentType(ContentType.JSON)
                .header("Idempotency-Key", key).body(body).when().post("/api/v1/allocations")
                .then().statusCode(201).header("Idempotent-Replayed", "true").body("id", equalTo(first));
        body.put("amount", 9_000_001L);
        given().auth().oauth2(TestTokens.centralAdmin()).contentType(ContentType.JSON)
                .header("Idempotency-Key", key).body(body).when().post("/api/v1/allocations")
                .then().statusCode(422);
        given().auth().oauth2(TestTokens.viewer("BKHCN")).when().get("/api/v1/allocations?initiativeId=" + i.id())
                .then().statusCode(200).body("total", equalTo(1)).body("items[0].id", equalTo(first));
    }

    @Test
    void allocationsAreListedWithFiltersAndFoundByCode() {
        Initiative i = Fixtures.newInitiative("H1", "BNV", true);
        String planned = Fixtures.plan(i, YEAR, "LOCAL_BUDGET", 11L).path("code");
        String approved = Fixtures.approved(i, YEAR, "ODA", 22L);
        given().auth().oauth2(TestTokens.viewer("HNI")).when()
                .get("/api/v1/allocations?fiscalYear=" + YEAR + "&initiativeId=" + i.id() + "&status=APPROVED&system=H1&key=true")
                .then().statusCode(200).body("total", equalTo(1)).body("items[0].id", equalTo(approved))
                .body("items[0].fundingSource", equalTo("ODA"));
        given().auth().oauth2(TestTokens.viewer("HNI")).when().get("/api/v1/allocations/" + planned)
                .then().statusCode(200).body("code", equalTo(planned)).body("status", equalTo("PLANNED"))
                .body("priorityWarning", nullValue());
        given().auth().oauth2(TestTokens.viewer("HNI")).when().get("/api/v1/allocations?leadAgency=BNV&fundingSource=LOCAL_BUDGET&size=500")
                .then().statusCode(200).body("items.code", hasItem(planned));
    }
}
