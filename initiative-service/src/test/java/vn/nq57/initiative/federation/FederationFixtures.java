package vn.nq57.initiative.federation;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import vn.nq57.platform.testing.TestEvents;

/** Event data in the shapes initiative-service emits, and the federation endpoints, for the federation tests. */
final class FederationFixtures {

    static final String EVENTS = "/api/v1/federation/events";
    static final String CATALOG = "/api/v1/federation/catalog";

    private FederationFixtures() {
    }

    /** An initiative's full state as {@code InitiativeEventData} carries it, with one output and one milestone. */
    static Map<String, Object> initiative(UUID id, String code, String lead, String titleVi, String status,
                                          String origin, long version) {
        Map<String, Object> d = new HashMap<>();
        d.put("id", id.toString());
        d.put("code", code);
        d.put("system", code.substring(0, 2));
        d.put("phase", "P2");
        d.put("titleVi", titleVi);
        d.put("titleEn", "Federated " + code);
        d.put("contentOrientation", "Nội dung định hướng " + code);
        d.put("deadline", "2030-12-31");
        d.put("leadAgencyId", UUID.nameUUIDFromBytes(lead.getBytes()).toString());
        d.put("leadAgencyCode", lead);
        d.put("coordinatingAgencyCodes", List.of("BTC"));
        d.put("key", true);
        d.put("status", status);
        d.put("originInstance", origin);
        d.put("version", version);
        d.put("chiefArchitectName", "GS.TS. Trần Văn Bình");
        d.put("chiefArchitectPosition", "Tổng công trình sư");
        d.put("chiefArchitectAgencyCode", lead);
        d.put("evaluationCriteria", List.of("Tỷ lệ dữ liệu được chia sẻ ≥ 80%"));
        d.put("linkedProgrammes", List.of());
        Map<String, Object> output = new HashMap<>();
        output.put("id", UUID.nameUUIDFromBytes(("output:" + id).getBytes()).toString());
        output.put("description", "Báo cáo khảo sát " + code);
        output.put("dueDate", "2028-06-30");
        output.put("status", "PLANNED");
        output.put("evidenceLink", null);
        output.put("deliveredAt", null);
        output.put("overdue", false);
        output.put("origin", origin);
        output.put("version", 0);
        d.put("outputs", new ArrayList<>(List.of(output)));
        d.put("milestones", List.of(Map.of("id", UUID.randomUUID().toString(), "title", "Phê duyệt kiến trúc",
                "dueDate", "2027-03-31", "done", false)));
        d.put("createdBy", "admin." + origin);
        d.put("createdAt", OffsetDateTime.now(ZoneOffset.UTC).toString());
        d.put("updatedAt", OffsetDateTime.now(ZoneOffset.UTC).toString());
        return d;
    }

    /** An obstacle's full state as {@code ObstacleEventData} carries it. */
    static Map<String, Object> obstacle(UUID id, UUID initiativeId, String filedBy, String asked, String status,
                                        long version) {
        Map<String, Object> d = new HashMap<>();
        d.put("id", id.toString());
        d.put("initiativeId", initiativeId.toString());
        d.put("filedByAgency", filedBy);
        d.put("askedAgency", asked);
        d.put("status", status);
        d.put("filedAt", OffsetDateTime.now(ZoneOffset.UTC).toString());
        d.put("version", version);
        d.put("description", "Chưa có hướng dẫn cơ chế tài chính");
        d.put("request", "Đề nghị Bộ Tài chính ban hành hướng dẫn");
        d.put("answer", "ANSWERED".equals(status) ? "Đã ban hành hướng dẫn" : null);
        d.put("filedBy", "submitter." + filedBy.toLowerCase());
        return d;
    }

    static Map<String, Object> event(String type, Object subject, long version, String origin, Object data) {
        return TestEvents.event(type, subject, version, origin, data);
    }

    /** Posts the creation (version 0) of a DRAFT initiative {@code origin} owns, as {@code token}; the answer. */
    static ValidatableResponse created(String token, String origin, UUID id, String code, String lead, String title) {
        return send(token, event("nq57.initiative.created.v1", id, 0, origin,
                initiative(id, code, lead, title, "DRAFT", origin, 0)));
    }

    /** Posts a batch as {@code token}; the answer (200). */
    @SafeVarargs
    static ValidatableResponse send(String token, Map<String, Object>... events) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("events", List.of(events)))
                .when().post(EVENTS).then().statusCode(200);
    }
}
