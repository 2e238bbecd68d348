package vn.nq57.helm;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Pod;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** helm test at a ministry: the federation client reaches each service at central with a token of central's Keycloak. */
class HelmTestPodTest {

    private static Pod testPod(Charts.Rendered rendered) {
        return rendered.named(Pod.class, "nq57-federation-test");
    }

    @Test
    void aMinistrysHelmTestGetsAFederationTokenAndCallsEachServiceAtCentral() {
        Pod pod = testPod(Scenario.MINISTRY.renderWithHooks());
        assertEquals("test", pod.getMetadata().getAnnotations().get("helm.sh/hook"));
        assertEquals("Never", pod.getSpec().getRestartPolicy());
        Container c = pod.getSpec().getContainers().get(0);
        assertTrue(c.getImage().matches("docker\\.io/curlimages/curl:[0-9]+\\.[0-9]+\\.[0-9]+"), "a pinned curl image: " + c.getImage());
        assertEquals("https://sso.nq57.gov.vn/realms/nq57/protocol/openid-connect/token", Pods.envVar(c, "TOKEN_URL").getValue());
        assertEquals("nq57-federation-bkhcn", Pods.envVar(c, "CLIENT_ID").getValue());
        var secret = Pods.envVar(c, "CLIENT_SECRET");
        assertNull(secret.getValue());
        assertEquals(List.of("nq57-federation", "client-secret"), List.of(secret.getValueFrom().getSecretKeyRef().getName(), secret.getValueFrom().getSecretKeyRef().getKey()));
        String script = c.getCommand().get(2);
        assertTrue(script.contains("-d grant_type=client_credentials"), script);
        // what a federation token may call at central (its health endpoint takes a central-admin token only)
        assertTrue(script.contains("\"https://initiative.nq57.gov.vn/api/v1/federation/catalog?since=0&limit=1\""), script);
        assertTrue(script.contains("\"https://kpi.nq57.gov.vn/api/v1/federation/catalog?since=0&limit=1\""), script);
        assertTrue(script.contains("-d '{\"events\":[]}' \"https://budget.nq57.gov.vn/api/v1/federation/events\""), script);
        assertTrue(script.contains("--fail-with-body") && script.contains("exit $FAILED"), "a failed call fails the test");
        assertEquals(Boolean.TRUE, c.getSecurityContext().getRunAsNonRoot());
        assertEquals(Boolean.FALSE, c.getSecurityContext().getAllowPrivilegeEscalation());
        assertEquals(Boolean.TRUE, c.getSecurityContext().getReadOnlyRootFilesystem());
        assertTrue(c.getResources().getLimits().containsKey("memory"));
        assertEquals(Boolean.FALSE, pod.getSpec().getAutomountServiceAccountToken());
    }

    @Test
    void theTestTrustsTheBundleAndUsesTheProxyWhenTheServicesDo() {
        Pod pod = testPod(Scenario.MINISTRY.renderWithHooks("global.trust.configMap", "nq57-ca", "global.proxy.httpsHost", "proxy.bkhcn.gov.vn"));
        Container c = pod.getSpec().getContainers().get(0);
        assertEquals("/etc/nq57/trust/ca.crt", Pods.envVar(c, "CACERT").getValue());
        assertEquals("http://proxy.bkhcn.gov.vn:3128", Pods.envVar(c, "HTTPS_PROXY").getValue());
        assertEquals("nq57-ca", pod.getSpec().getVolumes().get(0).getConfigMap().getName());
    }

    @Test
    void centralAndAnEvaluationHaveNoFederationTest() {
        assertTrue(Scenario.CENTRAL.renderWithHooks().all(Pod.class).isEmpty());
        assertTrue(Scenario.EVALUATION.renderWithHooks().all(Pod.class).isEmpty());
        assertTrue(Scenario.MINISTRY.renderWithHooks("tests.enabled", "false").all(Pod.class).isEmpty());
    }

    @Test
    void theCallsAreOnesAFederationTokenMayMake() throws IOException {
        String resource = Files.readString(Charts.source().resolveSibling("platform")
                .resolve("src/main/java/vn/nq57/platform/federation/FederationResource.java"));
        String catalog = resource.substring(resource.indexOf("@Path(\"/catalog\")"));
        assertTrue(catalog.substring(0, catalog.indexOf("public")).contains("Roles.FEDERATION"), "GET /catalog takes a federation token");
        String events = resource.substring(resource.indexOf("@Path(\"/events\")"));
        assertTrue(events.substring(0, events.indexOf("public")).contains("@RolesAllowed(Roles.FEDERATION)"), "POST /events takes a federation token");
        String health = resource.substring(resource.indexOf("@Path(\"/health\")"));
        assertFalse(health.substring(0, health.indexOf("public")).contains("Roles.FEDERATION"), "if health took a federation token, the test should call it");
    }
}
