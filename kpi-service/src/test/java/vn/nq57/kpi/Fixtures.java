package vn.nq57.kpi;

import static io.restassured.RestAssured.given;

import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.http.ContentType;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import vn.nq57.platform.testing.TestTokens;

/** Test data made through the API, with random codes so that tests do not depend on leftover data. */
public final class Fixtures {

    private Fixtures() {
    }

    public static String code(String prefix) {
        return prefix + "-" + Long.toString(ThreadLocalRandom.current().nextLong(36L * 36 * 36 * 36 * 36 * 36 * 36), 36)
                .toUpperCase();
    }

    /** A STRATEGIC annual indicator body; tweak the map before posting. */
    public static Map<String, Object> indicator(String code) {
        Map<String, Object> body = new HashMap<>();
        body.put("code", code);
        body.put("nameVi", "Tỷ lệ cơ sở dữ liệu quốc gia được kết nối, chia sẻ");
        body.put("nameEn", "Share of national databases connected and shared");
        body.put("unit", "PERCENT");
        body.put("direction", "HIGHER_IS_BETTER");
        body.put("aggregation", "SUM");
        body.put("frequency", "ANNUAL");
        body.put("baseline", Map.of("value", 10, "period", "2020"));
        body.put("targets", new ArrayList<>(List.of(Map.of("period", "2030", "value", 60, "note", "≥ 60%"))));
        body.put("tier", "STRATEGIC");
        body.put("system", "H4");
        body.put("ownerAgency", "BKHCN");
        body.put("graceDays", 30);
        return body;
    }

    /** Creates the indicator as a central admin and answers its id. */
    public static String create(Map<String, Object> body) {
        return given().auth().oauth2(TestTokens.centralAdmin()).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/indicators")
                .then().statusCode(201).extract().path("id");
    }

    public static String createIndicator(String code) {
        return create(indicator(code));
    }

    public static Map<String, Object> value(String indicator, String period, String agency, Object value) {
        Map<String, Object> row = new HashMap<>();
        row.put("indicator", indicator);
        row.put("period", period);
        row.put("agency", agency);
        row.put("value", value);
        return row;
    }

    /**
     * An initiative as initiative-service announces it on {@code nq57.initiatives.v1} (through the in-memory
     * connector), once kpi-service's replica holds it; answers its id.
     */
    public static String initiative(String system, String leadAgency, String status) {
        String id = UUID.randomUUID().toString();
        announceInitiative(id, system, leadAgency, status, 0);
        return id;
    }

    /** Sends an initiative event and waits until kpi-service's inbox has taken it in (applied or skipped as stale). */
    public static void announceInitiative(String id, String system, String leadAgency, String status, long version) {
        String eventId = UUID.randomUUID().toString();
        var connector = io.quarkus.arc.Arc.container().select(
                io.smallrye.reactive.messaging.memory.InMemoryConnector.class,
                jakarta.enterprise.inject.Any.Literal.INSTANCE).get();
        Map<String, Object> data = Map.of("id", id, "code", code(system), "system", system,
                "titleVi", "Sáng kiến " + id, "leadAgencyCode", leadAgency, "status", status, "key", false);
        connector.source("initiative-events").send(vn.nq57.platform.testing.TestEvents.json(
                vn.nq57.platform.testing.TestEvents.event(eventId, "nq57.initiative.status-changed.v1", id, version,
                        "central", data)));
        var em = io.quarkus.arc.Arc.container().instance(jakarta.persistence.EntityManager.class).get();
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).until(() ->
                io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                        "SELECT count(*) FROM processed_event WHERE event_id = ?1").setParameter(1, eventId)
                        .getSingleResult()).longValue() == 1));
    }

    public static String idempotencyKey() {
        return UUID.randomUUID().toString();
    }

    /** A number from SQL, in a transaction of its own. */
    public static long count(String sql, Object... params) {
        EntityManager em = Arc.container().instance(EntityManager.class).get();
        return QuarkusTransaction.requiringNew().call(() -> {
            var q = em.createNativeQuery(sql);
            for (int i = 0; i < params.length; i++) {
                q.setParameter(i + 1, params[i]);
            }
            return ((Number) q.getSingleResult()).longValue();
        });
    }
}
