package vn.nq57.helm;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A ministry instance (BKHCN) as values-ministry.yaml describes it. */
class MinistryInstanceTest {

    private final Charts.Rendered ministry = Scenario.MINISTRY.render();

    private Container container(String service) {
        return Pods.service(ministry, service).getSpec().getTemplate().getSpec().getContainers().get(0);
    }

    @Test
    void theMinistrysInstanceIdAndTheCentralUrlReachEveryServicePod() {
        for (String service : Charts.SERVICES) {
            Map<String, String> env = Pods.literalEnv(ministry, container(service));
            assertEquals("bkhcn", env.get("NQ57_INSTANCE_ID"), service);
            assertEquals("ministry", env.get("NQ57_INSTANCE_ROLE"), service);
            assertEquals("https://nq57.gov.vn", env.get("NQ57_FEDERATION_CENTRAL_URL"), service);
            assertEquals("instance-bkhcn", env.get("NQ57_FEDERATION_CLIENT_ID"), service);
            assertEquals("false", env.get("NQ57_FEDERATION_INTAKE_ENABLED"), service + ": a ministry takes no other instance's events");
        }
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
        Volume realm = keycloak.getSpec().getTemplate().getSpec().getVolumes().stream().filter(v -> "realm".equals(v.getName())).findFirst().orElseThrow();
        assertEquals("nq57-realm", realm.getSecret().getSecretName());
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
