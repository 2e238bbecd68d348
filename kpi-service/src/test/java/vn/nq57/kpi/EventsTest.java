package vn.nq57.kpi;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.junit.jupiter.api.Test;
import vn.nq57.platform.testing.TestTokens;

@QuarkusTest
class EventsTest {

    @Inject
    @Any
    InMemoryConnector connector;

    private void awaitEvent(String type, String... contains) {
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            List<? extends Message<String>> received = connector.<String>sink("nq57-events").received();
            return received.stream().map(Message::getPayload)
                    .anyMatch(p -> p.contains("\"type\":\"" + type + "\"")
                            && java.util.Arrays.stream(contains).allMatch(p::contains));
        });
    }

    @Test
    void indicatorAndMeasurementChangesAreEmittedThroughTheOutbox() {
        String code = Fixtures.code("EV");
        String indicatorId = Fixtures.createIndicator(code);
        awaitEvent("nq57.indicator.created.v1", "\"subject\":\"" + indicatorId + "\"");
        String id = given().auth().oauth2(TestTokens.submitter("BKHCN")).contentType(ContentType.JSON)
                .body(Fixtures.value(code, "2024", "BKHCN", 10))
                .when().post("/api/v1/measurements").then().statusCode(201).extract().path("id");
        awaitEvent("nq57.measurement.recorded.v1", "\"subject\":\"" + id + "\"");
        awaitEvent("nq57.indicator.evaluated.v1", "\"code\":\"" + code + "\",\"tier\":\"STRATEGIC\",\"system\":\"H4\"");
        awaitEvent("nq57.indicator.evaluated.v1", "\"code\":\"" + code + "\"", "\"latestPeriod\":\"2024\"",
                "\"valueCount\":1");
        given().auth().oauth2(TestTokens.ministryAdmin("BKHCN")).contentType(ContentType.JSON)
                .when().post("/api/v1/measurements/" + id + "/approve").then().statusCode(200);
        awaitEvent("nq57.measurement.approved.v1", "\"subject\":\"" + id + "\"");
        String other = given().auth().oauth2(TestTokens.submitter("BKHCN")).contentType(ContentType.JSON)
                .body(Fixtures.value(code, "2023", "BKHCN", 9))
                .when().post("/api/v1/measurements").then().statusCode(201).extract().path("id");
        given().auth().oauth2(TestTokens.ministryAdmin("BKHCN")).contentType(ContentType.JSON)
                .body(Map.of("reason", "Thiếu minh chứng"))
                .when().post("/api/v1/measurements/" + other + "/return").then().statusCode(200);
        awaitEvent("nq57.measurement.returned.v1", "Thiếu minh chứng");
        String batchId = given().auth().oauth2(TestTokens.submitter("BKHCN")).contentType(ContentType.JSON)
                .body(Map.of("measurements", List.of(Fixtures.value(code, "2022", "BKHCN", 8))))
                .when().post("/api/v1/measurements/batch").then().statusCode(200).extract().path("batchId");
        awaitEvent("nq57.measurement.batch-recorded.v1", "\"subject\":\"" + batchId + "\"");
        awaitEvent("nq57.measurement.batch-recorded.v1", "\"indicatorCode\":\"" + code + "\"");
    }
}
