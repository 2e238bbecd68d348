package vn.nq57.kpi.federation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static vn.nq57.kpi.Fixtures.count;
import static vn.nq57.kpi.federation.Federated.indicator;
import static vn.nq57.kpi.federation.Federated.measurement;
import static vn.nq57.kpi.federation.Federated.send;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import vn.nq57.kpi.Fixtures;
import vn.nq57.kpi.events.KpiEvents;
import vn.nq57.platform.testing.TestEvents;

/**
 * Central applies a ministry's batch in one transaction (issue #19 §2) with the answers event-by-event application
 * gives: duplicates and superseded versions dropped, every step of a value in its history, the evaluation refreshed,
 * each applied value re-announced; a batch with an event that must be refused is applied event by event, so only
 * that event is refused.
 */
@QuarkusTest
class BatchApplyTest {

    @Test
    void aBatchIsAppliedInOneTransactionWithTheAnswersOfEventByEvent() {
        String indicatorId = ministryIndicator();
        String a = UUID.randomUUID().toString();
        String b = UUID.randomUUID().toString();
        Map<String, Object> recordedB = TestEvents.event(KpiEvents.MEASUREMENT_RECORDED, b, 0, Federated.MINISTRY,
                measurement(b, indicatorId, "2022", 20, "SUBMITTED", 0));
        List<Map<String, Object>> batch = List.of(
                TestEvents.event(KpiEvents.MEASUREMENT_RECORDED, a, 0, Federated.MINISTRY,
                        measurement(a, indicatorId, "2021", 10, "SUBMITTED", 0)),
                recordedB,
                TestEvents.event(KpiEvents.MEASUREMENT_APPROVED, a, 1, Federated.MINISTRY,
                        measurement(a, indicatorId, "2021", 10, "APPROVED", 1)),
                recordedB,
                TestEvents.event(KpiEvents.MEASUREMENT_RECORDED, a, 0, Federated.MINISTRY,
                        measurement(a, indicatorId, "2021", 99, "SUBMITTED", 0)));
        JsonPath answer = send(batch.toArray());
        assertEquals(List.of("APPLIED", "APPLIED", "APPLIED", "DUPLICATE", "SUPERSEDED"),
                answer.getList("results.status"), answer.prettify());

        assertEquals(1, count("SELECT count(DISTINCT processed_at) FROM processed_event WHERE consumer = 'federation' "
                + "AND event_id IN (?1, ?2, ?3, ?4)", id(batch, 0), id(batch, 1), id(batch, 2), id(batch, 4)),
                "one transaction recorded the whole batch");
        assertEquals(2, count("SELECT count(*) FROM measurement_history WHERE measurement_id = cast(?1 AS uuid)", a),
                "the value's history keeps both steps (recorded, approved)");
        assertEquals(1, count("SELECT count(*) FROM measurement_history WHERE measurement_id = cast(?1 AS uuid) "
                + "AND action = 'APPROVED' AND old_status = 'SUBMITTED' AND old_value = 10 AND new_status = 'APPROVED'",
                a), "the second step's history starts where the first step left the value");
        assertEquals(1, count("SELECT count(*) FROM measurement WHERE id = cast(?1 AS uuid) AND status = 'APPROVED' "
                + "AND value = 10 AND origin = 'bkhcn'", a), "the superseded version changed nothing");
        assertEquals(2, count("SELECT count(*) FROM indicator_period_agg WHERE indicator_id = cast(?1 AS uuid)",
                indicatorId), "both periods evaluated");
        assertEquals(3, count("SELECT count(*) FROM outbox WHERE aggregate_id IN (?1, ?2) "
                + "AND event_type LIKE 'nq57.measurement.%'", a, b), "each applied event re-announced at central");
    }

    @Test
    void aBatchWithAnEventToRefuseIsAppliedEventByEventAndOnlyThatOneIsRefused() {
        String indicatorId = ministryIndicator();
        String ok = UUID.randomUUID().toString();
        String outside = UUID.randomUUID().toString();
        Map<String, Object> foreign = measurement(outside, indicatorId, "2023", 5, "SUBMITTED", 0);
        foreign.put("agency", "BYT");
        JsonPath answer = send(
                TestEvents.event(KpiEvents.MEASUREMENT_RECORDED, ok, 0, Federated.MINISTRY,
                        measurement(ok, indicatorId, "2023", 7, "SUBMITTED", 0)),
                TestEvents.event(KpiEvents.MEASUREMENT_RECORDED, outside, 0, Federated.MINISTRY, foreign));
        assertEquals(List.of("APPLIED", "REJECTED"), answer.getList("results.status"), answer.prettify());
        assertEquals(1, count("SELECT count(*) FROM measurement WHERE id = cast(?1 AS uuid)", ok));
        assertEquals(0, count("SELECT count(*) FROM measurement WHERE id = cast(?1 AS uuid)", outside));
    }

    private static String id(List<Map<String, Object>> batch, int n) {
        return String.valueOf(batch.get(n).get("id"));
    }

    private static String ministryIndicator() {
        String id = UUID.randomUUID().toString();
        String initiative = Fixtures.initiative("H4", "BKHCN", "IN_PROGRESS");
        JsonPath answer = send(TestEvents.event(KpiEvents.INDICATOR_CREATED, id, 0, Federated.MINISTRY,
                indicator(id, Fixtures.code("BAT"), initiative, 0)));
        assertEquals("APPLIED", answer.getString("results[0].status"), answer.prettify());
        return id;
    }
}
