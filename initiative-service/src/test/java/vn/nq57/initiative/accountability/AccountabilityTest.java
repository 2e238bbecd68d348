package vn.nq57.initiative.accountability;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import vn.nq57.initiative.Fixtures;
import vn.nq57.initiative.warning.WarningService;
import vn.nq57.initiative.warning.WarningViews.EvaluationResult;
import vn.nq57.platform.period.Frequency;
import vn.nq57.platform.period.Period;
import vn.nq57.platform.testing.TestEvents;
import vn.nq57.platform.testing.TestTokens;

/**
 * Accountability over HTTP against the real database: obligations (defaults, edits, scope), the values reported for
 * them, the compliance board and ranking with exports, each warning kind opening once and resolving by itself, and
 * the notifications built on them. kpi and budget events come through the in-memory channels, as from Kafka.
 */
@QuarkusTest
class AccountabilityTest {

    @Inject
    Clock clock;

    @Inject
    @Any
    InMemoryConnector connector;

    @Inject
    WarningService warnings;

    // ---- obligations ----

    @Test
    void anIndicatorOfAnInitiativeObligesItsLeadAndCoordinatorsAndACentralAdminEditsThem() throws Exception {
        String initiative = Fixtures.createId("H4", "BKHCN");
        String indicator = indicator("OPERATIONAL", initiative, "BKHCN", List.of(), "QUARTERLY", 20);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> obligations(TestTokens.centralAdmin(), indicator)
                .body("items.agency", containsInAnyOrder("BKHCN", "BTC"))
                .body("items.source", containsInAnyOrder("DEFAULT", "DEFAULT"))
                .body("items[0].deadlineDays", equalTo(20)).body("items[0].frequency", equalTo("QUARTERLY")));

        // a ministry sees only its own subtree's obligations
        obligations(TestTokens.viewer("BTC"), indicator).body("items.agency", containsInAnyOrder("BTC"));

        String id = obligations(TestTokens.centralAdmin(), indicator).extract().path("items.find { it.agency == 'BTC' }.id");
        String etag = given().auth().oauth2(TestTokens.centralAdmin()).get("/api/v1/obligations/" + id)
                .then().statusCode(200).extract().header("ETag");
        Map<String, Object> edit = Map.of("deadlineDays", 45, "fromPeriod", "2026Q1", "active", true);
        given().auth().oauth2(TestTokens.ministryAdmin("BTC")).contentType(ContentType.JSON).header("If-Match", etag)
                .body(edit).put("/api/v1/obligations/" + id).then().statusCode(403);
        given().auth().oauth2(TestTokens.centralAdmin()).contentType(ContentType.JSON).body(edit)
                .put("/api/v1/obligations/" + id).then().statusCode(428);
        given().auth().oauth2(TestTokens.centralAdmin()).contentType(ContentType.JSON).header("If-Match", etag)
                .body(Map.of("fromPeriod", "2026", "active", true)).put("/api/v1/obligations/" + id)
                .then().statusCode(400).body("violations[0].field", equalTo("fromPeriod"))
                .body("violations[0].message", containsString("quarterly"));
        given().auth().oauth2(TestTokens.centralAdmin()).contentType(ContentType.JSON).header("If-Match", etag)
                .body(edit).put("/api/v1/obligations/" + id)
                .then().statusCode(200).body("source", equalTo("MANUAL")).body("deadlineDays", equalTo(45))
                .body("ownDeadlineDays", equalTo(45)).body("fromPeriod", equalTo("2026Q1"));
        given().auth().oauth2(TestTokens.centralAdmin()).contentType(ContentType.JSON).header("If-Match", etag)
                .body(edit).put("/api/v1/obligations/" + id).then().statusCode(412);
        given().auth().oauth2(TestTokens.centralAdmin()).queryParam("entityType", "obligation")
                .queryParam("entityId", id).get("/api/v1/audit")
                .then().statusCode(200).body("items.action", hasItem("obligation.updated"));

        // a later definition change re-derives the defaults but leaves the MANUAL row alone
        indicatorEvent("nq57.indicator.updated.v1", indicator, 2, definition(indicator, "OPERATIONAL", initiative,
                "BKHCN", List.of("BTC-TKQG"), "QUARTERLY", 20));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> obligations(TestTokens.centralAdmin(), indicator)
                .body("items.findAll { it.active }.agency", containsInAnyOrder("BTC", "BTC-TKQG")));
    }

    @Test
    void aCentralAdminAddsAnObligationAndBadOnesAreRefused() {
        String indicator = indicator("STRATEGIC", null, "BKHCN", List.of(), "ANNUAL", 60);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> obligations(TestTokens.centralAdmin(), indicator)
                .body("items.agency", containsInAnyOrder("BKHCN")));
        Map<String, Object> body = new HashMap<>(Map.of("indicatorId", indicator, "agency", "HNI", "deadlineDays", 90));
        given().auth().oauth2(TestTokens.ministryAdmin("HNI")).contentType(ContentType.JSON).body(body)
                .post("/api/v1/obligations").then().statusCode(403);
        given().auth().oauth2(TestTokens.centralAdmin()).contentType(ContentType.JSON)
                .body(Map.of("indicatorId", indicator, "agency", "NOPE")).post("/api/v1/obligations")
                .then().statusCode(422).body("field", equalTo("agency"));
        given().auth().oauth2(TestTokens.centralAdmin()).contentType(ContentType.JSON)
                .body(Map.of("indicatorId", UUID.randomUUID().toString(), "agency", "HNI")).post("/api/v1/obligations")
                .then().statusCode(422).body("field", equalTo("indicatorId"));
        given().auth().oauth2(TestTokens.centralAdmin()).contentType(ContentType.JSON)
                .body(Map.of("indicatorId", indicator, "agency", "HNI", "deadlineDays", -1)).post("/api/v1/obligations")
                .then().statusCode(400);
        given().auth().oauth2(TestTokens.centralAdmin()).contentType(ContentType.JSON).body(body)
                .post("/api/v1/obligations").then().statusCode(201).body("source", equalTo("MANUAL"))
                .body("deadlineDays", equalTo(90)).header("Location", containsString("/api/v1/obligations/"));
        given().auth().oauth2(TestTokens.centralAdmin()).contentType(ContentType.JSON).body(body)
                .post("/api/v1/obligations").then().statusCode(409);
    }

    // ---- the board and the ranking ----

    @Test
    void theRankingCountsValuesOnTimeLateAndMissingAndAValueWithoutAnObligationIsAContribution() throws Exception {
        // a new province must report a quarterly indicator, due 30 days after each quarter
        String cmu = province("Tỉnh Thử nghiệm Cà Mau");
        String agg = province("Tỉnh Thử nghiệm An Giang");
        String indicator = indicator("STRATEGIC", null, "BKHCN", List.of(cmu), "QUARTERLY", 30);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> obligations(TestTokens.centralAdmin(), indicator)
                .body("items.agency", containsInAnyOrder(cmu)));
        measurement(indicator, cmu, "2025Q1", "2025-04-10T09:00:00+07:00", 1);   // on time (due 30/04)
        measurement(indicator, cmu, "2025Q2", "2025-08-15T09:00:00+07:00", 1);   // late (due 30/07)
        measurement(indicator, agg, "2025Q1", "2025-04-02T09:00:00+07:00", 1);   // AGG is not obliged
        // 2025Q3 and 2025Q4 are missing
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonPath ranking = given().auth().oauth2(TestTokens.viewer("HNI")).queryParam("level", "PROVINCE")
                    .queryParam("year", "2025").get("/api/v1/compliance/ranking").then().statusCode(200).extract().jsonPath();
            assertTrue(ranking.getList("items.compliance.agency").containsAll(PROVINCES_2025), "the 34 provincial units");
            Map<String, Object> row = ranking.getMap("items.find { it.compliance.agency == '" + cmu + "' }");
            assertEquals(Map.of("expected", 4, "onTime", 1, "late", 1, "missing", 2, "pending", 0, "contributions", 0),
                    ((Map<?, ?>) row.get("compliance")).get("values"));
            assertEquals(37.5f, ((Number) ((Map<?, ?>) row.get("compliance")).get("score")).floatValue(), 0.001);
            assertTrue(row.get("rank") != null);
            Map<String, Object> other = ranking.getMap("items.find { it.compliance.agency == '" + agg + "' }");
            assertEquals(1, ((Map<?, ?>) ((Map<?, ?>) other.get("compliance")).get("values")).get("contributions"));
            assertEquals(null, other.get("rank"), "a contribution is accepted but not scored");
            assertEquals(List.of("2025Q1", "2025Q2", "2025Q3", "2025Q4"),
                    ((List<Map<String, Object>>) row.get("trend")).stream().map(t -> t.get("period")).toList());
        });

        // the board lists the items behind the figures, within the caller's scope
        given().auth().oauth2(TestTokens.viewer(cmu)).queryParam("year", "2025").get("/api/v1/compliance/agencies/" + cmu)
                .then().statusCode(200).body("compliance.score", equalTo(37.5f))
                .body("values.findAll { it.indicatorId == '" + indicator + "' }.status",
                        containsInAnyOrder("ON_TIME", "LATE", "MISSING", "MISSING"))
                .body("trend.find { it.period == '2025Q1' }.score", equalTo(100.0f))
                .body("trend.find { it.period == '2025Q2' }.score", equalTo(50.0f));
        given().auth().oauth2(TestTokens.viewer("BKHCN")).get("/api/v1/compliance/agencies/" + cmu).then().statusCode(403);
        given().auth().oauth2(TestTokens.centralAdmin()).get("/api/v1/compliance/agencies/NOPE").then().statusCode(404);

        // exports: CSV for spreadsheets (UTF-8 with BOM), XLSX
        byte[] csv = given().auth().oauth2(TestTokens.viewer("HNI")).queryParam("level", "PROVINCE")
                .queryParam("year", "2025").queryParam("format", "csv").get("/api/v1/compliance/ranking/export")
                .then().statusCode(200).contentType(containsString("text/csv"))
                .header("Content-Disposition", containsString("nq57-ranking-province-2025.csv"))
                .extract().asByteArray();
        String text = new String(csv, StandardCharsets.UTF_8);
        assertTrue(text.startsWith("\uFEFFHạng / Rank,"), text.substring(0, 40));
        assertTrue(text.contains(cmu + ",Tỉnh Thử nghiệm Cà Mau,37.5,4,1,1,2,0,"), text);
        byte[] xlsx = given().auth().oauth2(TestTokens.viewer("HNI")).queryParam("level", "PROVINCE")
                .queryParam("format", "xlsx").get("/api/v1/compliance/ranking/export").then().statusCode(200)
                .header("Content-Disposition", containsString(".xlsx")).extract().asByteArray();
        assertEquals('P', xlsx[0]);
        assertEquals('K', xlsx[1]);

        given().auth().oauth2(TestTokens.viewer("HNI")).queryParam("level", "DISTRICT").get("/api/v1/compliance/ranking")
                .then().statusCode(400).body("violations[0].field", equalTo("level"));
        given().auth().oauth2(TestTokens.viewer("HNI")).queryParam("year", "twenty").get("/api/v1/compliance/ranking")
                .then().statusCode(400);
        given().auth().oauth2(TestTokens.viewer("HNI")).queryParam("format", "pdf")
                .get("/api/v1/compliance/ranking/export").then().statusCode(400);
        given().get("/api/v1/compliance/ranking").then().statusCode(401);
    }

    // ---- warnings ----

    @Test
    void theBoardIsAsOfTheServicesClockSoADeadlineNotYetPassedIsPendingAndALaterPeriodIsNotExpected() {
        String province = province("Tỉnh Thử nghiệm Lai Châu");
        String indicator = indicator("STRATEGIC", null, "BKHCN", List.of(province), "QUARTERLY", 30);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> obligations(TestTokens.centralAdmin(), indicator)
                .body("items.agency", containsInAnyOrder(province)));
        measurement(indicator, province, "2025Q1", "2025-04-10T09:00:00+07:00", 1);
        // 15 October 2025 in Viet Nam: 2025Q2 was due 30/07 (missing), 2025Q3 is due 30/10 (pending), 2025Q4 has not ended
        QuarkusMock.installMockForType(Clock.fixed(Instant.parse("2025-10-14T20:00:00Z"), ZoneOffset.UTC), Clock.class);
        assertEquals(LocalDate.of(2025, 10, 15), Period.today(clock), "the day is Viet Nam's, whatever the clock's zone");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().auth().oauth2(TestTokens.viewer(province))
                .queryParam("year", "2025").get("/api/v1/compliance/agencies/" + province).then().statusCode(200)
                .body("asOf", equalTo("2025-10-15"))
                .body("values.findAll { it.indicatorId == '" + indicator + "' }.status",
                        containsInAnyOrder("ON_TIME", "MISSING", "PENDING"))
                .body("compliance.values", equalTo(Map.of("expected", 2, "onTime", 1, "late", 0, "missing", 1,
                        "pending", 1, "contributions", 0)))
                .body("trend.period", equalTo(List.of("2025Q1", "2025Q2", "2025Q3", "2025Q4"))));
    }

    @Test
    void aMissingValueOpensOneWarningWhichResolvesOnceReported() throws Exception {
        String indicator = indicator("STRATEGIC", null, "BKHCN", List.of("AGG"), "QUARTERLY", 30);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> obligations(TestTokens.centralAdmin(), indicator)
                .body("items.agency", containsInAnyOrder("AGG")));
        LocalDate today = Period.today(clock);
        warnings.evaluate(today);
        String id = openWarning("VALUE_MISSING", indicator).body("severity", equalTo("CRITICAL"))
                .body("agency", equalTo("AGG")).body("reasonVi", containsString("AGG chưa báo cáo chỉ tiêu"))
                .extract().path("id");
        EvaluationResult again = warnings.evaluate(today);
        assertEquals(0, again.opened(), "the same causes again open nothing");
        openWarning("VALUE_MISSING", indicator).body("id", equalTo(id));

        // reporting every period whose deadline has passed resolves it
        int version = 1;
        for (Period p = new Period(Frequency.QUARTERLY, 2025, 1); today.isAfter(p.end().plusDays(30)); p = p.next()) {
            measurement(indicator, "AGG", p.toString(), p.end().plusDays(3).atStartOfDay(Period.VIETNAM)
                    .toOffsetDateTime().toString(), version);
        }
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            warnings.evaluate(today);
            warning(id).body("status", equalTo("RESOLVED")).body("resolvedAt", notNullValue());
        });
    }

    @Test
    void outputsWarnBeforeTheirDueDateAndWhenOverdue() {
        String initiative = Fixtures.createId("H2", "BGDDT");   // its output is due 2028-06-30
        String output = given().auth().oauth2(TestTokens.centralAdmin()).get("/api/v1/initiatives/" + initiative)
                .then().statusCode(200).extract().path("outputs[0].id");
        warnings.evaluate(LocalDate.of(2028, 6, 20));
        String soon = openWarning("OUTPUT_DUE_SOON", output).body("agency", equalTo("BGDDT"))
                .body("reasonVi", containsString("đến hạn ngày 30/06/2028 (còn 10 ngày)")).extract().path("id");
        warnings.evaluate(LocalDate.of(2028, 7, 5));
        warning(soon).body("status", equalTo("RESOLVED"));
        openWarning("OUTPUT_OVERDUE", output).body("severity", equalTo("WARNING"))
                .body("reasonEn", containsString("5 days overdue"));
        warnings.evaluate(LocalDate.of(2028, 12, 1));
        openWarning("OUTPUT_OVERDUE", output).body("severity", equalTo("CRITICAL"));
        warnings.evaluate(Period.today(clock));
        assertEquals(0, countOpen("OUTPUT_OVERDUE", output));
    }

    @Test
    void anObstacleUnansweredPastItsDeadlineWarnsTheAskedAgencyUntilAnswered() {
        String initiative = Fixtures.createId("H3", "BYT");
        String obstacle = given().auth().oauth2(TestTokens.ministryAdmin("BYT")).contentType(ContentType.JSON)
                .body(Map.of("initiativeId", initiative, "filedByAgency", "BYT", "askedAgency", "BTC",
                        "description", "Thiếu hướng dẫn cơ chế tài chính cho dữ liệu y tế",
                        "request", "Đề nghị Bộ Tài chính ban hành hướng dẫn"))
                .post("/api/v1/obstacles").then().statusCode(201).body("answerDue", notNullValue())
                .extract().path("id");
        LocalDate due = LocalDate.parse(given().auth().oauth2(TestTokens.centralAdmin())
                .get("/api/v1/obstacles/" + obstacle).then().extract().path("answerDue"));
        assertTrue(due.isAfter(Period.today(clock).plusDays(18)), "15 working days are at least 19 calendar days: " + due);
        warnings.evaluate(due);
        assertEquals(0, countOpen("OBSTACLE_UNANSWERED", obstacle), "on its last day it is still in time");
        warnings.evaluate(due.plusDays(1));
        openWarning("OBSTACLE_UNANSWERED", obstacle).body("agency", equalTo("BTC"))
                .body("reasonVi", containsString("chưa được BTC trả lời, quá hạn 1 ngày"));
        String etag = given().auth().oauth2(TestTokens.centralAdmin()).get("/api/v1/obstacles/" + obstacle)
                .then().extract().header("ETag");
        given().auth().oauth2(TestTokens.ministryAdmin("BTC")).contentType(ContentType.JSON).header("If-Match", etag)
                .body(Map.of("answer", "Bộ Tài chính đang soạn thông tư hướng dẫn")).post("/api/v1/obstacles/" + obstacle + "/answer")
                .then().statusCode(200);
        warnings.evaluate(due.plusDays(1));
        assertEquals(0, countOpen("OBSTACLE_UNANSWERED", obstacle));
    }

    @Test
    void aRedInitiativeWarnsAndRedTwoQuartersInARowIsCritical() throws Exception {
        String initiative = Fixtures.createId("H5", "BCT");
        String indicator = indicator("OPERATIONAL", initiative, "BCT", List.of(), "ANNUAL", 60);
        Map<String, Object> evaluated = new HashMap<>(Map.of("indicatorId", indicator,
                "code", "KPI-" + indicator.substring(0, 8), "tier", "OPERATIONAL", "system", "H5",
                "initiativeId", initiative, "status", "RED", "progress", 5, "valueCount", 2, "missingCount", 0));
        evaluated.putAll(Map.of("asOf", OffsetDateTime.now().toString(), "forecast", 12.5, "targetValue", 60,
                "targetPeriod", "2030"));
        indicatorEvent("nq57.indicator.evaluated.v1", indicator, 3, evaluated);
        LocalDate today = Period.today(clock);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            warnings.evaluate(today);
            openWarning("INITIATIVE_RED", initiative).body("agency", equalTo("BCT"))
                    .body("severity", equalTo("WARNING"));
        });
        openWarning("FORECAST_OFF_TARGET", indicator).body("reasonVi", containsString("không đạt mục tiêu 60 của kỳ 2030"));
        assertEquals(0, countOpen("INITIATIVE_RED_REPEATED", initiative));
        warnings.evaluate(today.plusMonths(3));
        openWarning("INITIATIVE_RED_REPEATED", initiative).body("severity", equalTo("CRITICAL"));

        // acknowledging: who and when; once
        String id = openWarning("INITIATIVE_RED", initiative).extract().path("id");
        given().auth().oauth2(TestTokens.viewer("BCT")).post("/api/v1/warnings/" + id + "/acknowledge").then().statusCode(403);
        given().auth().oauth2(TestTokens.ministryAdmin("BKHCN")).post("/api/v1/warnings/" + id + "/acknowledge")
                .then().statusCode(404);
        given().auth().oauth2(TestTokens.ministryAdmin("BCT")).post("/api/v1/warnings/" + id + "/acknowledge")
                .then().statusCode(200).body("status", equalTo("ACKNOWLEDGED")).body("acknowledgedBy", notNullValue());
        given().auth().oauth2(TestTokens.ministryAdmin("BCT")).post("/api/v1/warnings/" + id + "/acknowledge")
                .then().statusCode(409).body("currentStatus", equalTo("ACKNOWLEDGED"));
        warnings.evaluate(today);
        warning(id).body("status", equalTo("ACKNOWLEDGED"));

        // notifications: BCT's users see it, each with their own read mark
        String bct = TestTokens.viewer("BCT");
        long unread = given().auth().oauth2(bct).get("/api/v1/notifications/unread-count").then().statusCode(200)
                .extract().jsonPath().getLong("unread");
        assertTrue(unread >= 2, "RED and forecast warnings of BCT: " + unread);
        given().auth().oauth2(bct).post("/api/v1/notifications/" + id + "/read").then().statusCode(204);
        given().auth().oauth2(bct).post("/api/v1/notifications/" + id + "/read").then().statusCode(204);
        given().auth().oauth2(bct).get("/api/v1/notifications/unread-count").then().body("unread", equalTo((int) unread - 1));
        given().auth().oauth2(bct).queryParam("size", 500).get("/api/v1/notifications").then().statusCode(200)
                .body("items.find { it.warning.id == '" + id + "' }.read", equalTo(true));
        given().auth().oauth2(TestTokens.viewer("BYT")).get("/api/v1/notifications").then()
                .body("items.warning.agency.findAll { it == 'BCT' }.size()", equalTo(0));
        given().auth().oauth2(TestTokens.viewer("BKHCN")).post("/api/v1/notifications/" + id + "/read").then().statusCode(404);
        given().auth().oauth2(bct).post("/api/v1/notifications/read-all").then().statusCode(200);
        given().auth().oauth2(bct).get("/api/v1/notifications/unread-count").then().body("unread", equalTo(0));
    }

    @Test
    void slowDisbursementLateInTheYearWarnsTheLeadAgency() throws Exception {
        String initiative = Fixtures.createId("H6", "BXD");
        String allocation = UUID.randomUUID().toString();
        int year = Period.today(clock).getYear();
        connector.source("budget-events").send(java.util.List.of(TestEvents.json(TestEvents.event("nq57.allocation.approved.v1",
                allocation, 1, "central", Map.of("id", allocation, "initiativeId", initiative, "fiscalYear", year,
                        "fundingSource", "STATE_BUDGET", "status", "APPROVED", "amount", 1_000_000_000L,
                        "disbursed", 100_000_000L)))));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            warnings.evaluate(LocalDate.of(year, 9, 30));
            assertEquals(0, countOpen("DISBURSEMENT_BEHIND", allocation), "not before October");
            warnings.evaluate(LocalDate.of(year, 11, 15));
            openWarning("DISBURSEMENT_BEHIND", allocation).body("agency", equalTo("BXD"))
                    .body("reasonVi", containsString("mới giải ngân 10%"));
        });
        given().auth().oauth2(TestTokens.viewer("BXD")).queryParam("kind", "nope").get("/api/v1/warnings").then().statusCode(400);
        given().auth().oauth2(TestTokens.viewer("BXD")).post("/api/v1/warnings/evaluate").then().statusCode(403);
        given().auth().oauth2(TestTokens.centralAdmin()).post("/api/v1/warnings/evaluate").then().statusCode(200)
                .body("skipped", equalTo(false)).body("causes", notNullValue());
    }

    // ---- helpers ----

    static final List<String> PROVINCES_2025 = List.of("HNI", "HCM", "DNG", "HPG", "CTO", "HUE", "QNH", "BNH", "NAN",
            "KHA", "DLK", "LCI", "LCU", "DBN", "SLA", "LSN", "CBG", "THA", "HTH", "TQG", "TNN", "PTO", "HYN", "NBH",
            "QTI", "QNI", "GLA", "LDG", "DNI", "TNH", "VLG", "DTP", "CMU", "AGG");

    /** A province of this test run only (the test database keeps earlier runs' data). */
    private static String province(String name) {
        String code = "P" + java.util.concurrent.ThreadLocalRandom.current().nextInt(1_000_000, 9_999_999);
        given().auth().oauth2(TestTokens.centralAdmin()).contentType(ContentType.JSON)
                .body(Map.of("code", code, "nameVi", name, "level", "PROVINCE", "parentCode", "CP"))
                .post("/api/v1/agencies").then().statusCode(201);
        return code;
    }

    private io.restassured.response.ValidatableResponse obligations(String token, String indicator) {
        return given().auth().oauth2(token).queryParam("indicatorId", indicator).get("/api/v1/obligations")
                .then().statusCode(200);
    }

    private io.restassured.response.ValidatableResponse openWarning(String kind, String subject) {
        String id = given().auth().oauth2(TestTokens.centralAdmin()).queryParam("kind", kind)
                .queryParam("subjectId", subject).queryParam("open", "true").get("/api/v1/warnings")
                .then().statusCode(200).body("total", equalTo(1)).extract().path("items[0].id");
        return warning(id);
    }

    private io.restassured.response.ValidatableResponse warning(String id) {
        return given().auth().oauth2(TestTokens.centralAdmin()).get("/api/v1/warnings/" + id).then().statusCode(200);
    }

    private int countOpen(String kind, String subject) {
        return given().auth().oauth2(TestTokens.centralAdmin()).queryParam("kind", kind)
                .queryParam("subjectId", subject).queryParam("open", "true").get("/api/v1/warnings")
                .then().statusCode(200).extract().path("total");
    }

    private String indicator(String tier, String initiative, String owner, List<String> reporting, String frequency,
                             int graceDays) {
        String id = UUID.randomUUID().toString();
        indicatorEvent("nq57.indicator.created.v1", id, 1, definition(id, tier, initiative, owner, reporting, frequency,
                graceDays));
        return id;
    }

    private static Map<String, Object> definition(String id, String tier, String initiative, String owner,
                                                  List<String> reporting, String frequency, int graceDays) {
        Map<String, Object> d = new HashMap<>(Map.of("id", id, "code", "KPI-" + id.substring(0, 8), "nameVi",
                "Tỷ lệ hồ sơ được xử lý trực tuyến", "tier", tier, "system", "H4", "ownerAgency", owner,
                "reportingAgencies", new ArrayList<>(reporting), "frequency", frequency, "graceDays", graceDays,
                "direction", "HIGHER_IS_BETTER"));
        if (initiative != null) {
            d.put("initiativeId", initiative);
        }
        return d;
    }

    private void indicatorEvent(String type, String id, long version, Map<String, Object> data) {
        connector.source("kpi-events").send(java.util.List.of(TestEvents.json(TestEvents.event(type, id, version, "central", data))));
    }

    private void measurement(String indicator, String agency, String period, String submittedAt, long version) {
        String id = UUID.randomUUID().toString();
        Map<String, Object> data = new HashMap<>(Map.of("id", id, "indicatorId", indicator, "indicatorCode",
                "KPI-" + indicator.substring(0, 8), "period", period, "agency", agency, "value", 42,
                "status", "SUBMITTED", "firstSubmittedAt", submittedAt, "submittedAt", submittedAt, "version", version));
        data.put("at", OffsetDateTime.now(ZoneOffset.UTC).toString());
        connector.source("kpi-events").send(java.util.List.of(TestEvents.json(TestEvents.event("nq57.measurement.recorded.v1", id,
                version, "central", data))));
    }
}
