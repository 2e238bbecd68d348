package vn.nq57.initiative;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.text.Normalizer;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import vn.nq57.platform.testing.TestTokens;

@QuarkusTest
class AgencyTest {

    @Test
    void aCentralAdminCreatesAndUpdatesAnAgencyWithItsETag() {
        String code = "VKHCN" + ThreadLocalRandom.current().nextInt(100000, 999999);
        Map<String, Object> body = new HashMap<>(Map.of("code", code,
                "nameVi", "Viện Chiến lược, Chính sách khoa học và công nghệ", "level", "INSTITUTE", "parentCode", "BKHCN"));
        String id = given().auth().oauth2(TestTokens.centralAdmin()).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/agencies")
                .then().statusCode(201).header("ETag", "\"0\"").body("parentCode", equalTo("BKHCN"))
                .extract().path("id");
        given().auth().oauth2(TestTokens.centralAdmin()).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/agencies").then().statusCode(409);

        body.put("nameEn", "National Institute for S&T Policy and Strategy Studies");
        given().auth().oauth2(TestTokens.centralAdmin()).contentType(ContentType.JSON).body(body)
                .when().put("/api/v1/agencies/" + id).then().statusCode(428);
        given().auth().oauth2(TestTokens.centralAdmin()).contentType(ContentType.JSON).body(body)
                .header("If-Match", "\"0\"").when().put("/api/v1/agencies/" + id)
                .then().statusCode(200).header("ETag", "\"1\"")
                .body("nameEn", equalTo("National Institute for S&T Policy and Strategy Studies"));

        // the new agency is now inside BKHCN's scope
        given().auth().oauth2(TestTokens.ministryAdmin("BKHCN")).contentType(ContentType.JSON)
                .body(Fixtures.initiative(Fixtures.uniqueCode("H5"), code))
                .when().post("/api/v1/initiatives").then().statusCode(201);
    }

    @Test
    void anAgencyCannotBePlacedBelowItself() {
        String id = given().auth().oauth2(TestTokens.viewer("BKHCN")).when().get("/api/v1/agencies/BKHCN")
                .then().statusCode(200).extract().path("id");
        Map<String, Object> body = Map.of("code", "BKHCN", "nameVi", "Bộ Khoa học và Công nghệ", "level", "MINISTRY",
                "parentCode", "BKHCN-CDMST");
        String etag = given().auth().oauth2(TestTokens.viewer("BKHCN")).when().get("/api/v1/agencies/" + id)
                .then().extract().header("ETag");
        given().auth().oauth2(TestTokens.centralAdmin()).contentType(ContentType.JSON).body(body)
                .header("If-Match", etag).when().put("/api/v1/agencies/" + id)
                .then().statusCode(422);
    }

    @Test
    void theFlatListFiltersByLevelAndParent() {
        given().auth().oauth2(TestTokens.viewer("BKHCN")).queryParam("level", "PROVINCE").queryParam("size", 500)
                .when().get("/api/v1/agencies")
                .then().statusCode(200).body("items.level", everyItem(equalTo("PROVINCE")))
                .body("items.code", hasItem("HNI"));
        given().auth().oauth2(TestTokens.viewer("BKHCN")).queryParam("parent", "BKHCN").queryParam("size", 500)
                .when().get("/api/v1/agencies")
                .then().statusCode(200).body("items.parentCode", everyItem(equalTo("BKHCN")))
                .body("items.code", hasItem("BKHCN-CSHTT"));
    }

    @Test
    void decomposedVietnameseIsStoredComposed() {
        String code = "NFC" + ThreadLocalRandom.current().nextInt(100000, 999999);
        String composed = "Sở Khoa học và Công nghệ tỉnh Đắk Lắk";
        String decomposed = Normalizer.normalize(composed, Normalizer.Form.NFD);
        given().auth().oauth2(TestTokens.centralAdmin()).contentType(ContentType.JSON)
                .body(Map.of("code", code, "nameVi", decomposed, "level", "AGENCY_UNIT", "parentCode", "DLK"))
                .when().post("/api/v1/agencies").then().statusCode(201).body("nameVi", equalTo(composed));
    }
}
