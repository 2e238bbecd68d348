package vn.nq57.helm;

import io.fabric8.kubernetes.api.model.ConfigMap;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The environment the charts give the pods is the one the services read: a renamed variable on either side would
 * leave a pod on its local defaults (127.0.0.1) without any error at install time.
 */
class ServiceConfigContractTest {

    private static final Path ROOT = Charts.source().getParent();

    private static String read(Path file) throws IOException {
        assertTrue(Files.exists(file), file + " is missing");
        return Files.readString(file);
    }

    private static String platformSources() throws IOException {
        StringBuilder all = new StringBuilder(read(ROOT.resolve("platform/src/main/resources/META-INF/microprofile-config.properties")));
        try (Stream<Path> files = Files.walk(ROOT.resolve("platform/src/main/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                all.append(Files.readString(file));
            }
        }
        return all.toString();
    }

    @Test
    void eachServiceReadsItsDatabaseFromTheVariablesItsConfigMapAndSecretSet() throws IOException {
        Charts.Rendered rendered = Scenario.CENTRAL.render();
        for (String service : Charts.SERVICES) {
            String properties = read(ROOT.resolve(service).resolve("src/main/resources/application.properties"));
            Map<String, String> data = rendered.named(ConfigMap.class, Charts.RELEASE + "-" + service).getData();
            String urlVariable = data.keySet().stream().filter(k -> k.endsWith("_DB_URL")).findFirst().orElseThrow();
            for (String variable : new String[] {urlVariable, "NQ57_DB_USER", "NQ57_DB_PASSWORD"}) {
                assertTrue(properties.contains("${" + variable + ":"), service + " does not read " + variable);
            }
        }
    }

    @Test
    void thePlatformReadsTheSharedSettingsTheConfigMapsSet() throws IOException {
        String platform = platformSources();
        Map<String, String> data = Scenario.CENTRAL.render().named(ConfigMap.class, "nq57-kpi-service").getData();
        // MicroProfile Config maps NQ57_OIDC_ISSUER to nq57.oidc.issuer, and so on
        for (String variable : new String[] {"NQ57_OIDC_ISSUER", "NQ57_OIDC_JWKS", "NQ57_KAFKA_BOOTSTRAP"}) {
            assertTrue(data.containsKey(variable), variable);
            String property = variable.toLowerCase().replace('_', '.');
            assertTrue(platform.contains("${" + property + ":"), "the platform does not read " + property);
        }
        assertTrue(data.containsKey("NQ57_INSTANCE_ID") && data.containsKey("NQ57_INSTANCE_ROLE"));
        assertTrue(platform.contains("prefix = \"nq57.instance\""), "the platform does not read nq57.instance.*");
    }

    @Test
    void everyFederationVariableOfAMinistryIsASettingOfFederationConfig() throws IOException {
        String config = read(ROOT.resolve("platform/src/main/java/vn/nq57/platform/federation/FederationConfig.java"));
        assertTrue(config.contains("@ConfigMapping(prefix = \"nq57.federation\")"), "FederationConfig reads nq57.federation.*");
        Charts.Rendered ministry = Scenario.MINISTRY.render();
        for (String service : Charts.SERVICES) {
            Map<String, String> data = ministry.named(ConfigMap.class, Charts.RELEASE + "-" + service).getData();
            List<String> federation = data.keySet().stream().filter(k -> k.startsWith("NQ57_FEDERATION_")).toList();
            assertTrue(federation.size() >= 9, service + ": " + federation);
            for (String variable : federation) {
                // NQ57_FEDERATION_TOKEN_REFRESH_MARGIN is nq57.federation.token-refresh-margin, method tokenRefreshMargin()
                String[] words = variable.substring("NQ57_FEDERATION_".length()).toLowerCase().split("_");
                StringBuilder method = new StringBuilder(words[0]);
                for (int i = 1; i < words.length; i++) {
                    method.append(Character.toUpperCase(words[i].charAt(0))).append(words[i].substring(1));
                }
                assertTrue(config.contains(" " + method + "();"), service + ": " + variable + " is no setting of FederationConfig (" + method + "())");
            }
        }
        // and the secret one, which comes from the Secret
        assertTrue(config.contains(" clientSecret();"));
    }
}
