package vn.nq57.initiative;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import vn.nq57.platform.testing.TestTokens;

/** 401 without a valid token; 403 for a wrong role or an agency outside the caller's scope; nothing written. */
@QuarkusTest
class SecurityTest {

    static Stream<Arguments> apiEndpoints() {
        return Stream.of(Arguments.of("GET", "/api/v1/initiatives"), Arguments.of("GET", "/api/v1/agencies"),
                Arguments.of("GET", "/api/v1/agencies/tree"), Arguments.of("GET", "/api/v1/obstacles"),
                Arguments.of("GET", "/api/v1/systems"), Arguments.of("GET", "/api/v1/phases"),
                Arguments.of("GET", "/api/v1/audit"), Arguments.of("POST", "/api/v1/initiatives"),
                Arguments.of("POST", "/api/v1/agencies"), Arguments.of("POST", "/api/v1/obstacles"));
    }

    @ParameterizedTest(name = "{0} {1} needs a token")
    @MethodSource("apiEndpoints")
    void everyApiEndpointNeedsAValidToken(String method, String path) {
        given().contentType(ContentType.JSON).body("{}").when().request(method, path)
                .then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.forged()).contentType(ContentType.JSON).body("{}").when().request(method, path)
                .then().statusCode(401);
    }

    @Test
    void aTokenAcceptedBeforeItExpiresIsRefusedOnceItHas() {
        // the service reuses a verified token for its next requests: that must end at the token's expiry
        String token = TestTokens.expiringIn(3, "viewer.bkhcn", "BKHCN", "viewer");
        given().auth().oauth2(token).when().get("/api/v1/systems").then().statusCode(200);
        given().auth().oauth2(token).when().get("/api/v1/systems").then().statusCode(200);
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(250)).untilAsserted(() ->
                given().auth().oauth2(token).when().get("/api/v1/systems")
                        .then().statusCode(401).contentType("application/problem+json"));
    }

    @Test
    void aTokenWithoutAnyPlatformRoleIsRefused() {
        given().auth().oauth2(TestTokens.token("nobody", "BKHCN", "offline_access"))
                .when().get("/api/v1/initiatives")
                .then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void aViewerCannotWrite() {
        String code = Fixtures.uniqueCode("H4");
        given().auth().oauth2(TestTokens.viewer("BKHCN")).contentType(ContentType.JSON)
                .body(Fixtures.initiative(code, "BKHCN"))
                .when().post("/api/v1/initiatives")
                .then().statusCode(403);
        notWritten(code);
    }

    @Test
    void aMinistryAdminCreatesForItsOwnAgencyAndTheAgenciesBelowIt() {
        String own = Fixtures.uniqueCode("H4");
        given().auth().oauth2(TestTokens.ministryAdmin("BKHCN")).contentType(ContentType.JSON)
                .body(Fixtures.initiative(own, "BKHCN"))
                .when().post("/api/v1/initiatives").then().statusCode(201);
        String below = Fixtures.uniqueCode("H4");
        given().auth().oauth2(TestTokens.ministryAdmin("BKHCN")).contentType(ContentType.JSON)
                .body(Fixtures.initiative(below, "BKHCN-CCDSQG"))
                .when().post("/api/v1/initiatives").then().statusCode(201);
    }

    @Test
    void aMinistryAdminCannotCreateForAnotherMinistry() {
        String code = Fixtures.uniqueCode("H3");
        given().auth().oauth2(TestTokens.ministryAdmin("BKHCN")).contentType(ContentType.JSON)
                .body(Fixtures.initiative(code, "BYT"))
                .when().post("/api/v1/initiatives")
                .then().statusCode(403).contentType("application/problem+json")
                .body("detail", containsString("BYT"));
        notWritten(code);
        // nor from a sub-unit upwards
        given().auth().oauth2(TestTokens.ministryAdmin("BKHCN-CDMST")).contentType(ContentType.JSON)
                .body(Fixtures.initiative(code, "BKHCN"))
                .when().post("/api/v1/initiatives").then().statusCode(403);
        notWritten(code);
    }

    @Test
    void aMinistryAdminCannotMoveAnInitiativeOutOfItsScopeOrEditAnothers() {
        String code = Fixtures.uniqueCode("H2");
        Map<String, Object> body = Fixtures.initiative(code, "BCT");
        String id = Fixtures.create(body).path("id");
        body.put("titleVi", "Đổi tên trái phép");
        given().auth().oauth2(TestTokens.ministryAdmin("BKHCN")).contentType(ContentType.JSON).body(body)
                .header("If-Match", "\"0\"").when().put("/api/v1/initiatives/" + id)
                .then().statusCode(403);
        body.put("leadAgency", "BYT");
        given().auth().oauth2(TestTokens.ministryAdmin("BCT")).contentType(ContentType.JSON).body(body)
                .header("If-Match", "\"0\"").when().put("/api/v1/initiatives/" + id)
                .then().statusCode(403);
        given().auth().oauth2(TestTokens.viewer("BCT")).when().get("/api/v1/initiatives/" + id)
                .then().statusCode(200).header("ETag", "\"0\"").body("leadAgency.code", equalTo("BCT"));
    }

    @Test
    void aDataSubmitterUpdatesOutputsOnlyForItsAgency() {
        String id = Fixtures.createId("H3", "BYT");
        Map<String, Object> output = Map.of("description", "Phần mềm bệnh án điện tử", "dueDate", "2027-12-31");
        given().auth().oauth2(TestTokens.submitter("BYT")).contentType(ContentType.JSON).body(output)
                .when().post("/api/v1/initiatives/" + id + "/outputs").then().statusCode(201);
        given().auth().oauth2(TestTokens.submitter("BGDDT")).contentType(ContentType.JSON).body(output)
                .when().post("/api/v1/initiatives/" + id + "/outputs").then().statusCode(403);
        given().auth().oauth2(TestTokens.submitter("BYT")).contentType(ContentType.JSON)
                .body(Map.of("to", "APPROVED", "reason", "x"))
                .when().post("/api/v1/initiatives/" + id + "/transitions").then().statusCode(403);
    }

    @Test
    void onlyACentralAdminManagesAgencies() {
        Map<String, Object> agency = Map.of("code", "T" + System.nanoTime() % 100000000, "nameVi", "Đơn vị thử",
                "level", "AGENCY_UNIT", "parentCode", "BKHCN");
        given().auth().oauth2(TestTokens.ministryAdmin("BKHCN")).contentType(ContentType.JSON).body(agency)
                .when().post("/api/v1/agencies").then().statusCode(403);
        given().auth().oauth2(TestTokens.centralAdmin()).contentType(ContentType.JSON).body(agency)
                .when().post("/api/v1/agencies").then().statusCode(201);
    }

    private static void notWritten(String code) {
        given().auth().oauth2(TestTokens.viewer("BKHCN")).when().get("/api/v1/initiatives/" + code)
                .then().statusCode(404);
    }
}
