package vn.nq57.e2e;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;
import vn.nq57.client.KeycloakTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Federation for real (issue #6): a central instance and two ministry instances (bkhcn, byt) of the three services,
 * one Keycloak realm with a federation client per ministry, one broker with a topic prefix per instance. bkhcn's
 * kpi-service reaches central through {@link FederationProxy}, which plays the network faults.
 */
@ExtendWith(Suite.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FederationE2ETest {

    private static final Duration EVENTUAL = Duration.ofSeconds(60);
    /** The ministries pull the catalogue every 5 s in this suite. */
    private static final Duration CATALOG_INTERVAL = Duration.ofSeconds(5);
    /** What one pull may take on this loaded 2-core machine (central's query, the local writes, the announcements). */
    private static final Duration PULL_TIME = Duration.ofSeconds(5);
    private static final Suite.Node CENTRAL = Suite.CENTRAL;
    private static final Suite.Node BKHCN = Suite.BKHCN;
    private static final Suite.Node BYT = Suite.BYT;

    private static FederationProxy proxy;
    /** BKHCN's portal, started by the conflict test (its services are BKHCN's). */
    private static final int BKHCN_PORTAL = 18289;
    private static String bkhcnInitiative;
    private static String bkhcnIndicator;
    private final Suite suite = Suite.get();

    @BeforeAll
    static void ministries() throws Exception {
        Suite suite = Suite.get();
        proxy = new FederationProxy(18290, suite.url(CENTRAL, "kpi"));
        // byt's federation client gets 5 s tokens, and byt's OIDC client believes each one lasts 75 s longer and renews
        // it only then (as with a clock skew beyond central's allowance of a minute): central refuses the expired token
        // and byt must fetch a new one, losing nothing
        setTokenLifespan(suite, "nq57-federation-byt", "5");
        suite.startMinistries(Map.of(
                BKHCN, Map.of("kpi/NQ57_FEDERATION_CENTRAL_URL", proxy.url(), "kpi/NQ57_FEDERATION_BATCH_SIZE", "20"),
                BYT, Map.of("NQ57_FEDERATION_TOKEN_EXPIRY_SKEW", "75s", "NQ57_FEDERATION_TOKEN_REFRESH_MARGIN", "0s")));
    }

    @AfterAll
    static void stopProxy() throws Exception {
        if (proxy != null) {
            proxy.close();
        }
        setTokenLifespan(Suite.get(), "nq57-federation-byt", "");
        // the other tests write for BKHCN at central as before any ministry was commissioned: give its rows back
        Suite suite = Suite.get();
        for (String service : SERVICES) {
            given().baseUri(suite.url(CENTRAL, service)).auth().oauth2(suite.token("central.admin"))
                    .queryParam("force", true).when().post("/api/v1/federation/instances/bkhcn/retire")
                    .then().statusCode(200);
        }
        suite.stopMinistries();
    }

    @Test
    @Order(1)
    void aCentralChangeReachesTheMinistryWithinOneSyncIntervalAndItsReplicaIsReadOnly() {
        Instant posted = Instant.now();
        String id = given().baseUri(suite.url(CENTRAL, "initiative")).auth().oauth2(suite.token("central.admin"))
                .contentType(ContentType.JSON).body(Flows.initiative(Flows.code("H1"), "BKHCN"))
                .when().post("/api/v1/initiatives").then().statusCode(201).extract().path("id");
        Instant written = Instant.now();
        Suite.log("central POST /initiatives took " + Duration.between(posted, written).toMillis() + " ms");

        await().atMost(EVENTUAL).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> given()
                .baseUri(suite.url(BKHCN, "initiative")).auth().oauth2(suite.token("viewer.bkhcn"))
                .when().get("/api/v1/initiatives/" + id).then().statusCode(200).body("origin", equalTo("central")));
        Duration reached = Duration.between(written, Instant.now());
        Suite.log("central initiative visible at bkhcn after " + reached.toMillis() + " ms");
        assertTrue(reached.compareTo(CATALOG_INTERVAL.plus(PULL_TIME)) < 0,
                "a central change must reach the ministry within one sync interval (and the pull's own time), took "
                        + reached);

        // the ministry's other services learn it through the ministry's own topics
        await().atMost(EVENTUAL).untilAsserted(() -> given().baseUri(suite.url(BKHCN, "budget"))
                .auth().oauth2(suite.token("viewer.bkhcn")).when().get("/api/v1/initiatives/" + id)
                .then().statusCode(200));

        // read-only locally: a pointer to central
        given().baseUri(suite.url(BKHCN, "initiative")).auth().oauth2(suite.token("admin.bkhcn"))
                .contentType(ContentType.JSON).body(Map.of("to", "IN_PROGRESS", "reason", "thử"))
                .when().post("/api/v1/initiatives/" + id + "/transitions")
                .then().log().ifValidationFails().statusCode(409).body("type", equalTo("https://nq57.gov.vn/problems/read-only-replica"))
                .body("owner", equalTo("central"));
        given().baseUri(suite.url(BKHCN, "initiative")).auth().oauth2(suite.token("central.admin"))
                .contentType(ContentType.JSON)
                .body(Map.of("code", "E2E-X", "nameVi", "Đơn vị thử", "level", "AGENCY_UNIT"))
                .when().post("/api/v1/agencies").then().log().ifValidationFails().statusCode(409)
                .body("type", equalTo("https://nq57.gov.vn/problems/read-only-replica"));

        // byt neither leads nor coordinates it: after byt has synced past the change, it still does not have it
        Instant after = Instant.now();
        await().atMost(EVENTUAL).until(() -> lastCatalogueSync(BYT).isAfter(after));
        given().baseUri(suite.url(BYT, "initiative")).auth().oauth2(suite.token("admin.byt"))
                .when().get("/api/v1/initiatives/" + id).then().statusCode(404);

        // the national indicators at the ministry are central's
        await().atMost(EVENTUAL).untilAsserted(() -> given().baseUri(suite.url(BKHCN, "kpi"))
                .auth().oauth2(suite.token("viewer.bkhcn")).queryParam("tier", "STRATEGIC").queryParam("size", 1)
                .when().get("/api/v1/indicators").then().statusCode(200).body("items[0].origin", equalTo("central")));
    }

    @Test
    @Order(2)
    void aMinistrysOwnWritesReachCentralWithTheirOriginAndCountInItsScorecard() {
        bkhcnInitiative = Flows.createInitiative(suite, BKHCN, "H2");
        await().atMost(EVENTUAL).untilAsserted(() -> given().baseUri(suite.url(CENTRAL, "initiative"))
                .auth().oauth2(suite.token("central.admin")).when().get("/api/v1/initiatives/" + bkhcnInitiative)
                .then().statusCode(200).body("origin", equalTo("bkhcn")).body("leadAgency.code", equalTo("BKHCN")));

        bkhcnIndicator = await().atMost(EVENTUAL).until(() -> Flows.createIndicator(suite, BKHCN, bkhcnInitiative),
                r -> r.statusCode() == 201).path("code");
        Response recorded = Flows.measurement(suite, BKHCN, bkhcnIndicator, "2025", 40);
        assertTrue(recorded.statusCode() == 201 || recorded.statusCode() == 200, recorded.asString());

        await().atMost(EVENTUAL).untilAsserted(() -> given().baseUri(suite.url(CENTRAL, "kpi"))
                .auth().oauth2(suite.token("central.admin")).queryParam("indicator", bkhcnIndicator)
                .when().get("/api/v1/measurements").then().statusCode(200)
                .body("items.size()", equalTo(1)).body("items[0].origin", equalTo("bkhcn"))
                .body("items[0].value", equalTo(40)));
        await().atMost(EVENTUAL).untilAsserted(() -> given().baseUri(suite.url(CENTRAL, "kpi"))
                .auth().oauth2(suite.token("central.admin")).when().get("/api/v1/evaluation/indicators/" + bkhcnIndicator)
                .then().statusCode(200).body("actual", equalTo(40)).body("latestPeriod", equalTo("2025")));

        String obstacle = given().baseUri(suite.url(BKHCN, "initiative")).auth().oauth2(suite.token("admin.bkhcn"))
                .contentType(ContentType.JSON)
                .body(Map.of("initiativeId", bkhcnInitiative, "filedByAgency", "BKHCN", "askedAgency", "BTC",
                        "description", "Chưa có hướng dẫn thanh toán dịch vụ đám mây",
                        "request", "Đề nghị Bộ Tài chính hướng dẫn"))
                .when().post("/api/v1/obstacles").then().statusCode(201).extract().path("id");
        await().atMost(EVENTUAL).untilAsserted(() -> given().baseUri(suite.url(CENTRAL, "initiative"))
                .auth().oauth2(suite.token("central.admin")).queryParam("initiativeId", bkhcnInitiative)
                .when().get("/api/v1/obstacles").then().statusCode(200)
                .body("items.origin", hasItem("bkhcn")));

        // BTC is not BKHCN's to answer: it is answered at central, and the answer flows back to the bkhcn instance
        String answer = "Bộ Tài chính đã hướng dẫn tại Thông tư số 12/2026/TT-BTC";
        given().baseUri(suite.url(CENTRAL, "initiative")).auth().oauth2(suite.token("central.admin"))
                .contentType(ContentType.JSON).body(Map.of("answer", answer))
                .when().post("/api/v1/obstacles/" + obstacle + "/answer").then().statusCode(200)
                .body("status", equalTo("ANSWERED")).body("answeredByInstance", equalTo("central"));
        await().atMost(EVENTUAL).untilAsserted(() -> given().baseUri(suite.url(BKHCN, "initiative"))
                .auth().oauth2(suite.token("admin.bkhcn")).when().get("/api/v1/obstacles/" + obstacle).then()
                .statusCode(200).body("status", equalTo("ANSWERED")).body("answer", equalTo(answer))
                .body("answeredByInstance", equalTo("central")).body("origin", equalTo("bkhcn")));
        // the ministry's row, now answered, comes back to central as its own change
        await().atMost(EVENTUAL).untilAsserted(() -> given().baseUri(suite.url(CENTRAL, "initiative"))
                .auth().oauth2(suite.token("central.admin")).when().get("/api/v1/obstacles/" + obstacle).then()
                .statusCode(200).body("version", equalTo(1)).body("answer", equalTo(answer))
                .body("status", equalTo("ANSWERED")));

        int year = java.time.LocalDate.now(Flows.VIETNAM).getYear();
        Flows.ensureFiscalYear(suite, BKHCN, year);
        // central records a ministry's allocations under central's own fiscal years (the national figures)
        Flows.ensureFiscalYear(suite, CENTRAL, year);
        await().atMost(EVENTUAL).until(() -> given().baseUri(suite.url(BKHCN, "budget"))
                .auth().oauth2(suite.token("viewer.bkhcn")).when().get("/api/v1/initiatives/" + bkhcnInitiative)
                .statusCode() == 200);
        Response planned = given().baseUri(suite.url(BKHCN, "budget")).auth().oauth2(suite.token("admin.bkhcn"))
                .contentType(ContentType.JSON)
                .body(Map.of("initiativeId", bkhcnInitiative, "fiscalYear", year, "fundingSource", "ODA",
                        "amount", 700_000_000L))
                .when().post("/api/v1/allocations").then().statusCode(201).extract().response();
        // an ODA allocation is approved by the lead agency's ministry admin (central approves only central budget)
        given().baseUri(suite.url(BKHCN, "budget")).auth().oauth2(suite.token("admin.bkhcn"))
                .contentType(ContentType.JSON).header("If-Match", planned.header("ETag"))
                .body(Map.of("note", "Phê duyệt vốn ODA"))
                .when().post("/api/v1/allocations/" + planned.path("id") + "/approval").then().statusCode(200);
        await().atMost(EVENTUAL).untilAsserted(() -> given().baseUri(suite.url(CENTRAL, "budget"))
                .auth().oauth2(suite.token("central.admin")).queryParam("origin", "bkhcn")
                .when().get("/api/v1/allocations").then().statusCode(200)
                .body("items.initiative.id", hasItem(bkhcnInitiative)));

        // central's scorecard of that initiative counts the ministry's indicator and allocation
        await().atMost(EVENTUAL).untilAsserted(() -> given().baseUri(suite.url(CENTRAL, "initiative"))
                .auth().oauth2(suite.token("central.admin")).when().get("/api/v1/scorecard/initiatives/" + bkhcnInitiative)
                .then().statusCode(200).body("kpi.indicators", equalTo(1)).body("budget.allocated", equalTo(700_000_000)));
        // and the lists filter by origin
        given().baseUri(suite.url(CENTRAL, "initiative")).auth().oauth2(suite.token("central.admin"))
                .queryParam("origin", "bkhcn").queryParam("size", 500)
                .when().get("/api/v1/initiatives").then().statusCode(200)
                .body("items.id", hasItem(bkhcnInitiative)).body("items.origin", org.hamcrest.Matchers.everyItem(equalTo("bkhcn")));
    }

    @Test
    @Order(3)
    void whileCentralIsDownTheMinistryKeepsWorkingAndEverythingArrivesOnceInOrder() throws Exception {
        suite.stopService(CENTRAL, "kpi");
        try {
            for (int value = 41; value <= 45; value++) {
                Response r = Flows.measurement(suite, BKHCN, bkhcnIndicator, "2025", value);
                assertEquals(200, r.statusCode(), r.asString());
            }
            for (int year = 2020; year <= 2024; year++) {
                assertEquals(201, Flows.measurement(suite, BKHCN, bkhcnIndicator, String.valueOf(year), year - 2000)
                        .statusCode());
            }
            await().atMost(EVENTUAL).untilAsserted(() -> given().baseUri(suite.url(BKHCN, "kpi"))
                    .auth().oauth2(suite.token("admin.bkhcn")).when().get("/api/v1/federation/health").then()
                    .statusCode(200).body("forwarder.pendingEvents", greaterThan(0))
                    .body("forwarder.consecutiveFailures", greaterThan(0)).body("forwarder.lastError", notNullValue()));
        } finally {
            suite.startService(CENTRAL, "kpi");
            suite.awaitReady(CENTRAL, "kpi", Duration.ofSeconds(120));
        }
        await().atMost(EVENTUAL).untilAsserted(() -> assertEquals(0, health(BKHCN, "kpi").path("forwarder").path("pendingEvents").asInt()));
        Map<String, String> atCentral = state(CENTRAL, bkhcnIndicator);
        assertEquals(6, atCentral.size());
        assertEquals(state(BKHCN, bkhcnIndicator), atCentral);
        assertEquals(45, measurements(CENTRAL, bkhcnIndicator).getInt("items.find { it.period == '2025' }.value"));
    }

    @Test
    @Order(4)
    void aForwarderKilledAfterCentralAppliedItsBatchResendsItWithoutDoubleEffect() throws Exception {
        proxy.mode(FederationProxy.Mode.DOWN);
        List<String> agencies = List.of("BKHCN-CDMST", "BKHCN-CCDSQG", "BKHCN-CSHTT");
        for (String agency : agencies) {
            for (int year = 2020; year <= 2026; year++) {
                int status = given().baseUri(suite.url(BKHCN, "kpi")).auth().oauth2(suite.token("submitter.bkhcn"))
                        .contentType(ContentType.JSON)
                        .body(Map.of("indicator", bkhcnIndicator, "period", String.valueOf(year), "agency", agency,
                                "value", year - 2000))
                        .when().post("/api/v1/measurements").then().extract().statusCode();
                assertEquals(201, status);
            }
        }
        proxy.mode(FederationProxy.Mode.APPLY_THEN_HANG);
        assertTrue(proxy.awaitAppliedAndHeld(EVENTUAL), "the forwarder did not post a batch");
        suite.killService(BKHCN, "kpi");
        proxy.releaseHeld();
        proxy.mode(FederationProxy.Mode.PASS);
        suite.startService(BKHCN, "kpi");
        suite.awaitReady(BKHCN, "kpi", Duration.ofSeconds(120));

        await().atMost(EVENTUAL).untilAsserted(() -> assertEquals(0, health(BKHCN, "kpi").path("forwarder").path("pendingEvents").asInt()));
        JsonNode held = proxy.deliveries().stream().filter(d -> d.mode() == FederationProxy.Mode.APPLY_THEN_HANG)
                .findFirst().orElseThrow().request();
        List<String> heldIds = new ArrayList<>();
        held.path("events").forEach(e -> heldIds.add(e.path("id").asText()));
        // sent again after the restart: central answered DUPLICATE for every event it had applied
        List<String> duplicates = new ArrayList<>();
        proxy.deliveries().stream().filter(d -> d.mode() == FederationProxy.Mode.PASS && d.answer() != null)
                .forEach(d -> d.answer().path("results").forEach(r -> {
                    if ("DUPLICATE".equals(r.path("status").asText())) {
                        duplicates.add(r.path("id").asText());
                    }
                }));
        assertTrue(duplicates.containsAll(heldIds), "the held batch was not re-sent: " + heldIds + " vs " + duplicates);

        Map<String, String> atCentral = state(CENTRAL, bkhcnIndicator);
        assertEquals(6 + agencies.size() * 7, atCentral.size());
        assertEquals(state(BKHCN, bkhcnIndicator), atCentral);
    }

    @Test
    @Order(5)
    void aBatchDeliveredTwiceIsAppliedOnce() {
        proxy.once(FederationProxy.Mode.TWICE);
        int before = proxy.deliveries().size();
        assertEquals(201, Flows.measurement(suite, BKHCN, bkhcnIndicator, "2026", 15).statusCode());
        await().atMost(EVENTUAL).until(() -> proxy.deliveries().stream().skip(before)
                .anyMatch(d -> d.mode() == FederationProxy.Mode.TWICE));
        JsonNode second = proxy.deliveries().stream().skip(before).filter(d -> d.mode() == FederationProxy.Mode.TWICE)
                .findFirst().orElseThrow().answer();
        assertTrue(second.path("results").size() > 0);
        second.path("results").forEach(r -> assertEquals("DUPLICATE", r.path("status").asText(), r.toString()));
        await().atMost(EVENTUAL).untilAsserted(() -> assertEquals(state(BKHCN, bkhcnIndicator),
                state(CENTRAL, bkhcnIndicator)));
    }

    @Test
    @Order(6)
    void eventsOutOfOrderAndForAnUnknownIndicatorAreParkedAndAppliedInOrder() {
        proxy.mode(FederationProxy.Mode.DOWN);
        String code = await().atMost(EVENTUAL).until(() -> Flows.createIndicator(suite, BKHCN, bkhcnInitiative),
                r -> r.statusCode() == 201).path("code");
        assertEquals(201, Flows.measurement(suite, BKHCN, code, "2025", 10).statusCode());
        assertEquals(200, Flows.measurement(suite, BKHCN, code, "2025", 20).statusCode());
        assertEquals(200, Flows.measurement(suite, BKHCN, code, "2025", 30).statusCode());
        int before = proxy.deliveries().size();
        // the next batch reaches central reversed: the measurement's versions newest first, the indicator last
        proxy.once(FederationProxy.Mode.REVERSE);
        await().atMost(EVENTUAL).until(() -> proxy.deliveries().stream().skip(before)
                .anyMatch(d -> d.mode() == FederationProxy.Mode.REVERSE));
        JsonNode answer = proxy.deliveries().stream().skip(before).filter(d -> d.mode() == FederationProxy.Mode.REVERSE)
                .findFirst().orElseThrow().answer();
        List<String> statuses = StreamSupport.stream(answer.path("results").spliterator(), false)
                .map(r -> r.path("status").asText()).toList();
        assertTrue(statuses.contains("PARKED"), "nothing was parked: " + answer);

        await().atMost(EVENTUAL).untilAsserted(() -> given().baseUri(suite.url(CENTRAL, "kpi"))
                .auth().oauth2(suite.token("central.admin")).queryParam("indicator", code)
                .when().get("/api/v1/measurements").then().statusCode(200)
                .body("items.size()", equalTo(1)).body("items[0].value", equalTo(30)));
        assertEquals(state(BKHCN, code), state(CENTRAL, code));
        await().atMost(EVENTUAL).untilAsserted(() -> assertEquals(0, origin(CENTRAL, "kpi", "bkhcn").path("parkedNow").asInt()));
    }

    @Test
    @Order(7)
    void aMinistryTokenCannotSendAnotherMinistrysEvents() throws Exception {
        String bkhcnClient = clientToken("nq57-federation-bkhcn", "local-dev-only-federation-bkhcn");
        Map<String, Object> event = new java.util.LinkedHashMap<>();
        event.put("specversion", "1.0");
        event.put("id", UUID.randomUUID().toString());
        event.put("source", "/instances/byt/kpi-service");
        event.put("type", "nq57.measurement.recorded.v1");
        event.put("subject", UUID.randomUUID().toString());
        event.put("time", java.time.OffsetDateTime.now().toString());
        event.put("aggregateversion", 1);
        event.put("origininstance", "byt");
        event.put("data", Map.of("agency", "BYT"));
        given().baseUri(suite.url(CENTRAL, "kpi")).auth().oauth2(bkhcnClient).contentType(ContentType.JSON)
                .body(Map.of("events", List.of(event))).when().post("/api/v1/federation/events")
                .then().statusCode(200).body("results[0].status", equalTo("REJECTED"));
        assertTrue(origin(CENTRAL, "kpi", "bkhcn").path("rejected").asInt() >= 1);
        assertTrue(origin(CENTRAL, "kpi", "bkhcn").path("lastRejection").asText().contains("byt"));
        // a user token cannot post events at all
        given().baseUri(suite.url(CENTRAL, "kpi")).auth().oauth2(suite.token("admin.bkhcn")).contentType(ContentType.JSON)
                .body(Map.of("events", List.of(event))).when().post("/api/v1/federation/events").then().statusCode(403);
        given().baseUri(suite.url(CENTRAL, "kpi")).contentType(ContentType.JSON)
                .body(Map.of("events", List.of(event))).when().post("/api/v1/federation/events").then().statusCode(401);
    }

    @Test
    @Order(8)
    void anExpiredFederationTokenIsRefreshedTransparently() throws Exception {
        String first = Flows.createInitiativeLedBy(suite, BYT, "H6", "BYT", "admin.byt");
        awaitAtCentral(first, "byt");
        double refused = metric(BYT, "initiative", "nq57_federation_tokens_refused_total");
        double fetched = metric(BYT, "initiative", "nq57_federation_tokens_fetched_total");
        // byt's catalogue pulls (every 5 s) keep using the cached token: central refuses it once it has expired
        await().atMost(Duration.ofSeconds(150)).pollInterval(Duration.ofSeconds(2)).until(
                () -> metric(BYT, "initiative", "nq57_federation_tokens_refused_total") > refused);
        String second = Flows.createInitiativeLedBy(suite, BYT, "H6", "BYT", "admin.byt");
        awaitAtCentral(second, "byt");
        assertTrue(metric(BYT, "initiative", "nq57_federation_tokens_fetched_total") > fetched,
                "no new token was fetched after expiry");
        assertEquals(0, health(BYT, "initiative").path("forwarder").path("pendingEvents").asInt());
    }

    @Test
    @Order(9)
    void healthShowsEachSideAndAResyncResendsWithoutChangingCentral() {
        JsonNode central = health(CENTRAL, "kpi");
        List<String> origins = new ArrayList<>();
        central.path("origins").forEach(o -> origins.add(o.path("origin").asText()));
        assertTrue(origins.contains("bkhcn"), central.toString());
        JsonNode bkhcn = origin(CENTRAL, "kpi", "bkhcn");
        assertTrue(bkhcn.path("applied").asLong() > 0 && bkhcn.path("duplicates").asLong() > 0, bkhcn.toString());
        assertTrue(bkhcn.hasNonNull("lastReceivedAt") && bkhcn.hasNonNull("lastLagMs"), bkhcn.toString());

        JsonNode ministry = health(BKHCN, "initiative");
        assertEquals("ministry", ministry.path("role").asText());
        assertTrue(ministry.path("catalogue").hasNonNull("lastSyncAt"), ministry.toString());
        assertEquals(0, ministry.path("forwarder").path("pendingEvents").asInt());

        String metrics = given().baseUri(suite.managementUrl(BKHCN, "kpi")).when().get("/q/metrics").then().statusCode(200)
                .extract().asString();
        assertTrue(metrics.contains("nq57_federation_forward_pending"), "forwarder metrics missing");

        Map<String, String> before = state(CENTRAL, bkhcnIndicator);
        long duplicatesBefore = bkhcn.path("duplicates").asLong();
        given().baseUri(suite.url(BKHCN, "kpi")).auth().oauth2(suite.token("admin.bkhcn")).contentType(ContentType.JSON)
                .body(Map.of("forwardFrom", 0)).when().post("/api/v1/federation/resync")
                .then().statusCode(200).body("eventsToResend", greaterThan(0));
        await().atMost(EVENTUAL).untilAsserted(() -> assertTrue(
                origin(CENTRAL, "kpi", "bkhcn").path("duplicates").asLong() > duplicatesBefore));
        await().atMost(EVENTUAL).untilAsserted(() -> assertEquals(0, health(BKHCN, "kpi").path("forwarder").path("pendingEvents").asInt()));
        assertEquals(before, state(CENTRAL, bkhcnIndicator));
    }

    // --- helpers ---

    private JsonPath measurements(Suite.Node node, String indicator) {
        return given().baseUri(suite.url(node, "kpi")).auth().oauth2(suite.token("central.admin"))
                .queryParam("indicator", indicator).queryParam("size", 500)
                .when().get("/api/v1/measurements").then().statusCode(200).extract().jsonPath();
    }

    /** An indicator's values at an instance: measurement id → agency, period, value, status and version. */
    private Map<String, String> state(Suite.Node node, String indicator) {
        Map<String, String> state = new java.util.TreeMap<>();
        List<Map<String, Object>> items = measurements(node, indicator).getList("items");
        items.forEach(m -> state.put(String.valueOf(m.get("id")), m.get("agency") + " " + m.get("period") + " = "
                + m.get("value") + " " + m.get("status") + " v" + m.get("version")));
        return state;
    }

    /**
     * The issue #20 story: central already holds BKHCN's value of a national indicator for a period (entered at central
     * before the ministry had its instance); submitter.bkhcn reports the same at bkhcn and gets 201. Central refuses the
     * forwarded write, and the ministry now knows: the value's federation status is REJECTED with central's reason, the
     * ministry's admins list it, central's admins list it from their side; the ministry's admin withdraws it.
     */
    @Test
    @Order(10)
    void aValueCentralRefusesIsMarkedRejectedAtTheMinistryAndListedAtBothEnds() {
        JsonNode indicator = firstNationalIndicator();
        String code = indicator.path("code").asText();
        String period = switch (indicator.path("frequency").asText()) {
            case "QUARTERLY" -> "2024Q4";
            case "MONTHLY" -> "2024-12";
            default -> "2024";
        };
        given().baseUri(suite.url(CENTRAL, "kpi")).auth().oauth2(suite.token("central.admin")).contentType(ContentType.JSON)
                .body(Map.of("indicator", code, "period", period, "agency", "BKHCN", "value", 57.8))
                .when().post("/api/v1/measurements").then().log().ifValidationFails()
                .statusCode(org.hamcrest.Matchers.oneOf(201, 409));   // 409: another test's value is there already
        await().atMost(EVENTUAL).untilAsserted(() -> given().baseUri(suite.url(BKHCN, "kpi"))
                .auth().oauth2(suite.token("viewer.bkhcn")).when().get("/api/v1/indicators/" + code).then().statusCode(200));

        String value = Flows.measurement(suite, BKHCN, code, period, 77.5).then().log().ifValidationFails()
                .statusCode(201).extract().path("id");

        String record = "/api/v1/federation/records/" + value;
        await().atMost(EVENTUAL).untilAsserted(() -> given().baseUri(suite.url(BKHCN, "kpi"))
                .auth().oauth2(suite.token("submitter.bkhcn")).when().get(record).then().statusCode(200)
                .body("state", equalTo("REJECTED"))
                .body("detail", org.hamcrest.Matchers.containsString("central holds another value")));
        String mine = "items.find { it.aggregateId == '" + value + "' }";
        String eventId = given().baseUri(suite.url(BKHCN, "kpi")).auth().oauth2(suite.token("admin.bkhcn"))
                .queryParam("size", 500).when().get("/api/v1/federation/conflicts").then().statusCode(200)
                .body(mine + ".origin", equalTo("bkhcn")).body(mine + ".status", equalTo("REJECTED"))
                .extract().path(mine + ".eventId");
        String theirs = "items.find { it.eventId == '" + eventId + "' }";
        given().baseUri(suite.url(CENTRAL, "kpi")).auth().oauth2(suite.token("central.admin"))
                .queryParam("origin", "bkhcn").queryParam("size", 500).when().get("/api/v1/federation/conflicts")
                .then().statusCode(200).body(theirs + ".aggregateId", equalTo(value))
                .body(theirs + ".reason", org.hamcrest.Matchers.containsString("central holds another value"));
        // central's scorecard still shows its own value; the ministry's stays where it was written
        given().baseUri(suite.url(BKHCN, "kpi")).auth().oauth2(suite.token("viewer.bkhcn"))
                .when().get("/api/v1/measurements/" + value).then().statusCode(200).body("value", equalTo(77.5f));

        // BKHCN's admin resolves it in the ministry's own portal, in a real browser
        try {
            suite.startPortal(BKHCN, BKHCN_PORTAL);
            String portal = "http://127.0.0.1:" + BKHCN_PORTAL;
            try (Browser browser = new Browser();
                 com.microsoft.playwright.BrowserContext context = browser.context(1280, 900)) {
                com.microsoft.playwright.Page page = Browser.signIn(context, portal, "admin.bkhcn");
                page.navigate(portal + "/values/" + value);
                org.assertj.core.api.Assertions.assertThat(page.locator("#federation-state").innerText())
                        .contains("Trung ương từ chối nhận", "Trung ương đang giữ một giá trị khác");
                page.navigate(portal + "/work");
                page.locator("#work-conflicts a").click();
                com.microsoft.playwright.Locator card = page.locator("#conflict-" + eventId);
                org.assertj.core.api.Assertions.assertThat(card.innerText()).contains("Trung ương đang giữ một giá trị khác");
                org.assertj.core.api.Assertions.assertThat(Browser.accessibilityProblems(page)).isEmpty();
                Browser.shot(page, "federation-conflicts");
                card.locator("input[value=WITHDRAW]").check();
                card.locator("input[name=note]").fill("Giữ số liệu của trung ương");
                card.locator("button[type=submit]").click();
                org.assertj.core.api.Assertions.assertThat(page.locator("#done").innerText()).contains("Đã rút lại");
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        given().baseUri(suite.url(BKHCN, "kpi")).auth().oauth2(suite.token("admin.bkhcn"))
                .queryParam("all", true).queryParam("size", 500).when().get("/api/v1/federation/conflicts").then()
                .statusCode(200).body(mine + ".resolution", equalTo("WITHDRAW"))
                .body(mine + ".resolvedBy", equalTo("admin.bkhcn")).body(mine + ".note", equalTo("Giữ số liệu của trung ương"));
        given().baseUri(suite.url(BKHCN, "kpi")).auth().oauth2(suite.token("admin.bkhcn"))
                .queryParam("size", 500).when().get("/api/v1/federation/conflicts").then().statusCode(200)
                .body("items.eventId", org.hamcrest.Matchers.not(hasItem(eventId)));
    }

    /** The services that hand a ministry's rows over. */
    private static final List<String> SERVICES = List.of("initiative", "kpi", "budget");
    /** Central's value for BKHCN written before bkhcn was commissioned, and the initiative central created for it. */
    private static String handedValue;
    private static String handedInitiative;

    @Test
    @Order(11)
    void commissioningHandsCentralsRowsForTheMinistryOverWithoutAWindowOfTwoWriters() {
        JsonNode indicator = firstNationalIndicator();
        String code = indicator.path("code").asText();
        String period = period(indicator, "2023");
        String admin = suite.token("central.admin");
        // central holds data for BKHCN of its own: a value, an initiative BKHCN leads, an approved allocation with a payment
        handedValue = given().baseUri(suite.url(CENTRAL, "kpi")).auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("indicator", code, "period", period, "agency", "BKHCN", "value", 12.5))
                .when().post("/api/v1/measurements").then().log().ifValidationFails().statusCode(201).extract().path("id");
        handedInitiative = Flows.createInitiativeLedBy(suite, CENTRAL, "H3", "BKHCN", "central.admin");
        String allocation = Flows.approvedAllocation(suite, CENTRAL, handedInitiative, 7_000_000);
        given().baseUri(suite.url(CENTRAL, "budget")).auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("date", java.time.LocalDate.now(Flows.VIETNAM).toString(), "amount", 1_000_000,
                        "paymentReference", "UNC-HANDOVER-1"))
                .when().post("/api/v1/allocations/" + allocation + "/disbursements").then().statusCode(201);
        await().atMost(EVENTUAL).untilAsserted(() -> given().baseUri(suite.url(BKHCN, "initiative"))
                .auth().oauth2(suite.token("viewer.bkhcn")).when().get("/api/v1/initiatives/" + handedInitiative)
                .then().statusCode(200).body("origin", equalTo("central")));

        Instant t0 = Instant.now();
        for (String service : SERVICES) {
            given().baseUri(suite.url(CENTRAL, service)).auth().oauth2(admin).contentType(ContentType.JSON)
                    .body(Map.of("agency", "BKHCN")).when().post("/api/v1/federation/instances/bkhcn/commission")
                    .then().log().ifValidationFails().statusCode(200).body("state", equalTo("COMMISSIONING"))
                    .body("agency", equalTo("BKHCN")).body("startedBy", equalTo("central.admin"));
        }
        // from that moment central refuses writes for BKHCN, to the rows it held and to new ones
        given().baseUri(suite.url(CENTRAL, "kpi")).auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("indicator", code, "period", period, "agency", "BKHCN", "value", 13))
                .when().post("/api/v1/measurements").then().statusCode(409).body("type", endsWith("read-only-replica"));
        given().baseUri(suite.url(CENTRAL, "kpi")).auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("indicator", code, "period", period(indicator, "2022"), "agency", "BKHCN", "value", 13))
                .when().post("/api/v1/measurements").then().statusCode(409).body("type", endsWith("read-only-replica"))
                .body("owner", equalTo("bkhcn"));
        given().baseUri(suite.url(CENTRAL, "initiative")).auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Flows.initiative(Flows.code("H3"), "BKHCN")).when().post("/api/v1/initiatives")
                .then().statusCode(409).body("type", endsWith("read-only-replica"));
        Instant federated = null;
        for (String service : SERVICES) {
            await().atMost(EVENTUAL).untilAsserted(() -> given().baseUri(suite.url(CENTRAL, service))
                    .auth().oauth2(admin).when().get("/api/v1/federation/instances/bkhcn").then().statusCode(200)
                    .body("state", equalTo("FEDERATED")));
            federated = Instant.now();
        }
        Suite.log("hand-over of bkhcn's rows: FEDERATED at all three services " + Duration.between(t0, federated).toMillis()
                + " ms after the commissioning started");
        // the counts match: what central holds as bkhcn's is what bkhcn reported it wrote, kind by kind
        for (String service : SERVICES) {
            String body = given().baseUri(suite.url(CENTRAL, service)).auth().oauth2(admin)
                    .when().get("/api/v1/federation/instances").then().statusCode(200).extract().asString();
            JsonNode view = json(body).path(0);
            Suite.log(service + ": switched " + view.path("switched") + ", owned " + view.path("owned")
                    + ", transferred " + view.path("transferred"));
            view.path("owned").fields().forEachRemaining(e -> org.assertj.core.api.Assertions
                    .assertThat(view.path("transferred").path(e.getKey()).asLong()).as(service + " " + e.getKey())
                    .isLessThanOrEqualTo(e.getValue().asLong()));
            given().baseUri(suite.url(BKHCN, service)).auth().oauth2(suite.token("admin.bkhcn"))
                    .when().get("/api/v1/federation/handover").then().statusCode(200).body("complete", equalTo(true))
                    .body("centralState", org.hamcrest.Matchers.oneOf("COMMISSIONING", "FEDERATED"));
        }
        // every BKHCN record is bkhcn's at both ends, with its history and audit trail
        for (Suite.Node node : List.of(CENTRAL, BKHCN)) {
            given().baseUri(suite.url(node, "kpi")).auth().oauth2(suite.token("viewer.bkhcn"))
                    .when().get("/api/v1/measurements/" + handedValue).then().statusCode(200)
                    .body("origin", equalTo("bkhcn")).body("value", equalTo(12.5f));
            given().baseUri(suite.url(node, "initiative")).auth().oauth2(suite.token("viewer.bkhcn"))
                    .when().get("/api/v1/initiatives/" + handedInitiative).then().statusCode(200)
                    .body("origin", equalTo("bkhcn"));
            given().baseUri(suite.url(node, "budget")).auth().oauth2(suite.token("viewer.bkhcn"))
                    .when().get("/api/v1/allocations/" + allocation).then().statusCode(200)
                    .body("origin", equalTo("bkhcn")).body("disbursed", equalTo(1_000_000));
        }
        // (central.admin's entry carries no agency: an admin of the whole tree reads it)
        given().baseUri(suite.url(BKHCN, "kpi")).auth().oauth2(admin)
                .queryParam("entityId", handedValue).when().get("/api/v1/audit").then().statusCode(200)
                .body("items.action", hasItem("measurement.recorded"));
        // a write at bkhcn to a handed-over row is applied at central
        given().baseUri(suite.url(BKHCN, "kpi")).auth().oauth2(suite.token("submitter.bkhcn")).contentType(ContentType.JSON)
                .body(Map.of("indicator", code, "period", period, "agency", "BKHCN", "value", 14.25))
                .when().post("/api/v1/measurements").then().log().ifValidationFails().statusCode(200)
                .body("id", equalTo(handedValue));
        await().atMost(EVENTUAL).untilAsserted(() -> given().baseUri(suite.url(CENTRAL, "kpi"))
                .auth().oauth2(suite.token("viewer.central")).when().get("/api/v1/measurements/" + handedValue)
                .then().statusCode(200).body("value", equalTo(14.25f)));
        // the value central refused before (test 10) was kept out of the hand-over: bkhcn holds its own for that key;
        // written again it becomes central's copy
        JsonNode kept = json(given().baseUri(suite.url(BKHCN, "kpi")).auth().oauth2(suite.token("admin.bkhcn"))
                .when().get("/api/v1/federation/handover").then().statusCode(200).extract().asString());
        org.assertj.core.api.Assertions.assertThat(kept.path("kept").asLong()).isGreaterThanOrEqualTo(1);
        // BKHCN's admin follows the hand-over in the ministry's portal, in a real browser
        try (Browser browser = new Browser();
             com.microsoft.playwright.BrowserContext context = browser.context(1280, 900)) {
            String portal = "http://127.0.0.1:" + BKHCN_PORTAL;
            com.microsoft.playwright.Page page = Browser.signIn(context, portal, "admin.bkhcn");
            page.navigate(portal + "/federation/instances");
            org.assertj.core.api.Assertions.assertThat(page.locator("#pull-kpi-card").innerText())
                    .contains("Đã bàn giao, đang kết nối", "Đã nhận đủ", "giữ bản của bộ");
            org.assertj.core.api.Assertions.assertThat(Browser.accessibilityProblems(page)).isEmpty();
            Browser.shot(page, "federation-handover");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        String refusedPeriod = period(indicator, "2024");
        given().baseUri(suite.url(BKHCN, "kpi")).auth().oauth2(suite.token("submitter.bkhcn")).contentType(ContentType.JSON)
                .body(Map.of("indicator", code, "period", refusedPeriod, "agency", "BKHCN", "value", 77.75))
                .when().post("/api/v1/measurements").then().log().ifValidationFails().statusCode(200);
        await().atMost(EVENTUAL).untilAsserted(() -> given().baseUri(suite.url(CENTRAL, "kpi"))
                .auth().oauth2(suite.token("viewer.central")).queryParam("indicator", code).queryParam("agency", "BKHCN")
                .queryParam("period", refusedPeriod).when().get("/api/v1/measurements").then().statusCode(200)
                .body("items[0].value", equalTo(77.75f)).body("items[0].origin", equalTo("bkhcn")));
    }

    @Test
    @Order(12)
    void aRetiredMinistrysDataIsCentralsAgainAndItsEventsAreRefused() {
        String admin = suite.token("central.admin");
        JsonNode indicator = firstNationalIndicator();
        String code = indicator.path("code").asText();
        String bytValue = given().baseUri(suite.url(BYT, "kpi")).auth().oauth2(suite.token("submitter.byt"))
                .contentType(ContentType.JSON)
                .body(Map.of("indicator", code, "period", period(indicator, "2023"), "agency", "BYT", "value", 9))
                .when().post("/api/v1/measurements").then().log().ifValidationFails().statusCode(201).extract().path("id");
        await().atMost(EVENTUAL).untilAsserted(() -> given().baseUri(suite.url(CENTRAL, "kpi")).auth().oauth2(admin)
                .when().get("/api/v1/measurements/" + bytValue).then().statusCode(200).body("origin", equalTo("byt")));
        for (String service : SERVICES) {
            await().atMost(EVENTUAL).untilAsserted(() -> given().baseUri(suite.url(CENTRAL, service)).auth().oauth2(admin)
                    .when().post("/api/v1/federation/instances/byt/retire").then().log().ifValidationFails()
                    .statusCode(200).body("state", equalTo("RETIRED")));
        }
        JsonNode value = json(given().baseUri(suite.url(CENTRAL, "kpi")).auth().oauth2(admin)
                .when().get("/api/v1/measurements/" + bytValue).then().statusCode(200).body("origin", equalTo("central"))
                .extract().asString());
        // writable at central again
        given().baseUri(suite.url(CENTRAL, "kpi")).auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("indicator", value.path("indicatorCode").asText(), "period", value.path("period").asText(),
                        "agency", value.path("agency").asText(), "value", 3.5))
                .when().post("/api/v1/measurements").then().log().ifValidationFails().statusCode(200)
                .body("id", equalTo(bytValue)).body("origin", equalTo("central"));
        // byt's next write is refused at central, and byt is told
        String later = given().baseUri(suite.url(BYT, "kpi")).auth().oauth2(suite.token("submitter.byt"))
                .contentType(ContentType.JSON)
                .body(Map.of("indicator", code, "period", period(indicator, "2022"), "agency", "BYT", "value", 1))
                .when().post("/api/v1/measurements").then().log().ifValidationFails().statusCode(201).extract().path("id");
        await().atMost(EVENTUAL).untilAsserted(() -> given().baseUri(suite.url(BYT, "kpi"))
                .auth().oauth2(suite.token("admin.byt")).when().get("/api/v1/federation/records/" + later).then()
                .statusCode(200).body("state", equalTo("REJECTED"))
                .body("detail", org.hamcrest.Matchers.containsString("retired")));
    }

    @Test
    @Order(13)
    void aMinistryRebuiltFromNothingGetsItsDataBackFromCentralAndForwardsWithoutDuplicates() throws Exception {
        String admin = suite.token("central.admin");
        long centralBefore = ownedAtCentral("kpi", "measurement");
        Instant t0 = Instant.now();
        for (String service : SERVICES) {
            suite.stopService(BKHCN, service);
        }
        suite.emptyDatabases(BKHCN);
        for (String service : SERVICES) {
            suite.startService(BKHCN, service);
        }
        for (String service : SERVICES) {
            suite.awaitReady(BKHCN, service, Duration.ofSeconds(180));
        }
        for (String service : SERVICES) {
            await().atMost(Duration.ofSeconds(120)).untilAsserted(() -> given().baseUri(suite.url(BKHCN, service))
                    .auth().oauth2(suite.token("admin.bkhcn")).when().get("/api/v1/federation/handover").then()
                    .statusCode(200).body("complete", equalTo(true)));
        }
        Suite.log("rebuild of bkhcn from central: " + Duration.between(t0, Instant.now()).toMillis()
                + " ms from stopping its services on an emptied database to every row back");
        given().baseUri(suite.url(BKHCN, "kpi")).auth().oauth2(suite.token("viewer.bkhcn"))
                .when().get("/api/v1/measurements/" + handedValue).then().statusCode(200)
                .body("origin", equalTo("bkhcn")).body("value", equalTo(14.25f));
        given().baseUri(suite.url(BKHCN, "initiative")).auth().oauth2(suite.token("viewer.bkhcn"))
                .when().get("/api/v1/initiatives/" + bkhcnInitiative).then().statusCode(200).body("origin", equalTo("bkhcn"));
        long rebuilt = given().baseUri(suite.url(BKHCN, "kpi")).auth().oauth2(suite.token("admin.bkhcn"))
                .when().get("/api/v1/federation/handover").then().statusCode(200).extract().jsonPath()
                .getLong("kinds.find { it.kind == 'measurement' }.applied");
        org.assertj.core.api.Assertions.assertThat(rebuilt).isEqualTo(centralBefore);
        // forwarding resumes: a new write reaches central once; central's count grows by exactly one
        String code = firstNationalIndicator().path("code").asText();
        given().baseUri(suite.url(BKHCN, "kpi")).auth().oauth2(suite.token("submitter.bkhcn")).contentType(ContentType.JSON)
                .body(Map.of("indicator", code, "period", period(firstNationalIndicator(), "2021"), "agency", "BKHCN",
                        "value", 2))
                .when().post("/api/v1/measurements").then().log().ifValidationFails().statusCode(201);
        await().atMost(EVENTUAL).until(() -> ownedAtCentral("kpi", "measurement") == centralBefore + 1);
        given().baseUri(suite.url(CENTRAL, "kpi")).auth().oauth2(admin).when().get("/api/v1/federation/instances/bkhcn")
                .then().statusCode(200).body("state", equalTo("FEDERATED"));
    }

    private long ownedAtCentral(String service, String kind) {
        return json(given().baseUri(suite.url(CENTRAL, service)).auth().oauth2(suite.token("central.admin"))
                .when().get("/api/v1/federation/instances/bkhcn").then().statusCode(200).extract().asString())
                .path("owned").path(kind).asLong();
    }

    /** The period of an indicator's frequency in {@code year} (its last quarter or month). */
    private static String period(JsonNode indicator, String year) {
        return switch (indicator.path("frequency").asText()) {
            case "QUARTERLY" -> year + "Q4";
            case "MONTHLY" -> year + "-12";
            default -> year;
        };
    }

    private static JsonNode json(String body) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(body);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private JsonNode firstNationalIndicator() {
        String body = given().baseUri(suite.url(CENTRAL, "kpi")).auth().oauth2(suite.token("viewer.central"))
                .queryParam("tier", "STRATEGIC").queryParam("size", 1).when().get("/api/v1/indicators")
                .then().statusCode(200).extract().asString();
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(body).path("items").path(0);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private JsonNode health(Suite.Node node, String service) {
        String body = given().baseUri(suite.url(node, service)).auth().oauth2(suite.token("central.admin"))
                .when().get("/api/v1/federation/health").then().statusCode(200).extract().asString();
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(body);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private JsonNode origin(Suite.Node node, String service, String origin) {
        for (JsonNode o : health(node, service).path("origins")) {
            if (origin.equals(o.path("origin").asText())) {
                return o;
            }
        }
        return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }

    private Instant lastCatalogueSync(Suite.Node node) {
        String at = health(node, "initiative").path("catalogue").path("lastSyncAt").asText(null);
        return at == null ? Instant.EPOCH : java.time.OffsetDateTime.parse(at).toInstant();
    }

    private void awaitAtCentral(String initiative, String origin) {
        await().atMost(EVENTUAL).untilAsserted(() -> given().baseUri(suite.url(CENTRAL, "initiative"))
                .auth().oauth2(suite.token("central.admin")).when().get("/api/v1/initiatives/" + initiative)
                .then().statusCode(200).body("origin", equalTo(origin)));
    }

    private double metric(Suite.Node node, String service, String name) {
        String metrics = given().baseUri(suite.managementUrl(node, service)).when().get("/q/metrics").then().statusCode(200)
                .extract().asString();
        return metrics.lines().filter(l -> l.startsWith(name))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }

    private String clientToken(String clientId, String secret) throws Exception {
        return new KeycloakTokens(suite.issuer(), clientId, secret).clientToken();
    }

    /** Sets (or, with "", removes) a client's access token lifespan in seconds through the Keycloak admin API. */
    private static void setTokenLifespan(Suite suite, String clientId, String seconds) throws Exception {
        String clientUuid = given().baseUri("http://127.0.0.1:" + Suite.KEYCLOAK).auth().oauth2(suite.adminToken())
                .queryParam("clientId", clientId).when().get("/admin/realms/nq57/clients")
                .then().statusCode(200).extract().path("[0].id");
        Map<String, Object> client = given().baseUri("http://127.0.0.1:" + Suite.KEYCLOAK).auth().oauth2(suite.adminToken())
                .when().get("/admin/realms/nq57/clients/" + clientUuid).then().statusCode(200).extract().as(Map.class);
        @SuppressWarnings("unchecked")
        Map<String, Object> attributes = new java.util.HashMap<>((Map<String, Object>) client.getOrDefault("attributes", Map.of()));
        attributes.put("access.token.lifespan", seconds);
        client.put("attributes", attributes);
        given().baseUri("http://127.0.0.1:" + Suite.KEYCLOAK).auth().oauth2(suite.adminToken()).contentType(ContentType.JSON)
                .body(client).when().put("/admin/realms/nq57/clients/" + clientUuid).then().statusCode(204);
    }
}
