package vn.nq57.budget;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import vn.nq57.platform.testing.TestTokens;

/** Shortcuts shared by the budget-service tests. Every test makes its own initiatives (random UUIDs and codes). */
public final class Fixtures {

    /** A past fiscal year every disbursement test can date payments in. */
    public static final int PAST_YEAR = 2025;

    private Fixtures() {
    }

    public static String uniqueCode(String system) {
        return system + "-B" + ThreadLocalRandom.current().nextInt(1_000_000, 9_999_999);
    }

    /** Makes sure fiscal year {@code year} exists (creating it with 3 % of spending on the S&T line). */
    public static void ensureFiscalYear(int year) {
        int status = given().auth().oauth2(TestTokens.viewer("BKHCN")).when().get("/api/v1/fiscal-years/" + year)
                .then().extract().statusCode();
        if (status == 404) {
            int created = given().auth().oauth2(TestTokens.centralAdmin()).contentType(ContentType.JSON)
                    .body(Map.of("year", year, "totalStateExpenditure", 2_000_000_000_000_000L,
                            "stiBudget", 60_000_000_000_000L))
                    .when().post("/api/v1/fiscal-years").then().extract().statusCode();
            if (created != 201 && created != 409) {
                throw new IllegalStateException("fiscal year " + year + " could not be created: " + created);
            }
        }
    }

    /** Sets fiscal year {@code year}'s figures (creating it if needed), as a central admin. */
    public static void setFiscalYear(int year, long total, long sti) {
        ensureFiscalYear(year);
        String etag = given().auth().oauth2(TestTokens.centralAdmin()).when().get("/api/v1/fiscal-years/" + year)
                .then().statusCode(200).extract().header("ETag");
        given().auth().oauth2(TestTokens.centralAdmin()).contentType(ContentType.JSON).header("If-Match", etag)
                .body(Map.of("totalStateExpenditure", total, "stiBudget", sti))
                .when().put("/api/v1/fiscal-years/" + year).then().statusCode(200);
    }

    /** An initiative the service does not know yet, described by its facts. */
    public record Initiative(UUID id, String code, String system, String leadAgency, boolean key) {
        public Map<String, Object> facts() {
            return Map.of("code", code, "system", system, "leadAgency", leadAgency, "key", key);
        }
    }

    public static Initiative newInitiative(String system, String leadAgency, boolean key) {
        return new Initiative(UUID.randomUUID(), uniqueCode(system), system, leadAgency, key);
    }

    /** Registers the initiative in the replica (central admin), so that reports know it before any allocation. */
    public static void register(Initiative i) {
        given().auth().oauth2(TestTokens.centralAdmin()).contentType(ContentType.JSON)
                .body(Map.of("code", i.code(), "system", i.system(), "leadAgency", i.leadAgency(), "key", i.key(),
                        "status", "IN_PROGRESS"))
                .when().put("/api/v1/initiatives/" + i.id()).then().statusCode(201);
    }

    public static Map<String, Object> allocationBody(Initiative i, int year, String source, long amount) {
        Map<String, Object> body = new HashMap<>();
        body.put("initiativeId", i.id().toString());
        body.put("initiative", i.facts());
        body.put("fiscalYear", year);
        body.put("fundingSource", source);
        body.put("amount", amount);
        body.put("purpose", "Kinh phí triển khai " + i.code());
        return body;
    }

    /** Plans an allocation as a central admin; returns the answer. */
    public static Response plan(Initiative i, int year, String source, long amount) {
        return given().auth().oauth2(TestTokens.centralAdmin()).contentType(ContentType.JSON)
                .body(allocationBody(i, year, source, amount))
                .when().post("/api/v1/allocations").then().statusCode(201).extract().response();
    }

    /** Approves an allocation as a central admin; returns the answer. */
    public static Response approve(String allocationId) {
        String etag = given().auth().oauth2(TestTokens.centralAdmin()).when().get("/api/v1/allocations/" + allocationId)
                .then().statusCode(200).extract().header("ETag");
        return given().auth().oauth2(TestTokens.centralAdmin()).contentType(ContentType.JSON).header("If-Match", etag)
                .body(Map.of("note", "Phê duyệt"))
                .when().post("/api/v1/allocations/" + allocationId + "/approval")
                .then().statusCode(200).extract().response();
    }

    /** Plans and approves an allocation; returns its id. */
    public static String approved(Initiative i, int year, String source, long amount) {
        String id = plan(i, year, source, amount).path("id");
        approve(id);
        return id;
    }

    public static Response disburse(String token, String allocationId, String date, long amount, String reference) {
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("date", date, "amount", amount, "paymentReference", reference, "note", "Thanh toán đợt 1"))
                .when().post("/api/v1/allocations/" + allocationId + "/disbursements")
                .then().extract().response();
    }

    public static String reference() {
        return "UNC-" + UUID.randomUUID().toString().substring(0, 13);
    }
}
