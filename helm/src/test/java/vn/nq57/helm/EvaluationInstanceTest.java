package vn.nq57.helm;

import com.marcnuri.helm.DryRun;
import com.marcnuri.helm.Helm;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An instance with no values file: PostgreSQL, Keycloak and (with the operator) Kafka come with the chart. */
class EvaluationInstanceTest {

    private final Charts.Rendered evaluation = Scenario.EVALUATION.render();

    @Test
    void bundledPostgresqlCreatesOneDatabasePerServiceAndOneForKeycloak() {
        StatefulSet postgresql = evaluation.named(StatefulSet.class, "nq57-postgresql");
        assertEquals("data", postgresql.getSpec().getVolumeClaimTemplates().get(0).getMetadata().getName());
        String sql = evaluation.named(ConfigMap.class, "nq57-postgresql-init").getData().get("01-databases.sql");
        for (String db : new String[] {"nq57_initiative", "nq57_kpi", "nq57_budget", "keycloak"}) {
            assertTrue(sql.contains("CREATE DATABASE " + db + ";"), sql);
        }
        Map<String, String> env = Pods.literalEnv(evaluation, Pods.service(evaluation, "kpi-service").getSpec().getTemplate().getSpec().getContainers().get(0));
        assertEquals("jdbc:postgresql://nq57-postgresql:5432/nq57_kpi", env.get("NQ57_KPI_DB_URL"));
        assertEquals("http://nq57-keycloak:8080/realms/nq57", env.get("NQ57_OIDC_ISSUER"));
        assertEquals("nq57-kafka-kafka-bootstrap:9092", env.get("NQ57_KAFKA_BOOTSTRAP"));
    }

    @Test
    void aRealmGivenWithSetFileIsStoredInASecretThatKeycloakImports() {
        Secret realm = evaluation.named(Secret.class, "nq57-keycloak-realm");
        assertEquals("{\"realm\":\"nq57\"}", new String(Base64.getDecoder().decode(realm.getData().get("realm-nq57.json")), StandardCharsets.UTF_8));
        Deployment keycloak = evaluation.named(Deployment.class, "nq57-keycloak");
        assertTrue(keycloak.getSpec().getTemplate().getSpec().getVolumes().stream()
                .anyMatch(v -> v.getSecret() != null && "nq57-keycloak-realm".equals(v.getSecret().getSecretName())));
        Container kc = keycloak.getSpec().getTemplate().getSpec().getContainers().get(0);
        assertEquals("postgres", Pods.envVar(kc, "KC_DB").getValue());
        assertEquals("http://nq57-keycloak:8080", Pods.envVar(kc, "KC_HOSTNAME").getValue());
    }

    @Test
    void installingWithDefaultValuesSaysWhatWasInstalledAndHowToReachIt() {
        // the evaluation of README section 6 is a dev-profile install (a production one refuses generated passwords)
        String output = new Helm(Charts.chart("nq57")).install().withName("nq57").withNamespace("nq57-eval")
                .set("global.profile", "dev").set("global.apiVersions[0]", "kafka.strimzi.io/v1")
                .clientOnly().withDryRunOption(DryRun.CLIENT).call().getOutput();
        assertTrue(output.contains("NQ57 instance \"central\" (central) installed as release nq57 in namespace nq57-eval"), output);
        assertTrue(output.contains("kubectl -n nq57-eval port-forward svc/nq57-initiative-service 8081"), output);
        assertTrue(output.contains("kubectl -n nq57-eval get secret nq57-postgresql"), output);
        assertTrue(output.contains("Strimzi cluster nq57-kafka (1 nodes) with topics nq57.initiatives.v1, nq57.kpi.v1, nq57.budget.v1"), output);
        // no realm given: the chart's production realm, whose portal client a port-forward reaches in the dev profile
        assertTrue(output.contains("realm nq57: the chart's production realm, no users yet"), output);
        assertTrue(output.contains("the portal client redirects to http://127.0.0.1:8080/*"), output);
    }

    @Test
    void ministryNotesNameTheCentralInstanceAndTheSecretOfTheClient() {
        String output = new Helm(Charts.chart("nq57")).install().withName("nq57").withNamespace("nq57-bkhcn")
                .withValuesFile(Charts.umbrellaValues("values-ministry.yaml"))
                .clientOnly().withDryRunOption(DryRun.CLIENT).call().getOutput();
        assertTrue(output.contains("each service reports to the same service at central, as client \"nq57-federation-bkhcn\""), output);
        assertTrue(output.contains("token:  https://sso.nq57.gov.vn/realms/nq57/protocol/openid-connect/token"), output);
        assertTrue(output.contains("secret: Secret nq57-federation, key client-secret"), output);
        assertTrue(output.contains("initiative-service: https://initiative.nq57.gov.vn  (POST /api/v1/federation/events, GET /api/v1/federation/catalog)"), output);
        assertTrue(output.contains("kpi-service:        https://kpi.nq57.gov.vn  (POST /api/v1/federation/events, GET /api/v1/federation/catalog)"), output);
        assertTrue(output.contains("budget-service:     https://budget.nq57.gov.vn  (POST /api/v1/federation/events)"), output);
        assertTrue(output.contains("GET <service URL>/api/v1/federation/health"), output);
        assertTrue(output.contains("helm test nq57 -n nq57-bkhcn --logs"), output);
        assertTrue(output.contains("nq57_federation_forward_pending, nq57_federation_forward_oldest_pending_seconds"), output);
        assertTrue(output.contains("nq57_federation_origin_lag_ms{origin=\"bkhcn\"}"), output);
        assertFalse(output.contains("cannot reach central"), output);
        // the Ingress routes the API only (the OpenAPI contract only with openapi.enabled)
        assertTrue(output.contains("https://initiative.nq57.bkhcn.gov.vn/api/v1"), output);
        assertFalse(output.contains("swagger-ui"), output);
    }

    @Test
    void ministryNotesWarnWhenRestrictedEgressListsNoWayToCentral() {
        String output = new Helm(Charts.chart("nq57")).install().withName("nq57").withNamespace("nq57-bkhcn")
                .withValuesFile(Charts.umbrellaValues("values-ministry.yaml")).set("global.networkPolicy.egress.enabled", "true")
                .clientOnly().withDryRunOption(DryRun.CLIENT).call().getOutput();
        assertTrue(output.contains("WARNING: global.networkPolicy.egress.enabled=true and global.networkPolicy.egress.extra is empty: the services\n  cannot reach central or its Keycloak."), output);
    }
}
