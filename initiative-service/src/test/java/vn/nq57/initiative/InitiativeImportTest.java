package vn.nq57.initiative;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.nq57.platform.testing.TestTokens;

/** The bulk import of initiatives (JSON and CSV), ATOMIC and PARTIAL, over HTTP against the real database. */
@QuarkusTest
class InitiativeImportTest {

    @Test
    void atomicWritesNothingWhenARowIsRejectedAndPartialWritesTheValidRows() {
        String a = Fixtures.uniqueCode("H6");
        String b = Fixtures.uniqueCode("H6");
        Map<String, Object> bad = Fixtures.initiative(Fixtures.uniqueCode("H6"), "NOPE");
        Map<String, Object> body = Map.of("initiatives", List.of(Fixtures.initiative(a, "BKHCN"),
                Fixtures.initiative(b, "BYT"), bad));

        given().auth().oauth2(TestTokens.centralAdmin()).contentType(ContentType.JSON).body(body)
                .post("/api/v1/initiatives/batch").then().statusCode(422)
                .body("importSummary.committed", equalTo(false))
                .body("importSummary.rows.status", contains("VALID", "VALID", "REJECTED"))
                .body("importSummary.rows[2].reasons[0].field", equalTo("leadAgency"));
        search(a).body("total", equalTo(0));

        given().auth().oauth2(TestTokens.centralAdmin()).contentType(ContentType.JSON).body(body)
                .queryParam("mode", "PARTIAL").post("/api/v1/initiatives/batch").then().statusCode(200)
                .body("status", equalTo("WARNING")).body("imported", equalTo(2)).body("rejected", equalTo(1))
                .body("rows.status", contains("IMPORTED", "IMPORTED", "REJECTED"));
        search(a).body("total", equalTo(1));

        // the same file again: the imported rows exist, nothing is written twice
        given().auth().oauth2(TestTokens.centralAdmin()).contentType(ContentType.JSON).body(body)
                .queryParam("mode", "PARTIAL").post("/api/v1/initiatives/batch").then().statusCode(200)
                .body("rows.status", contains("EXISTING", "EXISTING", "REJECTED")).body("imported", equalTo(0));
    }

    @Test
    void aCsvFileLoadsInitiativesWithTheirOutputsAndVietnameseTextExactly() {
        String a = Fixtures.uniqueCode("H6");
        String b = Fixtures.uniqueCode("H3");
        String csv = "\uFEFFcode,system,phase,titleVi,titleEn,contentOrientation,deadline,leadAgency,coordinatingAgencies,"
                + "key,evaluationCriteria,linkedProgrammes,chiefArchitectName,chiefArchitectPosition,chiefArchitectAgency,outputs\n"
                + a + ",H6,P2,\"Công nghệ gen: giải mã hệ gen người Việt\",Gene technology,\"Ngân hàng dữ liệu hệ gen; "
                + "y học chính xác\",2030-12-31,BKHCN,BYT;BNNMT,có,Số hệ gen được giải mã;Số giống mới,Đề án 06,"
                + "GS.TS. Lê Thị Hồng,Tổng công trình sư,BKHCN,\"2027-12-31: Ngân hàng dữ liệu gen quốc gia; "
                + "2029-06-30: Trung tâm giải trình tự\"\n"
                + b + ",H3,P2,Đào tạo nhân lực bán dẫn,,Đào tạo kỹ sư thiết kế vi mạch,2030-12-31,BGDDT,,,"
                + "Số kỹ sư bán dẫn được đào tạo,,,,,2026-09-30: Chương trình đào tạo\n";
        String id = given().auth().oauth2(TestTokens.centralAdmin()).contentType("text/csv")
                .body(csv.getBytes(StandardCharsets.UTF_8)).post("/api/v1/initiatives/batch").then().statusCode(200)
                .body("status", equalTo("OK")).body("imported", equalTo(2)).extract().path("rows[0].initiativeId");
        given().auth().oauth2(TestTokens.centralAdmin()).get("/api/v1/initiatives/" + id).then().statusCode(200)
                .body("titleVi", equalTo("Công nghệ gen: giải mã hệ gen người Việt"))
                .body("key", equalTo(true))
                .body("coordinatingAgencies.code", containsInAnyOrder("BYT", "BNNMT"))
                .body("evaluationCriteria", contains("Số hệ gen được giải mã", "Số giống mới"))
                .body("chiefArchitect.name", equalTo("GS.TS. Lê Thị Hồng"))
                .body("outputs.description", contains("Ngân hàng dữ liệu gen quốc gia", "Trung tâm giải trình tự"))
                .body("outputs.dueDate", contains("2027-12-31", "2029-06-30"));
        given().auth().oauth2(TestTokens.centralAdmin()).queryParam("entityType", "initiative").queryParam("entityId", id)
                .get("/api/v1/audit").then().statusCode(200).body("items.action", hasItem("initiative.created"));
    }

    @Test
    void badImportsAreRefusedWithAReason() {
        Map<String, Object> body = Map.of("initiatives", List.of(Fixtures.initiative(Fixtures.uniqueCode("H1"), "BKHCN")));
        given().auth().oauth2(TestTokens.ministryAdmin("BKHCN")).contentType(ContentType.JSON).body(body)
                .post("/api/v1/initiatives/batch").then().statusCode(403);
        given().auth().oauth2(TestTokens.centralAdmin()).contentType(ContentType.JSON).body(body)
                .queryParam("mode", "SOMETIMES").post("/api/v1/initiatives/batch").then().statusCode(400)
                .body("violations[0].field", equalTo("mode"));
        given().auth().oauth2(TestTokens.centralAdmin()).contentType(ContentType.JSON)
                .body(Map.of("initiatives", List.of())).post("/api/v1/initiatives/batch").then().statusCode(400);
        given().auth().oauth2(TestTokens.centralAdmin()).contentType("text/csv").body("not,a,plan\n1,2,3\n")
                .post("/api/v1/initiatives/batch").then().statusCode(400);
        String code = Fixtures.uniqueCode("H2");
        Map<String, Object> twice = Map.of("initiatives", List.of(Fixtures.initiative(code, "BKHCN"),
                Fixtures.initiative(code, "BKHCN")));
        given().auth().oauth2(TestTokens.centralAdmin()).contentType(ContentType.JSON).body(twice)
                .post("/api/v1/initiatives/batch").then().statusCode(422)
                .body("importSummary.rows[1].reasons[0].message", equalTo("code " + code + " is given twice in this import"));
    }

    private static io.restassured.response.ValidatableResponse search(String code) {
        return given().auth().oauth2(TestTokens.centralAdmin()).queryParam("q", code).get("/api/v1/initiatives")
                .then().statusCode(200);
    }
}
