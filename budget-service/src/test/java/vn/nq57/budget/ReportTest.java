package vn.nq57.budget;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.nq57.budget.Fixtures.Initiative;
import vn.nq57.platform.testing.TestTokens;

@QuarkusTest
class ReportTest {

    static final int YEAR = Fixtures.PAST_YEAR;

    private static JsonPath report(String name) {
        return given().auth().oauth2(TestTokens.viewer("BKHCN")).when().get("/api/v1/reports/" + YEAR + "/" + name)
                .then().statusCode(200).extract().jsonPath();
    }

    private static long figure(JsonPath report, String rowKey, String keyValue, String field) {
        Object value = report.get("rows.find { it." + rowKey + " == '" + keyValue + "' }." + field);
        return value == null ? 0L : ((Number) value).longValue();
    }

    @Test
    void theThreePercentRulePassesAtExactlyThreePercent() {
        Fixtures.setFiscalYear(2044, 1_000_000_000_000L, 30_000_000_000L);
        given().auth().oauth2(TestTokens.viewer("BYT")).when().get("/api/v1/reports/2044/three-percent-rule")
                .then().statusCode(200)
                .body("fiscalYear", equalTo(2044))
                .body("totalStateExpenditure", equalTo(1_000_000_000_000L))
                .body("stiBudget", equalTo(30_000_000_000L))
                .body("stiShare", equalTo(3.0f))
                .body("thresholdPercent", equalTo(3))
                .body("passes", equalTo(true))
                .body("shortfall", equalTo(0));
    }

    @Test
    void theThreePercentRuleFailsOneDongShortEvenWhenTheShareRoundsToThree() {
        Fixtures.setFiscalYear(2045, 1_000_000_000_000L, 29_999_999_999L);
        given().auth().oauth2(TestTokens.viewer("BYT")).when().get("/api/v1/reports/2045/three-percent-rule")
                .then().statusCode(200)
                .body("stiShare", equalTo(3.0f))
                .body("passes", equalTo(false))
                .body("shortfall", equalTo(1));
        Fixtures.setFiscalYear(2045, 2_548_000_000_000_000L, 51_000_000_000_000L);
        String csv = given().auth().oauth2(TestTokens.viewer("BYT")).when()
                .get("/api/v1/reports/2045/three-percent-rule?format=csv")
                .then().statusCode(200).contentType(containsString("text/csv"))
                .header("Content-Disposition", containsString("three-percent-rule-2045.csv"))
                .extract().asString();
        assertEquals('\uFEFF', csv.charAt(0), "a byte-order mark, so that spreadsheet programs read UTF-8");
        csv = csv.substring(1);
        // 51,000 bn of 2,548,000 bn = 2.0016 %; 3 % would be 76,440 bn: 25,440 bn short
        assertEquals("fiscalYear,totalStateExpenditure,stiBudget,stiShare,thresholdPercent,passes,shortfall,"
                + "approvedStateAllocations,approvedStateAllocationsShare", csv.lines().findFirst().orElseThrow());
        String row = csv.lines().skip(1).findFirst().orElseThrow();
        assertEquals("2045,2548000000000000,51000000000000,2.0016,3,false,25440000000000,", row.substring(0,
                row.indexOf(",", row.indexOf("25440000000000")) + 1));
        byte[] xlsx = given().auth().oauth2(TestTokens.viewer("BYT")).when()
                .get("/api/v1/reports/2045/three-percent-rule?format=xlsx")
                .then().statusCode(200).contentType(containsString("spreadsheetml"))
                .header("Content-Disposition", containsString("three-percent-rule-2045.xlsx"))
                .extract().asByteArray();
        List<List<String>> sheet = vn.nq57.tabular.Tables.read(xlsx, vn.nq57.tabular.Format.XLSX, 10);
        assertEquals(csv.lines().findFirst().orElseThrow(), String.join(",", sheet.get(0)));
        assertEquals(List.of("2045", "2548000000000000", "51000000000000", "2.0016", "3", "false", "25440000000000"),
                sheet.get(1).subList(0, 7));
    }

    @Test
    void theBreakdownsAddUpAHandComputedDataSet() {
        Fixtures.ensureFiscalYear(YEAR);
        JsonPath systemBefore = report("by-system");
        JsonPath agencyBefore = report("by-agency");
        JsonPath sourceBefore = report("by-funding-source");
        JsonPath shareBefore = report("non-state-share");

        Initiative k1 = Fixtures.newInitiative("H6", "VAST", true);
        Initiative n1 = Fixtures.newInitiative("H6", "VAST", false);
        Initiative n2 = Fixtures.newInitiative("H6", "VASS", false);
        String central = Fixtures.approved(k1, YEAR, "CENTRAL_BUDGET", 1_000_000L);
        Fixtures.disburse(TestTokens.submitter("VAST"), central, YEAR + "-08-01", 250_000L, Fixtures.reference())
                .then().statusCode(201);
        String enterprise = Fixtures.approved(n1, YEAR, "ENTERPRISE", 3_000_000L);
        Fixtures.disburse(TestTokens.submitter("VAST"), enterprise, YEAR + "-08-02", 3_000_000L, Fixtures.reference())
                .then().statusCode(201);
        Fixtures.plan(n2, YEAR, "SOCIAL", 500_000L);
        String other = Fixtures.approved(n2, YEAR, "OTHER", 200_000L);
        String etag = given().auth().oauth2(TestTokens.centralAdmin()).when().get("/api/v1/allocations/" + other)
                .then().extract().header("ETag");
        given().auth().oauth2(TestTokens.centralAdmin()).contentType(ContentType.JSON).header("If-Match", etag)
                .body(Map.of("reason", "Nhà tài trợ rút")).when().post("/api/v1/allocations/" + other + "/cancellation")
                .then().statusCode(200);

        JsonPath system = report("by-system");
        assertEquals(3, figure(system, "system", "H6", "allocations") - figure(systemBefore, "system", "H6", "allocations"));
        assertEquals(500_000, figure(system, "system", "H6", "planned") - figure(systemBefore, "system", "H6", "planned"));
        assertEquals(4_000_000, figure(system, "system", "H6", "approved") - figure(systemBefore, "system", "H6", "approved"));
        assertEquals(3_250_000, figure(system, "system", "H6", "disbursed") - figure(systemBefore, "system", "H6", "disbursed"));
        assertEquals(6, system.getList("rows").size(), "all six Systems are listed");
        assertEquals(4_000_000, system.getLong("totals.approved") - systemBefore.getLong("totals.approved"));

        JsonPath agency = report("by-agency");
        assertEquals(2, figure(agency, "agency", "VAST", "allocations") - figure(agencyBefore, "agency", "VAST", "allocations"));
        assertEquals(4_000_000, figure(agency, "agency", "VAST", "approved") - figure(agencyBefore, "agency", "VAST", "approved"));
        assertEquals(3_250_000, figure(agency, "agency", "VAST", "disbursed") - figure(agencyBefore, "agency", "VAST", "disbursed"));
        assertEquals(500_000, figure(agency, "agency", "VASS", "planned") - figure(agencyBefore, "agency", "VASS", "planned"));
        assertEquals("Viện Hàn lâm Khoa học và Công nghệ Việt Nam",
                agency.getString("rows.find { it.agency == 'VAST' }.agencyName"));

        JsonPath source = report("by-funding-source");
        assertEquals(1_000_000, figure(source, "fundingSource", "CENTRAL_BUDGET", "approved")
                - figure(sourceBefore, "fundingSource", "CENTRAL_BUDGET", "approved"));
        assertEquals(250_000, figure(source, "fundingSource", "CENTRAL_BUDGET", "disbursed")
                - figure(sourceBefore, "fundingSource", "CENTRAL_BUDGET", "disbursed"));
        assertEquals(3_000_000, figure(source, "fundingSource", "ENTERPRISE", "approved")
                - figure(sourceBefore, "fundingSource", "ENTERPRISE", "approved"));
        assertEquals(500_000, figure(source, "fundingSource", "SOCIAL", "planned")
                - figure(sourceBefore, "fundingSource", "SOCIAL", "planned"));
        assertEquals(0, figure(source, "fundingSource", "OTHER", "approved")
                - figure(sourceBefore, "fundingSource", "OTHER", "approved"), "a cancelled allocation counts nowhere");
        assertEquals(true, source.getBoolean("rows.find { it.fundingSource == 'ENTERPRISE' }.nonState"));

        JsonPath share = report("non-state-share");
        long nonState = shareBefore.getLong("nonStateApproved") + 3_000_000L;
        long total = shareBefore.getLong("approvedTotal") + 4_000_000L;
        assertEquals(nonState, share.getLong("nonStateApproved"));
        assertEquals(total, share.getLong("approvedTotal"));
        BigDecimal expected = BigDecimal.valueOf(nonState).multiply(BigDecimal.valueOf(100))
                .divide(BigDecimal.valueOf(total), 2, RoundingMode.HALF_UP);
        assertEquals(0, expected.compareTo(new BigDecimal(share.getString("nonStateShare"))));
        assertEquals(java.math.BigInteger.valueOf(nonState).multiply(java.math.BigInteger.valueOf(100))
                .compareTo(java.math.BigInteger.valueOf(total).multiply(java.math.BigInteger.valueOf(60))) > 0,
                share.getBoolean("meetsTarget"));

        given().auth().oauth2(TestTokens.viewer("VAST")).when().get("/api/v1/reports/" + YEAR + "/by-initiative")
                .then().statusCode(200)
                .body("rows.find { it.initiativeId == '" + k1.id() + "' }.approved", equalTo(1_000_000))
                .body("rows.find { it.initiativeId == '" + k1.id() + "' }.disbursed", equalTo(250_000))
                .body("rows.find { it.initiativeId == '" + k1.id() + "' }.remaining", equalTo(750_000))
                .body("rows.find { it.initiativeId == '" + k1.id() + "' }.disbursementRate", equalTo(25.0f))
                .body("rows.find { it.initiativeId == '" + k1.id() + "' }.key", equalTo(true))
                .body("rows.find { it.initiativeId == '" + n1.id() + "' }.disbursementRate", equalTo(100.0f))
                .body("rows.find { it.initiativeId == '" + n2.id() + "' }.allocations", equalTo(1))
                .body("rows.find { it.initiativeId == '" + n2.id() + "' }.planned", equalTo(500_000))
                .body("rows.find { it.initiativeId == '" + n2.id() + "' }.disbursementRate", nullValue());

        String csv = given().auth().oauth2(TestTokens.viewer("VAST")).when()
                .get("/api/v1/reports/" + YEAR + "/by-system?format=csv")
                .then().statusCode(200).extract().asString().substring(1);
        assertEquals("system,allocations,planned,approved,disbursed,remaining,disbursementRate",
                csv.lines().findFirst().orElseThrow());
        assertEquals(8, csv.lines().count(), "a header, six Systems and the total");
        long h6Approved = figure(system, "system", "H6", "approved");
        String h6 = csv.lines().filter(l -> l.startsWith("H6,")).findFirst().orElseThrow();
        assertEquals(String.valueOf(h6Approved), h6.split(",")[3]);
        given().auth().oauth2(TestTokens.viewer("VAST")).accept("text/csv")
                .when().get("/api/v1/reports/" + YEAR + "/by-agency")
                .then().statusCode(200).body(containsString("VAST,Viện Hàn lâm Khoa học và Công nghệ Việt Nam,"));
        given().auth().oauth2(TestTokens.viewer("VAST")).accept("text/csv")
                .when().get("/api/v1/reports/" + YEAR + "/by-funding-source")
                .then().statusCode(200).body(containsString("ENTERPRISE,true,"));
        given().auth().oauth2(TestTokens.viewer("VAST")).accept("text/csv")
                .when().get("/api/v1/reports/" + YEAR + "/non-state-share")
                .then().statusCode(200).body(containsString(YEAR + "," + total + "," + nonState + ","));
    }

    @Test
    void keyInitiativesComeFirstAndANonKeyApprovalWhileOneIsUnfundedIsFlagged() {
        Fixtures.ensureFiscalYear(YEAR);
        Initiative key = Fixtures.newInitiative("H3", "BYT", true);
        Fixtures.register(key);
        given().auth().oauth2(TestTokens.viewer("BYT")).when().get("/api/v1/reports/" + YEAR + "/priority")
                .then().statusCode(200)
                .body("keyInitiativesWithoutApprovedAllocation.initiativeCode", hasItem(key.code()));

        Initiative other = Fixtures.newInitiative("H3", "BYT", false);
        String nonKey = Fixtures.plan(other, YEAR, "LOCAL_BUDGET", 100L).path("id");
        given().auth().oauth2(TestTokens.ministryAdmin("BYT")).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body(Map.of()).when().post("/api/v1/allocations/" + nonKey + "/approval")
                .then().statusCode(200)
                .body("status", equalTo("APPROVED"))
                .body("priorityWarning", containsString("key initiative"))
                .body("unfundedKeyInitiatives", hasItem(key.code()));
        given().auth().oauth2(TestTokens.viewer("BYT")).when().get("/api/v1/reports/" + YEAR + "/priority")
                .then().statusCode(200)
                .body("nonKeyApprovedWhileKeyUnfunded.allocationId", hasItem(nonKey));
        String csv = given().auth().oauth2(TestTokens.viewer("BYT")).when()
                .get("/api/v1/reports/" + YEAR + "/priority?format=csv").then().statusCode(200).extract().asString();
        org.junit.jupiter.api.Assertions.assertTrue(csv.lines().anyMatch(l ->
                l.startsWith("KEY_WITHOUT_APPROVED_ALLOCATION,H3," + key.id() + "," + key.code() + ",BYT")));
        org.junit.jupiter.api.Assertions.assertTrue(csv.lines().anyMatch(l ->
                l.startsWith("NON_KEY_APPROVED_WHILE_KEY_UNFUNDED,H3," + other.id())));

        // funding the key initiative takes it off the list, and its own approval carries no warning
        Map<String, Object> body = Fixtures.allocationBody(key, YEAR, "LOCAL_BUDGET", 100L);
        body.remove("initiative");
        String keyAllocation = given().auth().oauth2(TestTokens.ministryAdmin("BYT")).contentType(ContentType.JSON)
                .body(body).when().post("/api/v1/allocations").then().statusCode(201).extract().path("id");
        given().auth().oauth2(TestTokens.ministryAdmin("BYT")).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body(Map.of()).when().post("/api/v1/allocations/" + keyAllocation + "/approval")
                .then().statusCode(200).body("priorityWarning", nullValue());
        given().auth().oauth2(TestTokens.viewer("BYT")).when().get("/api/v1/reports/" + YEAR + "/priority")
                .then().statusCode(200)
                .body("keyInitiativesWithoutApprovedAllocation.initiativeCode", not(hasItem(key.code())));
    }

    @Test
    void reportsNeedAnExistingFiscalYearAndAKnownFormat() {
        given().auth().oauth2(TestTokens.viewer("BYT")).when().get("/api/v1/reports/2100/by-system")
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.viewer("BYT")).accept("text/csv").when().get("/api/v1/reports/2100/by-system")
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.viewer("BYT")).when().get("/api/v1/reports/" + YEAR + "/by-system?format=xls")
                .then().statusCode(400).body("violations[0].field", equalTo("format"));
        given().auth().oauth2(TestTokens.viewer("BYT")).when().get("/api/v1/reports/twenty/by-system")
                .then().statusCode(400).body("violations[0].field", equalTo("year"));
        given().when().get("/api/v1/reports/" + YEAR + "/by-system").then().statusCode(401);
    }
}
