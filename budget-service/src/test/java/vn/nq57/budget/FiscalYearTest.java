package vn.nq57.budget;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.nq57.platform.testing.TestTokens;

@QuarkusTest
class FiscalYearTest {

    @Test
    void aCentralAdminEditsAFiscalYearWithIfMatchAndTheShareFollows() {
        int year = 2040;
        Fixtures.setFiscalYear(year, 1_000_000_000L, 25_000_000L);
        var read = given().auth().oauth2(TestTokens.viewer("BYT")).when().get("/api/v1/fiscal-years/" + year)
                .then().statusCode(200)
                .body("stiShare", equalTo(2.5f))
                .body("meetsThreePercentRule", equalTo(false))
                .extract();
        String etag = read.header("ETag");
        given().auth().oauth2(TestTokens.centralAdmin()).contentType(ContentType.JSON).header("If-Match", etag)
                .body(Map.of("totalStateExpenditure", 1_000_000_000L, "stiBudget", 30_000_000L, "note", "Dự toán điều chỉnh"))
                .when().put("/api/v1/fiscal-years/" + year)
                .then().statusCode(200)
                .body("stiShare", equalTo(3.0f))
                .body("meetsThreePercentRule", equalTo(true))
                .body("note", equalTo("Dự toán điều chỉnh"));
        // the ETag read before the update is stale now
        given().auth().oauth2(TestTokens.centralAdmin()).contentType(ContentType.JSON).header("If-Match", etag)
                .body(Map.of("totalStateExpenditure", 1_000_000_000L, "stiBudget", 1L))
                .when().put("/api/v1/fiscal-years/" + year)
                .then().statusCode(412).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.centralAdmin()).contentType(ContentType.JSON)
                .body(Map.of("totalStateExpenditure", 1_000_000_000L, "stiBudget", 1L))
                .when().put("/api/v1/fiscal-years/" + year)
                .then().statusCode(428).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.centralAdmin()).when().get("/api/v1/audit?entityType=fiscal-year&entityId=" + year)
                .then().statusCode(200)
                .body("items.action", hasItem("fiscal-year.updated"))
                .body("items[0].changes.stiBudget.after", equalTo(30_000_000));
    }

    @Test
    void onlyACentralAdminWritesFiscalYears() {
        given().auth().oauth2(TestTokens.ministryAdmin("BKHCN")).contentType(ContentType.JSON)
                .body(Map.of("year", 2041, "totalStateExpenditure", 10L, "stiBudget", 1L))
                .when().post("/api/v1/fiscal-years")
                .then().statusCode(403).contentType("application/problem+json");
        Fixtures.ensureFiscalYear(2041);
        given().auth().oauth2(TestTokens.ministryAdmin("BKHCN")).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body(Map.of("totalStateExpenditure", 10L, "stiBudget", 1L))
                .when().put("/api/v1/fiscal-years/2041")
                .then().statusCode(403);
        given().when().get("/api/v1/fiscal-years").then().statusCode(401);
    }

    @Test
    void aSecondFiscalYearForTheSameYearIsAConflict() {
        Fixtures.ensureFiscalYear(2042);
        given().auth().oauth2(TestTokens.centralAdmin()).contentType(ContentType.JSON)
                .body(Map.of("year", 2042, "totalStateExpenditure", 10L, "stiBudget", 1L))
                .when().post("/api/v1/fiscal-years")
                .then().statusCode(409).body("type", equalTo("https://nq57.gov.vn/problems/conflict"));
    }

    @Test
    void badFiscalYearFiguresAreRejectedWithTheField() {
        String admin = TestTokens.centralAdmin();
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("year", 2043, "totalStateExpenditure", 100L, "stiBudget", 101L))
                .when().post("/api/v1/fiscal-years")
                .then().statusCode(400).body("violations[0].field", equalTo("stiBudget"));
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body("{\"year\": 2043, \"totalStateExpenditure\": 100.5, \"stiBudget\": 1}")
                .when().post("/api/v1/fiscal-years")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("totalStateExpenditure"));
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("year", 1999, "totalStateExpenditure", 100L, "stiBudget", 1L))
                .when().post("/api/v1/fiscal-years")
                .then().statusCode(400).body("violations[0].field", equalTo("year"));
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body("{\"year\": 2043, \"totalStateExpenditure\": 1000000000000000001, \"stiBudget\": 1}")
                .when().post("/api/v1/fiscal-years")
                .then().statusCode(400).body("violations[0].field", equalTo("totalStateExpenditure"));
        given().auth().oauth2(admin).when().get("/api/v1/fiscal-years/abc")
                .then().statusCode(400).body("violations[0].field", equalTo("year"));
        given().auth().oauth2(admin).when().get("/api/v1/fiscal-years/2101")
                .then().statusCode(404);
    }

    @Test
    void fiscalYearsAreListedInPages() {
        Fixtures.ensureFiscalYear(Fixtures.PAST_YEAR);
        given().auth().oauth2(TestTokens.viewer("BKHCN")).when().get("/api/v1/fiscal-years?size=500")
                .then().statusCode(200)
                .body("items.year", hasItem(Fixtures.PAST_YEAR))
                .body("total", notNullValue());
        given().auth().oauth2(TestTokens.viewer("BKHCN")).when().get("/api/v1/fiscal-years?size=501")
                .then().statusCode(400);
    }
}
