package vn.nq57.kpi.federation;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static vn.nq57.kpi.Fixtures.count;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import vn.nq57.kpi.Fixtures;
import vn.nq57.kpi.events.KpiEvents;
import vn.nq57.platform.federation.CatalogFeed;
import vn.nq57.platform.testing.MinistryProfile;
import vn.nq57.platform.testing.TestTokens;

/** kpi-service as BKHCN's ministry instance: the national catalogue is a read-only replica, its own data forwards. */
@QuarkusTest
@TestProfile(MinistryProfile.class)
class MinistryInstanceTest {

    @Inject
    CatalogFeed.Sink sink;

    @Inject
    ObjectMapper mapper;

    @Test
    void aCatalogueIndicatorIsAReadOnlyReplicaButTakesTheMinistrysOwnValuesWhichAreForwarded() {
        String id = UUID.randomUUID().toString();
        String code = Fixtures.code("NAT");
        Map<String, Object> data = nationalIndicator(id, code, 3);

        given().auth().oauth2(TestTokens.viewer("BKHCN")).when().get("/api/v1/indicators/" + code)
                .then().statusCode(200).body("origin", equalTo("central")).body("version", equalTo(3))
                .body("targets[0].period", equalTo("2030"));
        given().auth().oauth2(TestTokens.viewer("BKHCN")).when().get("/api/v1/indicators?origin=central&q=" + code)
                .then().statusCode(200).body("total", equalTo(1));
        given().auth().oauth2(TestTokens.viewer("BKHCN")).when().get("/api/v1/indicators?origin=bkhcn&q=" + code)
                .then().statusCode(200).body("total", equalTo(0));
        given().auth().oauth2(TestTokens.centralAdmin()).contentType(ContentType.JSON).header("If-Match", "\"3\"")
                .body(Fixtures.indicator(code)).when().put("/api/v1/indicators/" + id)
                .then().statusCode(409).body("type", endsWith("read-only-replica")).body("owner", equalTo("central"));
        // national indicators are central's: not created at a ministry either
        given().auth().oauth2(TestTokens.centralAdmin()).contentType(ContentType.JSON)
                .body(Fixtures.indicator(Fixtures.code("NAT"))).when().post("/api/v1/indicators")
                .then().statusCode(409).body("type", endsWith("read-only-replica"));
        // the replica is announced locally (the scorecard replicates indicators) but never forwarded
        assertEquals(1, count("SELECT count(*) FROM outbox WHERE aggregate_id = ?1 AND event_type = ?2 AND NOT forward",
                id, KpiEvents.INDICATOR_CREATED));

        String valueId = given().auth().oauth2(TestTokens.submitter("BKHCN")).contentType(ContentType.JSON)
                .body(Fixtures.value(code, "2024", "BKHCN", 5))
                .when().post("/api/v1/measurements").then().statusCode(201).body("origin", equalTo("bkhcn"))
                .extract().path("id");
        assertEquals(1, count("SELECT count(*) FROM outbox WHERE aggregate_id = ?1 AND event_type = ?2 AND forward",
                valueId, KpiEvents.MEASUREMENT_RECORDED));
        assertEquals(1, count("SELECT count(*) FROM outbox WHERE aggregate_id = ?1 AND event_type = ?2 "
                + "AND payload LIKE '%\"firstSubmittedAt\"%' AND payload LIKE '%\"submittedBy\":\"submitter.bkhcn\"%'",
                valueId, KpiEvents.MEASUREMENT_RECORDED));
        String batchId = given().auth().oauth2(TestTokens.submitter("BKHCN")).contentType(ContentType.JSON)
                .body(Map.of("measurements", List.of(Fixtures.value(code, "2023", "BKHCN", 4))))
                .when().post("/api/v1/measurements/batch").then().statusCode(200).extract().path("batchId");
        assertEquals(1, count("SELECT count(*) FROM outbox WHERE aggregate_id = ?1 AND event_type = ?2 AND forward",
                batchId, KpiEvents.MEASUREMENTS_RECORDED));
        // the catalogue item again (a re-pull): the replica is unchanged and still read-only
        QuarkusTransaction.requiringNew().run(() -> sink.apply(new CatalogFeed.Item("indicator", id, 3, 42, "central",
                mapper.valueToTree(data))));
        given().auth().oauth2(TestTokens.viewer("BKHCN")).when().get("/api/v1/evaluation/indicators/" + code)
                .then().statusCode(200).body("valuesUsed", equalTo(2));
    }

    /** Applies a national indicator as the catalogue serves it; answers its data. */
    private Map<String, Object> nationalIndicator(String id, String code, long version) {
        Map<String, Object> data = new HashMap<>(Fixtures.indicator(code));
        data.put("id", id);
        data.put("system", "H4");
        data.put("version", version);
        data.put("origin", "central");
        QuarkusTransaction.requiringNew().run(() -> sink.apply(new CatalogFeed.Item("indicator", id, version, 42,
                "central", mapper.valueToTree(data))));
        return data;
    }

    private void tombstone(String id, String code) {
        QuarkusTransaction.requiringNew().run(() -> sink.apply(new CatalogFeed.Item("indicator", id, 1, 51, "central",
                mapper.valueToTree(Map.of("id", id, "code", code, "deleted", true)))));
    }

    @Test
    void aTombstoneRemovesTheReplicaOfAnIndicatorCentralDeletedUnlessValuesWereReportedForItHere() {
        String id = UUID.randomUUID().toString();
        String code = Fixtures.code("NAT");
        nationalIndicator(id, code, 0);
        given().auth().oauth2(TestTokens.viewer("BKHCN")).when().get("/api/v1/indicators/" + code)
                .then().statusCode(200);
        tombstone(id, code);
        given().auth().oauth2(TestTokens.viewer("BKHCN")).when().get("/api/v1/indicators/" + code)
                .then().statusCode(404);
        assertEquals(1, count("SELECT count(*) FROM outbox WHERE aggregate_id = ?1 AND event_type = ?2 AND NOT forward",
                id, KpiEvents.INDICATOR_DELETED));
        tombstone(id, code); // pulled again: nothing left to do

        // an indicator that no longer concerns this ministry (its agencies changed at central) goes the same way
        String withdrawn = UUID.randomUUID().toString();
        String withdrawnCode = Fixtures.code("NAT");
        nationalIndicator(withdrawn, withdrawnCode, 0);
        QuarkusTransaction.requiringNew().run(() -> sink.apply(new CatalogFeed.Item("indicator", withdrawn, 1, 52,
                "central", mapper.valueToTree(Map.of("id", withdrawn, "code", withdrawnCode, "withdrawn", true)))));
        given().auth().oauth2(TestTokens.viewer("BKHCN")).when().get("/api/v1/indicators/" + withdrawnCode)
                .then().statusCode(404);

        String kept = UUID.randomUUID().toString();
        String keptCode = Fixtures.code("NAT");
        nationalIndicator(kept, keptCode, 0);
        given().auth().oauth2(TestTokens.submitter("BKHCN")).contentType(ContentType.JSON)
                .body(Fixtures.value(keptCode, "2024", "BKHCN", 5))
                .when().post("/api/v1/measurements").then().statusCode(201);
        tombstone(kept, keptCode);
        given().auth().oauth2(TestTokens.viewer("BKHCN")).when().get("/api/v1/indicators/" + keptCode)
                .then().statusCode(200).body("origin", equalTo("central"));
        assertEquals(0, count("SELECT count(*) FROM outbox WHERE aggregate_id = ?1 AND event_type = ?2",
                kept, KpiEvents.INDICATOR_DELETED));
    }
}
