package vn.nq57.initiative;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import vn.nq57.platform.testing.TestTokens;

/** Every class of bad input is a 4xx problem+json naming what is wrong, and writes nothing. */
@QuarkusTest
class BadInputTest {

    static Stream<Arguments> invalidBodies() {
        return Stream.of(
                Arguments.of("missing title", (Consumer<Map<String, Object>>) b -> b.remove("titleVi"), "titleVi"),
                Arguments.of("blank content", (Consumer<Map<String, Object>>) b -> b.put("contentOrientation", "  "), "contentOrientation"),
                Arguments.of("unknown system", (Consumer<Map<String, Object>>) b -> b.put("system", "H9"), "system"),
                Arguments.of("no criteria", (Consumer<Map<String, Object>>) b -> b.put("evaluationCriteria", List.of()), "evaluationCriteria"),
                Arguments.of("bad code", (Consumer<Map<String, Object>>) b -> b.put("code", "H4 07!"), "code"),
                Arguments.of("output without due date", (Consumer<Map<String, Object>>) b -> b.put("outputs",
                        List.of(Map.of("description", "Báo cáo"))), "outputs[0].dueDate"),
                Arguments.of("deadline beyond 2045", (Consumer<Map<String, Object>>) b -> b.put("deadline", "2046-01-01"), "deadline"),
                Arguments.of("deadline before its phase (P2 starts 2026)", (Consumer<Map<String, Object>>) b -> b.put("deadline", "2025-12-31"), "deadline"),
                Arguments.of("output due before its phase", (Consumer<Map<String, Object>>) b -> b.put("outputs",
                        List.of(Map.of("description", "Báo cáo", "dueDate", "2025-06-30"))), "outputs[0].dueDate"),
                Arguments.of("milestone due in 1969", (Consumer<Map<String, Object>>) b -> b.put("milestones",
                        List.of(Map.of("title", "Mốc", "dueDate", "1969-12-31"))), "milestones[0].dueDate"),
                Arguments.of("no outputs", (Consumer<Map<String, Object>>) b -> b.put("outputs", List.of()), "outputs"),
                Arguments.of("missing deadline", (Consumer<Map<String, Object>>) b -> b.remove("deadline"), "deadline"));
    }

    @ParameterizedTest(name = "{0} is a 400 naming {2}")
    @MethodSource("invalidBodies")
    void anInvalidBodyIsA400NamingTheField(String name, Consumer<Map<String, Object>> change, String field) {
        String code = Fixtures.uniqueCode("H4");
        Map<String, Object> body = Fixtures.initiative(code, "BKHCN");
        change.accept(body);
        given().auth().oauth2(TestTokens.centralAdmin()).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/initiatives")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("violations.field", hasItem(field))
                .body("violations.message", not(hasItem(containsString("Exception"))));
        notWritten(code);
    }

    static Stream<Arguments> malformedBodies() {
        return Stream.of(
                Arguments.of("not JSON", "{\"code\": \"H4-01\",", null),
                Arguments.of("a date that is not a date", "{\"code\":\"H4-01\",\"deadline\":\"31/12/2030\"}", "deadline"),
                Arguments.of("a number where a boolean belongs", "{\"code\":\"H4-01\",\"key\":{\"a\":1}}", "key"),
                Arguments.of("an array where a string belongs", "{\"code\":[\"H4-01\"]}", "code"),
                Arguments.of("a number where a date belongs (once an epoch day)", "{\"code\":\"H4-01\",\"deadline\":-1}", "deadline"),
                Arguments.of("an output due as a number", "{\"code\":\"H4-01\",\"outputs\":[{\"description\":\"x\","
                        + "\"dueDate\":20261231}]}", "outputs[0].dueDate"),
                Arguments.of("text where a boolean belongs", "{\"code\":\"H4-01\",\"key\":\"true\"}", "key"),
                Arguments.of("a number where text belongs", "{\"code\":4}", "code"),
                Arguments.of("an unknown enum value", "{\"code\":\"H4-01\",\"outputs\":[{\"description\":\"x\","
                        + "\"dueDate\":\"2026-01-01\",\"status\":\"FINISHED\"}]}", "outputs[0].status"));
    }

    @ParameterizedTest(name = "{0} is a 400")
    @MethodSource("malformedBodies")
    void aMalformedBodyIsA400WithoutInternals(String name, String body, String field) {
        ValidatableResponse r = given().auth().oauth2(TestTokens.centralAdmin()).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/initiatives")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("https://nq57.gov.vn/problems/malformed-request"))
                .body("detail", not(containsString("com.fasterxml")))
                .body("detail", not(containsString("vn.nq57")));
        if (field != null) {
            r.body("violations[0].field", equalTo(field));
        }
    }

    @Test
    void anUnknownEnumValueNamesTheAllowedValues() {
        given().auth().oauth2(TestTokens.centralAdmin()).contentType(ContentType.JSON)
                .body("{\"to\":\"FINISHED\",\"reason\":\"x\"}")
                .when().post("/api/v1/initiatives/" + Fixtures.createId("H1", "BTP") + "/transitions")
                .then().statusCode(400)
                .body("violations[0].field", equalTo("to"))
                .body("detail", containsString("APPROVED"));
    }

    @Test
    void anUnsupportedMediaTypeIs415() {
        given().auth().oauth2(TestTokens.centralAdmin()).contentType("text/plain").body("H4-07")
                .when().post("/api/v1/initiatives")
                .then().statusCode(415).contentType("application/problem+json")
                .body("type", equalTo("https://nq57.gov.vn/problems/unsupported-media-type"));
    }

    @Test
    void anEmptyBodyIsA400() {
        given().auth().oauth2(TestTokens.centralAdmin()).contentType(ContentType.JSON)
                .when().post("/api/v1/initiatives")
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void anUnknownIdIsA404Problem() {
        given().auth().oauth2(TestTokens.viewer("BKHCN"))
                .when().get("/api/v1/initiatives/5f0c4a3e-0000-4000-8000-000000000000")
                .then().statusCode(404).contentType("application/problem+json")
                .body("instance", equalTo("/api/v1/initiatives/5f0c4a3e-0000-4000-8000-000000000000"));
        given().auth().oauth2(TestTokens.viewer("BKHCN")).when().get("/api/v1/nothing-here")
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void aDuplicateCodeIsA409() {
        String code = Fixtures.uniqueCode("H2");
        Fixtures.create(Fixtures.initiative(code, "BCT"));
        given().auth().oauth2(TestTokens.centralAdmin()).contentType(ContentType.JSON)
                .body(Fixtures.initiative(code, "BCT"))
                .when().post("/api/v1/initiatives")
                .then().statusCode(409).contentType("application/problem+json")
                .body("detail", containsString(code));
    }

    @Test
    void anUnknownAgencyIsA422NamingTheField() {
        String code = Fixtures.uniqueCode("H2");
        Map<String, Object> body = Fixtures.initiative(code, "BCT");
        body.put("coordinatingAgencies", List.of("NO-SUCH-AGENCY"));
        given().auth().oauth2(TestTokens.centralAdmin()).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/initiatives")
                .then().statusCode(422).body("field", equalTo("coordinatingAgencies"));
        notWritten(code);
    }

    @Test
    void badQueryParametersAre400NotServerErrors() {
        String token = TestTokens.viewer("BKHCN");
        given().auth().oauth2(token).queryParam("status", "DONE").when().get("/api/v1/initiatives")
                .then().statusCode(400).body("violations[0].field", equalTo("status"));
        given().auth().oauth2(token).queryParam("deadlineFrom", "2030-13-45").when().get("/api/v1/initiatives")
                .then().statusCode(400).body("violations[0].field", equalTo("deadlineFrom"));
        given().auth().oauth2(token).queryParam("size", 501).when().get("/api/v1/initiatives")
                .then().statusCode(400).body("violations[0].field", equalTo("size"));
        given().auth().oauth2(token).queryParam("page", -1).when().get("/api/v1/initiatives")
                .then().statusCode(400).body("violations[0].field", equalTo("page"));
        given().auth().oauth2(token).queryParam("key", "maybe").when().get("/api/v1/initiatives")
                .then().statusCode(400).body("violations[0].field", equalTo("key"));
    }

    @Test
    void everyProblemCarriesACorrelationIdEchoedInTheResponse() {
        given().auth().oauth2(TestTokens.viewer("BKHCN")).header("X-Correlation-Id", "test-correlation-0001")
                .when().get("/api/v1/systems/H0")
                .then().statusCode(404)
                .header("X-Correlation-Id", "test-correlation-0001")
                .body("correlationId", equalTo("test-correlation-0001"));
        given().auth().oauth2(TestTokens.viewer("BKHCN"))
                .when().get("/api/v1/systems/H0")
                .then().header("X-Correlation-Id", notNullValue());
    }

    private static void notWritten(String code) {
        given().auth().oauth2(TestTokens.viewer("BKHCN")).when().get("/api/v1/initiatives/" + code)
                .then().statusCode(404);
    }

    @ParameterizedTest(name = "{0} is a 400 problem, never a 500")
    @org.junit.jupiter.params.provider.ValueSource(strings = {"/api/v1/systems/%00", "/api/v1/scorecard/systems/%00",
            "/api/v1/initiatives?q=ab%00cd", "/api/v1/agencies/%C3%28", "/api/v1/initiatives?leadAgency=%FF"})
    void aNulCharacterOrBytesThatAreNotUtf8AreRefusedBeforeAnyResource(String path) {
        given().urlEncodingEnabled(false).auth().oauth2(TestTokens.viewer("BKHCN")).when().get(path)
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", org.hamcrest.Matchers.endsWith("malformed-request"))
                .body("detail", org.hamcrest.Matchers.containsString("NUL character or bytes that are not UTF-8"));
    }
}
