package vn.nq57.initiative;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import vn.nq57.platform.testing.TestTokens;

/** Request bodies and shortcuts shared by the initiative-service tests. */
public final class Fixtures {

    private Fixtures() {
    }

    /** A code no other test run has used, e.g. H4-T4821937. */
    public static String uniqueCode(String system) {
        return system + "-T" + ThreadLocalRandom.current().nextInt(1_000_000, 9_999_999);
    }

    /** A valid initiative body led by {@code leadAgency}. */
    public static Map<String, Object> initiative(String code, String leadAgency) {
        Map<String, Object> body = new HashMap<>();
        body.put("code", code);
        body.put("system", code.substring(0, 2));
        body.put("phase", "P2");
        body.put("titleVi", "Xây dựng nền tảng dữ liệu " + code);
        body.put("titleEn", "Data platform " + code);
        body.put("contentOrientation", "Kết nối, chia sẻ dữ liệu " + code + " giữa các bộ, ngành và địa phương");
        body.put("deadline", "2030-12-31");
        body.put("leadAgency", leadAgency);
        body.put("coordinatingAgencies", List.of("BTC"));
        body.put("chiefArchitect", Map.of("name", "GS.TS. Nguyễn Văn Đức", "position", "Tổng công trình sư",
                "agency", leadAgency));
        body.put("key", true);
        body.put("evaluationCriteria", List.of("Tỷ lệ dữ liệu được chia sẻ ≥ 80%", "100% bộ, ngành kết nối"));
        body.put("linkedProgrammes", List.of("Đề án 06"));
        body.put("outputs", new ArrayList<>(List.of(Map.of("description", "Báo cáo khảo sát hiện trạng",
                "dueDate", "2028-06-30"))));
        body.put("milestones", List.of(Map.of("title", "Phê duyệt kiến trúc", "dueDate", "2027-03-31")));
        return body;
    }

    /** Creates an initiative as a central admin and returns the answer. */
    public static Response create(Map<String, Object> body) {
        return given().auth().oauth2(TestTokens.centralAdmin()).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/initiatives")
                .then().statusCode(201).extract().response();
    }

    public static String createId(String system, String leadAgency) {
        return create(initiative(uniqueCode(system), leadAgency)).path("id");
    }
}
