package vn.nq57.initiative;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import vn.nq57.platform.testing.TestTokens;

@QuarkusTest
class IdempotencyTest {

    @Test
    void aRetryWithTheSameKeyAndBodyReplaysTheFirstAnswerWithoutASecondWrite() {
        String code = Fixtures.uniqueCode("H5");
        Map<String, Object> body = Fixtures.initiative(code, "BGDDT");
        String key = UUID.randomUUID().toString();
        Response first = post(body, key);
        assertEquals(201, first.statusCode());
        Response retry = post(body, key);
        assertEquals(201, retry.statusCode());
        assertEquals("true", retry.header("Idempotent-Replayed"));
        assertEquals(first.path("id").toString(), retry.path("id").toString());
        assertEquals(first.header("Location"), retry.header("Location"));
        assertEquals(first.header("ETag"), retry.header("ETag"));
        given().auth().oauth2(TestTokens.viewer("BGDDT")).queryParam("q", code).when().get("/api/v1/initiatives")
                .then().statusCode(200).body("total", equalTo(1));
        given().auth().oauth2(TestTokens.centralAdmin()).queryParam("entityId", first.path("id").toString())
                .queryParam("entityType", "initiative")
                .when().get("/api/v1/audit").then().statusCode(200).body("total", equalTo(1));
    }

    @Test
    void theSameKeyWithAnotherBodyIs422() {
        String key = UUID.randomUUID().toString();
        String code = Fixtures.uniqueCode("H5");
        assertEquals(201, post(Fixtures.initiative(code, "BGDDT"), key).statusCode());
        Map<String, Object> other = Fixtures.initiative(Fixtures.uniqueCode("H5"), "BGDDT");
        Response r = post(other, key);
        assertEquals(422, r.statusCode());
        assertEquals("application/problem+json", r.contentType());
        given().auth().oauth2(TestTokens.viewer("BGDDT")).when().get("/api/v1/initiatives/" + other.get("code"))
                .then().statusCode(404);
    }

    @Test
    void aFailedRequestDoesNotBurnItsKey() {
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = Fixtures.initiative(Fixtures.uniqueCode("H5"), "BGDDT");
        body.put("leadAgency", "NOWHERE");
        assertEquals(422, post(body, key).statusCode());
        body.put("leadAgency", "BGDDT");
        assertEquals(201, post(body, key).statusCode());
    }

    @Test
    void concurrentRetriesWithOneKeyCreateOneInitiative() throws Exception {
        String code = Fixtures.uniqueCode("H5");
        Map<String, Object> body = Fixtures.initiative(code, "BGDDT");
        String key = UUID.randomUUID().toString();
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<Response>> answers = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                answers.add(pool.submit(() -> post(body, key)));
            }
            for (Future<Response> answer : answers) {
                int status = answer.get().statusCode();
                assertEquals(true, status == 201 || status == 409, "created or 'in progress', got " + status);
            }
        } finally {
            pool.shutdownNow();
        }
        given().auth().oauth2(TestTokens.viewer("BGDDT")).queryParam("q", code).when().get("/api/v1/initiatives")
                .then().statusCode(200).body("total", equalTo(1));
    }

    private static Response post(Map<String, Object> body, String key) {
        return given().auth().oauth2(TestTokens.centralAdmin()).contentType(ContentType.JSON)
                .header("Idempotency-Key", key).body(body)
                .when().post("/api/v1/initiatives").then().extract().response();
    }
}
