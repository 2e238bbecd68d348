package vn.nq57.kpi.federation;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static vn.nq57.kpi.Fixtures.count;
import static vn.nq57.kpi.federation.Federated.indicator;
import static vn.nq57.kpi.federation.Federated.measurement;
import static vn.nq57.kpi.federation.Federated.send;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import vn.nq57.kpi.Fixtures;
import vn.nq57.kpi.events.KpiEvents;
import vn.nq57.platform.events.EventInbox;
import vn.nq57.platform.testing.TestEvents;
import vn.nq57.platform.testing.TestTokens;

/** Central takes BKHCN's indicators and values (POST /api/v1/federation/events). */
@QuarkusTest
class FederatedEventsTest {

    @Inject
    EventInbox inbox;

    @Inject
    EntityManager em;

    /** BKHCN's OPERATIONAL indicator applied at central; answers its id. */
    private static String ministryIndicator(String code) {
        String id = UUID.randomUUID().toString();
        String initiative = Fixtures.initiative("H4", "BKHCN", "IN_PROGRESS");
        JsonPath answer = send(TestEvents.event(KpiEvents.INDICATOR_CREATED, id, 0, Federated.MINISTRY,
                indicator(id, code, initiative, 0)));
        assertEquals("APPLIED", answer.getString("results[0].status"), answer.prettify());
        return id;
    }

    private static JsonPath evaluation(String code) {
        return given().auth().oauth2(TestTokens.viewer("BKHCN")).when().get("/api/v1/evaluation/indicators/" + code)
                .then().statusCode(200).extract().jsonPath();
    }

    @Test
    void aMinistrysIndicatorAndValueAreAppliedListedWithTheirOriginAndChangeCentralsEvaluation() {
        String code = Fixtures.code("FED");
        String indicatorId = ministryIndicator(code);
        given().auth().oauth2(TestTokens.viewer("BKHCN")).when().get("/api/v1/indicators/" + indicatorId)
                .then().statusCode(200).body("origin", equalTo("bkhcn")).body("tier", equalTo("OPERATIONAL"))
                .body("targets.period", contains("2030"));
        given().auth().oauth2(TestTokens.viewer("BKHCN")).when().get("/api/v1/indicators?origin=bkhcn&q=" + code)
                .then().statusCode(200).body("items.code", contains(code)).body("items[0].origin", equalTo("bkhcn"));
        given().auth().oauth2(TestTokens.viewer("BKHCN")).when().get("/api/v1/indicators?origin=central&q=" + code)
                .then().statusCode(200).body("total", equalTo(0));
        assertEquals("GREY", evaluation(code).getString("status"));

        String valueId = UUID.randomUUID().toString();
        JsonPath answer = send(TestEvents.event(KpiEvents.MEASUREMENT_RECORDED, valueId, 0, Federated.MINISTRY,
                measurement(valueId, indicatorId, "2024", 40, "SUBMITTED", 0)));
        assertEquals("APPLIED", answer.getString("results[0].status"), answer.prettify());

        given().auth().oauth2(TestTokens.viewer("BKHCN")).when().get("/api/v1/measurements?origin=bkhcn&indicator=" + code)
                .then().statusCode(200).body("total", equalTo(1)).body("items[0].id", equalTo(valueId))
                .body("items[0].origin", equalTo("bkhcn")).body("items[0].value", equalTo(40))
                .body("items[0].note", equalTo("Số liệu bộ"));
        given().auth().oauth2(TestTokens.viewer("BKHCN")).when().get("/api/v1/measurements?origin=central&indicator=" + code)
                .then().statusCode(200).body("total", equalTo(0));
        JsonPath evaluated = evaluation(code);
        assertEquals("2024", evaluated.getString("latestPeriod"));
        assertEquals(40, evaluated.getInt("actual"));
        assertEquals(1, evaluated.getInt("valuesUsed"));
        assertEquals("RECORDED", given().auth().oauth2(TestTokens.viewer("BKHCN"))
                .when().get("/api/v1/measurements/" + valueId + "/history").then().statusCode(200)
                .extract().path("[0].action"));
        // central announces the change on its own topic with BKHCN as origin, and its new evaluation
        assertEquals(1, count("SELECT count(*) FROM outbox WHERE aggregate_id = ?1 AND event_type = ?2 "
                + "AND payload LIKE '%\"origininstance\":\"bkhcn\"%' AND NOT forward", valueId, KpiEvents.MEASUREMENT_RECORDED));
        assertEquals(1, count("SELECT count(*) FROM outbox WHERE aggregate_id = ?1 AND event_type = ?2", indicatorId,
                KpiEvents.INDICATOR_CREATED));
        org.junit.jupiter.api.Assertions.assertTrue(count("SELECT count(*) FROM outbox WHERE aggregate_id = ?1 "
                + "AND event_type = ?2 AND payload LIKE '%\"latestPeriod\":\"2024\"%'", indicatorId,
                KpiEvents.INDICATOR_EVALUATED) >= 1);

        // the next step at BKHCN moves central's copy along
        Map<String, Object> approved = measurement(valueId, indicatorId, "2024", 40, "APPROVED", 1);
        approved.put("decidedBy", "admin.bkhcn");
        approved.put("decidedAt", approved.get("at"));
        assertEquals("APPLIED", send(TestEvents.event(KpiEvents.MEASUREMENT_APPROVED, valueId, 1, Federated.MINISTRY,
                approved)).getString("results[0].status"));
        given().auth().oauth2(TestTokens.viewer("BKHCN")).when().get("/api/v1/measurements/" + valueId)
                .then().statusCode(200).body("status", equalTo("APPROVED")).body("version", equalTo(1))
                .body("decidedBy", equalTo("admin.bkhcn"));
        assertEquals(1, evaluation(code).getInt("approvedValues"));
    }

    @Test
    void centralRefusesLocalWritesToAMinistrysIndicatorAndValuesAsReadOnlyReplicas() {
        String code = Fixtures.code("FED");
        String indicatorId = ministryIndicator(code);
        String valueId = UUID.randomUUID().toString();
        send(TestEvents.event(KpiEvents.MEASUREMENT_RECORDED, valueId, 0, Federated.MINISTRY,
                measurement(valueId, indicatorId, "2024", 40, "SUBMITTED", 0)));
        Map<String, Object> body = Fixtures.indicator(code);
        body.put("tier", "OPERATIONAL");
        body.put("initiativeId", Fixtures.initiative("H4", "BKHCN", "IN_PROGRESS"));
        given().auth().oauth2(TestTokens.centralAdmin()).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body(body).when().put("/api/v1/indicators/" + indicatorId)
                .then().statusCode(409).body("type", org.hamcrest.Matchers.endsWith("read-only-replica"))
                .body("owner", equalTo("bkhcn"));
        given().auth().oauth2(TestTokens.centralAdmin()).header("If-Match", "\"0\"")
                .when().delete("/api/v1/indicators/" + indicatorId).then().statusCode(409);
        given().auth().oauth2(TestTokens.centralAdmin()).contentType(ContentType.JSON)
                .when().post("/api/v1/measurements/" + valueId + "/approve")
                .then().statusCode(409).body("type", org.hamcrest.Matchers.endsWith("read-only-replica"));
        given().auth().oauth2(TestTokens.submitter("BKHCN")).contentType(ContentType.JSON)
                .body(Fixtures.value(code, "2024", "BKHCN", 41))
                .when().post("/api/v1/measurements").then().statusCode(409)
                .body("type", org.hamcrest.Matchers.endsWith("read-only-replica"));
        given().auth().oauth2(TestTokens.submitter("BKHCN")).contentType(ContentType.JSON)
                .body(Map.of("measurements", List.of(Fixtures.value(code, "2024", "BKHCN", 41))))
                .when().post("/api/v1/measurements/batch?mode=partial").then().statusCode(200)
                .body("rows[0].status", equalTo("REJECTED"));
        given().auth().oauth2(TestTokens.viewer("BKHCN")).when().get("/api/v1/measurements/" + valueId)
                .then().statusCode(200).body("value", equalTo(40)).body("status", equalTo("SUBMITTED"));
        // central still records its own values for the indicator (another agency)
        given().auth().oauth2(TestTokens.submitter("BTC")).contentType(ContentType.JSON)
                .body(Fixtures.value(code, "2024", "BTC", 2))
                .when().post("/api/v1/measurements").then().statusCode(201).body("origin", equalTo("central"));
    }

    @Test
    void aBatchEventAppliesEachValueAndTheSameBatchTwiceIsADuplicateWithoutDoubleEffect() {
        String code = Fixtures.code("FED");
        String indicatorId = ministryIndicator(code);
        String a = UUID.randomUUID().toString();
        String b = UUID.randomUUID().toString();
        String batchId = UUID.randomUUID().toString();
        Map<String, Object> batch = Federated.batch(batchId, measurement(a, indicatorId, "2023", 10, "SUBMITTED", 0),
                measurement(b, indicatorId, "2024", 25, "SUBMITTED", 0));
        JsonPath first = send(batch);
        assertEquals("APPLIED", first.getString("results[0].status"), first.prettify());
        JsonPath again = send(batch);
        assertEquals("DUPLICATE", again.getString("results[0].status"));
        given().auth().oauth2(TestTokens.viewer("BKHCN")).when().get("/api/v1/measurements?indicator=" + code)
                .then().statusCode(200).body("total", equalTo(2)).body("items.value", contains(25, 10))
                .body("items.origin", contains("bkhcn", "bkhcn"));
        assertEquals(1, count("SELECT count(*) FROM measurement_history WHERE measurement_id = ?1", UUID.fromString(a)));
        assertEquals(1, count("SELECT count(*) FROM outbox WHERE aggregate_id = ?1 AND event_type = ?2", batchId,
                KpiEvents.MEASUREMENTS_RECORDED));
        JsonPath evaluated = evaluation(code);
        assertEquals("2024", evaluated.getString("latestPeriod"));
        assertEquals(2, evaluated.getInt("valuesUsed"));
    }

    @Test
    void aMinistrysValuesForAgenciesOutsideItsPartOfTheTreeAreRejectedAndNothingOfTheirBatchIsWritten() {
        String code = Fixtures.code("FED");
        String indicatorId = ministryIndicator(code);
        String own = UUID.randomUUID().toString();
        String below = UUID.randomUUID().toString();
        String foreign = UUID.randomUUID().toString();
        Map<String, Object> belowValue = measurement(below, indicatorId, "2024", 5, "SUBMITTED", 0);
        belowValue.put("agency", "BKHCN-CDMST");
        Map<String, Object> foreignValue = measurement(foreign, indicatorId, "2024", 500, "SUBMITTED", 0);
        foreignValue.put("agency", "BYT");
        String batchId = UUID.randomUUID().toString();
        JsonPath answer = send(Federated.batch(batchId, measurement(own, indicatorId, "2024", 10, "SUBMITTED", 0),
                belowValue, foreignValue));
        assertEquals("REJECTED", answer.getString("results[0].status"), answer.prettify());
        assertEquals(true, answer.getString("results[0].reason").contains("reports for BKHCN and the agencies below "
                + "it, not for BYT"), answer.getString("results[0].reason"));
        given().auth().oauth2(TestTokens.viewer("BKHCN")).when().get("/api/v1/measurements?indicator=" + code)
                .then().statusCode(200).body("total", equalTo(0));
        String single = UUID.randomUUID().toString();
        Map<String, Object> singleForeign = measurement(single, indicatorId, "2023", 7, "SUBMITTED", 0);
        singleForeign.put("agency", "BYT");
        assertEquals("REJECTED", send(TestEvents.event(KpiEvents.MEASUREMENT_RECORDED, single, 0, Federated.MINISTRY,
                singleForeign)).getString("results[0].status"));

        // its own agency and one below it are taken
        String again = UUID.randomUUID().toString();
        answer = send(Federated.batch(again, measurement(own, indicatorId, "2024", 10, "SUBMITTED", 0), belowValue));
        assertEquals("APPLIED", answer.getString("results[0].status"), answer.prettify());
        given().auth().oauth2(TestTokens.viewer("BKHCN")).when().get("/api/v1/measurements?indicator=" + code)
                .then().statusCode(200).body("total", equalTo(2));
    }

    @Test
    void aFederationTokenWithoutAnAgencyMayNotSendEvents() {
        given().auth().oauth2(TestTokens.federation(Federated.MINISTRY, null)).contentType(ContentType.JSON)
                .body(Map.of("events", List.of())).when().post("/api/v1/federation/events")
                .then().statusCode(403).body("detail", containsString("agency claim"));
    }

    @Test
    void eventsOfOneValueOutOfOrderKeepTheNewerStateAndABatchConvergesWithSingleEvents() {
        String code = Fixtures.code("FED");
        String indicatorId = ministryIndicator(code);
        String valueId = UUID.randomUUID().toString();
        JsonPath answer = send(
                TestEvents.event(KpiEvents.MEASUREMENT_RECORDED, valueId, 2, Federated.MINISTRY,
                        measurement(valueId, indicatorId, "2024", 30, "SUBMITTED", 2)),
                TestEvents.event(KpiEvents.MEASUREMENT_RECORDED, valueId, 1, Federated.MINISTRY,
                        measurement(valueId, indicatorId, "2024", 20, "SUBMITTED", 1)));
        assertEquals(List.of("APPLIED", "SUPERSEDED"), answer.getList("results.status"));
        // the batch that first recorded it (version 0) arrives last: applied as an event, but the value stays v2's
        String batchId = UUID.randomUUID().toString();
        answer = send(Federated.batch(batchId, measurement(valueId, indicatorId, "2024", 10, "SUBMITTED", 0)));
        assertEquals("APPLIED", answer.getString("results[0].status"));
        given().auth().oauth2(TestTokens.viewer("BKHCN")).when().get("/api/v1/measurements/" + valueId)
                .then().statusCode(200).body("value", equalTo(30)).body("version", equalTo(2));
        assertEquals(30, evaluation(code).getInt("actual"));
        // nothing applied from that batch: nothing re-announced
        assertEquals(0, count("SELECT count(*) FROM outbox WHERE aggregate_id = ?1", batchId));
    }

    @Test
    void eventsChangingRowsCentralOrAnotherInstanceOwnsOrSentForAnotherOriginAreRejected() {
        String code = Fixtures.code("FED");
        String centralIndicator = Fixtures.createIndicator(code);
        Map<String, Object> takeover = indicator(centralIndicator, code, Fixtures.initiative("H4", "BKHCN",
                "IN_PROGRESS"), 5);
        JsonPath answer = send(TestEvents.event(KpiEvents.INDICATOR_UPDATED, centralIndicator, 5, Federated.MINISTRY,
                takeover));
        assertEquals("REJECTED", answer.getString("results[0].status"));
        assertEquals(true, answer.getString("results[0].reason").contains("owned by central"));
        given().auth().oauth2(TestTokens.viewer("BKHCN")).when().get("/api/v1/indicators/" + centralIndicator)
                .then().statusCode(200).body("tier", equalTo("STRATEGIC")).body("origin", equalTo("central"))
                .body("version", equalTo(0));

        String centralValue = given().auth().oauth2(TestTokens.submitter("BKHCN")).contentType(ContentType.JSON)
                .body(Fixtures.value(code, "2024", "BKHCN", 7))
                .when().post("/api/v1/measurements").then().statusCode(201).extract().path("id");
        answer = send(TestEvents.event(KpiEvents.MEASUREMENT_RECORDED, centralValue, 3, Federated.MINISTRY,
                measurement(centralValue, centralIndicator, "2024", 99, "SUBMITTED", 3)));
        assertEquals("REJECTED", answer.getString("results[0].status"));
        // another id for the same indicator, period and agency
        String clash = UUID.randomUUID().toString();
        answer = send(TestEvents.event(KpiEvents.MEASUREMENT_RECORDED, clash, 0, Federated.MINISTRY,
                measurement(clash, centralIndicator, "2024", 99, "SUBMITTED", 0)));
        assertEquals("REJECTED", answer.getString("results[0].status"));
        given().auth().oauth2(TestTokens.viewer("BKHCN")).when().get("/api/v1/measurements/" + centralValue)
                .then().statusCode(200).body("value", equalTo(7)).body("origin", equalTo("central"));

        // a national (STRATEGIC) indicator from a ministry, and an event claiming another origin
        String strategic = UUID.randomUUID().toString();
        Map<String, Object> national = indicator(strategic, Fixtures.code("FED"), null, 0);
        national.put("tier", "STRATEGIC");
        assertEquals("REJECTED", send(TestEvents.event(KpiEvents.INDICATOR_CREATED, strategic, 0, Federated.MINISTRY,
                national)).getString("results[0].status"));
        String other = UUID.randomUUID().toString();
        assertEquals("REJECTED", send(TestEvents.event(KpiEvents.INDICATOR_CREATED, other, 0, "byt",
                indicator(other, Fixtures.code("FED"), Fixtures.initiative("H4", "BKHCN", "IN_PROGRESS"), 0)))
                .getString("results[0].status"));
        given().auth().oauth2(TestTokens.viewer("BKHCN")).when().get("/api/v1/indicators/" + other).then().statusCode(404);
        given().auth().oauth2(TestTokens.viewer("BKHCN")).when().get("/api/v1/indicators/" + strategic).then().statusCode(404);

        // an indicator of an initiative another ministry owns
        String bytInitiative = Fixtures.initiative("H4", "BYT", "IN_PROGRESS");
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "UPDATE initiative_replica SET origin = 'byt' WHERE id = ?1").setParameter(1, UUID.fromString(bytInitiative))
                .executeUpdate());
        String foreign = UUID.randomUUID().toString();
        answer = send(TestEvents.event(KpiEvents.INDICATOR_CREATED, foreign, 0, Federated.MINISTRY,
                indicator(foreign, Fixtures.code("FED"), bytInitiative, 0)));
        assertEquals("REJECTED", answer.getString("results[0].status"));
    }

    @Test
    void aValueOfAnUnknownIndicatorIsParkedWithItsLaterEventsAndAppliedAfterTheIndicatorArrives() {
        String code = Fixtures.code("FED");
        String indicatorId = UUID.randomUUID().toString();
        String valueId = UUID.randomUUID().toString();
        JsonPath answer = send(TestEvents.event(KpiEvents.MEASUREMENT_RECORDED, valueId, 0, Federated.MINISTRY,
                measurement(valueId, indicatorId, "2024", 12, "SUBMITTED", 0)));
        assertEquals("PARKED", answer.getString("results[0].status"));
        assertEquals(true, answer.getString("results[0].reason").contains("not known"));
        // a later event of the same value waits behind it
        answer = send(TestEvents.event(KpiEvents.MEASUREMENT_SUBMITTED, valueId, 1, Federated.MINISTRY,
                measurement(valueId, indicatorId, "2024", 15, "SUBMITTED", 1)));
        assertEquals("PARKED", answer.getString("results[0].status"));
        given().auth().oauth2(TestTokens.viewer("BKHCN")).when().get("/api/v1/measurements/" + valueId)
                .then().statusCode(404);

        String initiative = Fixtures.initiative("H4", "BKHCN", "IN_PROGRESS");
        assertEquals("APPLIED", send(TestEvents.event(KpiEvents.INDICATOR_CREATED, indicatorId, 0, Federated.MINISTRY,
                indicator(indicatorId, code, initiative, 0))).getString("results[0].status"));
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "UPDATE parked_event SET next_attempt = now() WHERE aggregate_key = ?1")
                .setParameter(1, Federated.MINISTRY + "/" + valueId).executeUpdate());
        inbox.retryParked();

        given().auth().oauth2(TestTokens.viewer("BKHCN")).when().get("/api/v1/measurements/" + valueId)
                .then().statusCode(200).body("value", equalTo(15)).body("version", equalTo(1))
                .body("origin", equalTo("bkhcn"));
        given().auth().oauth2(TestTokens.viewer("BKHCN")).when().get("/api/v1/measurements/" + valueId + "/history")
                .then().statusCode(200).body("action", contains("RECORDED", "SUBMITTED"));
        assertEquals(0, count("SELECT count(*) FROM parked_event WHERE aggregate_key = ?1",
                Federated.MINISTRY + "/" + valueId));
        assertEquals(15, evaluation(code).getInt("actual"));
    }

    @Test
    void aValueFirstSeenAtALaterStepStartsItsHistoryThereAndItsNextChangeTakesTheRowsValueAsOld() {
        String indicatorId = ministryIndicator(Fixtures.code("FED"));
        String valueId = UUID.randomUUID().toString();
        assertEquals("APPLIED", send(TestEvents.event(KpiEvents.MEASUREMENT_SUBMITTED, valueId, 1, Federated.MINISTRY,
                measurement(valueId, indicatorId, "2024", 12, "SUBMITTED", 1))).getString("results[0].status"));
        assertEquals("APPLIED", send(TestEvents.event(KpiEvents.MEASUREMENT_RECORDED, valueId, 2, Federated.MINISTRY,
                measurement(valueId, indicatorId, "2024", 14, "SUBMITTED", 2))).getString("results[0].status"));
        given().auth().oauth2(TestTokens.viewer("BKHCN")).when().get("/api/v1/measurements/" + valueId + "/history")
                .then().statusCode(200).body("action", contains("SUBMITTED", "UPDATED"))
                .body("oldStatus", contains(null, "SUBMITTED")).body("oldValue[1]", equalTo(12))
                .body("newValue", contains(12, 14)).body("version", contains(1, 2));
    }

    @Test
    void aMinistrysValueForACatalogueIndicatorIsAppliedAsTheMinistrysOwnNextToCentralsValues() {
        String code = Fixtures.code("FED");
        String national = Fixtures.createIndicator(code);
        given().auth().oauth2(TestTokens.submitter("BTC")).contentType(ContentType.JSON)
                .body(Fixtures.value(code, "2024", "BTC", 5))
                .when().post("/api/v1/measurements").then().statusCode(201);
        String valueId = UUID.randomUUID().toString();
        assertEquals("APPLIED", send(TestEvents.event(KpiEvents.MEASUREMENT_RECORDED, valueId, 0, Federated.MINISTRY,
                measurement(valueId, national, "2024", 20, "SUBMITTED", 0))).getString("results[0].status"));
        given().auth().oauth2(TestTokens.viewer("BKHCN")).when().get("/api/v1/measurements?indicator=" + code)
                .then().statusCode(200).body("items.agency", contains("BKHCN", "BTC"))
                .body("items.origin", contains("bkhcn", "central"));
        JsonPath evaluated = evaluation(code);
        assertEquals(25, evaluated.getInt("actual"));
        assertEquals(2, evaluated.getInt("valuesUsed"));
    }

    @Test
    void aMinistrysDeletedIndicatorIsRemovedAtCentral() {
        String code = Fixtures.code("FED");
        String indicatorId = ministryIndicator(code);
        assertEquals("APPLIED", send(TestEvents.event(KpiEvents.INDICATOR_DELETED, indicatorId, 1, Federated.MINISTRY,
                indicator(indicatorId, code, null, 1))).getString("results[0].status"));
        given().auth().oauth2(TestTokens.viewer("BKHCN")).when().get("/api/v1/indicators/" + indicatorId)
                .then().statusCode(404);
    }

    @Test
    void theEventEndpointWantsAFederationToken() {
        given().contentType(ContentType.JSON).body(Map.of("events", List.of()))
                .when().post("/api/v1/federation/events").then().statusCode(401);
        given().auth().oauth2(TestTokens.ministryAdmin("BKHCN")).contentType(ContentType.JSON)
                .body(Map.of("events", List.of()))
                .when().post("/api/v1/federation/events").then().statusCode(403);
    }

    @Test
    void anIndicatorDeletedAtCentralLeavesATombstoneInTheCatalogueButNotForItsOwner() {
        long cursor = count("SELECT last_value FROM catalog_change_seq");
        String code = Fixtures.code("CAT");
        String national = Fixtures.createIndicator(code);
        given().auth().oauth2(TestTokens.centralAdmin()).header("If-Match", "\"0\"")
                .when().delete("/api/v1/indicators/" + national).then().statusCode(204);
        String token = TestTokens.federation(Federated.MINISTRY, "BKHCN");
        // the row is gone, so its creation is not served: only its tombstone
        JsonPath page = given().auth().oauth2(token).when().get("/api/v1/federation/catalog?since=" + cursor)
                .then().statusCode(200).extract().jsonPath();
        assertEquals(List.of(national), page.getList("items.id"));
        assertEquals(true, page.getBoolean("items[0].data.deleted"));
        assertEquals(code, page.getString("items[0].data.code"));
        assertEquals("central", page.getString("items[0].origin"));
        assertEquals(1, page.getInt("items[0].version"));

        // a ministry's own indicator deleted at central (its deletion event) is not served back to it
        long mark = count("SELECT last_value FROM catalog_change_seq");
        String own = ministryIndicator(Fixtures.code("CAT"));
        assertEquals("APPLIED", send(TestEvents.event(KpiEvents.INDICATOR_DELETED, own, 1, Federated.MINISTRY,
                Map.of("id", own))).getString("results[0].status"));
        given().auth().oauth2(token).when().get("/api/v1/federation/catalog?since=" + mark)
                .then().statusCode(200).body("items.id", not(hasItem(own)));
        given().auth().oauth2(TestTokens.federation("byt", "BYT")).when().get("/api/v1/federation/catalog?since=" + mark)
                .then().statusCode(200).body("items.id", hasItem(own));
    }

    @Test
    void theCatalogueServesIndicatorsInChangeOrderByCursorWithoutThePeersOwnOrUnrelatedOnes() {
        long cursor = count("SELECT last_value FROM catalog_change_seq");
        String national = Fixtures.createIndicator(Fixtures.code("CAT"));
        String own = ministryIndicator(Fixtures.code("CAT"));
        Map<String, Object> unrelated = Fixtures.indicator(Fixtures.code("CAT"));
        unrelated.put("tier", "OPERATIONAL");
        unrelated.put("ownerAgency", "BYT");
        unrelated.put("initiativeId", Fixtures.initiative("H4", "BYT", "IN_PROGRESS"));
        String other = Fixtures.create(unrelated);
        Map<String, Object> related = Fixtures.indicator(Fixtures.code("CAT"));
        related.put("tier", "OPERATIONAL");
        related.put("ownerAgency", "BYT");
        related.put("reportingAgencies", List.of("BYT", "BKHCN"));
        related.put("initiativeId", Fixtures.initiative("H4", "BYT", "IN_PROGRESS"));
        String reportedByBkhcn = Fixtures.create(related);

        String token = TestTokens.federation(Federated.MINISTRY, "BKHCN");
        JsonPath page = given().auth().oauth2(token).when().get("/api/v1/federation/catalog?since=" + cursor)
                .then().statusCode(200).extract().jsonPath();
        // the peer's own indicator is left out; an unrelated one comes as id and code only, marked withdrawn (a
        // peer that held it, before its agencies changed, drops it)
        assertEquals(List.of(national, other, reportedByBkhcn), page.getList("items.id"));
        assertEquals(List.of("central", "central", "central"), page.getList("items.origin"));
        assertEquals("indicator", page.getString("items[0].kind"));
        assertEquals("STRATEGIC", page.getString("items[0].data.tier"));
        assertEquals("2030", page.getString("items[0].data.targets[0].period"));
        assertEquals(Map.of("id", other, "code", unrelated.get("code"), "withdrawn", true), page.getMap("items[1].data"));
        assertEquals("OPERATIONAL", page.getString("items[2].data.tier"));
        assertEquals(false, page.getBoolean("more"));
        long end = page.getLong("next");
        org.junit.jupiter.api.Assertions.assertTrue(end >= page.getLong("items[2].seq"));

        // one at a time: the cursor moves past what the peer does not get
        JsonPath first = given().auth().oauth2(token).when().get("/api/v1/federation/catalog?since=" + cursor + "&limit=1")
                .then().statusCode(200).body("items.id", contains(national)).body("more", equalTo(true))
                .extract().jsonPath();
        JsonPath second = given().auth().oauth2(token)
                .when().get("/api/v1/federation/catalog?since=" + first.getLong("next") + "&limit=2")
                .then().statusCode(200).extract().jsonPath();
        assertEquals(List.of(other), second.getList("items.id"), "the peer's own is left out, an unrelated one withdrawn");
        assertEquals(true, second.getBoolean("items[0].data.withdrawn"));
        given().auth().oauth2(token).when().get("/api/v1/federation/catalog?since=" + second.getLong("next") + "&limit=2")
                .then().statusCode(200).body("items.id", contains(reportedByBkhcn));

        // a change at central (a new target) appears after the cursor
        Map<String, Object> changed = Fixtures.indicator((String) given().auth().oauth2(TestTokens.viewer("BKHCN"))
                .when().get("/api/v1/indicators/" + national).then().extract().path("code"));
        changed.put("targets", List.of(Map.of("period", "2030", "value", 60), Map.of("period", "2035", "value", 80)));
        given().auth().oauth2(TestTokens.centralAdmin()).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body(changed).when().put("/api/v1/indicators/" + national).then().statusCode(200);
        given().auth().oauth2(TestTokens.federation("byt", "BYT")).when().get("/api/v1/federation/catalog?since=" + end)
                .then().statusCode(200).body("items.id", contains(national))
                .body("items[0].data.targets.period", contains("2030", "2035")).body("items[0].version", equalTo(1));
        given().auth().oauth2(TestTokens.federation("byt", "BYT")).when().get("/api/v1/federation/catalog?since=" + cursor)
                .then().statusCode(200).body("items.findAll { it.data.tier != null }.id", hasItem(other))
                .body("items.findAll { it.data.tier != null }.id", hasItem(reportedByBkhcn))
                .body("items.findAll { it.data.tier != null }.id", not(hasItem(own)))
                .body("items.findAll { it.data.withdrawn }.id", hasItem(own));
        // a central admin reading the feed (operations) sees every indicator
        given().auth().oauth2(TestTokens.centralAdmin()).when().get("/api/v1/federation/catalog?since=" + cursor)
                .then().statusCode(200).body("items.id", hasItem(own)).body("items.id", hasItem(other));
    }
}
