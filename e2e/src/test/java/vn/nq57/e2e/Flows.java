package vn.nq57.e2e;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/** What the end-to-end tests do as clients: request bodies and the usual call sequences. */
final class Flows {

    static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    private Flows() {
    }

    static String code(String system) {
        return system + "-E" + ThreadLocalRandom.current().nextInt(1_000_000, 9_999_999);
    }

    static Map<String, Object> initiative(String code, String lead) {
        return Map.of("code", code, "system", code.substring(0, 2), "phase", "P2",
                "titleVi", "Sáng kiến thử nghiệm đầu cuối " + code,
                "contentOrientation", "Kiểm thử tích hợp các dịch vụ " + code,
                "deadline", "2030-12-31", "leadAgency", lead, "key", true,
                "evaluationCriteria", List.of("Hoàn thành đúng hạn"),
                "outputs", List.of(Map.of("description", "Báo cáo", "dueDate", "2029-06-30")));
    }

    /** Creates an initiative led by BKHCN as its ministry admin; returns its id. */
    static String createInitiative(Suite suite, String system) {
        return createInitiative(suite, Suite.CENTRAL, system);
    }

    /** Creates an initiative led by BKHCN as its ministry admin at an instance; returns its id. */
    static String createInitiative(Suite suite, Suite.Node node, String system) {
        return createInitiativeLedBy(suite, node, system, "BKHCN", "admin.bkhcn");
    }

    /** Creates an initiative led by {@code lead} as {@code user} at an instance; returns its id. */
    static String createInitiativeLedBy(Suite suite, Suite.Node node, String system, String lead, String user) {
        return given().baseUri(suite.url(node, "initiative")).auth().oauth2(suite.token(user))
                .contentType(ContentType.JSON).body(initiative(code(system), lead))
                .when().post("/api/v1/initiatives").then().statusCode(201).extract().path("id");
    }

    /** An OPERATIONAL annual indicator of an initiative: baseline 0 in 2024, target 100 in 2030. */
    static Response createIndicator(Suite suite, String initiativeId) {
        return createIndicator(suite, Suite.CENTRAL, initiativeId);
    }

    static Response createIndicator(Suite suite, Suite.Node node, String initiativeId) {
        String code = "E2E-" + ThreadLocalRandom.current().nextInt(1_000_000, 9_999_999);
        return given().baseUri(suite.url(node, "kpi")).auth().oauth2(suite.token("admin.bkhcn"))
                .contentType(ContentType.JSON)
                .body(Map.ofEntries(Map.entry("code", code), Map.entry("nameVi", "Tỷ lệ dữ liệu được chia sẻ " + code),
                        Map.entry("unit", "PERCENT"), Map.entry("direction", "HIGHER_IS_BETTER"),
                        Map.entry("aggregation", "LATEST"), Map.entry("frequency", "ANNUAL"),
                        Map.entry("baseline", Map.of("value", 0, "period", "2024")),
                        Map.entry("targets", List.of(Map.of("period", "2030", "value", 100))),
                        Map.entry("tier", "OPERATIONAL"), Map.entry("initiativeId", initiativeId),
                        Map.entry("ownerAgency", "BKHCN")))
                .when().post("/api/v1/indicators").then().extract().response();
    }

    static void ensureFiscalYear(Suite suite, int year) {
        ensureFiscalYear(suite, Suite.CENTRAL, year);
    }

    static String approvedAllocation(Suite suite, String initiativeId, long amount) {
        return approvedAllocation(suite, Suite.CENTRAL, initiativeId, amount);
    }

    static void disburse(Suite suite, String allocationId, long amount, String reference) {
        disburse(suite, Suite.CENTRAL, allocationId, amount, reference);
    }

    static void ensureFiscalYear(Suite suite, Suite.Node node, int year) {
        int status = given().baseUri(suite.url(node, "budget")).auth().oauth2(suite.token("central.admin"))
                .when().get("/api/v1/fiscal-years/" + year).then().extract().statusCode();
        if (status == 404) {
            given().baseUri(suite.url(node, "budget")).auth().oauth2(suite.token("central.admin"))
                    .contentType(ContentType.JSON)
                    .body(Map.of("year", year, "totalStateExpenditure", 2_548_000_000_000_000L,
                            "stiBudget", 76_440_000_000_000L))
                    .when().post("/api/v1/fiscal-years").then().statusCode(201);
        }
    }

    /** Plans and approves a central-budget allocation for the initiative; returns its id. */
    static String approvedAllocation(Suite suite, Suite.Node node, String initiativeId, long amount) {
        int year = LocalDate.now(VIETNAM).getYear();
        ensureFiscalYear(suite, node, year);
        // the initiative reaches budget-service through Kafka: a client waits for it as for any eventual read
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60)).until(() -> given()
                .baseUri(suite.url(node, "budget")).auth().oauth2(suite.token("viewer.bkhcn"))
                .when().get("/api/v1/initiatives/" + initiativeId).statusCode() == 200);
        Response created = given().baseUri(suite.url(node, "budget")).auth().oauth2(suite.token("central.admin"))
                .contentType(ContentType.JSON)
                .body(Map.of("initiativeId", initiativeId, "fiscalYear", year, "fundingSource", "CENTRAL_BUDGET",
                        "amount", amount))
                .when().post("/api/v1/allocations").then().statusCode(201).extract().response();
        String id = created.path("id");
        given().baseUri(suite.url(node, "budget")).auth().oauth2(suite.token("central.admin"))
                .contentType(ContentType.JSON).header("If-Match", created.header("ETag"))
                .body(Map.of("note", "Phê duyệt thử nghiệm"))
                .when().post("/api/v1/allocations/" + id + "/approval").then().statusCode(200);
        return id;
    }

    static void disburse(Suite suite, Suite.Node node, String allocationId, long amount, String reference) {
        given().baseUri(suite.url(node, "budget")).auth().oauth2(suite.token("submitter.bkhcn"))
                .contentType(ContentType.JSON)
                .body(Map.of("date", LocalDate.now(VIETNAM).toString(), "amount", amount, "paymentReference", reference))
                .when().post("/api/v1/allocations/" + allocationId + "/disbursements").then().statusCode(201);
    }

    static Response measurement(Suite suite, String indicatorCode, String period, Object value) {
        return measurement(suite, Suite.CENTRAL, indicatorCode, period, value);
    }

    static Response measurement(Suite suite, Suite.Node node, String indicatorCode, String period, Object value) {
        return given().baseUri(suite.url(node, "kpi")).auth().oauth2(suite.token("submitter.bkhcn"))
                .contentType(ContentType.JSON)
                .body(Map.of("indicator", indicatorCode, "period", period, "agency", "BKHCN", "value", value))
                .when().post("/api/v1/measurements").then().extract().response();
    }
}
