package vn.nq57.initiative;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.nq57.platform.testing.TestTokens;

@QuarkusTest
class AuditTest {

    @Test
    void everyWriteIsAuditedWithWhoWhenAndTheChangedFieldsBeforeAndAfter() {
        String code = Fixtures.uniqueCode("H1");
        Map<String, Object> body = Fixtures.initiative(code, "BTP");
        String id = given().auth().oauth2(TestTokens.ministryAdmin("BTP")).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/initiatives").then().statusCode(201).extract().path("id");
        body.put("titleVi", "Hoàn thiện thể chế về dữ liệu " + code);
        given().auth().oauth2(TestTokens.ministryAdmin("BTP")).contentType(ContentType.JSON).body(body)
                .header("If-Match", "\"0\"").when().put("/api/v1/initiatives/" + id).then().statusCode(200);

        given().auth().oauth2(TestTokens.centralAdmin()).queryParam("entityType", "initiative").queryParam("entityId", id)
                .when().get("/api/v1/audit")
                .then().statusCode(200)
                .body("total", equalTo(2))
                .body("items.action", contains("initiative.updated", "initiative.created"))
                .body("items.subject", everyItem(equalTo("admin.btp")))
                .body("items.agency", everyItem(equalTo("BTP")))
                .body("items[0].occurredAt", notNullValue())
                .body("items[0].changes.titleVi.before", equalTo("Xây dựng nền tảng dữ liệu " + code))
                .body("items[0].changes.titleVi.after", equalTo("Hoàn thiện thể chế về dữ liệu " + code))
                .body("items[0].changes.deadline", nullValue())
                .body("items[1].changes.code.before", nullValue())
                .body("items[1].changes.code.after", equalTo(code));
    }

    @Test
    void aMinistryAdminReadsOnlyItsAgenciesAuditAndAViewerNone() {
        String id = Fixtures.createId("H1", "BTP");
        given().auth().oauth2(TestTokens.ministryAdmin("BTP")).queryParam("entityId", id)
                .when().get("/api/v1/audit").then().statusCode(200).body("total", equalTo(0));
        given().auth().oauth2(TestTokens.viewer("BTP")).when().get("/api/v1/audit").then().statusCode(403);
    }
}
