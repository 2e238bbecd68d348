package vn.nq57.initiative;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.nq57.platform.testing.TestTokens;

@QuarkusTest
class SearchAndSimilarityTest {

    @Test
    void searchIgnoresAccentsAndCase() {
        String code = Fixtures.uniqueCode("H1");
        Map<String, Object> body = Fixtures.initiative(code, "BNV");
        body.put("titleVi", "Chuyển đổi số toàn diện hoạt động công vụ " + code);
        Fixtures.create(body);
        for (String q : new String[] {"chuyen doi so", "CHUYỂN ĐỔI SỐ", "Chuyen Doi So toan dien", "đổi số"}) {
            given().auth().oauth2(TestTokens.viewer("BNV")).queryParam("q", q).queryParam("leadAgency", "BNV")
                    .queryParam("size", 500)
                    .when().get("/api/v1/initiatives")
                    .then().statusCode(200).body("items.code", hasItem(code));
        }
        given().auth().oauth2(TestTokens.viewer("BNV")).queryParam("q", "dien tu " + code)
                .when().get("/api/v1/initiatives")
                .then().statusCode(200).body("items.code", not(hasItem(code)));
    }

    @Test
    void agencySearchIgnoresAccents() {
        given().auth().oauth2(TestTokens.viewer("BNV")).queryParam("q", "khoa hoc va cong nghe")
                .queryParam("level", "MINISTRY")
                .when().get("/api/v1/agencies")
                .then().statusCode(200).body("items.code", hasItem("BKHCN"));
    }

    @Test
    void creatingAnInitiativeLikeAnExistingOneWarnsButCreates() {
        String first = Fixtures.uniqueCode("H4");
        Map<String, Object> a = Fixtures.initiative(first, "BKHCN");
        a.put("titleVi", "Xây dựng cơ sở dữ liệu quốc gia về khoa học công nghệ và đổi mới sáng tạo");
        a.put("contentOrientation", "Tích hợp dữ liệu nhiệm vụ khoa học, tổ chức khoa học, nhân lực nghiên cứu " + first);
        String firstId = Fixtures.create(a).path("id");

        String second = Fixtures.uniqueCode("H4");
        Map<String, Object> b = Fixtures.initiative(second, "BGDDT");
        b.put("titleVi", "Xay dung co so du lieu quoc gia ve khoa hoc cong nghe va doi moi sang tao");
        b.put("contentOrientation", "Dữ liệu về đề tài của các trường đại học " + second);
        String secondId = given().auth().oauth2(TestTokens.centralAdmin()).contentType(ContentType.JSON).body(b)
                .when().post("/api/v1/initiatives")
                .then().statusCode(201)
                .body("similar.code", hasItem(first))
                .body("similar.find { it.code == '" + first + "' }.leadAgencyCode", equalTo("BKHCN"))
                .body("similar.find { it.code == '" + first + "' }.score", greaterThanOrEqualTo(0.5f))
                .extract().path("id");

        given().auth().oauth2(TestTokens.viewer("BKHCN")).when().get("/api/v1/initiatives/" + firstId + "/similar")
                .then().statusCode(200).body("id", hasItem(secondId)).body("id", not(hasItem(firstId)));
        given().auth().oauth2(TestTokens.viewer("BKHCN"))
                .queryParam("title", "cơ sở dữ liệu quốc gia về khoa học công nghệ")
                .when().get("/api/v1/initiatives/similar")
                .then().statusCode(200).body("code", hasItem(first));
    }

    @Test
    void unrelatedInitiativesAreNotSimilar() {
        String code = Fixtures.uniqueCode("H6");
        Map<String, Object> body = Fixtures.initiative(code, "BXD");
        body.put("titleVi", "Đường sắt tốc độ cao trên trục Bắc – Nam " + code);
        body.put("contentOrientation", "Làm chủ công nghệ đầu máy, toa xe và tín hiệu " + code);
        String id = Fixtures.create(body).path("id");
        given().auth().oauth2(TestTokens.viewer("BKHCN"))
                .queryParam("title", "Tiêm chủng mở rộng cho trẻ em vùng sâu")
                .when().get("/api/v1/initiatives/similar")
                .then().statusCode(200).body("id", not(hasItem(id)));
    }
}
