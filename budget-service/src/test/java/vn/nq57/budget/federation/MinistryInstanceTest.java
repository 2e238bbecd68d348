package vn.nq57.budget.federation;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.nq57.budget.Fixtures;
import vn.nq57.budget.Fixtures.Initiative;
import vn.nq57.budget.events.BudgetEvents;
import vn.nq57.platform.outbox.OutboxEvent;
import vn.nq57.platform.testing.MinistryProfile;
import vn.nq57.platform.testing.TestTokens;

/**
 * budget-service at a ministry instance: its own allocations and disbursements are marked for forwarding to central,
 * and each event carries the full state central needs to keep them from that one event.
 */
@QuarkusTest
@TestProfile(MinistryProfile.class)
class MinistryInstanceTest {

    @Inject
    ObjectMapper mapper;

    @Test
    void ownAllocationAndDisbursementEventsAreMarkedForwardAndCarryTheFullState() throws Exception {
        Fixtures.ensureFiscalYear(Fixtures.PAST_YEAR);
        Initiative i = Fixtures.newInitiative("H4", "BKHCN", false);
        String id = Fixtures.approved(i, Fixtures.PAST_YEAR, "LOCAL_BUDGET", 1_000L);
        Fixtures.disburse(TestTokens.submitter("BKHCN"), id, Fixtures.PAST_YEAR + "-05-05", 300L, Fixtures.reference())
                .then().statusCode(201).body("origin", equalTo("bkhcn"));
        given().auth().oauth2(TestTokens.viewer("BKHCN")).when().get("/api/v1/allocations/" + id)
                .then().statusCode(200).body("origin", equalTo("bkhcn"));

        List<OutboxEvent> events = QuarkusTransaction.requiringNew().call(() -> OutboxEvent.<OutboxEvent>list(
                "aggregateId = ?1 order by aggregateVersion", id));
        assertEquals(List.of(BudgetEvents.ALLOCATION_CREATED, BudgetEvents.ALLOCATION_APPROVED,
                BudgetEvents.DISBURSEMENT_RECORDED), events.stream().map(e -> e.eventType).toList());
        events.forEach(e -> assertTrue(e.forward, e.eventType + " is marked for forwarding"));

        JsonNode approved = mapper.readTree(events.get(1).payload);
        assertEquals("bkhcn", approved.path("origininstance").asText());
        JsonNode state = approved.path("data");
        assertEquals("APPROVED", state.path("status").asText());
        assertEquals("central.admin", state.path("approvedBy").asText(), "who approved travels with the state");
        assertEquals("APPROVED", state.path("change").path("action").asText());
        assertTrue(state.hasNonNull("createdBy") && state.hasNonNull("purpose") && state.has("unfundedKeyInitiatives"));

        JsonNode paid = mapper.readTree(events.get(2).payload).path("data");
        assertEquals(300, paid.path("amount").asLong());
        assertEquals(300, paid.path("allocationDisbursed").asLong());
        assertEquals("APPROVED", paid.path("allocationState").path("status").asText());
        assertEquals(300, paid.path("allocationState").path("disbursed").asLong());
        assertEquals(events.get(2).aggregateVersion, paid.path("allocationState").path("version").asLong());
        assertTrue(paid.hasNonNull("recordedBy") && paid.hasNonNull("recordedAt"));
    }
}
