package vn.nq57.initiative;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.nq57.platform.testing.TestTokens;

@QuarkusTest
class OutputsAndObstaclesTest {

    @Test
    void anOutputPastItsDueDateIsOverdueInTheInitiativeAndInTheListFilter() {
        String code = Fixtures.uniqueCode("H2");
        Map<String, Object> body = Fixtures.initiative(code, "BCT");
        body.put("phase", "P1"); // an output due in 2025 belongs to an initiative of P1 (2025–2026)
        body.put("outputs", List.of(Map.of("description", "Báo cáo đánh giá năng lực bán dẫn", "dueDate", "2025-03-31"),
                Map.of("description", "Trung tâm thiết kế vi mạch", "dueDate", "2029-12-31")));
        String id = Fixtures.create(body).path("id");
        given().auth().oauth2(TestTokens.viewer("BCT")).when().get("/api/v1/initiatives/" + id)
                .then().statusCode(200)
                .body("overdueOutputs", equalTo(1))
                .body("outputs[0].overdue", equalTo(true))
                .body("outputs[1].overdue", equalTo(false));
        given().auth().oauth2(TestTokens.viewer("BCT")).queryParam("overdue", true).queryParam("leadAgency", "BCT")
                .queryParam("size", 500).when().get("/api/v1/initiatives")
                .then().statusCode(200)
                .body("items.code", hasItem(code))
                .body("items.find { it.code == '" + code + "' }.overdueOutputs", equalTo(1));
    }

    @Test
    void anOutputIsAddedUpdatedWithItsETagAndDeliveredWithEvidence() {
        String id = Fixtures.createId("H3", "BYT");
        String outputId = given().auth().oauth2(TestTokens.submitter("BYT")).contentType(ContentType.JSON)
                .body(Map.of("description", "Hồ sơ sức khỏe điện tử cho 100% người dân", "dueDate", "2026-12-31"))
                .when().post("/api/v1/initiatives/" + id + "/outputs")
                .then().statusCode(201).header("ETag", "\"0\"").body("status", equalTo("PLANNED"))
                .extract().path("id");
        Map<String, Object> update = Map.of("description", "Hồ sơ sức khỏe điện tử cho 100% người dân",
                "dueDate", "2027-06-30", "status", "IN_PROGRESS");
        given().auth().oauth2(TestTokens.submitter("BYT")).contentType(ContentType.JSON).body(update)
                .when().put("/api/v1/initiatives/" + id + "/outputs/" + outputId)
                .then().statusCode(428);
        given().auth().oauth2(TestTokens.submitter("BYT")).contentType(ContentType.JSON).body(update)
                .header("If-Match", "\"0\"")
                .when().put("/api/v1/initiatives/" + id + "/outputs/" + outputId)
                .then().statusCode(200).header("ETag", "\"1\"").body("dueDate", equalTo("2027-06-30"));
        given().auth().oauth2(TestTokens.submitter("BYT")).contentType(ContentType.JSON)
                .body(Map.of("evidenceLink", " "))
                .when().post("/api/v1/initiatives/" + id + "/outputs/" + outputId + "/delivery")
                .then().statusCode(400).body("violations.field", hasItem("evidenceLink"));
        given().auth().oauth2(TestTokens.submitter("BYT")).contentType(ContentType.JSON)
                .body(Map.of("evidenceLink", "https://moh.gov.vn/van-ban/quyet-dinh-123"))
                .when().post("/api/v1/initiatives/" + id + "/outputs/" + outputId + "/delivery")
                .then().statusCode(200).body("status", equalTo("DELIVERED")).body("deliveredAt", notNullValue())
                .body("evidenceLink", equalTo("https://moh.gov.vn/van-ban/quyet-dinh-123"));
        given().auth().oauth2(TestTokens.submitter("BYT")).contentType(ContentType.JSON)
                .body(Map.of("evidenceLink", "https://moh.gov.vn/khac"))
                .when().post("/api/v1/initiatives/" + id + "/outputs/" + outputId + "/delivery")
                .then().statusCode(409);
    }

    @Test
    void anObstacleIsFiledAnsweredByTheAskedAgencyAndResolvedByTheFiler() {
        String initiativeId = Fixtures.createId("H4", "BKHCN");
        Map<String, Object> obstacle = Map.of("initiativeId", initiativeId, "filedByAgency", "BKHCN",
                "askedAgency", "BTC", "description", "Chưa có hướng dẫn cơ chế thuê dịch vụ điện toán đám mây",
                "request", "Đề nghị Bộ Tài chính ban hành hướng dẫn trong quý II/2026");
        String id = given().auth().oauth2(TestTokens.submitter("BKHCN")).contentType(ContentType.JSON).body(obstacle)
                .when().post("/api/v1/obstacles")
                .then().statusCode(201).body("status", equalTo("OPEN")).body("askedAgency.code", equalTo("BTC"))
                .body("ageDays", equalTo(0))
                .extract().path("id");

        given().auth().oauth2(TestTokens.viewer("BTC")).queryParam("agency", "BTC").queryParam("open", true)
                .queryParam("size", 500)
                .when().get("/api/v1/obstacles").then().statusCode(200).body("items.id", hasItem(id));
        given().auth().oauth2(TestTokens.viewer("BTC")).queryParam("initiativeId", initiativeId)
                .queryParam("minAgeDays", 30)
                .when().get("/api/v1/obstacles").then().statusCode(200).body("items.id", not(hasItem(id)));

        // resolving before an answer is not allowed; the filer cannot answer its own request
        given().auth().oauth2(TestTokens.submitter("BKHCN")).contentType(ContentType.JSON)
                .body(Map.of("note", "xong")).when().post("/api/v1/obstacles/" + id + "/resolve")
                .then().statusCode(409);
        given().auth().oauth2(TestTokens.ministryAdmin("BKHCN")).contentType(ContentType.JSON)
                .body(Map.of("answer", "tự trả lời")).when().post("/api/v1/obstacles/" + id + "/answer")
                .then().statusCode(403);
        given().auth().oauth2(TestTokens.ministryAdmin("BTC")).contentType(ContentType.JSON)
                .body(Map.of("answer", "Bộ Tài chính sẽ ban hành thông tư hướng dẫn trước 30/6/2026"))
                .when().post("/api/v1/obstacles/" + id + "/answer")
                .then().statusCode(200).body("status", equalTo("ANSWERED")).body("answeredBy", equalTo("admin.btc"));
        given().auth().oauth2(TestTokens.submitter("BKHCN")).contentType(ContentType.JSON)
                .body(Map.of("note", "Đã có thông tư")).when().post("/api/v1/obstacles/" + id + "/resolve")
                .then().statusCode(200).body("status", equalTo("RESOLVED")).body("closedAt", notNullValue());
        given().auth().oauth2(TestTokens.viewer("BTC")).queryParam("initiativeId", initiativeId).queryParam("open", true)
                .when().get("/api/v1/obstacles").then().statusCode(200).body("items.id", not(hasItem(id)));
    }

    @Test
    void onlyAnAgencyInvolvedInTheInitiativeFilesAnObstacle() {
        String initiativeId = Fixtures.createId("H4", "BKHCN");
        Map<String, Object> obstacle = Map.of("initiativeId", initiativeId, "filedByAgency", "BYT",
                "askedAgency", "BTC", "description", "x", "request", "y");
        given().auth().oauth2(TestTokens.submitter("BYT")).contentType(ContentType.JSON).body(obstacle)
                .when().post("/api/v1/obstacles").then().statusCode(403);
        // BTC coordinates (see Fixtures) and may file; but not in the name of another agency
        Map<String, Object> coordinator = Map.of("initiativeId", initiativeId, "filedByAgency", "BTC",
                "askedAgency", "BKHCN", "description", "Thiếu dữ liệu đầu vào", "request", "Cung cấp dữ liệu");
        given().auth().oauth2(TestTokens.submitter("BKHCN")).contentType(ContentType.JSON).body(coordinator)
                .when().post("/api/v1/obstacles").then().statusCode(403);
        given().auth().oauth2(TestTokens.submitter("BTC")).contentType(ContentType.JSON).body(coordinator)
                .when().post("/api/v1/obstacles").then().statusCode(201);
    }
}
