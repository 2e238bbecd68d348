package vn.nq57.e2e;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.response.Response;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/** The three services integrated through Kafka, driven over HTTP with Keycloak tokens. */
@ExtendWith(Suite.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class IntegrationE2ETest {

    private static final Duration EVENTUAL = Duration.ofSeconds(60);
    private final Suite suite = Suite.get();

    @Test
    @Order(1)
    void anInitiativeReachesTheKpiAndBudgetReplicasAndUnknownOnesAreRefused() {
        String id = Flows.createInitiative(suite, "H4");
        await().atMost(EVENTUAL).untilAsserted(() -> given().baseUri(suite.url("budget"))
                .auth().oauth2(suite.token("viewer.bkhcn")).when().get("/api/v1/initiatives/" + id)
                .then().statusCode(200).body("leadAgency", equalTo("BKHCN")).body("status", equalTo("DRAFT")));
        await().atMost(EVENTUAL).untilAsserted(() -> assertEquals(201, Flows.createIndicator(suite, id).statusCode()));
        assertEquals(422, Flows.createIndicator(suite, UUID.randomUUID().toString()).statusCode());
    }

    @Test
    @Order(2)
    void aMeasurementAndADisbursementChangeTheScorecardAndTheStreamDeliversIt() throws Exception {
        String initiative = Flows.createInitiative(suite, "H2");
        Response indicator = await().atMost(EVENTUAL).until(() -> Flows.createIndicator(suite, initiative),
                r -> r.statusCode() == 201);
        String indicatorCode = indicator.path("code");

        List<String> lines = new CopyOnWriteArrayList<>();
        HttpResponse<Stream<String>> stream = HttpClient.newHttpClient().sendAsync(
                HttpRequest.newBuilder(URI.create(suite.url("initiative") + "/api/v1/scorecard/stream?system=H2"))
                        .header("Authorization", "Bearer " + suite.token("admin.bkhcn"))
                        .header("Accept", "text/event-stream").build(),
                HttpResponse.BodyHandlers.ofLines()).get(30, TimeUnit.SECONDS);
        assertEquals(200, stream.statusCode());
        Thread reader = new Thread(() -> {
            try {
                stream.body().forEach(lines::add);
            } catch (java.io.UncheckedIOException closed) {
                // closed at the end of the test
            }
        });
        reader.setDaemon(true);
        reader.start();
        try {
            Response recorded = Flows.measurement(suite, indicatorCode, "2025", 40);
            assertTrue(recorded.statusCode() == 201 || recorded.statusCode() == 200, recorded.asString());
            await().atMost(EVENTUAL).untilAsserted(() -> given().baseUri(suite.url("initiative"))
                    .auth().oauth2(suite.token("viewer.bkhcn")).when().get("/api/v1/scorecard/initiatives/" + initiative)
                    .then().statusCode(200).body("kpi.indicators", equalTo(1))
                    .body("kpi.grey", equalTo(0)));
            await().atMost(EVENTUAL).until(() -> lines.stream().anyMatch(l -> l.contains(initiative)));

            String allocation = Flows.approvedAllocation(suite, initiative, 1_000_000_000L);
            Flows.disburse(suite, allocation, 250_000_000L, "UNC-E2E-" + UUID.randomUUID());
            await().atMost(EVENTUAL).untilAsserted(() -> given().baseUri(suite.url("initiative"))
                    .auth().oauth2(suite.token("viewer.bkhcn")).when().get("/api/v1/scorecard/initiatives/" + initiative)
                    .then().statusCode(200).body("budget.allocated", equalTo(1_000_000_000))
                    .body("budget.disbursed", equalTo(250_000_000)).body("budget.disbursementRate", equalTo(25.0f)));
        } finally {
            stream.body().close();
        }
    }

    @Test
    @Order(3)
    void aConsumerRestartCausesNoDoubleCounting() throws Exception {
        String initiative = Flows.createInitiative(suite, "H5");
        String allocation = Flows.approvedAllocation(suite, initiative, 800_000_000L);
        Flows.disburse(suite, allocation, 100_000_000L, "UNC-E2E-" + UUID.randomUUID());
        Flows.disburse(suite, allocation, 100_000_000L, "UNC-E2E-" + UUID.randomUUID());
        awaitDisbursed(initiative, 200_000_000);

        suite.restartService("initiative");
        awaitDisbursed(initiative, 200_000_000);
        Flows.disburse(suite, allocation, 50_000_000L, "UNC-E2E-" + UUID.randomUUID());
        awaitDisbursed(initiative, 250_000_000);
        // it stays there: no replayed event adds a second time
        given().baseUri(suite.url("initiative")).auth().oauth2(suite.token("viewer.bkhcn"))
                .when().get("/api/v1/scorecard/initiatives/" + initiative)
                .then().body("budget.disbursed", equalTo(250_000_000));
    }

    @Test
    @Order(4)
    void stoppingTheBrokerWhileWritingLosesNothingOnceItIsBack() throws Exception {
        String initiative = Flows.createInitiative(suite, "H3");
        String allocation = Flows.approvedAllocation(suite, initiative, 600_000_000L);
        awaitAllocated(initiative);

        suite.stopBroker();
        String written = Flows.createInitiative(suite, "H3");
        Flows.disburse(suite, allocation, 150_000_000L, "UNC-E2E-" + UUID.randomUUID());
        // the writes wait in the outboxes: every service stays ready (in a cluster, in its Service) while the broker
        // is away and while its clients reconnect — readiness that followed the Kafka clients took the API down
        await().during(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            for (String service : Suite.PORTS.keySet()) {
                Response ready = suite.health(Suite.CENTRAL, service, "ready");
                assertEquals(200, ready.statusCode(), service + " with the broker away: " + ready.asString());
            }
        });
        suite.startBroker(false);

        awaitDisbursed(initiative, 150_000_000);
        await().atMost(EVENTUAL).untilAsserted(() -> given().baseUri(suite.url("budget"))
                .auth().oauth2(suite.token("viewer.bkhcn")).when().get("/api/v1/initiatives/" + written)
                .then().statusCode(200));
    }

    private void awaitAllocated(String initiative) {
        await().atMost(EVENTUAL).untilAsserted(() -> given().baseUri(suite.url("initiative"))
                .auth().oauth2(suite.token("viewer.bkhcn")).when().get("/api/v1/scorecard/initiatives/" + initiative)
                .then().statusCode(200).body("budget.allocations", equalTo(1)));
    }

    private void awaitDisbursed(String initiative, int amount) {
        await().atMost(EVENTUAL).untilAsserted(() -> given().baseUri(suite.url("initiative"))
                .auth().oauth2(suite.token("viewer.bkhcn")).when().get("/api/v1/scorecard/initiatives/" + initiative)
                .then().statusCode(200).body("budget.disbursed", equalTo(amount)));
    }
}
