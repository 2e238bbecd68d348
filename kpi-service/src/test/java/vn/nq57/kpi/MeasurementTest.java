package vn.nq57.kpi;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.nq57.platform.testing.TestTokens;

@QuarkusTest
class MeasurementTest {

    static final int NEXT_YEAR = LocalDate.now().getYear() + 1;

    private static String annual() {
        String code = Fixtures.code("M");
        Fixtures.createIndicator(code);
        return code;
    }

    private static String withFrequency(String frequency, String baselinePeriod) {
        String code = Fixtures.code("M");
        Map<String, Object> body = Fixtures.indicator(code);
        body.put("frequency", frequency);
        body.put("baseline", Map.of("value", 10, "period", baselinePeriod));
        Fixtures.create(body);
        return code;
    }

    private static io.restassured.response.ValidatableResponse submit(String token, Map<String, Object> row) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(row)
                .when().post("/api/v1/measurements").then();
    }

    @Test
    void periodsOfEachFrequencyAreAccepted() {
        submit(TestTokens.submitter("BKHCN"), Fixtures.value(annual(), "2025", "BKHCN", 12.5))
                .statusCode(201).body("period", equalTo("2025")).body("value", equalTo(12.5f))
                .body("status", equalTo("SUBMITTED"));
        submit(TestTokens.submitter("BKHCN"), Fixtures.value(withFrequency("QUARTERLY", "2024Q4"), "2025q3", "BKHCN", 3))
                .statusCode(201).body("period", equalTo("2025Q3"));
        submit(TestTokens.submitter("BKHCN"), Fixtures.value(withFrequency("MONTHLY", "2024-12"), "2025-03", "BKHCN", 3))
                .statusCode(201).body("period", equalTo("2025-03"));
    }

    @Test
    void invalidWrongTypeAndFuturePeriodsAreRefusedWithAClearMessage() {
        String annual = annual();
        for (String bad : List.of("2025-13", "25", "2025Q5", "2025/03", "")) {
            submit(TestTokens.submitter("BKHCN"), Fixtures.value(annual, bad, "BKHCN", 1))
                    .statusCode(400).contentType("application/problem+json")
                    .body("violations.field", org.hamcrest.Matchers.hasItem("period"));
        }
        submit(TestTokens.submitter("BKHCN"), Fixtures.value(annual, "2025Q1", "BKHCN", 1))
                .statusCode(400).body("violations[0].field", equalTo("period"))
                .body("violations[0].message", containsString("reported ANNUAL: use YYYY"));
        submit(TestTokens.submitter("BKHCN"), Fixtures.value(annual, String.valueOf(NEXT_YEAR), "BKHCN", 1))
                .statusCode(400).body("violations[0].message", containsString("future"));
        submit(TestTokens.submitter("BKHCN"), Fixtures.value(annual, "2019", "BKHCN", 1))
                .statusCode(400).body("violations[0].field", equalTo("period"))
                .body("violations[0].message", containsString("outside the plan's horizon, 2020 to 2045"));
        Map<String, Object> textValue = Fixtures.value(annual, "2024", "BKHCN", 1);
        textValue.put("value", "1.5");
        submit(TestTokens.submitter("BKHCN"), textValue)
                .statusCode(400).body("violations[0].field", equalTo("value"))
                .body("violations[0].message", containsString("expected a number"));
        String monthly = withFrequency("MONTHLY", "2024-12");
        submit(TestTokens.submitter("BKHCN"), Fixtures.value(monthly, "2025", "BKHCN", 1))
                .statusCode(400).body("violations[0].message", containsString("use YYYY-MM"));
        submit(TestTokens.submitter("BKHCN"), Fixtures.value(monthly, NEXT_YEAR + "-01", "BKHCN", 1))
                .statusCode(400).body("violations[0].message", containsString("future"));
        given().auth().oauth2(TestTokens.viewer("BKHCN"))
                .when().get("/api/v1/measurements?indicator=" + annual)
                .then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    void theOriginFilterTakesOnlyAnInstanceIdAndThisInstancesIdMeansItsOwnValues() {
        String code = annual();
        submit(TestTokens.submitter("BKHCN"), Fixtures.value(code, "2023", "BKHCN", 4)).statusCode(201);
        given().auth().oauth2(TestTokens.centralAdmin()).queryParam("indicator", code).queryParam("origin", "central")
                .when().get("/api/v1/measurements").then().statusCode(200).body("items", hasSize(1));
        given().auth().oauth2(TestTokens.centralAdmin()).queryParam("indicator", code).queryParam("origin", "bkhcn")
                .when().get("/api/v1/measurements").then().statusCode(200).body("items", hasSize(0));
        for (String path : List.of("/api/v1/measurements", "/api/v1/indicators")) {
            given().auth().oauth2(TestTokens.centralAdmin()).queryParam("origin", "bkhcn' OR 1=1")
                    .when().get(path).then().statusCode(400).contentType("application/problem+json")
                    .body("violations.field", contains("origin"));
        }
    }

    @Test
    void aResubmissionUpdatesTheCurrentValueAndKeepsTheOldOneInHistory() {
        String code = annual();
        String id = submit(TestTokens.submitter("BKHCN"), Fixtures.value(code, "2024", "BKHCN", 10))
                .statusCode(201).header("ETag", equalTo("\"0\"")).header("Location", notNullValue())
                .extract().path("id");
        Map<String, Object> again = Fixtures.value(code, "2024", "BKHCN", new java.math.BigDecimal("11.25"));
        again.put("note", "Số liệu điều chỉnh theo báo cáo quý IV");
        submit(TestTokens.submitter("BKHCN"), again)
                .statusCode(200).header("ETag", equalTo("\"1\""))
                .body("id", equalTo(id)).body("value", equalTo(11.25f))
                .body("note", equalTo("Số liệu điều chỉnh theo báo cáo quý IV"));
        submit(TestTokens.submitter("BKHCN"), again).statusCode(200).header("ETag", equalTo("\"1\""));
        given().auth().oauth2(TestTokens.submitter("BKHCN")).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body(Fixtures.value(code, "2024", "BKHCN", 12))
                .when().post("/api/v1/measurements").then().statusCode(412);
        given().auth().oauth2(TestTokens.viewer("BKHCN"))
                .when().get("/api/v1/measurements/" + id + "/history")
                .then().statusCode(200)
                .body("action", contains("RECORDED", "UPDATED"))
                .body("[0].oldValue", nullValue()).body("[0].newValue", equalTo(10))
                .body("[1].oldValue", equalTo(10)).body("[1].newValue", equalTo(11.25f))
                .body("[1].actor", equalTo("submitter.bkhcn")).body("[1].actorAgency", equalTo("BKHCN"))
                .body("[1].occurredAt", notNullValue());
        given().auth().oauth2(TestTokens.viewer("BKHCN"))
                .when().get("/api/v1/measurements?indicator=" + code)
                .then().statusCode(200).body("total", equalTo(1)).body("items[0].indicatorCode", equalTo(code));
    }

    @Test
    void aSubmitterReportsOnlyForItsAgencyAndTheAgenciesBelowIt() {
        String code = annual();
        submit(TestTokens.submitter("BKHCN"), Fixtures.value(code, "2024", "BKHCN-CDMST", 1)).statusCode(201);
        submit(TestTokens.submitter("BKHCN"), Fixtures.value(code, "2024", "BYT", 1))
                .statusCode(403).contentType("application/problem+json").body("detail", containsString("BYT"));
        submit(TestTokens.submitter("BKHCN-CDMST"), Fixtures.value(code, "2024", "BKHCN", 1)).statusCode(403);
        submit(TestTokens.viewer("BKHCN"), Fixtures.value(code, "2024", "BKHCN", 1)).statusCode(403);
        submit(TestTokens.submitter("BKHCN"), Fixtures.value(code, "2024", "NOPE", 1)).statusCode(422);
        submit(TestTokens.submitter("BKHCN"), Fixtures.value("NO-SUCH-INDICATOR", "2024", "BKHCN", 1)).statusCode(422);
        given().auth().oauth2(TestTokens.viewer("BKHCN"))
                .when().get("/api/v1/measurements?indicator=" + code)
                .then().body("total", equalTo(1)).body("items[0].agency", equalTo("BKHCN-CDMST"));
    }

    private static Map<String, Object> batch(List<Map<String, Object>> rows) {
        return Map.of("measurements", rows);
    }

    @Test
    void anAllOrNothingBatchWithABadRowWritesNothingAndReportsEveryRow() {
        String code = annual();
        List<Map<String, Object>> rows = List.of(
                Fixtures.value(code, "2023", "BKHCN", 1),
                Fixtures.value(code, "2024Q1", "BKHCN", 2),
                Fixtures.value(code, "2024", "BKHCN", "abc"),
                Fixtures.value(code, "2024", "BKHCN-CDMST", 4),
                Fixtures.value(code, "2024", "BKHCN-CDMST", 5));
        given().auth().oauth2(TestTokens.submitter("BKHCN")).contentType(ContentType.JSON).body(batch(rows))
                .when().post("/api/v1/measurements/batch")
                .then().statusCode(422).contentType("application/problem+json")
                .body("importSummary.status", equalTo("ERROR"))
                .body("importSummary.committed", equalTo(false))
                .body("importSummary.importCount.total", equalTo(5))
                .body("importSummary.importCount.rejected", equalTo(3))
                .body("importSummary.rows.row", contains(1, 2, 3, 4, 5))
                .body("importSummary.rows.status", contains("IMPORTED", "REJECTED", "REJECTED", "IMPORTED", "REJECTED"))
                .body("importSummary.rows[1].reasons[0].field", equalTo("period"))
                .body("importSummary.rows[2].reasons[0].field", equalTo("value"))
                .body("importSummary.rows[4].reasons[0].message", containsString("row 4"));
        given().auth().oauth2(TestTokens.viewer("BKHCN"))
                .when().get("/api/v1/measurements?indicator=" + code)
                .then().body("total", equalTo(0));
    }

    @Test
    void aPartialBatchKeepsTheValidRowsAndCountsEachOutcome() {
        String code = annual();
        submit(TestTokens.submitter("BKHCN"), Fixtures.value(code, "2022", "BKHCN", 1)).statusCode(201);
        submit(TestTokens.submitter("BKHCN"), Fixtures.value(code, "2021", "BKHCN", 7)).statusCode(201);
        List<Map<String, Object>> rows = List.of(
                Fixtures.value(code, "2023", "BKHCN", 1),
                Fixtures.value(code, "2022", "BKHCN", 2),
                Fixtures.value(code, "2021", "BKHCN", new java.math.BigDecimal("7.0")),
                Fixtures.value(code, String.valueOf(NEXT_YEAR), "BKHCN", 4),
                Fixtures.value(code, "2023", "BYT", 5));
        given().auth().oauth2(TestTokens.submitter("BKHCN")).contentType(ContentType.JSON).body(batch(rows))
                .when().post("/api/v1/measurements/batch?mode=partial")
                .then().statusCode(200).contentType(ContentType.JSON)
                .body("status", equalTo("WARNING")).body("mode", equalTo("PARTIAL")).body("committed", equalTo(true))
                .body("rows.status", contains("IMPORTED", "UPDATED", "UNCHANGED", "REJECTED", "REJECTED"))
                .body("rows[0].measurementId", notNullValue())
                .body("rows[3].reasons[0].message", containsString("future"))
                .body("rows[4].reasons[0].field", equalTo("agency"))
                .body("rows[4].reasons[0].message", containsString("outside your scope"))
                .body("importCount.imported", equalTo(1)).body("importCount.updated", equalTo(1))
                .body("importCount.unchanged", equalTo(1)).body("importCount.rejected", equalTo(2))
                .body("importCount.total", equalTo(5));
        given().auth().oauth2(TestTokens.viewer("BKHCN"))
                .when().get("/api/v1/measurements?indicator=" + code)
                .then().body("total", equalTo(3)).body("items.value", contains(1, 2, 7));
    }

    @Test
    void aBatchOfOnePeriodAcrossManyAgenciesFindsTheValuesAlreadyThere() {
        // many rows of one (indicator, period): the batch looks up what is stored per period, not per row
        String code = annual();
        List<String> agencies = List.of("BKHCN", "BKHCN-CDMST", "BYT", "BTC", "HNI", "HCM", "DNG");
        List<Map<String, Object>> first = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            first.add(Fixtures.value(code, "2023", agencies.get(i), 10 + i));
        }
        first.add(Fixtures.value(code, "2022", "BKHCN", 1));
        given().auth().oauth2(TestTokens.centralAdmin()).contentType(ContentType.JSON).body(batch(first))
                .when().post("/api/v1/measurements/batch")
                .then().statusCode(200).body("importCount.imported", equalTo(7));
        List<Map<String, Object>> second = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            second.add(Fixtures.value(code, "2023", agencies.get(i), i < 2 ? 20 + i : 10 + i));
        }
        String updated = given().auth().oauth2(TestTokens.centralAdmin()).contentType(ContentType.JSON)
                .body(batch(second)).when().post("/api/v1/measurements/batch")
                .then().statusCode(200)
                .body("rows.status", contains("UPDATED", "UPDATED", "UNCHANGED", "UNCHANGED", "UNCHANGED",
                        "UNCHANGED", "IMPORTED"))
                .body("importCount.updated", equalTo(2)).body("importCount.unchanged", equalTo(4))
                .body("importCount.imported", equalTo(1))
                .extract().path("rows[0].measurementId");
        given().auth().oauth2(TestTokens.viewer("BKHCN"))
                .when().get("/api/v1/measurements/" + updated + "/history")
                .then().statusCode(200).body("action", contains("RECORDED", "UPDATED"))
                .body("[1].oldValue", equalTo(10)).body("[1].newValue", equalTo(20));
        given().auth().oauth2(TestTokens.viewer("BKHCN"))
                .when().get("/api/v1/measurements?indicator=" + code + "&size=50")
                .then().body("total", equalTo(8));
    }

    @Test
    void aBatchWithAnAgencyOutsideTheScopeIsForbiddenAndWritesNothing() {
        String code = annual();
        List<Map<String, Object>> rows = List.of(
                Fixtures.value(code, "2023", "BKHCN", 1),
                Fixtures.value(code, "2023", "BTC", 2));
        given().auth().oauth2(TestTokens.submitter("BKHCN")).contentType(ContentType.JSON).body(batch(rows))
                .when().post("/api/v1/measurements/batch")
                .then().statusCode(403).contentType("application/problem+json")
                .body("detail", containsString("row(s) 2"))
                .body("importSummary.rows[1].status", equalTo("REJECTED"));
        given().auth().oauth2(TestTokens.viewer("BKHCN"))
                .when().get("/api/v1/measurements?indicator=" + code)
                .then().body("total", equalTo(0));
    }

    @Test
    void aCsvUploadWithBomAndVietnameseHeadersIsImported() {
        String code = annual();
        String csv = "\uFEFFMã chỉ tiêu;Kỳ;Đơn vị;Giá trị;Ghi chú\r\n"
                + code + ";2023;BKHCN;12,5;\"Số liệu; sơ bộ\"\r\n"
                + code + ";2024;BKHCN-CDMST;13;Ước tính\r\n"
                + "\r\n";
        given().auth().oauth2(TestTokens.submitter("BKHCN")).contentType("text/csv; charset=UTF-8")
                .body(csv.getBytes(StandardCharsets.UTF_8))
                .when().post("/api/v1/measurements/batch")
                .then().statusCode(200).body("status", equalTo("SUCCESS"))
                .body("rows.status", contains("IMPORTED", "IMPORTED"))
                .body("importCount.imported", equalTo(2));
        given().auth().oauth2(TestTokens.viewer("BKHCN"))
                .when().get("/api/v1/measurements?indicator=" + code + "&period=2023")
                .then().body("items[0].value", equalTo(12.5f)).body("items[0].note", equalTo("Số liệu; sơ bộ"));
    }

    @Test
    void anExcelWorkbookIsImportedWithTheSameHeadingsAndRowErrors() {
        String code = annual();
        byte[] xlsx = vn.nq57.tabular.Tables.xlsx(new vn.nq57.tabular.Table("Số liệu",
                List.of("Mã chỉ tiêu", "Kỳ", "Đơn vị", "Giá trị", "Ghi chú"), List.of(
                        java.util.Arrays.asList(code, "2023", "BKHCN", new java.math.BigDecimal("12.5"), "Số liệu sơ bộ"),
                        java.util.Arrays.asList(code, "2024", "BKHCN-CDMST", "mười ba", null))));
        given().auth().oauth2(TestTokens.submitter("BKHCN")).contentType(vn.nq57.tabular.Format.XLSX_MEDIA_TYPE)
                .body(xlsx).when().post("/api/v1/measurements/batch?mode=partial")
                .then().statusCode(200).body("status", equalTo("WARNING"))
                .body("rows.status", contains("IMPORTED", "REJECTED")).body("rows[1].row", equalTo(2))
                .body("rows[1].reasons[0].field", equalTo("value"));
        given().auth().oauth2(TestTokens.viewer("BKHCN"))
                .when().get("/api/v1/measurements?indicator=" + code)
                .then().body("total", equalTo(1)).body("items[0].value", equalTo(12.5f))
                .body("items[0].note", equalTo("Số liệu sơ bộ"));
    }

    @Test
    void aCsvWithMixedRowsIsReportedRowByRowInBothModes() {
        String code = annual();
        String csv = "indicator,period,agency,value,status\n"
                + code + ",2023,BKHCN,1,SUBMITTED\n"
                + code + ",2023-05,BKHCN,2,\n"
                + code + ",2022,BKHCN,3,APPROVED\n"
                + code + ",2021,BKHCN,4,DRAFT\n";
        given().auth().oauth2(TestTokens.submitter("BKHCN")).contentType("text/csv").body(csv)
                .when().post("/api/v1/measurements/batch")
                .then().statusCode(422).body("importSummary.rows.status",
                        contains("IMPORTED", "REJECTED", "REJECTED", "IMPORTED"));
        given().auth().oauth2(TestTokens.viewer("BKHCN"))
                .when().get("/api/v1/measurements?indicator=" + code).then().body("total", equalTo(0));
        given().auth().oauth2(TestTokens.submitter("BKHCN")).contentType("text/csv").body(csv)
                .when().post("/api/v1/measurements/batch?mode=partial")
                .then().statusCode(200).body("status", equalTo("WARNING"))
                .body("rows[2].reasons[0].field", equalTo("status"));
        given().auth().oauth2(TestTokens.viewer("BKHCN"))
                .when().get("/api/v1/measurements?indicator=" + code)
                .then().body("total", equalTo(2)).body("items.status", contains("SUBMITTED", "DRAFT"));
    }

    @Test
    void aCsvWithAnUnknownColumnOrNotUtf8IsABadRequest() {
        given().auth().oauth2(TestTokens.submitter("BKHCN")).contentType("text/csv")
                .body("indicator,period,agency,value,colour\nX,2023,BKHCN,1,red\n")
                .when().post("/api/v1/measurements/batch")
                .then().statusCode(400).body("detail", containsString("colour"));
        given().auth().oauth2(TestTokens.submitter("BKHCN")).contentType("text/csv")
                .body(new byte[]{'i', 'n', 'd', (byte) 0xC3, (byte) 0x28, '\n'})
                .when().post("/api/v1/measurements/batch")
                .then().statusCode(400).body("detail", containsString("UTF-8"));
    }

    @Test
    void aRetriedBatchWithTheSameIdempotencyKeyNeverDoublesValues() {
        String code = annual();
        String key = Fixtures.idempotencyKey();
        Map<String, Object> body = batch(List.of(Fixtures.value(code, "2023", "BKHCN", 5),
                Fixtures.value(code, "2023", "BKHCN-CDMST", 7)));
        for (int attempt = 0; attempt < 2; attempt++) {
            given().auth().oauth2(TestTokens.submitter("BKHCN")).contentType(ContentType.JSON)
                    .header("Idempotency-Key", key).body(body)
                    .when().post("/api/v1/measurements/batch")
                    .then().statusCode(200).body("importCount.imported", equalTo(2));
        }
        given().auth().oauth2(TestTokens.viewer("BKHCN"))
                .when().get("/api/v1/measurements?indicator=" + code)
                .then().body("total", equalTo(2)).body("items.version", contains(0, 0));
        given().auth().oauth2(TestTokens.viewer("BKHCN"))
                .when().get("/api/v1/evaluation/indicators/" + code)
                .then().statusCode(200).body("actual", equalTo(12)).body("valuesUsed", equalTo(2));
    }

    @Test
    void aBatchOverTenThousandRowsIsRefused() {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < 10_001; i++) {
            rows.add(Fixtures.value("X", "2023", "BKHCN", i));
        }
        given().auth().oauth2(TestTokens.submitter("BKHCN")).contentType(ContentType.JSON).body(batch(rows))
                .when().post("/api/v1/measurements/batch")
                .then().statusCode(400).body("violations[0].field", containsString("measurements"));
    }

    @Test
    void aBatchOfTenThousandRowsIsImported() {
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String code = Fixtures.code("BIG");
            Map<String, Object> body = Fixtures.indicator(code);
            body.put("frequency", "MONTHLY");
            body.put("baseline", Map.of("value", 1, "period", "2019-12"));
            Fixtures.create(body);
            codes.add(code);
        }
        List<String> agencies = List.of("BKHCN", "BKHCN-CDMST", "BKHCN-CCDSQG", "BKHCN-CSHTT", "BYT", "BTC", "HNI",
                "HCM", "DNG", "HPG", "CTO", "HUE", "QNH", "BNH", "NAN", "KHA", "DLK", "LCI", "VAST", "VASS", "DHQGHN",
                "DHQGHCM", "VIETTEL", "VNPT", "BCT");
        List<Map<String, Object>> rows = new ArrayList<>();
        outer:
        for (String code : codes) {
            // 80 months from January 2020 (the plan's horizon starts in 2020), all in the past
            for (int m = 0; m < 80; m++) {
                String period = String.format("%d-%02d", 2020 + m / 12, m % 12 + 1);
                for (String agency : agencies) {
                    rows.add(Fixtures.value(code, period, agency, m + 0.5));
                    if (rows.size() == 10_000) {
                        break outer;
                    }
                }
            }
        }
        given().auth().oauth2(TestTokens.centralAdmin()).contentType(ContentType.JSON).body(batch(rows))
                .when().post("/api/v1/measurements/batch")
                .then().statusCode(200).body("importCount.imported", equalTo(10_000))
                .body("rows", hasSize(10_000));
        given().auth().oauth2(TestTokens.viewer("BKHCN"))
                .when().get("/api/v1/measurements?indicator=" + codes.get(0) + "&size=1")
                .then().body("total", equalTo(2000));
    }
}
