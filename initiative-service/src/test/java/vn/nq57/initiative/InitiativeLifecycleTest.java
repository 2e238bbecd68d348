package vn.nq57.initiative;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.nq57.platform.testing.TestTokens;

@QuarkusTest
class InitiativeLifecycleTest {

    @Test
    void aCreatedInitiativeIsADraftWithEverythingItWasGiven() {
        String code = Fixtures.uniqueCode("H4");
        Response created = Fixtures.create(Fixtures.initiative(code, "BKHCN"));
        String id = created.path("id");
        assertEquals("\"0\"", created.header("ETag"));
        assertEquals(true, created.header("Location").endsWith("/api/v1/initiatives/" + id));

        given().auth().oauth2(TestTokens.viewer("BYT")).when().get("/api/v1/initiatives/" + id)
                .then().statusCode(200)
                .header("ETag", "\"0\"")
                .body("code", equalTo(code))
                .body("system", equalTo("H4")).body("phase", equalTo("P2"))
                .body("status", equalTo("DRAFT"))
                .body("key", equalTo(true))
                .body("deadline", equalTo("2030-12-31"))
                .body("leadAgency.code", equalTo("BKHCN"))
                .body("leadAgency.nameVi", equalTo("Bộ Khoa học và Công nghệ"))
                .body("coordinatingAgencies.code", contains("BTC"))
                .body("chiefArchitect.name", equalTo("GS.TS. Nguyễn Văn Đức"))
                .body("chiefArchitect.agency.code", equalTo("BKHCN"))
                .body("evaluationCriteria", contains("Tỷ lệ dữ liệu được chia sẻ ≥ 80%", "100% bộ, ngành kết nối"))
                .body("linkedProgrammes", contains("Đề án 06"))
                .body("outputs", hasSize(1))
                .body("outputs[0].status", equalTo("PLANNED"))
                .body("milestones[0].title", equalTo("Phê duyệt kiến trúc"))
                .body("originInstance", equalTo("central"));

        given().auth().oauth2(TestTokens.viewer("BYT")).when().get("/api/v1/initiatives/" + code)
                .then().statusCode(200).body("id", equalTo(id));
    }

    @Test
    void vietnameseTextRoundTripsByteForByte() {
        String code = Fixtures.uniqueCode("H3");
        String title = "Ứng dụng trí tuệ nhân tạo trong khám, chữa bệnh ở tuyến xã — đợt 1 (Đắk Lắk, Huế)";
        String content = "Chuyển đổi số y tế cơ sở; hồ sơ sức khỏe điện tử; \"bác sĩ gia đình\" số; ưu tiên vùng đồng bào dân tộc thiểu số";
        Map<String, Object> body = Fixtures.initiative(code, "BYT");
        body.put("titleVi", title);
        body.put("contentOrientation", content);
        String id = Fixtures.create(body).path("id");

        byte[] raw = given().auth().oauth2(TestTokens.viewer("BYT")).when().get("/api/v1/initiatives/" + id)
                .then().statusCode(200).contentType(containsString("application/json")).extract().asByteArray();
        String json = new String(raw, StandardCharsets.UTF_8);
        assertEquals(true, json.contains(title), "title comes back unchanged");
        String returned = io.restassured.path.json.JsonPath.from(json).getString("titleVi");
        assertArrayEquals(title.getBytes(StandardCharsets.UTF_8), returned.getBytes(StandardCharsets.UTF_8));
        assertEquals(content, io.restassured.path.json.JsonPath.from(json).getString("contentOrientation"));
    }

    @Test
    void anUpdateNeedsTheCurrentETagAndRaisesIt() {
        String code = Fixtures.uniqueCode("H2");
        Map<String, Object> body = Fixtures.initiative(code, "BCT");
        String id = Fixtures.create(body).path("id");
        body.put("titleVi", "Phát triển công nghiệp bán dẫn " + code);
        body.put("key", false);

        given().auth().oauth2(TestTokens.centralAdmin()).contentType(ContentType.JSON).body(body)
                .when().put("/api/v1/initiatives/" + id)
                .then().statusCode(428).contentType("application/problem+json")
                .body("type", equalTo("https://nq57.gov.vn/problems/precondition-required"));
        given().auth().oauth2(TestTokens.centralAdmin()).contentType(ContentType.JSON).body(body)
                .header("If-Match", "\"7\"")
                .when().put("/api/v1/initiatives/" + id)
                .then().statusCode(412).contentType("application/problem+json")
                .body("currentEtag", equalTo("\"0\""));
        given().auth().oauth2(TestTokens.centralAdmin()).contentType(ContentType.JSON).body(body)
                .header("If-Match", "\"0\"")
                .when().put("/api/v1/initiatives/" + id)
                .then().statusCode(200).header("ETag", "\"1\"")
                .body("titleVi", equalTo("Phát triển công nghiệp bán dẫn " + code))
                .body("key", equalTo(false));
        // the same stale ETag a second time: someone else's write must not be lost
        given().auth().oauth2(TestTokens.centralAdmin()).contentType(ContentType.JSON).body(body)
                .header("If-Match", "\"0\"")
                .when().put("/api/v1/initiatives/" + id)
                .then().statusCode(412);
    }

    @Test
    void theLifecycleFollowsTheAllowedTransitionsAndKeepsWhoWhenAndWhy() {
        String id = Fixtures.createId("H1", "BNV");
        transition(id, TestTokens.centralAdmin(), "APPROVED", "Đã thông qua tại phiên họp Ban Chỉ đạo").statusCode(200)
                .body("status", equalTo("APPROVED"));
        transition(id, TestTokens.ministryAdmin("BNV"), "IN_PROGRESS", "Bắt đầu triển khai").statusCode(200);
        transition(id, TestTokens.ministryAdmin("BNV"), "SUSPENDED", "Chờ bố trí vốn").statusCode(200);
        transition(id, TestTokens.ministryAdmin("BNV"), "IN_PROGRESS", "Đã có vốn").statusCode(200);
        transition(id, TestTokens.ministryAdmin("BNV"), "COMPLETED", "Nghiệm thu").statusCode(200)
                .body("status", equalTo("COMPLETED"));

        given().auth().oauth2(TestTokens.viewer("BNV")).when().get("/api/v1/initiatives/" + id + "/transitions")
                .then().statusCode(200)
                .body("to", contains("DRAFT", "APPROVED", "IN_PROGRESS", "SUSPENDED", "IN_PROGRESS", "COMPLETED"))
                .body("[1].from", equalTo("DRAFT"))
                .body("[1].actor", equalTo("central.admin"))
                .body("[1].reason", equalTo("Đã thông qua tại phiên họp Ban Chỉ đạo"))
                .body("[2].actor", equalTo("admin.bnv"))
                .body("[2].actorAgency", equalTo("BNV"))
                .body("[2].occurredAt", notNullValue());
    }

    @Test
    void anIllegalTransitionIsAConflictNamingTheAllowedOnes() {
        String id = Fixtures.createId("H5", "BGDDT");
        transition(id, TestTokens.centralAdmin(), "COMPLETED", "nhảy cóc").statusCode(409)
                .contentType("application/problem+json")
                .body("currentStatus", equalTo("DRAFT"))
                .body("allowed", hasItem("APPROVED"))
                .body("detail", containsString("DRAFT"));
        transition(id, TestTokens.centralAdmin(), "CANCELLED", "Trùng lặp với sáng kiến khác").statusCode(200);
        transition(id, TestTokens.centralAdmin(), "IN_PROGRESS", "mở lại").statusCode(409)
                .body("allowed", hasSize(0));
    }

    @Test
    void aTransitionNeedsAReasonAndOnlyACentralAdminApproves() {
        String id = Fixtures.createId("H5", "BGDDT");
        given().auth().oauth2(TestTokens.centralAdmin()).contentType(ContentType.JSON)
                .body(Map.of("to", "APPROVED", "reason", " "))
                .when().post("/api/v1/initiatives/" + id + "/transitions")
                .then().statusCode(400).body("violations.field", contains("reason"));
        transition(id, TestTokens.ministryAdmin("BGDDT"), "APPROVED", "tự phê duyệt").statusCode(403);
    }

    @Test
    void aFinishedInitiativeCanNoLongerBeEdited() {
        String code = Fixtures.uniqueCode("H6");
        Map<String, Object> body = Fixtures.initiative(code, "BXD");
        String id = Fixtures.create(body).path("id");
        transition(id, TestTokens.centralAdmin(), "CANCELLED", "Dừng").statusCode(200);
        given().auth().oauth2(TestTokens.centralAdmin()).contentType(ContentType.JSON).body(body)
                .header("If-Match", "\"1\"")
                .when().put("/api/v1/initiatives/" + id)
                .then().statusCode(409).body("detail", containsString("CANCELLED"));
    }

    @Test
    void theListFiltersBySystemPhaseLeadStatusKeyAndDeadline() {
        String a = Fixtures.uniqueCode("H6");
        Map<String, Object> bodyA = Fixtures.initiative(a, "BKHCN-CDMST");
        bodyA.put("deadline", "2027-06-30");
        Fixtures.create(bodyA);
        String b = Fixtures.uniqueCode("H6");
        Map<String, Object> bodyB = Fixtures.initiative(b, "BKHCN-CDMST");
        bodyB.put("key", false);
        bodyB.put("phase", "P3");
        bodyB.put("deadline", "2040-01-01");
        // a P3 initiative's dates lie in P3 (from 2030)
        bodyB.put("outputs", List.of(Map.of("description", "Báo cáo tổng kết", "dueDate", "2039-06-30")));
        bodyB.put("milestones", List.of(Map.of("title", "Phê duyệt kiến trúc", "dueDate", "2031-03-31")));
        Fixtures.create(bodyB);

        given().auth().oauth2(TestTokens.viewer("BKHCN"))
                .queryParam("system", "H6").queryParam("leadAgency", "BKHCN-CDMST").queryParam("key", "true")
                .queryParam("deadlineTo", "2028-01-01").queryParam("size", 500)
                .when().get("/api/v1/initiatives")
                .then().statusCode(200)
                .body("items.code", hasItem(a))
                .body("items.code", org.hamcrest.Matchers.not(hasItem(b)))
                .body("size", equalTo(500)).body("page", equalTo(0));
        given().auth().oauth2(TestTokens.viewer("BKHCN"))
                .queryParam("phase", "P3").queryParam("status", "draft").queryParam("leadAgency", "BKHCN-CDMST")
                .queryParam("deadlineFrom", "2039-01-01")
                .when().get("/api/v1/initiatives")
                .then().statusCode(200)
                .body("items.code", hasItem(b))
                .body("items.code", org.hamcrest.Matchers.not(hasItem(a)))
                .body("items[0].leadAgency.code", equalTo("BKHCN-CDMST"));
    }

    @Test
    void theListIsPaginated() {
        String lead = "LCI";
        for (int n = 0; n < 3; n++) {
            Fixtures.createId("H3", lead);
        }
        int total = given().auth().oauth2(TestTokens.viewer(lead)).queryParam("leadAgency", lead)
                .when().get("/api/v1/initiatives").then().statusCode(200).extract().path("total");
        given().auth().oauth2(TestTokens.viewer(lead)).queryParam("leadAgency", lead)
                .queryParam("size", 2).queryParam("page", 1)
                .when().get("/api/v1/initiatives")
                .then().statusCode(200)
                .body("items", hasSize(Math.min(2, total - 2)))
                .body("page", equalTo(1)).body("size", equalTo(2)).body("total", equalTo(total));
    }

    static io.restassured.response.ValidatableResponse transition(String id, String token, String to, String reason) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("to", to, "reason", reason))
                .when().post("/api/v1/initiatives/" + id + "/transitions").then();
    }

    static List<String> codes(List<Map<String, Object>> items) {
        return items.stream().map(m -> (String) m.get("code")).toList();
    }
}
