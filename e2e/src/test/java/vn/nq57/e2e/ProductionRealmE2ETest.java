package vn.nq57.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The charts' production realm as the real Keycloak imports it ({@link Suite#PRODUCTION_REALM}, from
 * helm/nq57/files/realm-nq57-production.json): its placeholders resolved from Keycloak's environment, no person to sign
 * in as, the portal redirecting only to its public URL and without password grants, initiative-service's service
 * account working with the secret from the environment only.
 */
@ExtendWith(Suite.class)
class ProductionRealmE2ETest {

    private final Suite suite = Suite.get();
    private final Map<String, String> env = Suite.productionRealmEnv();
    private final String realm = "http://127.0.0.1:" + Suite.KEYCLOAK + "/realms/" + Suite.PRODUCTION_REALM;
    private final String admin = "http://127.0.0.1:" + Suite.KEYCLOAK + "/admin/realms/" + Suite.PRODUCTION_REALM;

    @Test
    void thePlaceholdersComeFromTheEnvironmentAndNoOneCanSignIn() throws Exception {
        String token = suite.adminToken();

        List<String> users = given().auth().oauth2(token).get(admin + "/users?max=1000").then().statusCode(200)
                .extract().jsonPath().getList("username");
        assertThat(users).as("no person (service accounts are not listed)").isEmpty();
        assertThat(given().auth().oauth2(token).get(admin + "/roles").then().statusCode(200).extract().jsonPath()
                .getList("name", String.class)).contains("central-admin", "ministry-admin", "data-submitter", "viewer",
                "federation");

        JsonPath portal = given().auth().oauth2(token).get(admin + "/clients?clientId=portal").then().statusCode(200)
                .extract().jsonPath();
        assertThat(portal.getList("redirectUris[0]", String.class)).containsExactly(env.get("NQ57_PORTAL_URL") + "/*");
        assertThat(portal.getList("webOrigins[0]", String.class)).containsExactly(env.get("NQ57_PORTAL_URL"));
        assertThat(portal.getBoolean("directAccessGrantsEnabled[0]")).isFalse();
        assertThat(portal.getString("attributes[0].'pkce.code.challenge.method'")).isEqualTo("S256");
        given().auth().oauth2(token).get(admin + "/clients/" + portal.getString("id[0]") + "/client-secret")
                .then().statusCode(200).body("value", equalTo(env.get("NQ57_PORTAL_CLIENT_SECRET")));
        assertThat(given().auth().oauth2(token).get(admin + "/clients").then().extract().jsonPath()
                .getList("clientId", String.class)).as("no Swagger UI, service or federation client of the demo")
                .doesNotContain("nq57-api-docs", "kpi-service", "budget-service", "nq57-federation-bkhcn");

        // no password grant, even with the right client secret; a demo user's password gets nobody in
        given().formParams(Map.of("grant_type", "password", "client_id", "portal",
                        "client_secret", env.get("NQ57_PORTAL_CLIENT_SECRET"), "username", "central.admin",
                        "password", Suite.PASSWORD))
                .post(realm + "/protocol/openid-connect/token").then().statusCode(400)
                .body("error", equalTo("unauthorized_client"));

        // initiative-service's service account: the secret from the environment, not the demo one
        String serviceToken = given().formParams(Map.of("grant_type", "client_credentials",
                        "client_id", "initiative-service", "client_secret", env.get("NQ57_SERVICE_CLIENT_SECRET")))
                .post(realm + "/protocol/openid-connect/token").then().statusCode(200).extract().path("access_token");
        given().formParams(Map.of("grant_type", "client_credentials", "client_id", "initiative-service",
                        "client_secret", "local-dev-only-initiative"))
                .post(realm + "/protocol/openid-connect/token").then().statusCode(401);
        // ... with which it reads the realm's users (notifications' recipients)
        given().auth().oauth2(serviceToken).get(admin + "/users?max=5").then().statusCode(200);
        String client = given().auth().oauth2(token).get(admin + "/clients?clientId=initiative-service").then()
                .extract().path("id[0]");
        given().auth().oauth2(token).get(admin + "/clients/" + client + "/service-account-user").then().statusCode(200)
                .body("username", equalTo("service-account-initiative-service"));
    }
}
