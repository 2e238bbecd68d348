package vn.nq57.initiative;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import vn.nq57.platform.testing.Management;
import vn.nq57.platform.testing.TestTokens;

@QuarkusTest
class CatalogueTest {

    @Test
    void theSixSystemsAndThreePhasesAreSeededInVietnameseAndEnglish() {
        given().auth().oauth2(TestTokens.viewer("BKHCN"))
                .when().get("/api/v1/systems")
                .then().statusCode(200)
                .body("code", contains("H1", "H2", "H3", "H4", "H5", "H6"))
                .body("[0].nameVi", equalTo("Đổi mới thể chế và quản trị quốc gia"))
                .body("[3].nameVi", equalTo("Hạ tầng thông tin và dữ liệu"))
                .body("[5].kind", equalTo("SPECIAL_PROJECTS"))
                .body("[5].nameVi", equalTo("Các Dự án đặc biệt quan trọng"));
        given().auth().oauth2(TestTokens.viewer("BKHCN"))
                .when().get("/api/v1/phases")
                .then().statusCode(200)
                .body("code", contains("P1", "P2", "P3"))
                .body("[0].startYear", equalTo(2025)).body("[0].endYear", equalTo(2026))
                .body("[2].nameVi", equalTo("củng cố, mở rộng và hoàn thiện"))
                .body("[2].endYear", equalTo(2045));
    }

    @Test
    void anUnknownSystemIsANotFoundProblem() {
        given().auth().oauth2(TestTokens.viewer("BKHCN"))
                .when().get("/api/v1/systems/H9")
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404))
                .body("type", equalTo("https://nq57.gov.vn/problems/not-found"));
    }

    @Test
    void theCatalogueNeedsAToken() {
        given().when().get("/api/v1/systems")
                .then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", equalTo("Bearer"));
        given().auth().oauth2(TestTokens.forged()).when().get("/api/v1/systems")
                .then().statusCode(401);
    }

    @Test
    void healthAndMetricsAreOpenOnTheManagementPortOnlyAndOpenApiOnTheApiPort() {
        Management.given().when().get("/q/health/live").then().statusCode(200);
        Management.given().when().get("/q/metrics").then().statusCode(200);
        given().when().get("/q/openapi?format=json").then().statusCode(200)
                .body("paths.'/api/v1/initiatives'", org.hamcrest.Matchers.notNullValue());
        given().when().get("/q/health/live").then().statusCode(404);
        given().when().get("/q/metrics").then().statusCode(404);
    }

    @Test
    void theAgencyTreeHoldsTheMinistriesBelowTheGovernment() {
        given().auth().oauth2(TestTokens.viewer("BKHCN"))
                .when().get("/api/v1/agencies/tree?root=BKHCN")
                .then().statusCode(200)
                .body("", hasSize(1))
                .body("[0].code", equalTo("BKHCN"))
                .body("[0].children.code", org.hamcrest.Matchers.hasItems("BKHCN-CDMST", "BKHCN-CCDSQG"));
    }
}
