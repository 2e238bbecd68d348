package vn.nq57.initiative.federation;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.nq57.initiative.federation.FederationFixtures.created;

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
import vn.nq57.initiative.Fixtures;
import vn.nq57.platform.testing.TestTokens;

/** GET /api/v1/federation/catalog at central: change order, cursor paging, what a ministry is served. */
@QuarkusTest
class CentralServesTheCatalogueTest {

    @Inject
    EntityManager em;

    final String bkhcn = TestTokens.federation("bkhcn", "BKHCN");

    @Test
    void theCatalogueStartsWithSystemsAndPhasesInChangeOrderAndPagesByCursor() {
        JsonPath first = page(bkhcn, 0, 12);
        List<String> kinds = first.getList("items.kind");
        assertEquals(List.of("system", "system", "system", "system", "system", "system", "phase", "phase", "phase"),
                kinds.subList(0, 9));
        assertEquals("H1", first.getString("items[0].id"));
        assertEquals("central", first.getString("items[0].origin"));
        assertEquals("Đổi mới thể chế và quản trị quốc gia", first.getString("items[0].data.nameVi"));
        assertEquals("agency", first.getString("items[9].kind"));
        List<Long> seqs = first.getList("items.seq", Long.class);
        for (int i = 1; i < seqs.size(); i++) {
            assertTrue(seqs.get(i) > seqs.get(i - 1), "stamps increase: " + seqs);
        }
        assertEquals(seqs.get(seqs.size() - 1), first.getLong("next"));
        assertTrue(first.getBoolean("more"));

        JsonPath second = page(bkhcn, first.getLong("next"), 12);
        assertTrue(second.getList("items.seq", Long.class).stream().allMatch(s -> s > first.getLong("next")));
    }

    @Test
    void aMinistryIsServedTheInitiativesItsAgencySubtreeLeadsOrCoordinatesButNotItsOwn() {
        long cursor = cursor();
        String led = Fixtures.createId("H4", "BKHCN");
        Map<String, Object> byUnit = Fixtures.initiative(Fixtures.uniqueCode("H2"), "BYT");
        byUnit.put("coordinatingAgencies", List.of("BKHCN-CDMST"));
        String coordinated = Fixtures.create(byUnit).path("id");
        String elsewhere = Fixtures.createId("H3", "BYT");
        UUID own = UUID.randomUUID();
        created(bkhcn, "bkhcn", own, Fixtures.uniqueCode("H4"), "BKHCN", "Của chính Bộ")
                .body("results[0].status", equalTo("APPLIED"));

        JsonPath served = page(bkhcn, cursor, 1000);
        List<String> ids = served.getList("items.findAll { it.kind == 'initiative' }.id");
        assertTrue(ids.containsAll(List.of(led, coordinated)), ids.toString());
        assertTrue(!ids.contains(elsewhere) && !ids.contains(own.toString()), ids.toString());
        Map<String, Object> item = served.getMap("items.find { it.id == '" + led + "' }");
        assertEquals("central", item.get("origin"));
        @SuppressWarnings("unchecked")
        Map<String, Object> data = (Map<String, Object>) item.get("data");
        assertEquals("BKHCN", data.get("leadAgencyCode"));
        assertEquals(1, ((List<?>) data.get("outputs")).size());
        assertEquals(1, ((List<?>) data.get("milestones")).size());

        // a central admin gets everything, the ministry's own initiative included (with its origin)
        JsonPath all = page(TestTokens.centralAdmin(), cursor, 1000);
        assertTrue(all.getList("items.id").containsAll(List.of(led, coordinated, elsewhere, own.toString())));
        assertEquals("bkhcn", all.getString("items.find { it.id == '" + own + "' }.origin"));
    }

    @Test
    void theCursorMovesPastWhatIsLeftOutAndAChangeAtCentralAppearsAfterIt() {
        long cursor = cursor();
        String id = Fixtures.createId("H4", "BKHCN");
        String leftOut = Fixtures.createId("H3", "BYT");
        JsonPath page = page(bkhcn, cursor, 1000);
        List<String> ids = page.getList("items.id");
        assertTrue(ids.contains(id) && !ids.contains(leftOut), ids.toString());
        long next = page.getLong("next");
        assertEquals(cursor(), next, "next moves past the initiative left out, the latest change");

        JsonPath nothingNew = page(bkhcn, next, 1000);
        assertEquals(List.of(), nothingNew.getList("items"));
        assertEquals(next, nothingNew.getLong("next"));
        assertFalse(nothingNew.getBoolean("more"));

        String etag = given().auth().oauth2(TestTokens.centralAdmin()).when().get("/api/v1/initiatives/" + id)
                .then().statusCode(200).extract().header("ETag");
        Map<String, Object> body = given().auth().oauth2(TestTokens.centralAdmin()).when()
                .get("/api/v1/initiatives/" + id).then().extract().jsonPath().getMap("");
        Map<String, Object> update = Fixtures.initiative((String) body.get("code"), "BKHCN");
        update.put("titleVi", "Tên mới sau thay đổi ở trung ương");
        given().auth().oauth2(TestTokens.centralAdmin()).header("If-Match", etag).contentType(ContentType.JSON)
                .body(update).when().put("/api/v1/initiatives/" + id).then().statusCode(200);

        JsonPath after = page(bkhcn, next, 1000);
        assertEquals("Tên mới sau thay đổi ở trung ương",
                after.getString("items.find { it.id == '" + id + "' }.data.titleVi"));
        assertTrue(after.getLong("items.find { it.id == '" + id + "' }.seq") > next);
    }

    @Test
    void anAgencyChangeIsServedWithItsSubtreeAfterIt() {
        String parent = "FEDP-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        String child = parent + "-C";
        createAgency(parent, "BKHCN");
        createAgency(child, parent);
        long cursor = cursor();
        var current = given().auth().oauth2(TestTokens.centralAdmin()).when().get("/api/v1/agencies/" + parent)
                .then().statusCode(200).extract();
        given().auth().oauth2(TestTokens.centralAdmin()).header("If-Match", current.header("ETag"))
                .contentType(ContentType.JSON)
                .body(Map.of("code", parent, "nameVi", "Tên mới", "level", "AGENCY_UNIT", "parentCode", "BKHCN"))
                .when().put("/api/v1/agencies/" + current.path("id")).then().statusCode(200);
        List<String> codes = page(bkhcn, cursor, 1000).getList("items.findAll { it.kind == 'agency' }.data.code");
        assertEquals(List.of(parent, child), codes);
    }

    private static void createAgency(String code, String parent) {
        given().auth().oauth2(TestTokens.centralAdmin()).contentType(ContentType.JSON)
                .body(Map.of("code", code, "nameVi", "Đơn vị " + code, "level", "AGENCY_UNIT", "parentCode", parent))
                .when().post("/api/v1/agencies").then().statusCode(201);
    }

    private static JsonPath page(String token, long since, int limit) {
        return given().auth().oauth2(token).queryParam("since", since).queryParam("limit", limit)
                .when().get(FederationFixtures.CATALOG).then().statusCode(200).extract().jsonPath();
    }

    /** The latest change stamp: what a ministry holds once it has pulled everything. */
    private long cursor() {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "SELECT last_value FROM catalog_change_seq").getSingleResult()).longValue());
    }
}
