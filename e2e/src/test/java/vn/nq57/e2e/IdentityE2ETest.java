package vn.nq57.e2e;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Tokens of the real Keycloak realm carry roles and agency, and the services honour them. */
@ExtendWith(Suite.class)
class IdentityE2ETest {

    private final Suite suite = Suite.get();

    @Test
    void realmTokensCarryTheRolesAndTheAgency() throws Exception {
        JsonNode admin = Suite.claims(suite.token("admin.bkhcn"));
        assertEquals(suite.issuer(), admin.get("iss").asText());
        assertEquals("BKHCN", admin.get("agency").asText());
        assertTrue(admin.get("realm_access").get("roles").toString().contains("ministry-admin"));
        JsonNode submitter = Suite.claims(suite.token("submitter.byt"));
        assertEquals("BYT", submitter.get("agency").asText());
        assertTrue(submitter.get("realm_access").get("roles").toString().contains("data-submitter"));
    }

    @Test
    void everyServiceAcceptsRealmTokensAndRefusesMissingOnes() {
        for (String service : Suite.PORTS.keySet()) {
            given().baseUri(suite.url(service)).when().get("/api/v1/audit").then().statusCode(401);
            given().baseUri(suite.url(service)).auth().oauth2(suite.token("central.admin"))
                    .when().get("/api/v1/audit").then().statusCode(200);
            given().baseUri(suite.url(service)).auth().oauth2(suite.token("viewer.bkhcn"))
                    .when().get("/api/v1/audit").then().statusCode(403);
        }
    }

    @Test
    void aWriteForAnotherAgencyIsRefused() {
        given().baseUri(suite.url("initiative")).auth().oauth2(suite.token("admin.bkhcn"))
                .contentType(ContentType.JSON).body(Flows.initiative(Flows.code("H3"), "BYT"))
                .when().post("/api/v1/initiatives")
                .then().statusCode(403).contentType("application/problem+json").body("status", equalTo(403));
    }
}
