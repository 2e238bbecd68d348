package vn.nq57.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What a Kubernetes probe and Prometheus reach, and what the Ingress (the HTTP port) does not: every service of a
 * running instance serves health and metrics on its management port only.
 */
@ExtendWith(Suite.class)
class ManagementE2ETest {

    @Test
    void healthAndMetricsAreOnTheManagementPortAndNotOnTheApiPort() {
        Suite suite = Suite.get();
        for (String service : Suite.PORTS.keySet()) {
            String api = suite.url(service);
            given().baseUri(api).when().get("/q/health/ready").then().statusCode(404);
            given().baseUri(api).when().get("/q/metrics").then().statusCode(404);
            given().baseUri(api).when().get("/api/v1/audit").then().statusCode(401);

            String management = suite.managementUrl(Suite.CENTRAL, service);
            for (String probe : new String[] {"ready", "live"}) {
                io.restassured.response.Response health = suite.health(Suite.CENTRAL, service, probe);
                // a failing check names itself in the body: the failure says which
                assertThat(health.statusCode()).as(service + " " + probe + ": " + health.asString()).isEqualTo(200);
            }
            String metrics = given().baseUri(management).when().get("/q/metrics").then().statusCode(200)
                    .extract().asString();
            assertThat(metrics).as(service).contains("jvm_memory_used_bytes")
                    .as("the API port's requests counted on the management port")
                    .contains("http_server_requests_seconds_count{method=\"GET\",outcome=\"CLIENT_ERROR\",status=\"401\",uri=\"/api/v1/audit\"}");
        }
    }
}
