package vn.nq57.kpi.federation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import vn.nq57.platform.federation.CentralClient;

/**
 * A ministry's calls to central through the typed client (MicroProfile REST Client, OIDC client filter, fault
 * tolerance) against a stub central: the token comes from the token endpoint and is reused, a token central refuses is
 * renewed and the call made again, a gateway's brief 503 is tried again, and a refusal is reported with central's status
 * and words, once.
 */
@QuarkusTest
@TestProfile(RefusedByCentralTest.Profile.class)
@QuarkusTestResource(value = StubCentral.class, restrictToAnnotatedClass = true)
class CentralClientTest {

    @Inject
    CentralClient central;

    @Inject
    MeterRegistry registry;

    @AfterEach
    void reset() {
        StubCentral.refusedToken = null;
        StubCentral.unavailable.set(0);
        StubCentral.probeStatus = 200;
    }

    @Test
    void theTokenIsFetchedOnceAndSentWithEachCall() {
        JsonNode first = probe();
        JsonNode second = probe();
        assertEquals("FEDERATED", first.path("state").asText());
        assertEquals("FEDERATED", second.path("state").asText());
        List<String> tokens = StubCentral.probeTokens;
        String last = tokens.get(tokens.size() - 1);
        assertTrue(last.startsWith("stub-token-"), last);
        assertEquals(last, tokens.get(tokens.size() - 2), "the cached token is reused");
    }

    @Test
    void aTokenCentralRefusesIsRenewedAndTheCallMadeAgain() {
        probe();
        String used = last();
        double refused = counter("nq57.federation.tokens.refused");
        double fetched = counter("nq57.federation.tokens.fetched");
        StubCentral.refusedToken = used;
        int before = StubCentral.probeTokens.size();

        assertEquals("FEDERATED", probe().path("state").asText());

        List<String> calls = StubCentral.probeTokens.subList(before, StubCentral.probeTokens.size());
        assertEquals(2, calls.size(), "the refused call and the one made again: " + calls);
        assertEquals(used, calls.get(0));
        assertNotEquals(used, calls.get(1), "the call is made again with a new token");
        assertEquals(refused + 1, counter("nq57.federation.tokens.refused"));
        assertTrue(counter("nq57.federation.tokens.fetched") > fetched, "a new token was fetched");
    }

    @Test
    void aGatewayBrieflyUnavailableIsTriedAgain() {
        StubCentral.unavailable.set(2);
        int before = StubCentral.probeTokens.size();
        assertEquals("FEDERATED", probe().path("state").asText());
        assertEquals(3, StubCentral.probeTokens.size() - before, "two 503s, then the answer");
    }

    @Test
    void aRefusalIsReportedWithCentralsStatusAndWordsOnceAndAnOutageAfterThreeAttempts() {
        StubCentral.probeStatus = 422;
        int before = StubCentral.probeTokens.size();
        CentralClient.CentralUnavailable refusal = assertThrows(CentralClient.CentralUnavailable.class, this::probe);
        assertEquals(422, refusal.status());
        assertTrue(refusal.getMessage().contains("refused by the stub"), refusal.getMessage());
        assertEquals(1, StubCentral.probeTokens.size() - before, "a refusal is not repeated");

        StubCentral.probeStatus = 200;
        StubCentral.unavailable.set(10);
        before = StubCentral.probeTokens.size();
        CentralClient.CentralUnavailable outage = assertThrows(CentralClient.TransientFailure.class, this::probe);
        assertEquals(503, outage.status());
        assertEquals(3, StubCentral.probeTokens.size() - before, "the first attempt and two more");

        // the forwarder's calls are made once: its next round sends what is pending then
        before = StubCentral.probeTokens.size();
        assertThrows(CentralClient.TransientFailure.class, () -> central.callOnce("probing", api -> api.instance("probe")));
        assertEquals(1, StubCentral.probeTokens.size() - before);
    }

    private JsonNode probe() {
        return central.call("probing", api -> api.instance("probe"));
    }

    private static String last() {
        return StubCentral.probeTokens.get(StubCentral.probeTokens.size() - 1);
    }

    private double counter(String name) {
        return registry.counter(name).count();
    }
}
