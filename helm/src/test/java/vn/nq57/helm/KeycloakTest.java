package vn.nq57.helm;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The bundled Keycloak: one pod with a local cache, or several sharing a database; the services fetch its keys in the cluster. */
class KeycloakTest {

    private static Deployment keycloak(Charts.Rendered rendered) {
        return rendered.named(Deployment.class, "nq57-keycloak");
    }

    @Test
    void oneReplicaRunsWithALocalCacheAndIsReplacedNotRolled() {
        Charts.Rendered ministry = Scenario.MINISTRY.render();
        Deployment kc = keycloak(ministry);
        assertEquals(1, kc.getSpec().getReplicas());
        assertEquals("Recreate", kc.getSpec().getStrategy().getType());
        Container c = kc.getSpec().getTemplate().getSpec().getContainers().get(0);
        assertEquals("local", Pods.envVar(c, "KC_CACHE").getValue());
        assertTrue(ministry.all(PodDisruptionBudget.class).stream().noneMatch(p -> "nq57-keycloak".equals(p.getMetadata().getName())));
    }

    @Test
    void severalReplicasShareTheDatabaseAndFormOneCacheCluster() {
        for (Charts.Rendered rendered : List.of(Scenario.MINISTRY.render("keycloak.replicas", "3"), Scenario.EVALUATION.render("keycloak.replicas", "2"))) {
            Deployment kc = keycloak(rendered);
            assertEquals("RollingUpdate", kc.getSpec().getStrategy().getType());
            assertEquals(0, kc.getSpec().getStrategy().getRollingUpdate().getMaxUnavailable().getIntVal());
            Container c = kc.getSpec().getTemplate().getSpec().getContainers().get(0);
            assertEquals("ispn", Pods.envVar(c, "KC_CACHE").getValue());
            assertEquals("postgres", Pods.envVar(c, "KC_DB").getValue(), "jdbc-ping discovers the members through the shared database");
            PodDisruptionBudget pdb = rendered.named(PodDisruptionBudget.class, "nq57-keycloak");
            assertEquals(kc.getSpec().getSelector().getMatchLabels(), pdb.getSpec().getSelector().getMatchLabels());
            assertEquals(1, pdb.getSpec().getMaxUnavailable().getIntVal());
            NetworkPolicy policy = rendered.named(NetworkPolicy.class, "nq57-keycloak");
            assertTrue(policy.getSpec().getIngress().stream().anyMatch(rule -> rule.getFrom().stream().anyMatch(peer -> peer.getPodSelector() != null
                    && kc.getSpec().getSelector().getMatchLabels().equals(peer.getPodSelector().getMatchLabels()))
                    && rule.getPorts().stream().map(p -> p.getPort().getStrVal()).toList().equals(List.of("jgroups", "jgroups-fd"))),
                    "the members reach each other");
            assertTrue(c.getPorts().stream().anyMatch(p -> "jgroups".equals(p.getName()) && p.getContainerPort() == 7800));
        }
        assertEquals(3, keycloak(Scenario.MINISTRY.render("keycloak.replicas", "3")).getSpec().getReplicas());
    }

    @Test
    void severalReplicasWithoutASharedDatabaseAreRefused() {
        String failure = Charts.renderFailure("nq57", List.of(Charts.umbrellaValues("values-ministry.yaml")), "keycloak.replicas", "2",
                "keycloak.database.jdbcUrl", "");
        assertTrue(failure.contains("keycloak.replicas > 1 needs a database the replicas share"), failure);
    }

    @Test
    void theServicesFetchTheBundledKeycloaksKeysInTheClusterWhateverThePublicIssuer() {
        Charts.Rendered ministry = Scenario.MINISTRY.render();
        for (String service : Charts.SERVICES) {
            var env = Pods.literalEnv(ministry, Pods.container(ministry, service));
            assertEquals("https://sso.nq57.bkhcn.gov.vn/realms/nq57", env.get("NQ57_OIDC_ISSUER"), "the tokens' iss");
            assertEquals("http://nq57-keycloak:8080/realms/nq57/protocol/openid-connect/certs", env.get("NQ57_OIDC_JWKS"), service);
        }
        Container kc = keycloak(ministry).getSpec().getTemplate().getSpec().getContainers().get(0);
        assertEquals("true", Pods.envVar(kc, "KC_HOSTNAME_BACKCHANNEL_DYNAMIC").getValue(), "Keycloak answers on its in-cluster name too");
        Charts.Rendered given = Scenario.MINISTRY.render("global.oidc.jwksUrl", "https://sso.nq57.bkhcn.gov.vn/realms/nq57/protocol/openid-connect/certs");
        assertEquals("https://sso.nq57.bkhcn.gov.vn/realms/nq57/protocol/openid-connect/certs",
                Pods.literalEnv(given, Pods.container(given, "kpi-service")).get("NQ57_OIDC_JWKS"), "an explicit jwksUrl wins");
    }

    @Test
    void theUmbrellaRefusesABundledKeycloakFlagThatDiffersFromKeycloakEnabled() {
        String failure = Charts.renderFailure("nq57", List.of(Charts.umbrellaValues("values-central.yaml")), "global.oidc.bundledKeycloak", "true",
                "global.apiVersions[0]", "kafka.strimzi.io/v1");
        assertTrue(failure.contains("keycloak.enabled=false but global.oidc.bundledKeycloak=true: set both alike"), failure);
        assertNull(Charts.renderUmbrella("values-central.yaml", "global.apiVersions[0]", "kafka.strimzi.io/v1").all(Deployment.class).stream()
                .filter(d -> d.getMetadata().getName().equals("nq57-keycloak")).findFirst().orElse(null));
    }
}
