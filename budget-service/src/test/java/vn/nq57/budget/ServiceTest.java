package vn.nq57.budget;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import vn.nq57.budget.Fixtures.Initiative;
import vn.nq57.platform.testing.Management;
import vn.nq57.platform.testing.TestTokens;

@QuarkusTest
class ServiceTest {

    @Test
    void healthMetricsAndOpenApiAreOpen() {
        Management.given().when().get("/q/health/ready").then().statusCode(200);
        given().when().get("/q/health/ready").then().statusCode(404);
        Management.given().when().get("/q/metrics").then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString("nq57_budget_disbursements_recorded_total{kind=\"payment\""))
                .body(org.hamcrest.Matchers.containsString("nq57_budget_disbursed_vnd_total{kind=\"reversal\""));
        given().when().get("/q/openapi?format=json").then().statusCode(200)
                .body("paths.'/api/v1/allocations'", notNullValue())
                .body("paths.'/api/v1/disbursements/batch'", notNullValue())
                .body("paths.'/api/v1/reports/{year}/three-percent-rule'", notNullValue());
    }

    @Test
    void everyAllocationWriteIsAuditedWithWhoAndWhat() {
        Fixtures.ensureFiscalYear(Fixtures.PAST_YEAR);
        Initiative i = Fixtures.newInitiative("H2", "BCT", false);
        String id = Fixtures.approved(i, Fixtures.PAST_YEAR, "LOCAL_BUDGET", 42L);
        given().auth().oauth2(TestTokens.centralAdmin())
                .when().get("/api/v1/audit?entityType=allocation&entityId=" + id)
                .then().statusCode(200)
                .body("total", equalTo(2))
                .body("items.action", hasItem("allocation.approved"))
                .body("items.subject", hasItem("central.admin"))
                .body("items.find { it.action == 'allocation.approved' }.changes.status.before", equalTo("PLANNED"))
                .body("items.find { it.action == 'allocation.approved' }.changes.status.after", equalTo("APPROVED"));
        // the audit trail is for administrators
        given().auth().oauth2(TestTokens.viewer("BCT")).when().get("/api/v1/audit").then().statusCode(403);
    }
}
