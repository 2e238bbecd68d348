package vn.nq57.initiative.scorecard;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import vn.nq57.initiative.Fixtures;
import vn.nq57.platform.events.EventInbox;
import vn.nq57.platform.testing.TestEvents;
import vn.nq57.platform.testing.TestTokens;

@QuarkusTest
class ScorecardTest {

    @Inject
    @Any
    InMemoryConnector connector;

    @Inject
    EventInbox inbox;

    @TestHTTPResource("/api/v1/scorecard/stream")
    URL streamUrl;

    @Test
    void aRedIndicatorMakesTheInitiativeRedWithTheReason() throws Exception {
        String initiative = Fixtures.createId("H4", "BKHCN");
        String indicator = UUID.randomUUID().toString();
        kpi("nq57.indicator.created.v1", indicator, 0, Map.of("id", indicator, "code", "KPI-" + indicator.substring(0, 8),
                "tier", "OPERATIONAL", "system", "H4", "initiativeId", initiative, "ownerAgency", "BKHCN"));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> score(initiative)
                .body("health", equalTo("GREY")).body("kpi.indicators", equalTo(1)).body("kpi.grey", equalTo(1)));
        kpi("nq57.indicator.evaluated.v1", indicator, 1, evaluation(indicator, initiative, "RED", 12.5));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> score(initiative)
                .body("health", equalTo("RED"))
                .body("reasons.code", hasItem("KPI_RED"))
                .body("kpi.red", equalTo(1))
                .body("kpi.averageProgress", equalTo(12.5f)));
    }

    @Test
    void aStaleOrRepeatedEventChangesNothing() throws Exception {
        String initiative = Fixtures.createId("H4", "BKHCN");
        String indicator = UUID.randomUUID().toString();
        kpi("nq57.indicator.created.v1", indicator, 0, Map.of("id", indicator, "code", "KPI-S", "tier", "OPERATIONAL",
                "system", "H4", "initiativeId", initiative));
        String green = event("nq57.indicator.evaluated.v1", indicator, 5, evaluation(indicator, initiative, "GREEN", 80));
        connector.source("kpi-events").send(java.util.List.of(green));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> score(initiative).body("health", equalTo("GREEN")));
        // an older evaluation arriving late is skipped
        kpi("nq57.indicator.evaluated.v1", indicator, 4, evaluation(indicator, initiative, "RED", 10));
        // and the same event again is a duplicate
        assertEquals(EventInbox.Outcome.DUPLICATE, inbox.receive(feed(), green));
        score(initiative).body("health", equalTo("GREEN")).body("kpi.averageProgress", equalTo(80.0f));
    }

    @Test
    void budgetEventsGiveAllocatedDisbursedAndTheRate() throws Exception {
        String initiative = Fixtures.createId("H2", "BCT");
        String allocation = UUID.randomUUID().toString();
        budget("nq57.allocation.approved.v1", allocation, 1, Map.of("id", allocation, "code", "AL-1",
                "initiativeId", initiative, "fiscalYear", 2026, "fundingSource", "CENTRAL_BUDGET",
                "amount", 4_000_000_000L, "disbursed", 0, "status", "APPROVED"));
        budget("nq57.disbursement.recorded.v1", allocation, 2, Map.of("allocationId", allocation,
                "initiativeId", initiative, "fiscalYear", 2026, "amount", 1_000_000_000L,
                "allocationAmount", 4_000_000_000L, "allocationDisbursed", 1_000_000_000L));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> score(initiative)
                .body("budget.allocated", equalTo(4_000_000_000L))
                .body("budget.disbursed", equalTo(1_000_000_000))
                .body("budget.disbursementRate", equalTo(25.0f)));
    }

    @Test
    void anEventThatCannotBeAppliedIsParkedNotLost() throws Exception {
        long before = inbox.parked("scorecard");
        // an allocation without its initiative cannot be stored
        budget("nq57.allocation.created.v1", UUID.randomUUID().toString(), 1, Map.of("code", "AL-X", "fiscalYear", 2026,
                "amount", 1, "status", "PLANNED"));
        await().atMost(Duration.ofSeconds(10)).until(() -> inbox.parked("scorecard") == before + 1);
    }

    @Test
    void aPollsEventsApplyTogetherAndOneThatCannotApplyIsParkedAloneWhileTheOthersApply() throws Exception {
        String initiative = Fixtures.createId("H4", "BKHCN");
        String indicator = UUID.randomUUID().toString();
        String created = event("nq57.indicator.created.v1", indicator, 0, Map.of("id", indicator,
                "code", "KPI-B" + indicator.substring(0, 6), "tier", "OPERATIONAL", "system", "H4",
                "initiativeId", initiative, "ownerAgency", "BKHCN"));
        String amber = event("nq57.indicator.evaluated.v1", indicator, 1, evaluation(indicator, initiative, "AMBER", 55));
        // one poll: the indicator, its evaluation, and the same evaluation again (a duplicate within the poll)
        connector.source("kpi-events").send(List.of(created, amber, amber));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> score(initiative)
                .body("health", equalTo("AMBER")).body("kpi.indicators", equalTo(1)));
        assertEquals(EventInbox.Outcome.DUPLICATE, inbox.receive(feed(), amber));

        long parked = inbox.parked("scorecard");
        // an allocation without its initiative cannot be stored: the poll goes one by one, the evaluation applies
        String orphan = event("nq57.allocation.created.v1", UUID.randomUUID().toString(), 1, Map.of("code", "AL-Y",
                "fiscalYear", 2026, "amount", 1, "status", "PLANNED"));
        inbox.receiveAll(feed(), List.of(orphan, event("nq57.indicator.evaluated.v1", indicator, 2,
                evaluation(indicator, initiative, "GREEN", 90))));
        assertEquals(parked + 1, inbox.parked("scorecard"));
        score(initiative).body("health", equalTo("GREEN")).body("kpi.averageProgress", equalTo(90.0f));
    }

    @Test
    void overdueOutputsAndOpenObstaclesMakeAnInitiativeAmberAndCountInItsSystem() {
        Map<String, Object> body = Fixtures.initiative(Fixtures.uniqueCode("H6"), "BXD");
        body.put("outputs", List.of(Map.of("description", "Báo cáo tiền khả thi", "dueDate",
                java.time.LocalDate.now().minusDays(10).toString())));
        String id = Fixtures.create(body).path("id");
        score(id).body("health", equalTo("AMBER")).body("reasons.code", hasItem("OUTPUT_OVERDUE"))
                .body("overdueOutputs", equalTo(1));
        given().auth().oauth2(TestTokens.viewer("BXD")).queryParam("size", 500)
                .when().get("/api/v1/scorecard/systems/H6").then().statusCode(200)
                .body("system.code", equalTo("H6"))
                .body("initiatives.items.id", hasItem(id))
                .body("system.health", org.hamcrest.Matchers.oneOf("AMBER", "RED"));
        given().auth().oauth2(TestTokens.viewer("BXD")).when().get("/api/v1/scorecard/agencies/BXD")
                .then().statusCode(200).body("items.items.id", hasItem(id));
        given().auth().oauth2(TestTokens.viewer("BXD")).when().get("/api/v1/scorecard")
                .then().statusCode(200).body("systems.code", hasItem("H6"))
                .body("systems.find { it.code == 'H6' }.overdueOutputs", org.hamcrest.Matchers.greaterThanOrEqualTo(1));
    }

    @Test
    void aRedStrategicIndicatorMakesItsSystemRed() throws Exception {
        String indicator = UUID.randomUUID().toString();
        kpi("nq57.indicator.evaluated.v1", indicator, 1, Map.of("indicatorId", indicator, "code", "NAT-" + indicator.substring(0, 6),
                "tier", "STRATEGIC", "system", "H5", "status", "RED", "progress", 5, "valueCount", 3, "missingCount", 1,
                "asOf", OffsetDateTime.now().toString()));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().auth().oauth2(TestTokens.viewer("BGDDT"))
                .when().get("/api/v1/scorecard/systems/H5").then().statusCode(200)
                .body("system.health", equalTo("RED"))
                .body("system.reasons.code", hasItem("STRATEGIC_KPI_RED")));
    }

    @Test
    void theLiveStreamDeliversChangesInTheCallersScope() throws Exception {
        String ours = Fixtures.createId("H3", "BYT");
        String theirs = Fixtures.createId("H3", "BGDDT");
        List<String> lines = new CopyOnWriteArrayList<>();
        try (var stream = watch("?system=H3", TestTokens.viewer("BYT"), lines)) {
            await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200)).until(() -> {
                transition(theirs, "SUSPENDED");
                transition(ours, "SUSPENDED");
                return lines.stream().anyMatch(l -> l.contains(ours));
            });
            assertTrue(lines.stream().noneMatch(l -> l.contains(theirs)), "another ministry's change is not shown");
            String data = lines.stream().filter(l -> l.startsWith("data:") && l.contains(ours)).findFirst().orElseThrow();
            JsonPath change = JsonPath.from(data.substring(5));
            assertEquals("initiative", change.getString("kind"));
            assertEquals("BYT", change.getString("agency"));
            assertEquals("H3", change.getString("system"));
        }
    }

    /**
     * A ministry's value can overtake its indicator's event (they travel in different partitions): the value waits
     * (parked) until the scorecard knows the indicator, then is announced in the indicator's System, so a subscriber
     * watching that System sees it (it was announced without a System before, and such a subscriber never saw it).
     */
    @Test
    void aValueThatOvertakesItsIndicatorWaitsForItAndIsAnnouncedInItsSystem() throws Exception {
        String initiative = Fixtures.createId("H4", "BKHCN");
        String indicator = UUID.randomUUID().toString();
        String code = "KPI-O" + indicator.substring(0, 6);
        List<String> lines = new CopyOnWriteArrayList<>();
        try (var stream = watch("?system=H4", TestTokens.viewer("BKHCN"), lines)) {
            long parked = inbox.parked("scorecard");
            String value = UUID.randomUUID().toString();
            kpi("nq57.measurement.recorded.v1", value, 1, Map.of("id", value, "indicatorId", indicator,
                    "indicatorCode", code, "period", "2025", "agency", "BKHCN", "value", 12, "status", "SUBMITTED",
                    "version", 1));
            await().atMost(Duration.ofSeconds(10)).until(() -> inbox.parked("scorecard") == parked + 1);
            kpi("nq57.indicator.created.v1", indicator, 1, Map.of("id", indicator, "code", code, "tier", "OPERATIONAL",
                    "system", "H4", "initiativeId", initiative, "ownerAgency", "BKHCN"));
            await().atMost(Duration.ofSeconds(30)).until(() -> lines.stream().anyMatch(l -> l.contains(code + " 2025 = 12")));
            JsonPath change = JsonPath.from(lines.stream().filter(l -> l.startsWith("data:") && l.contains(code))
                    .findFirst().orElseThrow().substring(5));
            assertEquals("measurement", change.getString("kind"));
            assertEquals("H4", change.getString("system"));
            assertEquals(initiative, change.getString("initiativeId"));
            assertEquals(parked, inbox.parked("scorecard"), "no longer parked");
        }
    }

    /** The live stream as {@code token} sees it, its lines collected into {@code lines} until closed. */
    private AutoCloseable watch(String query, String token, List<String> lines) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(streamUrl + query))
                .header("Authorization", "Bearer " + token).header("Accept", "text/event-stream").build();
        HttpResponse<java.util.stream.Stream<String>> r = HttpClient.newHttpClient()
                .sendAsync(request, HttpResponse.BodyHandlers.ofLines()).get(10, java.util.concurrent.TimeUnit.SECONDS);
        assertEquals(200, r.statusCode());
        Thread reader = new Thread(() -> {
            try {
                r.body().forEach(lines::add);
            } catch (java.io.UncheckedIOException closedByTheTest) {
                // the test closes the stream when it has seen what it waited for
            }
        });
        reader.setDaemon(true);
        reader.start();
        return () -> r.body().close();
    }

    @Test
    void aMinistryUserCannotWatchAnotherMinistry() {
        given().auth().oauth2(TestTokens.viewer("BYT")).queryParam("agency", "BGDDT")
                .when().get("/api/v1/scorecard/stream").then().statusCode(403);
    }

    private void transition(String id, String to) {
        given().auth().oauth2(TestTokens.centralAdmin()).contentType(ContentType.JSON)
                .body(Map.of("to", to, "reason", "thử luồng trực tiếp"))
                .when().post("/api/v1/initiatives/" + id + "/transitions");
    }

    private ScorecardFeed feed() {
        return io.quarkus.arc.Arc.container().instance(ScorecardFeed.class).get();
    }

    private static Map<String, Object> evaluation(String indicator, String initiative, String status, double progress) {
        return Map.of("indicatorId", indicator, "code", "KPI-" + indicator.substring(0, 8), "tier", "OPERATIONAL",
                "system", "H4", "initiativeId", initiative, "status", status, "progress", progress,
                "valueCount", 4, "missingCount", 0, "asOf", OffsetDateTime.now().toString());
    }

    private io.restassured.response.ValidatableResponse score(String initiative) {
        return given().auth().oauth2(TestTokens.viewer("BKHCN")).when().get("/api/v1/scorecard/initiatives/" + initiative)
                .then().statusCode(200);
    }

    private void kpi(String type, String subject, long version, Map<String, Object> data) throws Exception {
        connector.source("kpi-events").send(java.util.List.of(event(type, subject, version, data)));
    }

    private void budget(String type, String subject, long version, Map<String, Object> data) throws Exception {
        connector.source("budget-events").send(java.util.List.of(event(type, subject, version, data)));
    }

    private static String event(String type, String subject, long version, Map<String, Object> data) {
        return TestEvents.json(TestEvents.event(type, subject, version, "central", data));
    }
}
