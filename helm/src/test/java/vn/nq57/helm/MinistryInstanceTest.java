package vn.nq57.helm;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A ministry instance (BKHCN) as values-ministry.yaml describes it. */
class MinistryInstanceTest {

    private final Charts.Rendered ministry = Scenario.MINISTRY.render();

    private Container container(String service) {
        return Pods.service(ministry, service).getSpec().getTemplate().getSpec().getContainers().get(0);
    }

    /** The host of each service at central (values-central.yaml's Ingresses). */
    private static final Map<String, String> AT_CENTRAL = Map.of(
            "initiative-service", "https://initiative.nq57.gov.vn",
            "kpi-service", "https://kpi.nq57.gov.vn",
            "budget-service", "https://budget.nq57.gov.vn");

    private static final String TOKEN_URL = "https://sso.nq57.gov.vn/realms/nq57/protocol/openid-connect/token";

    @Test
    void theMinistrysInstanceIdAndTheCentralUrlReachEveryServicePod() {
        for (String service : Charts.SERVICES) {
            Map<String, String> env = Pods.literalEnv(ministry, container(service));
            assertEquals("bkhcn", env.get("NQ57_INSTANCE_ID"), service);
            assertEquals("ministry", env.get("NQ57_INSTANCE_ROLE"), service);
            assertEquals(AT_CENTRAL.get(service), env.get("NQ57_FEDERATION_CENTRAL_URL"), service + " reports to the same service at central");
            assertEquals("nq57-federation-bkhcn", env.get("NQ57_FEDERATION_CLIENT_ID"), service + ": the realm's client of this instance");
            assertEquals("false", env.get("NQ57_FEDERATION_INTAKE_ENABLED"), service + ": a ministry takes no other instance's events");
        }
    }

    @Test
    void eachServiceConfigMapNamesItsOwnCounterpartAtCentralTheTokenEndpointAndTheClient() {
        Set<String> urls = new HashSet<>();
        for (String service : Charts.SERVICES) {
            Map<String, String> data = ministry.named(ConfigMap.class, "nq57-" + service).getData();
            assertEquals(AT_CENTRAL.get(service), data.get("NQ57_FEDERATION_CENTRAL_URL"), service);
            assertEquals(TOKEN_URL, data.get("NQ57_FEDERATION_TOKEN_URL"), service);
            assertEquals("nq57-federation-bkhcn", data.get("NQ57_FEDERATION_CLIENT_ID"), service);
            assertTrue(urls.add(data.get("NQ57_FEDERATION_CENTRAL_URL")), service + " shares its central URL with another service");
        }
    }

    @Test
    void theFederationTuningReachesThePodsWithTheServicesDefaultsUnlessSet() {
        assertTuning(ministry, Map.of("FORWARD_INTERVAL", "1s", "CATALOG_INTERVAL", "30s", "BATCH_SIZE", "200",
                "TOKEN_REFRESH_MARGIN", "30s", "MAX_BACKOFF", "30s"));
        Charts.Rendered tuned = Scenario.MINISTRY.render("global.federation.forwardInterval", "500ms", "global.federation.catalogInterval", "5m",
                "global.federation.batchSize", "500", "global.federation.tokenRefreshMargin", "0s", "global.federation.maxBackoff", "2m");
        assertTuning(tuned, Map.of("FORWARD_INTERVAL", "500ms", "CATALOG_INTERVAL", "5m", "BATCH_SIZE", "500",
                "TOKEN_REFRESH_MARGIN", "0s", "MAX_BACKOFF", "2m"));
    }

    private static void assertTuning(Charts.Rendered rendered, Map<String, String> expected) {
        for (String service : Charts.SERVICES) {
            Map<String, String> data = rendered.named(ConfigMap.class, "nq57-" + service).getData();
            expected.forEach((setting, value) -> assertEquals(value, data.get("NQ57_FEDERATION_" + setting), service + " " + setting));
        }
    }

    @Test
    void aServiceWithoutItsOwnCentralUrlFallsBackToTheGlobalOne() {
        Charts.Rendered rendered = Scenario.MINISTRY.render("budget-service.federation.centralUrl", "",
                "global.federation.centralUrl", "https://nq57.gov.vn/budget/");
        assertEquals("https://nq57.gov.vn/budget", rendered.named(ConfigMap.class, "nq57-budget-service").getData().get("NQ57_FEDERATION_CENTRAL_URL"));
        assertEquals("https://kpi.nq57.gov.vn", rendered.named(ConfigMap.class, "nq57-kpi-service").getData().get("NQ57_FEDERATION_CENTRAL_URL"),
                "a service's own URL wins over the global one");
    }

    @Test
    void theFederationClientSecretComesFromTheNamedSecret() {
        for (String service : Charts.SERVICES) {
            EnvVar secret = Pods.envVar(container(service), "NQ57_FEDERATION_CLIENT_SECRET");
            assertNull(secret.getValue());
            assertEquals("nq57-federation", secret.getValueFrom().getSecretKeyRef().getName());
            assertEquals("client-secret", secret.getValueFrom().getSecretKeyRef().getKey());
        }
        assertTrue(ministry.all(Secret.class).isEmpty(), "every secret of the ministry values is an existing Secret");
    }

    @Test
    void servicesUseTheMinistrysOwnKafkaAndDatabase() {
        assertTrue(ministry.ofKind("Kafka").isEmpty());
        assertTrue(ministry.all(StatefulSet.class).isEmpty());
        for (String service : Charts.SERVICES) {
            Map<String, String> env = Pods.literalEnv(ministry, container(service));
            assertEquals("kafka-0.bkhcn.internal:9092,kafka-1.bkhcn.internal:9092,kafka-2.bkhcn.internal:9092", env.get("NQ57_KAFKA_BOOTSTRAP"));
            assertTrue(env.values().stream().anyMatch(v -> v.startsWith("jdbc:postgresql://postgresql.db.bkhcn.gov.vn:5432/nq57_")), env.toString());
        }
    }

    @Test
    void theMinistrysKeycloakImportsTheRealmAndIssuesTheTokensTheServicesExpect() {
        Deployment keycloak = ministry.named(Deployment.class, "nq57-keycloak");
        Container kc = keycloak.getSpec().getTemplate().getSpec().getContainers().get(0);
        assertTrue(kc.getArgs().contains("--import-realm"));
        // the chart's production realm (values-ministry.yaml names no realm of its own)
        Volume realm = keycloak.getSpec().getTemplate().getSpec().getVolumes().stream().filter(v -> "realm".equals(v.getName())).findFirst().orElseThrow();
        assertEquals("nq57-keycloak-realm-production", realm.getConfigMap().getName());
        assertEquals("https://portal.nq57.bkhcn.gov.vn", Pods.envVar(kc, "NQ57_PORTAL_URL").getValue(), "the portal's Ingress host");
        assertEquals("nq57-portal", Pods.envVar(kc, "NQ57_PORTAL_CLIENT_SECRET").getValueFrom().getSecretKeyRef().getName());
        assertTrue(kc.getVolumeMounts().stream().anyMatch(m -> "/opt/keycloak/data/import/realm-nq57.json".equals(m.getMountPath())));
        String hostname = Pods.envVar(kc, "KC_HOSTNAME").getValue();
        for (String service : Charts.SERVICES) {
            assertEquals(hostname + "/realms/nq57", Pods.literalEnv(ministry, container(service)).get("NQ57_OIDC_ISSUER"));
        }
        assertEquals("nq57-keycloak-db", Pods.envVar(kc, "KC_DB_PASSWORD").getValueFrom().getSecretKeyRef().getName());
        Ingress sso = ministry.named(Ingress.class, "nq57-keycloak");
        assertEquals("sso.nq57.bkhcn.gov.vn", sso.getSpec().getTls().get(0).getHosts().get(0));
    }
}
