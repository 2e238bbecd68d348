package vn.nq57.helm;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/** A service chart installed on its own, pointed at existing PostgreSQL, Kafka and Keycloak. */
class StandaloneServiceChartTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"initiative-service", "kpi-service", "budget-service"})
    void aServiceChartAloneRunsTheServiceAgainstTheGivenDependencies(String service) {
        Charts.Rendered rendered = Charts.render(service, List.of(),
                "global.postgresql.host", "db.example.gov.vn",
                "global.postgresql.existingSecret", "nq57-db",
                "global.kafka.bootstrapServers", "kafka.example.gov.vn:9092",
                "global.oidc.issuerUrl", "https://sso.example.gov.vn/realms/nq57", "global.oidc.bundledKeycloak", "false");
        Deployment deployment = rendered.named(Deployment.class, "nq57-" + service);
        Container container = deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
        Map<String, String> env = Pods.literalEnv(rendered, container);
        String database = service.replace("-service", "");
        assertEquals("jdbc:postgresql://db.example.gov.vn:5432/nq57_" + database, env.get("NQ57_" + database.toUpperCase() + "_DB_URL"));
        assertEquals("kafka.example.gov.vn:9092", env.get("NQ57_KAFKA_BOOTSTRAP"));
        assertEquals("https://sso.example.gov.vn/realms/nq57", env.get("NQ57_OIDC_ISSUER"));
        assertEquals("https://sso.example.gov.vn/realms/nq57/protocol/openid-connect/certs", env.get("NQ57_OIDC_JWKS"));
        assertEquals("nq57-db", Pods.envVar(container, "NQ57_DB_PASSWORD").getValueFrom().getSecretKeyRef().getName());
        assertEquals(String.valueOf(container.getPorts().get(0).getContainerPort()), env.get("QUARKUS_HTTP_PORT"));
        assertNotNull(rendered.named(NetworkPolicy.class, "nq57-" + service));
        assertNotNull(rendered.named(PodDisruptionBudget.class, "nq57-" + service));
    }
}
