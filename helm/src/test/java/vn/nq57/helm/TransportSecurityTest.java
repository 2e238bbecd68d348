package vn.nq57.helm;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A private CA's trust bundle, an HTTPS proxy and extra JVM options reach the JVM through JAVA_TOOL_OPTIONS. */
class TransportSecurityTest {

    private static final String MEMORY = "-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError";
    private static final String TRUST = "-Djavax.net.ssl.trustStore=/var/run/nq57/truststore.p12 -Djavax.net.ssl.trustStorePassword=changeit -Djavax.net.ssl.trustStoreType=PKCS12";

    private static String javaToolOptions(Charts.Rendered rendered, String application) {
        return Pods.literalEnv(rendered, Pods.container(rendered, application)).get("JAVA_TOOL_OPTIONS");
    }

    @Test
    void aTrustBundleBecomesTheJvmsTruststoreBuiltByAnInitContainerWithTheApplicationsImage() {
        Charts.Rendered rendered = Scenario.MINISTRY.render("global.trust.configMap", "nq57-ca", "global.trust.key", "trust-bundle.pem");
        for (String application : Pods.applications(rendered)) {
            PodSpec pod = Pods.service(rendered, application).getSpec().getTemplate().getSpec();
            Container app = pod.getContainers().get(0);
            assertEquals(1, pod.getInitContainers().size(), application);
            Container init = pod.getInitContainers().get(0);
            assertEquals(app.getImage(), init.getImage(), application + ": the application's own image");
            assertEquals(List.of("java", "-cp", "/deployments/lib/main/*", "vn.nq57.trust.TrustStore",
                    "/etc/nq57/trust/trust-bundle.pem", "/var/run/nq57/truststore.p12"), init.getCommand());
            assertEquals(app.getSecurityContext(), init.getSecurityContext(), application);
            assertTrue(init.getEnvFrom() == null || init.getEnvFrom().isEmpty(), "the init container's JVM does not look for the store it builds");
            Volume bundle = pod.getVolumes().stream().filter(v -> "trust-bundle".equals(v.getName())).findFirst().orElseThrow();
            assertEquals("nq57-ca", bundle.getConfigMap().getName());
            assertEquals("trust-bundle.pem", bundle.getConfigMap().getItems().get(0).getKey());
            assertTrue(pod.getVolumes().stream().anyMatch(v -> "truststore".equals(v.getName()) && v.getEmptyDir() != null));
            Map<String, String> mounts = Map.of("/etc/nq57/trust", "trust-bundle", "/var/run/nq57", "truststore");
            for (Container c : List.of(init, app)) {
                mounts.forEach((path, volume) -> assertTrue(c.getVolumeMounts().stream()
                        .anyMatch(m -> path.equals(m.getMountPath()) && volume.equals(m.getName())), application + " " + c.getName() + " mounts " + path));
            }
            assertTrue(app.getVolumeMounts().stream().filter(m -> m.getMountPath().startsWith("/etc/nq57") || m.getMountPath().startsWith("/var/run/nq57"))
                    .allMatch(VolumeMount::getReadOnly), application + " reads the store and the bundle only");
            String options = javaToolOptions(rendered, application);
            assertTrue(options.startsWith(MEMORY + " "), application + ": the memory settings stay: " + options);
            assertTrue(options.contains(TRUST), application + ": " + options);
        }
        Charts.Rendered fromSecret = Scenario.MINISTRY.render("global.trust.secret", "nq57-ca");
        Volume bundle = Pods.service(fromSecret, "kpi-service").getSpec().getTemplate().getSpec().getVolumes().stream()
                .filter(v -> "trust-bundle".equals(v.getName())).findFirst().orElseThrow();
        assertEquals("nq57-ca", bundle.getSecret().getSecretName());
        assertEquals("ca.crt", bundle.getSecret().getItems().get(0).getPath());
    }

    @ParameterizedTest
    @EnumSource(Scenario.class)
    void withoutATrustBundleThePodsHaveNoInitContainerAndTheJdksCas(Scenario scenario) {
        Charts.Rendered rendered = scenario.render();
        for (String application : Pods.applications(rendered)) {
            var init = Pods.service(rendered, application).getSpec().getTemplate().getSpec().getInitContainers();
            assertTrue(init == null || init.isEmpty(), application);
            assertEquals(MEMORY, javaToolOptions(rendered, application), application);
        }
    }

    @Test
    void theDatabaseCanVerifyTheServerAgainstTheBundleAtItsStablePath() {
        Charts.Rendered rendered = Scenario.MINISTRY.render("global.trust.configMap", "nq57-ca",
                "global.postgresql.jdbcParameters", "sslmode=verify-full&sslrootcert=/etc/nq57/trust/ca.crt");
        Container kpi = Pods.container(rendered, "kpi-service");
        assertEquals("jdbc:postgresql://postgresql.db.bkhcn.gov.vn:5432/nq57_kpi?sslmode=verify-full&sslrootcert=/etc/nq57/trust/ca.crt",
                Pods.literalEnv(rendered, kpi).get("NQ57_KPI_DB_URL"));
        assertTrue(kpi.getVolumeMounts().stream().anyMatch(m -> "/etc/nq57/trust".equals(m.getMountPath())));
    }

    @Test
    void aProxyAndExtraOptionsAreAddedToJavaToolOptionsNeverReplacingTheMemorySettings() {
        Charts.Rendered rendered = Scenario.MINISTRY.render("global.proxy.httpsHost", "proxy.bkhcn.gov.vn", "global.proxy.httpsPort", "8443",
                "global.proxy.noProxy[0]", "*.bkhcn.internal", "kpi-service.jvm.extraOptions", "-Dnq57.example=1 -XX:+UseZGC");
        for (String application : Pods.applications(rendered)) {
            String options = javaToolOptions(rendered, application);
            assertTrue(options.startsWith(MEMORY + " "), options);
            assertTrue(options.contains("-Dhttps.proxyHost=proxy.bkhcn.gov.vn -Dhttps.proxyPort=8443 "
                    + "-Dhttp.nonProxyHosts=localhost|127.0.0.1|*.svc|*.cluster.local|*.bkhcn.internal"), options);
            assertEquals("kpi-service".equals(application), options.endsWith(" -Dnq57.example=1 -XX:+UseZGC"), application + ": " + options);
        }
    }

    @ParameterizedTest
    @EnumSource(Scenario.class)
    void nothingSetsTheImagesOwnJavaOptions(Scenario scenario) {
        Charts.Rendered rendered = scenario.render();
        for (ConfigMap map : rendered.all(ConfigMap.class)) {
            assertFalse(map.getData().containsKey("JAVA_OPTS_APPEND") || map.getData().containsKey("JAVA_OPTS"), map.getMetadata().getName());
        }
        for (Pods.Workload workload : Pods.workloads(rendered)) {
            for (Container c : workload.containers()) {
                assertTrue(c.getEnv() == null || c.getEnv().stream().noneMatch(e -> e.getName().equals("JAVA_OPTS_APPEND") || e.getName().equals("JAVA_OPTS")),
                        workload.name());
            }
        }
    }

    @Test
    void theDevProfileAcceptsPlainHttpToCentral() {
        Charts.Rendered dev = Scenario.MINISTRY.render("global.profile", "dev", "kpi-service.federation.centralUrl", "http://kpi.central.local:8082",
                "global.federation.tokenUrl", "http://sso.central.local:8080/realms/nq57/protocol/openid-connect/token");
        assertEquals("http://kpi.central.local:8082", Pods.literalEnv(dev, Pods.container(dev, "kpi-service")).get("NQ57_FEDERATION_CENTRAL_URL"));
        // and production accepts the bundled Keycloak in the cluster, over HTTP, as the issuer
        Charts.Rendered bundled = Charts.renderUmbrella(null, "global.postgresql.existingSecret", "db", "keycloak.admin.existingSecret", "kc",
                "keycloak.realm.portalUrl", "https://portal.example.gov.vn", "global.apiVersions[0]", "kafka.strimzi.io/v1", "global.oidc.issuerUrl", "http://nq57-keycloak:8080/realms/nq57");
        assertEquals("http://nq57-keycloak:8080/realms/nq57", Pods.literalEnv(bundled, Pods.container(bundled, "kpi-service")).get("NQ57_OIDC_ISSUER"));
    }

    @Test
    void theTruststoreClassTheChartsRunIsTheOneTheRepositoryBuilds() throws IOException {
        try (Stream<Path> files = Files.walk(Charts.source().getParent(), 8)) {
            assertTrue(files.anyMatch(f -> f.endsWith(Path.of("src/main/java/vn/nq57/trust/TrustStore.java"))),
                    "vn.nq57.trust.TrustStore, which the truststore init container runs, is not in the repository");
        }
    }
}
