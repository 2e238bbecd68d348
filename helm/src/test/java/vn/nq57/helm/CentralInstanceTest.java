package vn.nq57.helm;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The central instance as values-central.yaml describes it. */
class CentralInstanceTest {

    private final Charts.Rendered central = Scenario.CENTRAL.render();

    private Map<String, String> env(String service) {
        Deployment d = Pods.service(central, service);
        return Pods.literalEnv(central, d.getSpec().getTemplate().getSpec().getContainers().get(0));
    }

    @Test
    void everyServiceRunsAsTheCentralInstanceAndAcceptsTheMinistriesEvents() {
        for (String service : Charts.SERVICES) {
            Map<String, String> env = env(service);
            assertEquals("central", env.get("NQ57_INSTANCE_ID"), service);
            assertEquals("central", env.get("NQ57_INSTANCE_ROLE"), service);
            assertEquals("true", env.get("NQ57_FEDERATION_INTAKE_ENABLED"), service);
            assertFalse(env.containsKey("NQ57_FEDERATION_CENTRAL_URL"), service + " reports to nobody");
            assertFalse(env.containsKey("NQ57_FEDERATION_TOKEN_URL"), service + " fetches no federation token");
            assertFalse(env.containsKey("NQ57_FEDERATION_CLIENT_ID"), service);
            assertNull(Pods.service(central, service).getSpec().getTemplate().getSpec().getContainers().get(0).getEnv().stream()
                    .filter(e -> "NQ57_FEDERATION_CLIENT_SECRET".equals(e.getName())).findFirst().orElse(null), service + " needs no client secret");
        }
    }

    @Test
    void theMinistriesReachEachServicesFederationEndpointsThroughItsIngressWhichTheNetworkPolicyAdmits() {
        for (String service : Charts.SERVICES) {
            Ingress ingress = central.named(Ingress.class, "nq57-" + service);
            var path = ingress.getSpec().getRules().get(0).getHttp().getPaths().get(0);
            assertTrue("Prefix".equals(path.getPathType()) && "/api".equals(path.getPath()), service + ": /api/v1/federation/* goes to the service");
            NetworkPolicy policy = central.named(NetworkPolicy.class, "nq57-" + service);
            NetworkPolicyIngressRule rule = policy.getSpec().getIngress().get(0);
            assertEquals("ingress-nginx", rule.getFrom().get(0).getNamespaceSelector().getMatchLabels().get("kubernetes.io/metadata.name"),
                    service + ": the ingress controller, which carries the ministries' calls, may connect");
            assertEquals("http", rule.getPorts().get(0).getPort().getStrVal());
        }
        assertEquals("10m", central.named(Ingress.class, "nq57-initiative-service").getMetadata().getAnnotations()
                .get("nginx.ingress.kubernetes.io/proxy-body-size"), "a batch of 500 initiative events may exceed nginx's 1 MB default");
    }

    @Test
    void servicesUseTheExternalDatabaseAndKeycloakNamedInTheValues() {
        assertEquals("jdbc:postgresql://db.nq57.gov.vn:5432/nq57_initiative?sslmode=require", env("initiative-service").get("NQ57_INITIATIVE_DB_URL"));
        assertEquals("jdbc:postgresql://db.nq57.gov.vn:5432/nq57_kpi?sslmode=require", env("kpi-service").get("NQ57_KPI_DB_URL"));
        assertEquals("jdbc:postgresql://db.nq57.gov.vn:5432/nq57_budget?sslmode=require", env("budget-service").get("NQ57_BUDGET_DB_URL"));
        for (String service : Charts.SERVICES) {
            assertEquals("https://sso.nq57.gov.vn/realms/nq57", env(service).get("NQ57_OIDC_ISSUER"));
            assertEquals("https://sso.nq57.gov.vn/realms/nq57/protocol/openid-connect/certs", env(service).get("NQ57_OIDC_JWKS"));
            var password = Pods.envVar(Pods.service(central, service).getSpec().getTemplate().getSpec().getContainers().get(0), "NQ57_DB_PASSWORD");
            assertEquals("nq57-db", password.getValueFrom().getSecretKeyRef().getName());
        }
        assertTrue(central.all(StatefulSet.class).isEmpty(), "no bundled PostgreSQL");
        assertTrue(central.all(Secret.class).isEmpty(), "the central values create no Secret: all are provided");
        assertTrue(central.all(Deployment.class).stream().noneMatch(d -> d.getMetadata().getName().contains("keycloak")));
    }

    @Test
    void strimziKafkaClusterAndTheThreeTopicsAreCreatedWhenTheOperatorApiIsServed() {
        List<HasMetadata> kafka = central.ofKind("Kafka");
        assertEquals(1, kafka.size());
        GenericKubernetesResource cluster = (GenericKubernetesResource) kafka.get(0);
        assertEquals("kafka.strimzi.io/v1", cluster.getApiVersion());
        assertEquals("nq57-kafka", cluster.getMetadata().getName());
        assertFalse(cluster.getMetadata().getAnnotations().containsKey("strimzi.io/kraft"), "v1 is KRaft with node pools only");
        GenericKubernetesResource pool = (GenericKubernetesResource) central.ofKind("KafkaNodePool").get(0);
        assertEquals(3, ((Number) pool.get("spec", "replicas")).intValue());
        assertEquals("nq57-kafka", pool.getMetadata().getLabels().get("strimzi.io/cluster"));
        assertEquals(2, ((Number) cluster.get("spec", "kafka", "config", "min.insync.replicas")).intValue());
        List<String> topics = central.ofKind("KafkaTopic").stream()
                .map(t -> (String) ((GenericKubernetesResource) t).get("spec", "topicName")).toList();
        assertEquals(List.of("nq57.initiatives.v1", "nq57.kpi.v1", "nq57.budget.v1"), topics);
        for (String service : Charts.SERVICES) {
            assertEquals("nq57-kafka-kafka-bootstrap:9092", env(service).get("NQ57_KAFKA_BOOTSTRAP"), service + " uses the Strimzi bootstrap service");
        }
    }

    @Test
    void withoutTheStrimziV1ApiTheBundledKafkaIsRefusedWithWhatToDo() {
        // was: left out silently, leaving services that wait for a Kafka nobody creates
        String failure = Charts.renderFailure("nq57", List.of(Charts.umbrellaValues("values-central.yaml")));
        assertTrue(failure.contains("kafka.strimzi.enabled=true but the cluster does not serve kafka.strimzi.io/v1: install the Strimzi operator 0.49 or newer"), failure);
        assertTrue(failure.contains("list the API in global.apiVersions"), failure);
        String oldApiOnly = Charts.renderFailure("nq57", List.of(Charts.umbrellaValues("values-central.yaml")), "global.apiVersions[0]", "kafka.strimzi.io/v1beta2");
        assertTrue(oldApiOnly.contains("does not serve kafka.strimzi.io/v1"), oldApiOnly);
        Charts.Rendered withoutPrometheus = Charts.renderUmbrella("values-central.yaml", "global.apiVersions[0]", "kafka.strimzi.io/v1");
        assertTrue(withoutPrometheus.ofKind("ServiceMonitor").isEmpty(), "no ServiceMonitor without the Prometheus operator");
        assertEquals(4, withoutPrometheus.all(Deployment.class).size(), "the three services and the portal");
    }

    @Test
    void prometheusScrapesEveryServiceAndThePortalThroughAServiceMonitorWhenTheOperatorApiIsServed() {
        List<GenericKubernetesResource> monitors = central.ofKind("ServiceMonitor").stream().map(GenericKubernetesResource.class::cast).toList();
        assertEquals(Set.of("nq57-initiative-service", "nq57-kpi-service", "nq57-budget-service", "nq57-portal"),
                monitors.stream().map(m -> m.getMetadata().getName()).collect(Collectors.toSet()));
        for (GenericKubernetesResource monitor : monitors) {
            @SuppressWarnings("unchecked")
            Map<String, Object> endpoint = ((List<Map<String, Object>>) monitor.get("spec", "endpoints")).get(0);
            assertEquals("/q/metrics", endpoint.get("path"));
            assertEquals("management", endpoint.get("port"), "metrics are served on the management interface only");
        }
    }

    @Test
    void kpiServiceIsAutoscaledAndTheDeploymentLeavesItsReplicasToTheAutoscaler() {
        HorizontalPodAutoscaler hpa = central.named(HorizontalPodAutoscaler.class, "nq57-kpi-service");
        assertEquals("nq57-kpi-service", hpa.getSpec().getScaleTargetRef().getName());
        assertEquals(3, hpa.getSpec().getMinReplicas());
        assertEquals(10, hpa.getSpec().getMaxReplicas());
        assertNull(Pods.service(central, "kpi-service").getSpec().getReplicas());
        assertEquals(3, Pods.service(central, "initiative-service").getSpec().getReplicas());
    }

    @Test
    void everyServiceIsExposedThroughAnIngressWithTls() {
        for (String service : Charts.SERVICES) {
            Ingress ingress = central.named(Ingress.class, "nq57-" + service);
            String host = ingress.getSpec().getRules().get(0).getHost();
            assertTrue(ingress.getSpec().getTls().stream().anyMatch(tls -> tls.getHosts().contains(host)), host + " is served over TLS");
            assertEquals("nq57-" + service, ingress.getSpec().getRules().get(0).getHttp().getPaths().get(0).getBackend().getService().getName());
        }
    }

    @Test
    void imagesComeFromTheInstancesRegistry() {
        for (String service : Charts.SERVICES) {
            assertEquals("registry.nq57.gov.vn/nq57/" + service + ":0.1.0",
                    Pods.service(central, service).getSpec().getTemplate().getSpec().getContainers().get(0).getImage());
        }
    }

    @Test
    void configMapsCarryOnlyNonSecretSettings() {
        ConfigMap map = central.named(ConfigMap.class, "nq57-initiative-service");
        assertTrue(map.getData().keySet().stream().allMatch(k -> k.startsWith("NQ57_") || k.startsWith("QUARKUS_") || k.equals("JAVA_TOOL_OPTIONS")),
                map.getData().keySet().toString());
    }
}
