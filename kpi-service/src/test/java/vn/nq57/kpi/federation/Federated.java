package vn.nq57.kpi.federation;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import vn.nq57.platform.testing.TestTokens;

/** What a ministry instance sends to central, shaped as kpi-service's own events carry it. */
final class Federated {

    static final String MINISTRY = "bkhcn";

    private Federated() {
    }

    /** An OPERATIONAL annual indicator of {@code initiative} owned by BKHCN, as nq57.indicator.*.v1 carries it. */
    static Map<String, Object> indicator(String id, String code, String initiative, long version) {
        Map<String, Object> d = new HashMap<>();
        d.put("id", id);
        d.put("code", code);
        d.put("nameVi", "Số cơ sở dữ liệu chuyên ngành được số hoá");
        d.put("nameEn", "Sector databases digitised");
        d.put("unit", "COUNT");
        d.put("direction", "HIGHER_IS_BETTER");
        d.put("aggregation", "SUM");
        d.put("frequency", "ANNUAL");
        d.put("baseline", Map.of("value", 0, "period", "2020"));
        d.put("targets", new ArrayList<>(List.of(Map.of("period", "2030", "value", 100, "note", "≥ 100"))));
        d.put("tier", "OPERATIONAL");
        d.put("system", "H4");
        d.put("initiativeId", initiative);
        d.put("ownerAgency", "BKHCN");
        d.put("reportingAgencies", List.of("BKHCN"));
        d.put("graceDays", 30);
        d.put("tolerancePoints", 10);
        d.put("originInstance", MINISTRY);
        d.put("origin", MINISTRY);
        d.put("version", version);
        d.put("createdBy", "admin.bkhcn");
        return d;
    }

    /** A value as nq57.measurement.*.v1 (and each entry of a batch event) carries it. */
    static Map<String, Object> measurement(String id, String indicatorId, String period, Object value, String status,
                                           long version) {
        String now = OffsetDateTime.now(ZoneOffset.UTC).toString();
        Map<String, Object> d = new HashMap<>();
        d.put("id", id);
        d.put("indicatorId", indicatorId);
        d.put("indicatorCode", "?");
        d.put("period", period);
        d.put("agency", "BKHCN");
        d.put("value", value);
        d.put("status", status);
        d.put("actor", "submitter.bkhcn");
        d.put("at", now);
        d.put("originInstance", MINISTRY);
        d.put("origin", MINISTRY);
        d.put("version", version);
        d.put("note", "Số liệu bộ");
        d.put("submittedBy", "submitter.bkhcn");
        d.put("submittedAt", now);
        d.put("firstSubmittedAt", now);
        return d;
    }

    /** BKHCN's batch event (one chunk) of these values, as nq57.measurement.batch-recorded.v1 carries it. */
    @SafeVarargs
    static Map<String, Object> batch(String batchId, Map<String, Object>... values) {
        return vn.nq57.platform.testing.TestEvents.event(vn.nq57.kpi.events.KpiEvents.MEASUREMENTS_RECORDED, batchId,
                1, MINISTRY, Map.of("batchId", batchId, "chunk", 1, "chunks", 1, "measurements", List.of(values)));
    }

    /** Posts events as BKHCN's federation client; answers the per-event answer. */
    static JsonPath send(Object... events) {
        return sendAs(TestTokens.federation(MINISTRY, "BKHCN"), events);
    }

    static JsonPath sendAs(String token, Object... events) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("events", List.of(events)))
                .when().post("/api/v1/federation/events")
                .then().statusCode(200).extract().jsonPath();
    }
}
