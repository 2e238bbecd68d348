package vn.nq57.kpi;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import vn.nq57.platform.testing.TestTokens;

/**
 * Hand-computed cases. Annual indicator, baseline at the end of 2020, target at the end of 2030: a value for 2025
 * lies exactly half-way (1,826 of 3,652 days), so the expected progress is 50 points.
 */
@QuarkusTest
class EvaluationTest {

    private static String indicator(Map<String, Object> overrides) {
        String code = Fixtures.code("EVAL");
        Map<String, Object> body = Fixtures.indicator(code);
        body.putAll(overrides);
        Fixtures.create(body);
        return code;
    }

    private static void submit(String code, String period, String agency, Object value) {
        given().auth().oauth2(TestTokens.centralAdmin()).contentType(ContentType.JSON)
                .body(Fixtures.value(code, period, agency, value))
                .when().post("/api/v1/measurements").then().statusCode(org.hamcrest.Matchers.oneOf(200, 201));
    }

    private static JsonPath evaluation(String code, String query) {
        return given().auth().oauth2(TestTokens.viewer("BKHCN"))
                .when().get("/api/v1/evaluation/indicators/" + code + query)
                .then().statusCode(200).extract().jsonPath();
    }

    private static void assertDecimal(String expected, JsonPath json, String path) {
        assertEquals(0, new BigDecimal(expected).compareTo(new BigDecimal(json.getString(path))),
                path + " was " + json.getString(path));
    }

    @Test
    void anIncreasingIndicatorSlightlyBehindItsTrajectoryIsAmberWithATrendForecast() {
        String code = indicator(Map.of());
        submit(code, "2024", "BKHCN", 28);
        submit(code, "2025", "BKHCN", 20);
        submit(code, "2025", "BKHCN-CDMST", 14);
        JsonPath e = evaluation(code, "");
        assertEquals("2025", e.getString("latestPeriod"));
        assertDecimal("34", e, "actual");
        assertDecimal("48", e, "progress");
        assertDecimal("50", e, "expectedProgress");
        assertDecimal("35", e, "expectedValue");
        assertEquals("AMBER", e.getString("status"));
        assertDecimal("64.0164", e, "forecast");
        assertEquals(true, e.getBoolean("forecastMeetsTarget"));
        assertEquals(3, e.getInt("valuesUsed"));
        assertEquals(2, e.getInt("periodsWithData"));
        assertEquals(3, e.getInt("missingPeriods"));
        assertEquals(List.of("periods: 2021, 2022, 2023"), e.getList("missing"));
        assertEquals(List.of("2024", "2025"), e.getList("series.period"));
        JsonPath sub = evaluation(code, "?agency=BKHCN-CDMST");
        assertEquals("BKHCN-CDMST", sub.getString("scope"));
        assertDecimal("14", sub, "actual");
        assertEquals("RED", sub.getString("status"));
    }

    @Test
    void aValueBehindByMoreThanTheToleranceIsRedAndOnePastTheTargetIsGreen() {
        String red = indicator(Map.of());
        submit(red, "2025", "BKHCN", 20);
        JsonPath e = evaluation(red, "");
        assertDecimal("20", e, "progress");
        assertEquals("RED", e.getString("status"));
        org.junit.jupiter.api.Assertions.assertNull(e.get("forecast"));

        String past = indicator(Map.of());
        submit(past, "2025", "BKHCN", 75);
        JsonPath p = evaluation(past, "");
        assertDecimal("130", p, "progress");
        assertEquals("GREEN", p.getString("status"));
        assertEquals(true, p.getBoolean("targets[0].reached"));
    }

    @Test
    void aRankImprovesDownwards() {
        Map<String, Object> rank = Map.of("unit", "RANK", "direction", "LOWER_IS_BETTER", "aggregation", "LATEST",
                "baseline", Map.of("value", 48, "period", "2020"),
                "targets", List.of(Map.of("period", "2030", "value", 30)));
        String behind = indicator(rank);
        submit(behind, "2025", "BKHCN", 40);
        JsonPath e = evaluation(behind, "");
        assertDecimal("44.44", e, "progress");
        assertDecimal("39", e, "expectedValue");
        assertEquals("AMBER", e.getString("status"));
        String ahead = indicator(rank);
        submit(ahead, "2025", "BKHCN", 25);
        JsonPath a = evaluation(ahead, "");
        assertDecimal("127.78", a, "progress");
        assertEquals("GREEN", a.getString("status"));
        submit(ahead, "2025", "BKHCN-CDMST", 47);
        JsonPath latest = evaluation(ahead, "");
        assertDecimal("47", latest, "actual");
        assertEquals("RED", latest.getString("status"));
    }

    @Test
    void eachAggregationRuleCombinesTheAgenciesValuesOfAPeriod() {
        Map<String, String> expected = Map.of("SUM", "31", "AVERAGE", "10.333333", "MAX", "11", "MIN", "10",
                "LATEST", "10");
        for (Map.Entry<String, String> rule : expected.entrySet()) {
            String code = indicator(Map.of("aggregation", rule.getKey()));
            given().auth().oauth2(TestTokens.centralAdmin()).contentType(ContentType.JSON)
                    .body(Map.of("measurements", List.of(Fixtures.value(code, "2025", "BKHCN", 10),
                            Fixtures.value(code, "2025", "BYT", 11))))
                    .when().post("/api/v1/measurements/batch").then().statusCode(200);
            submit(code, "2025", "BTC", 10);
            Map<String, Object> draft = Fixtures.value(code, "2025", "BCT", 500);
            draft.put("status", "DRAFT");
            given().auth().oauth2(TestTokens.centralAdmin()).contentType(ContentType.JSON).body(draft)
                    .when().post("/api/v1/measurements").then().statusCode(201);
            JsonPath e = evaluation(code, "");
            assertDecimal(rule.getValue(), e, "actual");
            assertEquals(3, e.getInt("valuesUsed"), rule.getKey() + ": a draft is not counted");
        }
    }

    @Test
    void anIndicatorWithoutDataIsGreyAndSaysWhatIsMissing() {
        String code = indicator(Map.of());
        JsonPath e = evaluation(code, "");
        assertEquals("GREY", e.getString("status"));
        org.junit.jupiter.api.Assertions.assertNull(e.get("progress"));
        assertEquals(0, e.getInt("valuesUsed"));
        assertEquals("2030", e.getString("targetPeriod"));
        org.junit.jupiter.api.Assertions.assertTrue(e.getList("missing").contains("values"));
        given().auth().oauth2(TestTokens.viewer("BKHCN"))
                .when().get("/api/v1/evaluation/indicators/R57-GII-RANK")
                .then().statusCode(200).body("status", equalTo("GREY")).body("missing", hasItem("baseline"));
    }

    @Test
    void timelinessSaysWhoReportedOnTimeLateOrNotAtAll() {
        String code = indicator(Map.of("reportingAgencies", List.of("BKHCN", "BTC"), "graceDays", 30));
        submit(code, "2024", "BKHCN", 12);
        given().auth().oauth2(TestTokens.viewer("BKHCN"))
                .when().get("/api/v1/evaluation/indicators/" + code + "?period=2024")
                .then().statusCode(200)
                .body("timeliness.period", equalTo("2024")).body("timeliness.due", equalTo("2025-01-30"))
                .body("timeliness.agencies.agency", contains("BKHCN", "BTC"))
                .body("timeliness.agencies.status", contains("LATE", "MISSING"))
                .body("timeliness.late", equalTo(1)).body("timeliness.missing", equalTo(1));
        LocalDate lastMonth = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).minusMonths(1);
        String period = String.format("%d-%02d", lastMonth.getYear(), lastMonth.getMonthValue());
        String monthly = indicator(Map.of("frequency", "MONTHLY", "baseline", Map.of("value", 1, "period", "2024-12"),
                "reportingAgencies", List.of("BKHCN", "BTC"), "graceDays", 60));
        submit(monthly, period, "BKHCN", 3);
        given().auth().oauth2(TestTokens.viewer("BKHCN"))
                .when().get("/api/v1/evaluation/indicators/" + monthly + "?period=" + period)
                .then().statusCode(200)
                .body("timeliness.agencies.status", contains("ON_TIME", "NOT_DUE"));
        given().auth().oauth2(TestTokens.viewer("BKHCN"))
                .when().get("/api/v1/evaluation/indicators/" + monthly + "?period=2025")
                .then().statusCode(400).body("violations[0].field", equalTo("period"));
    }

    @jakarta.inject.Inject
    jakarta.persistence.EntityManager em;

    @Test
    void aScorecardLineReadsTheSameStoredWithTheEvaluationOrBuiltFromItsColumns() {
        String initiative = Fixtures.initiative("H3", "BKHCN", "IN_PROGRESS");
        Map<String, Object> operational = Map.of("tier", "OPERATIONAL", "initiativeId", initiative, "system", "H3");
        String ranked = indicator(Map.of("tier", "OPERATIONAL", "initiativeId", initiative, "system", "H3",
                "unit", "RANK", "direction", "LOWER_IS_BETTER", "baseline", Map.of("value", 48, "period", "2020"),
                "targets", List.of(Map.of("period", "2030", "value", 30))));
        String counted = indicator(operational);
        String empty = indicator(operational);
        submit(ranked, "2025", "BKHCN", 40);
        submit(counted, "2024", "BKHCN", new java.math.BigDecimal("60.50"));
        submit(counted, "2025", "BYT", 1000);
        String path = "/api/v1/evaluation/initiatives/" + initiative;
        List<Object> stored = given().auth().oauth2(TestTokens.viewer("BKHCN")).when().get(path)
                .then().statusCode(200).extract().jsonPath().getList("indicators");
        // an evaluation stored before V5 has no line: the scorecard builds it from the columns
        io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "UPDATE indicator_current SET line = NULL WHERE initiative_id = ?1")
                .setParameter(1, UUID.fromString(initiative)).executeUpdate());
        List<Object> built = given().auth().oauth2(TestTokens.viewer("BKHCN")).when().get(path)
                .then().statusCode(200).extract().jsonPath().getList("indicators");
        assertEquals(3, stored.size());
        assertEquals(built, stored);
        assertEquals(List.of(counted, empty, ranked).stream().sorted().toList(),
                stored.stream().map(l -> ((Map<?, ?>) l).get("code")).toList());
    }

    @Test
    void initiativeSystemAndPlanRollUpsCountStatusesValuesAndMissingData() {
        String initiative = Fixtures.initiative("H3", "BKHCN", "IN_PROGRESS");
        Map<String, Object> operational = Map.of("tier", "OPERATIONAL", "initiativeId", initiative, "system", "H3");
        String green = indicator(operational);
        String red = indicator(operational);
        String grey = indicator(operational);
        submit(green, "2025", "BKHCN", 75);
        submit(red, "2025", "BKHCN", 20);
        submit(red, "2025", "BYT", 0);
        given().auth().oauth2(TestTokens.viewer("BKHCN"))
                .when().get("/api/v1/evaluation/initiatives/" + initiative)
                .then().statusCode(200)
                .body("rollUp.indicators", equalTo(3)).body("rollUp.green", equalTo(1))
                .body("rollUp.red", equalTo(1)).body("rollUp.grey", equalTo(1))
                .body("rollUp.status", equalTo("AMBER"))
                .body("rollUp.averageProgress", equalTo(60))
                .body("rollUp.valuesUsed", equalTo(3))
                .body("rollUp.withoutData", equalTo(1)).body("rollUp.withoutDataCodes", contains(grey))
                .body("rollUp.asOf", org.hamcrest.Matchers.notNullValue())
                .body("indicators.code", contains(List.of(green, red, grey).stream().sorted().toArray()));
        given().auth().oauth2(TestTokens.viewer("BKHCN"))
                .when().get("/api/v1/evaluation/systems/H3")
                .then().statusCode(200).body("system", equalTo("H3"))
                .body("initiatives.find { it.initiativeId == '" + initiative + "' }.rollUp.indicators", equalTo(3))
                .body("initiatives.find { it.initiativeId == '" + initiative + "' }.rollUp.status", equalTo("AMBER"));
        given().auth().oauth2(TestTokens.viewer("BKHCN"))
                .when().get("/api/v1/evaluation/systems/H5")
                .then().statusCode(200)
                .body("indicators.code", hasItem("R57-GII-RANK"))
                .body("strategic.indicators", org.hamcrest.Matchers.greaterThanOrEqualTo(6));
        given().auth().oauth2(TestTokens.viewer("BKHCN"))
                .when().get("/api/v1/evaluation/plan")
                .then().statusCode(200)
                .body("systems.system", org.hamcrest.Matchers.hasItems("H1", "H2", "H3", "H4", "H5", "H6"))
                .body("overall.indicators", org.hamcrest.Matchers.greaterThanOrEqualTo(16));
        given().auth().oauth2(TestTokens.viewer("BKHCN"))
                .when().get("/api/v1/evaluation/systems/H9").then().statusCode(404);
        given().auth().oauth2(TestTokens.viewer("BKHCN"))
                .when().get("/api/v1/evaluation/initiatives/" + UUID.randomUUID()).then().statusCode(404);
    }

    @Test
    void concurrentBatchesForOneIndicatorLeaveAnExactAggregate() throws Exception {
        String code = indicator(Map.of());
        List<String> agencies = List.of("BKHCN", "BKHCN-CDMST", "BKHCN-CCDSQG", "BKHCN-CSHTT", "BYT", "BTC", "HNI",
                "HCM");
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            List<java.util.concurrent.Future<Integer>> done = new java.util.ArrayList<>();
            for (int a = 0; a < agencies.size(); a++) {
                String agency = agencies.get(a);
                done.add(pool.submit(() -> given().auth().oauth2(TestTokens.centralAdmin())
                        .contentType(ContentType.JSON)
                        .body(Map.of("measurements", List.of(Fixtures.value(code, "2024", agency, 1),
                                Fixtures.value(code, "2025", agency, 2))))
                        .when().post("/api/v1/measurements/batch").then().extract().statusCode()));
            }
            for (var f : done) {
                assertEquals(200, f.get().intValue());
            }
        } finally {
            pool.shutdown();
        }
        JsonPath e = evaluation(code, "");
        assertDecimal("16", e, "actual");
        assertEquals(16, e.getInt("valuesUsed"));
        assertEquals(List.of(8, 8), e.getList("series.values"));
    }

    @Test
    void changingTheTargetsReEvaluatesAtOnce() {
        String code = indicator(Map.of());
        submit(code, "2025", "BKHCN", 34);
        given().auth().oauth2(TestTokens.viewer("BKHCN")).when().get("/api/v1/evaluation/indicators/" + code)
                .then().body("status", equalTo("AMBER"));
        String id = given().auth().oauth2(TestTokens.viewer("BKHCN")).when().get("/api/v1/indicators/" + code)
                .then().extract().path("id");
        Map<String, Object> body = Fixtures.indicator(code);
        body.put("targets", List.of(Map.of("period", "2030", "value", 40)));
        given().auth().oauth2(TestTokens.centralAdmin()).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body(body).when().put("/api/v1/indicators/" + id).then().statusCode(200);
        given().auth().oauth2(TestTokens.viewer("BKHCN")).when().get("/api/v1/evaluation/indicators/" + code)
                .then().body("status", equalTo("GREEN")).body("progress", equalTo(80));
        given().auth().oauth2(TestTokens.viewer("BKHCN")).when().get("/api/v1/evaluation/indicators/" + code)
                .then().body("actual", equalTo(34)).body("forecast", nullValue());
    }
}
