package vn.nq57.kpi;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import vn.nq57.platform.testing.TestTokens;

@QuarkusTest
class IndicatorTest {

    @Test
    void theResolutionsNationalIndicatorsAreSeededWithSystemUnitDirectionAndTargets() {
        given().auth().oauth2(TestTokens.viewer("BKHCN"))
                .when().get("/api/v1/indicators/R57-GII-RANK")
                .then().statusCode(200)
                .body("tier", equalTo("STRATEGIC")).body("system", equalTo("H5"))
                .body("unit", equalTo("RANK")).body("direction", equalTo("LOWER_IS_BETTER"))
                .body("nameVi", equalTo("Xếp hạng Chỉ số Đổi mới sáng tạo toàn cầu (GII)"))
                .body("targets.period", contains("2045")).body("targets[0].value", equalTo(30));
        given().auth().oauth2(TestTokens.viewer("BKHCN"))
                .when().get("/api/v1/indicators/R57-DIGITAL-ECONOMY")
                .then().statusCode(200)
                .body("unit", equalTo("PERCENT")).body("direction", equalTo("HIGHER_IS_BETTER"))
                .body("targets.period", contains("2030", "2045"))
                .body("targets.value", contains(30, 50));
        given().auth().oauth2(TestTokens.viewer("BKHCN"))
                .when().get("/api/v1/indicators/R57-RD-PERSONNEL")
                .then().statusCode(200).body("unit", equalTo("PER_10K_PEOPLE")).body("targets[0].value", equalTo(12));
        given().auth().oauth2(TestTokens.viewer("BKHCN"))
                .when().get("/api/v1/indicators?tier=STRATEGIC&q=R57-SEA&size=10")
                .then().statusCode(200)
                .body("total", equalTo(3))
                .body("items.unit", contains("RANK", "RANK", "RANK"))
                .body("items.direction", contains("LOWER_IS_BETTER", "LOWER_IS_BETTER", "LOWER_IS_BETTER"));
        List<String> systems = given().auth().oauth2(TestTokens.viewer("BKHCN"))
                .when().get("/api/v1/indicators?q=R57-&size=100")
                .then().statusCode(200).body("total", equalTo(16)).extract().path("items.system");
        org.junit.jupiter.api.Assertions.assertTrue(systems.stream().allMatch(s -> s != null && s.matches("H[1-6]")));
    }

    @Test
    void aCentralAdminCreatesReadsUpdatesWithIfMatchAndDeletesAnIndicator() {
        String code = Fixtures.code("IND");
        var created = given().auth().oauth2(TestTokens.centralAdmin()).contentType(ContentType.JSON)
                .body(Fixtures.indicator(code))
                .when().post("/api/v1/indicators")
                .then().statusCode(201)
                .header("Location", notNullValue()).header("ETag", equalTo("\"0\""))
                .body("code", equalTo(code))
                .body("nameVi", equalTo("Tỷ lệ cơ sở dữ liệu quốc gia được kết nối, chia sẻ"))
                .body("baseline.value", equalTo(10)).body("baseline.period", equalTo("2020"))
                .body("targets[0].note", equalTo("≥ 60%"))
                .body("reportingAgencies", contains("BKHCN"))
                .extract();
        String id = created.path("id");
        Map<String, Object> changed = Fixtures.indicator(code);
        changed.put("nameVi", "Tỷ lệ dữ liệu được số hoá, làm sạch");
        changed.put("targets", List.of(Map.of("period", "2026", "value", 30), Map.of("period", "2030", "value", 70)));
        given().auth().oauth2(TestTokens.centralAdmin()).contentType(ContentType.JSON).body(changed)
                .when().put("/api/v1/indicators/" + id)
                .then().statusCode(428).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.centralAdmin()).contentType(ContentType.JSON).body(changed)
                .header("If-Match", "\"7\"")
                .when().put("/api/v1/indicators/" + id)
                .then().statusCode(412);
        given().auth().oauth2(TestTokens.centralAdmin()).contentType(ContentType.JSON).body(changed)
                .header("If-Match", "\"0\"")
                .when().put("/api/v1/indicators/" + id)
                .then().statusCode(200).header("ETag", equalTo("\"1\""))
                .body("nameVi", equalTo("Tỷ lệ dữ liệu được số hoá, làm sạch"))
                .body("targets.period", contains("2026", "2030"));
        given().auth().oauth2(TestTokens.viewer("HNI"))
                .when().get("/api/v1/indicators?q=du lieu duoc so hoa")
                .then().statusCode(200).body("items.code", hasItem(code));
        given().auth().oauth2(TestTokens.centralAdmin()).header("If-Match", "\"1\"")
                .when().delete("/api/v1/indicators/" + id)
                .then().statusCode(204);
        given().auth().oauth2(TestTokens.viewer("HNI"))
                .when().get("/api/v1/indicators/" + id)
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.centralAdmin())
                .when().get("/api/v1/audit?entityType=indicator&entityId=" + id)
                .then().statusCode(200)
                .body("items.action", contains("indicator.deleted", "indicator.updated", "indicator.created"));
    }

    @Test
    void aRankThatImprovesUpwardsIsRefused() {
        Map<String, Object> body = Fixtures.indicator(Fixtures.code("RANK"));
        body.put("unit", "RANK");
        body.put("direction", "HIGHER_IS_BETTER");
        given().auth().oauth2(TestTokens.centralAdmin()).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/indicators")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("direction"));
    }

    @Test
    void badIndicatorInputIsAProblemNamingTheField() {
        Map<String, Object> body = Fixtures.indicator(Fixtures.code("BAD"));
        body.put("baseline", Map.of("value", 1, "period", "2020Q1"));
        given().auth().oauth2(TestTokens.centralAdmin()).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/indicators")
                .then().statusCode(400).body("violations[0].field", equalTo("baseline.period"));
        body = Fixtures.indicator(Fixtures.code("BAD"));
        body.put("targets", List.of(Map.of("period", "2030Q1", "value", 1)));
        given().auth().oauth2(TestTokens.centralAdmin()).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/indicators")
                .then().statusCode(400).body("violations[0].field", equalTo("targets[0].period"));
        body = Fixtures.indicator(Fixtures.code("BAD"));
        body.put("ownerAgency", "NOPE");
        given().auth().oauth2(TestTokens.centralAdmin()).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/indicators")
                .then().statusCode(422).body("field", equalTo("ownerAgency"));
        body = Fixtures.indicator(Fixtures.code("BAD"));
        body.put("unit", "LITRES");
        given().auth().oauth2(TestTokens.centralAdmin()).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/indicators")
                .then().statusCode(400).body("violations[0].field", equalTo("unit"));
        given().auth().oauth2(TestTokens.viewer("BKHCN"))
                .when().get("/api/v1/indicators?tier=NATIONAL")
                .then().statusCode(400).body("violations[0].field", equalTo("tier"));
    }

    @Test
    void aDuplicateCodeIsAConflict() {
        String code = Fixtures.code("DUP");
        Fixtures.createIndicator(code);
        given().auth().oauth2(TestTokens.centralAdmin()).contentType(ContentType.JSON).body(Fixtures.indicator(code))
                .when().post("/api/v1/indicators")
                .then().statusCode(409);
    }

    @Test
    void aMinistryAdminManagesOperationalIndicatorsOfItsAgencyButNotNationalOnes() {
        given().auth().oauth2(TestTokens.ministryAdmin("BKHCN")).contentType(ContentType.JSON)
                .body(Fixtures.indicator(Fixtures.code("STR")))
                .when().post("/api/v1/indicators")
                .then().statusCode(403);
        Map<String, Object> operational = Fixtures.indicator(Fixtures.code("OPS"));
        operational.put("tier", "OPERATIONAL");
        operational.remove("system");
        operational.put("initiativeId", Fixtures.initiative("H4", "BKHCN", "IN_PROGRESS"));
        operational.put("ownerAgency", "BKHCN-CDMST");
        given().auth().oauth2(TestTokens.ministryAdmin("BKHCN")).contentType(ContentType.JSON).body(operational)
                .when().post("/api/v1/indicators")
                .then().statusCode(201).body("tier", equalTo("OPERATIONAL"))
                .body("initiativeId", equalTo(operational.get("initiativeId")));
        Map<String, Object> foreign = Fixtures.indicator(Fixtures.code("OPS"));
        foreign.put("tier", "OPERATIONAL");
        foreign.put("initiativeId", Fixtures.initiative("H3", "BYT", "IN_PROGRESS"));
        foreign.put("ownerAgency", "BYT");
        given().auth().oauth2(TestTokens.ministryAdmin("BKHCN")).contentType(ContentType.JSON).body(foreign)
                .when().post("/api/v1/indicators")
                .then().statusCode(403);
        given().auth().oauth2(TestTokens.submitter("BKHCN")).contentType(ContentType.JSON).body(operational)
                .when().post("/api/v1/indicators")
                .then().statusCode(403);
        Map<String, Object> noInitiative = Fixtures.indicator(Fixtures.code("OPS"));
        noInitiative.put("tier", "OPERATIONAL");
        given().auth().oauth2(TestTokens.centralAdmin()).contentType(ContentType.JSON).body(noInitiative)
                .when().post("/api/v1/indicators")
                .then().statusCode(400).body("violations[0].field", equalTo("initiativeId"));
    }

    @Test
    void anOperationalIndicatorNamesAnInitiativeTheReplicaKnowsAndThatIsNotCancelled() {
        Map<String, Object> body = Fixtures.indicator(Fixtures.code("OPS"));
        body.put("tier", "OPERATIONAL");
        body.remove("system");
        body.put("initiativeId", UUID.randomUUID().toString());
        given().auth().oauth2(TestTokens.centralAdmin()).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/indicators")
                .then().statusCode(422).contentType("application/problem+json").body("field", equalTo("initiativeId"));
        String initiative = Fixtures.initiative("H2", "BCT", "APPROVED");
        Fixtures.announceInitiative(initiative, "H2", "BCT", "CANCELLED", 1);
        body.put("initiativeId", initiative);
        given().auth().oauth2(TestTokens.centralAdmin()).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/indicators")
                .then().statusCode(422).body("detail", org.hamcrest.Matchers.containsString("cancelled"));
        // a late, older event does not bring it back
        Fixtures.announceInitiative(initiative, "H2", "BCT", "APPROVED", 0);
        given().auth().oauth2(TestTokens.centralAdmin()).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/indicators")
                .then().statusCode(422);
    }

    @Test
    void indicatorsNeedAToken() {
        given().when().get("/api/v1/indicators").then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void aRetriedCreationWithTheSameIdempotencyKeyCreatesOneIndicator() {
        String code = Fixtures.code("IDEM");
        String key = Fixtures.idempotencyKey();
        String first = given().auth().oauth2(TestTokens.centralAdmin()).contentType(ContentType.JSON)
                .header("Idempotency-Key", key).body(Fixtures.indicator(code))
                .when().post("/api/v1/indicators").then().statusCode(201).extract().path("id");
        given().auth().oauth2(TestTokens.centralAdmin()).contentType(ContentType.JSON)
                .header("Idempotency-Key", key).body(Fixtures.indicator(code))
                .when().post("/api/v1/indicators").then().statusCode(201)
                .header("Idempotent-Replayed", "true").body("id", equalTo(first));
        given().auth().oauth2(TestTokens.viewer("BKHCN")).when().get("/api/v1/indicators?q=" + code)
                .then().body("items", hasSize(1));
    }
}
