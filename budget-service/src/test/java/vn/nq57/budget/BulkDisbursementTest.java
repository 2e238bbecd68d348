package vn.nq57.budget;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.nq57.budget.Fixtures.Initiative;
import vn.nq57.platform.testing.TestTokens;

@QuarkusTest
class BulkDisbursementTest {

    static final int YEAR = Fixtures.PAST_YEAR;

    @BeforeEach
    void fiscalYear() {
        Fixtures.ensureFiscalYear(YEAR);
    }

    private static Map<String, Object> row(String allocation, String date, long amount, String reference) {
        return Map.of("allocation", allocation, "date", date, "amount", amount, "paymentReference", reference,
                "note", "Đợt " + reference);
    }

    private static long disbursed(String allocationId) {
        return given().auth().oauth2(TestTokens.viewer("BKHCN")).when().get("/api/v1/allocations/" + allocationId)
                .then().statusCode(200).extract().jsonPath().getLong("disbursed");
    }

    @Test
    void aJsonBatchImportsEveryRowAndASecondSendingChangesNothing() {
        Initiative i = Fixtures.newInitiative("H4", "BKHCN", false);
        String a = Fixtures.approved(i, YEAR, "LOCAL_BUDGET", 10_000L);
        String code = given().auth().oauth2(TestTokens.viewer("BKHCN")).when().get("/api/v1/allocations/" + a)
                .then().extract().path("code");
        String r1 = Fixtures.reference();
        String r2 = Fixtures.reference();
        Map<String, Object> batch = Map.of("rows", List.of(row(a, YEAR + "-03-01", 1_000L, r1),
                row(code, YEAR + "-03-02", 2_000L, r2)));
        given().auth().oauth2(TestTokens.submitter("BKHCN")).contentType(ContentType.JSON).body(batch)
                .when().post("/api/v1/disbursements/batch")
                .then().statusCode(200)
                .body("status", equalTo("SUCCESS")).body("mode", equalTo("ATOMIC")).body("committed", equalTo(true))
                .body("importCount.total", equalTo(2)).body("importCount.imported", equalTo(2))
                .body("importCount.importedAmount", equalTo(3_000))
                .body("rows[0].reasons", nullValue())
                .body("rows.row", contains(1, 2)).body("rows.status", contains("IMPORTED", "IMPORTED"));
        given().auth().oauth2(TestTokens.submitter("BKHCN")).contentType(ContentType.JSON).body(batch)
                .when().post("/api/v1/disbursements/batch")
                .then().statusCode(200)
                .body("committed", equalTo(false))
                .body("importCount.imported", equalTo(0)).body("importCount.unchanged", equalTo(2))
                .body("rows.status", contains("UNCHANGED", "UNCHANGED"));
        org.junit.jupiter.api.Assertions.assertEquals(3_000L, disbursed(a));
    }

    @Test
    void aRetriedBatchWithTheSameIdempotencyKeyReplaysTheFirstAnswer() {
        Initiative i = Fixtures.newInitiative("H4", "BKHCN", false);
        String a = Fixtures.approved(i, YEAR, "LOCAL_BUDGET", 10_000L);
        Map<String, Object> batch = Map.of("rows", List.of(row(a, YEAR + "-03-01", 1_000L, Fixtures.reference())));
        String key = UUID.randomUUID().toString();
        given().auth().oauth2(TestTokens.submitter("BKHCN")).contentType(ContentType.JSON)
                .header("Idempotency-Key", key).body(batch)
                .when().post("/api/v1/disbursements/batch")
                .then().statusCode(200).body("importCount.imported", equalTo(1));
        given().auth().oauth2(TestTokens.submitter("BKHCN")).contentType(ContentType.JSON)
                .header("Idempotency-Key", key).body(batch)
                .when().post("/api/v1/disbursements/batch")
                .then().statusCode(200).header("Idempotent-Replayed", "true")
                .body("importCount.imported", equalTo(1));
        org.junit.jupiter.api.Assertions.assertEquals(1_000L, disbursed(a));
    }

    @Test
    void aThousandRowCsvAcrossManyAllocationsIsImportedInOneGo() {
        Initiative i = Fixtures.newInitiative("H4", "BKHCN", false);
        List<String> allocations = new java.util.ArrayList<>();
        for (int n = 0; n < 5; n++) {
            allocations.add(Fixtures.approved(i, YEAR, "LOCAL_BUDGET", 1_000_000L));
        }
        StringBuilder csv = new StringBuilder("allocation,date,amount,paymentReference,note\n");
        String batch = UUID.randomUUID().toString().substring(0, 8);
        for (int n = 0; n < 1_000; n++) {
            csv.append(allocations.get(n % 5)).append(',').append(YEAR).append("-11-").append(10 + n % 18)
                    .append(",1000,BULK-").append(batch).append('-').append(n).append(",Đợt ").append(n).append('\n');
        }
        long started = System.nanoTime();
        given().auth().oauth2(TestTokens.submitter("BKHCN")).contentType("text/csv").body(csv.toString())
                .when().post("/api/v1/disbursements/batch")
                .then().statusCode(200)
                .body("status", equalTo("SUCCESS"))
                .body("importCount.imported", equalTo(1_000))
                .body("importCount.importedAmount", equalTo(1_000_000));
        System.out.printf("1,000-row CSV batch imported in %d ms%n", (System.nanoTime() - started) / 1_000_000);
        for (String a : allocations) {
            org.junit.jupiter.api.Assertions.assertEquals(200_000L, disbursed(a));
        }
    }

    @Test
    void anAllOrNothingBatchWithABadRowWritesNothingAndSaysWhy() {
        Initiative i = Fixtures.newInitiative("H3", "BYT", false);
        String a = Fixtures.approved(i, YEAR, "LOCAL_BUDGET", 5_000L);
        String planned = Fixtures.plan(i, YEAR, "ODA", 5_000L).path("id");
        Map<String, Object> batch = Map.of("rows", List.of(
                row(a, YEAR + "-03-01", 1_000L, Fixtures.reference()),
                row(a, YEAR + "-03-02", 4_500L, Fixtures.reference()),
                row(planned, YEAR + "-03-02", 1L, Fixtures.reference()),
                row(UUID.randomUUID().toString(), YEAR + "-03-02", 1L, Fixtures.reference()),
                row(a, (YEAR + 1) + "-01-01", 1L, Fixtures.reference()),
                row(a, YEAR + "-03-03", 3_000L, Fixtures.reference())));
        given().auth().oauth2(TestTokens.submitter("BYT")).contentType(ContentType.JSON).body(batch)
                .when().post("/api/v1/disbursements/batch")
                .then().statusCode(422)
                .contentType("application/problem+json")
                .body("importSummary.status", equalTo("ERROR"))
                .body("importSummary.committed", equalTo(false))
                .body("detail", containsString("nothing was written"))
                .body("importSummary.importCount.imported", equalTo(2))
                .body("importSummary.importCount.rejected", equalTo(4))
                .body("importSummary.rows.status", contains("IMPORTED", "REJECTED", "REJECTED", "REJECTED",
                        "REJECTED", "IMPORTED"))
                .body("importSummary.rows.disbursementId", everyItem(nullValue()))
                .body("importSummary.rows[1].reasons[0].field", equalTo("amount"))
                .body("importSummary.rows[1].reasons[0].message", containsString("4000 VND remain"))
                .body("importSummary.rows[2].reasons[0].message", containsString("PLANNED"))
                .body("importSummary.rows[3].reasons[0].message", containsString("does not exist"))
                .body("importSummary.rows[4].reasons[0].field", equalTo("date"));
        org.junit.jupiter.api.Assertions.assertEquals(0L, disbursed(a));
    }

    @Test
    void aPartialBatchKeepsTheValidRows() {
        Initiative i = Fixtures.newInitiative("H5", "BGDDT", false);
        String a = Fixtures.approved(i, YEAR, "SOCIAL", 5_000L);
        String dup = Fixtures.reference();
        Map<String, Object> batch = Map.of("rows", List.of(
                row(a, YEAR + "-03-01", 1_000L, dup),
                row(a, YEAR + "-03-02", 9_000L, Fixtures.reference()),
                row(a, YEAR + "-03-01", 1_000L, dup),
                row(a, YEAR + "-03-01", 1_500L, dup),
                Map.of("allocation", a, "paymentReference", "NO-DATE"),
                row(a, YEAR + "-03-03", 4_000L, Fixtures.reference())));
        given().auth().oauth2(TestTokens.submitter("BGDDT")).contentType(ContentType.JSON).body(batch)
                .when().post("/api/v1/disbursements/batch?mode=partial")
                .then().statusCode(200)
                .body("status", equalTo("WARNING")).body("mode", equalTo("PARTIAL")).body("committed", equalTo(true))
                .body("rows.status", contains("IMPORTED", "REJECTED", "UNCHANGED", "REJECTED", "REJECTED", "IMPORTED"))
                .body("rows[3].reasons[0].field", equalTo("paymentReference"))
                .body("rows[4].reasons.field", contains("date", "amount"))
                .body("importCount.imported", equalTo(2)).body("importCount.unchanged", equalTo(1))
                .body("importCount.rejected", equalTo(3)).body("importCount.importedAmount", equalTo(5_000));
        org.junit.jupiter.api.Assertions.assertEquals(5_000L, disbursed(a));
    }

    @Test
    void aBatchRefusesRowsOutsideTheSubmittersAgency() {
        Initiative mine = Fixtures.newInitiative("H2", "BCT", false);
        Initiative theirs = Fixtures.newInitiative("H2", "BTC", false);
        String a = Fixtures.approved(mine, YEAR, "ENTERPRISE", 5_000L);
        String b = Fixtures.approved(theirs, YEAR, "ENTERPRISE", 5_000L);
        Map<String, Object> batch = Map.of("rows", List.of(row(a, YEAR + "-03-01", 1_000L, Fixtures.reference()),
                row(b, YEAR + "-03-01", 1_000L, Fixtures.reference())));
        given().auth().oauth2(TestTokens.submitter("BCT")).contentType(ContentType.JSON).body(batch)
                .when().post("/api/v1/disbursements/batch")
                .then().statusCode(403).contentType("application/problem+json")
                .body("importSummary.committed", equalTo(false))
                .body("importSummary.rows.status", contains("IMPORTED", "REJECTED"))
                .body("importSummary.rows[1].reasons[0].message", containsString("outside your scope"));
        org.junit.jupiter.api.Assertions.assertEquals(0L, disbursed(a));
        given().auth().oauth2(TestTokens.viewer("BCT")).contentType(ContentType.JSON).body(batch)
                .when().post("/api/v1/disbursements/batch").then().statusCode(403);
    }

    @Test
    void aCsvUploadWithVietnameseHeadersRoundTripsIntoTheReports() {
        Initiative i = Fixtures.newInitiative("H1", "BNV", false);
        String a = Fixtures.approved(i, YEAR, "LOCAL_BUDGET", 8_000L);
        String code = given().auth().oauth2(TestTokens.viewer("BNV")).when().get("/api/v1/allocations/" + a)
                .then().extract().path("code");
        String csv = "\uFEFFMã phân bổ;Ngày;Số tiền;Số chứng từ;Ghi chú\r\n"
                + code + ";15/03/" + YEAR + ";2500;CT-" + code + "-1;\"Tạm ứng; đợt 1\"\r\n"
                + a + ";" + YEAR + "-04-20;1500;CT-" + code + "-2;Thanh toán \"đợt 2\"\r\n"
                + "\r\n";
        given().auth().oauth2(TestTokens.submitter("BNV")).contentType("text/csv; charset=UTF-8")
                .body(csv.getBytes(StandardCharsets.UTF_8))
                .when().post("/api/v1/disbursements/batch")
                .then().statusCode(200)
                .body("status", equalTo("SUCCESS"))
                .body("importCount.imported", equalTo(2)).body("importCount.importedAmount", equalTo(4_000));
        given().auth().oauth2(TestTokens.viewer("BNV")).when().get("/api/v1/allocations/" + a + "/disbursements")
                .then().body("items.note", contains("Tạm ứng; đợt 1", "Thanh toán \"đợt 2\""))
                .body("items.date", contains(YEAR + "-03-15", YEAR + "-04-20"));
        // the report's CSV export carries the same figures back out
        String export = given().auth().oauth2(TestTokens.viewer("BNV")).accept("text/csv")
                .when().get("/api/v1/reports/" + YEAR + "/by-initiative")
                .then().statusCode(200).contentType(containsString("text/csv"))
                .extract().asString();
        String line = export.lines().filter(l -> l.startsWith(i.id().toString())).findFirst().orElseThrow();
        org.junit.jupiter.api.Assertions.assertEquals(i.id() + "," + i.code() + ",H1,BNV,false,1,0,8000,4000,4000,50.00",
                line);
        // and the same file uploaded again changes nothing
        given().auth().oauth2(TestTokens.submitter("BNV")).contentType("text/csv")
                .body(csv.getBytes(StandardCharsets.UTF_8))
                .when().post("/api/v1/disbursements/batch")
                .then().statusCode(200).body("importCount.unchanged", equalTo(2)).body("importCount.imported", equalTo(0));
    }

    @Test
    void anExcelWorkbookIsImportedWithTheSameHeadingsDatesAndAmounts() {
        Initiative i = Fixtures.newInitiative("H1", "BNV", false);
        String a = Fixtures.approved(i, YEAR, "LOCAL_BUDGET", 8_000L);
        byte[] xlsx = vn.nq57.tabular.Tables.xlsx(new vn.nq57.tabular.Table("Giải ngân",
                List.of("Mã phân bổ", "Ngày giải ngân", "Số tiền", "Số chứng từ", "Ghi chú"), List.of(
                        java.util.Arrays.asList(a, java.time.LocalDate.of(YEAR, 3, 15), 2500, "XL-" + a + "-1",
                                "Tạm ứng đợt 1"),
                        java.util.Arrays.asList(a, YEAR + "-04-20", 12.5, "XL-" + a + "-2", null))));
        given().auth().oauth2(TestTokens.submitter("BNV")).contentType(vn.nq57.tabular.Format.XLSX_MEDIA_TYPE)
                .body(xlsx).when().post("/api/v1/disbursements/batch?mode=partial")
                .then().statusCode(200).body("status", equalTo("WARNING"))
                .body("rows.status", contains("IMPORTED", "REJECTED"))
                .body("rows[1].reasons[0].field", equalTo("amount"));
        given().auth().oauth2(TestTokens.viewer("BNV")).when().get("/api/v1/allocations/" + a + "/disbursements")
                .then().body("items.note", contains("Tạm ứng đợt 1")).body("items.date", contains(YEAR + "-03-15"))
                .body("items.amount", contains(2500));
    }

    @Test
    void aCsvWithBadCellsIsReportedRowByRow() {
        Initiative i = Fixtures.newInitiative("H1", "BNV", false);
        String a = Fixtures.approved(i, YEAR, "LOCAL_BUDGET", 8_000L);
        String csv = "allocation,date,amount,paymentReference,note\n"
                + a + "," + YEAR + "-02-30,100,R1-" + a + ",\n"
                + a + "," + YEAR + "-02-01,1.000,R2-" + a + ",\n"
                + a + "," + YEAR + "-02-01,100.5,R3-" + a + ",\n"
                + "," + YEAR + "-02-01,100,,\n"
                + a + "," + YEAR + "-02-01,100,R5-" + a + ",ok\n";
        given().auth().oauth2(TestTokens.submitter("BNV")).contentType("text/csv").body(csv)
                .when().post("/api/v1/disbursements/batch?mode=partial")
                .then().statusCode(200)
                .body("rows.status", contains("REJECTED", "REJECTED", "REJECTED", "REJECTED", "IMPORTED"))
                .body("rows[0].reasons[0].field", equalTo("date"))
                .body("rows[1].reasons[0].field", equalTo("amount"))
                .body("rows[2].reasons[0].field", equalTo("amount"))
                .body("rows[3].reasons.field", contains("allocation", "paymentReference"))
                .body("rows[4].disbursementId", org.hamcrest.Matchers.notNullValue())
                .body("rows[0].disbursementId", nullValue());
    }

    @Test
    void aCsvWithAnUnusableHeaderIsA400() {
        given().auth().oauth2(TestTokens.submitter("BNV")).contentType("text/csv")
                .body("allocation,when,amount\nx,2025-01-01,1\n")
                .when().post("/api/v1/disbursements/batch")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations.message", hasItem(containsString("unknown column 'when'")))
                .body("violations.message", hasItem(containsString("missing column 'paymentReference'")));
        given().auth().oauth2(TestTokens.submitter("BNV")).contentType("text/csv").body("")
                .when().post("/api/v1/disbursements/batch")
                .then().statusCode(400);
        given().auth().oauth2(TestTokens.submitter("BNV")).contentType(ContentType.JSON).body(Map.of("rows", List.of()))
                .when().post("/api/v1/disbursements/batch")
                .then().statusCode(400).body("violations[0].field", equalTo("rows"));
        given().auth().oauth2(TestTokens.submitter("BNV")).contentType(ContentType.JSON)
                .body(Map.of("rows", List.of(Map.of("allocation", "x"))))
                .when().post("/api/v1/disbursements/batch?mode=maybe")
                .then().statusCode(400).body("violations[0].field", equalTo("mode"));
        given().auth().oauth2(TestTokens.submitter("BNV")).contentType("application/xml").body("<rows/>")
                .when().post("/api/v1/disbursements/batch")
                .then().statusCode(415);
    }
}
