package vn.nq57.helm;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.SecretKeySelector;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.utils.Serialization;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * global.profile: a production install imports the chart's production realm (no users, no secrets) and refuses the
 * demo realm, which only the dev profile imports.
 */
class ProductionRealmTest {

    private static final Path PRODUCTION_REALM = Charts.source().resolve("nq57/files/realm-nq57-production.json");
    private static final Path DEMO_REALM = Charts.source().resolveSibling("identity").resolve("realm-nq57.json");

    /** The default values with the two generated passwords from Secrets, on a cluster with Strimzi. */
    private static final String[] DEFAULTS = {"global.postgresql.existingSecret", "nq57-db", "keycloak.admin.existingSecret", "nq57-keycloak-admin",
            "global.apiVersions[0]", "kafka.strimzi.io/v1"};

    private static JsonNode realm() throws IOException {
        return Serialization.jsonMapper().readTree(Files.readString(PRODUCTION_REALM));
    }

    private static String[] with(String[] base, String... more) {
        String[] all = new String[base.length + more.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return all;
    }

    /** A values file holding a realm as keycloak.realm.json (what --set-file does; --set would split it at commas). */
    private static Path realmValues(String name, String json) {
        try {
            Path file = Charts.work().resolve(name + ".yaml");
            Files.writeString(file, Serialization.yamlMapper().writeValueAsString(Map.of("keycloak", Map.of("realm", Map.of("json", json)))));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void theProductionRealmHasNoUserButServiceAccountsAndNoCredentials() throws IOException {
        JsonNode users = realm().path("users");
        for (JsonNode user : users) {
            String name = user.path("username").asText();
            assertTrue(user.hasNonNull("serviceAccountClientId"), name + " is a person: the production realm has none");
            assertTrue(user.path("credentials").isEmpty(), name + " has credentials");
        }
        assertEquals("nq57", realm().path("realm").asText());
    }

    @Test
    void everySecretOfTheProductionRealmIsAPlaceholder() throws IOException {
        List<String> secrets = new ArrayList<>();
        collectSecrets(realm(), secrets);
        assertFalse(secrets.isEmpty(), "the confidential clients have secrets");
        for (String secret : secrets) {
            assertTrue(secret.matches("\\$\\{[A-Z0-9_]+}"), "a literal secret: " + secret);
        }
        assertFalse(Files.readString(PRODUCTION_REALM).contains("local-dev-only"));
    }

    private static void collectSecrets(JsonNode node, List<String> into) {
        node.fields().forEachRemaining(e -> {
            if (e.getKey().equalsIgnoreCase("secret") && e.getValue().isTextual()) {
                into.add(e.getValue().asText());
            }
            collectSecrets(e.getValue(), into);
        });
        if (node.isArray()) {
            node.forEach(child -> collectSecrets(child, into));
        }
    }

    @Test
    void theProductionRealmRedirectsOnlyToThePortalsPublicUrlAndGrantsNoPasswords() throws IOException {
        for (JsonNode client : realm().path("clients")) {
            String id = client.path("clientId").asText();
            assertFalse(client.path("directAccessGrantsEnabled").asBoolean(false), id + " allows direct access grants");
            assertFalse(client.path("implicitFlowEnabled").asBoolean(false), id + " allows the implicit flow");
            List<String> urls = new ArrayList<>();
            client.path("redirectUris").forEach(u -> urls.add(u.asText()));
            client.path("webOrigins").forEach(u -> urls.add(u.asText()));
            urls.add(client.path("attributes").path("post.logout.redirect.uris").asText(""));
            for (String url : urls) {
                assertFalse(url.contains("localhost") || url.contains("127.0.0.1") || url.equals("*") || url.equals("+"), id + ": " + url);
                assertTrue(url.isEmpty() || url.startsWith("${NQ57_PORTAL_URL}"), id + " redirects elsewhere than the portal: " + url);
            }
        }
    }

    @Test
    void theDefaultInstallImportsTheProductionRealmWithItsPlaceholdersFromTheSecrets() throws IOException {
        Charts.Rendered rendered = Charts.renderUmbrella(null, with(DEFAULTS, "keycloak.realm.portalUrl", "https://portal.nq57.example.gov.vn/"));
        ConfigMap realm = rendered.named(ConfigMap.class, "nq57-keycloak-realm-production");
        assertEquals(Files.readString(PRODUCTION_REALM), realm.getData().get("realm-nq57.json"));
        Deployment keycloak = rendered.named(Deployment.class, "nq57-keycloak");
        Container kc = keycloak.getSpec().getTemplate().getSpec().getContainers().get(0);
        assertTrue(kc.getArgs().contains("--import-realm"));
        assertEquals("nq57-keycloak-realm-production", keycloak.getSpec().getTemplate().getSpec().getVolumes().stream()
                .filter(v -> "realm".equals(v.getName())).findFirst().orElseThrow().getConfigMap().getName());
        assertEquals("https://portal.nq57.example.gov.vn", Pods.envVar(kc, "NQ57_PORTAL_URL").getValue());
        // the same Secret and key as the portal and initiative-service read their client secrets from
        SecretKeySelector portal = Pods.envVar(kc, "NQ57_PORTAL_CLIENT_SECRET").getValueFrom().getSecretKeyRef();
        assertEquals(List.of("nq57-portal", "client-secret"), List.of(portal.getName(), portal.getKey()));
        assertNull(portal.getOptional(), "Keycloak waits for the portal's Secret rather than import a placeholder as the secret");
        SecretKeySelector service = Pods.envVar(kc, "NQ57_SERVICE_CLIENT_SECRET").getValueFrom().getSecretKeyRef();
        EnvVar initiative = Pods.envVar(Pods.container(rendered, "initiative-service"), "NQ57_SERVICE_CLIENT_SECRET");
        assertEquals(initiative.getValueFrom().getSecretKeyRef(), service);
        assertEquals(List.of("nq57-initiative-service", "client-secret"), List.of(service.getName(), service.getKey()));
        // and a placeholder the realm uses is one the container gets
        for (String placeholder : List.of("NQ57_PORTAL_URL", "NQ57_PORTAL_CLIENT_SECRET", "NQ57_SERVICE_CLIENT_SECRET")) {
            assertTrue(Files.readString(PRODUCTION_REALM).contains("${" + placeholder + "}"), placeholder);
        }
        Map<String, String> env = Pods.literalEnv(rendered, Pods.container(rendered, "initiative-service"));
        assertEquals("http://nq57-keycloak:8080", env.get("NQ57_KEYCLOAK_URL"));
        assertEquals("initiative-service", env.get("NQ57_SERVICE_CLIENT_ID"));
    }

    @Test
    void aProductionRealmWithoutThePortalsUrlIsRefusedWithWhatToSet() {
        String failure = Charts.renderFailure("nq57", List.of(), DEFAULTS);
        assertTrue(failure.contains("the production realm's portal client needs the portal's public URL (its redirect URIs): set keycloak.realm.portalUrl"), failure);
    }

    @Test
    void theDemoRealmIsRefusedOutsideTheDevProfile() throws IOException {
        Path demo = realmValues("demo-realm", Files.readString(DEMO_REALM));
        String failure = Charts.renderFailure("nq57", List.of(demo), DEFAULTS);
        assertTrue(failure.contains("keycloak.realm.json holds local-dev-only secrets (it is the demo realm identity/realm-nq57.json)"), failure);
        assertTrue(failure.contains("--set global.profile=dev"), failure);
        // the evaluation of README section 6
        Charts.Rendered dev = Charts.render("nq57", List.of(demo), with(DEFAULTS, "global.profile", "dev"));
        assertTrue(dev.all(io.fabric8.kubernetes.api.model.Secret.class).stream().anyMatch(s -> "nq57-keycloak-realm".equals(s.getMetadata().getName())));
        assertTrue(dev.all(ConfigMap.class).stream().noneMatch(c -> c.getMetadata().getName().endsWith("-realm-production")));
    }

    @Test
    void aRealmWithUsersThatHavePasswordsIsRefusedOutsideTheDevProfile() {
        Path users = realmValues("realm-with-users", "{\"realm\":\"nq57\",\"users\":[{\"username\":\"service-account-x\",\"credentials\":[]},"
                + "{\"username\":\"alice\",\"credentials\":[{\"type\":\"password\",\"value\":\"alice\"}]}]}");
        String failure = Charts.renderFailure("nq57", List.of(users), DEFAULTS);
        assertTrue(failure.contains("keycloak.realm.json has the user \"alice\" with credentials"), failure);
        assertEquals(1, Charts.render("nq57", List.of(users), with(DEFAULTS, "global.profile", "dev")).all(Deployment.class).stream()
                .filter(d -> "nq57-keycloak".equals(d.getMetadata().getName())).count());
    }

    @Test
    void initiativeServiceReadsUsersAndSendsMailAsItsValuesSay() {
        Charts.Rendered rendered = Scenario.MINISTRY.render("initiative-service.mail.enabled", "true",
                "initiative-service.mail.from", "nq57@bkhcn.gov.vn", "initiative-service.mail.smtp.host", "smtp.bkhcn.gov.vn",
                "initiative-service.mail.smtp.username", "nq57", "initiative-service.mail.smtp.existingSecret", "nq57-smtp",
                "initiative-service.mail.portalUrl", "https://portal.nq57.bkhcn.gov.vn/");
        Container c = Pods.container(rendered, "initiative-service");
        Map<String, String> env = Pods.literalEnv(rendered, c);
        assertEquals("http://nq57-keycloak:8080", env.get("NQ57_KEYCLOAK_URL"), "the bundled Keycloak, in the cluster");
        assertEquals("https://sso.nq57.gov.vn", Pods.literalEnv(Scenario.CENTRAL.render(), Pods.container(Scenario.CENTRAL.render(), "initiative-service"))
                .get("NQ57_KEYCLOAK_URL"), "an external Keycloak: the issuer's");
        assertEquals("true", env.get("NQ57_MAIL_ENABLED"));
        assertEquals("smtp.bkhcn.gov.vn", env.get("NQ57_SMTP_HOST"));
        assertEquals("587", env.get("NQ57_SMTP_PORT"));
        assertEquals("REQUIRED", env.get("NQ57_SMTP_STARTTLS"));
        assertEquals("nq57", env.get("NQ57_SMTP_USER"));
        assertEquals("nq57@bkhcn.gov.vn", env.get("NQ57_MAIL_FROM"));
        assertEquals("https://portal.nq57.bkhcn.gov.vn", env.get("NQ57_PORTAL_PUBLIC_URL"));
        assertEquals("nq57-smtp", Pods.envVar(c, "NQ57_SMTP_PASSWORD").getValueFrom().getSecretKeyRef().getName());
        assertEquals("nq57-initiative-service", Pods.envVar(c, "NQ57_SERVICE_CLIENT_SECRET").getValueFrom().getSecretKeyRef().getName());
        for (String other : List.of("kpi-service", "budget-service")) {
            Map<String, String> otherEnv = Pods.literalEnv(rendered, Pods.container(rendered, other));
            assertFalse(otherEnv.containsKey("NQ57_KEYCLOAK_URL") || otherEnv.containsKey("NQ57_MAIL_ENABLED"), other);
        }
        assertEquals("false", Pods.literalEnv(Scenario.MINISTRY.render(), Pods.container(Scenario.MINISTRY.render(), "initiative-service")).get("NQ57_MAIL_ENABLED"));
        String noHost = Charts.renderFailure("nq57", List.of(Charts.umbrellaValues("values-ministry.yaml")), "initiative-service.mail.enabled", "true");
        assertTrue(noHost.contains("values don't meet the specifications of the schema"), noHost);
    }

    @Test
    void theVariablesInitiativeServiceGetsForUsersAndMailAreTheOnesItReads() throws IOException {
        String properties = Files.readString(Charts.source().resolveSibling("initiative-service").resolve("src/main/resources/application.properties"));
        for (String variable : List.of("NQ57_KEYCLOAK_URL", "NQ57_SERVICE_CLIENT_ID", "NQ57_SERVICE_CLIENT_SECRET", "NQ57_MAIL_ENABLED",
                "NQ57_MAIL_FROM", "NQ57_SMTP_HOST", "NQ57_SMTP_PORT", "NQ57_SMTP_USER", "NQ57_SMTP_PASSWORD", "NQ57_SMTP_STARTTLS", "NQ57_PORTAL_PUBLIC_URL")) {
            assertTrue(properties.contains("${" + variable + ":"), "initiative-service does not read " + variable);
        }
    }
}
