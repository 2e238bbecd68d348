package vn.nq57.kpi.federation;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.nq57.kpi.Fixtures.count;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import vn.nq57.kpi.Fixtures;
import vn.nq57.platform.federation.CatalogFeed;
import vn.nq57.platform.federation.Handover;
import vn.nq57.platform.federation.HandoverRows;
import vn.nq57.platform.testing.MinistryProfile;
import vn.nq57.platform.testing.TestTokens;

/**
 * A ministry writing central's copy of its values as its own (issue #20): every column as central stored it, the
 * owner columns set to this instance; a value it holds of its own for the same key stays and central's copy is listed
 * as kept out; a newer row of its own is never replaced by an older copy; a page written twice changes nothing.
 */
@QuarkusTest
@TestProfile(MinistryProfile.class)
class HandoverAtMinistryTest {

    @Inject
    HandoverRows rows;

    @Inject
    CatalogFeed.Sink sink;

    @Inject
    ObjectMapper mapper;

    @Inject
    EntityManager em;

    @Test
    void centralsCopyBecomesTheMinistrysOwnExceptWhereItHoldsAValueOfItsOwnForTheSameKey() throws Exception {
        String indicator = UUID.randomUUID().toString();
        String code = Fixtures.code("HOV");
        Map<String, Object> data = new HashMap<>(Fixtures.indicator(code));
        data.put("id", indicator);
        data.put("system", "H4");
        data.put("version", 0);
        data.put("origin", "central");
        QuarkusTransaction.requiringNew().run(() -> sink.apply(new CatalogFeed.Item("indicator", indicator, 0, 7, "central",
                mapper.valueToTree(data))));
        String own = given().auth().oauth2(TestTokens.submitter("BKHCN")).contentType(ContentType.JSON)
                .body(Fixtures.value(code, "2024", "BKHCN", 77.5)).when().post("/api/v1/measurements")
                .then().statusCode(201).extract().path("id");
        // central's copies, as row_to_json gives them there: one for the key the ministry holds, one it does not
        ObjectNode template = (ObjectNode) mapper.readTree((String) QuarkusTransaction.requiringNew().call(() ->
                em.createNativeQuery("SELECT CAST(row_to_json(m) AS text) FROM measurement m WHERE id = CAST(?1 AS uuid)")
                        .setParameter(1, own).getSingleResult()));
        String clash = UUID.randomUUID().toString();
        String handed = UUID.randomUUID().toString();
        ArrayNode page = mapper.createArrayNode();
        page.add(template.deepCopy().put("id", clash).put("value", 57.8).put("origin", "bkhcn")
                .put("origin_instance", "central").put("version", 2));
        page.add(template.deepCopy().put("id", handed).put("period", "2023").put("period_end", "2023-12-31")
                .put("value", 12.5).put("origin", "bkhcn").put("origin_instance", "central").put("version", 3)
                .put("submitted_by", "central.admin"));
        Handover.Kind kind = rows.kind("measurement").orElseThrow();

        HandoverRows.Written first = QuarkusTransaction.requiringNew().call(() -> rows.write(kind, page, "bkhcn"));
        assertEquals(1, first.applied());
        assertEquals(1, first.kept());
        given().auth().oauth2(TestTokens.viewer("BKHCN")).when().get("/api/v1/measurements/" + handed).then()
                .statusCode(200).body("origin", equalTo("bkhcn")).body("originInstance", equalTo("bkhcn"))
                .body("value", equalTo(12.5f)).body("version", equalTo(3)).body("submittedBy", equalTo("central.admin"));
        given().auth().oauth2(TestTokens.viewer("BKHCN")).when().get("/api/v1/measurements/" + own).then()
                .statusCode(200).body("value", equalTo(77.5f));
        assertEquals(0, count("SELECT count(*) FROM measurement WHERE id = CAST(?1 AS uuid)", clash));
        assertTrue(count("SELECT count(*) FROM federation_handover_kept WHERE kind = 'measurement' AND row_key = ?1 "
                + "AND cause = 'DUPLICATE' AND reason LIKE '%holds a row of its own for the same key (Key (indicator_id, period, "
                + "agency_code)=%'", clash) == 1);
        // the same page again changes nothing; an older copy never replaces the row
        assertEquals(0, QuarkusTransaction.requiringNew().call(() -> rows.write(kind, page, "bkhcn")).applied());
        ArrayNode older = mapper.createArrayNode().add(((ObjectNode) page.get(1)).deepCopy().put("value", 99)
                .put("version", 2));
        assertEquals(0, QuarkusTransaction.requiringNew().call(() -> rows.write(kind, older, "bkhcn")).applied());
        given().auth().oauth2(TestTokens.viewer("BKHCN")).when().get("/api/v1/measurements/" + handed).then()
                .statusCode(200).body("value", equalTo(12.5f));
        // the handed-over value is the ministry's own: it is written here and forwarded
        given().auth().oauth2(TestTokens.submitter("BKHCN")).contentType(ContentType.JSON)
                .body(Fixtures.value(code, "2023", "BKHCN", 13)).when().post("/api/v1/measurements")
                .then().statusCode(200).body("id", equalTo(handed)).body("version", equalTo(4));
        assertEquals(1, count("SELECT count(*) FROM outbox WHERE aggregate_id = ?1 AND forward", handed));
        given().auth().oauth2(TestTokens.ministryAdmin("BKHCN")).when().get("/api/v1/federation/handover").then()
                .statusCode(200).body("complete", equalTo(false));
    }
}
